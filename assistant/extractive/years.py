"""Whether a clause speaks of the year a question asks about.

"Năm 2023 tỉnh A có bao nhiêu vụ ...?" is not answered by a figure of 2022: a clause that
names years must name the asked one; a clause that names none speaks of its document's
year (a report's period, a news page's date), or of a year its heading or lead-in gives.
"""

from __future__ import annotations

import re

from assistant.extractive.candidates import Candidate
from assistant.extractive.question import QuestionAnalysis

_YEAR_RE = re.compile(r"(?<![\d/.-])((?:19|20)\d{2})(?![\d/])")


def years_in(text: str) -> set[int]:
    """Years a text names, not those inside document numbers or dates ("12/2023" counts)."""
    return {int(year) for year in _YEAR_RE.findall(re.sub(r"\S*\d+/\d+/?[A-ZĐ]\S*", " ", text))}


def year_agrees(analysis: QuestionAnalysis, candidate: Candidate) -> bool:
    """The clause (with its lead-in and heading) names an asked year, or names none and its
    document is of an asked year; without a known document year, its passage decides."""
    if not analysis.years:
        return True
    asked = set(analysis.years)
    view = candidate.view
    clause = candidate.clause
    own = years_in(clause.text)
    if clause.lead_in is not None:
        own |= years_in(view.clauses[clause.lead_in].text)
    if own:
        return bool(own & asked)
    context = years_in(view.passage.heading)
    if context:
        return bool(context & asked)
    year = view.passage.metadata.year
    if year is not None:
        return year in asked
    return bool(years_in(view.about) & asked)
