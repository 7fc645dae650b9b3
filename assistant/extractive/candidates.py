"""Scoring every sentence and clause of the retrieved passages against a question.

A clause's signals are the share of the question's weighted content words it holds (words
rare among the passages' clauses weigh more, the way idf does), the adjacent word pairs it
shares, whether it holds what the question type asks for, how well retrieval ranked its
passage and more (`scoring.ClauseFeatures`); a learned linear model turns them into its
score. An item of a list borrows the words of its lead-in ("2. Phạm tội ... thì bị phạt tù
từ 03 năm đến 10 năm:" for "a) Làm chết người;"), and every clause borrows a little from its
passage's heading ("Điều 320. Tội hành nghề mê tín, dị đoan").
"""

from __future__ import annotations

import math
import re
from collections.abc import Sequence
from dataclasses import dataclass, field, replace

from assistant.extractive.documents import bare_numbers
from assistant.extractive.entities import directive_keys_in
from assistant.extractive.evidence import asked_evidence, clause_tokens
from assistant.extractive.passage_views import PassageView, is_fragment, quotable
from assistant.extractive.question import QuestionAnalysis
from assistant.extractive.scoring import PARAMETERS, ClauseFeatures, ClauseWeights, clause_weights
from assistant.extractive.sentences import ITEM_MARKER_RE, Clause
from assistant.passages import Passage
from index.abbreviations import abbreviations_in, spelled_out_in
from index.vietnamese import fold

# "bất động sản" is not "động sản": a clause that has a pair of the question's words only after
# a negating prefix the question does not put before them speaks of the opposite thing.
NEGATING_PREFIXES = frozenset(("bất", "vô", "phi", "bat", "vo"))


_ARTICLE_RE = re.compile(r"^\s*Điều\s+\d+", re.IGNORECASE)
_BUILDS_ON_RE = re.compile(r"^\d+\.\s*(?:người\s+)?phạm tội\b|\bkhoản 1\b", re.IGNORECASE)


@dataclass(frozen=True)
class Candidate:
    """One clause of one passage, scored."""

    view: PassageView = field(repr=False)
    index: int  # of the clause in `view.clauses`
    coverage: float  # weighted share of the question's words, lead-in and heading included
    own_coverage: float  # ... in the clause itself
    asked: float | None  # what the question type asks for: 0..1, None when it has no check
    score: float  # the learned probability that it is the answering clause
    words: frozenset[str] = frozenset()  # the clause's own words, in the question's form
    context: frozenset[str] = frozenset()  # words of its lead-in and of the article's clause 1
    features: ClauseFeatures | None = field(default=None, repr=False)  # what `score` came from

    @property
    def clause(self) -> Clause:
        return self.view.clauses[self.index]


@dataclass(frozen=True)
class _Alias:
    """An abbreviation the question uses or spells out, as tokens in the question's form."""

    short: tuple[str, ...]  # ("tngt",)
    spelled: tuple[str, ...]  # ("tai", "nạn", "giao", "thông")


def _aliases(analysis: QuestionAnalysis) -> list[_Alias]:
    """The abbreviations the question writes ("TNGT") or writes out ("tai nạn giao thông"): a
    clause holds the question's words when it says the same thing the other way."""
    folded = analysis.form == "folded"
    pairs = dict.fromkeys([*abbreviations_in(analysis.text), *spelled_out_in(analysis.text)])
    tokens = [
        (
            tuple(clause_tokens(short, folded).compared),
            tuple(clause_tokens(spelled, folded).compared),
        )
        for short, spelled in pairs
    ]
    return [_Alias(short, spelled) for short, spelled in tokens if short and spelled]


def _holds(sequence: Sequence[str], run: tuple[str, ...]) -> bool:
    """The tokens of `run` stand together, in order, in `sequence`."""
    size = len(run)
    return any(
        tuple(sequence[i : i + size]) == run for i, token in enumerate(sequence) if token == run[0]
    )


_FULL_DATE_RE = re.compile(r"(\d{1,2})/(\d{1,2})/(\d{4})")


def _widened(sequence: Sequence[str], aliases: Sequence[_Alias]) -> set[str]:
    """A clause's words, with an abbreviation's where it spells one out and the other way
    round: "42 vụ tai nạn giao thông" holds the "tngt" of "TNGT huyện A 9 tháng"."""
    words = set(sequence)
    # A full date holds its day and month: "14/12/2024" is the "14/12" of a period's bounds
    # typed short ("tháng 11 (15/10-14/11)"). (Not its "11/2031": "tháng 11/2031" asked is
    # not any clause dated in December.)
    for word in sequence:
        date = _FULL_DATE_RE.fullmatch(word)
        if date is not None:
            words.add(f"{date[1]}/{date[2]}")
    for alias in aliases:
        if _holds(sequence, alias.spelled):
            words.update(alias.short)
        elif _holds(sequence, alias.short):
            words.update(alias.spelled)
    return words


def _term_weights(
    analysis: QuestionAnalysis, views: Sequence[PassageView], aliases: Sequence[_Alias]
) -> dict[str, float]:
    """Question word weights times an idf over all the passages' clauses."""
    folded = analysis.form == "folded"
    clause_words = [
        _widened(clause_tokens(c.text, folded).compared, aliases) for v in views for c in v.clauses
    ]
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
    minor: frozenset[str] = frozenset()  # words weighed down in the question: "việc", "người"
    aliases: tuple[_Alias, ...] = ()  # abbreviations the question uses or spells out
    folded: bool = False  # the question is typed without marks: words are compared folded

    def reach(self, candidate: Candidate) -> float:
        """Share of the question's weight held by the clause read with what it builds on."""
        known = candidate.words | candidate.context
        return sum(w for t, w in self.weights.items() if t in known) / (
            sum(self.weights.values()) or 1.0
        )

    def share_beyond(self, candidate: Candidate, text: str) -> float:
        """Share of the question's weight `text` holds and the clause does not, abbreviations
        read both ways: "9 tháng xảy ra 19 vụ tai nạn giao thông" lends the "tngt" of "TNGT
        quý III" to "Quý III xảy ra 7 vụ" after it."""
        words = _widened(clause_tokens(text, self.folded).compared, self.aliases)
        held = sum(w for t, w in self.weights.items() if t in words - candidate.words)
        return held / (sum(self.weights.values()) or 1.0)

    def missing(self, candidate: Candidate) -> dict[str, float]:
        """Question words, but minor ones, neither in the clause nor in what it builds on."""
        known = candidate.words | candidate.context | self.minor
        return {t: w for t, w in self.weights.items() if t not in known}


def score_candidates(
    analysis: QuestionAnalysis,
    views: Sequence[PassageView],
    weights: ClauseWeights | None = None,
) -> Ranking:
    """Every quotable clause of the eligible passages, best first, scored by `weights` (the
    shipped ones by default)."""
    weights = weights or clause_weights()
    aliases = _aliases(analysis)
    first = views[0].passage if views else None
    scorer = _Scorer(analysis, _term_weights(analysis, views, aliases), first, aliases)
    candidates = [
        scorer.candidate(view, index, weights)
        for view in views
        if view.eligible
        for index, clause in enumerate(view.clauses)
        if quotable(clause, view.passage)
    ]
    candidates.sort(key=lambda c: c.score, reverse=True)
    minor = frozenset(t for t, w in analysis.terms.items() if w < 1.0)
    return Ranking(candidates, scorer.weights, minor, tuple(scorer.aliases), scorer.folded)


class _Scorer:
    """Computes the signals of clauses against one question with one set of word weights."""

    def __init__(
        self,
        analysis: QuestionAnalysis,
        weights: dict[str, float],
        first: Passage | None,
        aliases: Sequence[_Alias],
    ) -> None:
        self.analysis = analysis
        self.aliases = aliases  # abbreviations the question uses or spells out
        self.first = first  # retrieval's first passage
        # Numbers the question gives: the answering clause, or the lead-in it is a point of,
        # states them ("... thì bị phạt tù từ 03 năm đến 07 năm:" for "bị phạt tù đến 07 năm").
        # Not the years it asks about nor the numbers of the documents it names: a report's
        # title, heading or opening sentence carries those, not its answering clause.
        named = {str(year) for year in analysis.years}
        named |= {key.split("/")[0] for key in analysis.directive_keys}
        named |= {"/".join(key.split("/")[:2]) for key in analysis.directive_keys}
        named |= bare_numbers(analysis.text)
        self.values = {t for t in weights if t[:1].isdigit() and t not in named}
        asked = clause_tokens(analysis.text, analysis.form == "folded").compared
        self.plain_pairs = [p for p in analysis.phrases if not _negated(p, asked, every=False)]
        self.weights = weights
        self.total = sum(weights.values()) or 1.0
        self.folded = analysis.form == "folded"
        self.asked_words = asked_words(analysis)
        self._passage_shares: dict[PassageView, float] = {}

    def words(self, text: str) -> set[str]:
        return _widened(clause_tokens(text, self.folded).compared, self.aliases)

    def share(self, words: set[str] | frozenset[str]) -> float:
        return sum(w for t, w in self.weights.items() if t in words) / self.total

    def passage_share(self, view: PassageView) -> float:
        """Share of the question's weight the passage holds anywhere: how much it is about."""
        if view not in self._passage_shares:
            words = set().union(*(self.words(c.text) for c in view.clauses))
            self._passage_shares[view] = self.share(words | view.context)
        return self._passage_shares[view]

    def candidate(self, view: PassageView, index: int, weights: ClauseWeights) -> Candidate:
        clause = view.clauses[index]
        words = self.words(clause.text)
        lead_in = view.clauses[clause.lead_in] if clause.lead_in is not None else None
        lead_words = self.words(lead_in.text) if lead_in else set()
        scope_words, scope_share = _scope(view, index, self.folded, self.asked_words)
        borrowed = sum(
            w
            * max(
                PARAMETERS.lead_in_share * (t in lead_words),
                scope_share * (t in scope_words),
                PARAMETERS.heading_share * (t in view.context),
            )
            for t, w in self.weights.items()
            if t not in words
        )
        own = self.share(words)
        asked = asked_evidence(self.analysis, clause.text)
        if asked is not None and lead_in is not None:
            lent = asked_evidence(self.analysis, lead_in.text) or 0.0
            asked = max(asked, PARAMETERS.lead_in_asked_share * lent)
        features = self._features(view, index, own + borrowed / self.total, own, asked)
        # A clause that builds on its article's clause 1 inherits that clause's values too.
        inherited = scope_words if scope_share == PARAMETERS.scope_share else set()
        if not self.values <= words | lead_words | inherited:
            features = replace(features, missing_value=1.0)
        context = frozenset(lead_words | scope_words)
        return Candidate(
            view,
            index,
            features.coverage,
            own,
            asked,
            weights.score(features),
            frozenset(words),
            context,
            features,
        )

    def _features(
        self, view: PassageView, index: int, coverage: float, own: float, asked: float | None
    ) -> ClauseFeatures:
        """The clause's signals but for the missing value, which needs its lead-in's words."""
        clause = view.clauses[index]
        sequence = clause_tokens(clause.text, self.folded).compared
        keys = self.analysis.directive_keys
        other, gap = self._elsewhere(view)
        return ClauseFeatures(
            coverage=coverage,
            own_coverage=own,
            phrase_share=_phrase_share(self.analysis.phrases, sequence, self.weights),
            trigram_share=_trigram_share(self.analysis.trigrams, sequence),
            asked=asked or 0.0,
            passage_score=view.passage.score,
            inverse_rank=1.0 / (1 + view.rank),
            # The article or section heading names the topic: "Điều 78. Tên gọi của pháp nhân".
            heading_share=self.share(view.context),
            passage_share=self.passage_share(view),
            article_position=_article_position(view, index),
            directive_match=float(bool(keys and keys & directive_keys_in(clause.text))),
            fragment=float(is_fragment(clause)),
            other_document=other,
            retrieval_gap=gap,
            district_report=float(
                bool(self.analysis.provinces)
                and not self.analysis.localities
                and bool(view.passage.metadata.district)
            ),
            missing_value=0.0,
            contrary=float(self._contrary(sequence)),
        )

    def _elsewhere(self, view: PassageView) -> tuple[float, float]:
        """Whether the passage is of another document than retrieval's first one, and how much
        lower retrieval scored it then: that first document answers far more often than not."""
        first = self.first
        if first is None or view.passage.source == first.source:
            return 0.0, 0.0
        gap = max(0.0, 1.0 - view.passage.score / first.score) if first.score > 0 else 0.0
        return 1.0, gap

    def _contrary(self, sequence: Sequence[str]) -> bool:
        """The clause has one of the question's word pairs only after a negating prefix."""
        return any(_negated(pair, sequence, every=True) for pair in self.plain_pairs)


def _article_position(view: PassageView, index: int) -> float:
    """A law article states its main rule first: 1 / (1 + the clause's place in it)."""
    if not _ARTICLE_RE.match(view.passage.heading):
        return 0.0
    body = [i for i, c in enumerate(view.clauses) if quotable(c, view.passage)]
    return 1.0 / (1 + body.index(index)) if index in body else 0.0


def _scope(
    view: PassageView, index: int, folded: bool, asked: frozenset[str]
) -> tuple[set[str], float]:
    """Words of clause 1 of the article ("1. Người nào ... thì bị phạt ..."), for the clauses
    after it, and how much they lend: much to a clause that builds on it ("2. Phạm tội thuộc
    một trong các trường hợp sau đây", "3. Người phạm tội còn có thể ...", "... quy định tại
    khoản 1 Điều này"), less to one with a subject of its own ("3. Người do Tòa án chỉ định")."""
    clauses = view.clauses
    narrowed = narrowed_item(view, index, asked)
    if narrowed:  # "- Riêng tháng 9 xảy ra 4 vụ": of the noun the item before it counts
        words = set().union(*(clause_tokens(clauses[i].text, folded).compared for i in narrowed))
        return words, PARAMETERS.scope_share
    first = next((i for i, c in enumerate(clauses) if c.text.startswith("1.")), None)
    if (
        first is None
        or index <= first
        or clauses[index].sentence_start == clauses[first].sentence_start
    ):
        return set(), 0.0
    words = set(clause_tokens(clauses[first].text, folded).compared)
    builds_on = _continues_clause_one(view, index)
    return words, PARAMETERS.scope_share if builds_on else PARAMETERS.sibling_share


# An item narrowing the one before it to a part: "Riêng quý IV ...", "Trong đó, ..." (folded).
_NARROWING_RE = re.compile(r"^\W*(?:rieng|trong do)\b\W*")
MAX_NARROWED_CLAUSES = 3  # the item before, read up to this many clauses back


def narrowed_item(view: PassageView, index: int, asked: frozenset[str]) -> list[int]:
    """For a list item narrowing the item before it ("- Riêng tháng 9 xảy ra 4 vụ" after
    "- 9 tháng xảy ra 31 vụ trộm cắp, ..."), the clauses of that item; else none. Only
    where the question names the part (`asked`: its words, folded): "Riêng đợt cao điểm
    ..." answers no question about the whole year."""
    clause = view.clauses[index]
    narrowing = _narrowing(clause)
    if narrowing is None:
        return []
    part = re.findall(r"[^\W\d_]+", narrowing.string[narrowing.end() :])[:1]
    if not part or part[0] not in asked:
        return []
    before: list[int] = []
    for i in range(index - 1, max(-1, index - 1 - MAX_NARROWED_CLAUSES), -1):
        before.append(i)
        if view.clauses[i].marker:
            return before
    return []


def _narrowing_words(clause: Clause) -> re.Match[str] | None:
    """The words a clause opens on to narrow what was told before it ("Riêng quý IV",
    "Trong đó"), folded, past an item's mark; None when it opens on none."""
    return _NARROWING_RE.match(fold(ITEM_MARKER_RE.sub("", clause.text)).lower())


def _narrowing(clause: Clause) -> re.Match[str] | None:
    """The words opening a list item that narrows what its list counts ("- Riêng quý IV",
    "- Trong đó ..."), folded; None for any other clause."""
    return _narrowing_words(clause) if clause.marker else None


def singles_out(clause: Clause) -> bool:
    """The clause, an item or a paragraph's first, opens on a part of what was told before
    it: "Riêng tháng 12/2031 xảy ra 19 vụ", "Trong đó, ..."."""
    return _narrowing_words(clause) is not None


def narrows(clause: Clause) -> bool:
    """The clause is a list item narrowing what its list counts: "- Riêng quý IV: 118 vụ"."""
    return _narrowing(clause) is not None


def asked_words(analysis: QuestionAnalysis) -> frozenset[str]:
    """The question's words, folded: what a narrowing item must name to be the part asked."""
    return frozenset(re.findall(r"[^\W\d_]+", fold(analysis.text).lower()))


def _continues_clause_one(view: PassageView, index: int) -> bool:
    """The clause, or the numbered clause it is part of, builds on the article's clause 1."""
    own = next((i for i in range(index, -1, -1) if view.clauses[i].marker == "number"), index)
    return any(_BUILDS_ON_RE.search(view.clauses[i].text) for i in {own, index})


def read_with_narrowed(candidate: Candidate, analysis: QuestionAnalysis) -> str:
    """The clause read after the item it narrows ("- Riêng tháng 9 ..."), when it does one
    the question names; a sentence counting with a bare counter ("Quý IV xảy ra 9 vụ,
    ...") after the sentences of its paragraph before it, which name what the cases are."""
    view, index = candidate.view, candidate.index
    before = narrowed_item(view, index, asked_words(analysis)) or (
        _earlier_in_paragraph(view, index) if _BARE_COUNT_RE.search(candidate.clause.text) else []
    )
    told = " ".join(view.clauses[i].text for i in reversed(before))
    return f"{told} {candidate.clause.text}" if told else candidate.clause.text


# A figure counted by a bare counter, its noun unsaid: "xảy ra 9 vụ, tăng 01 vụ".
_BARE_COUNT_RE = re.compile(r"\b\d[\d.,]*\s+(?:vụ|trường hợp|lượt)\s*(?:[,.;:(]|$)")


def _earlier_in_paragraph(view: PassageView, index: int) -> list[int]:
    """The clauses of the clause's paragraph before it, nearest first (at most a few)."""
    found: list[int] = []
    text, offset = view.passage.text, view.passage.start
    for i in range(index - 1, max(-1, index - 1 - MAX_NARROWED_CLAUSES), -1):
        gap = text[view.clauses[i].end - offset : view.clauses[i + 1].start - offset]
        if "\n\n" in gap or view.clauses[i].marker:
            break
        found.append(i)
    return found


def builds_on_another(candidate: Candidate) -> bool:
    """The clause is read with another one: it is a point or the lead-in of a list, or it
    builds on its article's clause 1 ("2. Phạm tội thuộc một trong các trường hợp sau đây")."""
    clause = candidate.clause
    if clause.lead_in is not None or clause.is_lead_in:
        return True
    return _continues_clause_one(candidate.view, candidate.index)


def _negated(pair: str, sequence: Sequence[str], every: bool) -> bool:
    """Whether `pair` stands in `sequence` after "bất", "vô" or "phi": at every place it
    stands (`every`) or at some place; False when it does not stand there at all."""
    first, second = pair.split()
    flags = [
        i > 0 and sequence[i - 1] in NEGATING_PREFIXES
        for i in range(len(sequence) - 1)
        if sequence[i] == first and sequence[i + 1] == second
    ]
    return bool(flags) and (all(flags) if every else any(flags))


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
