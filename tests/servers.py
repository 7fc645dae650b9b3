"""A real `policy-assistant serve` process on a loopback port, for tests that need one."""

from __future__ import annotations

import os
import signal
import socket
import subprocess
import sys
import time
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import httpx
import pytest

from tests.conftest import REPO

OFFLINE = {
    "GRADIO_ANALYTICS_ENABLED": "False",
    "HF_HUB_OFFLINE": "1",
    "ORT_DISABLE_TELEMETRY": "1",
    "ANONYMIZED_TELEMETRY": "False",
    "PYTHONUNBUFFERED": "1",
}


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def server_env(embedding_cache: Path, **settings: str) -> dict[str, str]:
    """The environment of a test server: none of the developer's PA_* settings, the
    session's vector cache (seeds embedded once), offline flags, and `settings`."""
    env = {k: v for k, v in os.environ.items() if not k.startswith("PA_")}
    return {**env, **OFFLINE, "PA_EMBEDDING_CACHE_DIR": str(embedding_cache), **settings}


@dataclass
class ServerProcess:
    url: str
    documents: Path
    log: Path
    process: subprocess.Popen[bytes]

    def client(self, key: str | None = None, **kwargs: Any) -> httpx.Client:
        headers = {"Authorization": f"Bearer {key}"} if key else {}
        return httpx.Client(base_url=self.url, headers=headers, timeout=60, **kwargs)

    def log_tail(self, lines: int = 40) -> str:
        return "\n".join(self.log.read_text(errors="replace").splitlines()[-lines:])

    def wait_ready(self, timeout_s: float) -> None:
        """Until /readyz says the index is loaded (it needs no key)."""
        deadline = time.monotonic() + timeout_s
        with self.client() as client:
            while time.monotonic() < deadline:
                if self.process.poll() is not None:
                    pytest.fail(
                        f"the server exited ({self.process.returncode}):\n{self.log_tail()}"
                    )
                try:
                    if client.get("/readyz").status_code == 200:
                        return
                except httpx.TransportError:
                    pass
                time.sleep(0.2)
        pytest.fail(f"the server was not ready in {timeout_s} s:\n{self.log_tail()}")


@contextmanager
def running_server(
    documents: Path,
    data_dir: Path,
    env: dict[str, str],
    extra_args: Sequence[str] = (),
    ready_timeout_s: float = 300,
    port: int | None = None,
) -> Iterator[ServerProcess]:
    """`python -m assistant serve` until the block ends (then interrupted, as Ctrl+C).

    `port` keeps one address across restarts (a browser keeps its storage per address)."""
    port = port or free_port()
    log = data_dir.parent / f"server-{port}.log"
    command = [sys.executable, "-m", "assistant", "serve", "--documents", str(documents),
               "--data-dir", str(data_dir), "--host", "127.0.0.1", "--port", str(port),
               *extra_args]  # fmt: skip
    with open(log, "wb") as out:
        process = subprocess.Popen(command, stdout=out, stderr=subprocess.STDOUT, env=env, cwd=REPO)
    server = ServerProcess(f"http://127.0.0.1:{port}", documents, log, process)
    try:
        server.wait_ready(ready_timeout_s)
        yield server
    finally:
        process.send_signal(signal.SIGINT)
        try:
            process.wait(timeout=30)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()
