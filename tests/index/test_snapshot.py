"""A new snapshot derives its keyword index and restorer from the one it replaces."""

from __future__ import annotations

import threading
from pathlib import Path

import numpy as np

from assistant.live_index import IndexService
from index import snapshot as snapshots
from index.extraction import Extraction, Figure
from index.extraction_sync import META_KEY as EXTRACTION_META
from index.snapshot import IndexSnapshot
from tests.conftest import make_settings

NEW_REPORT = (
    "Báo cáo của Công an xã Phìn Ngan: năm qua xã đã thành lập 37 tổ an ninh tự quản "
    "tại các thôn vùng cao.\n"
)


def test_a_document_added_is_found_through_a_derived_keyword_index(
    tmp_path: Path, seed_copy: Path, embedding_cache: Path
) -> None:
    service = IndexService(make_settings(tmp_path / "data", seed_copy, embedding_cache))
    service.sync()
    before = service.snapshot()
    (seed_copy / "bao-cao-phin-ngan.txt").write_text(NEW_REPORT, encoding="utf-8")
    service.sync()
    after = service.snapshot()
    assert after.version > before.version
    best = int(np.argmax(after.keyword.scores("tổ an ninh tự quản Phìn Ngan")))
    assert after.chunks[best].source == "bao-cao-phin-ngan.txt"
    # One new document of six is over the stale share: the restorer was counted again.
    assert after.restorer is not before.restorer
    # The same state loaded from nothing scores alike.
    for writer in [t for t in threading.enumerate() if t.name == "derived"]:
        writer.join()
    for cache in (tmp_path / "data").glob("generations/*/derived-v*.pkl"):
        cache.unlink()
    fresh = IndexSnapshot.load(service.data, service.client)
    for query in ("đội dân phòng", "tổ an ninh", "chi thi 31"):
        assert np.allclose(after.keyword.scores(query), fresh.keyword.scores(query), atol=1e-5)
    service.close()


def test_the_restorer_is_kept_while_few_documents_changed(
    tmp_path: Path, seed_copy: Path, embedding_cache: Path, monkeypatch: object
) -> None:
    monkeypatch.setattr(snapshots, "RESTORER_STALE_SHARE", 0.5)  # type: ignore[attr-defined]
    service = IndexService(make_settings(tmp_path / "data", seed_copy, embedding_cache))
    service.sync()
    before = service.snapshot()
    (seed_copy / "bao-cao-phin-ngan.txt").write_text(NEW_REPORT, encoding="utf-8")
    service.sync()
    assert service.snapshot().restorer is before.restorer
    assert service.snapshot().derived.restorer_stale == 1
    service.close()


def test_chunks_reused_from_the_previous_snapshot_are_those_a_fresh_load_reads(
    tmp_path: Path, seed_copy: Path, embedding_cache: Path
) -> None:
    service = IndexService(make_settings(tmp_path / "data", seed_copy, embedding_cache))
    service.sync()
    before = service.snapshot()
    files = sorted(p for p in seed_copy.rglob("*") if p.is_file())
    files[0].unlink()  # one removed, one edited, one added: every kind of change at once
    files[1].write_text(files[1].read_text(encoding="utf-8") + "\n" + NEW_REPORT, "utf-8")
    (seed_copy / "bao-cao-phin-ngan.txt").write_text(NEW_REPORT, encoding="utf-8")
    service.sync()
    after = service.snapshot()
    fresh = IndexSnapshot.load(service.data, service.client)
    assert after.chunks == fresh.chunks
    assert {c.source for c in after.chunks} != {c.source for c in before.chunks}
    kept = {c.chunk_id for c in before.chunks} & {c.chunk_id for c in after.chunks}
    assert kept  # the unchanged documents' chunks came through, as the same records
    assert all(after.chunks[after.row_of[k]] is before.chunks[before.row_of[k]] for k in kept)
    # Extractions too: the unchanged documents' come through, the rest as read afresh.
    assert after.extractions == fresh.extractions
    assert files[0].name not in after.extractions and "bao-cao-phin-ngan.txt" in after.extractions
    assert after.extractions[files[2].name] is before.extractions[files[2].name]
    service.close()


def test_new_extraction_code_is_read_in_full_not_reused(
    tmp_path: Path, seed_copy: Path, embedding_cache: Path
) -> None:
    service = IndexService(make_settings(tmp_path / "data", seed_copy, embedding_cache))
    service.sync()
    before = service.snapshot()
    generation = service.data.active_generation()
    assert generation is not None
    catalog = service.data.open_catalog(generation)
    source = sorted(before.extractions)[0]
    changed = Extraction(figures=(Figure("37", 37.0, "tổ an ninh", 0, 2),))
    catalog.replace_extractions({source: changed}, {EXTRACTION_META: "newer code"})
    catalog.close()
    service.reload()
    assert service.snapshot().extractions[source] == changed
    assert service.snapshot().extraction_code == "newer code"
    service.close()
