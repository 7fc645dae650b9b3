"""What an officer left survives a restart of the server: kept conversations (the browser
finds its own again) and the index jobs, listed in the Documents tab."""

from __future__ import annotations

import shutil
from pathlib import Path
from typing import Any

import httpx
import pytest

from tests.conftest import SEEDS
from tests.servers import free_port, running_server, server_env
from tests.ui.conftest import ARTIFACTS, READY_TIMEOUT_S, chromium

pytestmark = [pytest.mark.browser, pytest.mark.slow, pytest.mark.server]

SEED = "000_cec6d9babd0036f1.txt"
QUESTION = "Tỉnh Điện Biên có bao nhiêu tổ hòa giải?"
LISTED = "Array.from(document.querySelectorAll('#pa-convs label')).map(l => l.innerText.trim())"


def test_conversations_and_jobs_survive_a_restart(
    tmp_path_factory: pytest.TempPathFactory, embedding_cache: Path
) -> None:
    root = tmp_path_factory.mktemp("restart")
    documents, data, profile = root / "documents", root / "data", root / "profile"
    shutil.copytree(SEEDS, documents)
    env, port = server_env(embedding_cache), free_port()
    url = f"http://127.0.0.1:{port}"
    with running_server(documents, data, env, ready_timeout_s=READY_TIMEOUT_S, port=port):
        with chromium(profile, url + "/") as browser:
            page: Any = browser.page
            box = page.locator("#pa-question textarea")
            box.fill(QUESTION)
            box.press("Enter")
            page.wait_for_function(f"({LISTED}).length === 1", timeout=60_000)
        job = httpx.post(f"{url}/v1/documents/{SEED}/reindex").json()
        done = httpx.get(f"{url}/v1/jobs/{job['id']}?wait=60", timeout=90).json()
        assert done["state"] == "succeeded"

    with running_server(documents, data, env, ready_timeout_s=READY_TIMEOUT_S, port=port):
        kept = {j["id"]: j for j in httpx.get(f"{url}/v1/jobs").json()["jobs"]}
        assert kept[job["id"]]["state"] == "succeeded"
        assert kept[job["id"]]["result"]["source"] == SEED
        with chromium(profile, url + "/") as browser:
            page = browser.page
            page.wait_for_function(f"({LISTED}).length === 1", timeout=30_000)
            assert page.evaluate(LISTED)[0].startswith(QUESTION)
            page.locator("#pa-convs label").first.click()
            page.wait_for_function("document.querySelectorAll('#pa-chat .pa-card').length > 0")
            assert "1.814" in page.locator("#pa-chat .pa-text").last.inner_text()
            page.get_by_role("tab", name="Tài liệu").click()
            jobs = page.locator("#pa-jobs")
            jobs.wait_for()
            assert "Lập chỉ mục lại một tài liệu" in jobs.inner_text()
            assert "đã lập chỉ mục lại 000_cec6d9babd0036f1.txt" in jobs.inner_text()
            page.screenshot(path=str(ARTIFACTS / "daily_12_after_restart.png"), full_page=True)
