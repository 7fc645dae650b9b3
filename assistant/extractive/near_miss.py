"""What to say when the documents have the asked figure, but of another year or period.

"Năm 2021 tỉnh A có bao nhiêu tổ?" over a report of 2022 is refused (a figure of 2022 is not
the answer), but the officer is better served by knowing what is there: "Tài liệu chỉ có số
liệu năm 2022 [1]", with the clause cited. It stays a refusal: no figure is given as the
answer to the question asked.
"""

from __future__ import annotations

import re

from assistant.extractive.candidates import Candidate
from assistant.extractive.periods import (
    CAMPAIGN,
    YEARS_SPAN,
    as_months,
    month_of,
    period_of,
    range_as_written,
)
from assistant.extractive.question import QuestionAnalysis, QuestionType
from assistant.extractive.years import sentence_of, year_report, years_in

# How a period reads in the sentence "Tài liệu chỉ có số liệu <period> <year>".
PERIOD_WORDS = {
    "first-half": "6 tháng đầu năm",
    "second-half": "6 tháng cuối năm",
    "quarter-1": "quý I năm",
    "quarter-2": "quý II năm",
    "quarter-3": "quý III năm",
    "quarter-4": "quý IV năm",
    "whole-year": "cả năm",
    "cumulative": "lũy kế năm",
    CAMPAIGN: "đợt cao điểm năm",
}


def stated_when(candidate: Candidate) -> str | None:
    """The period and year a clause speaks of, as words ("6 tháng đầu năm 2023", "năm
    2022"), read from its sentence, lead-in, heading, then its document's title."""
    view, clause = candidate.view, candidate.clause
    lead_in = view.clauses[clause.lead_in].text if clause.lead_in is not None else ""
    texts = [sentence_of(candidate), lead_in, view.passage.heading, view.passage.metadata.title]
    period = next((p for t in texts if (p := period_of(t or "")) is not None), None)
    years = next((sorted(y) for t in texts if (y := years_in(t or ""))), None)
    meta = view.passage.metadata
    if years is None and meta.year is not None:
        years = [meta.year]
    if period is None and year_report(meta.kind, meta.title or ""):
        # "Kết quả năm 2024; phương hướng năm 2025": the year it reports, not the one it plans
        period = "whole-year"
        years = [meta.year] if meta.year is not None and meta.year in (years or []) else years
    year = " và ".join(str(y) for y in years) if years else ""
    # "từ ngày 01/7/2025 đến ngày 20/9/2025", "từ 01/7/2025": as the clause has it
    if period is not None and (period in ("range", YEARS_SPAN) or period.startswith("since-")):
        written = next((r for t in texts if (r := range_as_written(t or ""))), None)
        if written is not None:
            written = written[:1].lower() + written[1:]  # told mid-sentence
            unwritten = " và ".join(str(y) for y in years or () if str(y) not in written)
            return f"{written} năm {unwritten}" if unwritten else written
        period = None  # told by its year alone
    if period is not None:
        period = as_months(period)  # "từ đầu năm đến 30/9": "9 tháng đầu năm"
        # (a day's event tells of its month: "Ngày 12/3, ..." is "tháng 3 năm 2031")
        month = month_of(period)
        words = PERIOD_WORDS.get(period) or (
            f"tháng {month} năm"
            if month is not None
            else f"{period.removeprefix('months-')} tháng đầu năm"
        )
        return f"{words} {year}".strip()
    return f"năm {year}" if year else None


def near_miss_text(analysis: QuestionAnalysis, candidate: Candidate) -> str | None:
    """ "Tài liệu chỉ có số liệu năm 2022" for the clause, or None when its time is unknown."""
    when = stated_when(candidate)
    if when is None or _as_asked(analysis, when):
        return None
    kind = "số liệu" if analysis.type == QuestionType.COUNT else "thông tin"
    return f"Tài liệu chỉ có {kind} {when}"


def _as_asked(analysis: QuestionAnalysis, when: str) -> bool:
    """The clause is of the very year and period asked: what it misses is something else,
    and "Tài liệu chỉ có số liệu năm 2024" would tell an officer asking of 2024 nothing."""
    asked = {str(year) for year in analysis.years}
    told = set(re.findall(r"\b(?:19|20)\d{2}\b", when))
    if not asked or not told or not told <= asked:
        return False
    if analysis.period is None:
        return when.startswith("năm ")
    words = PERIOD_WORDS.get(analysis.period)
    return words is not None and when.startswith(words)
