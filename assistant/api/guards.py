"""ASGI guards in front of every route, the chat page's included: body size and uploads.

* A request body over its limit is refused with 413 before it is read when its
  `Content-Length` says so, and as soon as the streamed bytes pass the limit otherwise
  (chunked bodies, or a length that lies). Uploads may be as large as `PA_MAX_UPLOAD_MB`;
  every other body (JSON above all) at most `PA_MAX_BODY_KB`.
* The chat page's file upload (`POST /gradio_api/upload`) stores files on the server, so
  when keys are set it needs a write key, as `POST /v1/documents` does: in a header, or in
  the `pa_api_key` cookie the page sets once the officer has typed a valid key. Reading
  the page needs no key.

These are plain ASGI middleware, not `BaseHTTPMiddleware`, so that streamed bodies and
responses pass through untouched and cost nothing when within their limits.
"""

from __future__ import annotations

import json
from collections.abc import Awaitable, Callable, MutableMapping
from http.cookies import CookieError, SimpleCookie
from typing import Any
from urllib.parse import unquote

from pydantic import SecretStr
from starlette.exceptions import HTTPException

from assistant.api.deps import key_is_valid
from assistant.settings import Settings

Scope = MutableMapping[str, Any]
Message = MutableMapping[str, Any]
Receive = Callable[[], Awaitable[Message]]
Send = Callable[[Message], Awaitable[None]]
ASGIApp = Callable[[Scope, Receive, Send], Awaitable[None]]

UPLOAD_ROUTES = (("POST", "/v1/documents"), ("POST", "/gradio_api/upload"))
MULTIPART_SLACK = 64 << 10  # form boundaries and part headers around the file itself
KEY_COOKIE = "pa_api_key"
# For the chat page's <head>: the key typed into the page's (only) password field goes into
# a same-site cookie, so the page's own file uploads carry it. SameSite=Strict: a form
# posted from another site does not.
KEY_COOKIE_SCRIPT = f"""<script>
document.addEventListener("input", (event) => {{
  const field = event.target;
  if (field instanceof HTMLInputElement && field.type === "password") {{
    const value = encodeURIComponent(field.value.trim());
    document.cookie = `{KEY_COOKIE}=${{value}}; path=/; SameSite=Strict`;
  }}
}}, true);
</script>"""
OPENAI_PATHS = ("/v1/chat/", "/v1/models")


class BodyTooLargeError(HTTPException):
    """A body over its limit; an HTTPException, so routes reading a body re-raise it."""

    def __init__(self, limit: int) -> None:
        kb = limit / 1024
        size = f"{kb / 1024:.1f} MB" if kb >= 1024 else f"{kb:.0f} KB"
        super().__init__(413, f"request body too large: the limit here is {size}")


def is_upload(scope: Scope) -> bool:
    path = scope.get("path", "").rstrip("/")
    return any(scope.get("method") == m and path.endswith(p) for m, p in UPLOAD_ROUTES)


async def send_error(scope: Scope, send: Send, status: int, message: str) -> None:
    """A one-line JSON error, in OpenAI's shape on the OpenAI-compatible routes."""
    body: dict[str, Any] = {"detail": message}
    if scope.get("path", "").startswith(OPENAI_PATHS):
        body = {"error": {"message": message, "type": "invalid_request_error", "code": status}}
    payload = json.dumps(body, ensure_ascii=False).encode("utf-8")
    headers = [(b"content-type", b"application/json"), (b"connection", b"close"),
               (b"content-length", str(len(payload)).encode())]  # fmt: skip
    await send({"type": "http.response.start", "status": status, "headers": headers})
    await send({"type": "http.response.body", "body": payload})


def _header(scope: Scope, name: bytes) -> str | None:
    for key, value in scope.get("headers", ()):
        if key.lower() == name:
            return bytes(value).decode("latin-1")
    return None


class BodyLimit:
    """Refuse a body over its limit, by its declared length first, then while it streams."""

    def __init__(self, app: ASGIApp, upload_bytes: int, body_bytes: int) -> None:
        self.app = app
        self.upload_bytes = upload_bytes + MULTIPART_SLACK
        self.body_bytes = body_bytes

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        limit = self.upload_bytes if is_upload(scope) else self.body_bytes
        declared = _header(scope, b"content-length")
        if declared is not None:
            if not declared.strip().isdigit():
                await send_error(scope, send, 400, "Content-Length is not a number")
                return
            if int(declared) > limit:
                await send_error(scope, send, 413, BodyTooLargeError(limit).detail)
                return
        received = 0
        started = False

        async def counted() -> Message:
            nonlocal received
            message = await receive()
            if message["type"] == "http.request":
                received += len(message.get("body", b""))
                if received > limit:
                    raise BodyTooLargeError(limit)
            return message

        async def watched(message: Message) -> None:
            nonlocal started
            started = started or message["type"] == "http.response.start"
            await send(message)

        try:
            await self.app(scope, counted, watched)
        except BodyTooLargeError as error:
            if started:
                raise
            await send_error(scope, send, 413, error.detail)


def presented_key(scope: Scope) -> str | None:
    """The key a request carries: `Authorization: Bearer`, `X-API-Key`, or the cookie."""
    authorization = _header(scope, b"authorization") or ""
    scheme, _, credentials = authorization.partition(" ")
    if scheme.lower() == "bearer" and credentials.strip():
        return credentials.strip()
    if key := _header(scope, b"x-api-key"):
        return key
    cookie = SimpleCookie()
    try:
        cookie.load(_header(scope, b"cookie") or "")
    except CookieError:  # a malformed cookie header carries no key
        return None
    morsel = cookie.get(KEY_COOKIE)
    return unquote(morsel.value) if morsel is not None and morsel.value else None


class UploadKey:
    """The chat page's upload route needs a write key whenever keys are set."""

    def __init__(
        self, app: ASGIApp, keys: list[SecretStr], valid: Callable[[str, list[SecretStr]], bool]
    ) -> None:
        self.app = app
        self.keys = keys
        self.valid = valid

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        # The API's own upload route checks its key itself, with the same keys.
        api_route = scope.get("path", "").startswith("/v1/")
        if scope["type"] == "http" and self.keys and is_upload(scope) and not api_route:
            key = presented_key(scope)
            if not key:
                await send_error(scope, send, 401, "an API key is required to upload")
                return
            if not self.valid(key, self.keys):
                await send_error(scope, send, 403, "the API key is not valid")
                return
        await self.app(scope, receive, send)


def install_guards(app: Any, settings: Settings) -> None:
    """Body limits outermost (nothing reads a byte too many), then the upload key."""
    api = settings.api
    app.add_middleware(UploadKey, keys=api.api_keys, valid=key_is_valid)
    upload_bytes = int(settings.documents.max_upload_mb * (1 << 20))
    app.add_middleware(BodyLimit, upload_bytes=upload_bytes, body_bytes=api.max_body_kb << 10)
