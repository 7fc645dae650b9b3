"""The page's HTML: its first view's files and theme named up front, sent compressed."""

from __future__ import annotations

import gzip
import json
from pathlib import Path

import brotli
import pytest
from starlette.applications import Starlette
from starlette.requests import Request
from starlette.responses import HTMLResponse, JSONResponse, Response
from starlette.routing import Route
from starlette.testclient import TestClient

from ui.first_view import first_view_files
from ui.page_html import PageHtml

CONFIG = {"theme_hash": "5eed", "components": [], "root": "http://testserver"}
GRADIO_PAGE = (
    "<!doctype html><html><head>"
    f"<script>window.gradio_config = {json.dumps(CONFIG)};</script>"
    '<script type="module" crossorigin src="./assets/index-Ab1.js"></script>'
    '<link rel="stylesheet" crossorigin href="./assets/index-Cd2.css">'
    "</head><body><gradio-app></gradio-app>" + "<!-- padding -->" * 400 + "</body></html>"
)


def _client(page: str = GRADIO_PAGE) -> tuple[TestClient, list[int]]:
    asked = []

    def files() -> list[str]:
        asked.append(1)
        return ["Blocks-X1.js", "Index-Y2.css"]

    def html(request: Request) -> Response:
        return HTMLResponse(page)

    def data(request: Request) -> Response:
        return JSONResponse({"page": page})

    app = Starlette(routes=[Route("/", html, methods=["GET", "HEAD"]), Route("/data", data)])
    return TestClient(PageHtml(app, files=files)), asked


def _sent(client: TestClient, path: str, encoding: str) -> tuple[bytes, dict[str, str]]:
    """What went over the wire (TestClient decodes what it receives), and the headers."""
    with client.stream("GET", path, headers={"Accept-Encoding": encoding}) as response:
        return b"".join(response.iter_raw()), dict(response.headers)


def test_the_page_names_its_first_view_and_theme_right_after_gradios_own_tags() -> None:
    client, asked = _client()
    html = client.get("/").text
    tail = html[html.index("index-Cd2.css") :]
    assert tail.index('<link rel="modulepreload" crossorigin href="./assets/Blocks-X1.js">') < (
        tail.index('<link rel="preload" as="style" crossorigin href="./assets/Index-Y2.css">')
    ) < tail.index('<link rel="stylesheet" href="http://testserver/theme.css?v=5eed">')  # fmt: skip
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


@pytest.mark.parametrize("root", ["http://host:8000/app/", 'http://x/"><script>'])
def test_the_theme_link_carries_the_address_gradio_builds_and_nothing_else(root: str) -> None:
    config = {**CONFIG, "root": root}
    page = GRADIO_PAGE.replace(json.dumps(CONFIG), json.dumps(config))
    html = _client(page)[0].get("/").text
    link = html[html.index('<link rel="stylesheet" href="http') :].split(">")[0]
    assert "<script" not in link and link.endswith('/theme.css?v=5eed"')
    assert ("http://host:8000/app/theme.css" in link) == (root == "http://host:8000/app/")


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
