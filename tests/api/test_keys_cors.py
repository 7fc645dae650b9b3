"""API keys (writes, and reads when asked) and CORS."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest
from fastapi.testclient import TestClient
from pydantic import SecretStr

from assistant.api.deps import key_is_valid
from tests.api.conftest import AppFactory, services_of
from tests.api.directives import FLOOD_DIRECTIVE

KEYS = "khoa-van-phong-1,khoa-cong-an-2"
ORIGIN = "https://cong-thong-tin.example.gov.vn"
QUESTION = {"question": "Tỉnh Điện Biên có bao nhiêu tổ hòa giải?"}


@pytest.fixture
def keyed(make_app: AppFactory) -> TestClient:
    return make_app(api_keys=KEYS, cors_origins=ORIGIN)


@pytest.fixture
def read_keyed(keyed: TestClient) -> Iterator[TestClient]:
    api = services_of(keyed).settings.api
    api.require_key_for_read = True
    yield keyed
    api.require_key_for_read = False


def bearer(key: str) -> dict[str, str]:
    return {"Authorization": f"Bearer {key}"}


def test_keys_are_split_from_the_environment_string(keyed: TestClient) -> None:
    keys = services_of(keyed).settings.api.api_keys
    assert [k.get_secret_value() for k in keys] == KEYS.split(",")
    assert "khoa-van-phong-1" not in repr(services_of(keyed).settings)


WRITES = [
    ("POST", "/v1/documents", {"files": {"file": ("lu.txt", FLOOD_DIRECTIVE.encode())}}),
    ("DELETE", "/v1/documents/000_cec6d9babd0036f1.txt", {}),
    ("POST", "/v1/index/rebuild", {}),
    ("POST", "/v1/index/sync", {}),
    ("GET", "/v1/feedback", {}),
]


@pytest.mark.parametrize(("method", "path", "kwargs"), WRITES, ids=[w[1] for w in WRITES])
def test_writes_need_a_key(
    keyed: TestClient, method: str, path: str, kwargs: dict[str, Any]
) -> None:
    missing = keyed.request(method, path, **kwargs)
    assert missing.status_code == 401
    assert "API key is required" in missing.json()["detail"]
    assert missing.headers["www-authenticate"] == "Bearer"
    wrong = keyed.request(method, path, headers=bearer("khoa-sai"), **kwargs)
    assert wrong.status_code == 403 and wrong.json()["detail"] == "the API key is not valid"
    basic = keyed.request(method, path, headers={"Authorization": "Basic eDp5"}, **kwargs)
    assert basic.status_code == 401


def test_a_valid_key_in_either_header_is_accepted(keyed: TestClient) -> None:
    by_bearer = keyed.post("/v1/index/sync", headers=bearer("khoa-cong-an-2"))
    by_header = keyed.get("/v1/feedback", headers={"X-API-Key": "khoa-van-phong-1"})
    assert by_bearer.status_code == 202 and by_header.status_code == 200


def test_reads_are_open_unless_required(keyed: TestClient) -> None:
    assert keyed.post("/v1/ask", json=QUESTION).status_code == 200
    assert keyed.get("/v1/documents").status_code == 200
    assert keyed.get("/v1/models").status_code == 200


def test_reads_need_a_key_when_required(read_keyed: TestClient) -> None:
    for method, path, body in [("POST", "/v1/ask", QUESTION), ("GET", "/v1/documents", None),
                               ("POST", "/v1/search", {"query": "hòa giải"})]:  # fmt: skip
        assert read_keyed.request(method, path, json=body).status_code == 401
        assert read_keyed.request(method, path, json=body, headers=bearer("x")).status_code == 403
        ok = read_keyed.request(method, path, json=body, headers=bearer("khoa-van-phong-1"))
        assert ok.status_code == 200
    chat = {"model": "policy-assistant", "messages": [{"role": "user", "content": "Xin chào"}]}
    refused = read_keyed.post("/v1/chat/completions", json=chat)
    assert refused.status_code == 401 and "API key" in refused.json()["error"]["message"]
    # Health checks stay open: a load balancer has no key.
    assert read_keyed.get("/healthz").status_code == 200
    assert read_keyed.get("/readyz").status_code == 200


def test_keys_never_appear_in_logs_or_errors(
    keyed: TestClient, caplog: pytest.LogCaptureFixture
) -> None:
    caplog.set_level("DEBUG")
    wrong = keyed.post("/v1/index/sync", headers=bearer("khoa-cong-an-2-gan-dung"))
    right = keyed.post("/v1/index/sync", headers=bearer("khoa-cong-an-2"))
    assert wrong.status_code == 403 and right.status_code == 202
    for secret in ("khoa-cong-an-2", "khoa-van-phong-1"):
        assert secret not in caplog.text
        assert secret not in wrong.text and secret not in right.text


def test_key_comparison() -> None:
    keys = [SecretStr("alpha"), SecretStr("beta")]
    assert key_is_valid("beta", keys)
    assert not key_is_valid("bet", keys) and not key_is_valid("betaa", keys)
    assert not key_is_valid("", keys) and not key_is_valid("khóa", keys)


def test_cors_allows_the_configured_origin_only(keyed: TestClient) -> None:
    preflight = keyed.options(
        "/v1/ask",
        headers={"Origin": ORIGIN, "Access-Control-Request-Method": "POST",
                 "Access-Control-Request-Headers": "authorization,content-type"},
    )  # fmt: skip
    assert preflight.status_code == 200
    assert preflight.headers["access-control-allow-origin"] == ORIGIN
    assert "authorization" in preflight.headers["access-control-allow-headers"].lower()
    simple = keyed.post("/v1/ask", json=QUESTION, headers={"Origin": ORIGIN})
    assert simple.headers["access-control-allow-origin"] == ORIGIN
    other = keyed.post("/v1/ask", json=QUESTION, headers={"Origin": "https://evil.example"})
    assert "access-control-allow-origin" not in other.headers
    denied = keyed.options(
        "/v1/ask",
        headers={"Origin": "https://evil.example", "Access-Control-Request-Method": "POST"},
    )
    assert denied.status_code == 400


def test_no_cors_origins_means_no_cross_origin_access(reader: TestClient) -> None:
    response = reader.post("/v1/ask", json=QUESTION, headers={"Origin": ORIGIN})
    assert response.status_code == 200
    assert "access-control-allow-origin" not in response.headers
