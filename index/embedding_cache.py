"""Never embed the same text twice: a SQLite cache of passage vectors per embedder.

Embedding is by far the slowest step on these machines (a few passages a second), so a
full rebuild, a re-chunk that leaves most passages unchanged, or a run resumed after a
crash reuses every vector already computed.
"""

from __future__ import annotations

import hashlib
import sqlite3
import threading
from functools import lru_cache
from pathlib import Path

import numpy as np

from index.embedders import FingerprintedEmbeddings


def text_key(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


class EmbeddingCache:
    """Vectors by sha256 of the embedded text, in one SQLite file per embedder fingerprint."""

    def __init__(self, directory: Path, fingerprint: str) -> None:
        directory.mkdir(parents=True, exist_ok=True)
        self.path = directory / f"{fingerprint}.sqlite"
        self._lock = threading.Lock()
        self._db = sqlite3.connect(self.path, check_same_thread=False, isolation_level=None)
        self._db.execute("PRAGMA journal_mode=WAL")
        self._db.execute("CREATE TABLE IF NOT EXISTS vectors (key TEXT PRIMARY KEY, vector BLOB)")

    def get_many(self, texts: list[str]) -> dict[str, list[float]]:
        """Cached vectors of those texts that have one, by text."""
        keys = {text_key(t): t for t in texts}
        found: dict[str, list[float]] = {}
        items = list(keys)
        with self._lock:
            for i in range(0, len(items), 500):
                batch = items[i : i + 500]
                marks = ",".join("?" * len(batch))
                query = f"SELECT key, vector FROM vectors WHERE key IN ({marks})"
                for key, blob in self._db.execute(query, batch):
                    found[keys[key]] = np.frombuffer(blob, dtype=np.float32).tolist()
        return found

    def put_many(self, vectors: dict[str, list[float]]) -> None:
        rows = [
            (text_key(t), np.asarray(v, dtype=np.float32).tobytes()) for t, v in vectors.items()
        ]
        with self._lock:
            self._db.execute("BEGIN")
            self._db.executemany("INSERT OR REPLACE INTO vectors VALUES (?, ?)", rows)
            self._db.execute("COMMIT")

    def close(self) -> None:
        self._db.close()


class CachedEmbeddings(FingerprintedEmbeddings):
    """Wraps an embedder: passages through the disk cache, queries through a small LRU."""

    def __init__(self, inner: FingerprintedEmbeddings, cache: EmbeddingCache) -> None:
        self.inner = inner
        self.cache = cache
        self.fingerprint = inner.fingerprint
        self.dimension = inner.dimension
        self._query = lru_cache(maxsize=1024)(self._embed_query_uncached)
        self.embedded_count = 0  # passages that missed the cache and went to the model

    def embed_documents(self, texts: list[str]) -> list[list[float]]:
        known = self.cache.get_many(texts)
        missing = list(dict.fromkeys(t for t in texts if t not in known))
        if missing:
            fresh = dict(zip(missing, self.inner.embed_documents(missing), strict=True))
            self.embedded_count += len(missing)
            self.cache.put_many(fresh)
            known.update(fresh)
        return [known[t] for t in texts]

    def embed_query(self, text: str) -> list[float]:
        return list(self._query(text))

    def clear_query_cache(self) -> None:
        self._query.cache_clear()

    def _embed_query_uncached(self, text: str) -> tuple[float, ...]:
        return tuple(self.inner.embed_query(text))
