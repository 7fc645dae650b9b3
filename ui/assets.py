"""The page's script and style files served from memory, compressed once, cached for a year.

Gradio serves each of its ~80 files through the whole middleware stack and compresses it
again on every request; on a loaded 2-core server that queue of small requests was most
of a first visit's wait. `PageAssets` answers `GET /assets/...` and `/static/...` (the
names Gradio's page asks for) itself, before any other middleware: the files' names under
`/assets/` carry a hash of their content, so browsers may keep them for good. Anything
else, and any file it does not find, goes on to the app.
"""

from __future__ import annotations

import gzip
import hashlib
import mimetypes
from dataclasses import dataclass
from pathlib import Path

from starlette.concurrency import run_in_threadpool
from starlette.datastructures import Headers
from starlette.types import ASGIApp, Receive, Scope, Send

IMMUTABLE = "public, max-age=31536000, immutable"  # content-hashed names under /assets/
REVALIDATE = "public, max-age=3600"  # /static/ names stay when Gradio's files change
COMPRESSED = (".js", ".css", ".json", ".svg", ".html", ".map", ".txt")


@dataclass(frozen=True)
class _File:
    raw: bytes
    br: bytes | None
    gz: bytes | None
    content_type: str
    etag: str


class PageAssets:
    """ASGI middleware: Gradio's frontend files from memory (see the module docstring)."""

    def __init__(self, app: ASGIApp, prefix: str = "") -> None:
        from gradio.route_utils import BUILD_PATH_LIB, STATIC_PATH_LIB

        self.app = app
        self.roots = {
            f"{prefix}/assets/": (Path(BUILD_PATH_LIB), IMMUTABLE),
            f"{prefix}/static/": (Path(STATIC_PATH_LIB), REVALIDATE),
        }
        self.files: dict[str, _File | None] = {}

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        path = scope.get("path", "") if scope["type"] == "http" else ""
        root = next((r for r in self.roots if path.startswith(r)), None)
        if root is None or scope["method"] not in ("GET", "HEAD"):
            await self.app(scope, receive, send)
            return
        key = path
        if key not in self.files:  # read and compressed once, off the event loop
            self.files[key] = await run_in_threadpool(_read, self.roots[root][0], path[len(root) :])
        found = self.files[key]
        if found is None:
            await self.app(scope, receive, send)
            return
        await self._send(found, self.roots[root][1], scope, send)

    async def _send(self, file: _File, cache: str, scope: Scope, send: Send) -> None:
        request = Headers(scope=scope)
        headers = [(b"content-type", file.content_type.encode()), (b"etag", file.etag.encode()),
                   (b"cache-control", cache.encode()), (b"vary", b"Accept-Encoding")]  # fmt: skip
        if request.get("if-none-match") == file.etag:
            await send({"type": "http.response.start", "status": 304, "headers": headers})
            await send({"type": "http.response.body", "body": b""})
            return
        accepted = request.get("accept-encoding", "")
        body = file.raw
        if file.br is not None and "br" in accepted:
            body, headers = file.br, [*headers, (b"content-encoding", b"br")]
        elif file.gz is not None and "gzip" in accepted:
            body, headers = file.gz, [*headers, (b"content-encoding", b"gzip")]
        headers.append((b"content-length", str(len(body)).encode()))
        await send({"type": "http.response.start", "status": 200, "headers": headers})
        await send(
            {"type": "http.response.body", "body": b"" if scope["method"] == "HEAD" else body}
        )


def _read(root: Path, name: str) -> _File | None:
    """The file `name` under `root`, with its compressed forms; None when it is not there
    (or the name tries to leave `root`)."""
    import brotli  # Gradio's own dependency, for its compression middleware

    path = (root / name).resolve()
    if not name or not path.is_relative_to(root.resolve()) or not path.is_file():
        return None
    raw = path.read_bytes()
    content_type = mimetypes.guess_type(path.name)[0] or "application/octet-stream"
    if content_type.startswith("text/") or content_type.endswith("javascript"):
        content_type += "; charset=utf-8"
    small = not path.name.endswith(COMPRESSED) or len(raw) < 512
    return _File(
        raw=raw,
        br=None if small else brotli.compress(raw, quality=5),
        gz=None if small else gzip.compress(raw, compresslevel=6),
        content_type=content_type,
        etag='"' + hashlib.sha256(raw).hexdigest()[:32] + '"',
    )
