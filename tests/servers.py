"""A real `policy-assistant serve` process on a loopback port, for tests that need one."""

from __future__ import annotations

import os
import re
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

_HEALTH_POLL = re.compile(r'"GET /(?:readyz|healthz) HTTP')

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
        """The log's last lines, without the access lines of health polls (a wait's own
        polls would push what went wrong out of the tail)."""
        logged = self.log.read_text(errors="replace").splitlines()
        return "\n".join([line for line in logged if not _HEALTH_POLL.search(line)][-lines:])

    def wait_ready(self, timeout_s: float) -> None:
        """Until /readyz says the index is loaded (it needs no key); fails at once when
        the server exits or its start-up job failed (it would stay unready)."""
        deadline = time.monotonic() + timeout_s
        with self.client() as client:
            while time.monotonic() < deadline:
                if self.process.poll() is not None:
                    pytest.fail(
                        f"the server exited ({self.process.returncode}):\n{self.log_tail()}"
                    )
                try:
                    response = client.get("/readyz")
                except httpx.TransportError:
                    response = None
                if response is not None and response.status_code == 200:
                    return
                startup = _startup_job(response) if response is not None else None
                if startup and startup["state"] == "failed":
                    pytest.fail(f"the server's start failed: {startup}\n{self.log_tail()}")
                time.sleep(0.2)
        pytest.fail(f"the server was not ready in {timeout_s} s:\n{self.log_tail()}")


def _startup_job(response: httpx.Response) -> dict[str, Any] | None:
    """The start-up job a /readyz answer reports (None when it is no JSON, as an error
    page before the app is mounted would be)."""
    try:
        job = response.json().get("startup_job")
    except ValueError:
        return None
    return job if isinstance(job, dict) else None


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
