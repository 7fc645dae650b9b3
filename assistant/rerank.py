"""Optional second stage: a cross-encoder (sentence-transformers) re-scores the top passages.

Off by default (no model ships offline); set `PA_RERANKER_MODEL` to a model name or a
local folder to use one.
"""

from __future__ import annotations

import math
import threading
from collections.abc import Sequence
from typing import Protocol

from index.embedders import MissingBackendError


class Reranker(Protocol):
    def scores(self, query: str, passages: Sequence[str]) -> list[float]:
        """Relevance of each passage to the query, in [0, 1]."""
        ...


class CrossEncoderReranker:
    """A sentence-transformers `CrossEncoder` scoring (question, passage) pairs."""

    def __init__(self, model: str) -> None:
        try:
            from sentence_transformers import CrossEncoder
        except ImportError as error:
            raise MissingBackendError(
                "The cross-encoder reranker needs the extra: "
                "pip install 'policy-assistant[sentence-transformers]'"
            ) from error
        self._model = CrossEncoder(model, device="cpu")
        self._lock = threading.Lock()

    def scores(self, query: str, passages: Sequence[str]) -> list[float]:
        if not passages:
            return []
        with self._lock:
            raw = self._model.predict([(query, p) for p in passages], show_progress_bar=False)
        return [1 / (1 + math.exp(-float(value))) for value in raw]


def make_reranker(model: str) -> Reranker | None:
    return CrossEncoderReranker(model) if model else None
