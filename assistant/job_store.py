"""Index jobs kept in SQLite beside the index, so a restart does not forget them.

`JobRunner` writes each job's every state change through a `JobStore`; a new runner reads
the jobs back. A job that was queued or running when the process stopped did not finish:
it comes back failed, saying so, and its work is not run again (a sync at start catches
the index up with the documents folder anyway).
"""

from __future__ import annotations

import dataclasses
import json
from datetime import UTC, datetime
from pathlib import Path

from assistant.jobs import Job, JobState
from assistant.sqlite_store import SqliteStore

INTERRUPTED = "interrupted: the server stopped before the job finished"

_SCHEMA = """
CREATE TABLE IF NOT EXISTS jobs (
    id TEXT PRIMARY KEY,
    created_at TEXT NOT NULL,
    data TEXT NOT NULL);
"""


class JobStore(SqliteStore):
    """The jobs table, one JSON row per job; safe to use from any thread."""

    def __init__(self, path: Path) -> None:
        super().__init__(path, _SCHEMA)

    def save(self, job: Job) -> None:
        data = json.dumps(job.to_dict(), ensure_ascii=False)
        with self._lock:
            self._db.execute(
                # An upsert keeps the row (and so its rowid, the order jobs were made in).
                "INSERT INTO jobs (id, created_at, data) VALUES (?, ?, ?)"
                " ON CONFLICT (id) DO UPDATE SET data = excluded.data",
                (job.id, job.created_at, data),
            )

    def forget(self, job_id: str) -> None:
        with self._lock:
            self._db.execute("DELETE FROM jobs WHERE id = ?", (job_id,))

    def load(self, keep: int) -> list[Job]:
        """The newest `keep` jobs, oldest first; unfinished ones marked failed (see above)."""
        with self._lock:
            rows = self._db.execute(
                "SELECT data FROM jobs ORDER BY rowid DESC LIMIT ?", (keep,)
            ).fetchall()
        jobs = []
        for (data,) in reversed(rows):
            fields = json.loads(data)
            job = Job(**{**fields, "state": JobState(fields["state"])})
            if not job.finished:
                job = _interrupted(job)
                self.save(job)
            jobs.append(job)
        return jobs


def _interrupted(job: Job) -> Job:
    stopped = datetime.now(UTC).isoformat(timespec="milliseconds")
    return dataclasses.replace(job, state=JobState.failed, message=INTERRUPTED, finished_at=stopped)
