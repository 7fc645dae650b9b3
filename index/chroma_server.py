"""`chroma run` on a loopback port, for several processes reading one data dir's vectors.

Embedded Chroma (`PersistentClient`) keeps a process's vector index in memory: a second
process opening the same folder answers from what was on disk when it opened it and
never sees the first one's later writes (tried with chromadb 1.5.9: the count moves, the
nearest neighbours do not). Processes that share an index therefore share one server,
which is what Chroma recommends for more than one process.
"""

from __future__ import annotations

import atexit
import logging
import os
import shutil
import signal
import socket
import subprocess
import sys
import time
from pathlib import Path

import httpx

HEARTBEAT = "/api/v2/heartbeat"
KEEPER_POLL_S = 0.5
START_ATTEMPTS = 3  # a port taken by another process before Chroma bound it: try another

logger = logging.getLogger(__name__)


class ChromaServerError(RuntimeError):
    """`chroma run` could not be started."""


def chroma_executable() -> str:
    """The `chroma` CLI that comes with the chromadb package (beside this Python first)."""
    beside = Path(sys.executable).with_name("chroma")
    found = str(beside) if beside.exists() else shutil.which("chroma")
    if not found:
        raise ChromaServerError("the `chroma` command of the chromadb package is not installed")
    return found


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


class ChromaServer:
    """One `chroma run` serving the Chroma folder `path`, started by `start()` and
    stopped by `stop()`; its output goes to `log` (default: beside the folder)."""

    def __init__(self, path: Path, log: Path | None = None, start_timeout_s: float = 60) -> None:
        self.path = path
        self.log = log or path.with_name("chroma-server.log")
        self.start_timeout_s = start_timeout_s
        self.url: str | None = None
        self._process: subprocess.Popen[bytes] | None = None
        self._stop_registered = False

    def start(self) -> str:
        """Start the server and wait until it answers; its URL.

        Raises:
            ChromaServerError: the command is missing, exits, or does not answer in time.
        """
        if self.url is not None:
            return self.url
        deadline = time.monotonic() + self.start_timeout_s
        for _ in range(START_ATTEMPTS):
            url = self._launch()
            while self._process is not None and self._process.poll() is None:
                if _answers(url):
                    self.url = url
                    return url
                if time.monotonic() > deadline:
                    break
                time.sleep(0.2)
            self.stop()
            if time.monotonic() > deadline:
                break
            # Exited early: most likely its port was taken between `free_port` choosing it
            # and the server binding it (another process asked the system for one too).
            logger.warning("chroma run exited on start; trying another port (%s)", self.log)
        raise ChromaServerError(f"chroma run did not start (its output: {self.log})")

    def _launch(self) -> str:
        port = free_port()
        server = [chroma_executable(), "run", "--path", str(self.path)]
        server += ["--host", "127.0.0.1", "--port", str(port)]
        # Through a keeper that ends the server when this process ends, even killed outright:
        # an orphaned server would hold the folder the next start serves again.
        command = [sys.executable, "-m", "index.chroma_server", str(os.getpid()), *server]
        self.path.mkdir(parents=True, exist_ok=True)
        env = {**os.environ, "ANONYMIZED_TELEMETRY": "False"}
        with open(self.log, "ab") as out:
            self._process = subprocess.Popen(
                command,
                stdout=out,
                stderr=subprocess.STDOUT,
                stdin=subprocess.DEVNULL,
                env=env,
                # Not in the terminal's process group: Ctrl+C stops the server, which
                # stops Chroma once its own writes are done, not before.
                start_new_session=True,
            )
        if not self._stop_registered:
            atexit.register(self.stop)
            self._stop_registered = True
        return f"http://127.0.0.1:{port}"

    def stop(self) -> None:
        """Stop the server (it flushes what it holds on the way out)."""
        process, self._process, self.url = self._process, None, None
        if process is None or process.poll() is not None:
            return
        process.terminate()
        try:
            process.wait(timeout=40)  # the keeper gives the server 30 s
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()


def _answers(url: str) -> bool:
    try:
        return httpx.get(url + HEARTBEAT, timeout=1).status_code == 200
    except httpx.HTTPError:
        return False


def keep(parent: int, command: list[str]) -> int:
    """Run `command` while process `parent` lives; stop it on SIGTERM or once the parent
    is gone (a process whose parent ended is handed to another)."""
    child = subprocess.Popen(command)
    stopping = False

    def stop(*_: object) -> None:
        nonlocal stopping
        stopping = True

    signal.signal(signal.SIGTERM, stop)
    signal.signal(signal.SIGINT, stop)
    while child.poll() is None:
        if stopping or os.getppid() != parent:
            child.terminate()
            try:
                return child.wait(timeout=30)
            except subprocess.TimeoutExpired:
                child.kill()
                return child.wait()
        time.sleep(KEEPER_POLL_S)
    return child.returncode


if __name__ == "__main__":
    sys.exit(keep(int(sys.argv[1]), sys.argv[2:]))
