"""Whole documents of the current index snapshot, for the answerer to read.

A question that names a document by number is answered from the whole document, not only
from the chunks retrieval found; this reads them from the same immutable snapshot the
searcher uses, with the same metadata, so citations keep their offsets.
"""

from __future__ import annotations

from collections.abc import Callable

import numpy as np

from assistant.passages import Passage
from index.extraction.records import Extraction
from index.snapshot import IndexSnapshot


class SnapshotLibrary:
    """`DocumentLibrary` over whatever snapshot `snapshot()` returns at the time of asking."""

    def __init__(self, snapshot: Callable[[], IndexSnapshot]) -> None:
        self._snapshot = snapshot

    def passages_of(self, source: str) -> list[Passage]:
        snapshot = self._snapshot()
        document = snapshot.documents.get(source)
        if document is None:
            return []
        rows = np.flatnonzero(snapshot.sources == source)
        chunks = sorted((snapshot.chunks[int(row)] for row in rows), key=lambda c: c.start)
        return [
            Passage(
                chunk_id=chunk.chunk_id,
                source=source,
                text=document.text[chunk.start : chunk.end],
                start=chunk.start,
                end=chunk.end,
                score=0.0,
                metadata=document.metadata,
                heading=chunk.heading,
            )
            for chunk in chunks
        ]

    def extraction_of(self, source: str) -> Extraction:
        return self._snapshot().extraction(source)

    def text_of(self, source: str) -> str:
        document = self._snapshot().documents.get(source)
        return document.text if document is not None else ""
