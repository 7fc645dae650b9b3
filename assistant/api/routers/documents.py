"""The documents behind the answers: list, read, upload, delete; index rebuilds.

Writes return a job at once (202) and run in the background, one at a time; questions
keep being answered from the current index meanwhile. Poll `GET /v1/jobs/{id}`.
"""

from __future__ import annotations

from fastapi import APIRouter, HTTPException, Response, UploadFile, status

from assistant.api.deps import ActorDep, ReadAccess, ServicesDep, WriteAccess
from assistant.api.schemas import DocumentList, DocumentOut, ErrorResponse, JobOut, Responses
from assistant.jobs import Job

router = APIRouter(prefix="/v1", tags=["documents"])

AUTH_ERRORS: Responses = {
    401: {"model": ErrorResponse, "description": "A key is required."},
    403: {"model": ErrorResponse, "description": "The key is not valid."},
}
NOT_FOUND: Responses = {404: {"model": ErrorResponse, "description": "No document of this id."}}


def _accepted(job: Job, response: Response) -> JobOut:
    response.headers["Location"] = f"/v1/jobs/{job.id}"
    return JobOut.of(job)


@router.get("/documents", response_model=DocumentList, dependencies=[ReadAccess],
            responses=AUTH_ERRORS, summary="List indexed documents")  # fmt: skip
def list_documents(services: ServicesDep) -> DocumentList:
    """Every document of the current index, by file name, with its metadata."""
    snapshot = services.index.snapshot()
    documents = [DocumentOut.of(record) for record in services.documents()]
    return DocumentList(count=len(documents), index_version=snapshot.version, documents=documents)


@router.get("/documents/{id:path}", response_model=DocumentOut, dependencies=[ReadAccess],
            responses={**AUTH_ERRORS, **NOT_FOUND}, summary="One document")  # fmt: skip
def get_document(id: str, services: ServicesDep) -> DocumentOut:
    """A document's metadata, chunk count, time of indexing and sha256."""
    record = services.document(id)
    if record is None:
        raise HTTPException(status.HTTP_404_NOT_FOUND, f"no document named {id!r}")
    return DocumentOut.of(record)


@router.post(
    "/documents",
    response_model=JobOut,
    status_code=status.HTTP_202_ACCEPTED,
    dependencies=[WriteAccess],
    responses={
        **AUTH_ERRORS,
        413: {"model": ErrorResponse, "description": "Over the size limit (PA_MAX_UPLOAD_MB)."},
        415: {"model": ErrorResponse, "description": "Not a readable document."},
        422: {"model": ErrorResponse, "description": "No `file` form field."},
    },
    summary="Upload a document",
)
def upload_document(
    file: UploadFile, services: ServicesDep, response: Response, actor: ActorDep
) -> JobOut:
    """Add or replace a document (multipart form field `file`: .txt, .md, .html, .pdf, .docx,
    or a scan: an image-only .pdf, .png, .jpg, .tif, read by OCR before this returns).

    The file is read before it is accepted: its type comes from its content, not its name,
    and a file that cannot be read (a GIF, a damaged PDF) is refused with 415. The name
    is made safe (no folders, no hidden files; the extension matches the type). Uploading a
    file whose content is already indexed does nothing (`result.duplicate_of` names it);
    uploading a new version under the same name re-indexes that document only.
    The returned job indexes it; the document is answerable once the job has `succeeded`.
    """
    limit = services.intake.max_bytes
    data = file.file.read(limit + 1)
    services.intake.check_size(max(file.size or 0, len(data)))
    return _accepted(services.upload(file.filename or "", data, actor), response)


@router.delete(
    "/documents/{id:path}",
    response_model=JobOut,
    status_code=status.HTTP_202_ACCEPTED,
    dependencies=[WriteAccess],
    responses={**AUTH_ERRORS, **NOT_FOUND},
    summary="Delete a document",
)
def delete_document(id: str, services: ServicesDep, response: Response, actor: ActorDep) -> JobOut:
    """Remove a document's file and, through the returned job, its passages from the index."""
    return _accepted(services.delete_document(id, actor), response)


@router.post(
    "/documents/{id:path}/reindex",
    response_model=JobOut,
    status_code=status.HTTP_202_ACCEPTED,
    dependencies=[WriteAccess],
    responses={**AUTH_ERRORS, **NOT_FOUND},
    summary="Re-index one document",
    tags=["index"],
)
def reindex_document(id: str, services: ServicesDep, response: Response, actor: ActorDep) -> JobOut:
    """Read, clean, chunk and index one document again, even though its file is unchanged
    (after the loaders or the cleaner improved). Passages whose text is the same reuse
    their cached vectors; questions are answered from the current index meanwhile."""
    return _accepted(services.reindex_document(id, actor), response)


@router.post("/index/rebuild", response_model=JobOut, status_code=status.HTTP_202_ACCEPTED,
             dependencies=[WriteAccess], responses=AUTH_ERRORS, summary="Rebuild the index",
             tags=["index"])  # fmt: skip
def rebuild_index(services: ServicesDep, response: Response, actor: ActorDep) -> JobOut:
    """Rebuild the whole index aside and switch to it when complete.

    Questions are answered from the current index until the switch; cached vectors are
    reused, so only passages whose text changed are embedded again.
    """
    return _accepted(services.rebuild(actor), response)


@router.post("/index/sync", response_model=JobOut, status_code=status.HTTP_202_ACCEPTED,
             dependencies=[WriteAccess], responses=AUTH_ERRORS,
             summary="Index what changed in the documents folder", tags=["index"])  # fmt: skip
def sync_index(services: ServicesDep, response: Response, actor: ActorDep) -> JobOut:
    """Index files added, changed or removed in the documents folder by hand."""
    return _accepted(services.sync(actor), response)
