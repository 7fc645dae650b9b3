"""`POST /v1/ask` under load: asks/s and p50/p95 latency at 1, 4 and 16 concurrent clients.

    .venv/bin/python bench/api_bench.py                 # ALQAC, reusing the eval index
    .venv/bin/python bench/api_bench.py --corpus seeds  # the five seed documents
    .venv/bin/python bench/api_bench.py --url http://127.0.0.1:8000  # a server already running
    .venv/bin/python bench/api_bench.py --mode cold --clients 1,16 --ask-workers 2

Each level gets N clients asking every question of the corpus once against
`policy-assistant serve` (a subprocess on a free loopback port): "cold" on a freshly
started server, so every query is embedded (the embedder is the bottleneck), and "warm"
on a server that has answered every question once, so query vectors come from its cache.
An index built by other indexing code is not caught up (that would re-embed the whole
corpus: ~8 min for ALQAC): the same app is then served under uvicorn with
`create_app(..., catch_up=False)`, answering from the index as it is.
"""

from __future__ import annotations

import argparse
import json
import os
import signal
import socket
import subprocess
import sys
import threading
import time
from collections.abc import Callable, Iterator
from contextlib import AbstractContextManager, contextmanager
from dataclasses import dataclass, field
from functools import partial
from pathlib import Path
from typing import Any

import httpx
from common import ALQAC, ALQAC_DATA, ALQAC_DOCUMENTS, REPO, percentiles

from assistant.live_index import IndexService
from assistant.settings import Settings
from index.builder import IndexBuilder, IndexConfig
from index.catalog import Catalog

CORPORA = {
    "alqac": (ALQAC_DOCUMENTS, ALQAC / "questions.jsonl", ALQAC_DATA),
    "seeds": (REPO / "documents", REPO.parent / "shared" / "eval" / "dev.jsonl",
              REPO / "data" / "bench-seeds"),
}  # fmt: skip


# Questions of no corpus, asked before measuring: the model and connections get warm,
# the query cache holds none of the measured questions.
WARM_UP = [f"Câu hỏi khởi động số {n} về văn bản pháp luật?" for n in range(6)]


ServerFactory = Callable[[], AbstractContextManager[str]]


@dataclass
class Level:
    clients: int
    latencies_ms: list[float] = field(default_factory=list)
    server_ms: list[float] = field(default_factory=list)
    errors: int = 0
    error_statuses: set[int] = field(default_factory=set)
    seconds: float = 0.0
    load: float = 0.0  # the machine's 1-minute load average when the level ended


def index_is_current(documents: Path, data_dir: Path) -> bool | None:
    """Whether the data dir's index was built by this code (None: there is none yet)."""
    settings = Settings().with_overrides(
        documents={"documents_dir": documents}, index={"data_dir": data_dir}
    )
    service = IndexService(settings)
    active = service.data.active_generation()
    if active is None or not service.data.catalog_path(active).exists():
        return None
    catalog = Catalog(service.data.catalog_path(active))
    try:
        config = IndexConfig(
            chunk_chars=settings.index.chunk_chars,
            context_prefix=settings.index.context_prefix,
            batch_size=settings.embedding.embed_batch_size,
        )
        return IndexBuilder(service.data, None, service.embedder, config)._matches(catalog)
    finally:
        catalog.close()


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def serve_as_is(documents: Path, data_dir: Path, port: int, workers: int = 1) -> None:
    """The server's app under uvicorn, answering from the index without catching up.

    With several workers, each is a process of its own loading the same read-only index
    (the derived structures from the same cache file); uvicorn shares the socket.
    """
    import uvicorn

    os.environ.update(PA_DOCUMENTS_DIR=str(documents), PA_DATA_DIR=str(data_dir))
    if workers > 1:
        uvicorn.run("api_bench:read_only_app", factory=True, workers=workers, host="127.0.0.1",
                    port=port, log_level="warning", app_dir=str(Path(__file__).parent))  # fmt: skip
    else:
        uvicorn.run(read_only_app(), host="127.0.0.1", port=port, log_level="warning")


def read_only_app() -> Any:
    """The app on the index named by PA_DOCUMENTS_DIR / PA_DATA_DIR, served as it is."""
    from assistant.api.app import create_app

    return create_app(Settings(), catch_up=False)


@contextmanager
def running_server(
    documents: Path, data_dir: Path, log: Path, catch_up: bool, workers: int = 1
) -> Iterator[str]:
    """`policy-assistant serve` (or the same app as it is) in a subprocess."""
    port = free_port()
    where = ["--documents", str(documents), "--data-dir", str(data_dir), "--port", str(port)]
    if catch_up and workers == 1:
        command = [sys.executable, "-m", "assistant", "serve", *where]
    else:
        command = [sys.executable, __file__, "--serve-as-is", "--workers", str(workers), *where]
    env = {
        k: v for k, v in os.environ.items() if k not in ("PA_API_KEYS", "PA_REQUIRE_KEY_FOR_READ")
    }
    env.update(GRADIO_ANALYTICS_ENABLED="False", HF_HUB_OFFLINE="1", ORT_DISABLE_TELEMETRY="1")
    with open(log, "wb") as out:
        process = subprocess.Popen(command, stdout=out, stderr=subprocess.STDOUT, cwd=REPO, env=env)
    try:
        yield f"http://127.0.0.1:{port}"
    finally:
        process.send_signal(signal.SIGINT)
        try:
            process.wait(timeout=60)
        except subprocess.TimeoutExpired:
            process.kill()


def wait_ready(url: str, timeout: float = 1800, in_a_row: int = 8) -> dict[str, Any]:
    """The readiness report once the index is loaded and the start-up sync has finished.

    Asked `in_a_row` times, each on a new connection, all ready: with several worker
    processes a connection goes to any of them, and one still loading answers 503.
    """
    deadline = time.monotonic() + timeout
    streak = 0
    while time.monotonic() < deadline:
        try:
            with httpx.Client(base_url=url, timeout=10) as client:
                ready = client.get("/readyz").json()
            job = ready.get("startup_job") or {}
            if ready.get("ready") and job.get("state") in ("succeeded", "failed", None):
                streak += 1
                if streak >= in_a_row:
                    return dict(ready)
                continue
        except (httpx.TransportError, ValueError):
            pass
        streak = 0
        time.sleep(0.5)
    raise TimeoutError(f"{url} was not ready within {timeout:.0f} s")


def run_level(url: str, questions: list[str], clients: int) -> Level:
    """`clients` threads, each on its own connection, asking every question once."""
    level, lock = Level(clients), threading.Lock()
    todo = iter(questions)

    def client_loop() -> None:
        with httpx.Client(base_url=url, timeout=120) as client:
            while True:
                with lock:
                    question = next(todo, None)
                if question is None:
                    return
                started = time.perf_counter()
                response = client.post("/v1/ask", json={"question": question})
                elapsed = (time.perf_counter() - started) * 1000
                with lock:
                    if response.status_code == 200:
                        level.latencies_ms.append(elapsed)
                        level.server_ms.append(response.json().get("elapsed_ms") or 0.0)
                    else:
                        level.errors += 1
                        level.error_statuses.add(response.status_code)

    threads = [threading.Thread(target=client_loop) for _ in range(clients)]
    started = time.perf_counter()
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    level.seconds = time.perf_counter() - started
    level.load = os.getloadavg()[0]
    return level


def print_table(levels: list[Level]) -> None:
    head = ("clients", "asks", "errors", "asks/s", "p50 ms", "p95 ms", "max ms", "server p50",
            "load")  # fmt: skip
    print(" ".join(f"{h:>10}" for h in head))
    for level in levels:
        p50, p95 = percentiles(level.latencies_ms)
        server_p50, _ = percentiles(level.server_ms)
        rate = len(level.latencies_ms) / level.seconds
        row = (level.clients, len(level.latencies_ms), level.errors, f"{rate:.1f}", f"{p50:.0f}",
               f"{p95:.0f}", f"{max(level.latencies_ms):.0f}", f"{server_p50:.0f}",
               f"{level.load:.1f}")  # fmt: skip
        print(" ".join(f"{v:>10}" for v in row))
        if level.errors:
            print(f"{'':>10} errors were HTTP {sorted(level.error_statuses)}")


def measure(url: str, questions: list[str], clients: int) -> Level:
    """One level: warm the model and connections on other questions, then measure."""
    wait_ready(url)
    run_level(url, WARM_UP, 2)
    return run_level(url, questions, clients)


def describe(url: str, questions: list[str]) -> None:
    ready = wait_ready(url)
    print(f"index: {ready['documents']} documents, {ready['chunks']} chunks; {os.cpu_count()} "
          f"cores; each level asks all {len(questions)} questions once")  # fmt: skip


def cold_levels(server: ServerFactory, questions: list[str], levels: list[int]) -> list[Level]:
    """A fresh server per level: every question is new to it (its query is embedded)."""
    results: list[Level] = []
    for clients in levels:
        with server() as url:
            if not results:
                describe(url, questions)
            results.append(measure(url, questions, clients))
    return results


def warm_levels(server: ServerFactory, questions: list[str], levels: list[int]) -> list[Level]:
    """One server that has answered every question once (query vectors are cached)."""
    with server() as url:
        wait_ready(url)
        run_level(url, questions, 2)
        return [measure(url, questions, clients) for clients in levels]


def parse_args() -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--corpus", choices=sorted(CORPORA), default="alqac")
    parser.add_argument("--url", help="bench a server already running at this URL")
    parser.add_argument("--data-dir", type=Path, help="index folder (default: the corpus's)")
    parser.add_argument("--clients", default="1,4,16", help="comma-separated levels")
    parser.add_argument("--mode", choices=("cold", "warm", "both"), default="both",
                        help="new questions, questions asked before, or both")  # fmt: skip
    parser.add_argument(
        "--allow-reindex", action="store_true", help="catch up even if it re-embeds"
    )
    parser.add_argument(
        "--workers", type=int, default=1, help="server processes (over 1: index read-only)"
    )
    parser.add_argument(
        "--ask-workers", type=int, help="ask worker processes of the server (PA_ASK_WORKERS)"
    )
    parser.add_argument("--serve-as-is", action="store_true", help=argparse.SUPPRESS)
    parser.add_argument("--documents", type=Path, help=argparse.SUPPRESS)
    parser.add_argument("--port", type=int, help=argparse.SUPPRESS)
    return parser.parse_args()


def main() -> int:
    args = parse_args()
    documents, questions_file, data_dir = CORPORA[args.corpus]
    data_dir = args.data_dir or data_dir
    if args.serve_as_is:
        serve_as_is(args.documents, data_dir, args.port, args.workers)
        return 0
    if args.ask_workers is not None:  # the server's subprocess reads it from the environment
        os.environ["PA_ASK_WORKERS"] = str(args.ask_workers)
    lines = questions_file.read_text(encoding="utf-8").splitlines()
    questions = [json.loads(line)["question"] for line in lines if line.strip()]
    levels = [int(n) for n in args.clients.split(",")]
    print(f"POST /v1/ask on {args.corpus} ({len(questions)} questions), extractive answers")
    if args.url:  # one server for every level: its caches carry over between them
        describe(args.url, questions)
        print_table([measure(args.url, questions, clients) for clients in levels])
        return 0
    catch_up = index_is_current(documents, data_dir) is not False or args.allow_reindex
    if not catch_up:
        print(f"note: {data_dir} was built by other indexing code; serving it as it is "
              "(catching up would re-embed the corpus)")  # fmt: skip
    log = data_dir.parent / f"api-bench-{args.corpus}.log"
    server = partial(running_server, documents, data_dir, log, catch_up, args.workers)
    if args.mode in ("cold", "both"):
        print("\ncold: every question new to the server")
        print_table(cold_levels(server, questions, levels))
    if args.mode in ("warm", "both"):
        print("\nwarm: every question asked once before (its query vector is cached)")
        print_table(warm_levels(server, questions, levels))
    return 0


if __name__ == "__main__":
    sys.exit(main())
