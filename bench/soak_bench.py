"""Soak: minutes of mixed traffic from concurrent clients against a real server.

    .venv/bin/python bench/soak_bench.py [--minutes 30] [--clients 4] [--rebuild-every 90]

Starts `policy-assistant serve` on a loopback port over a temporary copy of the seeds, keys
set (`bench/hardening_bench.py`'s `serve`), then until the time is up each client asks
(questions cut from the seeds' own sentences, and a few about the invented directives), or
now and then uploads a small invented directive or deletes one it uploaded (never more than
MAX_UPLOADED at once, the rest deleted at the end), waiting for each write's job; a full
rebuild is asked for every `--rebuild-every` seconds. Prints errors (any 5xx or transport
error), other refusals, failed jobs, ask p50/p95, and the resident memory of the server and
all its child processes after warm-up and at the end, with the growth in %.
"""

from __future__ import annotations

import argparse
import json
import random
import re
import signal
import sys
import tempfile
import threading
import time
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import httpx
from common import REPO, percentiles
from hardening_bench import KEY, serve, tree_rss

WRITE_SHARE = 0.1  # of a client's turns: an upload or a delete
MAX_UPLOADED = 3  # invented directives in the folder at once
JOB_TIMEOUT_S = 300
ID_IN_PATH = re.compile(r"/v1/(documents|jobs)/.+")  # counted together, whatever the id
TOPICS = [
    ("tổ tuần tra an ninh nhân dân", "tuần tra ban đêm tại các thôn, tổ dân phố"),
    ("điểm tuyên truyền pháp luật", "tuyên truyền phòng, chống lừa đảo qua mạng"),
    ("đội phòng cháy chữa cháy cơ sở", "kiểm tra an toàn phòng cháy tại chợ và nhà trọ"),
    ("chốt kiểm soát giao thông", "xử lý vi phạm nồng độ cồn vào dịp lễ, Tết"),
]
INVENTED_QUESTIONS = [f"Tỉnh cần thành lập bao nhiêu {noun}?" for noun, _ in TOPICS]


def provinces() -> list[str]:
    places = json.loads((REPO / "index" / "data" / "places.json").read_text(encoding="utf-8"))
    return [p["name"] for p in places["provinces_2025"]]


def invented_directive(rng: random.Random, number: int, province: str) -> str:
    """A short directive of our own: a number, a province, one counted duty."""
    noun, duty = rng.choice(TOPICS)
    count, year = rng.randint(12, 480), rng.randint(2021, 2025)
    return (
        f"ỦY BAN NHÂN DÂN TỈNH {province.upper()}\n\nSố: {number}/CT-UBND\n"
        f"{province}, ngày {rng.randint(1, 28)} tháng {rng.randint(1, 12)} năm {year}\n\n"
        f"CHỈ THỊ\nVề tăng cường {duty}\n\nChủ tịch Ủy ban nhân dân tỉnh yêu cầu:\n\n"
        f"1. Công an tỉnh chỉ đạo Công an các xã thành lập {count} {noun}, "
        f"hoàn thành trong quý {rng.randint(1, 4)} năm {year}.\n\n"
        f"2. Ủy ban nhân dân các xã bố trí kinh phí để {duty}.\n"
    )


def seed_questions(documents: Path, rng: random.Random, count: int = 40) -> list[str]:
    """Questions made from the seeds' own sentences: the opening words of one, asked."""
    sentences = []
    for path in sorted(documents.iterdir()):
        text = path.read_text(encoding="utf-8", errors="replace")
        for sentence in re.split(r"(?<=[.;:])\s+|\n+", text):
            words = sentence.split()
            if 8 <= len(words) <= 40:
                sentences.append(" ".join(words[:10]).rstrip(".,;:") + " như thế nào?")
    return rng.sample(sentences, min(count, len(sentences)))


@dataclass
class Soak:
    """The shared state of the clients: what they did, what went wrong, what is uploaded."""

    url: str
    deadline: float
    questions: list[str]
    places: list[str]
    lock: threading.Lock = field(default_factory=threading.Lock)
    ask_ms: list[float] = field(default_factory=list)
    done: Counter[str] = field(default_factory=Counter)
    errors: Counter[str] = field(default_factory=Counter)  # 5xx and transport errors
    refused: Counter[str] = field(default_factory=Counter)  # other non-2xx answers
    failed_jobs: list[str] = field(default_factory=list)
    uploaded: list[str] = field(default_factory=list)
    next_number: int = 100

    def client(self) -> httpx.Client:
        return httpx.Client(base_url=self.url, timeout=120, headers={"X-API-Key": KEY})

    def request(self, client: httpx.Client, method: str, path: str, **kwargs: Any) -> Any:
        """The JSON reply of a 2xx answer; None (counted) for anything else."""
        label = method + " " + ID_IN_PATH.sub(r"/v1/\g<1>/{id}", path)
        try:
            response = client.request(method, path, **kwargs)
        except httpx.TransportError as error:
            with self.lock:
                self.errors[f"{label}: {type(error).__name__}"] += 1
            return None
        with self.lock:
            self.done[label] += 1
            if response.status_code >= 500:
                self.errors[f"{label}: {response.status_code}"] += 1
            elif response.status_code >= 300:
                self.refused[f"{label}: {response.status_code}"] += 1
        return response.json() if response.is_success else None

    def ask(self, client: httpx.Client, rng: random.Random) -> None:
        started = time.perf_counter()
        body = self.request(
            client, "POST", "/v1/ask", json={"question": rng.choice(self.questions)}
        )
        if body is not None:
            with self.lock:
                self.ask_ms.append((time.perf_counter() - started) * 1000)

    def finish(self, client: httpx.Client, job: Any) -> Any:
        """The job of a write once it has succeeded, else None (a failed job is recorded)."""
        if job is None:
            return None
        give_up = time.monotonic() + JOB_TIMEOUT_S
        while job["state"] not in ("succeeded", "failed") and time.monotonic() < give_up:
            job = self.request(client, "GET", f"/v1/jobs/{job['id']}", params={"wait": 30})
            if job is None:
                return None
        if job["state"] != "succeeded":
            with self.lock:
                self.failed_jobs.append(
                    f"{job['kind']} {job['id']}: {job['state']} {job['message']}"
                )
            return None
        return job

    def write(self, client: httpx.Client, rng: random.Random) -> None:
        """Upload an invented directive, or delete one when enough are in."""
        with self.lock:
            delete = len(self.uploaded) >= MAX_UPLOADED or bool(
                self.uploaded and rng.random() < 0.5
            )
            source = self.uploaded.pop(rng.randrange(len(self.uploaded))) if delete else ""
            self.next_number += 1
            number = self.next_number
        if delete:
            self.finish(client, self.request(client, "DELETE", f"/v1/documents/{source}"))
            return
        name = f"chi-thi-{number}-soak.txt"
        text = invented_directive(rng, number, rng.choice(self.places))
        job = self.request(client, "POST", "/v1/documents", files={"file": (name, text.encode())})
        if job is not None:  # saved (a failed job still leaves the file to delete)
            self.finish(client, job)
            with self.lock:
                self.uploaded.append(name)

    def run_client(self, seed: int) -> None:
        rng = random.Random(seed)
        with self.client() as client:
            while time.monotonic() < self.deadline:
                if rng.random() < WRITE_SHARE:
                    self.write(client, rng)
                else:
                    self.ask(client, rng)

    def run_rebuilds(self, every_s: float) -> None:
        with self.client() as client:
            while time.monotonic() + every_s < self.deadline:
                time.sleep(every_s)
                self.finish(client, self.request(client, "POST", "/v1/index/rebuild"))

    def clean_up(self) -> None:
        """Delete what is still uploaded, so the folder ends as it began."""
        with self.client() as client:
            for source in self.uploaded:
                self.finish(client, self.request(client, "DELETE", f"/v1/documents/{source}"))
            self.uploaded.clear()


def sample_peak(pid: int, stop: threading.Event, peak: list[int]) -> None:
    while not stop.wait(5):
        peak[0] = max(peak[0], tree_rss(pid))


def run(url: str, pid: int, documents: Path, args: argparse.Namespace) -> None:
    rng = random.Random(args.seed)
    questions = seed_questions(documents, rng) + INVENTED_QUESTIONS
    soak = Soak(url, 0.0, questions, provinces())
    with soak.client() as client:  # warm-up: every path once (parse workers started), at rest
        for question in questions:
            soak.request(client, "POST", "/v1/ask", json={"question": question})
        soak.write(client, rng)  # an upload
        soak.write(client, rng)  # its delete, or a second upload
        soak.clean_up()
        soak.finish(client, soak.request(client, "POST", "/v1/index/rebuild"))
        before = len(client.get("/v1/documents").json()["documents"])
    soak.done.clear()
    start_rss, peak, stop = tree_rss(pid), [0], threading.Event()
    print(f"{args.clients} clients, {args.minutes} min; server + children after warm-up: "
          f"{start_rss / 2**20:.0f} MB, {before} documents")  # fmt: skip
    started = time.monotonic()
    soak.deadline = started + args.minutes * 60
    workers: list[tuple[Callable[..., None], tuple[Any, ...]]] = [
        *((soak.run_client, (args.seed + n,)) for n in range(args.clients)),
        (soak.run_rebuilds, (args.rebuild_every,)),
        (sample_peak, (pid, stop, peak)),
    ]
    threads = [threading.Thread(target=target, args=a, daemon=True) for target, a in workers]
    for thread in threads:
        thread.start()
    for thread in threads[:-1]:
        thread.join()
    soak.clean_up()
    elapsed = time.monotonic() - started
    stop.set()
    time.sleep(2)  # let the last job's worker processes end
    end_rss = tree_rss(pid)
    with soak.client() as client:  # a last sync, in case the last write's job failed
        soak.finish(client, soak.request(client, "POST", "/v1/index/sync"))
        listed = sorted(d["id"] for d in client.get("/v1/documents").json()["documents"])
    in_folder = sorted(p.name for p in documents.iterdir())
    print(f"documents: {before} at start, {len(listed)} at end; "
          f"listed = files in the folder: {listed == in_folder}")  # fmt: skip
    report(soak, elapsed, start_rss, max(peak[0], end_rss), end_rss)


def report(soak: Soak, elapsed: float, start: int, peak: int, end: int) -> None:
    p50, p95 = percentiles(soak.ask_ms) if soak.ask_ms else (0.0, 0.0)
    total = sum(soak.done.values())
    print(f"{total} requests in {elapsed:.0f} s ({total / elapsed:.1f}/s):")
    for label, count in sorted(soak.done.items()):
        print(f"  {label}: {count}")
    print(f"errors (5xx or transport): {sum(soak.errors.values())} {dict(soak.errors)}")
    print(f"other non-2xx: {sum(soak.refused.values())} {dict(soak.refused)}")
    print(f"failed jobs: {len(soak.failed_jobs)} {soak.failed_jobs[:5]}")
    print(f"ask latency: p50 {p50:.0f} ms, p95 {p95:.0f} ms ({len(soak.ask_ms)} answered)")
    growth = (end - start) / start * 100
    print(f"memory of server + children: start {start / 2**20:.0f} MB, end {end / 2**20:.0f} MB "
          f"({growth:+.1f}%), peak {peak / 2**20:.0f} MB")  # fmt: skip


def main() -> int:
    parser = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    parser.add_argument("--minutes", type=float, default=30, help="length of the traffic")
    parser.add_argument("--clients", type=int, default=4, help="concurrent clients (1-32)")
    parser.add_argument("--rebuild-every", type=float, default=90, help="seconds between rebuilds")
    parser.add_argument("--seed", type=int, default=10)
    args = parser.parse_args()
    if not (0 < args.minutes <= 240 and 1 <= args.clients <= 32 and args.rebuild_every >= 10):
        parser.error("--minutes must be in (0, 240], --clients in [1, 32], --rebuild-every >= 10")
    signal.signal(signal.SIGTERM, lambda *_: sys.exit(143))  # stop the server on the way out
    with tempfile.TemporaryDirectory(prefix="soak-") as tmp:
        process, url = serve(Path(tmp))
        try:
            run(url, process.pid, Path(tmp) / "documents", args)
        finally:
            process.terminate()
            process.wait(60)
    return 0


if __name__ == "__main__":
    sys.exit(main())
