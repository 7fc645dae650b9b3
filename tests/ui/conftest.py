"""Fixtures for the chat page tests: a real server process and Debian's chromium.

The server is `python -m assistant serve` on a loopback port over a copy of the seeds,
started once for the browser tests; it shares the session's embedding cache, so seeds
embedded by other tests are not embedded again. The browser runs headless with a fresh
profile and every request it makes is recorded, so a test can check none left the server.
"""

from __future__ import annotations

import os
import shutil
import socket
import subprocess
import sys
import time
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

import httpx
import pytest

from tests.conftest import REPO, SEEDS

API_KEY = "khoa-thu-nghiem-7f3a"  # the server's only key: the Documents tab needs it
READY_TIMEOUT_S = 300  # a cold embedding cache means embedding the seeds first (~1 min)
ARTIFACTS = REPO / "test-artifacts" / "ui"
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
class Server:
    url: str
    documents: Path
    log: Path

    def log_tail(self, lines: int = 40) -> str:
        return "\n".join(self.log.read_text(errors="replace").splitlines()[-lines:])


@dataclass
class Browser:
    page: object  # playwright.sync_api.Page
    requests: list[str] = field(default_factory=list)


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def _server_env(cache: Path) -> dict[str, str]:
    # Nothing from the developer's PA_* settings: the test decides the configuration.
    env = {k: v for k, v in os.environ.items() if not k.startswith("PA_")}
    env.update({
        "PA_EMBEDDING_CACHE_DIR": str(cache), "PA_API_KEYS": API_KEY,
        "HF_HUB_OFFLINE": "1", "GRADIO_ANALYTICS_ENABLED": "False",
        "ORT_DISABLE_TELEMETRY": "1", "ANONYMIZED_TELEMETRY": "False", "PYTHONUNBUFFERED": "1",
    })  # fmt: skip
    return env


def _wait_ready(url: str, process: subprocess.Popen[bytes], server: Server) -> None:
    deadline = time.monotonic() + READY_TIMEOUT_S
    while time.monotonic() < deadline:
        if process.poll() is not None:
            pytest.fail(f"the server exited ({process.returncode}):\n{server.log_tail()}")
        try:
            if httpx.get(f"{url}/readyz", timeout=2).status_code == 200:
                return
        except httpx.HTTPError:
            pass
        time.sleep(0.5)
    pytest.fail(f"the server was not ready in {READY_TIMEOUT_S} s:\n{server.log_tail()}")


@pytest.fixture(scope="module")
def server(tmp_path_factory: pytest.TempPathFactory, embedding_cache: Path) -> Iterator[Server]:
    """`policy-assistant serve` on a copy of the seeds, with an API key, until the module ends."""
    root = tmp_path_factory.mktemp("ui-server")
    documents = root / "documents"
    shutil.copytree(SEEDS, documents)
    port = _free_port()
    url = f"http://127.0.0.1:{port}"
    log = root / "server.log"
    command = [sys.executable, "-m", "assistant", "serve", "--documents", str(documents),
               "--data-dir", str(root / "data"), "--port", str(port)]  # fmt: skip
    with open(log, "wb") as out:
        process = subprocess.Popen(
            command,
            cwd=REPO,
            env=_server_env(embedding_cache),
            stdout=out,
            stderr=subprocess.STDOUT,
        )
    running = Server(url, documents, log)
    try:
        _wait_ready(url, process, running)
        yield running
    finally:
        process.terminate()
        try:
            process.wait(timeout=30)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()


@pytest.fixture(scope="module")
def browser(server: Server, tmp_path_factory: pytest.TempPathFactory) -> Iterator[Browser]:
    """One chromium page on the chat page for the module, recording every request."""
    from playwright.sync_api import sync_playwright

    executable = shutil.which("chromium") or "/usr/bin/chromium"
    if not Path(executable).exists():
        pytest.fail("Debian's chromium is missing: `make browser` (apt-get install chromium)")
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    with sync_playwright() as playwright:
        context = playwright.chromium.launch_persistent_context(
            str(tmp_path_factory.mktemp("chromium-profile")), executable_path=executable,
            headless=True, args=CHROMIUM_ARGS, viewport={"width": 1366, "height": 900},
            locale="vi-VN",
        )  # fmt: skip
        recorded = Browser(context.pages[0] if context.pages else context.new_page())
        context.on("request", lambda request: recorded.requests.append(request.url))
        recorded.page.goto(server.url + "/")  # type: ignore[attr-defined]
        yield recorded
        context.close()
