"""The OpenAI-compatible routes' shapes, and feedback on answers (TestClient).

The real `openai` client is exercised against a real server in test_server.py.
"""

from __future__ import annotations

import json
from typing import Any

from fastapi.testclient import TestClient

from tests.api.conftest import AppFactory

QUESTION = "Tỉnh Điện Biên có bao nhiêu tổ hòa giải?"


def chat(client: TestClient, **body: Any) -> Any:
    messages = body.pop("messages", [{"role": "user", "content": QUESTION}])
    return client.post(
        "/v1/chat/completions", json={"model": "policy-assistant", "messages": messages, **body}
    )


def test_models_lists_the_assistant(reader: TestClient) -> None:
    body = reader.get("/v1/models").json()
    assert body["object"] == "list" and [m["id"] for m in body["data"]] == ["policy-assistant"]
    assert reader.get("/v1/models/policy-assistant").json()["object"] == "model"


def test_a_completion_carries_citations_in_text_and_as_data(reader: TestClient) -> None:
    response = chat(reader, temperature=0.2, max_tokens=300, user="can-bo-01")
    assert response.status_code == 200
    body = response.json()
    assert body["object"] == "chat.completion" and body["model"] == "policy-assistant"
    content = body["choices"][0]["message"]["content"]
    assert "1.814" in content and "Nguồn:" in content
    assert body["citations"][0]["document"] == "000_cec6d9babd0036f1.txt"
    assert f"[1] {body['citations'][0]['title']}" in content
    assert body["choices"][0]["finish_reason"] == "stop" and body["usage"]["total_tokens"] > 0


def test_content_parts_and_conversation_are_understood(reader: TestClient) -> None:
    messages = [
        {"role": "system", "content": "Bạn là trợ lý."},
        {"role": "user", "content": "Huyện Điện Biên Đông duy trì bao nhiêu tổ an ninh nhân dân?"},
        {"role": "assistant", "content": "233 tổ an ninh nhân dân [1]."},
        {"role": "user", "content": [{"type": "text", "text": "Còn tổ hòa giải thì sao?"}]},
    ]
    body = chat(reader, messages=messages).json()
    assert "hòa giải" in (body["answer"]["standalone_question"] or "")


def test_a_streamed_completion_ends_with_citations_and_done(reader: TestClient) -> None:
    response = chat(reader, stream=True, stream_options={"include_usage": True})
    assert response.status_code == 200
    lines = [ln[6:] for ln in response.text.splitlines() if ln.startswith("data: ")]
    assert lines[-1] == "[DONE]"
    chunks = [json.loads(line) for line in lines[:-1]]
    assert chunks[0]["choices"][0]["delta"]["role"] == "assistant"
    text = "".join(c["choices"][0]["delta"].get("content", "") for c in chunks if c["choices"])
    whole = chat(reader).json()["choices"][0]["message"]["content"]
    assert text == whole
    last = [c for c in chunks if c["choices"]][-1]
    assert last["choices"][0]["finish_reason"] == "stop" and last["citations"]
    assert "grounding" in last and last["grounding"] is None  # extractive: quoted, not checked
    assert chunks[-1]["usage"]["completion_tokens"] > 0 and chunks[-1]["choices"] == []


def test_feedback_is_stored_and_exported(make_app: AppFactory) -> None:
    client = make_app()
    answer = client.post("/v1/ask", json={"question": QUESTION}).json()
    created = client.post(
        "/v1/feedback",
        json={"rating": "down", "question": QUESTION, "answer": answer, "comment": "Thiếu số liệu"},
    )
    assert created.status_code == 201
    client.post("/v1/feedback", json={"rating": "up", "question": QUESTION, "answer": answer})
    exported = client.get("/v1/feedback").json()
    assert exported["count"] == 2
    first = exported["items"][0]
    assert first["id"] == created.json()["id"] and first["rating"] == "down"
    assert first["comment"] == "Thiếu số liệu" and first["answer"] == answer["answer"]
    assert first["citations"][0]["document"] == answer["citations"][0]["document"]
