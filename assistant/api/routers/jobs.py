"""`GET /v1/jobs/{id}`: how an index write is going.

A wait (`?wait=60`) is an `asyncio` sleep on the event loop, not a blocked worker
thread: any number of clients may wait while the server keeps answering everyone else.
"""

from __future__ import annotations

import asyncio
import time
from typing import Annotated

from fastapi import APIRouter, Query

from assistant.api.deps import ReadAccess, ServicesDep
from assistant.api.routers.documents import AUTH_ERRORS
from assistant.api.schemas import ErrorResponse, JobList, JobOut

router = APIRouter(prefix="/v1", tags=["jobs"], dependencies=[ReadAccess])

MAX_WAIT_S = 60.0
POLL_S = (0.02, 0.25)  # first and longest pause between two looks at a waited-for job


@router.get("/jobs", response_model=JobList, responses=AUTH_ERRORS, summary="Recent jobs")
def list_jobs(services: ServicesDep) -> JobList:
    """Index jobs this server remembers, newest first."""
    return JobList(jobs=[JobOut.of(job) for job in services.jobs.list()])


@router.get(
    "/jobs/{job_id}",
    response_model=JobOut,
    responses={**AUTH_ERRORS, 404: {"model": ErrorResponse, "description": "No such job."}},
    summary="A job's state and progress",
)
async def get_job(
    job_id: str,
    services: ServicesDep,
    wait: Annotated[
        float, Query(ge=0, le=MAX_WAIT_S, description="Wait up to this many seconds for the end.")
    ] = 0,
) -> JobOut:
    """A job's state (`queued`, `running`, `succeeded`, `failed`), its progress in
    documents (`done` of `total`), and once finished its `result` or error `message`.

    With `wait`, the reply comes as soon as the job finishes, or after `wait` seconds.
    """
    deadline = time.monotonic() + wait
    pause = POLL_S[0]
    job = services.jobs.wait(job_id, timeout=0)  # never blocks: a lock held for a copy
    while not job.finished and (remaining := deadline - time.monotonic()) > 0:
        await asyncio.sleep(min(pause, remaining))
        pause = min(pause * 2, POLL_S[1])
        job = services.jobs.wait(job_id, timeout=0)
    return JobOut.of(job)
