"""Asks answered by worker processes beside the server (`PA_ASK_WORKERS`).

The extractive answerer is pure Python: one process answers one ask at a time however
many cores the machine has (the interpreter lock), so officers asking at once queue
behind each other. Each worker process loads the committed index read-only and answers
asks with an assistant of its own; the server process stays the index's only writer and
keeps the chat page, documents, jobs and conversations, and hands each ask to a worker.

A worker never writes. It follows the writer's commits in the background, as replicas
follow each other (`IndexService.follow`), and before answering it catches up with the
index state the server saw when the ask came in: an ask sent once an upload's job has
finished is answered from the new document by whichever process takes it.
"""

from __future__ import annotations

import contextlib
import logging
import multiprocessing
import os
import signal
import threading
import time
from collections.abc import Iterator
from concurrent.futures import ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from dataclasses import dataclass

from assistant.answers import Answer, AnswerDelta, AnswerEvent
from assistant.conversation import History
from assistant.filters import SearchFilters
from assistant.live_index import IndexService
from assistant.pipeline import Assistant, build_assistant
from assistant.settings import Settings

logger = logging.getLogger(__name__)

MAX_AUTO_WORKERS = 8  # unset, no more than this: each holds a copy of the index
PARENT_POLL_S = 0.5
START_WAIT_S = 600  # how long a loaded worker waits for the others (a 100k index: ~10 s)

IndexState = tuple[str, int]  # (generation, catalog version) of a committed index


@dataclass
class _Worker:
    index: IndexService
    assistant: Assistant


_worker: _Worker | None = None  # the one assistant of a worker process


def _cores() -> int:
    """The cores this process may run on (a container's share, not the machine's)."""
    if hasattr(os, "sched_getaffinity"):
        return len(os.sched_getaffinity(0))
    return os.cpu_count() or 1


def ask_worker_count(settings: Settings) -> int:
    """How many ask workers the server starts (see `APISettings.ask_workers`)."""
    if settings.api.ask_workers is not None:
        return settings.api.ask_workers
    cores = min(_cores(), MAX_AUTO_WORKERS)
    return cores if cores >= 2 and settings.llm.backend == "extractive" else 0


def worker_settings(settings: Settings, chroma_url: str | None, workers: int) -> Settings:
    """What a worker runs with: the server's Chroma, and its share of the cores for the
    query embedder (N workers each using every core would only take turns)."""
    threads = settings.embedding.embed_threads or max(1, _cores() // workers)
    return settings.with_overrides(
        index={"chroma_url": chroma_url},
        embedding={"embed_threads": threads},
        api={"ask_workers": 0},
    )


def _start_worker(settings: Settings, started: threading.Barrier) -> None:
    global _worker
    # Ctrl+C in a terminal reaches the whole process group: the server stops its
    # workers itself once the asks they hold are answered.
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    threading.Thread(target=_end_with, args=(os.getppid(),), name="parent", daemon=True).start()
    index = IndexService(settings)
    index.snapshot()
    index.warm_up()
    index.follow()
    _worker = _Worker(index, build_assistant(settings, index))
    # A worker that failed to start is the pool's to report; this one serves anyway.
    with contextlib.suppress(threading.BrokenBarrierError):
        started.wait(START_WAIT_S)


def _end_with(parent: int) -> None:
    """End this worker once the server is gone, even killed outright: a worker's queue
    never closes on its own (the worker holds both of its ends)."""
    while os.getppid() == parent:
        time.sleep(PARENT_POLL_S)
    os._exit(0)


def _state(index: IndexService) -> IndexState:
    snapshot = index.snapshot()
    return snapshot.generation, snapshot.version


def _answer(
    seen: IndexState,
    question: str,
    history: History | None,
    filters: SearchFilters | None,
    top_k: int | None,
) -> Answer:
    worker = _worker
    assert worker is not None, "ask workers start with `_start_worker`"
    if _state(worker.index) != seen:
        worker.index.catch_up()  # the server saw a newer commit than this worker has
    return worker.assistant.ask(question, history, filters, top_k)


class AskWorkers:
    """A pool of `count` worker processes answering asks from the index `index` serves.

    Started by `start()` once the server's index is loaded; a worker that dies is
    replaced (the pool is made again) and the ask it held is asked once more.
    """

    def __init__(self, settings: Settings, index: IndexService, count: int) -> None:
        if count < 1:
            raise ValueError("a pool of ask workers needs at least one")
        self.settings = settings
        self.index = index
        self.count = count
        self._pool: ProcessPoolExecutor | None = None
        self._closed = False
        self._lock = threading.Lock()

    def start(self) -> None:
        """Start the workers and wait until every one has loaded the index.

        Raises:
            RuntimeError: the workers were closed.
        """
        with self._lock:
            if self._closed:
                raise RuntimeError("the ask workers are closed")
            if self._pool is None:
                self._pool = self._started_pool()

    def _started_pool(self) -> ProcessPoolExecutor:
        pool = self._new_pool()
        # One call per worker: the pool starts a process for each call it cannot hand to
        # an idle one, and a loaded worker waits for the others (see `_new_pool`).
        for future in [pool.submit(os.getpid) for _ in range(self.count)]:
            future.result()
        return pool

    def pids(self) -> list[int]:
        """The worker processes' ids (read without the lock a pool being replaced holds for
        seconds: readiness checks must not wait on it)."""
        pool = self._pool
        processes = dict(pool._processes or {}) if pool is not None else {}
        return sorted(p.pid for p in processes.values() if p.pid is not None and p.is_alive())

    def _current(self) -> ProcessPoolExecutor:
        self.start()
        assert self._pool is not None
        return self._pool

    def _new_pool(self) -> ProcessPoolExecutor:
        self.index.client  # noqa: B018 - starts the Chroma server the workers share
        settings = worker_settings(self.settings, self.index.chroma_url, self.count)
        context = multiprocessing.get_context("spawn")
        return ProcessPoolExecutor(
            max_workers=self.count,
            # Spawned, not forked: the server's threads (uvicorn's, the jobs', the
            # follower's) and the locks they hold would be copied mid-use.
            mp_context=context,
            initializer=_start_worker,
            # Each worker waits for the others once loaded, so the first asks sent (one
            # per worker, by `start`) are taken by every worker, not all by the first.
            initargs=(settings, context.Barrier(self.count)),
        )

    def _replace(self, broken: ProcessPoolExecutor) -> None:
        with self._lock:
            if self._pool is broken:
                logger.warning("an ask worker died; starting the ask workers again")
                broken.shutdown(wait=False, cancel_futures=True)
                self._pool = self._started_pool()

    def ask(
        self,
        question: str,
        history: History | None = None,
        filters: SearchFilters | None = None,
        top_k: int | None = None,
    ) -> Answer:
        seen = _state(self.index)
        pool = self._current()
        try:
            return pool.submit(_answer, seen, question, history, filters, top_k).result()
        except BrokenProcessPool:  # its worker died: asked once more of new workers
            self._replace(pool)
            return self._current().submit(_answer, seen, question, history, filters, top_k).result()

    def close(self) -> None:
        with self._lock:
            pool, self._pool, self._closed = self._pool, None, True
        if pool is not None:
            pool.shutdown(wait=True, cancel_futures=True)


class PooledAssistant(Assistant):
    """The server's assistant with its asks answered by `AskWorkers`; search and the
    rest stay in the server's process (the same objects as before)."""

    def __init__(self, local: Assistant, workers: AskWorkers) -> None:
        super().__init__(local.searcher, local.answerer, local.condenser)
        self.workers = workers

    def ask(
        self,
        question: str,
        history: History | None = None,
        filters: SearchFilters | None = None,
        top_k: int | None = None,
    ) -> Answer:
        return self.workers.ask(question, history, filters, top_k)

    def stream(
        self,
        question: str,
        history: History | None = None,
        filters: SearchFilters | None = None,
        top_k: int | None = None,
    ) -> Iterator[AnswerEvent]:
        """The worker's answer as one piece, then the `Answer` (the extractive answerer
        writes its whole answer before the first piece anyway)."""
        answer = self.ask(question, history, filters, top_k)
        yield AnswerDelta(answer.answer)
        yield answer
