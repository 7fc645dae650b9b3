"""Duty items of directives and plans: which body must do what, by when.

A duty is a numbered or bulleted item ("1.", "a)", "-") that opens with the body it addresses
("Công an tỉnh chủ trì ...", "Sở Y tế: ...", "Đề nghị Ủy ban MTTQ tỉnh ..."). An item that only
names a body and ends with a colon ("3. Các sở, ban, ngành:") hands that body down to its
sub-items, or the plain paragraphs under it when it has none ("2. Sở Y tế", then its task).
Once a document has such items, a sentence of an unnumbered paragraph that opens
with a body ("Giao Công an tỉnh theo dõi ...", "Sở Tài chính tham mưu ...") is a duty too;
a report's or a news page's sentences never are, since they come with no numbered duty.
An article headed by whose duties it lists ("Điều 9. Trách nhiệm của Công ty A", a
coordination rule's) owns the items under it that name no body, and those handing a task to
one of its units ("a) Giao Phòng B làm đầu mối ..."); their numbering path opens with the
article ("Điều 9.a").
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass

from index.extraction.bodies import Owners, read_owners
from index.extraction.records import DutyItem
from index.sentences import sentence_spans

# An item's number or bullet, and its depth: "II." 0, "1." 1, "1.2." 2, "a)" 3, "-" 4, "+" 5.
_MARKER_RE = re.compile(
    r"(?P<roman>[IVXLC]+)\.\s+|(?P<deep>\d{1,2}(?:\.\d{1,2})+)\.?\s+|(?P<arabic>\d{1,2})[.)]\s+"
    r"|\((?P<paren>\d{1,2})\)\s+|(?P<letter>[a-zđ])\)\s+|(?P<dash>[-–•])\s+|(?P<plus>\+)\s+"
)
_DEPTH = {"roman": 0, "arabic": 1, "deep": 2, "paren": 3, "letter": 3, "dash": 4, "plus": 5}
_PARAGRAPH_RE = re.compile(r"[^\n]+")
_NAME_ONLY_RE = re.compile(r"\s*(?:\([^()\n]*\))?\s*[:.]?\s*")

# A date bound: "trước ngày 15/01/2025", "hoàn thành trong quý IV năm 2023", "xong trong tháng
# 3/2025"; else a periodicity: "định kỳ 6 tháng", "hằng tháng". Linear: no nested repeats.
_DATE = r"\d{1,2}(?:/\d{1,2}(?:/\d{4})?| tháng \d{1,2}(?: năm \d{4})?)?"
_PERIOD = r"(?:tháng \d{1,2}(?:/\d{4}| năm \d{4})?|quý [IV]+(?:/\d{4}| năm \d{4})?|năm \d{4})"
_DATE_BOUND_RE = re.compile(
    rf"(?:trước|chậm nhất|không quá)(?: ngày)? {_DATE}"
    rf"|(?:(?:hoàn thành|xong|kết thúc)(?: trước| trong)?|trong) {_PERIOD}",
    re.IGNORECASE,
)
_PERIODICITY_RE = re.compile(
    r"(?:định kỳ )?(?:hằng|hàng) (?:ngày|tuần|tháng|quý|năm)(?![^\W\d_])"
    r"|định kỳ \d{1,2} tháng|định kỳ (?:tháng|quý|năm)(?![^\W\d_])",
    re.IGNORECASE,
)


@dataclass(frozen=True)
class _Item:
    depth: int  # -1 for an unnumbered paragraph
    label: str  # "II", "3", "a"
    start: int  # after the marker
    end: int


def read_deadline(text: str) -> str | None:
    """The first date bound of a duty's text, else its first periodicity, as written."""
    match = _DATE_BOUND_RE.search(text) or _PERIODICITY_RE.search(text)
    return match.group() if match else None


# The recipients' block closing a document ("Nơi nhận:" / "- Công an tỉnh, ..."): the
# bodies it lists are sent the document, given no task by it. It runs to the next article,
# chapter or attached document's title (a decision's rule: "QUY CHẾ" / "Điều 1. ...").
_RECIPIENTS_RE = re.compile(r"[\W_]*N[ơo]i nh[ậa]n\b", re.IGNORECASE)
# (not at a signature's lines in capitals, "PHÓ CHỦ TỊCH", set beside the recipients)
_PART_AFTER_RE = re.compile(
    r"[#*\s]*(?:Điều \d|Chương [IVX\d]|[IVX]{1,4}\.\s"
    r"|(?:QUY CHẾ|QUY ĐỊNH|KẾ HOẠCH|PHỤ LỤC|HƯỚNG DẪN|ĐIỀU LỆ|CHƯƠNG TRÌNH|ĐỀ ÁN)\b)"
)


def _items(text: str) -> Iterator[_Item]:
    sent_to = False  # inside the recipients' block
    for paragraph in _PARAGRAPH_RE.finditer(text):
        start, end = paragraph.start(), paragraph.end()
        while start < end and text[start].isspace():
            start += 1
        if _RECIPIENTS_RE.match(text, start, end):
            sent_to = True
        if sent_to and not _PART_AFTER_RE.match(text, start, end):
            continue
        sent_to = False
        marker = _MARKER_RE.match(text, start, end)
        if marker is None or marker.lastgroup is None:
            yield _Item(-1, "", start, end)
            continue
        label = marker.group(marker.lastgroup).rstrip(".)")
        yield _Item(_DEPTH[marker.lastgroup], label, marker.end(), end)


def _is_heading(text: str, item: _Item) -> bool:
    piece = text[item.start : item.end]
    return piece.isupper() or len(piece) < 4


def _duty(
    text: str,
    start: int,
    end: int,
    section: str,
    inherited: Owners | None,
    assigned: bool = False,
) -> DutyItem | None:
    """The duty of `text[start:end]`: its own opening bodies, else `inherited` (also, with
    `assigned`, when the item hands the task to one of the inherited body's own units:
    "a) Giao Phòng A làm đầu mối" under "Trách nhiệm của Ban B")."""
    while end > start and text[end - 1].isspace():
        end -= 1
    piece = text[start:end]
    given = assigned and _GIVEN_RE.match(piece) is not None
    # ... and under any body handing items down ("3. Ban Quản lý Khu kinh tế:"), an item
    # requiring others to act ("a) Yêu cầu các doanh nghiệp cung cấp ...") is its task.
    given = given or (inherited is not None and _REQUIRED_RE.match(piece) is not None)
    owners = (inherited if given else None) or read_owners(text, start, end) or inherited
    if owners is None:
        return None
    return DutyItem(owners.body, piece, start, end, section, owners.co_bodies, read_deadline(piece))


def _heading_body(text: str, item: _Item) -> Owners | None:
    """The bodies of an item that only names them: "3. Các sở, ban, ngành:", "7. Đề nghị
    Ủy ban MTTQ tỉnh và Hội Nông dân tỉnh" (its sub-items' or paragraphs' owners)."""
    owners = read_owners(text, item.start, item.end, with_task=False)
    if owners is None or not _NAME_ONLY_RE.fullmatch(text, owners.end, item.end):
        return None
    return owners


# A rule's article or a plan's part headed by whose duties it lists: "Điều 7. Trách nhiệm của
# Sở Tư pháp", "Nhiệm vụ cụ thể của Công an xã:" (its items name no body of their own).
# ... or an article headed by the body's name alone: "Điều 9. Sở Du lịch".
_DUTIES_OF = r"(?:Trách nhiệm|Nhiệm vụ, quyền hạn|Nhiệm vụ)(?: cụ thể)? của\s+"
_DUTIES_OF_RE = re.compile(
    rf"Điều (?P<article>\d{{1,3}})\.?\s*(?:{_DUTIES_OF})?|{_DUTIES_OF}", re.IGNORECASE
)
# An item handing its task to a unit ("Giao Phòng A ...", "Chỉ đạo Phòng B ..."): under a
# body's own article, the body's duty.
_GIVEN_RE = re.compile(r"(?:Giao(?: cho)?|Chỉ đạo|Phân công)\s+")
_REQUIRED_RE = re.compile(r"Yêu cầu\s+")
# Where such a part ends: the next article or chapter (or a part numbered in Roman).
_PART_HEADING_RE = re.compile(r"(?:Điều \d{1,3}\b|Chương [IVXLC\d]+\b)", re.IGNORECASE)
# The numbering path of an item of such an article opens with it: "Điều 9.a".
ARTICLE_PREFIX = "Điều "


def _duties_of_heading(text: str, item: _Item) -> tuple[Owners, str] | None:
    """The body whose duties an unnumbered heading announces ("Điều 7. Trách nhiệm của
    Sở Tư pháp"), with the numbering path its items open with ("Điều 7"; "" when the
    heading is no article); None when it announces none."""
    lead = _DUTIES_OF_RE.match(text, item.start, item.end)
    if lead is None:
        return None
    owners = read_owners(text, lead.end(), item.end, with_task=False)
    if owners is None or not _NAME_ONLY_RE.fullmatch(text, owners.end, item.end):
        return None
    return owners, (f"{ARTICLE_PREFIX}{lead['article']}" if lead["article"] else "")


def _sentence_duties(text: str, item: _Item) -> Iterator[DutyItem]:
    for start, end in sentence_spans(text, item.start, item.end):
        duty = _duty(text, start, end, "", None)
        if duty is not None:
            yield duty


def read_duties(text: str) -> tuple[DutyItem, ...]:
    """The items of a directive or plan that give a named body a task."""
    duties: list[DutyItem] = []
    stack: list[tuple[int, str, Owners | None]] = []  # (depth, label, bodies handed down)
    unnumbered: list[_Item] = []
    part_owner: Owners | None = None  # of an article headed "Trách nhiệm của X"
    part = ""  # its number, the first of its items' numbering path: "Điều 9" of "Điều 9.a"
    for item in _items(text):
        owning = _duties_of_heading(text, item) if item.depth < 0 else None
        if (
            owning
            or item.depth == 0
            or (item.depth < 0 and _PART_HEADING_RE.match(text, item.start, item.end))
        ):
            part_owner, part = owning if owning else (None, "")
            if item.depth < 0:
                stack.clear()
                continue
        if item.depth < 0:
            # "2. Sở Y tế" alone on its line, then its task as a plain paragraph.
            named = stack[-1] if stack else None
            if named is not None and named[2] is not None and not _is_heading(text, item):
                section = ".".join(label for _, label, _ in stack)
                duty = _duty(text, item.start, item.end, section, named[2])
                duties.extend([duty] if duty else [])
            elif part_owner is not None and not _is_heading(text, item):
                # "Điều 9. Sở Du lịch" then its tasks as a plain paragraph
                duty = _duty(text, item.start, item.end, part, part_owner, assigned=True)
                duties.extend([duty] if duty else [])
            elif duties and not _is_heading(text, item):  # after the duties begin
                unnumbered.append(item)
            continue
        while stack and stack[-1][0] >= item.depth:
            stack.pop()
        section = ".".join([*(label for _, label, _ in stack), item.label])
        heading = _is_heading(text, item)
        handed_down = None if heading else _heading_body(text, item)
        inherited = next((body for _, _, body in reversed(stack) if body), None)
        owned = inherited is None and part_owner is not None
        if owned:
            inherited, section = part_owner, ".".join(p for p in (part, section) if p)
        if handed_down is None and not heading:
            duty = _duty(text, item.start, item.end, section, inherited, assigned=owned)
            duties.extend([duty] if duty else [])
            if duty is not None and duty.text.endswith(":"):
                # "2. Sở A chủ trì, phối hợp:" opens a list: its items are Sở A's tasks too
                handed_down = read_owners(text, item.start, item.end)
        stack.append((item.depth, item.label, handed_down))
    for item in unnumbered:  # an operative text's unnumbered sentences assign duties too
        duties.extend(_sentence_duties(text, item))
    return tuple(sorted(duties, key=lambda duty: duty.start))
