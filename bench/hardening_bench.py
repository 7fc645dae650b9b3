"""Attacks of issue 10 against a real server, with the figures its closing note asks for.

    .venv/bin/python bench/hardening_bench.py [--waiters 60]

Starts `policy-assistant serve` on a copy of the seeds (keys set) and measures:
* a zip-bomb .docx (1 GB unpacked), and the same with a directory that lies (claiming
  1 KB, refused from the directory; claiming 2 MB, which only the worker's memory limit
  stops): status, and the peak memory of the server and all its child processes together;
* the Markdown that froze the server (`"**a " * 16000`): upload time and /healthz meanwhile;
* N clients waiting on a job (`GET /v1/jobs/{id}?wait=60`): /healthz and /readyz latency.
"""

from __future__ import annotations

import argparse
import io
import os
import shutil
import socket
import statistics
import subprocess
import sys
import tempfile
import threading
import time
import zipfile
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import docx
import httpx

REPO = Path(__file__).resolve().parents[1]
KEY = "khoa-bench"


def bomb_docx(unpacked_bytes: int) -> bytes:
    """A real .docx whose one paragraph unpacks to `unpacked_bytes` of text."""
    buffer = io.BytesIO()
    docx.Document().save(buffer)
    with zipfile.ZipFile(buffer) as template:
        parts = {name: template.read(name) for name in template.namelist()}
    head = parts["word/document.xml"].split(b"<w:body>")[0]
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, data in parts.items():
            if name != "word/document.xml":
                archive.writestr(name, data)
        with archive.open("word/document.xml", "w", force_zip64=True) as member:
            member.write(head + b"<w:body><w:p><w:r><w:t>")
            for _ in range(unpacked_bytes >> 20):
                member.write(b"a" * (1 << 20))
            member.write(b"</w:t></w:r></w:p></w:body></w:document>")
    return out.getvalue()


def lying(bomb: bytes, claimed: int) -> bytes:
    """The same archive, its central directory claiming the big member is `claimed` bytes."""
    data = bytearray(bomb)
    entry = data.rindex(b"PK\x01\x02", 0, data.rindex(b"word/document.xml"))
    data[entry + 24 : entry + 28] = claimed.to_bytes(4, "little")
    return bytes(data)


def tree_rss(pid: int) -> int:
    """Resident bytes of a process and all its descendants, read from /proc."""
    children: dict[int, list[int]] = {}
    rss: dict[int, int] = {}
    for entry in os.listdir("/proc"):
        if entry.isdigit():
            try:
                stat = Path(f"/proc/{entry}/stat").read_text().rsplit(")", 1)[1].split()
            except OSError:
                continue
            children.setdefault(int(stat[1]), []).append(int(entry))
            rss[int(entry)] = int(stat[21]) * os.sysconf("SC_PAGE_SIZE")
    total, todo = 0, [pid]
    while todo:
        current = todo.pop()
        total += rss.get(current, 0)
        todo += children.get(current, [])
    return total


class TreeMemory:
    """Peak resident memory of a process and all its descendants, sampled every 20 ms."""

    def __init__(self, pid: int) -> None:
        self.pid, self.peak, self._stop = pid, 0, threading.Event()
        threading.Thread(target=self._run, daemon=True).start()

    def now(self) -> int:
        return tree_rss(self.pid)

    def _run(self) -> None:
        while not self._stop.wait(0.02):
            self.peak = max(self.peak, self.now())

    def reset(self) -> None:
        self.peak = self.now()


def timed(client: httpx.Client, method: str, path: str, **kwargs: object) -> tuple[int, float]:
    started = time.perf_counter()
    response = client.request(method, path, **kwargs)  # type: ignore[arg-type]
    return response.status_code, time.perf_counter() - started


def serve(root: Path) -> tuple[subprocess.Popen[bytes], str]:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]
    shutil.copytree(REPO / "documents", root / "documents")
    env = {k: v for k, v in os.environ.items() if not k.startswith("PA_")}
    env.update(PA_API_KEYS=KEY, PA_DOCUMENTS_DIR=str(root / "documents"),
               PA_DATA_DIR=str(root / "data"), HF_HUB_OFFLINE="1",
               GRADIO_ANALYTICS_ENABLED="False", ORT_DISABLE_TELEMETRY="1")  # fmt: skip
    command = [str(REPO / ".venv/bin/policy-assistant"), "serve", "--port", str(port)]
    log = (root / "server.log").open("wb")
    process = subprocess.Popen(command, env=env, stdout=log, stderr=subprocess.STDOUT)
    url = f"http://127.0.0.1:{port}"
    deadline = time.monotonic() + 600
    while time.monotonic() < deadline:
        try:
            if httpx.get(f"{url}/readyz").status_code == 200:
                return process, url
        except httpx.TransportError:
            pass
        time.sleep(0.5)
    raise SystemExit("the server did not become ready")


def attack(url: str, memory: TreeMemory, waiters: int) -> None:
    keyed = httpx.Client(base_url=url, timeout=120, headers={"X-API-Key": KEY})
    plain = httpx.Client(base_url=url, timeout=120)
    print(f"server and children at rest: {memory.now() / 2**20:.0f} MB")
    bomb = bomb_docx(1 << 30)
    variants = {"bomb.docx": bomb, "claims-1KB.docx": lying(bomb, 1000),
                "claims-2MB.docx": lying(bomb, 2 << 20)}  # fmt: skip
    for name, data in variants.items():
        memory.reset()
        status, seconds = timed(keyed, "POST", "/v1/documents", files={"file": (name, data)})
        print(f"{name} ({len(data) / 2**20:.1f} MB, 1 GB unpacked): {status} in {seconds:.2f} s,"
              f" peak memory of server + workers {memory.peak / 2**20:.0f} MB")  # fmt: skip
    markdown = ("Chỉ thị về công an xã. " + "**a " * 16_000).encode()
    with ThreadPoolExecutor(max_workers=1) as pool:
        upload = pool.submit(timed, keyed, "POST", "/v1/documents",
                             files={"file": ("redos.md", markdown)})  # fmt: skip
        health = [timed(plain, "GET", "/healthz")[1] for _ in range(20)]
        status, seconds = upload.result()
    print(f"redos.md ({len(markdown) / 1024:.0f} KB): {status} in {seconds:.2f} s;"
          f" /healthz meanwhile max {max(health) * 1000:.0f} ms")  # fmt: skip
    job = keyed.post("/v1/index/rebuild").json()["id"]
    with ThreadPoolExecutor(max_workers=waiters + 1) as pool:
        waits = [pool.submit(timed, plain, "GET", f"/v1/jobs/{job}", params={"wait": 60})
                 for _ in range(waiters)]  # fmt: skip
        time.sleep(1)
        health = [timed(plain, "GET", "/healthz")[1] for _ in range(50)]
        ready = [timed(plain, "GET", "/readyz")[1] for _ in range(10)]
        still = sum(not w.done() for w in waits)
        statuses = {w.result()[0] for w in waits}
    p95 = statistics.quantiles(health, n=20)[-1]
    print(f"{waiters} clients waiting ({still} still waiting while measured; all {statuses}):"
          f" /healthz p95 {p95 * 1000:.0f} ms, max {max(health) * 1000:.0f} ms;"
          f" /readyz max {max(ready) * 1000:.0f} ms")  # fmt: skip


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--waiters", type=int, default=60)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="hardening-") as tmp:
        process, url = serve(Path(tmp))
        try:
            attack(url, TreeMemory(process.pid), args.waiters)
        finally:
            process.terminate()
            process.wait(60)
    return 0


if __name__ == "__main__":
    sys.exit(main())
