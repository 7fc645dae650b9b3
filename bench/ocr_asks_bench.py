"""Do asks stay fast while a long scan is read? `POST /v1/ask` latency on the seeds, with
the server idle and while it reads an uploaded 10-page scan by OCR.

    .venv/bin/python bench/ocr_asks_bench.py [--pages 10] [--rounds 3]

Starts `policy-assistant serve` on the five seed documents (a data dir of its own under
data/bench-seeds, as api_bench.py keeps), asks the dev questions one at a time (warm: each
asked once first, so query vectors are cached either way), then uploads a scan of
`--pages` A4 pages (tests/scans.py renders them: tilted, speckled) and asks the same
questions again, round after round, until the upload's job ends. Prints p50/p95/max of
both and how long the scan took to become answerable. The machine's load average is
printed too: on a shared machine it says how much of a figure is other people's work.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
import threading
import time
from pathlib import Path

import httpx
from api_bench import CORPORA, percentiles, running_server, wait_ready

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

from tests.scans import (  # noqa: E402
    PAGE_ONE,
    PAGE_TWO,
    ScanStyle,
    ocr_missing_reason,
    pages_pdf,
    render_page,
    wrap_lines,
)


def scan_of(pages: int) -> bytes:
    """`pages` pages of the invented directive, each tilted and speckled differently."""
    images = []
    for n in range(pages):
        style = ScanStyle(skew_degrees=(-1) ** n * (1 + n % 3 * 0.5), noise=0.01, seed=n)
        images.append(render_page(wrap_lines(PAGE_ONE + PAGE_TWO, style), style))
    return pages_pdf(images)


def ask_all(client: httpx.Client, questions: list[str]) -> list[float]:
    latencies = []
    for question in questions:
        started = time.perf_counter()
        response = client.post("/v1/ask", json={"question": question})
        response.raise_for_status()
        latencies.append((time.perf_counter() - started) * 1000)
    return latencies


def upload_and_index(url: str, scan: bytes, done: threading.Event) -> None:
    """Upload the scan and wait for its indexing job; `done` is set when it has ended."""
    try:
        with httpx.Client(base_url=url, timeout=900) as client:
            upload = client.post("/v1/documents", files={"file": ("quet.pdf", scan)})
            upload.raise_for_status()
            job = upload.json()
            while job["state"] not in ("succeeded", "failed"):
                job = client.get(f"/v1/jobs/{job['id']}", params={"wait": 30}).json()
    finally:
        done.set()


def line(label: str, latencies: list[float]) -> str:
    p50, p95 = percentiles(latencies)
    return (
        f"{label:<28} asks {len(latencies):>3}  p50 {p50:7.0f} ms  p95 {p95:7.0f} ms"
        f"  max {max(latencies):7.0f} ms  load {os.getloadavg()[0]:.1f}"
    )


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n", 1)[0])
    parser.add_argument("--pages", type=int, default=10)
    parser.add_argument("--rounds", type=int, default=3, help="idle rounds of questions")
    args = parser.parse_args()
    if missing := ocr_missing_reason():
        print(f"OCR asks bench skipped: {missing}")
        return 0
    documents, question_file, data_dir = CORPORA["seeds"]
    rows = [json.loads(x) for x in question_file.read_text(encoding="utf-8").splitlines() if x]
    questions = [row["question"] for row in rows]
    scan = scan_of(args.pages)
    data_dir.mkdir(parents=True, exist_ok=True)
    log = data_dir.parent / "ocr-asks-bench-server.log"
    with running_server(documents, data_dir, log, True) as url:
        wait_ready(url)
        with httpx.Client(base_url=url, timeout=300) as client:
            ask_all(client, questions)  # warm: models loaded, query vectors cached
            idle = [ms for _ in range(args.rounds) for ms in ask_all(client, questions)]
            print(line("idle", idle))
            reading: list[float] = []
            done = threading.Event()
            started = time.perf_counter()
            # The upload request itself reads the scan (it is checked before it is accepted),
            # then its job indexes it: asks go on from another connection all the while.
            uploader = threading.Thread(target=upload_and_index, args=(url, scan, done))
            uploader.start()
            while not done.is_set():
                reading += ask_all(client, questions)
            uploader.join()
            seconds = time.perf_counter() - started
            print(line(f"while reading {args.pages} pages", reading))
            print(f"{args.pages}-page scan uploaded, read and indexed in {seconds:.1f} s")
            client.delete("/v1/documents/quet.pdf")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
