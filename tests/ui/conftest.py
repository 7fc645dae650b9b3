"""Fixtures for the chat page tests: a real server process and Debian's chromium.

The server is `python -m assistant serve` on a loopback port over a copy of the seeds,
started once for the browser tests; it shares the session's embedding cache, so seeds
embedded by other tests are not embedded again. The browser runs headless with a fresh
profile and every request it makes is recorded, so a test can check none left the server.
"""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

import pytest

from tests.conftest import REPO, SEEDS
from tests.servers import ServerProcess, running_server, server_env

if TYPE_CHECKING:
    from playwright.sync_api import ViewportSize

API_KEY = "khoa-thu-nghiem-7f3a"  # the server's only key: the Documents tab needs it
READY_TIMEOUT_S = 300  # a cold embedding cache means embedding the seeds first (~1 min)
ARTIFACTS = REPO / "test-artifacts" / "ui"
DESKTOP: ViewportSize = {"width": 1366, "height": 900}
PHONE: ViewportSize = {"width": 390, "height": 844}
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]


@dataclass
class Browser:
    page: object  # playwright.sync_api.Page
    playwright: Any = None  # the running Playwright, for `another_window`
    requests: list[str] = field(default_factory=list)


@pytest.fixture(scope="module")
def server(
    tmp_path_factory: pytest.TempPathFactory, embedding_cache: Path
) -> Iterator[ServerProcess]:
    """`policy-assistant serve` on a copy of the seeds, with an API key, until the module ends."""
    root = tmp_path_factory.mktemp("ui-server")
    documents = root / "documents"
    shutil.copytree(SEEDS, documents)
    env = server_env(embedding_cache, PA_API_KEYS=API_KEY)
    with running_server(documents, root / "data", env, ready_timeout_s=READY_TIMEOUT_S) as process:
        yield process


@contextmanager
def chromium(profile: Path, url: str, viewport: ViewportSize | None = None) -> Iterator[Browser]:
    """Debian's chromium, headless with a fresh profile, on `url`, recording every request."""
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright, another_window(playwright, profile, url, viewport) as b:
        yield b


@contextmanager
def another_window(
    playwright: Any, profile: Path, url: str, viewport: ViewportSize | None = None
) -> Iterator[Browser]:
    """A browser of its own (its own profile: storage, cookies) from a running Playwright;
    `Browser.playwright` of an open one serves, as Playwright cannot be started twice."""
    executable = shutil.which("chromium") or "/usr/bin/chromium"
    if not Path(executable).exists():
        pytest.fail("Debian's chromium is missing: `make browser` (apt-get install chromium)")
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    context = playwright.chromium.launch_persistent_context(
        str(profile), executable_path=executable, headless=True, args=CHROMIUM_ARGS,
        viewport=viewport or DESKTOP, locale="vi-VN",
    )  # fmt: skip
    recorded = Browser(context.pages[0] if context.pages else context.new_page(), playwright)
    context.on("request", lambda request: recorded.requests.append(request.url))
    recorded.page.goto(url)  # type: ignore[attr-defined]
    yield recorded
    context.close()


@pytest.fixture(scope="module")
def browser(server: ServerProcess, tmp_path_factory: pytest.TempPathFactory) -> Iterator[Browser]:
    """One chromium page on the chat page for the module, recording every request."""
    with chromium(tmp_path_factory.mktemp("chromium-profile"), server.url + "/") as recorded:
        yield recorded


def outside_requests(browser: Browser, server: ServerProcess) -> list[str]:
    """The requests the page made to anywhere but the server."""
    local = (server.url + "/", "data:", "blob:")
    return [url for url in browser.requests if not url.startswith(local)]
