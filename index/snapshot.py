"""A consistent, read-only view of one committed index state, for answering questions.

Readers never look at the catalog while it changes: they hold a snapshot (chunks,
keyword index, diacritic restorer, extractions) of one catalog version, and dense hits from
Chroma are kept only if the snapshot owns them. A document being indexed is therefore either wholly
visible (after the swap) or not at all.
"""

from __future__ import annotations

import hashlib
import os
import pickle
import threading
from dataclasses import dataclass
from functools import cache
from pathlib import Path

import numpy as np

from index.abbreviations import expand_abbreviations
from index.catalog import Catalog, ChunkRecord, DocumentRecord
from index.chroma_store import ChromaChunkStore
from index.chunking import chunk_context
from index.data_dir import DataDir
from index.extraction import Extraction
from index.extraction_sync import META_KEY as EXTRACTION_META
from index.gazetteer import PROVINCES
from index.keyword import Bm25KeywordIndex
from index.restore import DiacriticRestorer


@cache
def _derived_format() -> str:
    """Changes whenever the code that computes the cached structures changes."""
    from index import abbreviations, bm25, gazetteer, keyword, metadata, restore, vietnamese

    digest = hashlib.sha256(Path(__file__).read_bytes())
    for module in (abbreviations, bm25, gazetteer, keyword, metadata, restore, vietnamese):
        digest.update(Path(module.__file__ or "").read_bytes())
    return digest.hexdigest()[:16]


# Share of documents that may be new or changed since the restorer's statistics were
# counted before they are counted again. Restoration draws on the whole corpus, so a few
# new documents barely move it, while counting it all again takes a minute at 100k passages.
RESTORER_STALE_SHARE = 0.1


@dataclass(frozen=True)
class _Derived:
    """What is computed from the chunks and cached on disk per catalog version."""

    format: str
    keyword: Bm25KeywordIndex
    restorer: DiacriticRestorer
    restorer_stale: int = 0  # documents new or changed since the restorer was counted


class IndexSnapshot:
    def __init__(
        self,
        generation: str,
        version: int,
        store: ChromaChunkStore | None,
        documents: dict[str, DocumentRecord],
        chunks: list[ChunkRecord],
        derived: _Derived,
        extractions: dict[str, Extraction] | None = None,
        extraction_code: str | None = None,
    ) -> None:
        self.generation = generation
        self.version = version
        self.store = store
        self.documents = documents
        self.chunks = chunks
        # What extraction read out of each document (identity, duties, figures), by source.
        self.extractions = extractions or {}
        self.extraction_code = extraction_code  # the code's fingerprint they were read by
        self.derived = derived
        self.keyword = derived.keyword
        self.restorer = derived.restorer
        self.row_of = {chunk.chunk_id: row for row, chunk in enumerate(chunks)}
        self.sources = np.array([chunk.source for chunk in chunks], dtype=object)

    def __len__(self) -> int:
        return len(self.chunks)

    def extraction(self, source: str) -> Extraction:
        """A document's extraction (empty when none was stored for it)."""
        return self.extractions.get(source) or Extraction()

    def chunk_text(self, row: int) -> str:
        chunk = self.chunks[row]
        return self.documents[chunk.source].text[chunk.start : chunk.end]

    @classmethod
    def empty(cls) -> IndexSnapshot:
        return cls(
            "",
            0,
            None,
            {},
            [],
            _Derived(_derived_format(), Bm25KeywordIndex([]), DiacriticRestorer.from_texts([])),
        )

    @classmethod
    def load(
        cls, data: DataDir, client: object, previous: IndexSnapshot | None = None
    ) -> IndexSnapshot:
        """The active generation's committed state (empty if nothing was indexed yet).

        Given the snapshot it replaces, the keyword index and restorer are derived from
        that one's (only new chunks are tokenised) instead of computed from every chunk.
        """
        generation = data.active_generation()
        if generation is None or not data.has_catalog(generation):
            return cls.empty()
        catalog = data.open_catalog(generation)
        try:
            with catalog.reading():  # version, documents, chunks, extractions: one state
                version = catalog.version
                same = previous is not None and previous.generation == generation
                documents = _documents(catalog, previous.documents if same and previous else {})
                chunks = _chunks(catalog, documents, previous if same else None)
                extraction_code = catalog.get_meta(EXTRACTION_META)
                extractions = _extractions(
                    catalog, documents, previous if same else None, extraction_code
                )
                collection = data.collection_of(generation, catalog)
        finally:
            catalog.close()
        store = ChromaChunkStore(client, collection)  # type: ignore[arg-type]
        cache = data.generation_dir(generation) / f"derived-v{version}.pkl"
        derived = _load_derived(cache)
        if derived is None:
            same = previous is not None and previous.generation == generation
            derived = (
                _derive(previous.derived, previous.documents, documents, chunks)
                if same and previous is not None and previous.derived.format == _derived_format()
                else _build_derived(documents, chunks)
            )
            # Written beside the swap, not before it: the file only spares the next start
            # the work (1.3 s of pickling at 100k passages). Not a daemon: exit waits for it.
            threading.Thread(target=_store_derived, args=(cache, derived), name="derived").start()
        return cls(
            generation, version, store, documents, chunks, derived, extractions, extraction_code
        )


def _documents(catalog: Catalog, previous: dict[str, DocumentRecord]) -> dict[str, DocumentRecord]:
    """The committed documents, by source, reusing the records of unchanged ones.

    Decoding every document's text and metadata took seconds at tens of thousands of
    documents, for a change of one.
    """
    versions = catalog.file_states()
    changed = [
        s for s, (sha, *_) in versions.items() if s not in previous or previous[s].sha256 != sha
    ]
    fresh = {record.source: record for record in catalog.documents_named(changed)}
    return {source: fresh.get(source) or previous[source] for source in sorted(versions)}


def _unchanged(documents: dict[str, DocumentRecord], previous: IndexSnapshot) -> set[str]:
    """The documents the previous snapshot held as they are (`_documents` kept their very
    records): what it read of them can be kept."""
    return {s for s, d in documents.items() if previous.documents.get(s) is d}


def _chunks(
    catalog: Catalog, documents: dict[str, DocumentRecord], previous: IndexSnapshot | None
) -> list[ChunkRecord]:
    """The committed documents' chunks by source and ordinal, reusing the previous
    snapshot's for documents it already held (`_documents` kept their very records).

    Reading all 100k chunk rows took 2-3 s of every document added, under load.
    """
    if previous is None:
        return [c for c in catalog.chunks() if c.source in documents]
    unchanged = _unchanged(documents, previous)
    kept = [c for c in previous.chunks if c.source in unchanged]
    fresh = catalog.chunks_of(s for s in documents if s not in unchanged)
    if not fresh:
        return kept
    return sorted([*kept, *fresh], key=lambda chunk: (chunk.source, chunk.ordinal))


def _extractions(
    catalog: Catalog,
    documents: dict[str, DocumentRecord],
    previous: IndexSnapshot | None,
    code: str | None,
) -> dict[str, Extraction]:
    """The committed documents' extractions, reusing the previous snapshot's for documents
    it already held while the extraction code is the same (decoding them all took ~0.5 s
    of every document added at 100k passages)."""
    if previous is None or previous.extraction_code != code:
        return catalog.extractions()
    unchanged = _unchanged(documents, previous)
    kept = {s: e for s, e in previous.extractions.items() if s in unchanged}
    return {**kept, **catalog.extractions(s for s in documents if s not in unchanged)}


def keyword_text(document: DocumentRecord, chunk: ChunkRecord) -> str:
    """What BM25 sees for a chunk: title, article heading, passage, abbreviations spelled out."""
    body = document.text[chunk.start : chunk.end]
    context = chunk_context(body, chunk.heading, document.metadata)
    return expand_abbreviations("\n".join([*context, body]))


def restorer_texts(documents: list[DocumentRecord]) -> list[str]:
    """What diacritics are restored from: the documents, their titles, and place names.

    Questions name places far more often than reports spell them out: without the names,
    "so doi dan phong dien bien" reads "... diễn biến" (developments) over a corpus that
    writes "diễn biến" nearly as often as "Điện Biên".
    """
    places = [
        ", ".join(p for p in (d.metadata.district, d.metadata.province) if p) + "."
        for d in documents
    ]
    provinces = [f"tỉnh {name}." for name in PROVINCES]
    return [d.metadata.title for d in documents] + [d.text for d in documents] + places + provinces


def _build_derived(documents: dict[str, DocumentRecord], chunks: list[ChunkRecord]) -> _Derived:
    texts = [keyword_text(documents[c.source], c) for c in chunks]
    keyword = Bm25KeywordIndex(texts, [c.chunk_id for c in chunks])
    restorer = DiacriticRestorer.from_texts(restorer_texts(list(documents.values())))
    return _Derived(_derived_format(), keyword, restorer)


def _derive(
    previous: _Derived,
    previous_documents: dict[str, DocumentRecord],
    documents: dict[str, DocumentRecord],
    chunks: list[ChunkRecord],
) -> _Derived:
    """The next version's structures from the last one's: new chunks tokenised, the rest
    reused; the restorer kept until too many documents changed since it was counted."""

    def text_of(row: int) -> str:
        return keyword_text(documents[chunks[row].source], chunks[row])

    keyword = previous.keyword.derive([c.chunk_id for c in chunks], text_of)
    changed = sum(
        1 for source, record in documents.items()
        if (old := previous_documents.get(source)) is None or old.sha256 != record.sha256
    )  # fmt: skip
    removed = sum(1 for source in previous_documents if source not in documents)
    stale = previous.restorer_stale + changed + removed
    if stale > RESTORER_STALE_SHARE * max(len(documents), 1):
        restorer, stale = DiacriticRestorer.from_texts(restorer_texts(list(documents.values()))), 0
    else:
        restorer = previous.restorer
    return _Derived(previous.format, keyword, restorer, stale)


def _load_derived(cache: Path) -> _Derived | None:
    try:
        with open(cache, "rb") as handle:
            derived = pickle.load(handle)  # our own file in our own data dir
    except (OSError, pickle.UnpicklingError, EOFError, AttributeError, ImportError):
        return None
    return derived if getattr(derived, "format", None) == _derived_format() else None


_STORE_LOCK = threading.Lock()  # one cache writer at a time, so none drops a newer file


def _store_derived(cache: Path, derived: _Derived) -> None:
    """Write the cache atomically and drop caches of older versions."""
    with _STORE_LOCK:
        try:
            cache.parent.mkdir(parents=True, exist_ok=True)
            tmp = cache.with_suffix(f".tmp{os.getpid()}")
            with open(tmp, "wb") as handle:
                pickle.dump(derived, handle, protocol=pickle.HIGHEST_PROTOCOL)
            os.replace(tmp, cache)
            for old in cache.parent.glob("derived-v*.pkl"):
                if _cache_version(old) < _cache_version(cache):
                    old.unlink(missing_ok=True)
        except OSError:
            pass  # a cache we cannot write only costs the next start a rebuild


def _cache_version(path: Path) -> int:
    digits = path.stem.removeprefix("derived-v")
    return int(digits) if digits.isdigit() else -1
