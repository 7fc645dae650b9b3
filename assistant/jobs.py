"""Index writes as jobs, run one at a time by a background worker.

Uploads, deletions, syncs and rebuilds all change the index; the index has one writer, so
they queue here and run in order while questions keep being answered from the current
snapshot. A job reports its progress (documents done of total) and ends with a result.
Given a `JobStore`, the runner keeps every job there too, so the list survives a restart.
"""

from __future__ import annotations

import builtins
import dataclasses
import logging
import queue
import secrets
import threading
import time
from collections import OrderedDict
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import UTC, datetime
from enum import StrEnum
from typing import TYPE_CHECKING, Any

from assistant.allocator import release_free_memory

if TYPE_CHECKING:
    from assistant.job_store import JobStore

logger = logging.getLogger(__name__)

Progress = Callable[[int, int], None]
Work = Callable[[Progress], dict[str, Any]]
JOB_KINDS = ("upload", "delete", "rebuild", "sync", "reindex")
CANCELLED = "cancelled: the server was shutting down"


class JobState(StrEnum):
    queued = "queued"
    running = "running"
    succeeded = "succeeded"
    failed = "failed"

    @property
    def finished(self) -> bool:
        return self in (JobState.succeeded, JobState.failed)


class UnknownJobError(LookupError):
    """No job has this id (or it is too old to be remembered)."""

    def __init__(self, job_id: str) -> None:
        super().__init__(f"no job with id {job_id!r}")
        self.job_id = job_id


def _now() -> str:
    return datetime.now(UTC).isoformat(timespec="milliseconds")


@dataclass(frozen=True)
class Job:
    """One index write as callers see it: a frozen copy, safe to hand to any thread."""

    id: str
    kind: str
    state: JobState = JobState.queued
    done: int = 0
    total: int = 0
    message: str = ""
    result: dict[str, Any] = field(default_factory=dict)
    created_at: str = field(default_factory=_now)
    finished_at: str | None = None

    @property
    def finished(self) -> bool:
        return self.state.finished

    def to_dict(self) -> dict[str, Any]:
        data = dataclasses.asdict(self)
        data["state"] = self.state.value
        return data


class JobRunner:
    """Runs submitted work one job at a time in a single worker thread, in order."""

    def __init__(self, keep: int = 500, store: JobStore | None = None) -> None:
        self._keep = keep
        self._store = store
        self._jobs: OrderedDict[str, Job] = OrderedDict()
        for job in store.load(keep) if store is not None else ():
            self._jobs[job.id] = job
        self._work: dict[str, Work] = {}
        self._queue: queue.Queue[str | None] = queue.Queue()
        self._changed = threading.Condition()
        self._worker: threading.Thread | None = None
        self._closed = False

    def submit(self, kind: str, work: Work) -> Job:
        """Queue `work(progress)`; its returned dict becomes the job's result."""
        if kind not in JOB_KINDS:
            raise ValueError(f"unknown job kind {kind!r}; expected one of {JOB_KINDS}")
        with self._changed:
            if self._closed:
                raise RuntimeError("the job runner is closed")
            job = self._remember(Job(id=_new_id(), kind=kind))
            self._work[job.id] = work
            self._start_worker()
        self._queue.put(job.id)
        return job

    def finished(self, kind: str, result: dict[str, Any], message: str) -> Job:
        """Record a job that needed no work (e.g. an upload of a file already indexed)."""
        job = Job(id=_new_id(), kind=kind, state=JobState.succeeded, message=message,
                  result=result, finished_at=_now())  # fmt: skip
        with self._changed:
            return self._remember(job)

    def get(self, job_id: str) -> Job | None:
        with self._changed:
            job = self._jobs.get(job_id)
        if job is None and self._store is not None:
            job = self._store.get(job_id)  # run by another replica sharing the database
        return job

    def _elsewhere(self, job_id: str) -> Job:
        """A job this runner does not hold, as another replica last stored it."""
        job = self._store.get(job_id) if self._store is not None else None
        if job is None:
            raise UnknownJobError(job_id)
        return job

    def list(self) -> builtins.list[Job]:
        """Remembered jobs, newest first."""
        with self._changed:
            return list(reversed(self._jobs.values()))

    def wait(self, job_id: str, timeout: float) -> Job:
        """The job once finished, or as it stands when `timeout` seconds have passed."""
        deadline = time.monotonic() + timeout
        with self._changed:
            while True:
                job = self._jobs.get(job_id)
                if job is None:
                    return self._elsewhere(job_id)
                remaining = deadline - time.monotonic()
                if job.finished or remaining <= 0:
                    return job
                self._changed.wait(remaining)

    def pending(self, kind: str) -> Job | None:
        """A queued (not yet running) job of this kind, if any."""
        with self._changed:
            return next(
                (j for j in self._jobs.values() if j.kind == kind and j.state is JobState.queued),
                None,
            )

    def close(self, timeout: float | None = 60.0) -> bool:
        """Stop taking jobs; let the running one finish; fail those still queued.

        Returns False when a job was still running after `timeout` seconds.
        """
        with self._changed:
            if self._closed:
                return self._worker is None or not self._worker.is_alive()
            self._closed = True
            worker = self._worker
        self._queue.put(None)
        if worker is not None:
            worker.join(timeout)
        with self._changed:
            for job in list(self._jobs.values()):
                if job.state is JobState.queued:
                    self._update(job.id, state=JobState.failed, finished_at=_now(),
                                 message=CANCELLED)  # fmt: skip
        stopped = worker is None or not worker.is_alive()
        if stopped and self._store is not None:
            self._store.close()
        return stopped

    # --- the worker ------------------------------------------------------------------------
    def _start_worker(self) -> None:
        if self._worker is None:
            self._worker = threading.Thread(target=self._run, name="index-jobs", daemon=True)
            self._worker.start()

    def _run(self) -> None:
        while (job_id := self._queue.get()) is not None:
            with self._changed:
                work = self._work.pop(job_id, None)
                if work is None or self._closed:
                    continue
                self._update(job_id, state=JobState.running)
            self._execute(job_id, work)
            release_free_memory()  # what the job freed, not kept by its malloc arena

    def _execute(self, job_id: str, work: Work) -> None:
        def progress(done: int, total: int) -> None:
            with self._changed:
                self._update(job_id, done=done, total=total)

        try:
            result = work(progress)
        except Exception as error:  # a failed job is reported, not raised
            logger.exception("job %s failed", job_id)
            message = str(error).strip() or type(error).__name__
            with self._changed:
                self._update(job_id, state=JobState.failed, message=message, finished_at=_now())
            return
        with self._changed:
            self._update(job_id, state=JobState.succeeded, result=result,
                         message=str(result.get("message", "")), finished_at=_now())  # fmt: skip

    def _update(self, job_id: str, **changes: Any) -> None:
        """Replace a job by an updated copy (the caller holds the condition)."""
        job = self._jobs.get(job_id)
        if job is not None:
            self._jobs[job_id] = job = dataclasses.replace(job, **changes)
            self._keep_record(job)
            self._changed.notify_all()

    def _remember(self, job: Job) -> Job:
        self._jobs[job.id] = job
        self._keep_record(job)
        while len(self._jobs) > self._keep:
            oldest = next(iter(self._jobs.values()))
            if not oldest.finished:
                break
            self._jobs.popitem(last=False)
            if self._store is not None:
                self._store.forget(oldest.id)
        self._changed.notify_all()
        return job

    def _keep_record(self, job: Job) -> None:
        """Write the job through to the store; a failing disk must not fail the job."""
        if self._store is None:
            return
        try:
            self._store.save(job)
        except Exception:  # the job goes on; only its record after a restart is lost
            logger.exception("could not record job %s", job.id)


def _new_id() -> str:
    return "job-" + secrets.token_hex(6)
