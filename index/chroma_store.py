"""Chunk vectors in Chroma: embedded `PersistentClient` by default, a `chroma run` server
when `PA_CHROMA_URL` is set.

Vectors are always passed explicitly and collections are opened with no embedding
function: any Chroma call with texts alone would try to download an English model.
"""

from __future__ import annotations

import os
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any
from urllib.parse import urlparse

if TYPE_CHECKING:
    from chromadb.api import ClientAPI
    from langchain_chroma import Chroma
    from langchain_core.embeddings import Embeddings

# onnxruntime, pulled in by chromadb, phones home when imported unless told not to.
os.environ.setdefault("ORT_DISABLE_TELEMETRY", "1")
os.environ.setdefault("ANONYMIZED_TELEMETRY", "False")

Metadata = dict[str, str | int | float | bool]


@dataclass(frozen=True)
class DenseHit:
    chunk_id: str
    similarity: float  # cosine similarity, 1 - cosine distance


def make_chroma_client(data_dir: Path, chroma_url: str | None) -> ClientAPI:
    """An embedded client under the data dir, or an HTTP client when a URL is given."""
    import chromadb
    from chromadb.config import Settings as ChromaSettings

    settings = ChromaSettings(anonymized_telemetry=False, allow_reset=False)
    if chroma_url:
        url = urlparse(chroma_url if "://" in chroma_url else f"http://{chroma_url}")
        if not url.hostname:
            raise ValueError(f"PA_CHROMA_URL is not a URL: {chroma_url!r}")
        return chromadb.HttpClient(
            host=url.hostname,
            port=url.port or (443 if url.scheme == "https" else 8000),
            ssl=url.scheme == "https",
            settings=settings,
        )
    return chromadb.PersistentClient(path=str(data_dir / "chroma"), settings=settings)


class ChromaChunkStore:
    """One Chroma collection holding the vectors of one index generation (one embedder)."""

    def __init__(self, client: ClientAPI, collection_name: str) -> None:
        self.client = client
        self.name = collection_name
        self.collection = client.get_or_create_collection(
            collection_name,
            embedding_function=None,
            configuration={"hnsw": {"space": "cosine"}},
        )

    def upsert(
        self,
        ids: Sequence[str],
        vectors: Sequence[Sequence[float]],
        texts: Sequence[str],
        metadatas: Sequence[Metadata],
    ) -> None:
        if ids:
            self.collection.upsert(
                ids=list(ids),
                embeddings=[list(v) for v in vectors],  # type: ignore[arg-type]
                documents=list(texts),
                metadatas=list(metadatas),
            )

    def delete(self, ids: Sequence[str]) -> None:
        for i in range(0, len(ids), 500):
            self.collection.delete(ids=list(ids[i : i + 500]))

    def count(self) -> int:
        return self.collection.count()

    def ids(self, page: int = 5000) -> list[str]:
        """Every chunk id in the collection."""
        found: list[str] = []
        while True:
            batch = self.collection.get(include=[], limit=page, offset=len(found))["ids"]
            found.extend(batch)
            if len(batch) < page:
                return found

    def query(
        self,
        vector: Sequence[float],
        k: int,
        where: dict[str, Any] | None = None,
        ids: Sequence[str] | None = None,
    ) -> list[DenseHit]:
        """The `k` nearest chunks, optionally restricted by metadata or to given ids."""
        result = self.collection.query(
            query_embeddings=[list(vector)],  # type: ignore[arg-type]
            n_results=k,
            where=where or None,
            ids=list(ids) if ids is not None else None,
            include=["distances"],
        )
        distances = (result.get("distances") or [[]])[0]
        return [
            DenseHit(chunk_id, 1.0 - float(distance))
            for chunk_id, distance in zip(result["ids"][0], distances, strict=True)
        ]

    def drop(self) -> None:
        """Delete the whole collection (an index generation that was replaced)."""
        self.client.delete_collection(self.name)

    def as_vectorstore(self, embeddings: Embeddings) -> Chroma:
        """The same collection as a LangChain `VectorStore`, for LangChain pipelines."""
        from langchain_chroma import Chroma

        return Chroma(client=self.client, collection_name=self.name, embedding_function=embeddings)
