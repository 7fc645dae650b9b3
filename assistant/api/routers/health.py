"""`/healthz` (the process is up) and `/readyz` (the index is loaded).

Both run on the event loop (`async def`, nothing in them blocks), so they answer even
when every worker thread is busy answering questions or reading uploads.
"""

from __future__ import annotations

from fastapi import APIRouter, Request, Response, status

from assistant.api.schemas import Health, JobOut, Readiness
from assistant.server_services import Services

router = APIRouter(tags=["health"])


@router.get("/healthz", response_model=Health, summary="Is the process up")
async def healthz() -> Health:
    """Answers at once, even while the index is still loading."""
    return Health()


@router.get(
    "/readyz",
    response_model=Readiness,
    responses={503: {"model": Readiness, "description": "Still loading the index."}},
    summary="Is the index loaded",
)
async def readyz(request: Request, response: Response) -> Readiness:
    """200 once questions are answered from a loaded index (503 before), with its
    document count and version, and the state of the job that indexes the folder at start.
    """
    services: Services = request.app.state.services  # no dependency: no thread needed
    state = services.status()
    startup = state.pop("startup_job")
    if not state["ready"]:
        response.status_code = status.HTTP_503_SERVICE_UNAVAILABLE
    return Readiness(**state, startup_job=JobOut(**startup) if startup else None)
