"""How a clause's signals become its score, and every other number the answerer decides by.

A clause is described by `ClauseFeatures`, the signals `candidates` computes for it (how much
of the question it holds, whether it holds what was asked, how retrieval ranked its passage
...). Its score comes from the odds a learned logistic regression gives it of being the clause
that answers: `bench/train_clause_weights.py` fits the weights on the fit half of the
benchmark question sets and writes them, with where they came from, to `clause_weights.json`.
The thresholds that are not learned (how much of the question an answer must cover, when a
second quote is worth showing ...) are the fields of one frozen `AnswererParameters`.
"""

from __future__ import annotations

import json
import math
from dataclasses import dataclass, fields
from functools import lru_cache
from importlib import resources
from typing import Any

WEIGHTS_FILE = "clause_weights.json"


@dataclass(frozen=True)
class ClauseFeatures:
    """The signals a clause is scored by, each a float (flags are 0.0 or 1.0)."""

    coverage: float
    """Weighted share of the question's words in the clause, its lead-in, the clause 1 it
    builds on and its passage's heading (borrowed words count for less)."""
    own_coverage: float
    """Weighted share of the question's words in the clause itself."""
    phrase_share: float
    """Weighted share of the question's adjacent word pairs found together in the clause."""
    trigram_share: float
    """Share of the question's three-word runs found word for word in the clause."""
    asked: float
    """Strength of what the question type asks for (a number of the unit, a date, a name...),
    0 when the type has no check."""
    passage_score: float
    """The passage's fused retrieval score, 0..1."""
    inverse_rank: float
    """1 / (1 + the passage's retrieval rank): 1 for the first passage."""
    heading_share: float
    """Weighted share of the question's words in the passage's heading and title."""
    passage_share: float
    """Weighted share of the question's words anywhere in the passage."""
    article_position: float
    """1 / (1 + the clause's place among a law article's clauses); 0 outside an article."""
    directive_match: float
    """The clause names a directive number the question names."""
    fragment: float
    """A short line without final punctuation: a caption or a title."""
    other_document: float
    """The clause is from another document than retrieval's first passage."""
    retrieval_gap: float
    """For another document: 1 - its passage's score / the first passage's score."""
    district_report: float
    """A district's report, for a question about a whole province."""
    missing_value: float
    """Lacks (with its lead-in, or the clause 1 it builds on) a number the question gives (not
    a year or a document number it names)."""
    contrary: float
    """Has a pair of the question's words only after a negating prefix ("bất", "vô")."""

    @classmethod
    def names(cls) -> tuple[str, ...]:
        return tuple(f.name for f in fields(cls))

    def as_dict(self) -> dict[str, float]:
        return {name: getattr(self, name) for name in _FEATURE_NAMES}


_FEATURE_NAMES = ClauseFeatures.names()


@dataclass(frozen=True)
class ClauseWeights:
    """A logistic regression over `ClauseFeatures`: a weight per feature, an intercept, and
    the temperature that turns its odds into a score."""

    weights: dict[str, float]
    intercept: float
    temperature: float
    """The score is the odds to the power 1 / temperature: the answerer quotes a further
    clause when its score is a set share of the best one's (`extra_score_ratio`), and the
    temperature, chosen on the fit half, says how far apart in odds that share is."""
    provenance: dict[str, Any]
    min_confidence: float = 0.0
    """The answerer refuses when the clause it would quote has a lower learned probability
    of answering than this (`bench/calibrate_refusal.py` chooses it on the fit half)."""

    def confidence(self, features: ClauseFeatures) -> float:
        """The learned probability that the clause answers the question."""
        return 1.0 / (1.0 + math.exp(-self.logit(features)))

    def logit(self, features: ClauseFeatures) -> float:
        # getattr, not asdict: this runs for every clause of every question
        return self.intercept + sum(w * getattr(features, name) for name, w in self.weights.items())

    def score(self, features: ClauseFeatures) -> float:
        """The clause's tempered odds of being the one that answers: positive, and higher
        for a likelier clause."""
        return math.exp(self.logit(features) / self.temperature)

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> ClauseWeights:
        """Read the data file's content, failing when its features are not the code's."""
        weights = {name: float(value) for name, value in data["weights"].items()}
        if set(weights) != set(ClauseFeatures.names()):
            raise ValueError(
                f"{WEIGHTS_FILE} has features {sorted(weights)}, "
                f"the code computes {sorted(ClauseFeatures.names())}"
            )
        return cls(
            weights,
            float(data["intercept"]),
            float(data["temperature"]),
            dict(data.get("provenance", {})),
            float(data.get("min_confidence", 0.0)),
        )


@lru_cache(maxsize=1)
def clause_weights() -> ClauseWeights:
    """The weights shipped with the package."""
    text = resources.files("assistant.extractive").joinpath(WEIGHTS_FILE).read_text("utf-8")
    return ClauseWeights.from_json(json.loads(text))


@dataclass(frozen=True)
class EvidenceStrengths:
    """How strongly a clause holds what the question type asks for, by what it shows (1 is a
    clause that plainly holds it, 0 one that cannot be the answer): the `asked` feature."""

    unit_head_share: float = 0.5
    """A number followed by only the first word of a long counted unit ("46 mô hình")."""
    classifier_gap_cost: float = 0.15
    """Taken off per classifier word between a number and its unit ("2.000 đồng chí ...")."""
    max_classifier_gap: int = 2
    """Classifier words allowed between a number and its unit."""
    any_number: float = 0.6
    """A number, for a count question that names no unit."""
    number_apart_from_unit: float = 0.25
    """A number and the counted unit, not next to each other."""
    number_without_unit: float = 0.1
    """A number, but not of the counted unit."""
    formula: float = 0.5
    """The asked amount given as a rule ("số ngày ... theo tỷ lệ"), for a count question."""
    stated_bound_bonus: float = 0.3
    """Added when the clause states the bound asked for ("tối đa", "không quá")."""
    partial_date: float = 0.8
    """A month and year or a day and month, not a full date."""
    time_word: float = 0.1
    """Only a word of time ("khi", "thời điểm"), which also opens conditions."""
    body: float = 0.8
    """A body ("Nhà nước", "Tòa án"), for a question asking who."""
    role: float = 0.5
    """A role ("người", "cha, mẹ"), for a question asking who."""
    unnamed_kind: float = 0.2
    """A ministry or an authority asked for ("Bộ nào"), but none named in the clause."""
    cause_word: float = 0.3
    """Only a word of cause ("do", "vì", "nguyên nhân"), for a "vì sao" question: "bị thương do
    tai nạn" says what caused an injury, not why accidents rose."""
    means_unstated: float = 0.3
    """No word of means ("nhờ", "bằng cách", "để … thì"), for a "làm thế nào … được"
    question: the clause may still tell what was done, less surely than one that says how."""
    item_naming_noun: float = 0.7
    """A list item that opens with the asked noun ("a) Đề án ...", for "Đề án nào")."""
    loose_definition: float = 0.2
    """" là " without a definition's form, or a definition of another term."""
    definition_of_unknown_subject: float = 0.6
    """A definition, for a question whose subject was not read."""
    definition_of_related_term: float = 0.5
    """A definition of a term that holds the asked one or is held by it."""
    list_word: float = 0.7
    """Words that announce a list ("gồm", "bao gồm"), without the closing colon."""
    topic_word: float = 0.5
    """Words of purpose or subject ("về", "nhằm", "để"), for a question asking what about."""
    moment: float = 0.8
    """A moment ("khi", "kể từ ngày") without a condition marker, for a question asking when."""
    no_condition: float = 0.1
    """Neither a condition nor a moment, for a question asking in which case."""
    restated_condition: float = 0.4
    """A condition that only restates the question's own."""
    new_condition_share: float = 0.5
    """A condition with at least this share of words new to the question is the one asked."""


@dataclass(frozen=True)
class AnswererParameters:
    """The answerer's thresholds and shares that are set, not learned."""

    min_coverage: float = 0.35
    """Share of the question's weighted words the answering clause must hold."""
    min_count_evidence: float = 0.5
    """For "bao nhiêu X": the least count evidence (a number with at least the head of X after
    it) a clause needs to answer."""
    extra_score_ratio: float = 0.85
    """A further clause is quoted when its score is at least this share of the best one's
    (how far apart in odds that is: `ClauseWeights.temperature`)."""
    extra_other_document_ratio: float = 0.95
    """... and at least this share when it comes from another document."""
    min_qualifier_share: float = 0.5
    """For "bao nhiêu X Y": the least share of Y (the counted noun's words after its head)
    the clause must hold; "350 vụ phạm pháp" does not answer "bao nhiêu vụ tai nạn"."""
    max_related: int = 4
    """Passages listed as related beside the answer."""
    refine_min_missing: float = 0.08
    """A more specific clause may replace the best one when the best lacks this share of the
    question's weight ..."""
    refine_min_explained: float = 0.4
    """... the other holds this share of what is lacking ..."""
    refine_max_loss: float = 0.15
    """... and the other's reach is at most this much smaller."""
    lead_in_share: float = 0.6
    """Weight of a question word found only in a list item's lead-in."""
    scope_share: float = 0.8
    """... only in clause 1 of the article, for a later clause that builds on it."""
    sibling_share: float = 0.5
    """... only in clause 1, for a later clause with a subject of its own."""
    heading_share: float = 0.3
    """... only in the passage's heading or title."""
    lead_in_asked_share: float = 0.9
    """Share of its lead-in's asked-type evidence a list item is credited with."""
    evidence: EvidenceStrengths = EvidenceStrengths()
    """How strongly a clause holds what each question type asks for."""


PARAMETERS = AnswererParameters()
