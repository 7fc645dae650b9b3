"""`GET /view/{document}`: the chat page's document viewer (an HTML page, not API data).

Mounted with the chat page only. Reading it needs what reading needs elsewhere: a key
when `PA_REQUIRE_KEY_FOR_READ` is set, here also taken from the cookie the page sets once
the officer has typed one, since a link the page opens carries no header.
"""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, HTTPException, Query, Request, status
from fastapi.responses import HTMLResponse

from assistant.api.deps import ServicesDep, key_is_valid
from assistant.api.guards import presented_key
from ui.document_html import document_page

router = APIRouter(include_in_schema=False)

Offset = Annotated[int | None, Query(ge=0, le=1 << 31)]


@router.get("/view/{id:path}", response_class=HTMLResponse)
def view_document(
    id: str, request: Request, services: ServicesDep, start: Offset = None, end: Offset = None
) -> HTMLResponse:
    """The whole cleaned document, the span [start, end) marked."""
    api = services.settings.api
    if api.api_keys and api.require_key_for_read:
        key = presented_key(request.scope)
        if not key or not key_is_valid(key, api.api_keys):
            raise HTTPException(status.HTTP_401_UNAUTHORIZED, "Cần khóa truy cập để xem tài liệu.")
    record = services.document(id)
    if record is None:
        raise HTTPException(status.HTTP_404_NOT_FOUND, "Không tìm thấy tài liệu này.")
    # The page carries its own inline style; nothing on it may load from elsewhere.
    headers = {"Content-Security-Policy": "default-src 'none'; style-src 'unsafe-inline'"}
    return HTMLResponse(document_page(record, start, end), headers=headers)
