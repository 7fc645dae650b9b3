"""Numbers as Vietnamese writes them, and whether one stated in a text is a figure.

"." groups thousands and "," marks decimals ("1.050.000", "277,556", "12,5%"); "80/80" is a
part of a whole. A number is *not* a figure when it is a date, a year, a time or a span of
time, a document or article number, a list label, a name ("thôn Bản 1") or a phone number.
Every pattern here is linear: digit runs are separated by mandatory punctuation, and the
context checks look at a bounded window either side.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

# A run of digits with "." "," or "/" between digit groups: "1.908", "12,5", "80/80".
NUMBER_RE = re.compile(r"\d+(?:[.,/]\d+)*")
_THOUSANDS_RE = re.compile(r"\d{1,3}(?:\.\d{3})+(?:,\d+)?")
_DECIMAL_RE = re.compile(r"\d+(?:,\d+)?")
_RATIO_RE = re.compile(r"(\d+)/(\d+)")
_YEAR_RE = re.compile(r"(?:19|20)\d\d")


# The word just before a number that makes it a label, an ordinal, a date or a document
# number rather than a count: "Điều 5", "khoản 2", "lần thứ 3", "ngày 15", "thôn 4".
def word_set(words: str) -> frozenset[str]:
    """A set of words written as one space-separated string, for readable word lists."""
    return frozenset(words.split())


LABEL_WORDS = word_set(
    """
    điều khoản điểm mục chương phần phụ lục tiết số thứ lần đợt khóa khoá kỳ kì
    ngày tháng năm quý sáng chiều tối đêm trưa hôm tuần
    thôn xóm bản tổ khu phố ấp khóm đội ngõ ngách hẻm kiệt đường tuyến
    km lộ phòng tầng lô mã hotline thoại sđt tel fax
    """
)
# Words after a number that make it a time or a span of time: "6 tháng", "18 giờ", "3 năm".
TIME_WORDS = word_set("ngày tháng năm quý tuần giờ phút giây h tiếng")
# Units glued to a number ("5km") or written after it; the counted noun is then the unit.
MEASURE_UNITS = word_set(
    "km m cm mm ha m2 m² kg g tấn tạ lít l tuổi đồng usd vnd kilôgam gam mililít mét"
)
# Programmes, boards and documents named by a number: "Ban Chỉ đạo 138", "Đề án 06".
_NAMED_BY_NUMBER_RE = re.compile(
    r"(?:Ban Chỉ đạo|Đề án|Chương trình|Dự án|Nghị quyết|Chỉ thị|Quyết định|Kết luận|Luật"
    r"|Nghị định|Thông tư|Kế hoạch|Công văn|Hướng dẫn)[ ]+$"
)
_REFERENCE_WORDS = word_set("điều khoản điểm chương mục phần")
# How far back a context check looks: bounded, so that a long line stays linear.
_LOOKBACK = 200
# The words scaling an amount written after its number: "2,4 tỷ đồng" is 2.400.000.000.
SCALES = {"nghìn": 1e3, "ngàn": 1e3, "triệu": 1e6, "tỷ": 1e9, "tỉ": 1e9}
SCALE_WORDS = frozenset(SCALES)


@dataclass(frozen=True)
class Number:
    """A number read from the text: as written, as a value, and its denominator if any."""

    text: str
    value: float
    total: float | None = None


def parse_number(written: str) -> Number | None:
    """The value of a number as Vietnamese writes it, or None when it is not a quantity.

    "1.908" -> 1908; "12,5" -> 12.5; "80/80" -> 80 of 80; "1.2" and "20/7/2022" -> None
    (a section number, a date).
    """
    ratio = _RATIO_RE.fullmatch(written)
    if ratio:
        part, whole = int(ratio.group(1)), int(ratio.group(2))
        if whole == 0 or part > whole or _YEAR_RE.fullmatch(ratio.group(2)):
            return None  # "5/1", "3/2019": dates
        return Number(written, float(part), float(whole))
    if _THOUSANDS_RE.fullmatch(written):
        return Number(written, float(written.replace(".", "").replace(",", ".")))
    if _DECIMAL_RE.fullmatch(written):
        return Number(written, float(written.replace(",", ".")))
    return None


def _word_before(text: str, start: int) -> tuple[str, int]:
    """The word just before `start` and where it starts; "" when punctuation comes first."""
    i = start
    while i > 0 and text[i - 1] == " ":
        i -= 1
    j = i
    while j > 0 and text[j - 1].isalpha() and i - j < 20:
        j -= 1
    return text[j:i], j


def _word_after(text: str, end: int) -> str:
    """The word just after `end`, "" when punctuation comes first."""
    i = end
    while i < len(text) and text[i] == " ":
        i += 1
    j = i
    while j < len(text) and (text[j].isalpha() or text[j] in "²") and j - i < 20:
        j += 1
    return text[i:j]


def _is_glued(text: str, start: int, end: int) -> bool:
    """True when the number is part of a code or a date: "06/CT", "CA0424T", "1-7", "6T"."""
    before = text[start - 1] if start else " "
    after = text[end] if end < len(text) else " "
    after2 = text[end + 1] if end + 1 < len(text) else " "
    spaced_dash = before in "-–" and start >= 2 and text[start - 2] == " "  # "2013 - 2020"
    if (before.isalnum() or before in "/-–_.@#" or after in "/-–_@") and not spaced_dash:
        return True
    if after.isalpha():
        return _word_after(text, end).lower() not in MEASURE_UNITS
    return after in ".," and after2.isalnum()


def _is_list_label(text: str, start: int, end: int) -> bool:
    """ "1." or "2)" opening a line: list numbering."""
    if text[end : end + 1] not in {".", ")"}:
        return False
    line_start = text.rfind("\n", max(0, start - _LOOKBACK), start) + 1
    return not text[line_start:start].strip() and (line_start > 0 or start < _LOOKBACK)


def _is_name_part(text: str, start: int) -> bool:
    """True after a capitalised word inside a sentence: "Bản 1", "Ban Chỉ đạo 138"."""
    if _NAMED_BY_NUMBER_RE.search(text, max(0, start - 30), start):
        return True
    word, word_start = _word_before(text, start)
    if not word or not word[0].isupper():
        return False
    head = text[max(0, word_start - 5) : word_start].rstrip(" ")
    # The first word of a sentence or a table cell is capitalised anyway: "Có 5 xã".
    return bool(head) and head[-1] not in '.!?:|\n("“'


def is_figure_context(text: str, start: int, end: int) -> bool:
    """True when the number text[start:end] is stated as a quantity, not a label or date."""
    written = text[start:end]
    if _is_glued(text, start, end) or _is_list_label(text, start, end):
        return False
    if written.isdigit() and (
        _YEAR_RE.fullmatch(written) or (written.startswith("0") and len(written) > 2)
    ):
        return False  # a year; a phone or code number ("0912345678")
    if written.startswith("0") and "." in written:
        return False  # "0912.345.678"
    before, before_start = _word_before(text, start)
    if before.lower() in LABEL_WORDS and _word_before(text, before_start)[0].lower() != "tổng":
        return False
    if _is_name_part(text, start):
        return False
    return _word_after(text, end).lower() not in TIME_WORDS


def is_counted_noun(noun: str) -> bool:
    """False for what a number before it labels or spans: "5 Điều 66", "10 đến 15 năm"."""
    first = noun.split(" ", 1)[0].lower()
    return first not in TIME_WORDS and first not in _REFERENCE_WORDS
