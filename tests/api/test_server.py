"""The main flows through a real server: `python -m assistant serve` on a loopback port.

The server requires a key for reads too, so every request (and the OpenAI client) sends
one, as a deployed internal tool would.
"""

from __future__ import annotations

import json
import shutil
import threading
import time
from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import httpx
import openai
import pytest

from tests.api.conftest import SEEDS
from tests.api.directives import (
    FLOOD_DIRECTIVE,
    FLOOD_QUESTION,
    FOREST_FIRE_DIRECTIVE,
    FOREST_FIRE_FACT,
    FOREST_FIRE_QUESTION,
)
from tests.conftest import SHARED
from tests.servers import ServerProcess, running_server, server_env

pytestmark = [pytest.mark.server, pytest.mark.slow]

KEY = "khoa-may-chu-kiem-thu"
START_TIMEOUT_S = 180


@pytest.fixture(scope="module")
def server(tmp_path_factory: pytest.TempPathFactory, warm_cache: Path) -> Iterator[Server]:
    root = tmp_path_factory.mktemp("server")
    documents = root / "documents"
    shutil.copytree(SEEDS, documents)
    env = server_env(
        warm_cache, PA_API_KEYS=KEY, PA_REQUIRE_KEY_FOR_READ="true", PA_WATCH_INTERVAL_S="0.3"
    )
    with running_server(documents, root / "data", env, ["--watch"], START_TIMEOUT_S) as process:
        yield Server(process)


@dataclass
class Server:
    """The running server, every request sent with the key (reads need one here too)."""

    process: ServerProcess

    @property
    def url(self) -> str:
        return self.process.url

    @property
    def documents(self) -> Path:
        return self.process.documents

    def client(self, **kwargs: Any) -> httpx.Client:
        return self.process.client(KEY, **kwargs)


def wait_job(client: httpx.Client, job: dict[str, Any]) -> dict[str, Any]:
    deadline = time.monotonic() + 120
    while time.monotonic() < deadline:
        current = client.get(f"/v1/jobs/{job['id']}", params={"wait": 30}).json()
        if current["state"] in ("succeeded", "failed"):
            return dict(current)
    pytest.fail(f"job {job['id']} did not finish")


def ask(client: httpx.Client, question: str) -> dict[str, Any]:
    response = client.post("/v1/ask", json={"question": question})
    assert response.status_code == 200, response.text
    return dict(response.json())


def test_upload_ask_delete_through_the_server(server: Server) -> None:
    with server.client() as client:
        upload = client.post(
            "/v1/documents",
            files={"file": ("Chỉ thị 07-CT-UBND phòng cháy rừng.txt", FOREST_FIRE_DIRECTIVE)},
        )
        assert upload.status_code == 202, upload.text
        job = wait_job(client, upload.json())
        assert job["state"] == "succeeded", job
        source = job["result"]["source"]

        answer = ask(client, FOREST_FIRE_QUESTION)
        assert FOREST_FIRE_FACT in answer["answer"]
        assert answer["citations"][0]["document"] == source
        assert FOREST_FIRE_FACT in answer["citations"][0]["quote"]

        deleted = client.delete(f"/v1/documents/{source}")
        assert deleted.status_code == 202
        assert wait_job(client, deleted.json())["state"] == "succeeded"
        assert client.get(f"/v1/documents/{source}").status_code == 404
        after = ask(client, FOREST_FIRE_QUESTION)
        assert source not in {c["document"] for c in after["citations"] + after["related"]}
        assert FOREST_FIRE_FACT not in after["answer"]


def test_watch_picks_up_a_file_dropped_in_the_folder(server: Server) -> None:
    dropped = server.documents / "lu-lut-tha-vao.txt"
    dropped.write_text(FLOOD_DIRECTIVE, encoding="utf-8")
    try:
        with server.client() as client:
            deadline = time.monotonic() + 60
            while client.get(f"/v1/documents/{dropped.name}").status_code != 200:
                assert time.monotonic() < deadline, "the dropped file was not indexed"
                time.sleep(0.2)
    finally:
        dropped.unlink()
    with server.client() as client:
        while client.get(f"/v1/documents/{dropped.name}").status_code != 404:
            assert time.monotonic() < deadline + 60, "the removed file stayed in the index"
            time.sleep(0.2)


def seed_questions() -> list[str]:
    lines = (SHARED / "eval" / "dev.jsonl").read_text(encoding="utf-8").splitlines()
    rows = [json.loads(line) for line in lines if line.strip()]
    return [row["question"] for row in rows if row["answerable"]][:8]


def answer_key(answer: dict[str, Any]) -> tuple[Any, ...]:
    """What must not change while the index is rebuilt: text and every citation."""
    citations = tuple(
        (c["document"], c["quote"], c["start"], c["end"], c["passage_start"], c["passage_end"])
        for c in answer["citations"]
    )
    return answer["answer"], answer["refused"], citations


@dataclass
class Asked:
    question: str
    started: float
    ended: float
    status: int
    body: dict[str, Any]


@dataclass
class Load:
    """Clients asking in a loop until stopped (each asks at least twice)."""

    server: Server
    questions: list[str]
    stop: threading.Event = field(default_factory=threading.Event)
    asked: list[Asked] = field(default_factory=list)

    def client(self, offset: int) -> None:
        with self.server.client() as client:
            count = 0
            while not self.stop.is_set() or count < 2:
                question = self.questions[(offset + count) % len(self.questions)]
                started = time.monotonic()
                response = client.post("/v1/ask", json={"question": question})
                self.asked.append(Asked(question, started, time.monotonic(),
                                        response.status_code, response.json()))  # fmt: skip
                count += 1


def test_twenty_concurrent_asks_while_the_index_is_rebuilt(server: Server) -> None:
    questions = [*seed_questions(), FLOOD_QUESTION]
    with server.client() as client:
        before = {q: answer_key(ask(client, q)) for q in questions}
    load = Load(server, questions)
    with ThreadPoolExecutor(max_workers=20) as pool, server.client() as client:
        clients = [pool.submit(load.client, n) for n in range(20)]
        time.sleep(0.5)  # let the asks get going first
        submitted = time.monotonic()
        rebuild = client.post("/v1/index/rebuild").json()
        upload = client.post("/v1/documents", files={"file": ("lu-lut.txt", FLOOD_DIRECTIVE)})
        rebuilt, rebuilt_at = wait_job(client, rebuild), time.monotonic()
        uploaded, uploaded_at = wait_job(client, upload.json()), time.monotonic()
        while sum(a.started > uploaded_at for a in load.asked) < 2 * len(questions):
            time.sleep(0.05)  # keep asking a while after the new directive is in
        load.stop.set()
        for future in clients:
            future.result()
        after_flood = answer_key(ask(client, FLOOD_QUESTION))
        documents = {d["id"] for d in client.get("/v1/documents").json()["documents"]}

    assert rebuilt["state"] == "succeeded" and rebuilt["result"]["rebuilt"]
    assert uploaded["state"] == "succeeded"
    assert [a.status for a in load.asked if a.status != 200] == []
    during = [a for a in load.asked if a.started < rebuilt_at and a.ended > submitted]
    print(
        f"{len(load.asked)} asks, {len(during)} during the rebuild ({rebuilt_at - submitted:.2f} s)"
    )
    assert len(during) >= 20, "the asks did not overlap the rebuild"
    assert after_flood != before[FLOOD_QUESTION]
    for record in load.asked:
        got = answer_key(record.body)
        if record.question == FLOOD_QUESTION:
            # Before the new directive is committed, or after: never anything in between.
            assert got in (before[FLOOD_QUESTION], after_flood), record.body
        else:
            assert got == before[record.question], record.question
        assert {c["document"] for c in record.body["citations"]} <= documents
    assert any(c["document"] == "lu-lut.txt" for a in load.asked for c in a.body["citations"])


def test_the_openai_client_asks_through_the_server(server: Server) -> None:
    client = openai.OpenAI(base_url=f"{server.url}/v1", api_key=KEY, max_retries=0, timeout=60)
    assert "policy-assistant" in [model.id for model in client.models.list()]
    messages: list[Any] = [{"role": "user", "content": "Tỉnh Điện Biên có bao nhiêu tổ hòa giải?"}]
    completion = client.chat.completions.create(model="policy-assistant", messages=messages)
    content = completion.choices[0].message.content or ""
    assert "1.814" in content and "Nguồn:" in content
    citations = (completion.model_extra or {})["citations"]
    assert citations[0]["document"] == "000_cec6d9babd0036f1.txt"

    stream = client.chat.completions.create(
        model="policy-assistant", messages=messages, stream=True,
        stream_options={"include_usage": True},
    )  # fmt: skip
    pieces, extra, usage = [], {}, None
    for chunk in stream:
        if chunk.choices:
            pieces.append(chunk.choices[0].delta.content or "")
            if chunk.choices[0].finish_reason == "stop":
                extra = chunk.model_extra or {}
        usage = chunk.usage or usage
    assert "".join(pieces) == content
    assert extra["citations"] == citations
    assert usage is not None and usage.completion_tokens > 0


def test_the_openai_client_sees_our_errors(server: Server) -> None:
    wrong_key = openai.OpenAI(base_url=f"{server.url}/v1", api_key="khoa-sai", max_retries=0)
    with pytest.raises(openai.PermissionDeniedError, match="not valid"):
        wrong_key.models.list()
    client = openai.OpenAI(base_url=f"{server.url}/v1", api_key=KEY, max_retries=0)
    with pytest.raises(openai.NotFoundError, match="does not exist"):
        client.chat.completions.create(
            model="gpt-4o", messages=[{"role": "user", "content": "Xin chào"}]
        )
    with pytest.raises(openai.UnprocessableEntityError, match="too long"):
        client.chat.completions.create(
            model="policy-assistant", messages=[{"role": "user", "content": "hỏi " * 1000}]
        )


def test_the_page_and_docs_are_served_beside_the_api(server: Server) -> None:
    with server.client() as client:
        assert "gradio" in client.get("/").text.lower()
        assert client.get("/docs").status_code == 200
        assert client.get("/healthz").json() == {"status": "ok"}
        ready = client.get("/readyz").json()
        assert ready["ready"] and ready["documents"] >= 5
