"""Fixtures for the API tests: the real app on the seed documents, through TestClient.

Every app gets its own data dir but shares the session's embedding cache, which the
`seed_service` fixture has filled: building an app's index costs no embedding.
"""

from __future__ import annotations

import shutil
import time
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
from fastapi import FastAPI
from fastapi.testclient import TestClient

from assistant.api.app import create_app
from assistant.live_index import IndexService
from assistant.server_services import Services
from assistant.settings import Settings
from tests.conftest import SEEDS, make_settings

READY_TIMEOUT_S = 120
READER_MAX_UPLOAD_MB = 1

AppFactory = Callable[..., TestClient]


def api_settings(
    root: Path, embedding_cache: Path, documents: Path | None = None, **api: Any
) -> Settings:
    """Settings for an app under `root` (a copy of the seeds unless `documents` is given)."""
    if documents is None:
        documents = root / "documents"
        shutil.copytree(SEEDS, documents)
    settings = make_settings(root / "data", documents, embedding_cache)
    return settings.with_overrides(api=api) if api else settings


def services_of(client: TestClient) -> Services:
    app: FastAPI = client.app  # type: ignore[assignment]
    services: Services = app.state.services
    return services


def wait_ready(client: TestClient, timeout: float = READY_TIMEOUT_S) -> dict[str, Any]:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        response = client.get("/readyz")
        if response.status_code == 200:
            return dict(response.json())
        time.sleep(0.05)
    raise TimeoutError("the app did not become ready")


@pytest.fixture(scope="session")
def warm_cache(seed_service: IndexService, embedding_cache: Path) -> Path:
    """The session's embedding cache once it holds every seed passage."""
    return embedding_cache


@pytest.fixture(scope="session")
def reader(tmp_path_factory: pytest.TempPathFactory, warm_cache: Path) -> Iterator[TestClient]:
    """One app on the seeds for the whole session, for tests that only read (no keys)."""
    settings = api_settings(tmp_path_factory.mktemp("reader"), warm_cache, max_question_chars=2000)
    settings = settings.with_overrides(documents={"max_upload_mb": READER_MAX_UPLOAD_MB})
    with TestClient(create_app(settings, with_ui=False)) as client:
        wait_ready(client)
        yield client


@pytest.fixture
def make_app(tmp_path: Path, warm_cache: Path) -> Iterator[AppFactory]:
    """Start a fresh app on a copy of the seeds: `make_app(**api_settings, watch=...)`."""
    clients: list[TestClient] = []

    def start(*, watch: bool = False, ready: bool = True, **api: Any) -> TestClient:
        root = tmp_path / f"app{len(clients)}"
        settings = api_settings(root, warm_cache, **api)
        if watch:
            settings = settings.with_overrides(documents={"watch_interval_s": 0.2})
        client = TestClient(create_app(settings, with_ui=False, watch=watch))
        client.__enter__()
        clients.append(client)
        if ready:
            wait_ready(client)
        return client

    yield start
    for client in reversed(clients):
        client.__exit__(None, None, None)


@pytest.fixture
def writer(make_app: AppFactory) -> TestClient:
    """A fresh app on a writable copy of the seeds, no keys."""
    return make_app()


def wait_job(client: TestClient, job: dict[str, Any], timeout: float = 60) -> dict[str, Any]:
    """The job once finished (fails the test if it does not finish in time)."""
    response = client.get(f"/v1/jobs/{job['id']}", params={"wait": min(timeout, 60)})
    assert response.status_code == 200, response.text
    finished = dict(response.json())
    assert finished["state"] in ("succeeded", "failed"), finished
    return finished
