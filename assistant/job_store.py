"""Index jobs kept in the server's database, so a restart does not forget them.

`JobRunner` writes each job's every state change through a `JobStore`; a new runner reads
the jobs back. A job that was queued or running when the process stopped did not finish:
it comes back failed, saying so, and its work is not run again (a sync at start catches
the index up with the documents folder anyway).

Replicas sharing one database each keep their own jobs, so a replica starting only marks
its own unfinished jobs interrupted (the others' may be running right now); any replica
reads any job by id.
"""

from __future__ import annotations

import dataclasses
import json
from datetime import UTC, datetime
from pathlib import Path

from assistant.jobs import Job, JobState
from assistant.table_store import TableStore
from index.database import Connection

INTERRUPTED = "interrupted: the server stopped before the job finished"

_SCHEMA = """
CREATE TABLE IF NOT EXISTS jobs (
    id TEXT PRIMARY KEY,
    created_at TEXT NOT NULL,
    data TEXT NOT NULL);
"""
# PostgreSQL has no rowid: a sequence keeps the order jobs were made in.
_POSTGRES_ORDER = "ALTER TABLE jobs ADD COLUMN IF NOT EXISTS seq BIGSERIAL"


class JobStore(TableStore):
    """The jobs table, one JSON row per job; safe to use from any thread.

    `replica` names the server writing (kept in each job's row); "" for a lone server.
    """

    def __init__(self, where: Path | Connection, replica: str = "") -> None:
        super().__init__(where, _SCHEMA)
        self.replica = replica
        if self._db.dialect == "postgresql":
            self._db.create(_POSTGRES_ORDER)
        self._order = "rowid" if self._db.dialect == "sqlite" else "seq"

    def save(self, job: Job) -> None:
        data = json.dumps({**job.to_dict(), "replica": self.replica}, ensure_ascii=False)
        with self._lock:
            self._db.execute(
                # An upsert keeps the row (and so its order, the order jobs were made in).
                "INSERT INTO jobs (id, created_at, data) VALUES (?, ?, ?)"
                " ON CONFLICT (id) DO UPDATE SET data = excluded.data",
                (job.id, job.created_at, data),
            )

    def forget(self, job_id: str) -> None:
        with self._lock:
            self._db.execute("DELETE FROM jobs WHERE id = ?", (job_id,))

    def get(self, job_id: str) -> Job | None:
        """One job as last written, by whichever replica ran it."""
        with self._lock:
            row = self._db.execute("SELECT data FROM jobs WHERE id = ?", (job_id,)).fetchone()
        return _job(row[0])[0] if row else None

    def load(self, keep: int) -> list[Job]:
        """This replica's newest `keep` jobs, oldest first; unfinished ones marked failed
        (see above). Another replica's jobs stay with it: `get` reads them as they stand."""
        mine: list[Job] = []
        with self._lock:
            rows = self._db.execute(f"SELECT data FROM jobs ORDER BY {self._order} DESC")
            for (data,) in rows:
                job, replica = _job(data)
                if replica == self.replica:
                    mine.append(job)
                    if len(mine) == keep:
                        break
        jobs = []
        for job in reversed(mine):
            if not job.finished:
                job = _interrupted(job)
                self.save(job)
            jobs.append(job)
        return jobs


def _job(data: str) -> tuple[Job, str]:
    fields = json.loads(data)
    replica = str(fields.pop("replica", ""))
    return Job(**{**fields, "state": JobState(fields["state"])}), replica


def _interrupted(job: Job) -> Job:
    stopped = datetime.now(UTC).isoformat(timespec="milliseconds")
    return dataclasses.replace(job, state=JobState.failed, message=INTERRUPTED, finished_at=stopped)
