"""The page's script and style files from memory: compressed, cached, never outside the folder."""

from __future__ import annotations

import gzip
from pathlib import Path

import brotli
from starlette.applications import Starlette
from starlette.responses import PlainTextResponse
from starlette.routing import Route
from starlette.testclient import TestClient

from ui.assets import IMMUTABLE, PageAssets


def _client() -> tuple[TestClient, Path]:
    from gradio.route_utils import BUILD_PATH_LIB

    def fallback(request: object) -> PlainTextResponse:
        return PlainTextResponse("from the app", status_code=404)

    app = Starlette(routes=[Route("/{path:path}", fallback)])
    script = max(Path(BUILD_PATH_LIB).glob("index-*.js"), key=lambda p: p.stat().st_size)
    return TestClient(PageAssets(app)), script


def test_a_script_comes_compressed_with_a_year_of_cache_and_its_etag() -> None:
    client, script = _client()
    raw = script.read_bytes()
    # TestClient (httpx) decodes what it receives; the raw bytes show what was sent.
    with client.stream("GET", f"/assets/{script.name}", headers={"Accept-Encoding": "br"}) as r:
        sent = b"".join(r.iter_raw())
    assert r.status_code == 200 and r.headers["content-encoding"] == "br"
    assert r.headers["cache-control"] == IMMUTABLE
    assert brotli.decompress(sent) == raw and len(sent) < len(raw) / 2
    with client.stream("GET", f"/assets/{script.name}", headers={"Accept-Encoding": "gzip"}) as r:
        assert gzip.decompress(b"".join(r.iter_raw())) == raw
    again = client.get(f"/assets/{script.name}", headers={"If-None-Match": r.headers["etag"]})
    assert again.status_code == 304 and again.content == b""


def test_names_it_does_not_have_go_on_to_the_app() -> None:
    client, _ = _client()
    outside = "/assets/..%2F..%2F..%2Froutes.py"  # gradio/routes.py, were it followed
    for path in ("/assets/no-such-file.js", outside, "/assets/", "/v1/ask"):
        response = client.get(path)
        assert (response.status_code, response.text) == (404, "from the app"), path
