"""OpenAI-compatible `POST /v1/chat/completions` and `GET /v1/models`.

Any tool with an OpenAI client can ask: base URL `http://host:8000/v1`, model
`policy-assistant`, the API key as the client's key. The answer's sources are listed
under the text (where any chat client shows them) and sent as data in `citations`.
"""

from __future__ import annotations

import logging
import re
import time
from collections.abc import Iterator

from fastapi import APIRouter, HTTPException, status
from fastapi.responses import StreamingResponse

from assistant.answers import Answer, AnswerEvent
from assistant.api.deps import AssistantDep, IndexReady, ReadAccess, SettingsDep, checked_question
from assistant.api.openai_schemas import (
    MODEL_ID,
    AssistantMessage,
    ChatCompletion,
    ChatCompletionRequest,
    Choice,
    ModelCard,
    ModelList,
    Usage,
    chunk,
    completion_id,
)
from assistant.api.sse import SSE_HEADERS, sse_event

logger = logging.getLogger(__name__)

router = APIRouter(prefix="/v1", tags=["openai"], dependencies=[ReadAccess])
_SURROGATE_RE = re.compile("[\ud800-\udfff]")


def sources_text(answer: Answer) -> str:
    """The citations as lines under the answer: `[1] title (document, date): "quote"`."""
    if not answer.citations:
        return ""
    lines = ["", "", "Nguồn:"]
    for c in answer.citations:
        where = ", ".join(part for part in (c.document, c.date) if part)
        lines.append(f"[{c.n}] {c.title or c.document} ({where}): “{c.quote}”")
    return "\n".join(lines)


def _conversation(
    body: ChatCompletionRequest, settings: SettingsDep
) -> tuple[str, list[dict[str, str]]]:
    """The question (the last message, the user's) and the turns before it."""
    turns = [m for m in body.messages if m.role in ("user", "assistant")]
    for number, message in enumerate(body.messages):
        if _SURROGATE_RE.search(message.text):  # "\ud800": JSON allows it, UTF-8 cannot hold it
            raise HTTPException(
                status.HTTP_422_UNPROCESSABLE_CONTENT,
                f"messages[{number}].content: a lone surrogate is not text (invalid Unicode)",
            )
    if not turns or turns[-1].role != "user":
        raise HTTPException(
            status.HTTP_400_BAD_REQUEST, "the last message must be the user's question"
        )
    question = checked_question(turns[-1].text, settings, field="messages[-1].content")
    history = [{"role": m.role, "content": m.text} for m in turns[:-1]]
    return question, history


def _words(text: str) -> int:
    return len(text.split())


@router.get("/models", response_model=ModelList, summary="Models (OpenAI-compatible)")
def list_models() -> ModelList:
    """The one model this server answers as: `policy-assistant`."""
    return ModelList(data=[ModelCard()])


@router.get("/models/{model_id}", response_model=ModelCard, summary="One model")
def get_model(model_id: str) -> ModelCard:
    """The model card of `policy-assistant` (404 for any other name)."""
    if model_id != MODEL_ID:
        raise HTTPException(status.HTTP_404_NOT_FOUND, f"the model {model_id!r} does not exist")
    return ModelCard()


@router.post("/chat/completions", response_model=ChatCompletion, dependencies=[IndexReady],
             responses={200: {"content": {"text/event-stream": {}}}},
             summary="Ask through an OpenAI client")  # fmt: skip
def chat_completions(
    body: ChatCompletionRequest, assistant: AssistantDep, settings: SettingsDep
) -> object:
    """Answer the last user message, OpenAI style (`stream: true` streams chunks).

    Earlier user/assistant messages are the conversation, so follow-ups work; system
    messages are ignored (the assistant answers only from the documents). `filters` and
    `top_k` work as in `POST /v1/ask`.
    """
    if body.model != MODEL_ID:
        raise HTTPException(
            status.HTTP_404_NOT_FOUND, f"the model {body.model!r} does not exist; use {MODEL_ID!r}"
        )
    question, history = _conversation(body, settings)
    if body.stream:
        events = assistant.stream(question, history, body.filters, body.top_k)
        include_usage = bool(body.stream_options and body.stream_options.include_usage)
        return StreamingResponse(
            completion_chunks(events, question, include_usage),
            media_type="text/event-stream",
            headers=SSE_HEADERS,
        )
    answer = assistant.ask(question, history, body.filters, body.top_k)
    content = answer.answer + sources_text(answer)
    usage = Usage(prompt_tokens=_words(question), completion_tokens=_words(content),
                  total_tokens=_words(question) + _words(content))  # fmt: skip
    return ChatCompletion(
        id=completion_id(), created=int(time.time()),
        choices=[Choice(message=AssistantMessage(content=content))], usage=usage,
        citations=answer.citations, answer=answer,
    )  # fmt: skip


def completion_chunks(
    events: Iterator[AnswerEvent], question: str, include_usage: bool
) -> Iterator[str]:
    """Text deltas as chunks; the sources, then a last chunk carrying `citations` and
    `grounding`."""
    cid = completion_id()
    yield sse_event(chunk(cid, {"role": "assistant", "content": ""}))
    sent = ""
    try:
        for event in events:
            if not isinstance(event, Answer):
                sent += event.text
                yield sse_event(chunk(cid, {"content": event.text}))
                continue
            # Whatever the deltas did not carry (a builder may only return the whole answer).
            rest = event.answer[len(sent) :] if event.answer.startswith(sent) else ""
            tail = rest + sources_text(event)
            if tail:
                yield sse_event(chunk(cid, {"content": tail}))
            sent += tail
            citations = [c.model_dump(mode="json") for c in event.citations]
            # How the text was checked against its sources travels with them ("verified",
            # "partly", "fallback"; null for the extractive answer, quoted verbatim).
            yield sse_event(chunk(cid, {}, "stop", citations=citations, grounding=event.grounding))
    except Exception as error:  # the status line is sent: report in-stream
        logger.exception("streaming a chat completion failed")
        message = f"answering failed ({type(error).__name__})"
        yield sse_event({"error": {"message": message, "type": "server_error"}})
    if include_usage:
        usage = {"prompt_tokens": _words(question), "completion_tokens": _words(sent),
                 "total_tokens": _words(question) + _words(sent)}  # fmt: skip
        yield sse_event({**chunk(cid, {}), "choices": [], "usage": usage})
    yield sse_event("[DONE]")
