"""The bodies an item of a directive or plan opens with: "Sở Y tế, Công an tỉnh ...".

A body is read word by word from the item's opening: an organisation's head word ("Sở",
"Công an", "UBND", "Ban", "Các" + a kind of unit) and then its name, which runs on through
capitalised words, place and unit words ("tỉnh", "các huyện, thành phố") and the joiners of
a compound name ("Sở Văn hóa, Thể thao và Du lịch"). A comma or "và" followed by another head
word starts a further owner; anything else (a verb, "phối hợp với", a parenthesis) ends it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from index.abbreviations import ABBREVIATIONS
from index.vietnamese import UPPER_LETTERS, fold

# Words that open an organisation's name, in the case a name is written in.
_HEADS = (
    "Ủy ban nhân dân|Ủy ban|Uỷ ban|UBND|HĐND|Hội đồng nhân dân|Hội đồng|Công an|Sở|Bộ Chỉ huy"
    "|Bộ Tư lệnh|Bộ|Ban|Tỉnh đoàn|Thành đoàn|Huyện đoàn|Đoàn|Hội|Báo|Đài|Đảng ủy|Đảng đoàn"
    "|Tỉnh ủy|Thành ủy|Huyện ủy|Quận ủy|Thị ủy|Thanh tra|Viện kiểm sát|Tòa án|Cục|Chi cục"
    "|Hiệp hội"
    "|Văn phòng|Trung tâm|Liên đoàn|Mặt trận|Chủ tịch|Phó Chủ tịch|Giám đốc|Thủ trưởng"
    "|Người đứng đầu|Kho bạc|Cảnh sát|Bộ đội|Ngân hàng|Học viện|Trường|Phòng|Đội|Cổng"
    # ... and those a coordination rule binds beside public bodies: "Công ty Điện lực A",
    # "Hạt Kiểm lâm huyện B", "Đồn Biên phòng C", "Bệnh viện Đa khoa D"
    "|Tổng công ty|Công ty|Tập đoàn|Điện lực|Hạt|Đồn|Bệnh viện|Trạm|Hải đội"
)
_HEAD_RE = re.compile(rf"(?:{_HEADS})(?![^\W\d_])")
# Kinds of unit a collective names after "các": "Các sở, ban, ngành", "UBND các huyện, thị xã".
_UNITS = (
    "sở|ban|ngành|đoàn thể|huyện|quận|thị xã|thành phố|xã|phường|thị trấn|địa phương|cấp ủy"
    "|tổ chức đảng|tổ chức chính trị - xã hội|tổ chức|chính quyền|quận ủy|huyện ủy|thị ủy"
    "|đảng ủy|cơ quan|đơn vị|doanh nghiệp|cấp|hội|đoàn|lực lượng"
)
_UNIT = "|".join(sorted(_UNITS.split("|"), key=len, reverse=True))  # longest first
_COLLECTIVE_RE = re.compile(rf"[Cc]ác (?:{_UNIT})(?:, (?:{_UNIT}))*(?![^\W\d_])")
# Lower-case words that belong inside a name: places, units, and a few of agencies' names.
_NAME_WORDS = (
    "tỉnh|thành phố|huyện|quận|thị xã|xã|phường|thị trấn|cấp tỉnh|cấp huyện|cấp xã|các|cán sự"
    "|đảng|giao thông|vận tải|nhân dân|trực thuộc|điện tử|chính trị - xã hội|cơ sở|Thành phố"
    "|xã hội|nông thôn|nhà nước|Ủy ban nhân dân|Ủy ban|Hội đồng nhân dân|Hội đồng"
)
_NAME_WORD = "|".join(sorted(_NAME_WORDS.split("|"), key=len, reverse=True))
_NAME_WORD_RE = re.compile(rf"(?:{_NAME_WORD})(?![^\W\d_])")
# Syllables that carry on a capitalised one inside an agency's name ("Sở Xây dựng", "Đài
# Phát thanh - Truyền hình"): names capitalise only a compound's first syllable.
_CARRIED = (
    "an|dựng|thanh|hình|thông|tải|nữ|tạo|dục|lịch|thao|hội|binh|sự|phòng|tế|chính|giáo|tra"
    "|ủy|phố|đội|hóa|hiệp|động|toàn|tin|huy|tịch|nghiệp|trường|vụ|sát|mại|lượng|tộc|sản|trị"
    "|đốc|trưởng|phủ|viện|chức|nghị|ngoại|vệ|dân|đình|điện|lực|triển|thôn|nguyên|pháp|lâm"
    "|niên|chiến|thập|đỏ|nghệ|học|tư|hoạch|tâm|lý|hiểm|nước|đạo|binh|yếu|trận|quốc"
    "|quan(?! tâm)"  # "Cục Hải quan tỉnh", not the verb of "Sở Y tế quan tâm ..."
    "|kinh(?= tế)"  # "Ban Quản lý Khu kinh tế", not "kinh doanh"
)
# ... or an abbreviation joined by "&" or "-" ("Phòng GD&ĐT", "Sở LĐ-TB&XH").
_CAPITALISED_RE = re.compile(
    rf"[{UPPER_LETTERS}][^\W_]*(?:[&-][{UPPER_LETTERS}][^\W_]*)*"
    rf"(?: (?:{_CARRIED})(?![^\W\d_])){{0,2}}(?![^\W_])"
)
_JOINER_RE = re.compile(r"(?:,| và| -)? ")
_LEAD_RE = re.compile(r"(?:Đề nghị|Giao cho|Giao|Yêu cầu|Trách nhiệm của|Nhiệm vụ của|Đối với)\s+")
# ... those saying how the bodies after them are asked: a partner only "Đề nghị", one "Giao".
ASKING_LEAD_RE = re.compile(r"(?:Đề nghị|Giao cho|Giao|Yêu cầu)\s+")


@dataclass(frozen=True)
class Owners:
    """The owners an item opens with, and where their names end in the text."""

    body: str
    co_bodies: tuple[str, ...]
    start: int  # where the first body's name begins (after "Đề nghị", "Giao")
    end: int  # where the last owner's name ends


def _name_end(text: str, pos: int, end: int) -> int:
    """Where the name that starts at `pos` ends (a head word or collective is at `pos`)."""
    match = _COLLECTIVE_RE.match(text, pos, end) or _HEAD_RE.match(text, pos, end)
    if match is None:
        return pos
    cursor = match.end()
    while cursor < end:
        joiner = _JOINER_RE.match(text, cursor, end)
        if joiner is None:
            break
        word_at = joiner.end()
        if joiner.group().strip() in (",", "và") and _starts_owner(text, word_at, end):
            break  # a further owner, not part of this name
        word = (
            _COLLECTIVE_RE.match(text, word_at, end)
            or _NAME_WORD_RE.match(text, word_at, end)
            or _CAPITALISED_RE.match(text, word_at, end)
        )
        if word is None:
            break
        cursor = word.end()
    return cursor


def _starts_owner(text: str, pos: int, end: int) -> bool:
    return bool(_COLLECTIVE_RE.match(text, pos, end) or _HEAD_RE.match(text, pos, end))


def read_owners(text: str, start: int, end: int, *, with_task: bool = True) -> Owners | None:
    """The owners `text[start:end]` opens with ("Đề nghị" and "Giao" skipped), or None.

    With `with_task`, only when a task follows the names (a colon, a verb); without it, a
    bare heading ("Công an tỉnh") names its owner too.
    """
    lead = _LEAD_RE.match(text, start, end)
    pos = lead.end() if lead else start
    if not _starts_owner(text, pos, end):
        return None
    names: list[str] = []
    first, cursor = pos, pos
    while True:
        name_end = _name_end(text, cursor, end)
        names.append(text[cursor:name_end])
        joiner = _JOINER_RE.match(text, name_end, end)
        if joiner is None or joiner.group().strip() not in (",", "và"):
            break
        if not _starts_owner(text, joiner.end(), end):
            break
        cursor = joiner.end()
    if _bare_head(names[0]) or (with_task and not _opens_task(text, name_end, end)):
        return None  # a head word alone ("Phòng, chống ...", "Tòa án quyết định") names no body
    return Owners(names[0], tuple(names[1:]), first, name_end)


def _bare_head(name: str) -> bool:
    head = _HEAD_RE.match(name)
    return head is not None and head.end() == len(name)


def _opens_task(text: str, pos: int, end: int) -> bool:
    """True when what follows a name reads as a task: ":", "(...)", ", cơ quan ...", a verb."""
    rest = text[pos : min(end, pos + 4)].lstrip()
    return bool(rest) and (rest[0] in ":(," or rest[0].islower())


def body_key(body: str) -> str:
    """A comparable form of a body's name: abbreviations spelled out, folded, no "các"."""
    spelled = re.sub(
        r"\b(UBND|HĐND|MTTQ|UBMTTQ)\b", lambda m: ABBREVIATIONS[m.group()], body.strip()
    )
    key = " ".join(re.findall(r"[^\W_]+", fold(spelled)))
    return key.removeprefix("cac ")
