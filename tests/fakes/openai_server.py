"""A small OpenAI-compatible chat server on a loopback port, scripted by the test using it.

It speaks the real protocol (JSON replies and SSE streams), so the real `ChatOpenAI` client
runs over real HTTP; it records every request so tests can assert what the client sent.
"""

from __future__ import annotations

import json
import re
import socket
import threading
import time
import uuid
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from typing import Any

import uvicorn
from fastapi import FastAPI, Request
from fastapi.responses import JSONResponse, StreamingResponse

Messages = list[dict[str, Any]]
Reply = Callable[[Messages], str]
MODEL = "fake-vi-chat"
# Word-sized pieces with their trailing space, like a tokenizer's output; "[1]" stays whole.
_TOKEN_RE = re.compile(r"\[\d+(?:,\s*\d+)*\]|\w+\s*|[^\w\s]+\s*|\s+")


def _default_reply(messages: Messages) -> str:
    return "Không có kịch bản trả lời."


@dataclass
class RecordedRequest:
    """One chat-completions call as the server received it."""

    body: dict[str, Any]
    headers: dict[str, str]

    @property
    def messages(self) -> Messages:
        return list(self.body.get("messages", []))

    def content(self, role: str) -> str:
        """The text of the first message with this role."""
        return next(str(m.get("content", "")) for m in self.messages if m.get("role") == role)


@dataclass
class FakeOpenAIServer:
    """Replies with `reply(messages)`; `requests` holds what it was sent, oldest first."""

    reply: Reply = _default_reply
    requests: list[RecordedRequest] = field(default_factory=list)
    base_url: str = ""

    def reset(self, reply: Reply | str = _default_reply) -> None:
        """Forget past requests and answer with a new script (a fixed text or a callable)."""
        self.reply = (lambda _messages: reply) if isinstance(reply, str) else reply
        self.requests.clear()

    def app(self) -> FastAPI:
        app = FastAPI()

        @app.get("/v1/models")
        def models() -> dict[str, Any]:
            return {"object": "list", "data": [{"id": MODEL, "object": "model"}]}

        @app.post("/v1/chat/completions", response_model=None)
        async def chat(request: Request) -> JSONResponse | StreamingResponse:
            body = await request.json()
            self.requests.append(RecordedRequest(body, dict(request.headers)))
            text = self.reply(body.get("messages", []))
            if body.get("stream"):
                return StreamingResponse(_sse(body, text), media_type="text/event-stream")
            return JSONResponse(_completion(body, text))

        return app


def _envelope(body: dict[str, Any], kind: str) -> dict[str, Any]:
    return {
        "id": f"chatcmpl-{uuid.uuid4().hex[:12]}",
        "object": kind,
        "created": int(time.time()),
        "model": body.get("model", MODEL),
    }


def _usage(body: dict[str, Any], text: str) -> dict[str, int]:
    prompt = sum(len(str(m.get("content", "")).split()) for m in body.get("messages", []))
    completion = len(_TOKEN_RE.findall(text))
    return {
        "prompt_tokens": prompt,
        "completion_tokens": completion,
        "total_tokens": prompt + completion,
    }


def _completion(body: dict[str, Any], text: str) -> dict[str, Any]:
    message = {"role": "assistant", "content": text}
    choice = {"index": 0, "message": message, "finish_reason": "stop"}
    return {**_envelope(body, "chat.completion"), "choices": [choice], "usage": _usage(body, text)}


def _sse(body: dict[str, Any], text: str) -> Iterator[str]:
    head = _envelope(body, "chat.completion.chunk")

    def event(delta: dict[str, Any], finish: str | None = None) -> str:
        choice = {"index": 0, "delta": delta, "finish_reason": finish}
        return f"data: {json.dumps({**head, 'choices': [choice]}, ensure_ascii=False)}\n\n"

    yield event({"role": "assistant", "content": ""})
    for token in _TOKEN_RE.findall(text):
        yield event({"content": token})
    yield event({}, finish="stop")
    if (body.get("stream_options") or {}).get("include_usage"):
        usage = {**head, "choices": [], "usage": _usage(body, text)}
        yield f"data: {json.dumps(usage)}\n\n"
    yield "data: [DONE]\n\n"


@contextmanager
def running_server(server: FakeOpenAIServer | None = None) -> Iterator[FakeOpenAIServer]:
    """Serve a fake on a free loopback port in a background thread; `base_url` ends in /v1."""
    server = server or FakeOpenAIServer()
    sock = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    sock.bind(("127.0.0.1", 0))
    port = sock.getsockname()[1]
    config = uvicorn.Config(server.app(), log_level="warning", lifespan="off")
    uvicorn_server = uvicorn.Server(config)
    thread = threading.Thread(target=uvicorn_server.run, kwargs={"sockets": [sock]}, daemon=True)
    thread.start()
    deadline = time.monotonic() + 10
    while not uvicorn_server.started:
        if time.monotonic() > deadline or not thread.is_alive():
            raise RuntimeError("the fake OpenAI server did not start")
        time.sleep(0.01)
    server.base_url = f"http://127.0.0.1:{port}/v1"
    try:
        yield server
    finally:
        uvicorn_server.should_exit = True
        thread.join(timeout=10)
        sock.close()
