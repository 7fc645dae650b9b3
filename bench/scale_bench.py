"""Retrieval, asking, memory, disk and index upkeep at 10k, 30k and 100k passages.

    .venv/bin/python bench/scale_bench.py                     # 10000,30000,100000
    .venv/bin/python bench/scale_bench.py --passages 10000    # one size
    .venv/bin/python bench/scale_bench.py --keep-derived      # no rebuild of the keyword index

The corpora (`bench/scale_corpus.py`, kept under data/bench/scale/) hold the real ALQAC
2022 articles, police-dev documents and seeds, embedded once by `policy-assistant eval`,
and synthetic copies of them with perturbed text and vectors up to the passage count.
Each size is measured in its own process, so its memory is that of one replica. Questions
are ALQAC's (accented), each embedded afresh; recall@1 is against the real gold article
with every synthetic near-copy competing for the first place.
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

import numpy as np
import scale_corpus
from common import ALQAC, REPO, percentiles

from assistant.intake import DocumentIntake
from assistant.live_index import IndexService
from assistant.pipeline import Assistant, build_assistant
from assistant.settings import Settings
from index import snapshot as snapshots
from index.catalog import Catalog
from index.keyword import Bm25KeywordIndex
from index.restore import DiacriticRestorer

SCALE_ROOT = REPO / "data" / "bench" / "scale"
# A document of our own for "time to add one": invented commune, invented figure.
NEW_DOCUMENT = (
    "BÁO CÁO\nKết quả xây dựng lực lượng an ninh cơ sở năm 2024 của xã Nà Khuổi Lìm\n\n"
    "Năm 2024, Công an xã Nà Khuổi Lìm đã phối hợp với các thôn thành lập 47 tổ an ninh "
    "tự quản, với 312 thành viên tham gia tuần tra ban đêm. Các tổ đã phát hiện và báo tin "
    "19 vụ việc, góp phần giữ vững an ninh trật tự trên địa bàn xã.\n"
)
NEW_QUESTION = "Xã Nà Khuổi Lìm đã thành lập bao nhiêu tổ an ninh tự quản?"


def note(what: str) -> None:
    """Progress on stderr (the child's stdout is its JSON result)."""
    print(f"{time.strftime('%H:%M:%S')} {what}", file=sys.stderr, flush=True)


def rss_mb() -> float:
    """This process's resident memory now (MB)."""
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) / 1024
    return 0.0


def rebuild_derived(service: IndexService) -> dict[str, float]:
    """Time what a snapshot derives from the chunks, from nothing, and cache it on disk."""
    data = service.data
    generation = data.active_generation() or ""
    for cache in data.generation_dir(generation).glob("derived-v*.pkl"):
        cache.unlink()
    started = time.perf_counter()
    catalog = Catalog(data.catalog_path(generation))
    with catalog.reading():
        version = catalog.version
        documents = {record.source: record for record in catalog.documents()}
        chunks = [c for c in catalog.chunks() if c.source in documents]
    catalog.close()
    read = time.perf_counter()
    texts = [snapshots.keyword_text(documents[c.source], c) for c in chunks]
    keyword = Bm25KeywordIndex(texts, [c.chunk_id for c in chunks])
    keyword_done = time.perf_counter()
    restorer = DiacriticRestorer.from_texts(snapshots.restorer_texts(list(documents.values())))
    restorer_done = time.perf_counter()
    derived = snapshots._Derived(snapshots._derived_format(), keyword, restorer)
    snapshots._store_derived(data.generation_dir(generation) / f"derived-v{version}.pkl", derived)
    return {"catalog_read_s": read - started, "keyword_rebuild_s": keyword_done - read,
            "restorer_rebuild_s": restorer_done - keyword_done,
            "derived_store_s": time.perf_counter() - restorer_done}  # fmt: skip


def questions(limit: int) -> list[dict[str, Any]]:
    lines = (ALQAC / "questions.jsonl").read_text(encoding="utf-8").splitlines()
    rows = [json.loads(line) for line in lines if line.strip()]
    return rows[:: max(1, len(rows) // limit)][:limit]


def measure_questions(service: IndexService, settings: Settings, limit: int) -> dict[str, float]:
    assistant = build_assistant(settings, service)
    embedder = service.embedder
    search_ms, ask_ms, hits = [], [], 0
    for row in questions(limit):
        embedder.clear_query_cache()  # type: ignore[attr-defined]
        started = time.perf_counter()
        result = assistant.search(row["question"])
        search_ms.append((time.perf_counter() - started) * 1000)
        top = result.passages[0].source if result.passages else ""
        hits += top == f"alqac/{row['sources'][0]}"
        embedder.clear_query_cache()  # type: ignore[attr-defined]
        started = time.perf_counter()
        assistant.ask(row["question"])
        ask_ms.append((time.perf_counter() - started) * 1000)
    for row in questions(limit):  # every vector in the cache (each ask above cleared it)
        assistant.search(row["question"])
    warm_ms = []  # the same questions with their vectors cached: the index's own share
    for row in questions(limit):
        started = time.perf_counter()
        assistant.search(row["question"])
        warm_ms.append((time.perf_counter() - started) * 1000)
    search_p50, search_p95 = percentiles(search_ms)
    ask_p50, ask_p95 = percentiles(ask_ms)
    warm_p50, warm_p95 = percentiles(warm_ms)
    return {"retrieval_p50_ms": search_p50, "retrieval_p95_ms": search_p95,
            "retrieval_cached_vector_p50_ms": warm_p50,
            "retrieval_cached_vector_p95_ms": warm_p95,
            "ask_p50_ms": ask_p50, "ask_p95_ms": ask_p95,
            "recall_at_1": hits / len(search_ms), "questions": len(search_ms)}  # fmt: skip


def add_one_document(service: IndexService, settings: Settings) -> dict[str, Any]:
    """Seconds until a question about a new document is answered from it, two ways.

    Uploaded: checked and saved as `POST /v1/documents` does (`DocumentIntake`), then
    synced by name as its job does. Dropped into the folder: found by a full sync (what
    `POST /v1/index/sync` and the folder watcher do). Each copy carries a line of its own, so its
    passage is embedded, not taken from the embedding cache.
    """
    assistant = build_assistant(settings, service)
    folder = settings.documents.documents_dir
    intake = DocumentIntake(folder, 1 << 20, indexed_with=service.documents_with)  # as served
    text = f"{NEW_DOCUMENT}Số hiệu lưu trữ {time.time_ns()}.\n"
    started = time.perf_counter()
    saved = intake.save("bao-cao-moi.txt", text.encode("utf-8"))
    intake_s = time.perf_counter() - started
    report = service.sync(only=[saved.source])
    upload = _answered(assistant, saved.source, started)
    removed_started = time.perf_counter()
    intake.delete(saved.source)
    service.sync(only=[saved.source])
    removed_s = time.perf_counter() - removed_started

    path = folder / "new" / "bao-cao-moi.txt"
    path.parent.mkdir(exist_ok=True)
    started = time.perf_counter()
    path.write_text(f"{NEW_DOCUMENT}Số hiệu lưu trữ {time.time_ns()}.\n", encoding="utf-8")
    service.sync()
    dropped = _answered(assistant, "new/bao-cao-moi.txt", started)
    path.unlink()
    folder_removed_started = time.perf_counter()
    service.sync()
    return {"add_document_s": upload["seconds"], "add_intake_s": intake_s,
            "add_sync_s": report.seconds, "add_answered": upload["answered"],
            "remove_document_s": removed_s,
            "add_by_folder_s": dropped["seconds"], "add_by_folder_answered": dropped["answered"],
            "remove_by_folder_s": time.perf_counter() - folder_removed_started}  # fmt: skip


def _answered(assistant: Assistant, source: str, started: float) -> dict[str, Any]:
    """Ask about the new document: seconds since `started`, and whether it answered."""
    answer = assistant.ask(NEW_QUESTION)
    cited = [c.document for c in answer.citations]
    answered = "47" in answer.answer and cited[:1] == [source]
    return {"seconds": time.perf_counter() - started, "answered": answered}


def measure(passages: int, limit: int, rebuild: bool = True) -> dict[str, Any]:
    root = SCALE_ROOT / f"p{passages}"
    built_started = time.perf_counter()
    counts = scale_corpus.build(passages, root)
    result: dict[str, Any] = {**counts, "build_s": time.perf_counter() - built_started}
    scale_corpus.stamp_current_pipeline(root)
    settings = Settings().with_overrides(
        documents={"documents_dir": root / "documents"},
        index={"data_dir": root / "data", "chroma_url": ""},
    )
    result["rss_start_mb"] = rss_mb()
    note(f"{passages} passages: corpus ready")
    if rebuild:
        result.update(rebuild_derived(IndexService(settings)))
        note("derived")
    service = IndexService(settings)  # a replica starting on the cached structures
    started = time.perf_counter()
    snapshot = service.snapshot()
    result["load_s"] = time.perf_counter() - started
    service.embedder.embed_query("khởi động")
    result["rss_loaded_mb"] = rss_mb()
    result.update(measure_questions(service, settings, limit))
    note("questions measured")
    result["rss_after_questions_mb"] = rss_mb()
    result["peak_rss_mb"] = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    generation = service.data.generation_dir(snapshot.generation)
    result["disk_chroma_mb"] = scale_corpus.folder_bytes(root / "data" / "chroma") / 2**20
    result["disk_catalog_mb"] = (generation / "catalog.sqlite").stat().st_size / 2**20
    result["disk_derived_mb"] = sum(p.stat().st_size for p in generation.glob("derived-*")) / 2**20
    result["disk_documents_mb"] = scale_corpus.folder_bytes(root / "documents") / 2**20
    result.update(add_one_document(service, settings))
    result["load_avg"] = os.getloadavg()[0]
    service.close()
    return result


GROWTH_KEYS = ("retrieval_p50_ms", "retrieval_p95_ms", "retrieval_cached_vector_p50_ms",
               "retrieval_cached_vector_p95_ms", "ask_p95_ms", "rss_loaded_mb",
               "disk_chroma_mb", "disk_catalog_mb", "disk_derived_mb", "load_s",
               "catalog_read_s", "keyword_rebuild_s", "restorer_rebuild_s", "derived_store_s",
               "add_document_s", "add_sync_s", "add_by_folder_s", "recall_at_1")  # fmt: skip


def print_table(rows: list[dict[str, Any]]) -> None:
    sizes = [row["chunks"] for row in rows]
    print(f"{'':24}" + "".join(f"{n:>12,}" for n in sizes) + "   growth per 10x passages")
    keys = list(rows[0])
    for key in keys:
        values = [row.get(key) for row in rows]
        cells = "".join(f"{v:>12.3f}" if isinstance(v, float) else f"{v!s:>12}" for v in values)
        growth = ""
        if (
            key in GROWTH_KEYS
            and len(rows) > 1
            and all(isinstance(v, float) and v > 0 for v in values)
        ):
            slope = np.polyfit(np.log10(sizes), np.log10(values), 1)[0]  # type: ignore[arg-type]
            growth = f"   x{10**slope:.2f} (exponent {slope:.2f})"
        print(f"{key:24}{cells}{growth}")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--passages", default="10000,30000,100000", help="comma-separated sizes")
    parser.add_argument("--questions", type=int, default=200, help="ALQAC questions asked")
    parser.add_argument("--keep-derived", action="store_true",
                        help="start from the cached keyword index and restorer instead of "
                        "timing their rebuild from nothing (minutes at 100k)")  # fmt: skip
    parser.add_argument("--one", type=int, help=argparse.SUPPRESS)  # child: measure one size
    args = parser.parse_args()
    if args.one:
        print(json.dumps(measure(args.one, args.questions, not args.keep_derived)))
        return 0
    print("synthetic passages: copies of real documents with perturbed text and vectors "
          "(see bench/scale_corpus.py); real: ALQAC 2022, police-dev, seeds")  # fmt: skip
    rows = []
    for size in (int(n) for n in args.passages.split(",")):
        child = [sys.executable, __file__, "--one", str(size), "--questions", str(args.questions)]
        child += ["--keep-derived"] if args.keep_derived else []
        output = subprocess.run(child, check=True, stdout=subprocess.PIPE, text=True).stdout
        rows.append(json.loads(output.strip().splitlines()[-1]))
        print(f"measured {size:,} passages (load average {rows[-1]['load_avg']:.1f})", flush=True)
    print_table(rows)
    return 0


if __name__ == "__main__":
    sys.exit(main())
