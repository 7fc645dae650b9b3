"""The catalog of one index generation: which documents are indexed, as which chunks.

The catalog database (a SQLite file per generation, or a PostgreSQL schema per generation
that replicas share) is the record of what is *committed*. Chroma may briefly hold more (vectors
written for a document not yet committed, or of a version just replaced); those ids are
listed in `pending` first, so a run killed at any point leaves a catalog the next run can
trust and a list of exactly which vectors to sweep away.
"""

from __future__ import annotations

import json
import threading
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from index.database import Connection, connect_sqlite
from index.extraction.records import Extraction
from index.records import Chunk, CleanDocument, DocumentMetadata

_SCHEMA = """
CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS documents (
    source TEXT PRIMARY KEY, sha256 TEXT NOT NULL, file_type TEXT NOT NULL,
    size INTEGER NOT NULL, mtime_ns INTEGER NOT NULL, metadata TEXT NOT NULL,
    text TEXT NOT NULL, chunk_count INTEGER NOT NULL, indexed_at TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS chunks (
    chunk_id TEXT PRIMARY KEY, source TEXT NOT NULL, ordinal INTEGER NOT NULL,
    start INTEGER NOT NULL, "end" INTEGER NOT NULL, heading TEXT NOT NULL);
CREATE INDEX IF NOT EXISTS chunks_by_source ON chunks(source);
CREATE INDEX IF NOT EXISTS documents_by_sha256 ON documents(sha256);
CREATE TABLE IF NOT EXISTS pending (chunk_id TEXT PRIMARY KEY);
CREATE TABLE IF NOT EXISTS extractions (source TEXT PRIMARY KEY, data TEXT NOT NULL);
"""
SOURCES_PER_QUERY = 500  # well under SQLite's and PostgreSQL's limits on parameters
_SET_META = "INSERT INTO meta VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value"
_ADD_PENDING = "INSERT INTO pending VALUES (?) ON CONFLICT DO NOTHING"


@dataclass(frozen=True)
class DocumentRecord:
    """A committed document as the catalog knows it."""

    source: str
    sha256: str
    file_type: str
    size: int
    mtime_ns: int
    metadata: DocumentMetadata
    text: str
    chunk_count: int
    indexed_at: str


@dataclass(frozen=True)
class CommittedFile:
    """A document ready to commit: its chunks (with ids), the file's size and mtime, and
    what extraction read out of it (kept with the document, replaced and removed with it)."""

    document: CleanDocument
    chunks: list[tuple[str, Chunk]]
    size: int
    mtime_ns: int
    extraction: Extraction | None = None


@dataclass(frozen=True)
class ChunkRecord:
    chunk_id: str
    source: str
    ordinal: int
    start: int
    end: int
    heading: str


class Catalog:
    """Catalog of one generation. Thread-safe; every write is one transaction.

    Given a path, a SQLite file there; given a connection, its database (for PostgreSQL,
    the generation's schema).
    """

    def __init__(self, where: Path | Connection) -> None:
        self._lock = threading.RLock()
        if isinstance(where, Connection):
            self._db = where
        else:
            self._db = connect_sqlite(where, synchronous_normal=True)
        self._db.create(_SCHEMA)

    @contextmanager
    def reading(self) -> Iterator[None]:
        """Reads inside see one committed state, even while another connection commits."""
        with self._lock, self._db.transaction(write=False):
            yield

    @contextmanager
    def transaction(self) -> Iterator[Connection]:
        with self._lock, self._db.transaction() as db:
            yield db

    # --- meta -----------------------------------------------------------------------------
    def get_meta(self, key: str, default: str | None = None) -> str | None:
        with self._lock:
            row = self._db.execute("SELECT value FROM meta WHERE key = ?", (key,)).fetchone()
        return row[0] if row else default

    def set_meta(self, values: dict[str, str]) -> None:
        with self.transaction() as db:
            db.executemany(_SET_META, values.items())

    @property
    def version(self) -> int:
        """Bumped by every committed change; readers reload when it moves."""
        return int(self.get_meta("version", "0") or 0)

    # --- documents --------------------------------------------------------------------------
    def documents(self) -> list[DocumentRecord]:
        with self._lock:
            rows = self._db.execute("SELECT * FROM documents ORDER BY source").fetchall()
        return [_document(row) for row in rows]

    def document_count(self) -> int:
        with self._lock:
            return int(self._db.execute("SELECT COUNT(*) FROM documents").fetchone()[0])

    def file_states(self, sources: Iterable[str] | None = None) -> dict[str, tuple[str, int, int]]:
        """(sha256, size, mtime_ns) of every document (or of those of `sources` that are
        committed), without reading any text.

        What a sync compares the folder with; reading every text for that took seconds
        at tens of thousands of documents.
        """
        select = "SELECT source, sha256, size, mtime_ns FROM documents"
        if sources is not None:
            rows = self._of_sources(select, sources)
        else:
            with self._lock:
                rows = self._db.execute(select).fetchall()
        return {source: (sha, size, mtime) for source, sha, size, mtime in rows}

    def documents_named(self, sources: Iterable[str]) -> list[DocumentRecord]:
        """The records of the given documents that are committed."""
        return [_document(row) for row in self._of_sources("SELECT * FROM documents", sources)]

    def _of_sources(self, select: str, sources: Iterable[str]) -> list[Any]:
        """The rows of `select` whose source is one of `sources`, asked in batches (a
        database caps the parameters of one statement)."""
        wanted = list(sources)
        rows: list[Any] = []
        with self._lock:
            for i in range(0, len(wanted), SOURCES_PER_QUERY):
                batch = wanted[i : i + SOURCES_PER_QUERY]
                marks = ",".join("?" * len(batch))
                rows += self._db.execute(f"{select} WHERE source IN ({marks})", batch).fetchall()
        return rows

    def sources_with(self, sha256: str) -> list[str]:
        """The documents whose file holds these bytes (by their sha256), by name."""
        select = "SELECT source FROM documents WHERE sha256 = ? ORDER BY source"
        with self._lock:
            return [row[0] for row in self._db.execute(select, (sha256,)).fetchall()]

    def document(self, source: str) -> DocumentRecord | None:
        with self._lock:
            row = self._db.execute("SELECT * FROM documents WHERE source = ?", (source,)).fetchone()
        return _document(row) if row else None

    def chunks(self) -> list[ChunkRecord]:
        with self._lock:
            rows = self._db.execute(
                'SELECT chunk_id, source, ordinal, start, "end", heading FROM chunks '
                "ORDER BY source, ordinal"
            ).fetchall()
        return [ChunkRecord(*row) for row in rows]

    def chunks_of(self, sources: Iterable[str]) -> list[ChunkRecord]:
        """The chunks of the given documents, by source and ordinal."""
        select = 'SELECT chunk_id, source, ordinal, start, "end", heading FROM chunks'
        found = [ChunkRecord(*row) for row in self._of_sources(select, sources)]
        return sorted(found, key=lambda chunk: (chunk.source, chunk.ordinal))

    def chunk_ids(self, source: str) -> list[str]:
        with self._lock:
            rows = self._db.execute(
                "SELECT chunk_id FROM chunks WHERE source = ? ORDER BY ordinal", (source,)
            ).fetchall()
        return [row[0] for row in rows]

    def extractions(self, sources: Iterable[str] | None = None) -> dict[str, Extraction]:
        """What extraction read out of each committed document (or of `sources`), by source."""
        select = "SELECT source, data FROM extractions"
        if sources is not None:
            rows = self._of_sources(select, sources)
        else:
            with self._lock:
                rows = self._db.execute(select).fetchall()
        return {source: Extraction.from_dict(json.loads(data)) for source, data in rows}

    def extraction(self, source: str) -> Extraction | None:
        with self._lock:
            row = self._db.execute(
                "SELECT data FROM extractions WHERE source = ?", (source,)
            ).fetchone()
        return Extraction.from_dict(json.loads(row[0])) if row else None

    def replace_extractions(self, extractions: dict[str, Extraction], meta: dict[str, str]) -> None:
        """Store extractions of committed documents (and `meta`) in one step, as a new version.

        For re-reading documents already committed when the extraction code changed: their
        text is what it was, so neither chunks nor vectors change.
        """
        with self.transaction() as db:
            stored = 0
            for source, extraction in extractions.items():
                if db.execute("SELECT 1 FROM documents WHERE source = ?", (source,)).fetchone():
                    _store_extraction(db, source, extraction)
                    stored += 1
            db.executemany(_SET_META, meta.items())
            if stored:
                self._bump(db)

    # --- the write protocol -----------------------------------------------------------------
    def mark_pending(self, chunk_ids: Iterable[str]) -> None:
        """Record ids about to be written to (or left behind in) the vector store."""
        with self.transaction() as db:
            db.executemany(_ADD_PENDING, ((i,) for i in chunk_ids))

    def pending(self) -> list[str]:
        with self._lock:
            return [row[0] for row in self._db.execute("SELECT chunk_id FROM pending")]

    def clear_pending(self, chunk_ids: Iterable[str]) -> None:
        with self.transaction() as db:
            db.executemany("DELETE FROM pending WHERE chunk_id = ?", ((i,) for i in chunk_ids))

    def commit_document(
        self, document: CleanDocument, chunks: list[tuple[str, Chunk]], size: int, mtime_ns: int
    ) -> list[str]:
        """Replace one document and its chunks in one step; returns the replaced chunk ids."""
        return self.commit_documents([CommittedFile(document, chunks, size, mtime_ns)])

    def commit_documents(self, files: list[CommittedFile]) -> list[str]:
        """Replace documents and their chunks in one transaction; returns replaced chunk ids.

        The replaced ids become pending (their vectors are still in the store) and the new
        ids stop being pending (they are now owned by the catalog).
        """
        now = datetime.now(UTC).isoformat(timespec="seconds")
        replaced: list[str] = []
        with self.transaction() as db:
            for file in files:
                replaced += self._replace(db, file, now)
            self._bump(db)
        return replaced

    def _replace(self, db: Connection, file: CommittedFile, now: str) -> list[str]:
        document, chunks = file.document, file.chunks
        old = self._remove(db, document.source)
        metadata = json.dumps(document.metadata.to_dict(with_pages=True), ensure_ascii=False)
        db.execute(
            "INSERT INTO documents VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
            (document.source, document.sha256, document.file_type, file.size, file.mtime_ns,
             metadata, document.text, len(chunks), now),
        )  # fmt: skip
        db.executemany(
            "INSERT INTO chunks VALUES (?, ?, ?, ?, ?, ?)",
            ((cid, c.source, c.ordinal, c.start, c.end, c.heading) for cid, c in chunks),
        )
        if file.extraction is not None:
            _store_extraction(db, document.source, file.extraction)
        new_ids = {cid for cid, _ in chunks}
        replaced = [cid for cid in old if cid not in new_ids]
        db.executemany(_ADD_PENDING, ((i,) for i in replaced))
        db.executemany("DELETE FROM pending WHERE chunk_id = ?", ((i,) for i in new_ids))
        return replaced

    def remove_document(self, source: str) -> list[str]:
        """Forget a document in one step; its chunk ids become pending deletion."""
        with self.transaction() as db:
            existed = db.execute("SELECT 1 FROM documents WHERE source = ?", (source,)).fetchone()
            old = self._remove(db, source)
            db.executemany(_ADD_PENDING, ((i,) for i in old))
            if existed:
                self._bump(db)
        return old

    def touch(self, source: str, size: int, mtime_ns: int) -> None:
        """Record a new size/mtime for a file whose content did not change."""
        with self.transaction() as db:
            db.execute(
                "UPDATE documents SET size = ?, mtime_ns = ? WHERE source = ?",
                (size, mtime_ns, source),
            )

    def _remove(self, db: Connection, source: str) -> list[str]:
        old = [r[0] for r in db.execute("SELECT chunk_id FROM chunks WHERE source = ?", (source,))]
        db.execute("DELETE FROM chunks WHERE source = ?", (source,))
        db.execute("DELETE FROM documents WHERE source = ?", (source,))
        db.execute("DELETE FROM extractions WHERE source = ?", (source,))
        return old

    def _bump(self, db: Connection) -> None:
        row = db.execute("SELECT value FROM meta WHERE key = 'version'").fetchone()
        version = int(row[0]) + 1 if row else 1
        db.execute(_SET_META, ("version", str(version)))

    def close(self) -> None:
        with self._lock:
            self._db.close()


def _store_extraction(db: Connection, source: str, extraction: Extraction) -> None:
    data = json.dumps(extraction.to_dict(), ensure_ascii=False, separators=(",", ":"))
    db.execute(
        "INSERT INTO extractions VALUES (?, ?)"
        " ON CONFLICT (source) DO UPDATE SET data = excluded.data",
        (source, data),
    )


def _document(row: tuple[Any, ...]) -> DocumentRecord:
    source, sha, file_type, size, mtime_ns, metadata, text, count, indexed_at = row
    return DocumentRecord(
        source,
        sha,
        file_type,
        size,
        mtime_ns,
        DocumentMetadata.from_dict(json.loads(metadata)),
        text,
        count,
        indexed_at,
    )
