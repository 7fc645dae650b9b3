"""/docs and /redoc in a real browser with no way out: their assets come from the server."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest

from tests.servers import ServerProcess
from tests.ui.conftest import ARTIFACTS, Browser, chromium, outside_requests

pytestmark = [pytest.mark.browser, pytest.mark.slow, pytest.mark.server]


@pytest.fixture(scope="module")
def docs_browser(
    server: ServerProcess, tmp_path_factory: pytest.TempPathFactory
) -> Iterator[Browser]:
    with chromium(tmp_path_factory.mktemp("docs-profile"), server.url + "/docs") as browser:
        # Anything but the server fails at once, as it would on a machine with no internet.
        browser.page.route(  # type: ignore[attr-defined]
            "**/*",
            lambda route: (
                route.continue_() if route.request.url.startswith(server.url) else route.abort()
            ),
        )

        # What the page's own Content-Security-Policy stopped never reached the network.
        def note_blocked(request: Any) -> None:
            if request.failure == "csp":
                blocked.append(request.url)

        browser.page.on("requestfailed", note_blocked)  # type: ignore[attr-defined]
        yield browser


blocked: list[str] = []


def left_the_machine(browser: Browser, server: ServerProcess) -> list[str]:
    return [url for url in outside_requests(browser, server) if url not in blocked]


def test_swagger_ui_lists_the_endpoints_and_can_try_one(
    docs_browser: Browser, server: ServerProcess
) -> None:
    page: Any = docs_browser.page
    page.reload()
    page.locator(".opblock-summary-path", has_text="/v1/ask").first.wait_for(timeout=30_000)
    assert page.locator(".swagger-ui .info .title").inner_text().startswith("Policy assistant")
    # "Try it out" on /healthz runs the request from the page against this server.
    health = page.locator(".opblock", has_text="/healthz").first
    health.locator(".opblock-summary").click()
    health.get_by_role("button", name="Try it out").click()
    health.get_by_role("button", name="Execute").click()
    health.locator(".live-responses-table .response-col_status", has_text="200").wait_for()
    page.screenshot(path=str(ARTIFACTS / "docs_swagger.png"))
    assert left_the_machine(docs_browser, server) == []


def test_redoc_renders_the_reference(docs_browser: Browser, server: ServerProcess) -> None:
    page: Any = docs_browser.page
    page.goto(server.url + "/redoc")
    page.get_by_text("Cited answers from Vietnamese policy documents").first.wait_for(
        timeout=30_000
    )
    assert page.locator("redoc-wrap, .redoc-wrap").count() == 1
    assert page.get_by_text("/v1/ask").count() >= 1
    assert page.locator("img[alt='redocly logo']").count() == 0  # hidden once refused
    page.screenshot(path=str(ARTIFACTS / "docs_redoc.png"))
    assert left_the_machine(docs_browser, server) == []
