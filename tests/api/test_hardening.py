"""Hardening of the HTTP edge: bodies capped as they stream, waits that hold no thread,
health never starved, crafted uploads that cannot freeze the server."""

from __future__ import annotations

import asyncio
import threading
import time
from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor
from typing import Any

import pytest
from fastapi.testclient import TestClient

from assistant.api.guards import BodyLimit, Message, Scope
from tests.api.conftest import AppFactory, services_of, wait_job

# --- the body limit, at the ASGI level -------------------------------------------------------


class _Recorder:
    """An app that reads the whole body, and what reached it."""

    def __init__(self) -> None:
        self.read = 0
        self.called = False

    async def __call__(self, scope: Scope, receive: Any, send: Any) -> None:
        self.called = True
        more = True
        while more:
            message = await receive()
            self.read += len(message.get("body", b""))
            more = message.get("more_body", False)
        await send({"type": "http.response.start", "status": 200, "headers": []})
        await send({"type": "http.response.body", "body": b"ok"})


def _run(
    guard: BodyLimit, headers: list[tuple[bytes, bytes]], chunks: list[bytes]
) -> tuple[int, int]:
    """Send `chunks` through the guard; the status sent and the chunks it pulled."""
    pulled = 0
    sent: list[Message] = []

    async def receive() -> Message:
        nonlocal pulled
        pulled += 1
        more = pulled < len(chunks)
        return {"type": "http.request", "body": chunks[pulled - 1], "more_body": more}

    async def send(message: Message) -> None:
        sent.append(message)

    scope = {"type": "http", "method": "POST", "path": "/v1/ask", "headers": headers}
    asyncio.run(guard(scope, receive, send))
    return sent[0]["status"], pulled


def test_a_declared_length_over_the_limit_is_refused_before_a_byte_is_read() -> None:
    app = _Recorder()
    status, pulled = _run(BodyLimit(app, 1 << 20, 1024), [(b"content-length", b"209715200")],
                          [b"x"])  # fmt: skip
    assert (status, pulled, app.called) == (413, 0, False)


def test_a_streamed_body_is_cut_as_soon_as_it_passes_the_limit() -> None:
    app = _Recorder()
    chunks = [b"x" * 512] * 100  # 50 KB, chunked, no length declared
    status, pulled = _run(BodyLimit(app, 1 << 20, 1024), [], chunks)
    assert status == 413
    assert pulled == 3  # 1,536 bytes: the third chunk passed 1 KB; the rest never read


def test_a_body_within_the_limit_passes_untouched() -> None:
    app = _Recorder()
    status, _ = _run(BodyLimit(app, 1 << 20, 1024), [(b"content-length", b"1000")], [b"x" * 1000])
    assert (status, app.read) == (200, 1000)


def test_a_length_that_is_not_a_number_is_a_400() -> None:
    status, _ = _run(BodyLimit(_Recorder(), 1 << 20, 1024), [(b"content-length", b"lots")], [b""])
    assert status == 400


def test_a_chunked_upload_over_the_limit_gets_413(reader: TestClient) -> None:
    boundary = "b0undary"

    def body() -> Iterator[bytes]:
        yield (f"--{boundary}\r\nContent-Disposition: form-data; name=\"file\"; "
               'filename="lon.txt"\r\n\r\n').encode()  # fmt: skip
        for _ in range(40):  # 2.5 MB against the reader's 1 MB
            yield b"Ch\xe1\xbb\x89 th\xe1\xbb\x8b. " * 4096
        yield f"\r\n--{boundary}--\r\n".encode()

    content_type = f"multipart/form-data; boundary={boundary}"
    response = reader.post("/v1/documents", content=body(), headers={"Content-Type": content_type})
    assert response.status_code == 413, response.text
    assert "too large" in response.json()["detail"]


def test_a_large_json_body_to_ask_is_refused_unparsed(reader: TestClient) -> None:
    started = time.perf_counter()
    response = reader.post("/v1/ask", content=b'{"question": "' + b"a" * (20 << 20) + b'"}',
                           headers={"Content-Type": "application/json"})  # fmt: skip
    assert response.status_code == 413
    assert time.perf_counter() - started < 5


# --- waits and health ---------------------------------------------------------------------


STARVED_SECONDS = 10  # well under the 30 s the waiting requests hold their threads


def _timed_get(client: TestClient, path: str) -> tuple[int, float]:
    started = time.perf_counter()
    response = client.get(path)
    return response.status_code, time.perf_counter() - started


def test_sixty_waiting_clients_starve_neither_health_nor_other_requests(
    reader: TestClient,
) -> None:
    release = threading.Event()
    job = services_of(reader).jobs.submit("sync", lambda progress: {"waited": release.wait(60)})
    with ThreadPoolExecutor(max_workers=64) as pool:
        waits = [pool.submit(reader.get, f"/v1/jobs/{job.id}", params={"wait": 30})
                 for _ in range(60)]  # fmt: skip
        time.sleep(1.0)  # every wait has arrived and is waiting
        assert not any(w.done() for w in waits)
        health = [_timed_get(reader, "/healthz") for _ in range(5)]
        ready = _timed_get(reader, "/readyz")
        listing = _timed_get(reader, "/v1/documents")  # a sync route: needs a free thread
        release.set()
        finished = [w.result(timeout=20) for w in waits]
    # Starved, each would wait for a thread until the waits time out (30 s); answered, it
    # comes back long before (the bound is that event's, not a speed target).
    assert all(status == 200 for status, _ in health)
    assert max(seconds for _, seconds in health) < STARVED_SECONDS, health
    assert ready[0] == 200 and ready[1] < STARVED_SECONDS, ready
    assert listing[0] == 200 and listing[1] < STARVED_SECONDS, listing
    assert all(r.status_code == 200 and r.json()["state"] == "succeeded" for r in finished)


def test_a_wait_ends_when_the_job_does(reader: TestClient) -> None:
    release = threading.Event()
    job = services_of(reader).jobs.submit("sync", lambda progress: {"waited": release.wait(30)})
    threading.Timer(0.5, release.set).start()
    started = time.perf_counter()
    response = reader.get(f"/v1/jobs/{job.id}", params={"wait": 20})
    assert response.json()["state"] == "succeeded"
    assert 0.4 < time.perf_counter() - started < 3


# --- a crafted upload does not freeze the server -------------------------------------------


@pytest.mark.slow
def test_the_quadratic_markdown_upload_no_longer_freezes_the_server(make_app: AppFactory) -> None:
    client = make_app()
    text = "Chỉ thị về công an xã. " + "**a " * 16_000
    with ThreadPoolExecutor(max_workers=1) as pool:
        started = time.perf_counter()
        upload = pool.submit(client.post, "/v1/documents",
                             files={"file": ("redos.md", text.encode())})  # fmt: skip
        health = [_timed_get(client, "/healthz") for _ in range(10)]
        response = upload.result(timeout=60)
        upload_seconds = time.perf_counter() - started
    assert response.status_code == 202, response.text
    assert upload_seconds < 5
    assert max(seconds for _, seconds in health) < 0.5, health
    # One unbroken 64 KB "sentence" is one chunk: the embedder reads its first 512 tokens
    # (it took 106 s whole, while every question waited for the embedder).
    assert wait_job(client, response.json(), timeout=60)["state"] == "succeeded"
