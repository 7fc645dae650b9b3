"""Fusing the dense and keyword rankings (pure unit tests)."""

from __future__ import annotations

import pytest

from assistant.fusion import FUSIONS, Ranking, weighted_fusion


def _order(fused: Ranking) -> list[int]:
    return sorted(fused, key=fused.__getitem__, reverse=True)


def test_weighted_fusion_keeps_how_far_ahead_a_clear_winner_is() -> None:
    dense = {1: 0.90, 2: 0.85, 3: 0.80}
    keyword = {2: 12.0, 1: 3.0, 3: 2.0}
    fused = weighted_fusion([(dense, 0.4), (keyword, 0.6)])
    # Each side min-max scaled to [0, 1], then weighted: the keyword side's clear winner wins.
    assert fused == pytest.approx({1: 0.4 + 0.6 * 0.1, 2: 0.2 + 0.6, 3: 0.0})
    assert _order(fused) == [2, 1, 3]


def test_a_lone_hit_counts_as_that_sides_best() -> None:
    dense = {1: 0.90, 2: 0.80}
    keyword = {2: 7.5}  # only one passage contains the question's words
    fused = weighted_fusion([(dense, 0.4), (keyword, 0.6)])
    assert fused == pytest.approx({1: 0.4, 2: 0.6})
    assert _order(fused) == [2, 1]


def test_a_single_ranking_with_a_lone_hit_scores_it_fully() -> None:
    assert weighted_fusion([({}, 0.4), ({5: 3.2}, 0.6)]) == pytest.approx({5: 1.0})


def test_equal_hits_are_all_that_sides_best() -> None:
    dense = {1: 0.9, 2: 0.5}
    keyword = {2: 4.0, 3: 4.0}
    fused = weighted_fusion([(dense, 0.5), (keyword, 0.5)])
    assert fused == pytest.approx({1: 0.5, 2: 0.5, 3: 0.5})


def test_a_hit_found_on_one_side_only_competes_with_one_found_on_both() -> None:
    dense = {1: 0.95, 2: 0.70, 3: 0.60}
    keyword = {3: 9.0, 4: 8.0, 2: 1.0}
    fused = weighted_fusion([(dense, 0.4), (keyword, 0.6)])
    # Row 1 is the dense side's best and absent from the keyword side; row 4 the reverse.
    assert fused[1] == pytest.approx(0.4)
    assert fused[4] == pytest.approx(0.6 * 7 / 8)
    assert fused[3] == pytest.approx(0.6)
    assert _order(fused) == [3, 4, 1, 2]


def test_empty_rankings_are_left_out_of_the_weights() -> None:
    keyword = {1: 2.0, 2: 1.0}
    assert weighted_fusion([({}, 0.4), (keyword, 0.6)]) == pytest.approx({1: 1.0, 2: 0.0})
    assert weighted_fusion([({}, 0.4), ({}, 0.6)]) == {}


@pytest.mark.parametrize("name", sorted(FUSIONS))
def test_a_row_first_everywhere_scores_one(name: str) -> None:
    fused = FUSIONS[name]([({1: 0.9, 2: 0.1}, 0.4), ({1: 5.0}, 0.6)])
    assert fused[1] == pytest.approx(1.0)
    assert _order(fused) == [1, 2]
