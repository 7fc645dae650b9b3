"""What was seized: "Tang vật thu giữ gồm những gì?" is answered by the clauses saying what
was seized ("thu giữ 12 kg ..., 300 viên ..."), not by the article's opening, which repeats
more of the question's words and lists nothing.
"""

from __future__ import annotations

import re

from assistant.extractive.candidates import Candidate, Ranking
from assistant.extractive.labels import MAX_LABEL_ITEMS
from assistant.extractive.lexicon import NAMED_PERSON_RE
from assistant.extractive.passage_views import is_heading_line
from assistant.extractive.question import QuestionAnalysis, QuestionType
from assistant.extractive.years import (
    period_agrees,
    place_agrees,
    previous_paragraph,
    section_heading,
    sentence_of,
    year_agrees,
)
from index.vietnamese import fold

# Folded: the verbs police news says seizing with.
_SEIZING = r"(?:thu giu|tam giu|tich thu|thu duoc)"
_SEIZED_ASKED_RE = re.compile(
    rf"\b{_SEIZING}\b.*\b(?:gi|nao)\b|\btang vat\b.*\b(?:gi|nao)\b"
    # ... or searched for: "tang vat chuyen an 317C" (not "thu giữ bao nhiêu kg")
    rf"|^\W*(?:tang vat|{_SEIZING})\b(?!.*\b(?:bao nhieu|may)\b)"
)
# A seizing verb followed, within a few words, by a quantity: "thu giữ 1.846 viên ...",
# "tạm giữ 01 xe ô tô".
_SEIZED_TOLD_RE = re.compile(rf"\b{_SEIZING}\b(?:\s+\S+){{0,4}}?\s+\d")
# Words of the question that ask rather than say what of: the rest name the case.
_ASKING_WORDS = frozenset(
    "thu giu tam tich duoc tang vat gom bao nhung gi nao "  # noqa: SIM905 - words, read as such
    "cac la co da trong vu o tai thang nam quy dau".split()
)
_SEIZED_LISTED_RE = re.compile(rf"(?i)\b{_SEIZING}\b[^.;]*:\s*$")


def _words(text: str) -> set[str]:
    """The text's words, folded, but numbers: a period or figure names no kind of case."""
    return {w for w in re.findall(r"\w+", fold(text).lower()) if not w.isdigit()}


def lists_seized(text: str) -> bool:
    """The clause leads in the list of what was seized ("Tang vật thu giữ gồm:")."""
    return _SEIZED_LISTED_RE.search(fold(text)) is not None


def asks_seized(analysis: QuestionAnalysis) -> bool:
    """The question asks what was seized ("thu giữ những gì", "tang vật nào")."""
    if analysis.type not in (QuestionType.LIST, QuestionType.WHICH, QuestionType.OTHER):
        return False
    return bool(_SEIZED_ASKED_RE.search(fold(analysis.text).lower()))


def seized_clauses(analysis: QuestionAnalysis, ranking: Ranking, most: int) -> list[Candidate]:
    """The clause telling what was seized (of the asked year, period and place) that holds
    most of the question's words, with the others of its sentence telling so (at most
    `most`); or a lead-in ("Tang vật thu giữ gồm:") with its items."""
    eligible = [c for c in ranking.candidates if c.view.eligible]
    if not eligible:
        return []
    source = eligible[0].view.passage.source  # of the document that best answers
    listed = next(
        (c for c in eligible if c.view.passage.source == source and lists_seized(c.clause.text)),
        None,
    )
    if listed is not None:  # "Tang vật thu giữ gồm:" and the items it leads in
        view, lead = listed.view, listed.index
        items = [c for c in ranking.candidates if c.view is view and c.clause.lead_in == lead]
        return [listed, *sorted(items, key=lambda c: c.index)[:MAX_LABEL_ITEMS]]
    telling = [
        c
        for c in eligible
        if c.view.passage.source == source
        and _SEIZED_TOLD_RE.search(fold(c.clause.text).lower())
        and year_agrees(analysis, c)
        and period_agrees(analysis, c)
        and place_agrees(analysis, c)
    ]
    if not telling:
        return []
    # What was seized of what is asked ("ma túy", "buôn lậu") is told by the clause's
    # sentence or its section's heading ("3. Buôn lậu, gian lận thương mại").
    asked = _words(analysis.text) - _ASKING_WORDS - _words(" ".join(analysis.localities))

    def subject(c: Candidate) -> int:
        before = previous_paragraph(c)
        heading = before if is_heading_line(before) else section_heading(c)
        return len(asked & _words(f"{sentence_of(c)} {heading}"))

    people = _people_asked(analysis, eligible)

    def story(c: Candidate) -> bool:
        """The clause tells of the person the question names ("đường dây của Lò Văn A"): in
        its sentence or the paragraph before ("A (SN 1989) ..." / "Ngày 16/7, ... thu giữ")."""
        told = fold(f"{previous_paragraph(c)} {sentence_of(c)}").lower()
        return any(person in told for person in people)

    telling.sort(key=lambda c: (not story(c), -subject(c), -c.coverage, -c.score))
    best = telling[0]
    # ... and the rest of its sentence's ("thu giữ 2 xe máy; tạm giữ 3 điện thoại").
    same = best.clause.sentence_start
    kept = [best] + [
        c for c in telling[1:] if c.view is best.view and c.clause.sentence_start == same
    ]
    return sorted(kept, key=lambda c: c.index)[:most]


def _people_asked(analysis: QuestionAnalysis, candidates: list[Candidate]) -> set[str]:
    """The people the passages name as news does ("Hà Văn Tùng (SN 1989, ...)") whom the
    question names too, folded."""
    asked = fold(analysis.text).lower()
    texts = {c.view.passage.text for c in candidates}
    named = {
        fold(match.group(1) or match.group(2)).lower()
        for text in texts
        for match in NAMED_PERSON_RE.finditer(text)
    }
    return {name for name in named if re.search(rf"\b{re.escape(name)}\b", asked)}
