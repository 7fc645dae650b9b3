"""Scoring every sentence and clause of the retrieved passages against a question.

A clause scores by the share of the question's weighted content words it holds (words
rare among the passages' clauses weigh more, the way idf does), by the adjacent word pairs
it shares, by whether it holds what the question type asks for, and by how well retrieval
ranked its passage. An item of a list borrows the words of its lead-in ("2. Phạm tội ... thì
bị phạt tù từ 03 năm đến 10 năm:" for "a) Làm chết người;"), and every clause borrows a
little from its passage's heading ("Điều 320. Tội hành nghề mê tín, dị đoan").
"""

from __future__ import annotations

import math
import re
from collections.abc import Sequence
from dataclasses import dataclass, field

from assistant.entities import directive_keys_in, places_named
from assistant.evidence import asked_evidence, clause_tokens
from assistant.passages import Passage
from assistant.question import QuestionAnalysis
from assistant.sentences import Clause, split_clauses

# How the parts of a clause's score add up.
PHRASE_WEIGHT = 0.35  # share of the question's word pairs found in the clause
ASKED_WEIGHT = 0.45  # holds what the question type asks for
RETRIEVAL_WEIGHT = 0.15  # the passage's fused retrieval score and rank
HEADING_WEIGHT = 0.3  # share of the question's words in the passage's heading and title
PASSAGE_WEIGHT = 0.3  # share of the question's words anywhere in the passage
ENTITY_WEIGHT = 0.3  # names a directive number the question names
POSITION_WEIGHT = 0.15  # a law article states its main rule in its first clauses
TRIGRAM_WEIGHT = 0.35  # share of the question's three-word runs found as they are
LEAD_IN_SHARE = 0.6  # weight of a question word found only in the item's lead-in
SCOPE_SHARE = 0.8  # ... only in clause 1 of the article, which later clauses build on
HEADING_SHARE = 0.3  # ... only in the passage's heading or title
FRAGMENT_FACTOR = 0.7  # a short line without final punctuation: a caption or a title
FRAGMENT_CHARS = 100
DISTRICT_FACTOR = 0.8  # a district's report, for a question about its whole province


_ARTICLE_RE = re.compile(r"^\s*Điều\s+\d+", re.IGNORECASE)
_LAW_NAME_RE = re.compile(r"^(?:Bộ luật|Luật|Pháp lệnh|Nghị định|Nghị quyết|Thông tư|Hiến pháp)\b")


@dataclass(eq=False)  # compared and hashed by identity: one view per retrieved passage
class PassageView:
    """A passage cut into clauses, and whether it can answer the question at all."""

    passage: Passage
    rank: int
    clauses: list[Clause]
    context: frozenset[str]  # the heading's and title's words, in the question's form
    eligible: bool = True
    about: str = ""  # the passage's text with its title and locality, where names are looked up


@dataclass(frozen=True)
class Candidate:
    """One clause of one passage, scored."""

    view: PassageView = field(repr=False)
    index: int  # of the clause in `view.clauses`
    coverage: float  # weighted share of the question's words, lead-in and heading included
    own_coverage: float  # ... in the clause itself
    asked: float | None  # what the question type asks for: 0..1, None when it has no check
    score: float
    words: frozenset[str] = frozenset()  # the clause's own words, in the question's form
    context: frozenset[str] = frozenset()  # words of its lead-in and of the article's clause 1

    @property
    def clause(self) -> Clause:
        return self.view.clauses[self.index]


def read_passages(analysis: QuestionAnalysis, passages: Sequence[Passage]) -> list[PassageView]:
    """Cut each passage into clauses and tell whether it names what the question names."""
    views = []
    folded = analysis.form == "folded"
    for rank, passage in enumerate(passages):
        meta = passage.metadata
        context_text = " ".join(part for part in (passage.heading, meta.title) if part)
        context = frozenset(clause_tokens(context_text, folded).compared)
        about = " ".join(
            part
            for part in (passage.text, meta.title, meta.province or "", meta.district or "")
            if part
        )
        view = PassageView(passage, rank, split_clauses(passage.text, passage.start), context)
        view.about = about
        view.eligible = _names_what_question_names(analysis, view, passage)
        views.append(view)
    return views


def _names_what_question_names(
    analysis: QuestionAnalysis, view: PassageView, passage: Passage
) -> bool:
    """A passage about another province, or not naming the asked directive, cannot answer."""
    # The most specific place asked about must be named: a district before its province.
    places = analysis.localities or analysis.provinces
    if places:
        named = places_named(view.about) | {passage.metadata.district, passage.metadata.province}
        if not named & set(places):
            return False
    if analysis.directive_keys:
        keys = directive_keys_in(passage.text) | directive_keys_in(
            " ".join(passage.metadata.directive_numbers)
        )
        if not analysis.directive_keys & keys:
            return False
    return True


def _term_weights(analysis: QuestionAnalysis, views: Sequence[PassageView]) -> dict[str, float]:
    """Question word weights times an idf over all the passages' clauses."""
    folded = analysis.form == "folded"
    clause_words = [set(clause_tokens(c.text, folded).compared) for v in views for c in v.clauses]
    total = max(len(clause_words), 1)
    weights = {}
    for term, weight in analysis.terms.items():
        df = sum(1 for words in clause_words if term in words)
        weights[term] = weight * math.log(1.0 + total / (1.0 + df))
    return weights


@dataclass(frozen=True)
class Ranking:
    """The scored clauses, best first, and the question word weights they were scored by."""

    candidates: list[Candidate]
    weights: dict[str, float]

    def reach(self, candidate: Candidate) -> float:
        """Share of the question's weight held by the clause read with what it builds on."""
        known = candidate.words | candidate.context
        return sum(w for t, w in self.weights.items() if t in known) / (
            sum(self.weights.values()) or 1.0
        )

    def missing(self, candidate: Candidate) -> dict[str, float]:
        """Question words neither in the clause nor in what it builds on."""
        known = candidate.words | candidate.context
        return {t: w for t, w in self.weights.items() if t not in known}


def score_candidates(analysis: QuestionAnalysis, views: Sequence[PassageView]) -> Ranking:
    """Every quotable clause of the eligible passages, best first."""
    scorer = _Scorer(analysis, _term_weights(analysis, views))
    candidates = [
        scorer.score(view, index)
        for view in views
        if view.eligible
        for index, clause in enumerate(view.clauses)
        if not clause.heading and not _is_label(clause, view.passage)
    ]
    candidates.sort(key=lambda c: c.score, reverse=True)
    return Ranking(candidates, scorer.weights)


class _Scorer:
    """Scores clauses against one question with one set of word weights."""

    def __init__(self, analysis: QuestionAnalysis, weights: dict[str, float]) -> None:
        self.analysis = analysis
        self.weights = weights
        self.total = sum(weights.values()) or 1.0
        self.folded = analysis.form == "folded"
        self._passage_shares: dict[PassageView, float] = {}

    def words(self, text: str) -> set[str]:
        return set(clause_tokens(text, self.folded).compared)

    def share(self, words: set[str] | frozenset[str]) -> float:
        return sum(w for t, w in self.weights.items() if t in words) / self.total

    def passage_share(self, view: PassageView) -> float:
        """Share of the question's weight the passage holds anywhere: how much it is about."""
        if view not in self._passage_shares:
            words = set().union(*(self.words(c.text) for c in view.clauses))
            self._passage_shares[view] = self.share(words | view.context)
        return self._passage_shares[view]

    def score(self, view: PassageView, index: int) -> Candidate:
        clause = view.clauses[index]
        words = self.words(clause.text)
        lead_in = view.clauses[clause.lead_in] if clause.lead_in is not None else None
        lead_words = self.words(lead_in.text) if lead_in else set()
        scope_words = _scope_words(view, index, self.folded)
        borrowed = sum(
            w
            * max(
                LEAD_IN_SHARE * (t in lead_words),
                SCOPE_SHARE * (t in scope_words),
                HEADING_SHARE * (t in view.context),
            )
            for t, w in self.weights.items()
            if t not in words
        )
        coverage = self.share(words) + borrowed / self.total
        asked = asked_evidence(self.analysis, clause.text)
        if asked is not None and lead_in is not None:
            asked = max(asked, 0.9 * (asked_evidence(self.analysis, lead_in.text) or 0.0))
        score = (coverage + self._bonus(view, index, asked)) * self._factor(view, clause)
        context = frozenset(lead_words | scope_words)
        own = self.share(words)
        return Candidate(view, index, coverage, own, asked, score, frozenset(words), context)

    def _bonus(self, view: PassageView, index: int, asked: float | None) -> float:
        """Everything but coverage: phrases, the asked type, retrieval, position, entities."""
        clause = view.clauses[index]
        sequence = clause_tokens(clause.text, self.folded).compared
        bonus = (
            PHRASE_WEIGHT * _phrase_share(self.analysis.phrases, sequence, self.weights)
            + TRIGRAM_WEIGHT * _trigram_share(self.analysis.trigrams, sequence)
            + ASKED_WEIGHT * (asked or 0.0)
            + RETRIEVAL_WEIGHT * (0.6 * view.passage.score + 0.4 / (1 + view.rank))
            # The article or section heading names the topic: "Điều 78. Tên gọi của pháp nhân".
            + HEADING_WEIGHT * self.share(view.context)
            + PASSAGE_WEIGHT * self.passage_share(view)
            + _position_bonus(view, index)
        )
        keys = self.analysis.directive_keys
        if keys and keys & directive_keys_in(clause.text):
            bonus += ENTITY_WEIGHT
        return bonus

    def _factor(self, view: PassageView, clause: Clause) -> float:
        """Less for captions and titles, and for a district's report asked about its province."""
        factor = FRAGMENT_FACTOR if _is_fragment(clause) else 1.0
        asks_province = self.analysis.provinces and not self.analysis.localities
        if asks_province and view.passage.metadata.district:
            factor *= DISTRICT_FACTOR
        return factor


def _position_bonus(view: PassageView, index: int) -> float:
    """A law article states its main rule first: its first clauses weigh a little more."""
    if not _ARTICLE_RE.match(view.passage.heading):
        return 0.0
    body = [
        i for i, c in enumerate(view.clauses) if not c.heading and not _is_label(c, view.passage)
    ]
    return POSITION_WEIGHT / (1 + body.index(index)) if index in body else 0.0


def _scope_words(view: PassageView, index: int, folded: bool) -> set[str]:
    """Words of clause 1 of the article ("1. Người nào ... thì bị phạt ..."), for the clauses
    after it: "2. Phạm tội thuộc một trong các trường hợp sau đây" is about the same offence."""
    first = next((i for i, c in enumerate(view.clauses) if c.text.startswith("1.")), None)
    if (
        first is None
        or index <= first
        or view.clauses[index].sentence_start == view.clauses[first].sentence_start
    ):
        return set()
    return set(clause_tokens(view.clauses[first].text, folded).compared)


def _trigram_share(trigrams: frozenset[str], sequence: Sequence[str]) -> float:
    """Share of the question's three-word runs the clause has word for word."""
    if not trigrams:
        return 0.0
    found = {" ".join(sequence[i : i + 3]) for i in range(len(sequence) - 2)}
    return len(trigrams & found) / len(trigrams)


def _phrase_share(
    phrases: Sequence[str], sequence: Sequence[str], weights: dict[str, float]
) -> float:
    """Weighted share of the question's adjacent word pairs found together in the clause."""
    joined = " " + " ".join(sequence) + " "

    def weight(phrase: str) -> float:
        return sum(weights.get(word, 0.0) for word in phrase.split())

    total = sum(weight(p) for p in phrases)
    return sum(weight(p) for p in phrases if f" {p} " in joined) / total if total else 0.0


def _is_label(clause: Clause, passage: Passage) -> bool:
    """The passage's heading or title, or a law's name line: names a text, says nothing."""
    text = clause.text.strip()
    if text in (passage.heading.strip(), passage.metadata.title.strip()):
        return True
    return _is_fragment(clause) and _LAW_NAME_RE.match(text) is not None


def _is_fragment(clause: Clause) -> bool:
    """A title, a caption or a law's name line: short and without final punctuation."""
    return len(clause.text) < FRAGMENT_CHARS and clause.text[-1:] not in '.;:!?…"”)'
