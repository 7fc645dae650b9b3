"""`POST /v1/ask`: a question in, an answer with citations out."""

from __future__ import annotations

import logging
from collections.abc import Iterator
from typing import Any

from fastapi import APIRouter
from fastapi.responses import StreamingResponse

from assistant.answers import Answer, AnswerEvent
from assistant.api.deps import (
    AssistantDep,
    IndexReady,
    ReadAccess,
    SettingsDep,
    checked_question,
)
from assistant.api.schemas import AskRequest, AskResponse, ErrorResponse, Responses
from assistant.api.sse import SSE_HEADERS, sse_event

logger = logging.getLogger(__name__)

router = APIRouter(prefix="/v1", tags=["ask"], dependencies=[ReadAccess, IndexReady])

ERRORS: Responses = {
    400: {"model": ErrorResponse, "description": "Malformed JSON."},
    401: {"model": ErrorResponse, "description": "A key is required (PA_REQUIRE_KEY_FOR_READ)."},
    403: {"model": ErrorResponse, "description": "The key is not valid."},
    422: {"model": ErrorResponse, "description": "Empty or too long question, bad filters..."},
    503: {"model": ErrorResponse, "description": "The index is still being built."},
}
STREAM_DOC: dict[str, Any] = {
    "description": "The answer; with `stream: true`, server-sent events: `delta` events "
    '(`{"text": "..."}`) as the answer is written, then one `answer` event holding the '
    "complete answer, or an `error` event.",
    "content": {"text/event-stream": {}},
}


@router.post(
    "/ask",
    response_model=AskResponse,
    responses={200: STREAM_DOC, **ERRORS},
    summary="Answer a question from the documents, with citations",
)
def ask(body: AskRequest, assistant: AssistantDep, settings: SettingsDep) -> object:
    """Answer a question in Vietnamese from the indexed documents.

    The answer cites its sources: each `[n]` in `answer` points to `citations[n-1]`, which
    names the document, quotes the sentence and gives its offsets in the document. When
    the documents do not answer the question, `refused` is true and `related` lists the
    closest passages. A follow-up ("Còn Sóc Trăng thì sao?") is understood from `history`;
    questions typed without diacritics are understood too (`restored_question`).
    """
    question = checked_question(body.question, settings)
    history = [turn.model_dump() for turn in body.history]
    if body.stream:
        events = assistant.stream(question, history, body.filters, body.top_k)
        return StreamingResponse(
            answer_events(events), media_type="text/event-stream", headers=SSE_HEADERS
        )
    answer = assistant.ask(question, history, body.filters, body.top_k)
    return AskResponse.model_validate(answer.model_dump())


def answer_events(events: Iterator[AnswerEvent]) -> Iterator[str]:
    """`delta` events, then the `answer`; an `error` event if answering fails midway."""
    try:
        for event in events:
            if isinstance(event, Answer):
                yield sse_event(event.model_dump(mode="json"), "answer")
            else:
                yield sse_event({"text": event.text}, "delta")
    except Exception as error:  # the status line is sent: report in-stream
        logger.exception("streaming an answer failed")
        yield sse_event({"detail": f"answering failed ({type(error).__name__})"}, "error")
