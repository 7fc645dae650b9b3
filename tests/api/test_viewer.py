"""The chat page's document viewer: the whole text with the span marked, keyed like reads."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from fastapi.testclient import TestClient

from assistant.api.app import create_app
from assistant.api.guards import KEY_COOKIE
from tests.api.conftest import api_settings, wait_ready

KEY = "khoa-doc-bi-mat"
SEED = "000_cec6d9babd0036f1.txt"


@pytest.fixture(scope="module")
def page(tmp_path_factory: pytest.TempPathFactory, warm_cache: Path) -> Iterator[TestClient]:
    """The app with its chat page; reading needs a key."""
    settings = api_settings(
        tmp_path_factory.mktemp("viewer"), warm_cache, api_keys=KEY, require_key_for_read=True
    )
    with TestClient(create_app(settings, with_ui=True)) as client:
        wait_ready(client)
        yield client


def test_the_viewer_needs_the_read_key_from_a_header_or_the_page_cookie(page: TestClient) -> None:
    assert page.get(f"/view/{SEED}").status_code == 401
    assert page.get(f"/view/{SEED}", headers={"X-API-Key": "sai"}).status_code == 401
    assert page.get(f"/view/{SEED}", headers={"X-API-Key": KEY}).status_code == 200
    page.cookies.set(KEY_COOKIE, KEY)
    try:
        assert page.get(f"/view/{SEED}").status_code == 200
    finally:
        page.cookies.clear()


def test_the_viewer_marks_the_span_and_loads_nothing_from_elsewhere(page: TestClient) -> None:
    text = "1.814 tổ hoà giải"
    response = page.get(f"/view/{SEED}", params={"start": 0, "end": 5}, headers={"X-API-Key": KEY})
    assert response.headers["content-security-policy"].startswith("default-src 'none'")
    assert '<mark id="pa-cited">VPUB ' in response.text and text in response.text
    assert "<script" not in response.text
    missing = page.get("/view/khong-co.txt", headers={"X-API-Key": KEY})
    assert missing.status_code == 404 and "Không tìm thấy" in missing.text
    bad = page.get(f"/view/{SEED}", params={"start": -1}, headers={"X-API-Key": KEY})
    assert bad.status_code == 422
