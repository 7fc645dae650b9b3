"""`GET /view/{document}`: the chat page's document viewer (an HTML page, not API data).

Mounted with the chat page only. Reading it needs what reading needs elsewhere: a key
when `PA_REQUIRE_KEY_FOR_READ` is set, here also taken from the cookie the page sets once
the officer has typed one, since a link the page opens carries no header.
"""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, HTTPException, Query, Request, status
from fastapi.responses import HTMLResponse, Response

from assistant.api.deps import ServicesDep, key_is_valid
from assistant.api.guards import presented_key
from index.loaders import UnsupportedDocumentError
from index.safe_parse import page_image_untrusted
from ui.document_html import document_page

router = APIRouter(include_in_schema=False)

Offset = Annotated[int | None, Query(ge=0, le=1 << 31)]


def _check_read_key(request: Request, services: ServicesDep) -> None:
    api = services.settings.api
    if api.api_keys and api.require_key_for_read:
        key = presented_key(request.scope)
        if not key or not key_is_valid(key, api.api_keys):
            raise HTTPException(status.HTTP_401_UNAUTHORIZED, "Cần khóa truy cập để xem tài liệu.")


@router.get("/view/{id:path}", response_class=HTMLResponse)
def view_document(
    id: str, request: Request, services: ServicesDep, start: Offset = None, end: Offset = None
) -> HTMLResponse:
    """The whole cleaned document, the span [start, end) marked."""
    _check_read_key(request, services)
    record = services.document(id)
    if record is None:
        raise HTTPException(status.HTTP_404_NOT_FOUND, "Không tìm thấy tài liệu này.")
    # The page carries its own inline style; nothing on it may load from elsewhere.
    headers = {"Content-Security-Policy": "default-src 'none'; style-src 'unsafe-inline'"}
    return HTMLResponse(document_page(record, start, end), headers=headers)


@router.get("/scan-page/{id:path}", response_class=Response)
def scan_page(
    id: str,
    request: Request,
    services: ServicesDep,
    page: Annotated[int, Query(ge=1, le=10_000)] = 1,
) -> Response:
    """Page `page` of a scanned document as PNG, to set beside the sentence OCR read from it.

    The file is decoded again in the bounded worker: it came from an upload."""
    _check_read_key(request, services)
    record = services.document(id)
    folder = services.settings.documents.documents_dir.resolve()
    path = (folder / record.source).resolve() if record is not None else None
    if record is None or path is None or not path.is_relative_to(folder) or not path.is_file():
        raise HTTPException(status.HTTP_404_NOT_FOUND, "Không tìm thấy tài liệu này.")
    try:
        image = page_image_untrusted(path.read_bytes(), record.source, page)
    except UnsupportedDocumentError as error:
        raise HTTPException(status.HTTP_422_UNPROCESSABLE_ENTITY, str(error)) from error
    if image is None:
        raise HTTPException(status.HTTP_404_NOT_FOUND, "Trang này không phải ảnh quét.")
    headers = {"Content-Security-Policy": "default-src 'none'", "Cache-Control": "private"}
    return Response(image, media_type="image/png", headers=headers)
