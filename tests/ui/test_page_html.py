"""The page's HTML: its first view's files and theme named up front, sent compressed."""

from __future__ import annotations

import gzip
import json
from pathlib import Path
from typing import Any

import brotli
import pytest
from starlette.applications import Starlette
from starlette.requests import HTTPConnection, Request
from starlette.responses import HTMLResponse, JSONResponse, Response
from starlette.routing import Route
from starlette.testclient import TestClient

from ui.first_view import first_view_files
from ui.page_html import PageHtml

CONFIG = {
    "theme_hash": "5eed",
    "components": [{"id": 3, "props": {"value": ""}}, {"id": 4, "props": {"value": "x"}}],
    "root": "http://testserver",
}
GRADIO_PAGE = (
    "<!doctype html><html><head>"
    f"<script>window.gradio_config = {json.dumps(CONFIG)};</script>"
    '<script type="module" crossorigin src="./assets/index-Ab1.js"></script>'
    '<link rel="stylesheet" crossorigin href="./assets/index-Cd2.css">'
    "</head><body><gradio-app></gradio-app>" + "<!-- padding -->" * 400 + "</body></html>"
)


def _client(
    page: str = GRADIO_PAGE, values: dict[int, dict[str, Any]] | None = None
) -> tuple[TestClient, list[int]]:
    asked = []

    def files() -> list[str]:
        asked.append(1)
        return ["Blocks-X1.js", "Index-Y2.css"]

    def html(request: Request) -> Response:
        return HTMLResponse(page)

    def data(request: Request) -> Response:
        return JSONResponse({"page": page})

    app = Starlette(routes=[Route("/", html, methods=["GET", "HEAD"]), Route("/data", data)])

    def visitor(connection: HTTPConnection) -> dict[int, dict[str, Any]]:
        cookie = connection.cookies.get("who", "")
        return {id_: {k: f"{v}{cookie}" for k, v in p.items()} for id_, p in (values or {}).items()}

    return TestClient(PageHtml(app, files=files, values=visitor if values else None)), asked


def _sent(client: TestClient, path: str, encoding: str) -> tuple[bytes, dict[str, str]]:
    """What went over the wire (TestClient decodes what it receives), and the headers."""
    with client.stream("GET", path, headers={"Accept-Encoding": encoding}) as response:
        return b"".join(response.iter_raw()), dict(response.headers)


def _config(html: str) -> dict[str, Any]:
    start = html.index("window.gradio_config = ") + len("window.gradio_config = ")
    config: dict[str, Any] = json.loads(html[start : html.index(";</script>", start)])
    return config


def test_the_page_names_its_first_view_and_theme_right_after_gradios_own_tags() -> None:
    client, asked = _client()
    html = client.get("/").text
    tail = html[html.index("index-Cd2.css") :]
    assert tail.index('<link rel="modulepreload" crossorigin href="./assets/Blocks-X1.js">') < (
        tail.index('<link rel="preload" as="style" crossorigin href="./assets/Index-Y2.css">')
    ) < tail.index('<link rel="preload" as="style" href="./theme.css?v=5eed">')  # fmt: skip
    assert tail.index("theme.css") < tail.index("</head>")
    client.get("/")
    assert asked == [1]  # the build is read once


def test_the_page_goes_compressed_as_the_browser_accepts() -> None:
    client, _ = _client()
    plain = client.get("/", headers={"Accept-Encoding": "identity"})
    assert "content-encoding" not in plain.headers and "Blocks-X1.js" in plain.text
    sent, headers = _sent(client, "/", "gzip, deflate, br")
    assert headers["content-encoding"] == "br" and headers["content-length"] == str(len(sent))
    assert brotli.decompress(sent).decode() == plain.text and len(sent) < len(plain.content) / 4
    sent, headers = _sent(client, "/", "gzip")
    assert headers["content-encoding"] == "gzip" and gzip.decompress(sent).decode() == plain.text
    assert "Accept-Encoding" in headers["vary"]


def test_other_pages_are_only_compressed_and_other_responses_pass_untouched() -> None:
    client, asked = _client("<html><head></head><body>" + "Văn bản " * 200 + "</body></html>")
    sent, headers = _sent(client, "/", "gzip")
    assert gzip.decompress(sent).decode().count("Văn bản") == 200 and asked == []
    sent, headers = _sent(client, "/data", "gzip")
    assert "content-encoding" not in headers and json.loads(sent)["page"].startswith("<html>")
    assert client.head("/").status_code == 200


def test_each_visitor_gets_the_values_it_opens_with_in_the_config() -> None:
    values = {3: {"value": "</script><b>5 tài liệu</b> & 'more'"}}
    client, _ = _client(values=values)
    html = client.get("/", cookies={"who": "-A"}).text
    props = {c["id"]: c["props"] for c in _config(html)["components"]}
    assert props == {3: {"value": "</script><b>5 tài liệu</b> & 'more'-A"}, 4: {"value": "x"}}
    script = html[html.index("window.gradio_config") :]
    assert script.index("</script>") > script.index("5 tài liệu")  # still one script
    other = _client(values=values)[0].get("/", cookies={"who": "-B"}).text
    assert _config(other)["components"][0]["props"]["value"].endswith("'more'-B")
    assert _config(_client()[0].get("/").text) == CONFIG  # no values: the config as it was


def test_the_installed_gradio_build_is_read(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from gradio.route_utils import BUILD_PATH_LIB

    chat = first_view_files({"chatbot", "textbox"})
    box = first_view_files({"textbox"})
    assert any(name.startswith("Blocks-") for name in box) and set(box) < set(chat)
    assert all((Path(BUILD_PATH_LIB) / name).is_file() for name in chat)
    assert not any(name.startswith("index-") for name in chat)  # the page names those itself
    monkeypatch.setattr("gradio.route_utils.BUILD_PATH_LIB", str(tmp_path / "assets"))
    assert first_view_files({"chatbot"}) == []  # a build it cannot read: no hints
