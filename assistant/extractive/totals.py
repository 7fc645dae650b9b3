""" "Tổng cộng hai tỉnh có bao nhiêu tổ?": a total only as the sum of cited parts.

The documents rarely state a total across places, and a total the assistant adds up is only
as good as its parts: it is given only when every quoted part states exactly one number of
the counted noun, and it is shown with those numbers and their citations ("Tổng: 717 tổ tự
quản = 412 [1] + 305 [2]"), never alone.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from assistant.extractive.counting import unit_head
from assistant.extractive.question import QuestionAnalysis, QuestionType, finds
from index.extraction.numbers import Number, parse_number
from index.vietnamese import canonical, fold

# Not "tổng hợp" (ma túy tổng hợp), "cộng đồng"; typed without marks "cong" is "công" (công
# an, công tác) far more often than "cộng", so only "tong" asks a total there.
TOTAL_ASKED = r"\b(?:tổng(?! hợp\b)|cộng(?! đồng\b)|tất cả|cả hai|cả ba)\b"
_TOTAL_ASKED_FOLDED = r"\b(?:tong(?! hop\b)|tat ca|ca hai|ca ba)\b"
NOUN_WINDOW = 2  # words between a number and its noun's head ("412 tổ", "412 Tổ bảo vệ")
_NUMBER = r"\d+(?:[.,]\d+)*"


def asks_total(analysis: QuestionAnalysis) -> bool:
    """A count summed over the places the question names."""
    normal = fold(analysis.text) if analysis.form == "folded" else canonical(analysis.text)
    folded = analysis.form == "folded"
    asked = _TOTAL_ASKED_FOLDED if folded else TOTAL_ASKED
    return analysis.type == QuestionType.COUNT and finds(asked, normal, folded)


def part_figure(analysis: QuestionAnalysis, text: str) -> Number | None:
    """The one number of the counted noun a part states, or None when it states none or
    several (then no total is given)."""
    head = unit_head(analysis)
    if head is None:
        return None
    folded = fold(text).lower()
    pattern = rf"(?<![\d.,])({_NUMBER}) (?:[^\W\d]+ ){{0,{NOUN_WINDOW}}}?{re.escape(head)}\b"
    written = {match.group(1) for match in re.finditer(pattern, folded)}
    if len(written) != 1:
        return None
    number = parse_number(written.pop())
    return number if number is not None and number.total is None else None


def total_line(analysis: QuestionAnalysis, parts: Sequence[str]) -> str | None:
    """ "Tổng: 717 tổ tự quản = 412 [1] + 305 [2]" for the quoted parts, in citation order,
    or None unless every part gives one whole number of the counted noun."""
    if len(parts) < 2 or analysis.counted.unit is None:
        return None
    figures = [part_figure(analysis, part) for part in parts]
    if any(figure is None or not figure.value.is_integer() for figure in figures):
        return None
    total = sum(int(figure.value) for figure in figures if figure is not None)
    written = f"{total:,}".replace(",", ".")  # Vietnamese thousands: 1.908
    terms = " + ".join(f"{f.text} [{n}]" for n, f in enumerate(figures, start=1) if f)
    return f"Tổng: {written} {analysis.counted.unit} = {terms}"
