"""Figures read from a table by its column and row: "| Huyện B | 16 | 13 |" under
"| Địa bàn | Số vụ TNGT | Số người chết |" says that huyện B had 16 vụ TNGT, and "Tổ trưởng |
1.800.000" under "Chức danh | Mức hỗ trợ (đồng/người/tháng)" what a team leader is paid.

A row alone holds no counted noun, so the clause scoring never takes it for the answer to
"Huyện B có bao nhiêu vụ tai nạn giao thông?" nor to "Huyện nào có nhiều vụ nhất?". Here the
column is the header cell naming the counted noun, the row the one naming the asked place (or
the thing the question names, "tổ phó"), or for "nhiều nhất" / "ít nhất" the rows holding the
column's highest or lowest value.
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, replace

from assistant.extractive.counting import asks_share, counts_beings
from assistant.extractive.entities import named_as_another_unit, places_named
from assistant.extractive.former_rates import MONEY_RE, RATE_ASKED_RE
from assistant.extractive.lexicon import (
    PLACE_KINDS,
    PLACE_NAMED_RE,
    PLACE_NOUNS,
    TARGET_NAMED_RE,
    UNIT_STOP_NOUNS,
)
from assistant.extractive.passage_views import PassageView, is_heading_line
from assistant.extractive.periods import parts_of_year, without_periods
from assistant.extractive.question import QuestionAnalysis, QuestionType
from assistant.extractive.row_naming import (
    MIN_LABEL_WORDS,
    Naming,
    asked_row,
    best_named,
    joined_rows,
    naming,
)
from assistant.extractive.row_naming import phrase as _phrase
from index.gazetteer import PROVINCES, PROVINCES_2025
from index.vietnamese import fold

# A row: cells between "|" (a Markdown row "| a | b |", or a web page's "a | b" as the loader
# writes an HTML table's row); a rule row holds only "-", ":", "|" and spaces.
RULE_RE = re.compile(r"^[\s|:\-–—+=]+$")
# A count, a share or a pair of counts: "1.204", "72,71%", "6/9" (vụ/đối tượng).
_VALUE_RE = re.compile(r"^\d+(?:[.,]\d+)*(?:/\d+(?:[.,]\d+)*)?\s?%?$")
# A header cell must hold at least this share of the counted noun's words.
MIN_COLUMN_SHARE = 0.5
SHORT_NOUN_WORDS = 2  # ... and all of a noun this short ("vụ cháy")
MIN_PART_WORDS = 2  # a part column ("Trong đó: X") is named by this many of its words
MIN_SPREAD_WORDS = 4  # a column name this long is named by its words, in any order
# "nhiều ... nhất", "cao nhất": the highest; "ít ... nhất", "thấp nhất": the lowest.
# The words between may be listed ("nhiều vụ trộm, cướp nhất"), but hold no other rank
# word: the nearest decides, so a place named before ("Tháp Mười có nhiều ... nhất",
# "Cao Bằng ... ít ... nhất") is not read as one.
# What is ranked may be long: "nhiều người đủ tiêu chuẩn tham gia tổ tự quản về ANTT nhất".
MAX_RANKED_WORDS = 15
_RANK_WORD = r"(?:nhieu|cao|lon|it|thap|nho)"
_EXTREME_RE = re.compile(
    rf"\b({_RANK_WORD})\b(?:,? (?!{_RANK_WORD}\b)[a-z0-9]+){{0,{MAX_RANKED_WORDS}}} nhat\b"
)
_LEAST_WORDS = frozenset(("it", "thap", "nho"))
_MOST_RE = re.compile(r"(?<!\w)(?:(?:đông|nặng)(?!\w)|(?:xa|dài|rộng)(?= nhất(?!\w)))")
# "Năm nào", "quý nào", "thời điểm nào", "đợt nào ... nhiều nhất": rows that are times.
_PERIOD_ASKED_RE = re.compile(
    r"\b(?:nam|thang|quy|thoi diem|thoi k[iy]|thoi gian|dot|giai doan|dip|mua|k[iy]) nao\b"
)
# "Huyện nào không có vụ ... nào?", "... không khởi tố vụ nào": the rows counting none.
_NONE_ASKED_RE = re.compile(
    r"\bkhong (?:co|xay ra|de xay ra|phat hien|ghi nhan)\b.*\bnao\b"
    r"|\bkhong (?:\w+ ){1,3}(?:vu|truong hop|doi tuong|nguoi|bi can) nao\b"
)
# What a rank is said of: the words after the last of "nào", "bị", "có", "được", "là", "số"
# before "nhiều/ít/cao/thấp/lớn/nhỏ nhất".
# (Each word ends at a space: no two ways to cut one, which would backtrack exponentially.)
_RANKED_WORDS_RE = re.compile(
    rf"(?:.*\b(?:nao|bi|co|duoc|la|so) )?((?:[a-z0-9]+ )+?){_RANK_WORD} nhat\b"
)
# ... all the words after the place asked, when the question names it: "xã nào số tiền bị
# chiếm đoạt lớn nhất" ranks "số tiền", which "bị" does not cut.
_AFTER_ASKED_PLACE_RE = re.compile(rf"\bnao ((?:[a-z0-9]+ )+?){_RANK_WORD} nhat\b")
# ... or the words between the rank word and "nhất": "tổ nào nhiều thành viên nhất" ranks
# "thành viên", not "tổ".
# (Not across another rank word: "đợt cao điểm, xã nào nhiều vụ nhất" ranks "vụ".)
_RANKED_BETWEEN_RE = re.compile(
    rf"\b{_RANK_WORD} ((?:(?!{_RANK_WORD}\b)[a-z0-9]+ ){{1,{MAX_RANKED_WORDS}}}?)nhat\b"
)
HEAD_WEIGHT = 3  # the ranked noun's head word outweighs the question's other words
_RANK_WORDS = frozenset(("nhieu", "it", "cao", "thap", "lon", "nho", "nhat", "nao", "so"))

# A change asked of places: "tăng so với năm 2023", "có số vụ giảm?" (folded; not "tăng
# cường"), and a header cell giving one: "So với năm 2023", "Tăng/giảm", "+/-".
_CHANGE_ASKED_RE = re.compile(r"\b((?:khong )?(?:tang|giam))\b(?= so voi\b|(?: \w+){0,3}\W*$)")
_CHANGE_HEADER_RE = re.compile(r"\bso voi\b|\btang\W+giam\b|\+/-")
_CHANGE_CELL = {"tang": r"(?:tang\b|\+)", "giam": r"(?:giam\b|-|−)"}
_CHANGE_WORDS = frozenset(("so", "voi", "nam", "cung", "ky", "tang", "giam"))


@dataclass(frozen=True)
class TableCell:
    """One value of a table: the row and header clauses it is read from, and its column."""

    view: PassageView
    header: int  # clause indexes in the view
    row: int
    label: str  # the row's first cell: "Huyện Hải Hậu"
    column: str  # the header cell: "Số vụ TNGT"
    value_text: str  # as written: "1.204"

    @property
    def value(self) -> float:
        return number_value(self.value_text)

    @property
    def header_text(self) -> str:
        """The header row as written, of this passage or the one the table began in."""
        if self.header >= 0:
            return self.view.clauses[self.header].text
        return self.view.table_head[1] if self.view.table_head else ""


def _label_header(values: list[TableCell]) -> str:
    """The header over a table's labels ("Tuyến", "Nhóm hàng hóa"), folded; empty when
    unknown."""
    if not values:
        return ""
    cell = values[0]
    header, row = cells(cell.header_text), cells(cell.view.clauses[cell.row].text)
    if not header or not row or len(header) != len(row) or cell.label not in row:
        return ""
    return _phrase(header[row.index(cell.label)])


def labels_named_as_asked(analysis: QuestionAnalysis, values: list[TableCell]) -> bool:
    """The table's rows are of the kind the question asks: the header over its labels names
    the asked noun ("| Tuyến | Số vụ |" for "tuyến nào ... nhiều nhất")."""
    asked = _phrase(analysis.asked_noun or "").split()
    return bool(asked) and asked[0] in _label_header(values).split()


# Headers over labels that are places: a kind of place, or "Đơn vị", "Khu vực", "Công an".
_PLACE_HEADER_RE = re.compile(
    rf"\b(?:{'|'.join(sorted({fold(k).lower() for k in PLACE_KINDS}, key=len, reverse=True))}"
    r"|don vi|khu vuc|cong an|dia danh|ten)\b"
)


def labels_are_no_places(analysis: QuestionAnalysis, values: list[TableCell]) -> bool:
    """ "Huyện nào ... nhiều nhất" is not answered by a table whose labels are headed as
    something else than places ("| Nhóm hàng hóa | Số vụ |", "| Tuyến | Số vụ |")."""
    header = _label_header(values)
    return (
        analysis.asked_noun in PLACE_NOUNS and bool(header) and not _PLACE_HEADER_RE.search(header)
    )


def by_table(values: list[TableCell]) -> list[list[TableCell]]:
    """A passage's values grouped by the table they are read in, in the passage's order: two
    tables of one report ("theo địa bàn", "theo tuyến") are compared each on its own."""
    tables: dict[int, list[TableCell]] = {}
    for cell in values:
        tables.setdefault(cell.header, []).append(cell)
    return list(tables.values())


def number_value(written: str) -> float:
    """A number as Vietnamese writes it: "1.105" is 1105, "12,5" is 12.5, "12,5%" too; of a
    pair "6/9" (vụ/đối tượng), the first."""
    first = written.split("/", 1)[0].rstrip(" %").rstrip(".,")
    return float(first.replace(".", "").replace(",", "."))


def cells(text: str) -> list[str] | None:
    """The cells of a table row, or None when the text is no row."""
    if "|" not in text or RULE_RE.match(text):
        return None
    # A cell in bold ("**139**", a Markdown total row) holds what it would unbolded.
    parts = [part.strip().strip("*").strip() for part in text.strip().split("|")]
    if parts and not parts[0]:
        parts = parts[1:]
    if parts and not parts[-1]:
        parts = parts[:-1]
    return parts if len(parts) >= 2 else None


def heads_table(view: PassageView, index: int) -> bool:
    """The clause is a table's header row ("| STT | Đơn vị | Số vụ |"): cells, none a figure,
    with the table's rule or its rows right after it. It names what the columns count and
    answers nothing on its own."""
    text = view.clauses[index].text
    row = cells(text)
    if row is None or has_figures(row):
        return False
    following = view.clauses[index + 1 : index + 2]
    if not following:
        return False
    # ... a row naming no number at all ("| 100% cơ sở ... | 96,2% — chưa đạt |" is a
    # target's row, its figures inside words), unless the table's rule follows it
    rule = bool(RULE_RE.match(following[0].text))
    after = cells(following[0].text)
    # ... or over a row of figures: "| Nội dung | Tháng 10/2030 | Năm 2030 |" names periods.
    return rule or (after is not None and (not re.search(r"\d", text) or has_figures(after)))


def has_figures(row: list[str]) -> bool:
    """A row of figures, not a header: one cell at least is a number ("1.908", "12,5%")."""
    return any(_VALUE_RE.match(cell) for cell in row)


def _without_unit(cell: str) -> str:
    """A header cell without the unit it counts in: "Khởi tố (vụ/bị can)" -> "Khởi tố"."""
    return re.sub(r"\([^()]*\)", " ", cell)


def _words(text: str) -> set[str]:
    return set(_phrase(text).split())


# A rate's period: "mỗi tháng", "một ngày", "hằng năm", "/tháng" (folded).
_RATE_RE = re.compile(r"(?:\b(?:moi|mot|hang)\s+|/\s*)(ngay|thang|nam|quy|tuan|gio)\b")


def _rate_periods(text: str) -> set[str]:
    """The periods a text's rates are per: "mỗi tháng", "một ngày", "đồng/người/tháng"."""
    return set(_RATE_RE.findall(fold(text).lower()))


# What counts cases rather than naming them: "Số vụ", "lượt".
_CASE_COUNTERS = frozenset(("vu", "so", "luot"))
# Counted nouns of two words whose first word alone says something else (read folded): the
# ones opening with a word that ends a noun ("bị can", "đối tượng"), and "tin báo".
_TWO_WORD_COUNTERS = frozenset(fold(noun) for noun in UNIT_STOP_NOUNS) | {"tin bao"}
# A counted person whose column names only what befell them: "người chết" under "Chết".
_PERSON_HEAD_RE = re.compile(r"^nguoi (?=\w+)")
# What a counted noun is of: "người chết | vì tai nạn giao thông", "thiệt hại | do cháy".
_CAUSE_RE = re.compile(r"\s(?:vi(?! pham)|do|boi)\s")  # "vì", not "vi phạm"


def _column(analysis: QuestionAnalysis, header: list[str], caption: str = "") -> int | None:
    """The column counting the asked noun (see `_noun_column`); for "nhiều TNGT nhất", an
    event named with no counter, the column of its cases ("Số vụ" under a caption naming
    the event)."""
    # (a share asked beside its target, "tỷ lệ ... và chỉ tiêu đề ra", is read from the row
    # of targets, not a column of shares alone)
    target = TARGET_NAMED_RE.search(_ranked_text(analysis))
    shares = asked_extreme(analysis) or (asks_share(analysis) and target is None)
    if shares and SHARE_ASKED_RE.search(_ranked_text(analysis)):
        # "tỷ lệ ... cao nhất", "tỷ lệ ... của huyện B": the column of shares, of the two
        # ("Tỷ lệ đạt (%)", "Chỉ tiêu (%)") the one the question's words name
        return _share_column(analysis, header)
    done = _done_column(analysis, header) if asked_extreme(analysis) else None
    if done is not None:  # "phải bổ sung mới nhiều tổ viên nhất": "Bổ sung mới"
        return done
    deed = _deed_column(analysis, header) if asked_extreme(analysis) else None
    if deed is not None:  # "nhiều hộ nghèo được cấp nước nhất": "Được cấp nước (hộ)"
        return deed
    unit = analysis.counted.unit
    found = _noun_column(analysis, unit, header, caption)
    cause = _CAUSE_RE.search(fold(unit or "").lower())
    if found is None and unit and cause:  # "người chết vì TNGT" in a crash table's "Người chết"
        unit = unit[: cause.start()]
        found = _noun_column(analysis, unit, header, caption)
    person = _PERSON_HEAD_RE.match(fold(unit or "").lower())
    if found is None and unit and person:  # "người chết" in a column headed "Chết"
        found = _noun_column(analysis, unit[person.end() :], header, caption)
    extreme = asked_extreme(analysis)
    if found is None and unit and extreme:
        # "nhiều gỗ lậu nhất": a column named by the noun's head and the question's other
        # words ("Gỗ thu giữ (m3)"), before its cases under a caption naming it.
        # Not for cases counted ("nhiều vụ ma túy nhất"): "Số vụ" is theirs where the caption
        # or title names the drugs, not "Ma túy thu giữ (gam)".
        # ... or by the question's other words under a caption naming the head ("Số điểm
        # camera theo đơn vị" over "Đã kết nối Trung tâm").
        named = _named_column(analysis, header)
        head = _phrase(unit).split()[:1]
        counts_cases = bool(head) and head[0] in _CASE_COUNTERS
        named_head = (
            named is not None and head and head[0] in _words(header[named]) | _words(caption)
        )
        if (named_head or _names_alone_by_pair(analysis, header, named)) and not counts_cases:
            found = named
    if found is None and unit and extreme and not fold(unit).startswith("vu "):
        found = _noun_column(analysis, f"vụ {unit}", header, caption)
    if found is None and unit:
        found = _event_column(analysis, unit, header, caption)
    if found is None and not unit and extreme:
        found = _named_column(analysis, header)
    if unit:
        found = _kind_column(unit, header, found)
    if extreme and found is not None:
        found = _narrowed_column(analysis, header, found)
    if found is not None and unit and _deed_unsaid(analysis, unit, f"{' '.join(header)} {caption}"):
        return None
    return found


# What is done to a counted noun, said right after it (folded): "xe máy bị tạm giữ",
# "hộ được hỗ trợ"; its first two words.
_PASSIVE_MARKERS = ("bi", "duoc")
_DEED_AFTER_RE = re.compile(rf"^\W*(?:{'|'.join(_PASSIVE_MARKERS)}) ([a-z]+(?: [a-z]+)?)")


def _deed_unsaid(analysis: QuestionAnalysis, unit: str, named: str) -> bool:
    """The question narrows the counted noun by what is done to it ("bao nhiêu xe máy bị tạm
    giữ") and the table's header, its caption or title say none of that: "Xe máy đăng ký
    mới" counts all of them, not those seized. (A table saying it anywhere is of it: "Bị
    can" beside "Khởi tố (vụ)" counts "bị can bị khởi tố".)"""
    asked = _phrase(analysis.text)
    noun = _phrase(unit)
    at = f" {asked} ".find(f" {noun} ")
    if not noun or at < 0:
        return False
    deed = _DEED_AFTER_RE.match(asked[at + len(noun) :])
    if deed is None or _OFFENDERS_RE.search(noun):
        return False  # (what is done to offenders, a table of them counts: "học sinh vi
        # phạm ... bị lập biên bản" in "Học sinh vi phạm (trường hợp)")
    return not set(deed.group(1).split()) & _words(named)


# A noun of offenders or offences (folded): "người vi phạm", "đối tượng", "bị can".
_OFFENDERS_RE = re.compile(r"\b(?:vi pham|pham toi|toi pham|doi tuong|bi can|nghi pham)\b")


def _narrowed_column(analysis: QuestionAnalysis, header: list[str], found: int) -> int:
    """For "xã nào nhiều hộ kinh doanh karaoke bị xử phạt nhất", the column of the ranked
    noun's head and its last words ("Hộ bị xử phạt"), not the one naming its head and the
    words between ("Hộ kinh doanh karaoke", found by more of them): what closes the noun
    narrows it, and the count ranked is of those it narrows to. The one such column only."""
    between = _RANKED_BETWEEN_RE.search(_ranked_text(analysis))
    if between is None:
        return found
    ranked = _phrase(between.group(1)).split()
    found_words = _phrase(header[found]).split()
    # People ranked by what they did last ("nhiều người mãn hạn tù tái phạm nhất") are
    # counted in the column naming that deed alone ("Tái phạm"), when the column found
    # shares no more than the head "người" with them ("Số người trở về").
    person = _PERSON_HEAD_RE.match(" ".join(ranked)) is not None
    by_head_only = set(_phrase(_without_unit(header[found])).split()) & set(ranked) <= {"nguoi"}
    narrowed = []
    for i, cell in enumerate(header[1:], start=1):
        words = _phrase(_without_unit(cell)).split()
        same = itertools.takewhile(
            lambda pair: pair[0] == pair[1], zip(words, ranked, strict=False)
        )
        head = len(list(same))
        tail = words[head:]
        closes = bool(tail) and ranked[-len(tail) :] == tail
        deed = person and by_head_only and len(words) >= MIN_DEED_WORDS and not head and closes
        if i != found and (head or deed) and closes and head + len(tail) < len(ranked):
            narrowed.append(i)
    if len(narrowed) != 1 or ranked[-1] in found_words:
        return found
    return narrowed[0]


# A deed naming a column whole is two words at least ("Tái phạm"): one word alone ("Chết")
# may be any column's.
MIN_DEED_WORDS = 2


# What heads a column of a table's sum (folded): "Cộng số cơ sở", "Tổng số".
_TOTAL_COLUMN_RE = re.compile(r"^\W*(?:cong|tong)\b")


def _kind_column(unit: str, header: list[str], found: int | None) -> int | None:
    """For "nhiều cơ sở kinh doanh lưu trú nhất", the one column of that kind ("Lưu trú")
    beside the sum column counting the noun ("Cộng số cơ sở", read by the noun alone or
    found by nothing): a table counting a noun by kind heads each kind's column with the
    kind alone, which the question names whole or which names the question's words beside
    the noun ("cơ sở quán bar" of "Quán bar, vũ trường"). Not a column measuring something
    else ("Ma túy (kg)" beside "Tổng số vụ")."""
    sums = [
        i
        for i, cell in enumerate(header[1:], start=1)
        if _TOTAL_COLUMN_RE.match(fold(cell).lower())
    ]
    whole = found if found in sums else (sums[0] if found is None and len(sums) == 1 else None)
    if whole is None:
        return found
    counted = _words(header[whole]) - {"cong", "tong"}
    rest = _words(unit) - _words(header[whole])
    if not counted <= _words(unit) or not rest:
        return found
    kinds = []
    for i, cell in enumerate(header[1:], start=1):
        words = _words(_without_unit(cell)) - _CASE_COUNTERS
        given = re.search(r"\(([^()]*)\)", cell)
        if (
            i != whole
            and words
            and (words <= rest or (len(rest) >= MIN_PART_WORDS and rest <= words))
            and not (given and _OTHER_MEASURE_RE.search(fold(given.group(1)).lower()))
        ):
            kinds.append(i)
    return kinds[0] if len(kinds) == 1 else found


# What a column measures other than cases: "Đối tượng", "Người chết", "Ma túy thu giữ (kg)".
_OTHER_MEASURE_RE = re.compile(
    r"\b(?:doi tuong|nguoi|bi can|bi hai|tien|tri gia|thiet hai|thu giu|luot|co so|"
    r"phuong tien|xe|kg|gam|tan|lit|m3|dong|trieu|t[iy])\b"
)


# The counters of cases: "vụ", "trường hợp" (folded), before the event they count.
_CASE_COUNTER_RE = re.compile(r"(vu|truong hop) (?=\w)")


# Words that open an event's name without naming its kind (folded): "vi phạm (về)",
# "phạm tội (về)", "tội phạm (về)"; a table heads its column with the kind alone.
_GENERAL_EVENT_RE = re.compile(r"(?:vi pham|pham toi|toi pham)(?: ve)? (?=\w)")


def _event_column(
    analysis: QuestionAnalysis, unit: str, header: list[str], caption: str
) -> int | None:
    """For "bao nhiêu vụ trộm cắp" (or "trường hợp tảo hôn"), the column naming
    the event alone ("Trộm cắp", "Trong đó trộm cắp"): a report's table counts cases under
    the event's name. Not a column measuring something else of it ("Đối tượng trộm cắp",
    "Ma túy thu giữ (kg)")."""
    counted = _CASE_COUNTER_RE.match(fold(unit).lower())
    if counted is None:
        return None
    counter, event = counted.group(1), fold(unit).lower()[counted.end() :]
    found = _noun_column(analysis, event, header, caption)
    general = _GENERAL_EVENT_RE.match(event)
    if found is None and general:  # "vụ vi phạm về lâm sản" under "Lâm sản"
        event = event[general.end() :]
        found = _noun_column(analysis, event, header, caption)
    if found is None:
        return None
    # Only the cell's words beside the event's: "Trộm cắp xe máy" names "xe" as the event.
    others = " ".join(w for w in _phrase(header[found]).split() if w not in event.split())
    unit_given = re.search(r"\(([^()]*)\)", fold(header[found]).lower())
    if _OTHER_MEASURE_RE.search(others) or (unit_given and unit_given.group(1).strip() != counter):
        return None
    return found


# A share ranked (folded): "tỷ lệ ... cao nhất", "bao nhiêu phần trăm"; a column of shares
# says so in its header: "Tỷ lệ đạt", "Kết quả (%)".
# A share asked (folded): "tỷ lệ", "phần trăm".
SHARE_ASKED_RE = re.compile(r"\b(?:ty le|ti le|phan tram)\b")
_SHARE_HEADER_RE = re.compile(r"\b(?:ty le|ti le|phan tram)\b|%")


def _share_column(analysis: QuestionAnalysis, header: list[str]) -> int | None:
    """For "đơn vị nào có tỷ lệ kích hoạt tài khoản cao nhất": a column of shares, not the
    one counting what the share is of ("Tài khoản đã kích hoạt" names more of the question's
    words than "Tỷ lệ đạt"); of several, the one naming most of the question's words, none
    on a tie."""
    asked = {fold(term).lower() for term in analysis.terms}
    shares = {
        i: len(_words(cell) & asked)
        for i, cell in enumerate(header[1:], start=1)
        if _SHARE_HEADER_RE.search(fold(cell).lower())
    }
    best = max(shares.values(), default=None)
    if best is None or list(shares.values()).count(best) > 1:
        return None
    return next(i for i, share in shares.items() if share == best)


def _names_alone_by_pair(analysis: QuestionAnalysis, header: list[str], named: int | None) -> bool:
    """Kinds listed for what the table counts ("nhiều thuyền, xuồng máy chở khách nhất" of
    "Phương tiện thủy chở khách"): the column named by two of the question's words side by
    side ("chở khách"), when no other column holds any of its words."""
    if named is None:
        return False
    said = _ranked_text(analysis)
    cell = _phrase(_without_unit(header[named])).split()
    if not any(f" {a} {b} " in f" {said} " for a, b in itertools.pairwise(cell)):
        return False
    asked = _words(" ".join(analysis.terms)) - _RANK_WORDS
    others = (_words(c) for i, c in enumerate(header[1:], start=1) if i != named)
    return not any(words & asked for words in others)


def _named_column(analysis: QuestionAnalysis, header: list[str]) -> int | None:
    """For "huyện nào cấp thẻ thấp nhất", which counts no noun: the one header cell
    holding most of the question's content words ("Đã cấp thẻ"), none when cells tie."""
    # (spelled out as the headers are read: "TNGT" is "tai nạn giao thông" in "TNGT (vụ)")
    asked = _words(" ".join(analysis.terms)) - _RANK_WORDS
    # The head noun of what is ranked decides first: "bị thu tiền nhiều nhất khi kiểm tra"
    # ranks by "Tiền thu", not "Lượt kiểm tra"; "bị thiệt hại do cháy lớn nhất" by
    # "Thiệt hại do cháy", not "Vụ cháy".
    folded = _ranked_text(analysis)
    said = (
        _RANKED_BETWEEN_RE.search(folded)
        or _AFTER_ASKED_PLACE_RE.search(folded)
        or _RANKED_WORDS_RE.search(folded)
    )
    ranked = [w for w in _phrase(_ranked_noun(said.group(1))).split() if w in asked] if said else []
    head = ranked[0] if ranked else None
    # ... and a head of two words as written: "đông tổ viên tổ tự quản nhất" ranks by "Tổ
    # viên (người)", not "Số tổ tự quản", which holds more of its words.
    pair = f" {' '.join(ranked[:2])} " if len(ranked) > 1 else None
    shares = [
        HEAD_WEIGHT * ((head in _words(cell)) + bool(pair and pair in f" {_phrase(cell)} "))
        + len(_words(cell) & asked)
        for cell in header[1:]
    ]
    best = max(shares, default=0)
    tied = [i for i, share in enumerate(shares) if share == best]
    if len(tied) > 1 and head is not None and head not in _CASE_COUNTERS:
        # ... of cells naming the same words, not one counting cases of the head: "Nhà bị
        # cháy", not "Vụ cháy nhà"
        def counts_cases(cell: str) -> bool:  # "vụ" before the head: "(Số) vụ cháy nhà"
            words = _phrase(cell).split()
            return "vu" in words[: words.index(head)] if head in words else False

        tied = [i for i in tied if not counts_cases(header[i + 1])] or tied
    if best == 0 or len(tied) > 1:
        return None
    return tied[0] + 1


# What opens the words after "nào" without being ranked: "(của <place>) có / bị / được / là",
# folded ("có" folds as "cơ" does, so one word only); and a place of the ranked noun after
# it ("... tại bến xe"), which says where, not what is ranked.
_RANKED_OPENER_RE = re.compile(r"^(?:cua )?(?:co |bi |duoc |la )?")
_RANKED_WHERE_RE = re.compile(r"\s(?:tai|o|tren)\s.*$")


# The words between "nào" and the rank word (folded): what is done to the ranked noun; not
# what has it ("nào có tổ an toàn đông thành viên nhất": the members of the tổ are ranked).
_DONE_BEFORE_RANK_RE = re.compile(rf"\bnao (?!co )((?:[a-z0-9]+ )+?){_RANK_WORD}\b")
MIN_DONE_WORDS = 2
# "bị thu hồi giấy phép", "phải bổ sung mới"
_DONE_VERBS = (*_PASSIVE_MARKERS, "phai", "da", "can")


def _done_column(analysis: QuestionAnalysis, header: list[str]) -> int | None:
    """The one column named whole (two content words at least) by what the question says is
    done to the ranked noun, right before the rank word: "xã nào phải bổ sung mới nhiều tổ
    viên nhất" ranks by "Bổ sung mới", not by "Số tổ viên dự kiến" ("huyện nào tổ tự quản
    phát hiện nhiều vụ nhất" ranks the cases, not "Tổ tự quản")."""
    done = _DONE_BEFORE_RANK_RE.search(_ranked_text(analysis))
    if done is None:
        return None
    said = f" {_phrase(done.group(1))} "
    # The years a column is of, where the question names them elsewhere ("... nhiều nhất
    # giai đoạn 2025-2027" of "Dự kiến bổ sung 2025 - 2027"), say no other deed.
    years = {w for w in _words(analysis.text) if w.isdigit()}
    noun = _words(analysis.counted.unit or "")

    def named_whole(cell: str) -> bool:  # as a verb's words: after "bị / được / phải", or last
        # (without the unit it counts in: "Khởi tố (vụ/bị can)" is named by "khởi tố"; nor
        # the count it opens with: "Số vụ làm rõ" is named by "làm rõ")
        named = _phrase(_without_unit(cell)).split()
        named = list(itertools.dropwhile(lambda word: word in _CASE_COUNTERS, named))
        # ... nor the ranked noun it opens with: "Hội viên kết nạp mới" is named by "kết nạp
        # mới" of "xã nào kết nạp mới nhiều hội viên nhất".
        opened_by_noun = bool(named) and named[0] in noun
        named = list(itertools.dropwhile(lambda word: word in noun, named))
        words = [w for w in named if w not in _RANK_WORDS and w not in years]
        run = f" {' '.join(words)} "
        # ... and the ranked noun with what is done to it, said in the passive: "Đối tượng
        # bị bắt" of "xã nào bắt nhiều đối tượng nhất" (the noun makes one deed word enough).
        passive = len(words) >= MIN_DONE_WORDS and words[0] in _PASSIVE_MARKERS
        if opened_by_noun and passive and said.endswith(f" {' '.join(words[1:])} "):
            return True
        # (not what a cause names: "người chết vì TNGT" is no deed "TNGT (vụ)" names)
        before = said[: -len(run) + 1] if said.endswith(run) else ""
        caused = re.search(f"{_CAUSE_RE.pattern}$", before) is not None
        return len(words) >= MIN_DONE_WORDS and (
            (said.endswith(run) and not caused)
            or any(f" {verb}{run}" in said for verb in _DONE_VERBS)
        )

    named = [i for i, cell in enumerate(header[1:], start=1) if named_whole(cell)]
    return named[0] if len(named) == 1 else None


# What is done to the ranked noun, closing the words ranked (folded): "nhiều hộ nghèo được
# cấp nước nhất" ranks the households given water, not all poor households.
_DEED_CLOSING_RE = re.compile(rf"\b(?:{'|'.join(_PASSIVE_MARKERS)})(?: [a-z]+){{1,3}}$")


def _deed_column(analysis: QuestionAnalysis, header: list[str]) -> int | None:
    """The one column named by nothing but the deed closing the ranked words: "Được cấp
    nước (hộ)" beside "Hộ nghèo (hộ)", which names more of the question's words."""
    between = _RANKED_BETWEEN_RE.search(_ranked_text(analysis))
    deed = _DEED_CLOSING_RE.search(between.group(1).strip()) if between else None
    if deed is None:
        return None
    named = [
        i
        for i, cell in enumerate(header[1:], start=1)
        if _phrase(_without_unit(cell)) == deed.group(0)
    ]
    return named[0] if len(named) == 1 else None


def _ranked_noun(words: str) -> str:
    """The ranked noun of the words after "nào" (or between a rank word and "nhất"): "của A
    có số người vi phạm tại bến xe B" ranks "số người vi phạm"."""
    noun = _RANKED_OPENER_RE.sub("", words.strip())
    return _RANKED_WHERE_RE.sub("", noun) or noun


def _noun_column(
    analysis: QuestionAnalysis, unit: str | None, header: list[str], caption: str
) -> int | None:
    """The header cell naming (most of) the counted noun, its head word included; the
    table's caption may name the rest ("Phạm pháp hình sự theo địa bàn" over "Số vụ").
    A cell of a rate per another period than the question's is not it: "bao nhiêu một
    ngày" is not read in "Mức hỗ trợ (đồng/người/tháng)"."""
    if not unit:
        return None
    asked = [w for w in re.findall(r"\w+", fold(unit).lower())]
    if not asked:
        return None
    best: int | None = None
    best_key: tuple[float, ...] = (0.0, 0.0, 0.0, float("-inf"), float("-inf"), 0.0)
    captioned = _words(caption)
    per = _rate_periods(analysis.text)
    # Of columns alike, the one whose words the question names more of, and fewer others:
    # "Đối tượng phạm tội về ma túy" over "... về TTXH", "Số vụ" over "Số vụ so với năm 2023".
    question = _words(analysis.text)
    # A short noun must be named whole: "vụ cháy" is not read in "Số vụ" of a traffic table.
    needed = 1.0 if len(asked) <= SHORT_NOUN_WORDS else MIN_COLUMN_SHARE
    # A counter of two words must be named whole: "bị can" is not the "bị" of "Rừng bị
    # thiệt hại", "tin báo" not the "(tin)" of "Phải giải quyết (tin)".
    pair = " ".join(asked[:2])
    whole_head = pair if pair in _TWO_WORD_COUNTERS else None
    event = _event_words(asked)
    # A counter alone ("TNGT ... bao nhiêu vụ?"): the event was named before it, and a
    # column naming another ("Đuối nước (vụ)") is not its count; "Số vụ" names none.
    bare = not event and _CASE_COUNTER_RE.match(f"{' '.join(asked)} x") is not None
    # A bound the question sets on the noun ("tàu cá dài từ 15 m trở lên") names the column
    # giving it ("Tàu từ 15 m trở lên") over one naming more of the noun ("Tàu cá đăng ký").
    bounds = _bounds(analysis.text)
    for i, cell in enumerate(header[1:], start=1):
        stated = _rate_periods(f"{caption} {cell}")
        if per and stated and not per & stated:
            continue
        words = _words(cell)
        bounded = float(bool(bounds) and bounds <= _bounds(cell))
        if whole_head and whole_head not in f" {_phrase(cell)} {_phrase(caption)} ":
            continue
        own = words - set(asked) - _CASE_COUNTERS
        if bare and own and not own & question:
            continue
        # ... and first, the one naming the noun's head as written: "đội viên dân phòng" is
        # "Đội viên (người)", not "Số đội dân phòng", which holds more of its words.
        head = float(len(asked) > 1 and f" {' '.join(asked[:2])} " in f" {_phrase(cell)} ")
        # A column naming the head alone (and its unit) is of the event its table's other
        # columns count: "Đối tượng (người)" beside "Vụ gây rối có thanh, thiếu niên (vụ)".
        # ... or with a verb of taking part only ("Lượt người tham gia" beside "Buổi tuần
        # tra chung"): who took part in what the other columns count.
        alone = head and not _words(_without_unit(cell)) - set(asked[:2]) - _TAKING_PART
        told = captioned | (_words(" ".join(header[1:])) if alone else set())
        # ... named in the cell, or all of it in the caption ("Số vụ" under "Lừa đảo qua
        # mạng theo địa bàn" counts no "giả danh công an lừa đảo")
        if event and not (event & words or event <= told):
            continue
        share = sum(w in words or w in told for w in asked) / len(asked)
        # Of the columns naming enough of the noun, the one naming more of the question:
        # "bến tự phát ... dẹp bỏ được" is "Bến đã dẹp bỏ", not "Bến tự phát". A part's
        # column is told by its own words, not its whole's ("... Trong đó: nhà trọ").
        part = _PART_NAMED_RE.search(fold(cell).lower())
        own = _words(fold(cell).lower()[part.end() :]) if part else words
        # ... and a part is the one asked only when the question names half of what sets it
        # apart, two words of it at least: "Trong đó vi phạm độ ồn" is no count of "vi phạm
        # tốc độ", whose "độ" it shares.
        told_apart = own - _GENERAL_EVENT_WORDS
        named_apart = len(told_apart & question)
        enough = named_apart >= min(MIN_PART_WORDS, len(told_apart))
        if (
            part
            and told_apart
            and not (enough and named_apart >= MIN_COLUMN_SHARE * len(told_apart))
        ):
            continue
        # ("Số", "Lượt" count what the cell names: no word of another matter)
        named = len(words & question) - len(own - question - captioned - _CASE_COUNTERS)
        # ... and of people asked ("số học sinh vi phạm"), not the column counting their
        # cases ("Vụ học sinh vi phạm pháp luật" beside "Học sinh vi phạm")
        cases = float(_phrase(cell).split()[:1] == ["vu"] and asked[0] not in _CASE_COUNTERS)
        key = (float(share >= needed or bool(bounded)), bounded, -cases, head, named, share)
        # ... the head in it; or, people counted by what they did, that deed alone: "người
        # tái phạm" is counted in "Tái phạm"
        headed = asked[0] in words or (asked[0] == "nguoi" and bool(event) and event <= words)
        if headed and key > best_key:
            best, best_key = i, key
    return best if best_key[0] else None


# A bound set on what is counted (folded), its number: "từ 15 m trở lên", "trên 10 tấn",
# "dưới 16 tuổi", "15m trở lên".
_BOUND_NAMED_RE = re.compile(
    r"\b(?:tu|tren|duoi|hon)\s+(\d+(?:[.,]\d+)?)\s*(?:m|km|tan|kg|cv|kv|tuoi)?(?!\S)"
    r"|\b(\d+(?:[.,]\d+)?)\s*(?:m|km|tan|kg|cv|kv|tuoi)?\s+tro (?:len|xuong)\b"
)


def _bounds(text: str) -> set[str]:
    """The numbers of the bounds a text sets ("từ 15 m trở lên" -> {"15"})."""
    return {a or b for a, b in _BOUND_NAMED_RE.findall(fold(text).lower())}


# A column's words saying only that its people took part (folded): "tham gia", "được huy
# động", "tham dự".
_TAKING_PART = frozenset(("tham", "gia", "du", "duoc", "huy", "dong"))


# Words an event's name shares with others of its kind (folded): "khai thác cát trái phép"
# and "xuất nhập cảnh trái phép" are told apart by the rest; "vi phạm pháp luật" names no
# kind ("đối tượng vi phạm pháp luật" is counted in "Đối tượng").
_GENERAL_EVENT_WORDS = frozenset(
    (
        *("trai", "phep", "bat", "hop", "vi", "pham", "toi", "ve", "cac", "loai", "hanh"),
        *("vu", "phap", "luat"),
    )
)


# The counters a count names its event or its people after (folded): "vụ ...", "người ...",
# "tin báo ...": "người nghiện ma túy" is not read in "Lượt người XNC trái phép" under a
# title naming the drugs, nor "tin báo lừa đảo" in "Phải giải quyết (tin)".
_COUNTED_AS_RE = re.compile(r"(vu|truong hop|nguoi|tin bao|doi tuong|bi can) (?=\w)")


def _event_words(asked: list[str]) -> set[str]:
    """The words naming the event a count of cases (or of people, of reports) is of,
    folded: "xuat", "nhap", "canh" of "vụ xuất nhập cảnh trái phép", which "Khai thác cát
    trái phép (vụ)" does not name though it holds "vụ", "trái phép"; none for a count of
    something else."""
    counted = _COUNTED_AS_RE.match(" ".join(asked))
    if counted is None:
        return set()
    return set(asked[len(counted.group(1).split()) :]) - _GENERAL_EVENT_WORDS


def _rows(view: PassageView) -> Iterator[tuple[int, list[str], str, int, list[str]]]:
    """Each row under a table's header: (header clause index, header cells, caption, row
    clause index, row cells); -1 for a header standing above the passage."""
    header_index: int | None = None
    header: list[str] = []
    # The last line above a table: in the passage, or the one retrieval cut before it; else
    # the passage's heading.
    above = view.preceding.strip().rsplit("\n", 1)[-1].strip() if view.preceding else ""
    # The passage's heading names what a bare "Số vụ" counts: "1. Phạm pháp hình sự".
    # So does a short heading line inside the passage, above the table's own caption.
    heading = view.passage.heading or view.section or ""
    caption = f"{heading} {above}".strip()
    if view.table_head is not None:  # the passage opens inside a table: its head is above
        caption, line = view.table_head
        header_index, header = -1, cells(line) or []
    for index, clause in enumerate(view.clauses):
        row = cells(clause.text)
        if row is None:
            if not RULE_RE.match(clause.text):
                header_index = None  # the table has ended
                heading = _heading_of(clause.text) or heading
                caption = clause.text if heading == clause.text else f"{heading} {clause.text}"
            continue
        if header_index is None:
            header_index, header = index, row
            continue
        if header and len(row) == len(header) + 1:
            # A header naming only the value columns ("(số vụ 6 tháng | số vụ quý II):"
            # above "Thị trấn A | 5 | 2"): the rows' labels go unnamed.
            header = ["", *(_unwrapped(cell) for cell in header)]
        if header and len(row) == len(header):
            yield header_index, header, caption, index, row


def _unwrapped(cell: str) -> str:
    """A header cell cut from a caption's parenthesis: "Theo địa bàn (số vụ 6 tháng" is
    "số vụ 6 tháng", "số vụ quý II):" is "số vụ quý II"."""
    if cell.count("(") > cell.count(")"):
        cell = cell.rsplit("(", 1)[1]
    elif cell.count(")") > cell.count("("):
        cell = cell.split(")", 1)[0]
    return cell.strip(" :")


# A numbered item's lead-in: "2. Phạm pháp hình sự: xảy ra 17 vụ ..." heads what follows.
_ITEM_LEAD_RE = re.compile(r"^(?:\d{1,2}|[a-zđ]|[IVX]{1,4})[.)]\s+([^:;.]{3,60}):")


def _heading_of(text: str) -> str | None:
    """The heading a line gives what follows it: a short line with no final stop, or a
    numbered item's lead-in."""
    text = text.strip()
    if is_heading_line(text):
        return text
    lead = _ITEM_LEAD_RE.match(text)
    return lead.group(1) if lead else None


def _label(row: list[str]) -> str:
    """What a row is about: its first cell that is no number ("| 1 | Tổ trưởng | 1.800.000 |"
    is the team leader's row, its "STT" only counts rows)."""
    return next((cell for cell in row if cell and not _VALUE_RE.match(cell)), row[0])


_SUBSET_RE = re.compile(r"^\W*(?:trong do|rieng|gom)\b")
_PART_NAMED_RE = re.compile(r"\btrong do\b\W*")  # where a part's own name starts (folded)


def with_parent_columns(header: list[str]) -> list[str]:
    """The header cells, a part's named with the whole it is part of: "Trong đó ở thôn đặc
    biệt khó khăn" after "Số tổ tự quản" counts "tổ tự quản ở thôn đặc biệt khó khăn". A
    part naming its own noun is of the nearest whole counting that noun: "Trong đó số đội
    ở xã biên giới" after "Số đội | Số đội viên (người)" is part of "Số đội", not of the
    members column beside it."""
    named = list(header)
    wholes: list[str] = []
    for i, cell in enumerate(header):
        if i and wholes and _SUBSET_RE.match(fold(cell).lower()):
            named[i] = f"{_whole_of(cell, wholes)} {cell}"
        else:
            wholes.append(cell)
    return named


# What opens a part's own name without being its noun (folded): "trong đó", "số", "ở".
_PART_OPENER_RE = re.compile(r"^\W*(?:trong do|rieng|gom)\W*(?:so\s+)?")


def _whole_of(part: str, wholes: list[str]) -> str:
    """The whole a part column is of: the nearest earlier column counting the noun the part
    opens with ("số đội ..." of "Số đội", before "Số đội viên"), or one whose noun goes on
    from it ("số tổ ở thôn" of "Số tổ bảo vệ"); else the column just before it."""
    own = _phrase(_PART_OPENER_RE.sub("", fold(part).lower())).split()
    noun = list(itertools.takewhile(lambda word: word not in _PART_NOT_NOUNS, own))
    if not noun:
        return wholes[-1]
    earlier = [(_column_noun(whole), whole) for whole in reversed(wholes[1:])]
    same = [whole for counted, whole in earlier if counted == noun]
    longer = [whole for counted, whole in earlier if counted[: len(noun)] == noun]
    return (same or longer or wholes[-1:])[0]


def _column_noun(cell: str) -> list[str]:
    """The noun a column counts, folded: "Số tổ bảo vệ ANTT (tổ)" -> tổ bảo vệ antt."""
    words = _phrase(_without_unit(cell)).split()
    return list(itertools.dropwhile(lambda word: word in ("so", "cong", "tong"), words))


# Words that may open a part's name without naming a noun (folded): where or whose it is.
_PART_NOT_NOUNS = frozenset(("o", "tai", "tren", "cua", "thuoc", "co", "la", "da", "duoc", "bi"))


def column_values(analysis: QuestionAnalysis, view: PassageView) -> list[TableCell]:
    """Every value of the column counting the asked noun, in each table of the passage."""
    found: list[TableCell] = []
    columns: dict[int, int | None] = {}
    # A share is no count: "bao nhiêu vụ", "thiệt hại lớn nhất" is not read in "63,98%".
    shares = SHARE_ASKED_RE.search(_phrase(analysis.text)) is not None
    for header_index, header, caption, index, row in _rows(view):
        if header_index not in columns:
            named = with_parent_columns(header)
            column = _column(analysis, named, caption)
            if column is None:  # a drug report's "Số vụ" counts drug cases: its title says so
                column = _column(analysis, named, f"{caption} {view.passage.metadata.title}")
            columns[header_index] = column
        column = columns[header_index]
        # A pair of counts ("6/9") is a value where the header pairs them ("vụ/đối tượng");
        # elsewhere it is a ratio ("75/75" of a target met), no count of the asked noun.
        if column is None or ("/" in row[column] and "/" not in header[column]):
            continue
        if row[column].endswith("%") and not shares:
            continue
        if _VALUE_RE.match(row[column]):
            found.append(
                TableCell(view, header_index, index, _label(row), header[column], row[column])
            )
    return found


def asked_change(analysis: QuestionAnalysis) -> str | None:
    """ "tang" for "những huyện nào có số vụ ... tăng so với năm 2023", "giam" for "giảm",
    "khong giam" for "không giảm" (risen or level)."""
    if analysis.type not in (QuestionType.WHICH, QuestionType.LIST):
        return None
    match = _CHANGE_ASKED_RE.search(fold(analysis.text).lower())
    return match.group(1) if match else None


def changed_tables(
    analysis: QuestionAnalysis, view: PassageView, change: str
) -> list[tuple[int, list[TableCell]]]:
    """For each table of the passage with a change column ("Vụ TTXH so với năm 2023"), or
    a column for each of two years ("Số vụ năm 2023 | Số vụ năm 2022"): how well it matches
    the question, and its rows moving the asked way ("tăng 4 vụ", 3 against 2)."""
    negated, _, direction = change.rpartition(" ")  # "khong giam": risen or level
    tables: dict[int, tuple[int, int | None, int | None, list[TableCell]]] = {}
    for header_index, header, caption, index, row in _rows(view):
        if header_index not in tables:
            match, column = _change_column(analysis, header, caption)
            earlier = None
            if column is None:
                match, column, earlier = _year_columns(analysis, header, caption)
            tables[header_index] = (match, column, earlier, [])
        _, column, earlier, found = tables[header_index]
        if column is None or _is_total(_label(row)):
            continue
        if earlier is not None:
            if not (_VALUE_RE.match(row[column]) and _VALUE_RE.match(row[earlier])):
                continue
            step = number_value(row[column]) - number_value(row[earlier])
            moved = {"tang": step > 0, "giam": step < 0}
            kept = not moved[direction] if negated else moved[direction]
        else:
            cell = fold(row[column]).lower().strip()
            moving = bool(re.match(_CHANGE_CELL[direction], cell))
            kept = bool(cell) and not moving if negated else moving
        if kept:
            found.append(
                TableCell(view, header_index, index, _label(row), header[column], row[column])
            )
    return [(match, found) for match, column, _, found in tables.values() if column is not None]


_YEAR_CELL_RE = re.compile(r"\b(?:19|20)\d\d\b")


def _year_columns(
    analysis: QuestionAnalysis, header: list[str], caption: str
) -> tuple[int, int | None, int | None]:
    """Two header cells alike but for their year ("Số vụ cháy năm 2023", "... năm 2022")
    whose words the question names most of: how well they match, the later, the earlier."""
    question = _words(analysis.text)
    alike: dict[str, list[tuple[int, int]]] = {}
    for i, cell in enumerate(header[1:], start=1):
        years = _YEAR_CELL_RE.findall(cell)
        if len(years) == 1:
            alike.setdefault(_phrase(_YEAR_CELL_RE.sub(" ", cell)), []).append((int(years[0]), i))
    best: tuple[int, int | None, int | None] = (0, None, None)
    for noun, columns in alike.items():
        if len(columns) != 2 or columns[0][0] == columns[1][0]:
            continue
        named = (set(noun.split()) | _words(caption)) - _CHANGE_WORDS
        match = len(named & question) - len(named - question)
        (_, earlier), (_, later) = sorted(columns)
        if best[1] is None or match > best[0]:
            best = (match, later, earlier)
    return best


def _change_column(
    analysis: QuestionAnalysis, header: list[str], caption: str
) -> tuple[int, int | None]:
    """The header cell comparing with another period ("Vụ TTXH so với năm 2023") whose noun
    the question names most of, and fewer others (read with the table's caption: "Tai nạn
    giao thông theo địa bàn" over "Số vụ so với năm 2023"), with how well it matches."""
    question = _words(analysis.text)
    best: tuple[int, int | None] = (0, None)
    for i, cell in enumerate(header[1:], start=1):
        if not _CHANGE_HEADER_RE.search(fold(cell).lower()):
            continue
        named = (_words(cell) | _words(caption)) - _CHANGE_WORDS
        match = len(named & question) - len(named - question)
        if best[1] is None or match > best[0]:
            best = (match, i)
    return best


# A verdict asked of targets ("chỉ tiêu nào không đạt", "những mục tiêu nào đã đạt") and
# the cells giving one, folded.
# (not "hạn hoàn thành", a deadline asked)
_VERDICT_ASKED_RE = re.compile(
    r"\b(?:chi tieu|muc tieu|nhiem vu)\b.*?\b(khong dat|chua dat|khong hoan thanh|"
    r"chua hoan thanh|da dat|dat|(?<!han )hoan thanh|vuot)\b"
)
_FAILED = frozenset(("khong dat", "chua dat", "khong hoan thanh", "chua hoan thanh"))
_MET = frozenset(("dat", "da dat", "hoan thanh", "vuot", "vuot chi tieu"))


def asked_verdict(analysis: QuestionAnalysis) -> frozenset[str] | None:
    """The cells a question about targets met or missed picks rows by: "Không đạt" for
    "chỉ tiêu nào không đạt", "Đạt" for "những chỉ tiêu nào đã đạt"."""
    if analysis.type not in (QuestionType.WHICH, QuestionType.LIST, QuestionType.OTHER):
        return None
    match = _VERDICT_ASKED_RE.search(fold(analysis.text).lower())
    if match is None:
        return None
    return _FAILED if match.group(1) in _FAILED else _MET


def _verdict(row: list[str]) -> str:
    """A row's last cell as a verdict is compared: "Chưa đạt" -> "chua dat"."""
    return " ".join(re.findall(r"\w+", fold(row[-1]).lower()))


def _table_texts(rows: list[tuple[int, list[str], str, int, list[str]]]) -> dict[int, str]:
    """All each table of the rows says, header and rows, by its header's index."""
    said: dict[int, list[str]] = {}
    for header_index, header, _, _, row in rows:
        said.setdefault(header_index, list(header)).extend(row)
    return {index: " ".join(words) for index, words in said.items()}


def _table_labels(views: Sequence[PassageView]) -> dict[tuple[str, tuple[str, ...]], list[str]]:
    """The labels of each table's rows, by its document and header: a table chunking cut
    into passages is one table, its header repeated over each part."""
    labels: dict[tuple[str, tuple[str, ...]], list[str]] = {}
    for view in views:
        for _, header, _, _, row in _rows(view) if view.eligible else ():
            said = labels.setdefault((view.passage.source, tuple(header)), [])
            if _label(row) not in said:
                said.append(_label(row))
    return labels


def verdict_rows(view: PassageView, verdicts: frozenset[str]) -> list[TableCell]:
    """The rows of the passage's tables whose last cell gives the asked verdict."""
    found = []
    for header_index, header, _, index, row in _rows(view):
        if _verdict(row) in verdicts:
            found.append(TableCell(view, header_index, index, _label(row), header[-1], row[-1]))
    return found


# "Chỉ tiêu X có đạt không?", "mục tiêu X năm 2024 đã hoàn thành chưa", "A có đạt chỉ tiêu
# X không?" (folded).
_TARGET_JUDGED_RE = re.compile(
    r"(?:\b(?:chi tieu|muc tieu|ke hoach)\b.*\b(?:dat|hoan thanh|vuot)\b"
    r"|\b(?:dat|hoan thanh|vuot)\b.*\b(?:chi tieu|muc tieu|ke hoach)\b).*\b(?:khong|chua)\W*$"
)


_TARGET_FRAME = "chỉ tiêu mục tiêu kế hoạch năm có đã đạt không chưa hoàn thành vượt"


def judged_rows(analysis: QuestionAnalysis, views: Sequence[PassageView]) -> list[TableCell]:
    """For "Chỉ tiêu X năm 2024 có đạt không?": the row of a targets table naming X whose
    last cell judges it ("| X | 15.000 | 12.486 | Chưa đạt |"), the most strongly named
    (`row_naming`); empty when no row judged so is named."""
    if analysis.type != QuestionType.YES_NO:
        return []
    if not _TARGET_JUDGED_RE.search(fold(analysis.text).lower()):
        return []
    asked = asked_row(analysis)
    # The words asking whether it was met name no row: what the target is of does.
    frame = asked.words_of(_TARGET_FRAME)
    asked = replace(asked, asked=asked.asked - frame, typed=asked.typed - frame)
    labels = _table_labels(views)
    named: list[tuple[Naming, TableCell]] = []
    for view in views:
        rows = list(_rows(view)) if view.eligible else []
        tables = _table_texts(rows)
        for header_index, header, _, index, row in rows:
            if _verdict(row) not in _FAILED | _MET:
                continue
            label = _label(row)
            context = " ".join(view.context)
            table = labels[view.passage.source, tuple(header)]
            others = [other for other in table if other != label]
            key = naming(asked, label, tables[header_index], context, True, others)
            if key is not None:
                cell = TableCell(view, header_index, index, label, header[-1], row[-1])
                named.append((key, cell))
    return best_named(named)[:1]


def judges_targets(views: Sequence[PassageView]) -> bool:
    """A passage holds a targets table: rows whose last cell judges them ("Chưa đạt")."""
    return any(
        _verdict(row) in _FAILED | _MET
        for view in views
        if view.eligible
        for *_, row in _rows(view)
    )


def _ranked_text(analysis: QuestionAnalysis) -> str:
    """The question folded, "đông ... nhất" (crowded) and "nặng nhất" (worst hit) read as
    "nhiều ... nhất" (typed without marks they read "đồng", "nâng" and are left), as are a
    measure's "xa nhất", "dài nhất", "rộng nhất" (farthest, longest, widest: read marked and
    right before "nhất", "xa" typed bare being "xã"), and the places it names left out."""
    folded = fold(_MOST_RE.sub("nhiều", analysis.text)).lower()
    # A place's name is no rank word: "Đồng Tháp" folds to "thấp", "Cao Bằng" to "cao".
    for place in (*analysis.provinces, *analysis.localities):
        folded = re.sub(rf"\b{re.escape(fold(place).lower())}\b", " ", folded)
    # ... nor a quote mark: "nhiều xã xây dựng "không ma túy" nhất" ranks the quoted words.
    folded = re.sub(r"[\"“”]", " ", folded)
    # ... and the gap it leaves is one space: "nhiều vụ trên hồ A nhất" still ranks.
    return re.sub(r"\s{2,}", " ", folded)


def asked_extreme(analysis: QuestionAnalysis) -> str | None:
    """ "max" for "huyện nào nhiều ... nhất", "min" for "ít ... nhất", "zero" for "không có
    vụ ... nào", else None."""
    folded = _ranked_text(analysis)
    # "Năm nào ... nhiều vi phạm nhất": a table's rows may be years.
    when = analysis.type == QuestionType.TIME and _PERIOD_ASKED_RE.search(folded)
    if (
        analysis.type not in (QuestionType.WHICH, QuestionType.LIST, QuestionType.PLACE)
        and not when
    ):
        return None
    ranked = _EXTREME_RE.search(folded)
    if ranked is None:
        return "zero" if _NONE_ASKED_RE.search(folded) else None
    return "min" if ranked[1] in _LEAST_WORDS else "max"


# A row's label names its district, and the district's province with it at times ("Thành
# phố Bảo Lộc" reads Lâm Đồng too): only districts are counted to tell a lumped row.
_PROVINCE_NAMES = frozenset((*PROVINCES, *PROVINCES_2025))


def place_cells(analysis: QuestionAnalysis, values: list[TableCell]) -> list[TableCell]:
    """The values of the row naming the asked district (or province); not of a row lumping
    it with others ("Các huyện còn lại (A, B, C)", "Các huyện A, B, C": no one of them has
    that figure)."""
    asked = set(analysis.localities or analysis.provinces)
    asked_names = {_phrase(place) for place in asked}

    def names_asked_alone(label: str) -> bool:
        if rows_are_communes and asks_district and _TIER_RE.match(_phrase(label)) is None:
            return False  # "Ba Vì" of a table of communes: the commune named as its district
        named = places_named(label)
        if not named:
            # A bare name two provinces' districts share ("Tân Phú" under "Huyện") is named
            # by no gazetteer alone: the row whose label is the asked name, word for word.
            # Not a town named as its district is ("Thị trấn A" of "huyện A").
            phrase = _phrase(label)
            unit = _TIER_RE.match(phrase)
            if unit and not (analysis.localities and "district" in _TIERS[unit.group(1)]):
                return False
            return (phrase[unit.end() :] if unit else phrase).strip() in asked_names
        if below_asked_tier(label):
            return False  # "Thị trấn Nông trường A" is a town of "huyện A", not the district
        if named_as_another_unit(analysis.text, analysis.localities, label):
            return False  # "Huyện A" when "thị xã A" is asked: another place of one name
        own = named - _PROVINCE_NAMES  # "Thành phố A" names its province too: A is its own
        if own and not own & asked:
            return False  # ... so it is no row of "thị xã B", named as its province is
        return bool(asked & named) and len(own) <= 1  # not "Các huyện A, B"

    def below_asked_tier(label: str) -> bool:
        unit = _TIER_RE.match(_phrase(label))
        return unit is not None and _TIERS[unit.group(1)] == {"commune"} and asks_district

    asked_tiers = _tiers(analysis.text)
    asks_district = bool(asked_tiers & {"district", "province"}) and "commune" not in asked_tiers
    # ... a district asked by its bare name too ("Ba Vì có bao nhiêu ...": not a commune)
    asks_district = asks_district or (bool(analysis.localities) and not asked_tiers)
    # The rows' header names communes: "Xã, thị trấn | ...".
    rows_are_communes = _names_communes_header(values)
    return [cell for cell in values if names_asked_alone(cell.label) and not _is_rest(cell.label)]


def _names_communes_header(values: list[TableCell]) -> bool:
    """The header over the table's labels names communes ("Xã, thị trấn", "Phường, xã")."""
    return bool(values) and _tiers(_label_header(values)) == {"commune"}


_BRACKETED_END_RE = re.compile(r"\s*\([^()]*\)\s*$")


def commune_cells(analysis: QuestionAnalysis, values: list[TableCell]) -> list[TableCell]:
    """The values of the row labelled with the asked commune ("Xã Thạnh Đức" for "xã Thạnh
    Đức (huyện B)"): its unit word and name, nothing else, or its name alone under a header
    of communes."""

    def names_commune(label: str) -> bool:
        # (its district in brackets after it: "Xã A (huyện B)")
        phrase = _phrase(_BRACKETED_END_RE.sub("", label))
        unit = _TIER_RE.match(phrase)
        if unit is None:  # "| Xã | Bến đò |" over "| Tân Mỹ | 4 |": the header's unit
            return communes_listed and phrase in asked
        own = phrase[unit.end() :].strip()
        return _TIERS[unit.group(1)] == {"commune"} and own in asked

    asked = set(analysis.communes)
    tier = _TIER_RE.fullmatch(_label_header(values))
    communes_listed = tier is not None and _TIERS[tier.group(1)] == {"commune"}
    return [cell for cell in values if names_commune(cell.label)]


def named_cells(analysis: QuestionAnalysis, values: list[TableCell]) -> list[TableCell]:
    """The values of the rows the question names word for word ("Đồn Biên phòng A" in "Đồn
    Biên phòng A bắt mấy vụ"), the longest label when several are (`row_naming`)."""
    asked = asked_row(analysis)
    named = []
    for cell in values:
        key = naming(asked, cell.label)  # a count's row: its place or unit, word for word
        if key is not None:
            named.append((key, cell))
    return best_named(named)


def searched_cells(analysis: QuestionAnalysis, view: PassageView) -> list[TableCell]:
    """A search (no "?") naming a row and a column word for word ("lượt khách Bãi A 2023",
    "phương tiện chở khách huyện B"): the cell where they meet, of the longest column name
    named when several are. A column is named by two words or more (its unit in brackets
    left out), a row by its whole label, the total row by "tổng" or "toàn tỉnh"."""
    if "?" in analysis.text:  # a sentence asking, not keywords
        return []
    asked = f" {_phrase(analysis.text)} "
    # "tổng lượt ... toàn tỉnh": the total row, however it is labelled ("Cộng").
    total = re.search(r" (?:tong|toan tinh|toan huyen|ca tinh) ", asked) is not None
    row_asked = asked_row(analysis)
    named: list[tuple[int, TableCell]] = []
    for header_index, header, _, index, row in _rows(view):
        label = _label(row)
        named_row = naming(row_asked, label) is not None
        if not (named_row or (total and _is_total(label))):
            continue
        for column, name in enumerate(header):
            words = _phrase(_without_unit(name))
            size = len(words.split())
            # Word for word, or a long name's every word ("tờ rơi quảng cáo cho vay bóc xóa"
            # names "Tờ rơi, quảng cáo bóc, xóa").
            spread = size >= MIN_SPREAD_WORDS and set(words.split()) <= set(asked.split())
            said = f" {words} " in asked or spread
            if size >= MIN_LABEL_WORDS and said and _VALUE_RE.match(row[column]):
                named.append((size, TableCell(view, header_index, index, label, name, row[column])))
    if not named:
        return []
    longest = max(size for size, _ in named)
    return [cell for size, cell in named if size == longest]


# The tier each kind of place is at ("thành phố" is a province's or a district's).
_TIERS = {
    "tinh": {"province"},
    "thanh pho": {"province", "district"},
    "huyen": {"district"},
    "quan": {"district"},
    "thi xa": {"district"},
    "xa": {"commune"},
    "phuong": {"commune"},
    "thi tran": {"commune"},
    "dac khu": {"commune"},
}
_TIER_RE = re.compile(rf"\b({'|'.join(sorted(_TIERS, key=len, reverse=True))})\b")


def labels_place(label: str) -> bool:
    """A row's label names a place by its unit: "Xã A", "Huyện B", "Thị trấn C"."""
    return _TIER_RE.match(_phrase(label)) is not None


def _tiers(text: str) -> set[str]:
    # "địa phương" is any place, not a ward.
    words = re.sub(r"\bdia phuong\b", " ", _phrase(text))
    return {tier for kind in _TIER_RE.findall(words) for tier in _TIERS[kind]}


def rows_of_asked_tier(analysis: QuestionAnalysis, values: list[TableCell]) -> bool:
    """The rows are places of the kind asked, or of no told kind: "xã nào nhiều tổ nhất"
    is not answered by a table of former provinces ("Khu vực tỉnh A cũ")."""
    asked = _tiers(analysis.asked_noun or "")
    told = [_tiers(cell.label) for cell in values if not _is_total(cell.label)]
    if not asked or not told or not all(told):
        return True
    return any(tiers & asked for tiers in told)


def year_rows(values: list[TableCell]) -> bool:
    """The table's rows are years ("| 2022 | 23.815 | ..."): each row is its own year."""
    rows = [cell for cell in values if not _is_total(cell.label)]
    return bool(rows) and all(re.fullmatch(r"(?:19|20)\d{2}", cell.label) for cell in rows)


def _is_period_label(label: str) -> bool:
    """A row labelled by a period alone: "Quý I", "Tháng 10/2024", "Năm 2024", "6 tháng đầu
    năm"."""
    rest = re.sub(r"\b(?:nam|thang|quy|\d+)\b", " ", _phrase(without_periods(label)))
    return bool(_phrase(label)) and not rest.strip()


def period_ranked(analysis: QuestionAnalysis, values: list[TableCell]) -> list[TableCell] | None:
    """The rows a superlative compares of a table whose rows are periods ("| Quý I | 35 |" ...
    "| Năm 2024 | 142 |"): None when the question ranks no period ("Huyện nào ... nhiều
    nhất" is not answered by the quarter with the most); when it does ("quý nào"), the parts
    of the year, not the year's row that sums them. Other tables' rows as they are."""
    rows = [cell for cell in values if not _is_total(cell.label)]
    if len(rows) < 2 or not all(_is_period_label(cell.label) for cell in rows):
        return values
    if not _PERIOD_ASKED_RE.search(_ranked_text(analysis)):
        return None
    parts = [cell for cell in values if parts_of_year(cell.label)]
    return parts or values


def set_aside(analysis: QuestionAnalysis, values: list[TableCell]) -> list[TableCell]:
    """The rows but the place the question sets aside ("Ngoài thành phố A, huyện nào ... nhiều
    nhất?": the second place)."""
    if analysis.set_aside is None:
        return values
    name = f" {_phrase(analysis.set_aside)} "
    kept = [cell for cell in values if name not in f" {_phrase(cell.label)} "]
    return kept if len(kept) < len(values) else values


def of_asked_kind(analysis: QuestionAnalysis, values: list[TableCell]) -> list[TableCell]:
    """ "Trong các huyện, huyện nào ...": of a table listing cities and districts, the rows
    of the kind of place set apart, when some rows are of that kind (the total rows kept)."""
    asked = _phrase(analysis.asked_noun or "")
    if not asked or not _TIER_RE.fullmatch(asked):
        return values
    # Only when the question sets the kind apart: "trong các huyện"; "đơn vị cấp huyện nào"
    # or "phường, xã nào" take every place of that tier.
    if not re.search(rf"\bcac {asked}\b", _phrase(analysis.text)):
        return values
    kind = [cell for cell in values if _phrase(cell.label).startswith(f"{asked} ")]
    if not kind:
        return values
    return [cell for cell in values if cell in kind or _is_total(cell.label)]


def named_places(analysis: QuestionAnalysis, values: list[TableCell]) -> list[TableCell]:
    """ "Huyện nào ... nhiều nhất" ranks the places: not a department's own row beside them
    ("Phòng PC03 (trực tiếp)", "Các phòng nghiệp vụ Công an tỉnh")."""
    if analysis.asked_noun not in PLACE_NOUNS:
        return values
    kept = [cell for cell in values if not _names_body_only(cell.label)]
    return kept if any(not _is_total(cell.label) for cell in kept) else values


# A body opening a row's label (read folded): "Phòng PC03", "Đội CSGT", "Các phòng nghiệp vụ".
_BODY_OPENING_RE = re.compile(
    r"^(?:cac )?(?:phong|cong an|doi|ban|so|cuc|chi cuc|trai|don|bo chi huy|co quan|luc luong)\b"
)


def _names_body_only(label: str) -> bool:
    """A row's label naming a body and no place: "Phòng PC03 (trực tiếp)", not "Công an
    huyện A" (the district's figure)."""
    if not _BODY_OPENING_RE.match(_phrase(label)):
        return False
    return PLACE_NAMED_RE.search(label) is None and not places_named(label)


def extreme_cells(values: list[TableCell], extreme: str) -> list[TableCell]:
    """The rows holding the column's highest (or lowest) value, ties all kept; a row
    labelled as the whole ("Toàn tỉnh", "Tổng cộng") or as the rest lumped together ("Các
    xã còn lại", "Đơn vị khác") is not one of the compared rows."""
    rows = [cell for cell in values if not _is_total(cell.label) and not _is_rest(cell.label)]
    if not rows:
        return []
    if extreme == "zero":
        return [cell for cell in rows if cell.value == 0]
    pick = max if extreme == "max" else min
    target = pick(cell.value for cell in rows)
    return [cell for cell in rows if cell.value == target]


def total_cells(values: list[TableCell]) -> list[TableCell]:
    """The values of the rows summing the table ("Cộng", "Tổng cộng", "Toàn tỉnh")."""
    return [cell for cell in values if _is_total(cell.label)]


# A row of the unit the rows above merged into (folded): "Xã A (sau sắp xếp)".
_MERGED_WHOLE_RE = re.compile(r"\(\s*sau (?:sap xep|sap nhap|hop nhat)\b")


# A row summing a part of the table, named by its marked "Cộng" ("Cộng miền Tây", "Cộng
# khu vực biên giới"), not "Cộng đồng", "Cộng tác viên".
_SUM_MARKED_RE = re.compile(r"[\W_]*cộng(?! (?:đồng|tác)\b)(?!\w)", re.IGNORECASE)


def _is_total(label: str) -> bool:
    """ "Toàn tỉnh", "Tổng cộng", "Cả huyện", a bare "Cộng", "Cộng toàn xã", "Cộng (cấp
    huyện)", "Cộng huyện A" (its communes' sum), "Cộng các phường" or "Cộng 03 huyện
    biên giới" (not "Công an ...", "Công ty ...": folded alike; nor "CA huyện A", the
    district police, which folds like "Cả huyện")."""
    if re.match(r"\W*CA\b", label):
        return False
    if _SUM_MARKED_RE.match(label):
        return True  # "Cộng miền Tây (11 đơn vị)": marked, "Cộng" is no "Công" (an, ty)
    folded = fold(label).lower().strip(" *.:")
    if _MERGED_WHOLE_RE.search(folded):
        return True  # "Xã A (sau sắp xếp)": the units merged, summed, beside each of them
    # "Cộng 03 huyện biên giới": the sum of the rows above, however many.
    total = (
        r"(?:toan|tong|ca) "
        r"|cong(?:\W*$| \(| (?:toan|chung|ca|cac|tat|\d+|huyen|xa|quan|thi xa|thanh pho|tinh)\b)"
    )
    return bool(re.match(total, folded + " "))


def _is_rest(label: str) -> bool:
    """ "Các xã còn lại", "Các đơn vị khác", "Khác": the places not listed, together."""
    return bool(re.search(r"\bcon lai\b|(?:^|\s)khac$", fold(label).lower().strip(" .:")))


# A row labelled as a numbered stage or part: "Giai đoạn 2", "Đợt 3", "Phần II".
_NUMBERED_LABEL_RE = re.compile(r"^(.*?[^\W\d_])\s+(\d{1,2}|[IVX]{1,4})$")
# ... a stage of a plan or a part of it; not a period ("Quý IV", told in prose too), nor a
# road or a place numbered so ("Quốc lộ 25", "Phường 3"), which "các quốc lộ" does not ask
# row by row.
_STAGE_STEMS = frozenset(("giai doan", "dot", "buoc", "phan", "vong", "chang", "dot cao diem"))


@dataclass(frozen=True)
class NumberedRows:
    """The table rows labelled with the stage the question names, and whether the tables
    number such stages without the one asked ("Giai đoạn 4" of a plan with three)."""

    rows: list[tuple[PassageView, int]]
    absent: bool


def numbered_rows(analysis: QuestionAnalysis, views: list[PassageView]) -> NumberedRows:
    """Rows whose label is the numbered stage the question names: "Giai đoạn 2 kéo dài
    đến ngày nào?" is answered by the row "| Giai đoạn 2 | Từ ngày ... |", "Các giai đoạn
    ..." by each stage's row."""
    asked = f" {_phrase(analysis.text)} "
    rows: list[tuple[PassageView, int]] = []
    seen: set[tuple[str, int]] = set()  # overlapping passages hold the same row
    stems_asked = False
    for view in views:
        if not view.eligible:
            continue
        for index, clause in enumerate(view.clauses):
            row = cells(clause.text)
            match = _NUMBERED_LABEL_RE.match(_label(row)) if row else None
            if match is None:
                continue
            stem, number = _phrase(match.group(1)), match.group(2).lower()
            if stem not in _STAGE_STEMS:
                continue
            named = re.search(rf" {re.escape(stem)} (\d{{1,2}}|[ivx]{{1,4}}) ", asked)
            # "Các đợt ... từ ngày nào đến ngày nào?": every stage's row.
            every = re.search(rf" (?:cac|nhung|tung) {re.escape(stem)} ", asked) is not None
            if named is None and not every:
                continue
            stems_asked = True
            asked_number = named.group(1) if named else number
            if asked_number == number and (view.passage.source, clause.start) not in seen:
                seen.add((view.passage.source, clause.start))
                rows.append((view, index))
    return NumberedRows(rows, absent=stems_asked and not rows)


# An amount a rates table gives: "936.000", "250.000 đồng/người/ngày", "70% cước".
_AMOUNT_CELL_RE = re.compile(r"^\d+(?:[.,]\d+)*(?:\s*(?:%|dong|d\b|trieu)\S*)?", re.IGNORECASE)


def _is_amount(cell: str) -> bool:
    """A cell opening with an amount, or saying it after how it is reckoned ("Hệ số 0,5 mức
    lương cơ sở (1.170.000 đồng/người/tháng)")."""
    folded = fold(cell).lower()
    return bool(_AMOUNT_CELL_RE.match(folded) or MONEY_RE.search(folded))


# A rate asked by its level (folded): "được hỗ trợ mức nào", "ở mức nào"; not a change
# asked, "nâng từ mức nào lên mức nào", which the sentence telling the change answers.
_LEVEL_ASKED_RE = re.compile(r"^(?!.*\btu muc nao\b).*\bmuc nao\b")


def rate_cells(analysis: QuestionAnalysis, views: Sequence[PassageView]) -> list[TableCell]:
    """For "mức hỗ trợ tổ phó tổ tự quản": the row of a rates table the question names
    (`row_naming`: "Tổ phó Tổ tự quản về an ninh, trật tự | 640.000 đồng"), read in the amount
    column whose name the question shares most words with (the first on a tie). Empty when
    the question asks no rate or names no row."""
    # Only a rate asked as such: not "có được hỗ trợ không", "có hiệu lực từ ngày nào", nor
    # "huyện nào được hỗ trợ nhiều nhất".
    # ... "được hỗ trợ mức nào" asks a rate as "bao nhiêu" does.
    level = analysis.type == QuestionType.WHICH and _LEVEL_ASKED_RE.search(_phrase(analysis.text))
    counted = analysis.type in (QuestionType.COUNT, QuestionType.OTHER)
    if not (counted or level) or asked_extreme(analysis):
        return []
    if not RATE_ASKED_RE.search(_phrase(analysis.text)) or counts_beings(analysis):
        return []  # (not "hỗ trợ bao nhiêu thí sinh": a number of them)
    asked = asked_row(analysis)
    question = _words(analysis.text)
    labels = _table_labels(views)
    named: list[tuple[Naming, TableCell]] = []
    joined = joined_rows(analysis)
    # ... and the rows each of two things joined names ("súng săn và lựu đạn"), apart
    by_part: tuple[list[tuple[Naming, TableCell]], ...] = ([], [])
    for view in views:
        rows = list(_rows(view)) if view.eligible else []
        tables = _table_texts(rows)  # what a table does not say is asked of another
        context = " ".join(view.context)
        for header_index, header, _, index, row in rows:
            label = _label(row)
            # The amounts after the label: not the row's number ("STT") before it.
            after = row.index(label) + 1
            amounts = [c for c in range(after, len(row)) if _is_amount(row[c])]
            table = labels[view.passage.source, tuple(header)]
            others = [other for other in table if other != label]
            key = naming(asked, label, tables[header_index], context, True, others)
            if not amounts or key is None:
                continue
            column = max(amounts, key=lambda c: (len(_words(header[c]) & question), -c))
            cell = TableCell(view, header_index, index, label, header[column], row[column])
            # Not the same row again, of an overlapping passage.
            start = view.clauses[index].start
            if all(c.view.clauses[c.row].start != start or k != key for k, c in named):
                named.append((key, cell))
            for part, part_named in zip(joined or (), by_part, strict=False):
                part_key = naming(part, label, tables[header_index], context, True, others)
                seen = (c.view.clauses[c.row].start for _, c in part_named)
                if part_key is not None and start not in seen:
                    part_named.append((part_key, cell))
    parts = [best_named(part_named) for part_named in by_part]
    if all(len(rows) == 1 for rows in parts) and _distinct_rows(parts[0][0], parts[1][0]):
        return [parts[0][0], parts[1][0]]  # each thing joined names its own row
    return best_named(named)


def _distinct_rows(one: TableCell, other: TableCell) -> bool:
    """Whether two cells stand in different rows of the document."""
    return (one.view.passage.source, one.view.clauses[one.row].start) != (
        other.view.passage.source,
        other.view.clauses[other.row].start,
    )
