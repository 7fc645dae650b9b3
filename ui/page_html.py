"""The page's HTML, made quicker to open: its scripts and theme named up front, compressed.

Gradio renders the page (~95 KB, most of it the inlined config) uncompressed: its own
compression covers only paths with a file extension. `PageHtml` takes the HTML it renders
and, before sending it,
- names the script and style files the first view needs (`ui.first_view`) as preload
  links right after Gradio's own script and stylesheet, so they are fetched together
  instead of one link of the chain at a time;
- links the theme's stylesheet, which Gradio's script otherwise asks for only once it runs
  (and waits for before drawing anything); the link carries the exact address the script
  looks for, so it is not fetched twice;
- compresses it (brotli or gzip, as the browser accepts): ~17 KB on the wire.
Other responses pass untouched.
"""

from __future__ import annotations

import gzip
import json
import re
from collections.abc import Callable
from html import escape as html_escape

from starlette.datastructures import Headers, MutableHeaders
from starlette.types import ASGIApp, Message, Receive, Scope, Send

# Gradio's own stylesheet link, the last of its tags in <head>: the hints go after it.
_ANCHOR = re.compile(rb'<link rel="stylesheet" crossorigin href="\./assets/index-[\w-]+\.css">')
_CONFIG = re.compile(rb'"theme_hash":\s*"(\w+)"|"root":\s*("(?:[^"\\]|\\.)*")')
MAX_PAGE_BYTES = 4_000_000  # bigger pages pass as they are


class PageHtml:
    """ASGI middleware on the page's app (see the module docstring). `files` gives the
    first view's script and style files (names under `/assets/`), asked once, at the first
    page."""

    def __init__(self, app: ASGIApp, files: Callable[[], list[str]]) -> None:
        self.app = app
        self.files = files
        self._links: bytes | None = None

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http" or scope["method"] != "GET":
            await self.app(scope, receive, send)
            return
        accepted = Headers(scope=scope).get("accept-encoding", "")
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
                if not message.get("more_body") or sum(map(len, body)) > MAX_PAGE_BYTES:
                    await self._send(start, b"".join(body), message, accepted, send)
                    start = {}
                return
            await send(message)

        await self.app(scope, receive, hold_html)

    async def _send(
        self, start: Message, html: bytes, last: Message, accepted: str, send: Send
    ) -> None:
        if last.get("more_body"):  # too big to hold: sent as it came
            await send(start)
            await send({**last, "body": html})
            return
        html = self._with_hints(html)
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
        anchor = _ANCHOR.search(html)
        if anchor is None:  # not Gradio's page
            return html
        if self._links is None:
            self._links = b"".join(map(_preload_link, self.files()))
        hints = self._links + _theme_link(html)
        return html[: anchor.end()] + hints + html[anchor.end() :]


def _preload_link(name: str) -> bytes:
    """A hint for one of Gradio's files, in the request mode its script fetches it in
    (`crossorigin`), so the file fetched now is the one used later."""
    kind = b'rel="preload" as="style"' if name.endswith(".css") else b'rel="modulepreload"'
    return b'\n\t\t<link %s crossorigin href="./assets/%s">' % (kind, name.encode())


def _theme_link(html: bytes) -> bytes:
    """The theme's stylesheet at the address Gradio's script builds (`root` + `/theme.css?v=`
    + `theme_hash`, from the inlined config); nothing when the config does not say."""
    found: dict[str, str] = {}
    for match in _CONFIG.finditer(html):
        if match.group(1):
            found.setdefault("hash", match.group(1).decode())
        else:
            found["root"] = json.loads(match.group(2))  # the config's last "root" is its own
    if "hash" not in found or "root" not in found:
        return b""
    address = f"{found['root'].rstrip('/')}/theme.css?v={found['hash']}"
    return f'\n\t\t<link rel="stylesheet" href="{html_escape(address)}">'.encode()


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
