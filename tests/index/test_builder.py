"""The incremental builder against a real embedded Chroma and the real bundled embedder."""

from __future__ import annotations

import os
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from index import builder as index_builder
from index.builder import IndexBuilder, IndexConfig
from index.catalog import Catalog, DocumentRecord
from index.chroma_store import ChromaChunkStore, make_chroma_client
from index.data_dir import DataDir
from index.embedders import E5Embedder, FingerprintedEmbeddings
from index.embedding_cache import CachedEmbeddings, EmbeddingCache
from index.extraction import Extraction, extract
from index.records import CleanDocument
from index.snapshot import IndexSnapshot
from tests.api.directives import FOREST_FIRE_DIRECTIVE
from tests.conftest import ALQAC, REPO

pytestmark = pytest.mark.slow


class CountingEmbedder(FingerprintedEmbeddings):
    """The real embedder, counting the passages it is asked to embed."""

    def __init__(self, inner: FingerprintedEmbeddings, fingerprint: str | None = None) -> None:
        self.inner = inner
        self.fingerprint = fingerprint or inner.fingerprint
        self.dimension = inner.dimension
        self.embedded: list[str] = []

    def embed_documents(self, texts: list[str]) -> list[list[float]]:
        self.embedded.extend(texts)
        return self.inner.embed_documents(texts)

    def embed_query(self, text: str) -> list[float]:
        return self.inner.embed_query(text)


@pytest.fixture(scope="module")
def e5() -> E5Embedder:
    return E5Embedder()


def _builder(data_dir: Path, embedder: FingerprintedEmbeddings, cache: Path) -> IndexBuilder:
    data = DataDir(data_dir, cache)
    cached = CachedEmbeddings(embedder, EmbeddingCache(cache, embedder.fingerprint))
    cached.fingerprint = embedder.fingerprint
    return IndexBuilder(data, make_chroma_client(data_dir, None), cached, IndexConfig())


def _state(builder: IndexBuilder) -> tuple[list[str], int, int]:
    """Committed documents, committed chunks, and vectors in Chroma, of the active generation."""
    generation = builder.data.active_generation()
    assert generation is not None
    catalog = Catalog(builder.data.catalog_path(generation))
    sources = [d.source for d in catalog.documents()]
    chunk_count = len(catalog.chunks())
    catalog.close()
    collection = builder.data.collection_of(generation)
    store = ChromaChunkStore(builder.client, collection)  # type: ignore[arg-type]
    return sources, chunk_count, store.count()


def test_only_new_or_changed_documents_are_embedded(
    tmp_path: Path, seed_copy: Path, e5: E5Embedder, embedding_cache: Path
) -> None:
    counter = CountingEmbedder(e5)
    builder = _builder(tmp_path / "data", counter, embedding_cache)
    first = builder.sync(seed_copy)
    assert len(first.added) == 5 and not first.failed
    sources, chunks, vectors = _state(builder)
    assert len(sources) == 5 and chunks == vectors == first.chunks_indexed

    counter.embedded.clear()
    again = builder.sync(seed_copy)
    assert again.unchanged == 5 and not again.changed and counter.embedded == []

    changed = seed_copy / "003_3be63105880f2b6a.txt"
    changed.write_text(changed.read_text() + "\n\nCông an xã Mỹ Tú trực ban 24/24 giờ.\n")
    (seed_copy / "001_9c2018fcc353a387.txt").unlink()
    counter.embedded.clear()
    report = builder.sync(seed_copy)
    assert report.updated == ["003_3be63105880f2b6a.txt"]
    assert report.removed == ["001_9c2018fcc353a387.txt"]
    assert counter.embedded and any("Mỹ Tú trực ban" in text for text in counter.embedded)
    sources, chunks, vectors = _state(builder)
    assert "001_9c2018fcc353a387.txt" not in sources
    assert chunks == vectors  # replaced and removed vectors were swept from Chroma


def test_touching_a_file_without_changing_it_embeds_nothing(
    tmp_path: Path, seed_copy: Path, e5: E5Embedder, embedding_cache: Path
) -> None:
    counter = CountingEmbedder(e5)
    builder = _builder(tmp_path / "data", counter, embedding_cache)
    builder.sync(seed_copy)
    target = seed_copy / "000_cec6d9babd0036f1.txt"
    os.utime(target, (time.time() + 10, time.time() + 10))
    counter.embedded.clear()
    report = builder.sync(seed_copy)
    assert report.unchanged == 5 and counter.embedded == []


def test_a_bad_file_is_reported_and_the_rest_indexed(
    tmp_path: Path, seed_copy: Path, e5: E5Embedder, embedding_cache: Path
) -> None:
    (seed_copy / "scan.txt").write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 4)
    builder = _builder(tmp_path / "data", CountingEmbedder(e5), embedding_cache)
    report = builder.sync(seed_copy)
    assert "scan.txt" in report.failed and len(report.added) == 5
    assert len(_state(builder)[0]) == 5


def test_a_full_rebuild_is_built_aside_and_switched_to(
    tmp_path: Path, seed_copy: Path, e5: E5Embedder, embedding_cache: Path
) -> None:
    counter = CountingEmbedder(e5)
    builder = _builder(tmp_path / "data", counter, embedding_cache)
    builder.sync(seed_copy)
    before = builder.data.active_generation()
    seen: list[str | None] = []
    report = builder.sync(seed_copy, full=True, on_ready=lambda g: seen.append(g))
    after = builder.data.active_generation()
    assert report.rebuilt and after != before and seen == [after]
    assert _state(builder)[1] == _state(builder)[2] > 0
    assert counter.embedded == []  # same embedder: every vector came from the cache
    builder.sync(seed_copy, full=True)
    assert before not in builder.data.generations()  # the oldest generation is retired


def test_rebuilds_take_turns_in_two_collections(
    tmp_path: Path, seed_copy: Path, e5: E5Embedder, embedding_cache: Path
) -> None:
    """Chroma keeps a deleted collection's index in memory until the process ends: a
    collection per rebuild grew a long-running server by ~3 MB each time."""
    builder = _builder(tmp_path / "data", CountingEmbedder(e5), embedding_cache)
    builder.sync(seed_copy)
    collections = set()
    for round_ in range(5):
        added = seed_copy / "forest-fire.txt"
        if round_ == 1:
            added.write_text(FOREST_FIRE_DIRECTIVE, encoding="utf-8")
        if round_ == 3:
            added.unlink()
        report = builder.sync(seed_copy, full=True)
        assert report.rebuilt and not report.failed
        collections |= {c.id for c in builder.client.list_collections()}  # type: ignore[attr-defined]
        sources, chunks, vectors = _state(builder)
        # The generation before last's vectors were written over or swept, not kept.
        assert len(sources) == (6 if round_ in (1, 2) else 5) and chunks == vectors
    assert len(collections) == 2


def test_a_new_embedder_gets_a_new_collection(
    tmp_path: Path, seed_copy: Path, e5: E5Embedder, embedding_cache: Path
) -> None:
    builder = _builder(tmp_path / "data", CountingEmbedder(e5), embedding_cache)
    builder.sync(seed_copy)
    first = builder.data.active_generation()
    other = CountingEmbedder(e5, fingerprint="another-model")
    rebuilt = _builder(tmp_path / "data", other, tmp_path / "other-cache")
    report = rebuilt.sync(seed_copy)
    assert report.rebuilt and rebuilt.data.active_generation() != first
    assert len(other.embedded) == report.chunks_indexed > 0  # nothing reused across models


def test_a_killed_run_is_completed_by_the_next_without_duplicates(tmp_path: Path) -> None:
    documents = tmp_path / "documents"
    documents.mkdir()
    for path in sorted((ALQAC / "documents").glob("45-2019-qh14__dieu-*.txt"))[:40]:
        shutil.copy(path, documents / path.name)
    data_dir = tmp_path / "data"
    command = [
        sys.executable,
        "-m",
        "assistant",
        "index",
        "--quiet",
        "--documents",
        str(documents),
        "--data-dir",
        str(data_dir),
    ]
    env = {**os.environ, "PA_EMBED_BATCH_SIZE": "4"}
    process = subprocess.Popen(command, cwd=REPO, env=env, stderr=subprocess.PIPE)
    data = DataDir(data_dir)
    deadline = time.time() + 120
    while time.time() < deadline:  # kill once some documents, not all, are committed
        generation = data.active_generation()
        if generation and data.catalog_path(generation).exists():
            committed = len(Catalog(data.catalog_path(generation)).documents())
            if committed >= 8:
                break
        time.sleep(0.2)
    process.send_signal(signal.SIGKILL)
    process.wait()
    assert 0 < committed < 40, "the run should be killed midway"

    finished = subprocess.run(command, cwd=REPO, env=env, capture_output=True, text=True)
    assert finished.returncode == 0, finished.stderr
    builder = _builder(data_dir, E5Embedder(), data_dir / "embeddings")
    sources, chunks, vectors = _state(builder)
    assert len(sources) == 40
    assert chunks == vectors  # no duplicate or orphaned vectors


def _extractions(builder: IndexBuilder) -> tuple[Catalog, dict[str, Extraction]]:
    generation = builder.data.active_generation()
    assert generation is not None
    catalog = Catalog(builder.data.catalog_path(generation))
    return catalog, catalog.extractions()


def _expected(record: DocumentRecord) -> Extraction:
    """What extraction reads from the committed cleaned text and metadata."""
    text, meta = record.text, record.metadata
    return extract(CleanDocument(record.source, record.sha256, record.file_type, text, meta))


def test_each_document_is_committed_with_its_extraction(
    tmp_path: Path, seed_copy: Path, e5: E5Embedder, embedding_cache: Path
) -> None:
    (seed_copy / "chi-thi-07.txt").write_text(FOREST_FIRE_DIRECTIVE)
    builder = _builder(tmp_path / "data", CountingEmbedder(e5), embedding_cache)
    builder.sync(seed_copy)
    catalog, extractions = _extractions(builder)
    records = catalog.documents()
    assert sorted(extractions) == [record.source for record in records]
    assert all(extractions[r.source] == _expected(r) for r in records)
    snapshot = IndexSnapshot.load(builder.data, builder.client)
    assert snapshot.extractions == extractions  # readers see the catalog's version
    (seed_copy / "chi-thi-07.txt").unlink()
    builder.sync(seed_copy)
    assert "chi-thi-07.txt" not in _extractions(builder)[1]  # removed with its document


def test_new_extraction_code_reads_documents_again_in_place(
    tmp_path: Path, seed_copy: Path, e5: E5Embedder, embedding_cache: Path
) -> None:
    counter = CountingEmbedder(e5)
    builder = _builder(tmp_path / "data", counter, embedding_cache)
    builder.sync(seed_copy)
    generation = builder.data.active_generation()
    catalog, before = _extractions(builder)
    # As a catalog written before extraction, or by older extraction code, looks.
    catalog.set_meta({"extraction": "older-code"})
    with catalog.transaction() as db:
        db.execute("DELETE FROM extractions")
    version = catalog.version
    counter.embedded.clear()
    seen: list[str] = []
    report = builder.sync(seed_copy, on_ready=seen.append)
    assert report.reextracted == 5 and report.unchanged == 5 and not report.rebuilt
    assert builder.data.active_generation() == generation == seen[0]
    assert counter.embedded == []
    assert catalog.extractions() == before and catalog.version == version + 1
    assert builder.sync(seed_copy).reextracted == 0  # current now


def test_a_file_deleted_while_a_sync_runs_is_not_a_failure(
    tmp_path: Path,
    seed_copy: Path,
    e5: E5Embedder,
    embedding_cache: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    builder = _builder(tmp_path / "data", CountingEmbedder(e5), embedding_cache)
    builder.sync(seed_copy)
    gone = seed_copy / "001_9c2018fcc353a387.txt"
    scanned = index_builder.scan_documents(seed_copy)
    new = seed_copy / "new.txt"
    new.write_text("Chỉ thị về tuần tra. Công an xã trực ban 24/24 giờ.", encoding="utf-8")
    scanned["new.txt"] = new
    # Another request deletes both files after this sync has scanned the folder.
    monkeypatch.setattr(index_builder, "scan_documents", lambda folder: dict(scanned))
    gone.unlink()
    new.unlink()
    report = builder.sync(seed_copy)
    assert not report.failed
    assert report.removed == ["001_9c2018fcc353a387.txt"]
    assert sorted(_state(builder)[0]) == sorted(p.name for p in seed_copy.iterdir())


def _committed(builder: IndexBuilder) -> dict[str, list[str]]:
    """Each committed document's chunk ids, of the active generation."""
    generation = builder.data.active_generation()
    assert generation is not None
    catalog = Catalog(builder.data.catalog_path(generation))
    chunks = {d.source: catalog.chunk_ids(d.source) for d in catalog.documents()}
    catalog.close()
    return chunks


def test_a_sync_told_which_file_changed_reads_it_alone_and_commits_the_same(
    tmp_path: Path, seed_copy: Path, e5: E5Embedder, embedding_cache: Path
) -> None:
    builder = _builder(tmp_path / "data", CountingEmbedder(e5), embedding_cache)
    builder.sync(seed_copy)
    uploaded = seed_copy / "reports" / "forest-fire.txt"
    uploaded.parent.mkdir()
    uploaded.write_text(FOREST_FIRE_DIRECTIVE, encoding="utf-8")
    edited = seed_copy / "003_3be63105880f2b6a.txt"  # by hand, beside the upload
    edited.write_text(edited.read_text() + "\n\nCông an xã Mỹ Tú trực ban 24/24 giờ.\n")
    (seed_copy / ".hidden.txt").write_text("Không được đọc.", encoding="utf-8")
    names = ["reports/forest-fire.txt", ".hidden.txt", "../outside.txt", "/etc/hostname"]
    report = builder.sync(seed_copy, only=names)
    assert report.added == ["reports/forest-fire.txt"] and report.unchanged == 5
    assert not report.updated and not report.removed and not report.failed
    after_upload = _committed(builder)

    # The folder as a full sync finds it: the named file committed alike, the edit left
    # for the sync that scans.
    edited.write_text(edited.read_text().replace("\n\nCông an xã Mỹ Tú trực ban 24/24 giờ.\n", ""))
    scanned = _builder(tmp_path / "scanned", CountingEmbedder(e5), embedding_cache)
    scanned.sync(seed_copy)
    assert _committed(scanned) == after_upload

    uploaded.unlink()
    report = builder.sync(seed_copy, only=["reports/forest-fire.txt"])
    assert report.removed == ["reports/forest-fire.txt"] and not report.added
    sources, chunks, vectors = _state(builder)
    assert "reports/forest-fire.txt" not in sources and chunks == vectors


def test_a_generation_built_anew_reads_every_file_whatever_it_was_told(
    tmp_path: Path, seed_copy: Path, e5: E5Embedder, embedding_cache: Path
) -> None:
    builder = _builder(tmp_path / "data", CountingEmbedder(e5), embedding_cache)
    report = builder.sync(seed_copy, only=["000_cec6d9babd0036f1.txt"])
    assert len(report.added) == 5  # the first build
    report = builder.sync(seed_copy, full=True, only=["000_cec6d9babd0036f1.txt"])
    assert report.rebuilt and len(report.added) == 5
