"""Index ALQAC from scratch; print chunks/s, pipeline overhead over raw embedding, and the
time of a re-index with nothing changed.

    .venv/bin/python bench/index_bench.py [--limit N] [--raw]

Embedding dominates on 2 cores (~8 min for ALQAC): the pipeline must add little to it.
Overhead = pipeline wall time / time spent inside the embedder on the same texts; with
--raw the same texts are also embedded again standalone, in the same batches, to compare.
"""

from __future__ import annotations

import argparse
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from common import ALQAC_DOCUMENTS, REPO

from assistant.live_index import IndexService
from assistant.settings import Settings
from index.embedders import FingerprintedEmbeddings, make_embedder


class TimedEmbedder(FingerprintedEmbeddings):
    """The real embedder, recording what it embeds and how long that takes."""

    def __init__(self, inner: FingerprintedEmbeddings) -> None:
        self.inner, self.fingerprint, self.dimension = inner, inner.fingerprint, inner.dimension
        self.batches: list[list[str]] = []
        self.seconds = 0.0

    def embed_documents(self, texts: list[str]) -> list[list[float]]:
        started = time.perf_counter()
        vectors = self.inner.embed_documents(texts)
        self.seconds += time.perf_counter() - started
        self.batches.append(list(texts))
        return vectors

    def embed_query(self, text: str) -> list[float]:
        return self.inner.embed_query(text)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--limit", type=int, help="index only the first N documents")
    parser.add_argument("--raw", action="store_true", help="also time standalone embedding")
    args = parser.parse_args()
    work = Path(tempfile.mkdtemp(prefix="pa-index-bench-"))
    documents = ALQAC_DOCUMENTS
    if args.limit:
        documents = work / "documents"
        documents.mkdir()
        for path in sorted(ALQAC_DOCUMENTS.glob("*.txt"))[: args.limit]:
            shutil.copy(path, documents / path.name)
    settings = Settings().with_overrides(
        documents={"documents_dir": documents}, index={"data_dir": work / "data"}
    )
    service = IndexService(settings)
    timed = TimedEmbedder(make_embedder(settings.embedding))
    service.embedder.inner = timed  # type: ignore[attr-defined]  # measure inside the cache

    report = service.sync()
    chunks = report.chunks_indexed
    print(f"documents            {len(report.added)}")
    print(f"chunks               {chunks}")
    print(f"pipeline time        {report.seconds:.1f} s")
    print(f"embedding time       {timed.seconds:.1f} s (inside the pipeline)")
    print(f"chunks/s             {chunks / report.seconds:.2f}")
    print(f"overhead             {report.seconds / timed.seconds:.3f} x embedding time")
    if args.raw:
        raw = make_embedder(settings.embedding)
        started = time.perf_counter()
        for batch in timed.batches:
            raw.embed_documents(batch)
        raw_seconds = time.perf_counter() - started
        print(f"raw embedding        {raw_seconds:.1f} s (same texts, same batches, standalone)")
        print(f"overhead vs raw      {report.seconds / raw_seconds:.3f}")

    again = service.sync()
    print(f"re-index, unchanged  {again.seconds:.3f} s in process ({again.unchanged} unchanged)")
    started = time.perf_counter()
    subprocess.run(
        [sys.executable, "-m", "assistant", "index", "--quiet",
         "--documents", str(documents), "--data-dir", str(work / "data")],
        cwd=REPO, check=True, capture_output=True,
    )  # fmt: skip
    print(f"re-index, unchanged  {time.perf_counter() - started:.3f} s as a command (with imports)")
    service.close()
    shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
