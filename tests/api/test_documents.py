"""Documents through the API: list, read, upload, replace, delete, rebuild, watch."""

from __future__ import annotations

import time
from pathlib import Path
from typing import Any

from fastapi.testclient import TestClient

from tests.api.conftest import AppFactory, services_of, wait_job
from tests.api.directives import (
    FLOOD_DIRECTIVE,
    FLOOD_FACT,
    FLOOD_QUESTION,
    FOREST_FIRE_DIRECTIVE,
    FOREST_FIRE_FACT,
    FOREST_FIRE_QUESTION,
)

SEED = "000_cec6d9babd0036f1.txt"


def upload(client: TestClient, name: str, text: str) -> dict[str, Any]:
    response = client.post("/v1/documents", files={"file": (name, text.encode())})
    assert response.status_code == 202, response.text
    assert response.headers["location"] == f"/v1/jobs/{response.json()['id']}"
    return wait_job(client, response.json())


def cited(client: TestClient, question: str) -> set[str]:
    body = client.post("/v1/ask", json={"question": question}).json()
    return {c["document"] for c in body["citations"]}


def test_documents_are_listed_with_their_metadata(reader: TestClient) -> None:
    body = reader.get("/v1/documents").json()
    assert body["count"] == 5 and body["index_version"] >= 1
    ids = [d["id"] for d in body["documents"]]
    assert ids == sorted(ids) and SEED in ids
    one = reader.get(f"/v1/documents/{SEED}").json()
    assert one["chunk_count"] > 0 and len(one["sha256"]) == 64 and one["indexed_at"]
    assert one["metadata"]["province"] == "Điện Biên" and one["file_type"] == "txt"


def test_upload_ask_delete(writer: TestClient) -> None:
    assert (
        FOREST_FIRE_FACT.split()[0]
        not in writer.post("/v1/ask", json={"question": FOREST_FIRE_QUESTION}).json()["answer"]
    )
    job = upload(writer, "Chỉ thị 07-CT-UBND.txt", FOREST_FIRE_DIRECTIVE)
    assert job["state"] == "succeeded" and job["kind"] == "upload"
    source = job["result"]["source"]
    assert source == "Chỉ thị 07-CT-UBND.txt" and job["result"]["chunk_count"] >= 1

    answer = writer.post("/v1/ask", json={"question": FOREST_FIRE_QUESTION}).json()
    assert FOREST_FIRE_FACT in answer["answer"]
    assert answer["citations"][0]["document"] == source
    record = writer.get(f"/v1/documents/{source}").json()
    assert record["metadata"]["kind"] == "chỉ thị" and "07/CT-UBND" in str(record["metadata"])

    deleted = writer.delete(f"/v1/documents/{source}")
    assert deleted.status_code == 202
    assert wait_job(writer, deleted.json())["state"] == "succeeded"
    assert writer.get(f"/v1/documents/{source}").status_code == 404
    assert source not in cited(writer, FOREST_FIRE_QUESTION)
    assert not (services_of(writer).intake.documents_dir / source).exists()


def test_the_same_file_twice_is_one_document(writer: TestClient) -> None:
    first = upload(writer, "chi-thi-07.txt", FOREST_FIRE_DIRECTIVE)
    again = upload(writer, "ban-sao-chi-thi.txt", FOREST_FIRE_DIRECTIVE)
    assert again["state"] == "succeeded" and again["result"]["duplicate_of"] == "chi-thi-07.txt"
    assert "already indexed" in again["message"]
    assert first["result"]["duplicate_of"] is None
    assert writer.get("/v1/documents").json()["count"] == 6


def test_a_copy_of_an_indexed_document_under_another_name_is_that_document(
    writer: TestClient,
) -> None:
    seed = services_of(writer).intake.documents_dir / SEED
    again = upload(writer, "ban-sao.txt", seed.read_text(encoding="utf-8"))
    assert again["result"]["duplicate_of"] == SEED and "already indexed" in again["message"]
    assert not (seed.parent / "ban-sao.txt").exists()
    assert writer.get("/v1/documents").json()["count"] == 5


def test_a_replaced_file_reindexes_only_itself(writer: TestClient) -> None:
    upload(writer, "chi-thi-moi.txt", FOREST_FIRE_DIRECTIVE)
    before = {d["id"]: d for d in writer.get("/v1/documents").json()["documents"]}
    job = upload(writer, "chi-thi-moi.txt", FLOOD_DIRECTIVE)
    report = job["result"]["report"]
    assert job["result"]["replaced"] is True
    assert report["updated"] == ["chi-thi-moi.txt"] and report["added"] == []
    assert report["unchanged"] == 5
    after = {d["id"]: d for d in writer.get("/v1/documents").json()["documents"]}
    assert after["chi-thi-moi.txt"]["sha256"] != before["chi-thi-moi.txt"]["sha256"]
    for source in before.keys() - {"chi-thi-moi.txt"}:
        assert after[source]["indexed_at"] == before[source]["indexed_at"]
    assert FLOOD_FACT in writer.post("/v1/ask", json={"question": FLOOD_QUESTION}).json()["answer"]
    assert "chi-thi-moi.txt" not in cited(writer, FOREST_FIRE_QUESTION)


def test_an_unsafe_name_is_saved_inside_the_folder(writer: TestClient, tmp_path: Path) -> None:
    job = upload(writer, "../../../../chi-thi.txt", FOREST_FIRE_DIRECTIVE)
    assert job["result"]["source"] == "chi-thi.txt"
    folder = services_of(writer).intake.documents_dir
    assert (folder / "chi-thi.txt").is_file()
    assert not any(p.name == "chi-thi.txt" for p in tmp_path.iterdir())


def test_rebuild_keeps_every_document(writer: TestClient) -> None:
    before = writer.get("/v1/documents").json()
    generation = writer.get("/readyz").json()["generation"]
    response = writer.post("/v1/index/rebuild")
    assert response.status_code == 202 and response.json()["kind"] == "rebuild"
    job = wait_job(writer, response.json())
    assert job["state"] == "succeeded" and job["result"]["rebuilt"] is True
    after = writer.get("/v1/documents").json()
    assert [d["id"] for d in after["documents"]] == [d["id"] for d in before["documents"]]
    assert job["result"]["generation"] != generation
    assert writer.get("/readyz").json()["generation"] == job["result"]["generation"]
    jobs = writer.get("/v1/jobs").json()["jobs"]
    assert jobs[0]["id"] == job["id"]  # newest first


def test_sync_picks_up_files_copied_by_hand(writer: TestClient) -> None:
    folder = services_of(writer).intake.documents_dir
    (folder / "lu-lut.txt").write_text(FLOOD_DIRECTIVE, encoding="utf-8")
    job = wait_job(writer, writer.post("/v1/index/sync").json())
    assert job["result"]["added"] == ["lu-lut.txt"]


def test_watch_indexes_files_dropped_in_the_folder(make_app: AppFactory) -> None:
    client = make_app(watch=True)
    folder = services_of(client).intake.documents_dir
    (folder / "lu-lut.txt").write_text(FLOOD_DIRECTIVE, encoding="utf-8")
    deadline = time.monotonic() + 30
    while time.monotonic() < deadline:
        if client.get("/v1/documents/lu-lut.txt").status_code == 200:
            break
        time.sleep(0.1)
    assert client.get("/v1/documents/lu-lut.txt").status_code == 200
    (folder / "lu-lut.txt").unlink()
    while time.monotonic() < deadline:
        if client.get("/v1/documents/lu-lut.txt").status_code == 404:
            break
        time.sleep(0.1)
    assert client.get("/v1/documents/lu-lut.txt").status_code == 404


def test_one_document_is_reindexed_alone_and_the_job_is_kept(writer: TestClient) -> None:
    before = writer.get(f"/v1/documents/{SEED}").json()
    response = writer.post(f"/v1/documents/{SEED}/reindex")
    assert response.status_code == 202, response.text
    job = wait_job(writer, response.json())
    assert job["kind"] == "reindex" and job["state"] == "succeeded"
    # Only the named document was read again; the others were left as they were.
    assert job["result"]["updated"] == [SEED] and job["result"]["unchanged"] == 4
    assert job["result"]["chunk_count"] == before["chunk_count"]
    after = writer.get(f"/v1/documents/{SEED}").json()
    assert after["sha256"] == before["sha256"] and after["chunk_count"] == before["chunk_count"]
    assert SEED in cited(writer, "Tỉnh Điện Biên có bao nhiêu tổ hòa giải?")
    assert job["id"] in {j["id"] for j in writer.get("/v1/jobs").json()["jobs"]}
    assert writer.post("/v1/documents/khong-co.txt/reindex").status_code == 404
