"""When reading needs a key, a browser's conversations are the key's too: another key
typed in the same browser lists none of them, and the first key finds them again."""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from tests.conftest import SEEDS
from tests.servers import ServerProcess, running_server, server_env
from tests.ui.conftest import ARTIFACTS, READY_TIMEOUT_S, Browser

pytestmark = [pytest.mark.browser, pytest.mark.slow, pytest.mark.server]

FIRST_KEY, SECOND_KEY = "khoa-doi-mot-1a2b", "khoa-doi-hai-3c4d"
LISTED = "Array.from(document.querySelectorAll('#pa-convs label')).map(l => l.innerText.trim())"


@pytest.fixture(scope="module")
def server(
    tmp_path_factory: pytest.TempPathFactory, embedding_cache: Path
) -> Iterator[ServerProcess]:
    root = tmp_path_factory.mktemp("keyed-server")
    shutil.copytree(SEEDS, root / "documents")
    env = server_env(
        embedding_cache,
        PA_API_KEYS=f"{FIRST_KEY},{SECOND_KEY}",
        PA_REQUIRE_KEY_FOR_READ="true",
    )
    with running_server(
        root / "documents", root / "data", env, ready_timeout_s=READY_TIMEOUT_S
    ) as process:
        yield process


def use_key(page: Any, key: str) -> None:
    field = page.get_by_label("Khóa truy cập").first
    field.fill(key)
    field.press("Enter")


def test_each_key_lists_its_own_conversations(browser: Browser) -> None:
    page: Any = browser.page
    page.wait_for_selector("#pa-question textarea")
    use_key(page, FIRST_KEY)
    box = page.locator("#pa-question textarea")
    box.fill("Tỉnh Điện Biên có bao nhiêu tổ hòa giải?")
    box.press("Enter")
    page.wait_for_function(f"({LISTED}).length === 1", timeout=60_000)
    use_key(page, SECOND_KEY)
    page.wait_for_function(f"({LISTED}).length === 0", timeout=10_000)
    # The first key's conversation left the screen with its key.
    page.wait_for_function("document.querySelectorAll('#pa-chat .pa-msg').length === 0")
    page.screenshot(path=str(ARTIFACTS / "daily_13_second_key.png"))
    use_key(page, FIRST_KEY)
    page.wait_for_function(f"({LISTED}).length === 1", timeout=10_000)
    assert page.evaluate(LISTED)[0].startswith("Tỉnh Điện Biên có bao nhiêu tổ hòa giải?")
