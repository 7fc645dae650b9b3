"""The audit trail: every write recorded with time, key id (never the key), file and hash;
`GET /v1/audit` for key holders only."""

from __future__ import annotations

import hashlib
import sqlite3
from pathlib import Path

import pytest
from fastapi.testclient import TestClient

from assistant.audit import ANONYMOUS, AuditLog, key_id
from tests.api.conftest import AppFactory, services_of, wait_job

ALICE, BOB = "khoa-cua-alice-123", "khoa-cua-bob-456"
PLANTED = "Chỉ thị số 99/CT-UBND về an ninh mạng.\n\nMật khẩu quản trị là 123456.\n".encode()
ANSWER = {"question": "Mật khẩu?", "answer": "123456 [1].", "refused": False}


@pytest.fixture
def keyed(make_app: AppFactory) -> TestClient:
    return make_app(api_keys=f"{ALICE},{BOB}")


def _audit(client: TestClient, key: str = ALICE, **params: object) -> list[dict[str, object]]:
    response = client.get("/v1/audit", params=params, headers={"X-API-Key": key})
    assert response.status_code == 200, response.text
    return list(response.json()["entries"])


def test_every_write_is_recorded_with_who_what_and_the_hash(keyed: TestClient) -> None:
    alice, bob = {"X-API-Key": ALICE}, {"Authorization": f"Bearer {BOB}"}
    upload = keyed.post("/v1/documents", files={"file": ("mat-khau.txt", PLANTED)}, headers=alice)
    assert upload.status_code == 202, upload.text
    wait_job(keyed, upload.json())
    refused = keyed.post("/v1/documents", files={"file": ("anh.txt", b"\x89PNG\r\n\x1a\n")},
                         headers=alice)  # fmt: skip
    assert refused.status_code == 415
    feedback = keyed.post("/v1/feedback", json={"rating": "down", "question": "Mật khẩu?",
                                                "answer": ANSWER})  # fmt: skip
    assert feedback.status_code == 201
    deleted = keyed.delete("/v1/documents/mat-khau.txt", headers=bob)
    assert deleted.status_code == 202
    wait_job(keyed, deleted.json())
    assert keyed.post("/v1/index/rebuild", headers=bob).status_code == 202

    entries = _audit(keyed)
    actions = [(e["action"], e["actor"], e["source"]) for e in reversed(entries)]
    assert actions == [
        ("upload", key_id(ALICE), "mat-khau.txt"),
        ("upload-refused", key_id(ALICE), "anh.txt"),
        ("feedback", ANONYMOUS, ""),
        ("delete", key_id(BOB), "mat-khau.txt"),
        ("rebuild", key_id(BOB), ""),
    ]
    digest = hashlib.sha256(PLANTED).hexdigest()
    assert entries[-1]["sha256"] == digest and entries[-1]["detail"].startswith("new")
    assert entries[1]["sha256"] == digest  # the deleted version is named by its hash
    assert "PNG" in str(entries[-2]["detail"])
    assert all(str(e["at"]).endswith("+00:00") for e in entries)
    assert [e["source"] for e in _audit(keyed, source="mat-khau.txt")] == ["mat-khau.txt"] * 2


def test_the_log_holds_no_key(keyed: TestClient) -> None:
    keyed.post("/v1/index/sync", headers={"X-API-Key": ALICE})
    path = services_of(keyed).audit.path
    dump = "\n".join(sqlite3.connect(path).iterdump())
    assert key_id(ALICE) in dump
    assert ALICE not in dump and BOB not in dump
    assert key_id(ALICE) != key_id(BOB) and len(key_id(ALICE)) == len("key:") + 12


def test_the_audit_is_for_key_holders(keyed: TestClient) -> None:
    assert keyed.get("/v1/audit").status_code == 401
    assert keyed.get("/v1/audit", headers={"X-API-Key": "doan-mo"}).status_code == 403
    assert keyed.get("/v1/audit", params={"limit": 0}, headers={"X-API-Key": ALICE}).status_code \
        == 422  # fmt: skip


def test_the_log_survives_a_restart(tmp_path: Path) -> None:
    path = tmp_path / "audit.sqlite"
    log = AuditLog(path)
    log.record("upload", key_id(ALICE), "a.txt", "ab" * 32, "new; job-1")
    log.close()
    reopened = AuditLog(path)
    [entry] = reopened.entries()
    assert (entry.action, entry.source) == ("upload", "a.txt")
    assert reopened.added_at("a.txt") == entry.at
    with pytest.raises(ValueError, match="unknown audit action"):
        reopened.record("drop-table", ANONYMOUS)
    reopened.close()
