"""Incremental, crash-safe indexing of a documents folder.

Only new or changed files (by size+mtime, then sha256) are embedded; deleted files are
removed. Each document is committed in one catalog transaction after its vectors are in
Chroma, so a run killed at any moment leaves the committed documents intact and the next
run completes the rest. What extraction reads out of a document (identity, duties,
figures) is committed with it, in the same transaction. A full rebuild, or a change of
embedder or chunking, is built in a new generation beside the live one and switched to by
one atomic rename. Generations take turns in two Chroma collections (see `DataDir.slot_names`):
a new one writes over the vectors of the generation before last, in place where the chunk
is the same.
"""

from __future__ import annotations

import contextlib
import hashlib
import os
import time
from collections.abc import Callable, Collection, Iterator
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path

from index.catalog import Catalog, CommittedFile
from index.chroma_store import ChromaChunkStore, Metadata
from index.chunking import chunk_document, embedding_text
from index.code_fingerprint import code_digest
from index.data_dir import DataDir
from index.embedders import FingerprintedEmbeddings
from index.extraction_sync import extract_safely, refresh_extractions
from index.loaders import UnsupportedDocumentError
from index.metadata import prepare_document
from index.pages import confidence_of, page_at
from index.records import Chunk, CleanDocument
from index.safe_parse import load_document

SUPPORTED_SUFFIXES = {".txt", ".md", ".html", ".htm", ".pdf", ".docx"}
SUPPORTED_SUFFIXES |= {".png", ".jpg", ".jpeg", ".tif", ".tiff"}  # scans, read by OCR
ProgressCallback = Callable[[int, int], None]


@dataclass
class SyncReport:
    """What one indexing run did."""

    generation: str = ""
    rebuilt: bool = False
    added: list[str] = field(default_factory=list)
    updated: list[str] = field(default_factory=list)
    removed: list[str] = field(default_factory=list)
    unchanged: int = 0  # left as they were (by a sync told `only`, those not named)
    reextracted: int = 0  # committed documents read again by new extraction code
    failed: dict[str, str] = field(default_factory=dict)
    chunks_indexed: int = 0
    chunks_embedded: int = 0  # of those, how many the embedder computed (not cached)
    seconds: float = 0.0

    @property
    def changed(self) -> bool:
        changes = (self.added, self.updated, self.removed, self.rebuilt, self.reextracted)
        return any(changes)


@dataclass(frozen=True)
class _Prepared(CommittedFile):
    is_new: bool = False


@dataclass(frozen=True)
class IndexConfig:
    """What the vectors of a generation depend on; a change means a rebuild."""

    chunk_chars: int = 900
    context_prefix: bool = True
    batch_size: int = 16


# Where turning a file into chunks starts: parsing, loading, cleaning and metadata, chunking.
CHUNKING_CODE = ("index.safe_parse", "index.loaders", "index.metadata", "index.chunking")


@cache
def pipeline_fingerprint() -> str:
    """Changes when the code turning files into chunks changes: the index is then rebuilt
    (aside, reusing every cached vector whose text did not change)."""
    return code_digest(CHUNKING_CODE)


def scan_documents(folder: Path) -> dict[str, Path]:
    """Indexable files of a folder by source name (relative path), hidden files skipped."""
    if not folder.is_dir():
        raise FileNotFoundError(f"documents folder not found: {folder}")
    found: list[tuple[str, ...]] = []
    # os.scandir, not Path.rglob: at tens of thousands of files the Path objects alone
    # took seconds of every sync.
    stack: list[tuple[str, ...]] = [()]
    while stack:
        parts = stack.pop()
        with os.scandir(folder.joinpath(*parts)) as entries:
            for entry in entries:
                if entry.name.startswith("."):
                    continue
                if entry.is_dir(follow_symlinks=False):
                    stack.append((*parts, entry.name))
                elif entry.is_file() and Path(entry.name).suffix.lower() in SUPPORTED_SUFFIXES:
                    found.append((*parts, entry.name))
    return {"/".join(parts): folder.joinpath(*parts) for parts in sorted(found)}


def named_documents(folder: Path, sources: Collection[str]) -> dict[str, Path]:
    """Those of `sources` that are indexable files of the folder, as `scan_documents`
    would list them, without reading the rest of the folder."""
    if not folder.is_dir():
        raise FileNotFoundError(f"documents folder not found: {folder}")
    found: dict[str, Path] = {}
    for source in sorted(set(sources)):
        parts = source.split("/")
        if any(not part or part.startswith(".") for part in parts):
            continue  # hidden, empty or "." parts: never scanned
        path = folder.joinpath(*parts)
        # The scan never follows a linked folder, so neither does this.
        linked = any(folder.joinpath(*parts[:depth]).is_symlink() for depth in range(1, len(parts)))
        if path.suffix.lower() in SUPPORTED_SUFFIXES and path.is_file() and not linked:
            found[source] = path
    return found


def file_sha256(path: Path) -> str:
    digest = hashlib.sha256()
    with open(path, "rb") as handle:
        for block in iter(lambda: handle.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


def chunk_id(source: str, sha256: str, ordinal: int) -> str:
    """Stable per (file, content, position): re-running a document upserts, never duplicates."""
    name = hashlib.sha256(source.encode()).hexdigest()[:10]
    return f"{name}-{sha256[:12]}-{ordinal:04d}"


def chunk_metadata(document: CleanDocument, chunk: Chunk) -> Metadata:
    meta = document.metadata
    values: dict[str, str | int | float | None] = {
        "source": document.source,
        "ordinal": chunk.ordinal,
        "start": chunk.start,
        "end": chunk.end,
        "title": meta.title,
        "issued_on": meta.issued_on,
        "year": meta.year,
        "province": meta.province,
        "district": meta.district,
        "kind": meta.kind,
        "directive_numbers": "|".join(meta.directive_numbers),
        "sha256": document.sha256,
        # A scanned document's passages: the page they start on and how sure OCR was.
        "page": page_at(meta.pages, chunk.start),
        "ocr_confidence": confidence_of(meta.pages, chunk.start, chunk.end),
    }
    return {key: value for key, value in values.items() if value not in (None, "")}


class IndexBuilder:
    """Brings the active index generation in line with a documents folder.

    The caller holds the data dir's writer lock (`DataDir.writer_lock`).
    """

    def __init__(
        self,
        data: DataDir,
        client: object,
        embedder: FingerprintedEmbeddings,
        config: IndexConfig | None = None,
    ) -> None:
        self.data = data
        self.client = client
        self.embedder = embedder
        self.config = config or IndexConfig()

    def _config_meta(self) -> dict[str, str]:
        return {
            "pipeline": pipeline_fingerprint(),
            "embedder": self.embedder.fingerprint,
            "chunk_chars": str(self.config.chunk_chars),
            "context_prefix": str(self.config.context_prefix),
        }

    def _matches(self, catalog: Catalog) -> bool:
        return all(catalog.get_meta(k) == v for k, v in self._config_meta().items())

    def sync(
        self,
        documents_dir: Path,
        full: bool = False,
        progress: ProgressCallback | None = None,
        on_ready: Callable[[str], None] | None = None,
        reindex: Collection[str] = (),
        only: Collection[str] | None = None,
    ) -> SyncReport:
        """Index what changed in `documents_dir`; `on_ready(generation)` runs, when anything
        changed, once the new state is committed and before replaced vectors are swept, so
        a server can swap its snapshot first. Files named in `reindex` are read, chunked
        and extracted again even when unchanged (after a loader or cleaner improved).

        `only` names the files that may have changed (an upload, a delete): the rest of
        the folder is neither scanned nor compared, which at tens of thousands of files
        took seconds of every upload. A generation built anew still reads every file.
        """
        started = time.perf_counter()
        named = None if only is None else frozenset(only)
        if named is None:
            files = scan_documents(documents_dir)
        else:
            files = named_documents(documents_dir, named)
        active = self.data.active_generation()
        target, catalog, rebuilt = self._open_target(active, full)
        fresh = target != active
        if fresh and named is not None:
            named, files = None, scan_documents(documents_dir)
        if active is None:
            # Nothing live to protect: serve the first build as it grows, so a killed
            # first run is resumed rather than started over.
            self.data.set_active(target)
            active = target
        report = SyncReport(generation=target, rebuilt=rebuilt)
        embedded_before = getattr(self.embedder, "embedded_count", 0)
        collection = self.data.collection_of(target, catalog)
        store = ChromaChunkStore(self.client, collection)  # type: ignore[arg-type]
        try:
            self._recover(catalog, store)
            if fresh:
                # The slot still holds an older generation's vectors. As pending ones, those
                # this build writes again are overwritten in place and the rest swept at the
                # end: deleting them all first would grow Chroma's index, which never reuses
                # a deleted vector's room.
                catalog.mark_pending(store.ids())
            report.reextracted = refresh_extractions(catalog)
            self._apply(catalog, store, files, report, progress, frozenset(reindex), named)
            if target != active:
                self.data.set_active(target)
            if on_ready is not None and report.changed:
                on_ready(target)
            self._sweep(catalog, store)
        finally:
            catalog.close()
        if target != active and active is not None:
            self._retire_old_generations(keep={target, active})
        report.chunks_embedded = getattr(self.embedder, "embedded_count", 0) - embedded_before
        report.seconds = time.perf_counter() - started
        return report

    def _open_target(self, active: str | None, full: bool) -> tuple[str, Catalog, bool]:
        """The generation to write: the active one, or a new one built aside when asked,
        or when the embedder or pipeline changed (vectors of two models never mix).

        A new one goes into the slot the active generation does not use, once the older
        generations in that slot are retired.
        """
        in_use = None
        if active is not None:
            catalog = self.data.open_catalog(active)
            if not full and self._matches(catalog):
                return active, catalog, False
            in_use = self.data.collection_of(active, catalog)
            catalog.close()
        first, second = self.data.slot_names(self.embedder.fingerprint)
        slot = second if in_use == first else first
        self._retire_old_generations(keep={active} if active else set(), slot=slot)
        target = self.data.new_generation()
        catalog = self.data.open_catalog(target)
        catalog.set_meta({**self._config_meta(), "collection": slot})
        return target, catalog, active is not None

    def _recover(self, catalog: Catalog, store: ChromaChunkStore) -> None:
        """Remove vectors a killed run wrote but never committed (or replaced but kept)."""
        self._sweep(catalog, store)

    def _sweep(self, catalog: Catalog, store: ChromaChunkStore) -> None:
        pending = catalog.pending()
        if pending:
            store.delete(pending)
            catalog.clear_pending(pending)

    def _apply(
        self,
        catalog: Catalog,
        store: ChromaChunkStore,
        files: dict[str, Path],
        report: SyncReport,
        progress: ProgressCallback | None,
        reindex: frozenset[str] = frozenset(),
        named: frozenset[str] | None = None,
    ) -> None:
        known = catalog.file_states(named)  # source -> (sha256, size, mtime_ns)
        if named is not None:
            report.unchanged += catalog.document_count() - len(known)
        for source in sorted(set(known) - set(files)):
            catalog.remove_document(source)
            report.removed.append(source)
        todo: list[tuple[str, Path, bool]] = []
        for source, path in files.items():
            record = known.get(source)
            try:
                stat = path.stat()
            except FileNotFoundError:  # deleted since the folder was scanned: it is gone
                if record is not None:
                    catalog.remove_document(source)
                    report.removed.append(source)
                continue
            if record and source in reindex:
                todo.append((source, path, False))
            elif record and record[1:] == (stat.st_size, stat.st_mtime_ns):
                report.unchanged += 1
            elif record and record[0] == file_sha256(path):
                catalog.touch(source, stat.st_size, stat.st_mtime_ns)
                report.unchanged += 1
            else:
                todo.append((source, path, record is None))
        for batch in self._batches(todo, report, progress):
            self._commit_batch(catalog, store, batch, report)

    def _prepare(self, source: str, path: Path, is_new: bool) -> _Prepared:
        stat = path.stat()
        document = prepare_document(load_document(path, source))
        chunks = chunk_document(document, self.config.chunk_chars)
        ids = [chunk_id(source, document.sha256, c.ordinal) for c in chunks]
        pairs = list(zip(ids, chunks, strict=True))
        extraction = extract_safely(document)
        return _Prepared(document, pairs, stat.st_size, stat.st_mtime_ns, extraction, is_new)

    def _batches(
        self,
        todo: list[tuple[str, Path, bool]],
        report: SyncReport,
        progress: ProgressCallback | None,
    ) -> Iterator[list[_Prepared]]:
        """Prepared documents grouped so each embedding call gets about `batch_size` texts."""
        batch: list[_Prepared] = []
        for done, (source, path, is_new) in enumerate(todo, start=1):
            try:
                batch.append(self._prepare(source, path, is_new))
            except FileNotFoundError:
                pass  # deleted while this sync ran; the sync its deletion starts removes it
            except (UnsupportedDocumentError, OSError) as error:
                report.failed[source] = str(error)
            if sum(len(p.chunks) for p in batch) >= self.config.batch_size or done == len(todo):
                if batch:
                    yield batch
                batch = []
            if progress is not None:
                progress(done, len(todo))

    def _commit_batch(
        self, catalog: Catalog, store: ChromaChunkStore, batch: list[_Prepared], report: SyncReport
    ) -> None:
        """Embed a batch of documents and commit them together.

        One Chroma upsert and one catalog transaction per batch: each upsert costs tens of
        milliseconds whatever its size, which per document added a fifth to indexing time.
        """
        pairs = [(p.document, chunk) for p in batch for _, chunk in p.chunks]
        ids = [cid for p in batch for cid, _ in p.chunks]
        texts = [embedding_text(c, d.metadata, self.config.context_prefix) for d, c in pairs]
        vectors = self.embedder.embed_documents(texts)
        catalog.mark_pending(ids)
        store.upsert(ids, vectors, [c.text for _, c in pairs],
                     [chunk_metadata(d, c) for d, c in pairs])  # fmt: skip
        catalog.commit_documents(list(batch))
        for prepared in batch:
            (report.added if prepared.is_new else report.updated).append(prepared.document.source)
        report.chunks_indexed += len(ids)

    def _retire_old_generations(self, keep: set[str], slot: str | None = None) -> None:
        """Drop the generations not in `keep` (given `slot`, only those whose vectors are in
        that collection, about to be written over), and their collections unless in use.

        A replaced generation is kept until the next rebuild starts: a server may still be
        answering from it for a moment, and it allows a manual rollback.
        """
        in_use = {self.data.collection_of(generation) for generation in keep}
        in_use |= {slot} if slot else set()
        for generation in self.data.generations():
            collection = self.data.collection_of(generation)
            if generation in keep or slot not in (None, collection):
                continue
            if collection not in in_use:
                # Already missing is fine: the generation is retired either way.
                with contextlib.suppress(Exception):
                    self.client.delete_collection(collection)  # type: ignore[attr-defined]
            self.data.remove_generation(generation)
