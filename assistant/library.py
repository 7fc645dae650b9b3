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
from index.metadata import directive_key
from index.snapshot import IndexSnapshot


class SnapshotLibrary:
    """`DocumentLibrary` over whatever snapshot `snapshot()` returns at the time of asking."""

    def __init__(self, snapshot: Callable[[], IndexSnapshot]) -> None:
        self._snapshot = snapshot
        # The documents carrying or citing each number, for the snapshot it was read from
        # (built on the first question that needs it; a new snapshot builds it anew).
        self._numbers: tuple[IndexSnapshot, dict[str, list[str]]] | None = None

    def sources_citing(self, key: str) -> list[str]:
        """The documents whose text carries or cites the document number `key` (as
        `directive_key` writes it: "15/2024/NQ/HĐND"), in the snapshot's order."""
        snapshot = self._snapshot()
        if self._numbers is None or self._numbers[0] is not snapshot:
            numbers: dict[str, list[str]] = {}
            for source, document in snapshot.documents.items():
                for number in document.metadata.directive_numbers:
                    citing = numbers.setdefault(directive_key(number), [])
                    if not citing or citing[-1] != source:
                        citing.append(source)
            self._numbers = (snapshot, numbers)
        return list(self._numbers[1].get(key, []))

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
