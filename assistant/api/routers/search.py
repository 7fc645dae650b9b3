"""`POST /v1/search`: passages with scores and metadata, no answer."""

from __future__ import annotations

from fastapi import APIRouter

from assistant.api.deps import AssistantDep, IndexReady, ReadAccess, SettingsDep, checked_question
from assistant.api.routers.ask import ERRORS
from assistant.api.schemas import PassageOut, SearchRequest, SearchResponse

router = APIRouter(prefix="/v1", tags=["search"], dependencies=[ReadAccess, IndexReady])


@router.post(
    "/search",
    response_model=SearchResponse,
    responses=ERRORS,
    summary="Find passages for a query",
)
def search(body: SearchRequest, assistant: AssistantDep, settings: SettingsDep) -> SearchResponse:
    """Find the passages closest to a query by meaning and by words (hybrid search).

    Each passage comes with its document's metadata (title, date, place, kind), its
    offsets in the cleaned document and its scores. Use `filters` to search only some
    documents, e.g. `{"locality": "Điện Biên", "year_from": 2019}`.
    """
    query = checked_question(body.query, settings, field="query")
    result = assistant.search(query, body.filters, body.top_k)
    return SearchResponse(
        query=result.query,
        restored_query=result.restored_query,
        passages=[PassageOut.of(p) for p in result.passages],
        timings_ms={name: round(ms, 2) for name, ms in result.timings_ms.items()},
    )
