"""Which browser a conversation belongs to: a random id in a cookie the server sets with the page.

The page used to keep this id in localStorage through Gradio's BrowserState, which sends
71 KB of encryption code to every first visit. Here `BrowserCookie` gives each browser a
random id (signed with the data folder's page secret, so an id the server did not make is
refused) when it fetches the page, and renews it on every visit; the page's handlers read
it from their request (`browser_id`). HttpOnly: no script on the page needs it.
SameSite=Lax: a link to the page from elsewhere still opens it with its conversations.
"""

from __future__ import annotations

import hashlib
import hmac
import secrets
from typing import Any

from starlette.datastructures import MutableHeaders
from starlette.requests import HTTPConnection
from starlette.types import ASGIApp, Message, Receive, Scope, Send

COOKIE = "pa_browser"
MAX_AGE_S = 400 * 86_400  # browsers cap a cookie's life at 400 days; each visit renews it
SIGNATURE_CHARS = 32


def signed_id(browser: str, secret: str) -> str:
    """The cookie's value: the id and its signature."""
    mac = hmac.new(secret.encode(), browser.encode(), hashlib.sha256).hexdigest()
    return f"{browser}.{mac[:SIGNATURE_CHARS]}"


def verified_id(value: str | None, secret: str) -> str | None:
    """The id a cookie value carries, None unless the server signed it."""
    browser, _, _ = (value or "").partition(".")
    if not browser or not hmac.compare_digest(signed_id(browser, secret), value or ""):
        return None
    return browser


def browser_id(request: Any, secret: str) -> str | None:
    """The id of the browser that sent this Gradio request (`gr.Request`), if it has one."""
    cookies = getattr(request, "cookies", None) or {}
    return verified_id(cookies.get(COOKIE), secret)


class BrowserCookie:
    """ASGI middleware on the page's app: each HTML page it serves carries the browser's id,
    a new one for a browser without a valid one."""

    def __init__(self, app: ASGIApp, secret: str) -> None:
        self.app = app
        self.secret = secret

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http" or scope["method"] not in ("GET", "HEAD"):
            await self.app(scope, receive, send)
            return
        value = self._value(scope)

        async def send_with_cookie(message: Message) -> None:
            if message["type"] == "http.response.start":
                headers = MutableHeaders(scope=message)
                if headers.get("content-type", "").startswith("text/html"):
                    secure = "; Secure" if scope.get("scheme") == "https" else ""
                    headers.append(
                        "set-cookie",
                        f"{COOKIE}={value}; Path=/; Max-Age={MAX_AGE_S}; HttpOnly; "
                        f"SameSite=Lax{secure}",
                    )
            await send(message)

        await self.app(scope, receive, send_with_cookie)

    def _value(self, scope: Scope) -> str:
        """The browser's signed id as it came, or a new one."""
        sent = HTTPConnection(scope).cookies.get(COOKIE)
        if sent is not None and verified_id(sent, self.secret):
            return sent
        return signed_id(secrets.token_urlsafe(18), self.secret)
