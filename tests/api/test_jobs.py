"""The job runner: index writes one at a time, in order, with progress and results."""

from __future__ import annotations

import threading
import time
from collections.abc import Iterator
from typing import Any

import pytest

from assistant.job_store import INTERRUPTED, JobStore
from assistant.jobs import JobRunner, JobState, Progress, UnknownJobError


@pytest.fixture
def runner() -> Iterator[JobRunner]:
    jobs = JobRunner()
    yield jobs
    jobs.close(timeout=5)


def test_jobs_run_one_at_a_time_in_submission_order(runner: JobRunner) -> None:
    running = 0
    overlaps: list[int] = []
    order: list[int] = []
    lock = threading.Lock()

    def work(number: int) -> Any:
        def run(progress: Progress) -> dict[str, Any]:
            nonlocal running
            with lock:
                running += 1
                overlaps.append(running)
            time.sleep(0.02)
            order.append(number)
            with lock:
                running -= 1
            return {"number": number}

        return run

    jobs = [runner.submit("sync", work(n)) for n in range(6)]
    finished = [runner.wait(job.id, timeout=10) for job in jobs]
    assert order == list(range(6))
    assert max(overlaps) == 1
    assert [job.result["number"] for job in finished] == list(range(6))
    assert all(job.state is JobState.succeeded and job.finished_at for job in finished)


def test_progress_is_visible_while_a_job_runs(runner: JobRunner) -> None:
    halfway, release = threading.Event(), threading.Event()

    def work(progress: Progress) -> dict[str, Any]:
        progress(2, 5)
        halfway.set()
        release.wait(5)
        progress(5, 5)
        return {"message": "5 added"}

    job = runner.submit("upload", work)
    assert halfway.wait(5)
    seen = runner.get(job.id)
    assert seen is not None and seen.state is JobState.running
    assert (seen.done, seen.total) == (2, 5)
    release.set()
    done = runner.wait(job.id, timeout=5)
    assert (done.done, done.total, done.message) == (5, 5, "5 added")


def test_a_failing_job_is_reported_and_the_next_one_still_runs(runner: JobRunner) -> None:
    def fail(progress: Progress) -> dict[str, Any]:
        raise OSError("documents folder not found: /nowhere")

    failed = runner.submit("sync", fail)
    after = runner.submit("sync", lambda progress: {"ok": True})
    assert runner.wait(failed.id, 5).state is JobState.failed
    assert "documents folder not found" in runner.wait(failed.id, 5).message
    assert runner.wait(after.id, 5).result == {"ok": True}


def test_wait_returns_the_current_state_when_time_runs_out(runner: JobRunner) -> None:
    release = threading.Event()
    job = runner.submit("rebuild", lambda progress: {"waited": release.wait(5)})
    started = time.monotonic()
    assert not runner.wait(job.id, timeout=0.1).finished
    assert time.monotonic() - started < 2
    release.set()
    assert runner.wait(job.id, timeout=5).result == {"waited": True}


def test_unknown_jobs_and_kinds(runner: JobRunner) -> None:
    assert runner.get("job-nope") is None
    with pytest.raises(UnknownJobError, match="job-nope"):
        runner.wait("job-nope", 0.1)
    with pytest.raises(ValueError, match="unknown job kind"):
        runner.submit("format-disk", lambda progress: {})


def test_a_finished_job_needs_no_worker(runner: JobRunner) -> None:
    job = runner.finished("upload", {"duplicate_of": "a.txt"}, "already indexed")
    assert job.state is JobState.succeeded and runner.get(job.id) == job
    assert job.to_dict()["state"] == "succeeded"
    assert runner.list()[0] == job


def test_close_cancels_queued_jobs_after_the_running_one(runner: JobRunner) -> None:
    release = threading.Event()
    running = runner.submit("rebuild", lambda progress: {"done": release.wait(5)})
    queued = runner.submit("sync", lambda progress: {})
    while runner.get(running.id).state is not JobState.running:  # type: ignore[union-attr]
        time.sleep(0.01)
    threading.Timer(0.1, release.set).start()
    assert runner.close(timeout=5)
    assert runner.get(running.id).state is JobState.succeeded  # type: ignore[union-attr]
    cancelled = runner.get(queued.id)
    assert cancelled is not None and cancelled.state is JobState.failed
    assert "shutting down" in cancelled.message
    with pytest.raises(RuntimeError, match="closed"):
        runner.submit("sync", lambda progress: {})


class TestKeptJobs:
    """With a `JobStore`, the job list survives a restart of the server."""

    def test_finished_jobs_come_back_with_their_results_newest_first(self, tmp_path: Any) -> None:
        first = JobRunner(store=JobStore(tmp_path / "jobs.sqlite"))
        done = first.submit("upload", lambda progress: {"source": "a.txt", "chunk_count": 3})
        first.wait(done.id, timeout=5)
        noop = first.finished("upload", {"duplicate_of": "a.txt"}, "already indexed")
        assert first.close(timeout=5)
        again = JobRunner(store=JobStore(tmp_path / "jobs.sqlite"))
        assert [job.id for job in again.list()] == [noop.id, done.id]
        kept = again.get(done.id)
        assert kept is not None and kept.state is JobState.succeeded
        assert kept.result == {"source": "a.txt", "chunk_count": 3} and kept.finished_at
        again.close(timeout=5)

    def test_a_job_cut_short_by_a_stop_comes_back_failed_not_running(self, tmp_path: Any) -> None:
        release = threading.Event()
        first = JobRunner(store=JobStore(tmp_path / "jobs.sqlite"))
        running = first.submit("reindex", lambda progress: {"done": release.wait(5)})
        while first.get(running.id).state is not JobState.running:  # type: ignore[union-attr]
            time.sleep(0.01)
        # The process dies here: no close(), the store holds the job as running.
        again = JobRunner(store=JobStore(tmp_path / "jobs.sqlite"))
        kept = again.get(running.id)
        assert kept is not None and kept.state is JobState.failed
        assert kept.message == INTERRUPTED and kept.finished_at
        release.set()
        first.close(timeout=5)
        again.close(timeout=5)

    def test_only_the_newest_jobs_are_kept(self, tmp_path: Any) -> None:
        first = JobRunner(keep=3, store=JobStore(tmp_path / "jobs.sqlite"))
        made = [first.finished("sync", {"n": n}, "") for n in range(5)]
        first.close(timeout=5)
        again = JobRunner(keep=3, store=JobStore(tmp_path / "jobs.sqlite"))
        assert [job.id for job in again.list()] == [job.id for job in reversed(made[2:])]
        again.close(timeout=5)
