"""The offline answer builder: quotes the sentence (or clause) that answers, with citations.

It reads the question (type, counted unit, entities, the values and conditions it gives),
scores every clause of the retrieved passages (a lower-ranked document must outscore the
first one clearly), takes the best one that holds what was asked, refines it to the point or
clause that holds the question's own condition, adds what that clause needs to be understood
(the lead-in of a list item, even one its passage's heading carries, the items of a lead-in,
the rest of a definition, the heading that names what the clause does not) and, when the
question asks for an upper bound, the clause with the highest one; close seconds are quoted
only when they fit beside it. It says plainly that the documents do not answer when the place
or directive asked about is in none of the passages, when nothing of the asked type is there,
or when too little of the question is covered: a wrong number or an invented citation is
worse than no answer.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator, Sequence

from assistant.answers import (
    Answer,
    AnswerDelta,
    AnswerEvent,
    Citation,
    RelatedPassage,
    source_ref_fields,
)
from assistant.extractive.candidates import Candidate, Ranking, builds_on_another, score_candidates
from assistant.extractive.evidence import asked_evidence, clause_tokens, unit_values
from assistant.extractive.passage_views import PassageView, read_passages
from assistant.passages import Passage
from assistant.extractive.question import QuestionAnalysis, QuestionType, analyse
from assistant.extractive.quotes import Quote, merge_clauses, render, trim, with_context, with_heading

REFUSAL_TEXT = "Các tài liệu đã lập chỉ mục không có thông tin này."

MIN_COVERAGE = 0.35  # share of the question's weighted words the answering clause must hold
MIN_COUNT_EVIDENCE = 0.5  # "bao nhiêu X": a number with (at least the head of) X after it
EXTRA_SCORE_RATIO = 0.85  # a further clause is quoted when it scores this close to the best
EXTRA_OTHER_DOCUMENT_RATIO = 0.95  # ... and this close when it comes from another document
MAX_RELATED = 4
# A more specific clause replaces the best one when the best lacks this share of the question's
# weight and the other holds this share of what is lacking, for at most this loss of reach.
REFINE_MIN_MISSING = 0.08
REFINE_MIN_EXPLAINED = 0.4
REFINE_MAX_LOSS = 0.15


class ExtractiveAnswerer:
    """Answers by quoting the passages verbatim, with a numbered citation per quote."""

    name = "extractive"

    def __init__(
        self, max_quotes: int = 3, char_budget: int = 500, min_coverage: float = MIN_COVERAGE
    ):
        self.max_quotes = max_quotes
        self.char_budget = char_budget
        self.min_coverage = min_coverage

    def build(self, question: str, passages: Sequence[Passage]) -> Answer:
        analysis = analyse(question)
        views = read_passages(analysis, passages)
        ranking = score_candidates(analysis, views)
        candidates = ranking.candidates
        best = self._answering_clause(analysis, views, candidates)
        if best is None:
            return self._refusal(question, views)
        floor = min(best.asked or 0.0, MIN_COUNT_EVIDENCE)  # a refinement keeps the asked value
        best = more_specific(
            ranking, best, lambda c: _answers_type(analysis, c) and (c.asked or 0.0) >= floor
        )
        quotes = self._fit(analysis, self._expand(analysis, best, candidates))
        return self._answer(question, quotes, views)

    def stream(self, question: str, passages: Sequence[Passage]) -> Iterator[AnswerEvent]:
        answer = self.build(question, passages)
        for piece in re.findall(r"\S+\s*|\s+", answer.answer):
            yield AnswerDelta(piece)
        yield answer

    def _answering_clause(
        self, analysis: QuestionAnalysis, views: list[PassageView], candidates: list[Candidate]
    ) -> Candidate | None:
        """The best clause that holds what was asked and covers enough of the question."""
        if not any(view.eligible for view in views) or not _years_present(analysis, views):
            return None
        for candidate in candidates:
            if candidate.coverage < self.min_coverage:
                continue
            if _needs_number(analysis) and (candidate.asked or 0.0) < MIN_COUNT_EVIDENCE:
                continue
            return candidate
        return None

    def _expand(
        self, analysis: QuestionAnalysis, best: Candidate, candidates: list[Candidate]
    ) -> list[list[tuple[PassageView, int]]]:
        """The clauses to quote, as groups of (passage, clause index), most needed first: the
        best one with what it needs to be read, the highest bound asked for, close seconds."""
        groups = [[(best.view, i) for i in with_context(analysis, best)]]
        if analysis.type == QuestionType.COUNT and analysis.bound == "max":
            groups.append(_highest_bound(analysis, best, candidates))
        for other in candidates:
            if len(groups) >= self.max_quotes + 2 or other.score < EXTRA_SCORE_RATIO * best.score:
                break
            # Another document must score nearly as well to be quoted beside the best one.
            elsewhere = other.view.passage.source != best.view.passage.source
            if elsewhere and other.score < EXTRA_OTHER_DOCUMENT_RATIO * best.score:
                continue
            # A second definition quoted defines the same term as the first.
            defines = analysis.type != QuestionType.DEFINITION or (
                (other.asked or 0.0) >= (best.asked or 0.0)
            )
            if other is not best and defines and _answers_type(analysis, other):
                groups.append([(other.view, other.index)])
        return groups

    def _fit(
        self, analysis: QuestionAnalysis, groups: list[list[tuple[PassageView, int]]]
    ) -> list[Quote]:
        """Quotes of the first group and of each further group that still fits the budget
        with the ones before; the first is trimmed to the part that answers when too long."""
        chosen: list[tuple[PassageView, int]] = []
        for group in groups:
            fresh = [item for item in group if item not in chosen]
            if chosen and fresh:
                trial = merge_clauses(chosen + fresh)
                if len(trial) > self.max_quotes or (
                    sum(quote.shown_chars for quote in trial) > self.char_budget
                ):
                    continue
            chosen += fresh
        first, *others = merge_clauses(chosen)
        first = with_heading(analysis, first)
        room = max(self.char_budget - (first.shown_chars - len(first.text)), 120)
        kept = [trim(first, room, _answer_value(analysis))]
        for quote in others:  # the heading shown may leave no room for a second quote
            if sum(q.shown_chars for q in kept) + quote.shown_chars <= self.char_budget:
                kept.append(quote)
        return kept

    def _answer(self, question: str, quotes: list[Quote], views: list[PassageView]) -> Answer:
        pieces = render(quotes)
        citations = [
            Citation(
                n=n,
                quote=quote.text,
                start=quote.start,
                end=quote.end,
                **source_ref_fields(quote.view.passage),
            )
            for n, quote in enumerate(quotes, start=1)
        ]
        cited = {id(quote.view) for quote in quotes}
        related = [_related(view) for view in views if id(view) not in cited][:MAX_RELATED]
        return Answer(
            question=question,
            answer="".join(pieces),
            refused=False,
            citations=citations,
            related=related,
        )

    def _refusal(self, question: str, views: list[PassageView]) -> Answer:
        related = [_related(view) for view in views[:MAX_RELATED]]
        return Answer(question=question, answer=REFUSAL_TEXT, refused=True, related=related)


def more_specific(
    ranking: Ranking, best: Candidate, accept: Callable[[Candidate], bool]
) -> Candidate:
    """A clause of the same passage that holds the details of the question the best one lacks.

    A question about an aggravated case ("... mà làm chết người thì bị phạt thế nào?") restates
    the general clause 1 and adds a condition found only in a later clause or item; that
    clause, read with clause 1, is the answer.
    """
    total = sum(ranking.weights.values()) or 1.0
    missing = ranking.missing(best)
    missing_weight = sum(missing.values())
    if missing_weight / total < REFINE_MIN_MISSING:
        return best
    for other in ranking.candidates:
        if other.view is not best.view or other is best or not accept(other):
            continue
        if not builds_on_another(other):  # a sibling clause with a subject of its own
            continue
        explained = sum(w for t, w in missing.items() if t in other.words)
        if (
            explained / missing_weight >= REFINE_MIN_EXPLAINED
            and ranking.reach(other) >= ranking.reach(best) - REFINE_MAX_LOSS
        ):
            return other
    return best


def _related(view: PassageView) -> RelatedPassage:
    return RelatedPassage(**source_ref_fields(view.passage))


def _years_present(analysis: QuestionAnalysis, views: list[PassageView]) -> bool:
    """A year the question asks about ("lương cơ sở năm 2024") must be in some passage."""
    for year in analysis.years:
        if not any(str(year) in view.about or view.passage.metadata.year == year for view in views):
            return False
    return True


def _needs_number(analysis: QuestionAnalysis) -> bool:
    """ "bao nhiêu tổ hòa giải" can only be answered by a number of tổ hòa giải; "bao lâu"
    may be answered in words ("bằng thời gian ... chỉ định")."""
    written = analysis.counted.written or analysis.unit_before_number
    return analysis.type == QuestionType.COUNT and bool(written)


def _answers_type(analysis: QuestionAnalysis, candidate: Candidate) -> bool:
    if _needs_number(analysis):
        return (candidate.asked or 0.0) >= MIN_COUNT_EVIDENCE
    return candidate.asked is None or candidate.asked > 0.0


def _highest_bound(
    analysis: QuestionAnalysis, best: Candidate, candidates: list[Candidate]
) -> list[tuple[PassageView, int]]:
    """For "lên đến / tối đa bao nhiêu năm": the clause of the same passage with the highest
    number of the asked unit, when it is higher than the best clause's."""
    top = max(unit_values(analysis, best.clause.text), default=0.0)
    extra: list[tuple[PassageView, int]] = []
    for other in candidates:
        if other.view is not best.view:
            continue
        highest = max(unit_values(analysis, other.clause.text), default=0.0)
        if highest > top:
            top, extra = highest, [(other.view, other.index)]
    return extra


def _answer_value(analysis: QuestionAnalysis) -> Callable[[str], float]:
    """How much a piece of a clause answers: question words held, plus the asked thing."""
    folded = analysis.form == "folded"

    def value(text: str) -> float:
        words = set(clause_tokens(text, folded).compared)
        held = sum(w for t, w in analysis.terms.items() if t in words)
        return held + 3.0 * (asked_evidence(analysis, text) or 0.0)

    return value
