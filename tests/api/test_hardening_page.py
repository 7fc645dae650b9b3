"""The chat page's upload route: a write key when keys are set, and a size limit; reading
the page still needs no key."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from fastapi.testclient import TestClient

from assistant.api.app import create_app
from assistant.api.guards import KEY_COOKIE
from tests.api.conftest import api_settings

KEY = "khoa-ghi-bi-mat"
UPLOAD = "/gradio_api/upload"


@pytest.fixture(scope="module")
def page(tmp_path_factory: pytest.TempPathFactory, warm_cache: Path) -> Iterator[TestClient]:
    """The app with its chat page, keys set, a 1 MB upload limit; the index is not needed."""
    settings = api_settings(tmp_path_factory.mktemp("page"), warm_cache, api_keys=KEY)
    settings = settings.with_overrides(documents={"max_upload_mb": 1})
    with TestClient(create_app(settings, with_ui=True, catch_up=False)) as client:
        yield client


def _file(size: int = 100) -> dict[str, tuple[str, bytes]]:
    return {"files": ("a.txt", b"x" * size)}


def test_the_page_is_read_without_a_key(page: TestClient) -> None:
    assert page.get("/").status_code == 200
    assert page.get("/gradio_api/info").status_code == 200


def test_a_keyless_upload_is_refused_and_stores_nothing(page: TestClient) -> None:
    response = page.post(UPLOAD, files=_file())
    assert response.status_code == 401, response.text
    assert "key" in response.json()["detail"]


def test_a_wrong_key_is_refused(page: TestClient) -> None:
    response = page.post(UPLOAD, files=_file(), headers={"X-API-Key": "sai"})
    assert response.status_code == 403


@pytest.mark.parametrize(
    "how",
    [{"headers": {"X-API-Key": KEY}}, {"headers": {"Authorization": f"Bearer {KEY}"}},
     {"cookies": {KEY_COOKIE: KEY}}],
    ids=["x-api-key", "bearer", "cookie"],
)  # fmt: skip
def test_an_upload_with_the_key_is_stored(page: TestClient, how: dict[str, dict[str, str]]) -> None:
    page.cookies.clear()
    for name, value in how.get("cookies", {}).items():
        page.cookies.set(name, value)
    response = page.post(UPLOAD, files=_file(), headers=how.get("headers"))
    page.cookies.clear()
    assert response.status_code == 200, response.text
    [stored] = response.json()
    assert Path(stored).read_bytes() == b"x" * 100


def test_an_upload_over_the_limit_is_refused_even_with_the_key(page: TestClient) -> None:
    response = page.post(UPLOAD, files=_file(3 << 20), headers={"X-API-Key": KEY})
    assert response.status_code == 413


def test_the_page_puts_a_typed_key_in_the_upload_cookie(page: TestClient) -> None:
    html = page.get("/").text
    assert KEY_COOKIE in html and "SameSite=Strict" in html


def test_an_escaped_cookie_key_is_read_back(page: TestClient) -> None:
    page.cookies.set(KEY_COOKIE, KEY.replace("-", "%2D"))
    response = page.post(UPLOAD, files=_file())
    page.cookies.clear()
    assert response.status_code == 200, response.text
