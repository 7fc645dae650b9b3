"""The part of a year a figure covers: "6 tháng đầu năm", "quý III", "cả năm".

"Cả năm 2023 có bao nhiêu vụ?" is not answered by a half-year report's figure of 2023, nor
"6 tháng cuối năm" by the first half's: when both the question and the clause (or its
heading, or its document's title) say which part of the year, they must say the same.
"""

from __future__ import annotations

import math
import re
from collections.abc import Iterator
from datetime import date

from index.vietnamese import fold

CAMPAIGN = "campaign"
# Read on folded lower-case text, so that "6 tháng đầu năm", "6T dau nam" and "sáu tháng
# đầu năm" are one period. A year right after ("6 tháng 2024") is not part of the period:
# it stays the year asked about.
_PERIODS: tuple[tuple[str, str], ...] = (
    ("first-half", r"\b(?:6|sau) ?(?:thang|t) dau (?:nam\b|(?=\d{4}))"),
    ("second-half", r"\b(?:6|sau) ?(?:thang|t) cuoi (?:nam\b|(?=\d{4}))"),
    ("quarter-1", r"\bquy (?:i|1)\b(?! ?[iv])"),
    ("quarter-2", r"\bquy (?:ii|2)\b(?! ?[iv])"),
    ("quarter-3", r"\bquy (?:iii|3)\b"),
    ("quarter-4", r"\bquy (?:iv|4)\b"),
    # (not a campaign's summary: "tổng kết đợt cao điểm cuối năm")
    ("whole-year", r"\b(?:ca|toan|suot) nam\b|\btong ket(?: (?!cao diem)[a-z]+){0,5} nam\b"),
    # A campaign's weeks ("03 tháng cao điểm", "đợt cao điểm Tết", "trong cao điểm"): no
    # part of the year a report's other figures cover. Not a plan's subject ("Kế hoạch ...
    # về cao điểm ..."), campaigns opened ("mở các đợt cao điểm"), rush hour ("giờ cao
    # điểm"), nor one compared with ("so với đợt cao điểm năm trước").
    (
        CAMPAIGN,
        r"(?<!\bve )(?<!so voi )(?<!\bmo )(?<!\bcac )(?<!\bnhung )"
        r"\b(?:(?:\d{1,2}|hai|ba|bon) thang|thang|dot|dip|giai doan|trong) cao diem\b"
        r"|^\W*cao diem\b",
    ),
    # Local government of two tiers runs from 01/7/2025: "từ khi vận hành chính quyền địa
    # phương hai cấp" counts from that day, as "từ 01/7/2025" does; so does "từ khi thành
    # lập xã", of the communes and wards that day formed.
    (
        "since-7-1",
        r"\btu khi (?:van hanh|thuc hien|trien khai|ap dung)(?: mo hinh)? chinh quyen"
        r"(?: dia phuong)? (?:02|2|hai) cap\b"
        r"|\btu khi (?:thanh lap|sap nhap|hop nhat) (?:xa|phuong|dac khu)\b",
    ),
)
_COMPILED = tuple((name, re.compile(pattern)) for name, pattern in _PERIODS)
# The first months of a year, however many: "9 tháng năm 2024", "10 tháng đầu năm", "7T
# đầu năm 2025" are each a period of their own ("months-9", ...); 6 is the first half, 3
# the first quarter.
# Months in words too ("Hai tháng đầu năm 2023"); not "năm" and "tư", which fold to "nam"
# (year) and "tu" (from).
_MONTHS_RE = re.compile(
    r"\b(\d{1,2}|hai|ba|bon|sau|bay|tam|chin|muoi(?: mot| hai)?) ?(?:thang|t) (?:dau )?"
    r"(?:nam\b|(?=\d{4}))"
)
# A report's "9 tháng, toàn tỉnh ..." or "6 tháng tiếp nhận ..." without "năm": the half and
# nine months, or the months after the half a report counts to ("10 tháng xảy ra 37 vụ"), and
# not a duration ("phạt tù 6 tháng", "thời hạn 9 tháng", "từ 6 tháng", "10 tháng tới").
_BARE_MONTHS_RE = re.compile(
    r"(?<!\btu )(?<!phat )(?<!\bhan )(?<!\bhon )(?<!duoi )(?<!tren )(?<!\bden )(?<!\bmoi )"
    r"(?:\b(6|9|sau|chin)"
    # ... (the months past the half read more warily: not "trong 10 tháng tới", "sau 10
    # tháng", "đến hết 10 tháng", a bound a question gives)
    r"|(?<!\btrong )(?<!\bsau )(?<!\bvong )(?<!\bhet )\b(7|8|10|11))"
    r" thang\b(?! (?:tuoi|cuoi|tu|den|ke|tro|toi|nua)\b)"
)
# ... or seven months or more labelling an item: "- 11 tháng: xảy ra 21 vụ" (folded), the
# year's months up to the report's (fewer may run from another date: "- 03 tháng:" after
# a merger on 1 July is no first quarter).
_LABELLED_MONTHS_RE = re.compile(r"(?:^|[-+•*]\s*)(0?[7-9]|1[0-2]) thang\s*:")
_MONTH_WORDS = {
    "hai": 2,
    "ba": 3,
    "bon": 4,
    "sau": 6,
    "bay": 7,
    "tam": 8,
    "chin": 9,
    "muoi": 10,
    "muoi mot": 11,
    "muoi hai": 12,
}
_MONTHS_NAMED = {3: "quarter-1", 6: "first-half", 12: "whole-year"}
# One month: "tháng 7/2025", "riêng tháng 9", "tháng 5 năm 2024"; not a date's month ("ngày
# 15 tháng 7 năm 2025", "15 tháng 7"), a range's ends ("từ tháng 01/2022 đến tháng 02/2024")
# nor a number of months ("6 tháng").
# A month's number is followed by its year, a mark (after bold's "**" too), its days in
# brackets ("Tháng 3 (15/2 - 14/3/2031)") or what happened in it ("tháng 11 tiếp
# nhận 12 người"), not by what it counts ("mỗi tháng 2 lần", "hằng tháng 1 buổi").
# Nor a count of months after a place folding alike: "xã Chiến Thắng 6 tháng đầu năm".
_MONTH_RE = re.compile(
    r"(?<!\d )(?<!moi )(?<!hang )\bthang (\d{1,2})"
    r"(?=/\d{4}\b| (?:nam )?(?:19|20)\d{2}\b|\W*$|[*_]*[,;.:]|[*_]* ?\(\d"
    r"| (?!(?:lan|luot|buoi|dot|ngay|nam|k[iy]|nguoi|vu|cuoc|ca|tieng|gio|thang)\b)[a-z]+\b)"
)
# Words before a month that make it a bound, not the month spoken of ("trật tự" is no "từ").
_MONTH_BOUND_RE = re.compile(r"(?<!\btrat )\b(?:tu|den|het|truoc|sau|sang|cuoi|dau) $")


# A period given by its dates: "từ ngày 01/7/2025 đến ngày 20/9/2025", "từ 15/12/2023 đến
# hết 14/6/2024" (a report's period may start in mid-December and end in mid-June), or in
# brackets after what it bounds: "Tháng 3 (15/2 - 14/3/2031)".
_RANGE_RE = re.compile(
    r"(?:(?<![/-])\btu (?:ngay )?|(?<=\()(?:ngay )?)(\d{1,2})/(\d{1,2})(?:/\d{4})?"
    r"(?: (?:den|toi) (?:het )?(?:ngay )?| ?[-–] ?)(\d{1,2})/(\d{1,2})(?:/\d{4})?\b"
)
_RANGE_SLACK = 6 / 30  # months: how far a range's end may miss the month's turn
# ... and how far a month's range may miss a whole month: not "từ 25/01 đến 20/02", an
# operation's days, nor "từ 10/6 đến 12/7" (a tournament's 33 days), though a police
# month ("từ 15/6 đến 14/7") or a calendar one ("từ 01/7 đến 31/7") is one.
_MONTH_SLACK = 1.5 / 30


def _range_period(day1: int, month1: int, day2: int, month2: int) -> str:
    """The part of the year a date range covers, when it is one. A report's period may be
    shifted by up to a month ("15/12/2023 - 14/6/2024" is its first half): the start snaps
    to a month's turn and the end, shifted alike, must then fall on one."""

    def months(day: int, month: int) -> float:  # since the year's start: 15/6 -> 5.47
        return (month - 1) + (day - 1) / 30

    start, end = months(day1, month1), months(day2, month2) + 1 / 30  # the end day counts
    if start >= end:  # "từ 15/12/2023 ...": from the year before
        start -= 12
    span = end - start
    first = math.ceil(start - _RANGE_SLACK)
    end += first - start
    last = round(end)
    if abs(end - last) > _RANGE_SLACK or last <= first:
        if (day1, month1) == (1, 1):  # "từ ngày 01/01/2031 đến ngày 10/3/2031": the year so
            return _year_to_date(day2, month2)  # far at that day, as "từ đầu năm đến 10/3"
        return "range"  # "từ 01/7 đến 20/9": no part of a year a question names
    if first == 0:
        return _MONTHS_NAMED.get(last, f"months-{last}")
    if last - first == 1 and abs(span - 1) <= _MONTH_SLACK:
        return f"month-{last}"  # a police month: "từ 15/10 đến 14/11" is November's report
    if (first, last) == (6, 12):
        return "second-half"
    if last - first == 3 and first % 3 == 0:
        return f"quarter-{first // 3 + 1}"
    return "range"


# A period running from a date with no end given, to the report's day: "từ 01/7/2025 xảy ra
# 12 vụ", "lũy kế từ ngày 01/7/2025 đến nay" (a post-merger commune counts from its founding).
# Not the start of a range ("từ 01/7 đến 20/9"), nor of a validity ("có hiệu lực từ ngày ..."),
# nor a directive number's "/TU" (Tỉnh ủy: "Chỉ thị số 05-CT/TU ngày 12/3/2024").
_SINCE_RE = re.compile(
    r"(?<!hieu luc )(?<!\bthi hanh )(?<![/-])\btu (?:ngay )?(\d{1,2})/(\d{1,2})(?:/\d{4})?\b"
    r"(?:,? (?:den|toi) (?:hien )?nay\b|(?! ?(?:den|toi|-) ?(?:het )?(?:ngay )?\d))"
)


# A year's figure so far, standing at a day: "từ đầu năm 2031 đến ngày 30/9/2031", "từ đầu
# 2031 đến 14/9" are its first nine months, by the calendar or by the police's reckoning
# (its months end on the 14th or 15th); up to another day, the months it comes nearest to
# ("đến ngày 20/9": nine).
_YEAR_TO_DATE_RE = re.compile(
    r"\btu dau (?:nam)?(?: ?(?:19|20)\d{2})?,? (?:den|toi) (?:het )?(?:ngay )?(\d{1,2})/(\d{1,2})"
    r"(?:/(?:19|20)\d{2})?\b"
)
_POLICE_MONTH_END = (14, 15)
# ... named apart ("ytd-9"): the year's first months to a question asking them or another
# part, but so far as told, no part of a year a question asking the year's figure rules out
# (a news page's "từ đầu năm đến ngày 20/10" is what "năm 2024 bao nhiêu" is answered by).
YEAR_TO_DATE = "ytd-"


def _year_to_date(day: int, month: int) -> str:
    """The part of the year from its start to the day: the months it covers."""
    months = month if day in _POLICE_MONTH_END else round(month - 1 + day / 30)
    if not 1 <= months <= MONTHS_IN_YEAR:
        return "range"
    return f"{YEAR_TO_DATE}{months}"


def as_months(period: str) -> str:
    """A year so far as the part of the year its months are: "ytd-9" is "months-9"."""
    if not period.startswith(YEAR_TO_DATE):
        return period
    months = int(period.removeprefix(YEAR_TO_DATE))
    return _MONTHS_NAMED.get(months, f"months-{months}")


# A clause opening with the day it tells of ("Ngày 12/3, Công an huyện A bắt ...",
# "Khoảng 3 giờ sáng 12/3/2031, ..."): an event of that day's month ("day-3"), no count of
# the month, nor a part of the year a year's figure sums. (A few words may lead it on from
# the sentence before: "Tiếp đó, ngày 12/3, ...", "Mở rộng điều tra, ngày 12/3, ...".)
_FRONTED_DAY_RE = re.compile(
    r"^\W*(?:[a-z]+(?: [a-z]+){0,3}, (?=ngay ))?"
    r"(?:(?:vao )?(?:luc |khoang )?\d{1,2} ?(?:gio|h)(?: ?\d{1,2}(?: phut)?)?,? )?"
    r"(?:(?:sang|chieu|toi|dem|trua|rang sang) )?(?:ngay )?(\d{1,2})/(\d{1,2})"
    r"(?:/(?:19|20)\d{2})?\s*,"
)
DAY = "day-"
_ONE_MONTH_RE = re.compile(rf"(?:month-|{DAY})(\d{{1,2}})")


def month_of(period: str) -> int | None:
    """The month a period is of, when it is one month or a day of one ("month-3", "day-3")."""
    match = _ONE_MONTH_RE.fullmatch(period)
    return int(match.group(1)) if match else None


def month_of_periods(periods: set[str]) -> set[int]:
    """The months of the one-month periods (and days) named."""
    return {m for p in periods if (m := month_of(p)) is not None}


def since(day: int, month: int) -> str:
    """The name of the period running from a day of the year: "since-7-1" from 01/7."""
    return f"since-{month}-{day}"


# A count of months opening a report's item ("- 03 tháng: xảy ra 8 vụ"): the months of the
# range its title names ("quý III và 03 tháng (từ ngày 01/7/2026 đến ngày 30/9/2026)").
_MONTHS_COUNTED_RE = re.compile(r"^\W*0?(\d{1,2}) thang\b(?! (?:dau|cuoi) )")


def _range_months(day1: int, month1: int, day2: int, month2: int) -> int:
    """How many whole months a date range spans: 01/7 - 30/9 is 3."""
    months = (month2 - month1) % 12 + (day2 - day1 + 1) / 30
    return round(months)


def counted_months_period(text: str, title: str) -> set[str]:
    """The periods an item opening with a count of months ("03 tháng: ...") speaks of: those
    of the range its document's title names, when that range spans as many months."""
    match = _MONTHS_COUNTED_RE.match(fold(text).lower())
    if match is None:
        return set()
    folded_title = fold(title).lower()
    for found in _RANGE_RE.finditer(folded_title):
        day1, month1, day2, month2 = (int(g) for g in found.groups())
        valid = 1 <= month1 <= 12 and 1 <= month2 <= 12
        if valid and _range_months(day1, month1, day2, month2) == int(match.group(1)):
            return {_range_period(day1, month1, day2, month2), since(day1, month1)}
    return set()


def range_as_written(text: str) -> str | None:
    """The first date range (or running period) the text names, as written: "từ ngày 01/7/2025
    đến ngày 20/9", "từ 01/7/2025"."""
    folded = fold(text).lower()
    match = _RANGE_RE.search(folded) or _SINCE_RE.search(folded)
    return text[match.start() : match.end()] if match else None


# A running count with no start given ("Lũy kế: xảy ra 15 vụ"): its report's, told once.
CUMULATIVE = "cumulative"
# A span over several years: "từ năm 2027 đến ngày 30/6/2031", "từ tháng 3/2029 đến tháng
# 8/2030", "từ 2029 đến nay". No part of one year a question names ("6 tháng đầu năm 2031"
# is not the sum since 2027), nor the days of an operation (a "range"): such a span only.
YEARS_SPAN = "years-span"
_YEARS_SPAN_RE = re.compile(
    r"\btu (?:nam |thang (?P<from_month>\d{1,2})/)?(?P<from_year>(?:19|20)\d{2}) (?:den|toi) "
    r"(?:het )?(?:nay\b|(?:(?:ngay )?\d{1,2}/(?P<to_month>\d{1,2})/"
    r"|(?:thang )?(?P<to_month2>\d{1,2})/|nam )?(?P<to_year>(?:19|20)\d{2})\b)"
)
MONTHS_IN_YEAR = 12


def _spans_years(match: re.Match[str]) -> bool:
    """The span runs a year or more (months from one year to the next may be a police
    year's or a season's: "từ tháng 12/2030 đến tháng 5/2031" is no span of years)."""
    if match["to_year"] is None:
        return True  # "đến nay"
    first, last = int(match["from_year"]), int(match["to_year"])
    if last <= first:
        return False
    start, end = match["from_month"], match["to_month"] or match["to_month2"]
    if start is None or end is None:
        return True
    return (last - first) * MONTHS_IN_YEAR + int(end) - int(start) >= MONTHS_IN_YEAR


_CUMULATIVE_RE = re.compile(r"\bluy ke\b(?! (?:tinh )?tu (?:ngay )?\d)")  # not "lũy kế từ 01/7"
# ... and where it stands at a date ("Lũy kế đến ngày 14/3/2025", "tính đến hết tháng 3/2025"):
# the figure a question asks "đến giữa tháng 3/2025" of, named "until-3".
_UNTIL_DATE_RE = re.compile(
    r"\b(?:luy ke|tinh),? den (?:het |giua |cuoi )?(?:ngay )?(?:\d{1,2}/)?(?:thang )?(\d{1,2})/"
    r"(?:19|20)\d{2}\b"
)
UNTIL = "until-"


def _months_spoken_of(folded: str) -> Iterator[re.Match[str]]:
    """Each single month the folded text speaks of: not a bound ("đến hết tháng 6/2024")."""
    for match in _MONTH_RE.finditer(folded):
        bound = _MONTH_BOUND_RE.search(folded[max(match.start() - 10, 0) : match.start()])
        if 1 <= int(match.group(1)) <= 12 and not bound:
            yield match


def _named(folded: str) -> list[tuple[int, str, int]]:
    """Each period the folded text names, with where it starts and ends."""
    found = [
        (m.start(), name, m.end()) for name, regex in _COMPILED for m in regex.finditer(folded)
    ]
    for match in _RANGE_RE.finditer(folded):
        day1, month1, day2, month2 = (int(g) for g in match.groups())
        if 1 <= month1 <= 12 and 1 <= month2 <= 12:
            period = _range_period(day1, month1, day2, month2)
            found.append((match.start(), period, match.end()))
            # A range is also its start's running period: "lũy kế từ ngày 01/7/2025 đến ngày
            # 14/11/2025" answers "từ 01/7/2025 ... bao nhiêu" (`_first` reads the range).
            found.append((match.start(), since(day1, month1), match.end()))
    for match in _YEAR_TO_DATE_RE.finditer(folded):
        day, month = int(match.group(1)), int(match.group(2))
        if 1 <= month <= 12:
            found.append((match.start(), _year_to_date(day, month), match.end()))
    for match in _FRONTED_DAY_RE.finditer(folded):
        if 1 <= int(match.group(2)) <= 12 and 1 <= int(match.group(1)) <= 31:
            found.append((match.start(), f"{DAY}{int(match.group(2))}", match.end()))
    for match in _SINCE_RE.finditer(folded):
        day, month = int(match.group(1)), int(match.group(2))
        if 1 <= month <= 12 and 1 <= day <= 31:
            found.append((match.start(), since(day, month), match.end()))
    for match in _YEARS_SPAN_RE.finditer(folded):
        if _spans_years(match):
            found.append((match.start(), YEARS_SPAN, match.end()))
    for match in _CUMULATIVE_RE.finditer(folded):
        found.append((match.start(), CUMULATIVE, match.end()))
    for match in _UNTIL_DATE_RE.finditer(folded):
        if 1 <= int(match.group(1)) <= 12:
            found.append((match.start(), f"{UNTIL}{int(match.group(1))}", match.end()))
    for match in _months_spoken_of(folded):
        found.append((match.start(), f"month-{int(match.group(1))}", match.end()))
    labelled = _LABELLED_MONTHS_RE.finditer(folded)
    for match in (*_MONTHS_RE.finditer(folded), *_BARE_MONTHS_RE.finditer(folded), *labelled):
        said = next(group for group in match.groups() if group)
        months = _MONTH_WORDS.get(said) or int(said)
        if 1 <= months <= 12:
            name = _MONTHS_NAMED.get(months, f"months-{months}")
            found.append((match.start(), name, match.end()))
    return found


def _first(found: list[tuple[int, str, int]]) -> tuple[int, str, int]:
    """The period named first; of a range, its own part of the year, not its running one;
    of a running count, "lũy kế", not the date it stands at."""
    return min(found, key=lambda f: (f[0], f[1].startswith(("since-", UNTIL)), f[1], f[2]))


def period_of(text: str) -> str | None:
    """The part of a year the text first speaks of, or None when it names none."""
    found = _named(fold(text).lower())
    return _first(found)[1] if found else None


# A count asked up to a month ("đến giữa tháng 10/2024", "tính đến hết tháng 6"): the months
# of the (police) year up to it, as a report of "9 tháng đầu năm" counts them.
# (Not a bare "đến tháng 9", as often the date a figure stands at in a year's report.)
# Its words, with the month's year ("/2024"), are a condition, not words to find in the
# answer (`without_periods`; a year written "năm 2024" after it is left, as the year asked).
_UNTIL_MONTH_RE = re.compile(
    r"\bden (?:het|giua|cuoi) thang (\d{1,2})(?:/(?:19|20)\d{2})?(?![\d/])"
)


def asked_period(question: str) -> str | None:
    """The part of a year a question asks of: as `period_of` reads it, or the months up to
    the month it counts to."""
    period = period_of(question)
    if period is not None and period.startswith(UNTIL):
        period = None  # "tính đến 30/6/2024": a figure standing at a date, in any report
    folded = fold(question).lower()
    until = _UNTIL_MONTH_RE.search(folded)
    # (a campaign's count up to a month: "đợt cao điểm ... tính đến hết tháng 1/2031")
    if until is None or period not in (None, CAMPAIGN, f"month-{until.group(1).lstrip('0')}"):
        return period
    if re.search(r"\btu (?:ngay |thang )?\d", folded[: until.start()]):
        return period  # "từ tháng 7 đến tháng 9/2025": a range's end, not a count up to it
    months = int(until.group(1))
    return _MONTHS_NAMED.get(months, f"months-{months}") if 1 <= months <= 12 else period


# A range of dates: "từ 15/12/2030 đến 14/6/2031", "(15/12/2030 - 14/12/2031)".
_DATE_RANGE_RE = re.compile(
    r"(?<![\d/])(\d{1,2})/(\d{1,2})/((?:19|20)\d{2})\s*(?:-|–|đến|tới|den|toi)\s*"
    r"(?:(?:ngày|ngay)\s*)?(\d{1,2})/(\d{1,2})/((?:19|20)\d{2})(?![\d/])",
    re.IGNORECASE,
)
# Fewer days of a range than a month in a year, and at least a quarter in the next, do not
# date it in that year: a police year "từ 15/12/2030 đến 14/12/2031" is the year 2031, not
# 2030; a campaign "từ 20/12/2030 đến 20/02/2031" stays of both.
RANGE_YEAR_DAYS = 31
RANGE_MAIN_YEAR_DAYS = 92


def _range_years(match: re.Match[str]) -> tuple[int, ...]:
    """The years a range of dates is of: both, or the one holding nearly all of its days
    (ValueError for a day no calendar has: "31/02/2024")."""
    start = date(int(match.group(3)), int(match.group(2)), int(match.group(1)))
    end = date(int(match.group(6)), int(match.group(5)), int(match.group(4)))
    if end.year != start.year + 1:
        return tuple(range(start.year, end.year + 1))
    in_start = (date(start.year, 12, 31) - start).days + 1
    in_end = (end - date(end.year, 1, 1)).days + 1
    if in_start < RANGE_YEAR_DAYS and in_end >= RANGE_MAIN_YEAR_DAYS:
        return (end.year,)
    if in_end < RANGE_YEAR_DAYS and in_start >= RANGE_MAIN_YEAR_DAYS:
        return (start.year,)
    return (start.year, end.year)


def dated_ranges(text: str) -> str:
    """The text with each range of dates across two years that is of one of them written
    as that year ("từ 15/12/2030 đến 14/12/2031" as " 2031 "); any other left as written."""

    def years_of(match: re.Match[str]) -> str:
        try:
            years = _range_years(match)
        except ValueError:  # "31/02/2024": no such day, the range is left as written
            return match.group(0)
        spans_two = match.group(3) != match.group(6)
        return f" {years[0]} " if spans_two and len(years) == 1 else match.group(0)

    return _DATE_RANGE_RE.sub(years_of, text)


def range_years(text: str) -> list[int]:
    """The years the ranges of dates a text names are of."""
    found: list[int] = []
    for match in _DATE_RANGE_RE.finditer(text):
        try:
            found += [year for year in _range_years(match) if year not in found]
        except ValueError:
            continue
    return found


def first_period_at(text: str) -> int | None:
    """Where the text first names a part of a year (an offset of its folded form)."""
    found = _named(fold(text).lower())
    return _first(found)[0] if found else None


# A year a figure is told of, named bare: opening the text or a part of it ("Năm 2024, ...",
# "...; năm 2030 xảy ra ...") or after "trong" ("61 vụ ... trong năm 2030"); not a date's,
# a part's, a comparison's or a target's ("tháng 11 năm 2030", "so với cùng kỳ năm 2029",
# "đạt 88% chỉ tiêu năm 2030").
_BARE_YEAR_RE = re.compile(r"(?:^[-+•*]?\s*|[,;:(]\s*|\btrong\s+)nam ((?:19|20)\d{2})\b")


def names_whole_year(text: str, years: tuple[int, ...]) -> bool:
    """The text names one of the years as a whole ("61 vụ ... trong năm 2030"): its figure is
    the year's, no month's or quarter's of it."""
    folded = fold(text).lower().strip()
    return any(int(match.group(1)) in years for match in _BARE_YEAR_RE.finditer(folded))


def period_as_written(text: str) -> str | None:
    """The words naming the first part of a year the text speaks of, as written ("9 tháng đầu
    năm", "từ 01/7/2025"): what a second question part borrows from the first."""
    folded = fold(text).lower()
    found = _named(folded)
    if not found or len(folded) != len(text):
        return None
    start, _, end = _first(found)
    return text[start:end].strip()


def periods_in(text: str) -> set[str]:
    """Every part of a year the text names: a report's title may name two ("... 6 tháng đầu
    năm; phương hướng 6 tháng cuối năm")."""
    return {name for _, name, _ in _named(fold(text).lower())}


def parts_of_year(text: str) -> set[str]:
    """The parts of a year the text names that a year's figure is the sum of ("quý IV", "9
    tháng"), not the dates of a campaign ("từ 25/01 đến 20/02") or a running count's start
    ("từ 01/7/2025"). "Lũy kế" is one of them: a running count is not the year's figure
    either."""
    return {
        p
        for p in periods_in(text)
        if p not in ("range", YEARS_SPAN, CAMPAIGN)
        and not p.startswith(("since-", UNTIL, DAY, YEAR_TO_DATE))
    }


def without_periods(text: str) -> str:
    """The text with the periods it names blanked out: "6 tháng đầu năm" is a condition
    checked on its own, not words (nor a value "6") an answering clause must repeat."""
    folded = fold(text).lower()
    if len(folded) != len(text):  # spans of the folded text must be spans of the text
        return text
    # (a campaign's words stay: "cao điểm" also names what is asked of, as "đợt cao điểm
    # ... kéo dài đến ngày nào" does)
    for regex in (
        *(r for name, r in _COMPILED if name != CAMPAIGN),
        _MONTHS_RE,
        _BARE_MONTHS_RE,
        _RANGE_RE,
        _SINCE_RE,
        _UNTIL_MONTH_RE,
    ):
        for match in regex.finditer(folded):
            text = text[: match.start()] + " " * (match.end() - match.start()) + text[match.end() :]
    return text


def periods_agree(asked: str | None, stated: str | None) -> bool:
    """A figure of the stated period answers a question about the asked one; either unknown
    agrees with anything (a clause naming no period speaks of its document's)."""
    return asked is None or stated is None or names_asked(asked, {stated})


def names_asked(asked: str, named: set[str]) -> bool:
    """The periods a text names include the asked one: "Lũy kế: xảy ra 15 vụ" is the count
    running from the date a question asks ("từ 01/7/2025"), when it names no other period."""
    asked, named = as_months(asked), {as_months(p) for p in named}
    if asked in named:
        return True
    # An event of a day is one of its month's ("tháng 3 ... bắt ai": "Ngày 12/3, ...").
    month = month_of(asked)
    if month is not None and month_of_periods(named) & {month}:
        return True
    # A count asked up to a month ("đến giữa tháng 3/2025") is the running one standing at a
    # date in it ("Lũy kế đến ngày 14/3/2025").
    if any(
        _MONTHS_NAMED.get(int(p[len(UNTIL) :]), f"months-{p[len(UNTIL) :]}") == asked
        for p in named
        if p.startswith(UNTIL)
    ):
        return True
    named = {p for p in named if not p.startswith(UNTIL)}
    if asked == CAMPAIGN:  # ... or its dates: "Dịp Tết (từ 25/01 đến 05/02), xảy ra 4 vụ"
        return any(p == "range" or p.startswith("since-") for p in named)
    if asked.startswith("since-"):
        return named == {CUMULATIVE}
    # ... and "lũy kế" asked is a count running from any date ("từ 01/7/2025: 15 vụ")
    running = {p for p in named if p == CUMULATIVE or p.startswith("since-")}
    return asked == CUMULATIVE and bool(named) and named == running
