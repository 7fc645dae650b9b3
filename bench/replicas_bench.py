"""Two replicas: how soon an upload through one is answered through the other; memory.

Starts a throwaway PostgreSQL, one `chroma run` and two `policy-assistant serve` replicas
on a copy of the seeds sharing one documents folder (tests/backing_servers.py,
tests/servers.py), then uploads invented directives through A, one at a time, each
naming its own commune and a count the seeds do not hold, and times:

  upload  POST /v1/documents on A until A's job has succeeded (read, embed, commit)
  follow  A's job succeeded until B answers the question from the new directive
  total   POST on A until B answers from it

Memory is the resident memory of each replica's process tree (server, parse workers),
after loading the seeds and after the uploads; PostgreSQL's and Chroma's beside them. RSS
counts a shared page in every process that maps it; PSS splits it between them.

    .venv/bin/python bench/replicas_bench.py          # 11 uploads
"""

from __future__ import annotations

import argparse
import os
import random
import shutil
import subprocess
import tempfile
import time
from contextlib import ExitStack
from pathlib import Path

import httpx
from common import REPO, percentiles
from hardening_bench import tree_rss

from tests.backing_servers import chroma_server, postgres_server
from tests.servers import ServerProcess, running_server, server_env

KEY = "khoa-do-hai-ban-sao"
COMMUNES = ["Nậm Lầu", "Chiềng Cơi", "Tà Xùa", "Mường Giôn", "Pắc Ngà", "Háng Đồng",
            "Phiêng Pằn", "Nà Nghịu", "Chiềng Khoang", "Tông Lạnh", "Mường Bám"]  # fmt: skip
DIRECTIVE = """\
ỦY BAN NHÂN DÂN TỈNH SƠN LA
Số: {number}/CT-UBND
Sơn La, ngày {day} tháng 4 năm 2025

CHỈ THỊ
Về xây dựng tổ tự quản an ninh trật tự tại xã {commune}

Để giữ vững an ninh trật tự ở cơ sở, Chủ tịch Ủy ban nhân dân tỉnh yêu cầu:

1. Ủy ban nhân dân xã {commune} thành lập {count} tổ tự quản an ninh trật tự tại các bản, \
hoàn thành trước ngày 30 tháng 6 năm 2025.

2. Công an xã {commune} hướng dẫn các tổ tự quản tuần tra, nắm tình hình và báo cáo hằng tháng.
"""
QUESTION = "Xã {commune} thành lập bao nhiêu tổ tự quản an ninh trật tự?"
# Numbers new to each run, so each upload is embedded afresh (the vector cache is kept).
RUN = random.Random().randrange(1000, 9999)


def pid_of_port(port: int) -> int:
    """The process listening on a loopback port (PostgreSQL's postmaster, `chroma run`)."""
    inodes = set()
    for table in ("/proc/net/tcp", "/proc/net/tcp6"):
        for line in Path(table).read_text().splitlines()[1:]:
            fields = line.split()
            if int(fields[1].rsplit(":", 1)[1], 16) == port and fields[3] == "0A":
                inodes.add(fields[9])
    for pid in filter(str.isdigit, os.listdir("/proc")):
        try:
            for fd in os.listdir(f"/proc/{pid}/fd"):
                if os.readlink(f"/proc/{pid}/fd/{fd}").removeprefix("socket:[")[:-1] in inodes:
                    return int(pid)
        except OSError:
            continue
    return 0


def tree_pss(pid: int) -> int:
    """Proportional set size of a process and its descendants: shared pages (PostgreSQL's
    shared buffers, the same libraries) counted once in all, not once per process."""
    parents: dict[int, int] = {}
    for entry in filter(str.isdigit, os.listdir("/proc")):
        try:
            parents[int(entry)] = int(
                Path(f"/proc/{entry}/stat").read_text().rsplit(")")[-1].split()[1]
            )
        except OSError:
            continue
    tree, todo, total = set(), [pid], 0
    while todo:
        member = todo.pop()
        tree.add(member)
        todo += [child for child, parent in parents.items() if parent == member]
    for member in tree:
        try:
            for line in Path(f"/proc/{member}/smaps_rollup").read_text().splitlines():
                if line.startswith("Pss:"):
                    total += int(line.split()[1]) * 1024
        except OSError:
            continue
    return total


def mb(pid: int) -> str:
    return f"{tree_rss(pid) / 2**20:.0f} MB (PSS {tree_pss(pid) / 2**20:.0f})"


def answered_from(client: httpx.Client, question: str, document: str) -> bool:
    answer = client.post("/v1/ask", json={"question": question}).json()
    return any(c["document"] == document for c in answer.get("citations", []))


def upload_one(a: httpx.Client, b: httpx.Client, i: int) -> tuple[float, float]:
    commune, number = COMMUNES[i], f"{RUN}{i:02d}"
    name = f"chi-thi-{number}-to-tu-quan.txt"
    text = DIRECTIVE.format(number=number, day=1 + i % 28, commune=commune, count=17 + 3 * i)
    started = time.monotonic()
    job = a.post("/v1/documents", files={"file": (name, text)}).json()
    while (job := a.get(f"/v1/jobs/{job['id']}", params={"wait": 30}).json())["state"] in (
        "queued",
        "running",
    ):
        pass
    assert job["state"] == "succeeded", job
    indexed = time.monotonic()
    while not answered_from(b, QUESTION.format(commune=commune), name):
        assert time.monotonic() - indexed < 60, f"B never answered from {name}"
        time.sleep(0.02)
    return indexed - started, time.monotonic() - indexed


def measure(a: ServerProcess, b: ServerProcess, uploads: int, backing: dict[str, int]) -> None:
    def memory(when: str) -> None:
        parts = [f"A {mb(a.process.pid)}", f"B {mb(b.process.pid)}"]
        parts += [f"{name} {mb(pid)}" for name, pid in backing.items() if pid]
        print(f"memory {when}: " + ", ".join(parts))

    memory("after loading the seeds")
    upload_s, follow_s, total_s = [], [], []
    with a.client(KEY) as client_a, b.client(KEY) as client_b:
        for i in range(uploads):
            up, follow = upload_one(client_a, client_b, i)
            upload_s.append(up)
            follow_s.append(follow)
            total_s.append(up + follow)
            print(f"upload {i + 1}: indexed on A {up:.2f} s, answered on B {follow:.2f} s later")
    for name, values in (("upload", upload_s), ("follow", follow_s), ("total", total_s)):
        p50, p95 = percentiles(values)
        print(f"{name}: p50 {p50:.2f} s, p95 {p95:.2f} s, max {max(values):.2f} s")
    memory(f"after {uploads} uploads")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--uploads", type=int, default=len(COMMUNES))
    args = parser.parse_args()
    if not 0 < args.uploads <= len(COMMUNES):
        parser.error(f"--uploads: 1 to {len(COMMUNES)} (one commune each)")
    cache = REPO / "data" / "bench" / "replicas-embeddings"  # seeds embedded once across runs
    root = Path(tempfile.mkdtemp(prefix="pa-replicas-bench-"))
    load = os.getloadavg()[0]
    try:
        with ExitStack() as stack:
            database = stack.enter_context(postgres_server())
            chroma = stack.enter_context(chroma_server(root / "chroma"))
            shutil.copytree(REPO / "documents", root / "documents")
            env = server_env(cache, PA_API_KEYS=KEY, PA_DATABASE_URL=database,
                             PA_CHROMA_URL=chroma)  # fmt: skip
            a = stack.enter_context(running_server(root / "documents", root / "a", env))
            b = stack.enter_context(running_server(root / "documents", root / "b", env))
            backing = {"PostgreSQL": pid_of_port(int(database.rsplit(":", 1)[1].split("/")[0])),
                       "Chroma": pid_of_port(int(chroma.rsplit(":", 1)[1]))}  # fmt: skip
            measure(a, b, args.uploads, backing)
    finally:
        shutil.rmtree(root, ignore_errors=True)
    print(f"load average {load:.1f} at start, {os.getloadavg()[0]:.1f} at the end (2 cores)")
    subprocess.run(["date", "-u"], check=False)


if __name__ == "__main__":
    main()
