"""The part of a year a figure covers: "6 tháng đầu năm", "quý III", "cả năm".

"Cả năm 2023 có bao nhiêu vụ?" is not answered by a half-year report's figure of 2023, nor
"6 tháng cuối năm" by the first half's: when both the question and the clause (or its
heading, or its document's title) say which part of the year, they must say the same.
"""

from __future__ import annotations

import re

from index.vietnamese import fold

# Read on folded lower-case text, so that "6 tháng đầu năm", "6T dau nam" and "sáu tháng
# đầu năm" are one period.
_PERIODS: tuple[tuple[str, str], ...] = (
    ("first-half", r"\b(?:6|sau) ?(?:thang|t) dau (?:nam\b|\d{4})"),
    ("second-half", r"\b(?:6|sau) ?(?:thang|t) cuoi (?:nam\b|\d{4})"),
    ("nine-months", r"\b(?:9|chin) ?(?:thang|t) (?:dau )?(?:nam\b|\d{4})"),
    ("quarter-1", r"\bquy (?:i|1)\b(?! ?[iv])"),
    ("quarter-2", r"\bquy (?:ii|2)\b(?! ?[iv])"),
    ("quarter-3", r"\bquy (?:iii|3)\b"),
    ("quarter-4", r"\bquy (?:iv|4)\b"),
    ("whole-year", r"\b(?:ca|toan|suot) nam\b|\btong ket(?: [a-z]+){0,5} nam\b"),
)
_COMPILED = tuple((name, re.compile(pattern)) for name, pattern in _PERIODS)


def period_of(text: str) -> str | None:
    """The part of a year the text first speaks of, or None when it names none."""
    folded = fold(text).lower()
    found = [(m.start(), name) for name, regex in _COMPILED if (m := regex.search(folded))]
    return min(found)[1] if found else None


def periods_in(text: str) -> set[str]:
    """Every part of a year the text names: a report's title may name two ("... 6 tháng đầu
    năm; phương hướng 6 tháng cuối năm")."""
    folded = fold(text).lower()
    return {name for name, regex in _COMPILED if regex.search(folded)}


def without_periods(text: str) -> str:
    """The text with the periods it names blanked out: "6 tháng đầu năm" is a condition
    checked on its own, not words (nor a value "6") an answering clause must repeat."""
    folded = fold(text).lower()
    if len(folded) != len(text):  # spans of the folded text must be spans of the text
        return text
    for _, regex in _COMPILED:
        for match in regex.finditer(folded):
            text = text[: match.start()] + " " * (match.end() - match.start()) + text[match.end() :]
    return text


def periods_agree(asked: str | None, stated: str | None) -> bool:
    """A figure of the stated period answers a question about the asked one; either unknown
    agrees with anything (a clause naming no period speaks of its document's)."""
    return asked is None or stated is None or asked == stated
