"""Questions answered from several documents: comparisons of named places, and "which
provinces / districts" lists.

"Tỉnh A và tỉnh B, tỉnh nào có nhiều tổ tự quản hơn?" needs the figure of each place, each
from the document about it and cited; "Những huyện nào đã ...?" needs the best clause of
each document that answers, not the best document's alone.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

from assistant.extractive.candidates import Candidate
from assistant.extractive.entities import places_named
from assistant.extractive.lexicon import PLACE_NOUNS  # "tỉnh nào", "những huyện nào"
from assistant.extractive.question import QuestionAnalysis, QuestionType
from assistant.extractive.quotes import Quote
from assistant.extractive.years import former_provinces, paragraph_before
from index.gazetteer import MERGED_2025
from index.vietnamese import canonical, fold

# A further document's clause is quoted when it scores at least this share of the best one.
ACROSS_SCORE_RATIO = 0.6


def asks_places(analysis: QuestionAnalysis) -> bool:
    """The question compares named places or asks which places. A former province named
    with the new one it is part of ("Công an Ninh Bình ... ở khu vực Hà Nam cũ") is one
    place, not two compared."""
    former = former_provinces(analysis.text)
    named = len(
        analysis.localities
        or {MERGED_2025.get(p, p) if fold(p).lower() in former else p for p in analysis.provinces}
    )
    asks_which = analysis.type in (QuestionType.LIST, QuestionType.WHICH) and (
        analysis.asked_noun in PLACE_NOUNS
    )
    return named >= 2 or asks_which


def per_place(
    analysis: QuestionAnalysis,
    candidates: Sequence[Candidate],
    answers: Callable[[Candidate], bool],
    limit: int,
) -> list[Candidate]:
    """The best answering clause for each named place, or of each document for a question
    asking which places; in the order of the places named, else best first."""
    holding = [c for c in candidates if answers(c)]
    if not holding:
        return []
    places = analysis.localities or analysis.provinces
    if len(places) >= 2:
        chosen = [
            _best_about(place, [p for p in places if p != place], holding) for place in places
        ]
        return [c for c in chosen if c is not None][:limit]
    best = holding[0]
    picked: dict[str, Candidate] = {}
    for candidate in holding:
        source = candidate.view.passage.source
        close = candidate.score >= ACROSS_SCORE_RATIO * best.score
        if (close or quotes_asked(analysis, candidate)) and source not in picked:
            picked[source] = candidate
    return list(picked.values())[:limit]


def quotes_asked(analysis: QuestionAnalysis, candidate: Candidate) -> bool:
    """The clause holds every phrase the question quotes, word for word."""
    if not analysis.quoted:
        return False
    normal = fold if analysis.form == "folded" else canonical
    text = " ".join(normal(candidate.clause.text).split())
    return all(" ".join(phrase.split()) in text for phrase in analysis.quoted)


def place_of(analysis: QuestionAnalysis, quote: Quote) -> str | None:
    """The place a quote speaks of, as its label: an asked place it or its paragraph names,
    else the district or province its document is about."""
    asked = analysis.localities or analysis.provinces
    passage = quote.view.passage
    head = passage.text[: max(quote.start - passage.start, 0)]
    for context in (quote.text, f"{passage.heading or ''} {head[head.rfind(chr(10)) + 1 :]}"):
        named = places_named(context)
        for place in asked:
            if place in named:
                return place
    meta = passage.metadata
    return meta.district or meta.province


def _best_about(
    place: str, others: Sequence[str], holding: Sequence[Candidate]
) -> Candidate | None:
    """The best clause about a place: one naming it, or one of a document about it that
    names none of the other places asked (a report on tỉnh A quoting tỉnh B's figure), or
    one whose paragraph or section names it ("Tỉnh B đã thông qua ... Theo đó, ...")."""
    for candidate in holding:
        named = places_named(candidate.clause.text)
        if place in named:
            return candidate
        if named.intersection(others):
            continue
        if place in places_named(
            f"{candidate.view.passage.heading or ''} {paragraph_before(candidate)}"
        ):  # its paragraph or section names the place
            return candidate
        meta = candidate.view.passage.metadata
        if place in (meta.province, meta.district) or place in places_named(candidate.view.about):
            return candidate
    return None
