"""The offline answer builder: quotes the sentence (or clause) that answers, with citations.

It reads the question (type, counted unit, entities), scores every clause of the retrieved
passages, takes the best one that holds what was asked, adds what that clause needs to be
understood (the lead-in of a list item, the items of a lead-in) and, when the question asks
for an upper bound, the clause with the highest one. It says plainly that the documents do
not answer when the place or directive asked about is in none of the passages, when nothing
of the asked type is there, or when too little of the question is covered: a wrong number
or an invented citation is worse than no answer.
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
from assistant.candidates import (
    Candidate,
    PassageView,
    Ranking,
    read_passages,
    score_candidates,
)
from assistant.evidence import asked_evidence, clause_tokens, unit_values
from assistant.passages import Passage
from assistant.question import QuestionAnalysis, QuestionType, analyse
from assistant.quotes import Quote, merge_clauses, render, trim

REFUSAL_TEXT = "Các tài liệu đã lập chỉ mục không có thông tin này."

MIN_COVERAGE = 0.35  # share of the question's weighted words the answering clause must hold
MIN_COUNT_EVIDENCE = 0.5  # "bao nhiêu X": a number with (at least the head of) X after it
EXTRA_SCORE_RATIO = 0.85  # a further clause is quoted when it scores this close to the best
EXTRA_OTHER_DOCUMENT_RATIO = 0.95  # ... and this close when it comes from another document
LEAD_IN_MAX_CHARS = 300  # longer lead-ins are not repeated before a list item
LIST_BLOCK_CHARS = 500  # a list (lead-in and items) this short is quoted whole
SENTENCE_MAX_CHARS = 400  # a sentence cut into clauses is quoted whole up to this length
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
        best = more_specific(ranking, best, lambda c: _answers_type(analysis, c))
        chosen = self._expand(analysis, best, candidates)
        quotes = self._fit(analysis, merge_clauses(chosen))
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
    ) -> list[tuple[PassageView, int]]:
        """The clauses to quote, as (passage, clause index): the best one with what it needs
        to be read, and close seconds."""
        chosen = [(best.view, i) for i in _with_context(analysis, best)]
        if analysis.type == QuestionType.COUNT and analysis.bound == "max":
            chosen += _highest_bound(analysis, best, candidates)
        for other in candidates:
            if len(chosen) >= self.max_quotes + 2 or other.score < EXTRA_SCORE_RATIO * best.score:
                break
            # Another document must score nearly as well to be quoted beside the best one.
            elsewhere = other.view.passage.source != best.view.passage.source
            if elsewhere and other.score < EXTRA_OTHER_DOCUMENT_RATIO * best.score:
                continue
            if (other.view, other.index) not in chosen and _answers_type(analysis, other):
                chosen.append((other.view, other.index))
        return list(dict.fromkeys(chosen))

    def _fit(self, analysis: QuestionAnalysis, quotes: list[Quote]) -> list[Quote]:
        """Keep the first quotes that fit the budget, trimming the one that does not."""
        kept: list[Quote] = []
        used = 0
        value = _answer_value(analysis)
        for quote in quotes[: self.max_quotes]:
            room = self.char_budget - used
            if kept and len(quote.text) > room:
                continue
            quote = trim(quote, max(room, 120), value)
            kept.append(quote)
            used += len(quote.text)
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


def _with_context(analysis: QuestionAnalysis, best: Candidate) -> list[int]:
    """Indexes of the clauses to quote for the best one: its whole list (lead-in and items)
    or its whole sentence when short, else the lead-in it depends on."""
    clauses, index = best.view.clauses, best.index
    clause = clauses[index]
    lead = index if clause.is_lead_in else clause.lead_in
    if lead is not None:
        block = [lead, *(i for i, c in enumerate(clauses) if c.lead_in == lead)]
        if clauses[block[-1]].end - clauses[lead].start <= LIST_BLOCK_CHARS:
            return block
        if lead == index:  # the items that fit, in order
            room = LIST_BLOCK_CHARS - len(clause.text)
            fitting = [i for i in block[1:] if (room := room - len(clauses[i].text) - 2) >= 0]
            return [index, *fitting]
        return [lead, index] if len(clauses[lead].text) <= LEAD_IN_MAX_CHARS else [index]
    sentence = [i for i, c in enumerate(clauses) if c.sentence_start == clause.sentence_start]
    focused = analysis.type in (QuestionType.COUNT, QuestionType.TIME)
    if not focused and clause.sentence_end - clause.sentence_start <= SENTENCE_MAX_CHARS:
        return sentence
    return [index]


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
