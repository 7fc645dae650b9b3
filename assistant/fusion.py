"""Fusing rankings from the dense and keyword retrievers.

Both methods are kept so they can be compared on data (`bench/retrieval_bench.py`); the
default is the one that measured better (see the README).
"""

from __future__ import annotations

from collections.abc import Sequence

Ranking = dict[int, float]  # chunk row -> retriever score (higher is better)


def weighted_fusion(rankings: Sequence[tuple[Ranking, float]]) -> Ranking:
    """Min-max normalise each ranking's scores, then sum them with their weights.

    Unlike rank fusion this keeps how far ahead a clear winner is, which matters when
    one retriever is confident and the other is not.
    """
    fused: Ranking = {}
    total = sum(weight for ranking, weight in rankings if ranking) or 1.0
    for ranking, weight in rankings:
        for row, score in _min_max(ranking).items():
            fused[row] = fused.get(row, 0.0) + weight / total * score
    return fused


def _min_max(ranking: Ranking) -> Ranking:
    """Scale scores to [0, 1], the best to 1.

    With no spread (a lone hit, or hits that tie) every hit is the ranking's best: scaling
    them to 0 would weigh them like rows the retriever did not find at all.
    """
    if not ranking:
        return {}
    low, high = min(ranking.values()), max(ranking.values())
    if high <= low:
        return dict.fromkeys(ranking, 1.0)
    return {row: (score - low) / (high - low) for row, score in ranking.items()}


def rrf_fusion(rankings: Sequence[tuple[Ranking, float]], k: int = 60) -> Ranking:
    """Reciprocal-rank fusion, scaled so a row ranked first everywhere scores 1."""
    fused: Ranking = {}
    total = sum(weight for ranking, weight in rankings if ranking) or 1.0
    for ranking, weight in rankings:
        ordered = sorted(ranking, key=ranking.__getitem__, reverse=True)
        for rank, row in enumerate(ordered, start=1):
            fused[row] = fused.get(row, 0.0) + weight / total * (k + 1) / (k + rank)
    return fused


FUSIONS = {"weighted": weighted_fusion, "rrf": rrf_fusion}
