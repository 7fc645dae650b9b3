"""The page's HTML, made quicker to open: what it shows first, its files up front, compressed.

Gradio renders the page (~95 KB, most of it the inlined config) uncompressed: its own
compression covers only paths with a file extension. `PageHtml` takes the HTML it renders
and, before sending it,
- sets the values this visitor sees first in the inlined config (`values`: the document
  count, the filters' choices, this browser's kept conversations), so the page shows them
  as it is drawn, instead of asking for them once drawn and drawing again (a load event:
  a round trip and a redraw, 0.2-0.5 s at the end of a first visit on a loaded machine);
- names the script and style files the first view needs (`ui.first_view`) as preload
  links right after Gradio's own script and stylesheet, so they are fetched together
  instead of one link of the chain at a time, and the theme's stylesheet, which Gradio's
  script asks for only once it runs (its own link then finds it fetched);
- compresses it (brotli or gzip, as the browser accepts): ~16 KB on the wire.
Other responses pass untouched.
"""

from __future__ import annotations

import gzip
import json
import re
from collections.abc import Callable
from typing import Any

from starlette.concurrency import run_in_threadpool
from starlette.datastructures import Headers, MutableHeaders
from starlette.requests import HTTPConnection
from starlette.types import ASGIApp, Message, Receive, Scope, Send

# Gradio's own stylesheet link, the last of its tags in <head>: the hints go after it.
_ANCHOR = re.compile(rb'<link rel="stylesheet" crossorigin href="\./assets/index-[\w-]+\.css">')
# The inlined config: JSON whose "<", ">" and "&" are written as \u escapes.
_CONFIG = re.compile(rb"(window\.gradio_config = )(\{.*?\});</script>", re.S)
_THEME_HASH = re.compile(rb'"theme_hash":\s*"(\w+)"')
MAX_PAGE_BYTES = 4_000_000  # bigger pages pass as they are
# Props to set per component id, for the visitor making the request.
Values = Callable[[HTTPConnection], dict[int, dict[str, Any]]]


class PageHtml:
    """ASGI middleware on the page's app (see the module docstring). `files` gives the
    first view's script and style files (names under `/assets/`), asked once, at the first
    page; `values`, when given, the props to set for the visitor, asked at each page."""

    def __init__(
        self, app: ASGIApp, files: Callable[[], list[str]], values: Values | None = None
    ) -> None:
        self.app = app
        self.files = files
        self.values = values
        self._links: bytes | None = None

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http" or scope["method"] != "GET":
            await self.app(scope, receive, send)
            return
        start: Message = {}
        body: list[bytes] = []

        async def hold_html(message: Message) -> None:
            nonlocal start
            if message["type"] == "http.response.start":
                if _is_plain_html(message):
                    start = message
                    return
            elif start and message["type"] == "http.response.body":
                body.append(message.get("body", b""))
                if message.get("more_body") and sum(map(len, body)) > MAX_PAGE_BYTES:
                    await send(start)  # too big to hold: sent as it came
                    await send({**message, "body": b"".join(body)})
                    start = {}
                elif not message.get("more_body"):
                    await self._send(start, b"".join(body), scope, send)
                return
            await send(message)

        await self.app(scope, receive, hold_html)

    async def _send(self, start: Message, html: bytes, scope: Scope, send: Send) -> None:
        if _ANCHOR.search(html):  # Gradio's page
            if self.values is not None:
                values = await run_in_threadpool(self.values, HTTPConnection(scope))
                html = _with_values(html, values)
            html = self._with_hints(html)
        accepted = Headers(scope=scope).get("accept-encoding", "")
        headers = MutableHeaders(scope=start)
        if "br" in accepted:
            html = _brotli(html)
            headers["content-encoding"] = "br"
        elif "gzip" in accepted:
            html = gzip.compress(html, compresslevel=6)
            headers["content-encoding"] = "gzip"
        headers["content-length"] = str(len(html))
        headers.add_vary_header("Accept-Encoding")
        await send(start)
        await send({"type": "http.response.body", "body": html})

    def _with_hints(self, html: bytes) -> bytes:
        if self._links is None:
            self._links = b"".join(_preload_link(name) for name in self.files())
        anchor = _ANCHOR.search(html)
        assert anchor is not None
        theme = _THEME_HASH.search(html)
        hints = self._links + (_theme_link(theme.group(1)) if theme else b"")
        return html[: anchor.end()] + hints + html[anchor.end() :]


def _with_values(html: bytes, values: dict[int, dict[str, Any]]) -> bytes:
    """The page with these props set on the config's components (by id)."""
    found = _CONFIG.search(html)
    if found is None or not values:
        return html
    config = json.loads(found.group(2))
    for component in config.get("components", []):
        component.get("props", {}).update(values.get(component.get("id"), {}))
    text = json.dumps(config, ensure_ascii=False, separators=(",", ":"))
    for raw, escaped in (("<", "\\u003c"), (">", "\\u003e"), ("&", "\\u0026"), ("'", "\\u0027")):
        text = text.replace(raw, escaped)  # as Gradio writes it: no "</script>" inside
    return html[: found.start(2)] + text.encode() + html[found.end(2) :]


def _preload_link(name: str) -> bytes:
    """A hint for one of Gradio's files, in the request mode its script fetches it in
    (`crossorigin`), so the file fetched now is the one used later."""
    kind = b'rel="preload" as="style"' if name.endswith(".css") else b'rel="modulepreload"'
    return b'\n\t\t<link %s crossorigin href="./assets/%s">' % (kind, name.encode())


def _theme_link(theme_hash: bytes) -> bytes:
    """The theme's stylesheet, fetched early but not applied: Gradio's script links it
    itself (by its full address, so it does not take this relative one for its own) and
    gets it from this fetch. A stylesheet link here would hold back Gradio's script."""
    return b'\n\t\t<link rel="preload" as="style" href="./theme.css?v=%s">' % theme_hash


def _is_plain_html(start: Message) -> bool:
    headers = Headers(raw=start["headers"])
    return (
        start["status"] == 200
        and headers.get("content-type", "").startswith("text/html")
        and "content-encoding" not in headers
    )


def _brotli(data: bytes) -> bytes:
    import brotli  # Gradio's own dependency, for its compression middleware

    result: bytes = brotli.compress(data, quality=5)
    return result
