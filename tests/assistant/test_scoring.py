"""The learned clause weights: shipped, complete, and ranking the clause that answers first."""

from __future__ import annotations

import dataclasses
import json
from importlib import resources

import pytest

from assistant.extractive.candidates import score_candidates
from assistant.extractive.passage_views import read_passages
from assistant.extractive.question import analyse
from assistant.extractive.scoring import (
    PARAMETERS,
    WEIGHTS_FILE,
    ClauseFeatures,
    ClauseWeights,
    clause_weights,
)
from assistant.passages import Passage
from index.records import DocumentMetadata

# An invented commune report: one sentence names the teams, the next one counts them.
REPORT = (
    "Báo cáo công tác bảo vệ an ninh trật tự xã Hòa Lạc.\n\n"
    "Xã Hòa Lạc chú trọng củng cố các tổ tự quản về an ninh trật tự ở khu dân cư. "
    "Đến nay, xã Hòa Lạc có 17 tổ tự quản với 136 thành viên tham gia."
)


def _shipped() -> dict[str, object]:
    text = resources.files("assistant.extractive").joinpath(WEIGHTS_FILE).read_text("utf-8")
    return json.loads(text)


def test_shipped_weights_name_every_feature_the_code_computes_and_nothing_else() -> None:
    weights = clause_weights()
    assert set(weights.weights) == set(ClauseFeatures.names())
    assert weights.provenance["half"] == "fit"
    assert weights.provenance["script"] == "bench/train_clause_weights.py"


@pytest.mark.parametrize("change", ["drop", "add"])
def test_weights_for_other_features_than_the_code_computes_are_refused(change: str) -> None:
    data = _shipped()
    weights = dict(data["weights"])  # type: ignore[call-overload]
    if change == "drop":
        weights.pop("coverage")
    else:
        weights["clause_colour"] = 1.0
    with pytest.raises(ValueError, match=WEIGHTS_FILE):
        ClauseWeights.from_json({**data, "weights": weights})


def test_holding_the_asked_thing_raises_a_clause_s_score() -> None:
    lacking = ClauseFeatures(**dict.fromkeys(ClauseFeatures.names(), 0.0))
    holding = dataclasses.replace(lacking, asked=1.0)
    assert clause_weights().score(holding) > clause_weights().score(lacking)
    assert 0.0 < clause_weights().score(lacking) < 1.0


def test_the_clause_with_the_count_asked_for_outscores_the_one_without() -> None:
    metadata = DocumentMetadata(title="An ninh trật tự xã Hòa Lạc")
    passage = Passage("hoa_lac.txt#0", "hoa_lac.txt", REPORT, 0, len(REPORT), 0.9, metadata, "")
    analysis = analyse("Xã Hòa Lạc có bao nhiêu tổ tự quản?")
    ranking = score_candidates(analysis, read_passages(analysis, [passage]))
    by_text = {c.clause.text: c for c in ranking.candidates}
    counting = next(c for text, c in by_text.items() if "17 tổ tự quản" in text)
    naming = next(c for text, c in by_text.items() if "chú trọng" in text)
    assert counting.score > naming.score
    assert ranking.candidates[0] is counting


def test_parameters_are_one_frozen_object_with_documented_fields() -> None:
    with pytest.raises(dataclasses.FrozenInstanceError):
        PARAMETERS.min_coverage = 0.0  # type: ignore[misc]
    source = resources.files("assistant.extractive").joinpath("scoring.py").read_text("utf-8")
    for field in dataclasses.fields(PARAMETERS):
        declaration = source.index(f"    {field.name}: ")
        assert source[declaration:].split("\n", 2)[1].strip().startswith('"""'), field.name
