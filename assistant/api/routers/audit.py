"""`GET /v1/audit`: who changed the documents, and when."""

from __future__ import annotations

from dataclasses import asdict
from typing import Annotated

from fastapi import APIRouter, Query
from pydantic import BaseModel, Field

from assistant.api.deps import ServicesDep, WriteAccess
from assistant.api.routers.documents import AUTH_ERRORS

router = APIRouter(prefix="/v1", tags=["audit"])


class AuditEntryOut(BaseModel):
    """One recorded write."""

    id: int
    at: str = Field(description="When, in UTC (ISO 8601).")
    action: str = Field(
        description="upload, upload-refused, delete, reindex, sync, rebuild, feedback."
    )
    actor: str = Field(
        description="`key:` and 12 hex digits of the key's sha256 (never the key), "
        "`anonymous` without keys, `page` for the chat page, `watcher` for the folder."
    )
    source: str = Field(description="The document's file name ('' for syncs and rebuilds).")
    sha256: str = Field(description="The file's sha256 ('' when there is none).")
    detail: str = Field(description="new/replaced/duplicate and the job id, or why refused.")


class AuditList(BaseModel):
    count: int
    entries: list[AuditEntryOut]


@router.get("/audit", response_model=AuditList, dependencies=[WriteAccess],
            responses=AUTH_ERRORS, summary="Who changed the documents")  # fmt: skip
def list_audit(
    services: ServicesDep,
    limit: Annotated[int, Query(ge=1, le=1000, description="How many, newest first.")] = 100,
    source: Annotated[
        str | None, Query(max_length=1024, description="Only the writes of this document.")
    ] = None,
) -> AuditList:
    """Every write (upload, refused upload, delete, sync, rebuild, feedback), newest first:
    when, by which key, which file and its sha256. Needs a write key whenever keys are set.
    """
    entries = [AuditEntryOut(**asdict(e)) for e in services.audit.entries(limit, source)]
    return AuditList(count=len(entries), entries=entries)
