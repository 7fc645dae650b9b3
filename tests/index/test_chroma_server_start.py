"""`ChromaServer.start` when the port it chose is taken before Chroma binds it: another
port is tried, and the server answering is the one it started on its own folder."""

from __future__ import annotations

import socket
from pathlib import Path

import httpx
import pytest

from index import chroma_server
from index.chroma_server import ChromaServer

pytestmark = [pytest.mark.server, pytest.mark.slow]


def test_a_port_taken_before_chroma_binds_it_means_another_port(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen()  # holds the port and never answers HTTP
        taken_port = int(taken.getsockname()[1])
        ports = iter([taken_port])
        free = chroma_server.free_port
        monkeypatch.setattr(chroma_server, "free_port", lambda: next(ports, None) or free())

        server = ChromaServer(tmp_path / "chroma")
        try:
            url = server.start()
            assert not url.endswith(f":{taken_port}")
            assert httpx.get(url + chroma_server.HEARTBEAT, timeout=5).status_code == 200
        finally:
            server.stop()


def test_a_server_that_never_starts_is_a_clear_error(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen()
        taken_port = int(taken.getsockname()[1])
        monkeypatch.setattr(chroma_server, "free_port", lambda: taken_port)

        server = ChromaServer(tmp_path / "chroma", start_timeout_s=60)
        with pytest.raises(chroma_server.ChromaServerError, match="did not start"):
            server.start()
