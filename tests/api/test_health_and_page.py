"""Health checks answer at once; readiness says when the index is loaded; the chat page
is mounted at `/` beside the API."""

from __future__ import annotations

import threading
from pathlib import Path
from typing import Any

import pytest
from fastapi.testclient import TestClient

from assistant.api.app import create_app
from assistant.jobs import Progress
from assistant.server_services import Services
from tests.api.conftest import api_settings, services_of, wait_ready


def test_healthz_answers_while_the_index_is_still_loading(
    tmp_path: Path, warm_cache: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    release = threading.Event()
    start_index = Services._start_index

    def slow_start(self: Services, progress: Progress, catch_up: bool = True) -> dict[str, Any]:
        release.wait(30)
        return start_index(self, progress, catch_up)

    monkeypatch.setattr(Services, "_start_index", slow_start)
    app = create_app(api_settings(tmp_path, warm_cache), with_ui=False)
    with TestClient(app) as client:
        assert client.get("/healthz").json() == {"status": "ok"}
        loading = client.get("/readyz")
        assert loading.status_code == 503 and loading.json()["ready"] is False
        assert loading.json()["startup_job"]["state"] in ("queued", "running")
        # Asking now would be answered from an empty index: "come back soon", not a refusal.
        early = client.post("/v1/ask", json={"question": "Giám đốc Công an tỉnh Hà Tĩnh là ai?"})
        assert early.status_code == 503 and "still being built" in early.json()["detail"]
        assert early.headers["Retry-After"] == "5"
        release.set()
        ready = wait_ready(client)
        assert client.post(
            "/v1/ask", json={"question": "Giám đốc Công an tỉnh Hà Tĩnh là ai?"}
        ).json()["citations"]
    assert ready["documents"] == 5 and ready["chunks"] > 5 and ready["index_version"] >= 1
    assert ready["startup_job"]["state"] == "succeeded"
    assert ready["startup_job"]["result"]["added"]


def test_a_restart_serves_the_existing_index_and_catches_up(
    tmp_path: Path, warm_cache: Path
) -> None:
    settings = api_settings(tmp_path, warm_cache)
    with TestClient(create_app(settings, with_ui=False)) as client:
        first = wait_ready(client)
    (settings.documents.documents_dir / "000_cec6d9babd0036f1.txt").unlink()
    with TestClient(create_app(settings, with_ui=False)) as client:
        wait_ready(client)
        job = client.get(f"/v1/jobs/{first['startup_job']['id']}")
        assert job.json()["state"] == "succeeded"  # jobs are kept across restarts
        startup = client.get("/readyz").json()["startup_job"]
        done = client.get(f"/v1/jobs/{startup['id']}", params={"wait": 30}).json()
    assert done["result"]["removed"] == ["000_cec6d9babd0036f1.txt"]
    assert done["result"]["unchanged"] == 4 and done["result"]["rebuilt"] is False


def test_a_second_server_on_the_same_index_does_not_start(tmp_path: Path, warm_cache: Path) -> None:
    settings = api_settings(tmp_path, warm_cache)
    with TestClient(create_app(settings, with_ui=False)) as client:
        wait_ready(client)
        second = TestClient(create_app(settings, with_ui=False))
        with pytest.raises(Exception, match="being written by"), second:
            pass


@pytest.mark.slow
def test_the_chat_page_is_mounted_beside_the_api(tmp_path: Path, warm_cache: Path) -> None:
    with TestClient(create_app(api_settings(tmp_path, warm_cache))) as client:
        wait_ready(client)
        page = client.get("/")
        assert page.status_code == 200 and "text/html" in page.headers["content-type"]
        assert "gradio" in page.text.lower()
        assert client.get("/docs").status_code == 200
        schema = client.get("/openapi.json").json()
        assert {"/v1/ask", "/v1/search", "/v1/chat/completions", "/readyz"} <= set(schema["paths"])
        assert client.get("/healthz").json() == {"status": "ok"}
        assert client.get("/v1/documents").json()["count"] == 5
        asked = client.post("/v1/ask", json={"question": "Điện Biên có bao nhiêu tổ hòa giải?"})
        assert asked.status_code == 200


def test_openapi_documents_every_route(reader: TestClient) -> None:
    schema = reader.get("/openapi.json").json()
    for path, operations in schema["paths"].items():
        for method, operation in operations.items():
            assert operation.get("description"), f"{method.upper()} {path} has no docstring"
    ask = schema["paths"]["/v1/ask"]["post"]
    assert "422" in ask["responses"] and "text/event-stream" in ask["responses"]["200"]["content"]
    assert "HTTPBearer" in schema["components"]["securitySchemes"]


def test_an_index_can_be_served_as_it_is(tmp_path: Path, warm_cache: Path) -> None:
    settings = api_settings(tmp_path, warm_cache)
    with TestClient(create_app(settings, with_ui=False)) as client:
        wait_ready(client)
    (settings.documents.documents_dir / "000_cec6d9babd0036f1.txt").unlink()
    with TestClient(create_app(settings, with_ui=False, catch_up=False)) as client:
        ready = wait_ready(client)
        assert ready["documents"] == 5  # not caught up with the folder
        assert "as indexed" in ready["startup_job"]["message"]
        # It is not the index's writer: another process may maintain the index.
        with services_of(client).index.data.writer_lock():
            pass
