"""Asking and searching through the API, on the seed documents."""

from __future__ import annotations

import json
from typing import Any

from fastapi.testclient import TestClient

from assistant.answers import Answer
from index.vietnamese import canonical


def sse_events(text: str) -> list[tuple[str, Any]]:
    """(event, data) pairs of a server-sent-events body."""
    events = []
    for block in text.strip().split("\n\n"):
        fields = dict(line.split(": ", 1) for line in block.splitlines() if ": " in line)
        events.append((fields.get("event", "message"), json.loads(fields["data"])))
    return events


def test_ask_answers_with_a_citation_into_the_right_document(reader: TestClient) -> None:
    response = reader.post("/v1/ask", json={"question": "Tỉnh Điện Biên có bao nhiêu tổ hòa giải?"})
    assert response.status_code == 200
    answer = Answer.model_validate(response.json())
    assert not answer.refused
    assert "1.814" in answer.answer and "[1]" in answer.answer
    first = answer.citations[0]
    assert first.document == "000_cec6d9babd0036f1.txt"
    assert first.quote in first.passage
    assert first.start < first.end


def test_ask_understands_a_question_typed_without_diacritics(reader: TestClient) -> None:
    body = reader.post("/v1/ask", json={"question": "Dien Bien co bao nhieu to hoa giai?"}).json()
    assert body["restored_question"]
    assert any(c["document"] == "000_cec6d9babd0036f1.txt" for c in body["citations"])


def test_ask_refuses_what_the_documents_do_not_say(reader: TestClient) -> None:
    body = reader.post(
        "/v1/ask", json={"question": "Giá vé máy bay từ Hà Nội đi Paris tháng 7 là bao nhiêu?"}
    ).json()
    assert body["refused"] is True and body["citations"] == []


def test_a_follow_up_is_read_with_the_history(reader: TestClient) -> None:
    history = [
        {"role": "user", "content": "Huyện Điện Biên Đông duy trì bao nhiêu tổ an ninh nhân dân?"},
        {"role": "assistant", "content": "233 tổ an ninh nhân dân [1]."},
    ]
    body = reader.post(
        "/v1/ask", json={"question": "Còn tổ hòa giải thì sao?", "history": history}
    ).json()
    assert body["standalone_question"] and "hòa giải" in body["standalone_question"]
    assert body["question"] == "Còn tổ hòa giải thì sao?"


def test_filters_restrict_the_documents_cited(reader: TestClient) -> None:
    question = "Có bao nhiêu tổ hòa giải?"
    body = reader.post(
        "/v1/ask",
        json={"question": question, "filters": {"document": "001_9c2018fcc353a387.txt"}},
    ).json()
    cited = {c["document"] for c in body["citations"]} | {r["document"] for r in body["related"]}
    assert cited == {"001_9c2018fcc353a387.txt"}


def test_streamed_answer_sends_deltas_then_the_whole_answer(reader: TestClient) -> None:
    question = "Tỉnh Điện Biên có bao nhiêu tổ hòa giải?"
    with reader.stream("POST", "/v1/ask", json={"question": question, "stream": True}) as response:
        assert response.status_code == 200
        assert response.headers["content-type"].startswith("text/event-stream")
        events = sse_events(response.read().decode())
    kinds = [kind for kind, _ in events]
    assert kinds[-1] == "answer" and set(kinds[:-1]) == {"delta"}
    final = Answer.model_validate(events[-1][1])
    assert "".join(data["text"] for _, data in events[:-1]).strip() == final.answer.strip()
    assert final.citations and final == Answer.model_validate(
        reader.post("/v1/ask", json={"question": question}).json()
    ).model_copy(update={"elapsed_ms": final.elapsed_ms})


def test_search_returns_passages_with_scores_and_metadata(reader: TestClient) -> None:
    response = reader.post("/v1/search", json={"query": "tổ hòa giải", "top_k": 3})
    assert response.status_code == 200
    body = response.json()
    assert len(body["passages"]) == 3
    scores = [p["score"] for p in body["passages"]]
    assert scores == sorted(scores, reverse=True) and all(0 <= s <= 1 for s in scores)
    first = body["passages"][0]
    assert "hòa giải" in canonical(first["text"])  # the document writes "hoà giải"
    assert first["metadata"]["title"] and first["end"] > first["start"]
    assert {"total"} <= set(body["timings_ms"])


def test_search_filters_by_locality_and_year(reader: TestClient) -> None:
    body = reader.post(
        "/v1/search",
        json={"query": "an ninh trật tự", "filters": {"locality": "Quảng Bình", "year_from": 2021}},
    ).json()
    assert body["passages"]
    for passage in body["passages"]:
        meta = passage["metadata"]
        assert "Quảng Bình" in (meta["province"] or "") and meta["year"] >= 2021
