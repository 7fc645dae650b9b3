"""A corpus of N passages for the scale bench: real documents first, the rest synthesised.

The real part is ALQAC 2022's 1,377 articles, the twenty police-dev documents and the five
seeds, as their `policy-assistant eval` indexes hold them (embedded once, vectors read back
from Chroma: nothing is embedded here). The rest are copies of real documents with
perturbed text (a share of the syllables replaced by others drawn from the corpus, digits
changed) and perturbed vectors (the original chunk's vector plus Gaussian noise,
renormalised, cosine ~0.9 to it). Every synthetic document is a file in the folder, so a
later `sync` finds it unchanged; its catalog entry, chunks and vectors are written the way
the builder writes them, without the embedder.
"""

from __future__ import annotations

import hashlib
import os
import re
from collections.abc import Iterator
from dataclasses import dataclass, replace
from pathlib import Path

import numpy as np
from common import ALQAC_DOCUMENTS, REPO

from assistant.evaluation import eval_data_dir
from index.builder import IndexBuilder, IndexConfig, chunk_id, chunk_metadata
from index.catalog import Catalog, CommittedFile, DocumentRecord
from index.chroma_store import ChromaChunkStore, make_chroma_client
from index.chunking import chunk_document
from index.data_dir import DataDir
from index.embedders import FingerprintedEmbeddings
from index.extraction import Extraction
from index.extraction_sync import META_KEY, extraction_fingerprint
from index.records import CleanDocument

SHARED = REPO.parent / "shared"
REAL_SETS = {  # prefix in the scale corpus -> documents folder whose eval index holds it
    "alqac": ALQAC_DOCUMENTS,
    "police": SHARED / "bench" / "police-dev" / "documents",
    "seeds": REPO / "documents",
}
SYLLABLE_SHARE = 0.15  # of a synthetic copy's words replaced by other corpus words
VECTOR_NOISE = 0.025  # per dimension; |noise| ~0.49 over 384 dims: cosine ~0.9 to the original
WORD_RE = re.compile(r"\w+")


@dataclass(frozen=True)
class RealDocument:
    prefix: str
    record: DocumentRecord
    file: Path
    vectors: np.ndarray  # one row per chunk, in chunk order
    extraction: Extraction | None


class _NoEmbedder(FingerprintedEmbeddings):
    """Stands in for the real embedder's identity; this script never embeds."""

    def __init__(self, fingerprint: str, dimension: int) -> None:
        self.fingerprint, self.dimension = fingerprint, dimension

    def embed_documents(self, texts: list[str]) -> list[list[float]]:
        raise AssertionError("the scale corpus is never embedded")

    def embed_query(self, text: str) -> list[float]:
        raise AssertionError("the scale corpus is never embedded")


def real_documents() -> tuple[list[RealDocument], str]:
    """Every real document with its chunk vectors, and the embedder fingerprint they share."""
    out: list[RealDocument] = []
    fingerprints = set()
    for prefix, folder in REAL_SETS.items():
        data = DataDir(eval_data_dir(folder, REPO / "data"))
        generation = data.active_generation()
        if generation is None:
            raise SystemExit(f"no index for {folder}: run policy-assistant eval on it first")
        catalog = Catalog(data.catalog_path(generation))
        fingerprints.add(catalog.get_meta("embedder"))
        # The generation's own collection (generations take turns in two, named in its
        # catalog), not the name a generation had before those slots.
        collection = ChromaChunkStore(
            make_chroma_client(data.root, None), data.collection_of(generation, catalog)
        ).collection
        extractions = catalog.extractions()
        chunk_ids: dict[str, list[str]] = {}
        for chunk in catalog.chunks():
            chunk_ids.setdefault(chunk.source, []).append(chunk.chunk_id)
        for record in catalog.documents():
            ids = chunk_ids.get(record.source, [])
            got = collection.get(ids=ids, include=["embeddings"])
            by_id = dict(zip(got["ids"], got["embeddings"], strict=True))  # type: ignore[arg-type]
            vectors = np.array([by_id[i] for i in ids], dtype=np.float32)
            out.append(RealDocument(prefix, record, folder / record.source, vectors,
                                    extractions.get(record.source)))  # fmt: skip
        catalog.close()
    if len(fingerprints) != 1:
        raise SystemExit(f"the real indexes were built by different embedders: {fingerprints}")
    return out, fingerprints.pop() or ""


def perturbed(text: str, words: list[str], rng: np.random.Generator) -> str:
    """The text with a share of its words replaced by corpus words and digits changed."""

    def swap(match: re.Match[str]) -> str:
        word = match.group(0)
        if word.isdigit():
            return "".join(str(rng.integers(10)) if rng.random() < 0.3 else d for d in word)
        if rng.random() < SYLLABLE_SHARE:
            return words[int(rng.integers(len(words)))]
        return word

    return WORD_RE.sub(swap, text)


def _rows(vectors: np.ndarray, rows: int) -> np.ndarray:
    """A vector per chunk: a copy with more chunks than its original reuses the last."""
    return vectors[np.minimum(np.arange(rows), len(vectors) - 1)]


def _noisy(vectors: np.ndarray, rows: int, rng: np.random.Generator) -> np.ndarray:
    base = _rows(vectors, rows)
    noisy = base + rng.normal(0.0, VECTOR_NOISE, base.shape).astype(np.float32)
    return noisy / np.linalg.norm(noisy, axis=1, keepdims=True)


def _committed(
    document: CleanDocument, path: Path, extraction: Extraction | None = None
) -> CommittedFile:
    chunks = chunk_document(document, IndexConfig().chunk_chars)
    pairs = [(chunk_id(document.source, document.sha256, c.ordinal), c) for c in chunks]
    stat = path.stat()
    return CommittedFile(document, pairs, stat.st_size, stat.st_mtime_ns, extraction)


def corpus(
    reals: list[RealDocument], passages: int, folder: Path, seed: int = 12
) -> Iterator[tuple[CommittedFile, np.ndarray, bool]]:
    """Committable documents with their vectors until `passages` chunks: real ones, then
    synthetic copies; the flag says which."""
    total = 0
    for real in reals:
        record = real.record
        source = f"{real.prefix}/{record.source}"
        link = folder / source
        link.parent.mkdir(parents=True, exist_ok=True)
        if not link.exists():
            link.symlink_to(real.file.resolve())
        document = CleanDocument(source, record.sha256, record.file_type, record.text,
                                 record.metadata)  # fmt: skip
        file = _committed(document, link, real.extraction)
        total += len(file.chunks)
        yield file, _rows(real.vectors, len(file.chunks)), True
    rng = np.random.default_rng(seed)
    words = [w for r in reals[:400] for w in WORD_RE.findall(r.record.text) if not w.isdigit()]
    copy = 0
    while total < passages:
        real = reals[copy % len(reals)]
        text = perturbed(real.record.text, words, rng)
        source = f"synth/{copy // 1000:03d}/{copy:06d}.txt"
        path = folder / source
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
        metadata = replace(real.record.metadata, title=perturbed(real.record.metadata.title,
                                                                 words, rng))  # fmt: skip
        sha = hashlib.sha256(text.encode("utf-8")).hexdigest()
        file = _committed(CleanDocument(source, sha, "txt", text, metadata), path)
        total += len(file.chunks)
        copy += 1
        yield file, _noisy(real.vectors, len(file.chunks), rng), False


def build(passages: int, root: Path) -> dict[str, int]:
    """Write the corpus of `passages` chunks under `root` (documents/ and data/), once."""
    documents, data_root = root / "documents", root / "data"
    if (root / "built").exists():
        return {k: int(v) for k, v in (line.split("=") for line in
                                       (root / "built").read_text().split())}  # fmt: skip
    reals, fingerprint = real_documents()
    data = DataDir(data_root)
    generation = data.new_generation()
    catalog = Catalog(data.catalog_path(generation))
    config = IndexConfig()
    meta = IndexBuilder(data, None, _NoEmbedder(fingerprint, 384), config)._config_meta()
    catalog.set_meta({**meta, META_KEY: extraction_fingerprint()})
    store = ChromaChunkStore(make_chroma_client(data_root, None), data.collection_name(generation))
    counts = {"real_documents": 0, "real_chunks": 0, "synthetic_documents": 0, "chunks": 0}
    batch: list[tuple[CommittedFile, np.ndarray]] = []
    for file, vectors, is_real in corpus(reals, passages, documents):
        kind = "real" if is_real else "synthetic"
        counts[f"{kind}_documents"] += 1
        counts["real_chunks"] += len(file.chunks) if is_real else 0
        counts["chunks"] += len(file.chunks)
        batch.append((file, vectors))
        if sum(len(f.chunks) for f, _ in batch) >= 2000:
            _commit(catalog, store, batch)
            batch = []
    _commit(catalog, store, batch)
    catalog.close()
    data.set_active(generation)
    (root / "built").write_text(" ".join(f"{k}={v}" for k, v in counts.items()))
    return counts


def stamp_current_pipeline(root: Path) -> None:
    """Mark the corpus as built by the code now checked out.

    Others change loaders and cleaning while the bench corpus sits on disk; the builder
    would then rebuild (and embed) every passage on the next sync, which the corpus never
    needed: its text and vectors were made here, not by that code.
    """
    data = DataDir(root / "data")
    generation = data.active_generation()
    if generation is None:
        return
    catalog = Catalog(data.catalog_path(generation))
    fingerprint = catalog.get_meta("embedder") or ""
    config = IndexBuilder(data, None, _NoEmbedder(fingerprint, 384), IndexConfig())
    catalog.set_meta({**config._config_meta(), META_KEY: extraction_fingerprint()})
    catalog.close()


def _commit(
    catalog: Catalog, store: ChromaChunkStore, batch: list[tuple[CommittedFile, np.ndarray]]
) -> None:
    """As the builder commits: vectors into Chroma first, then the catalog in one step."""
    if not batch:
        return
    pairs = [(f.document, c) for f, _ in batch for _, c in f.chunks]
    ids = [cid for f, _ in batch for cid, _ in f.chunks]
    vectors = np.concatenate([v for _, v in batch])
    catalog.mark_pending(ids)
    store.upsert(ids, vectors.tolist(), [c.text for _, c in pairs],
                 [chunk_metadata(d, c) for d, c in pairs])  # fmt: skip
    catalog.commit_documents([f for f, _ in batch])


def folder_bytes(path: Path) -> int:
    """Bytes on disk under a folder (symlinks not followed)."""
    total = 0
    for directory, _, files in os.walk(path):
        for name in files:
            full = Path(directory) / name
            if not full.is_symlink():
                total += full.stat().st_blocks * 512
    return total
