"""kill -9 of a real server in the middle of an index job, then a restart on the same data.

Whatever moment the kill lands on, the restarted server must list exactly the files of
the documents folder, each once, with as many vectors in Chroma as chunks in the catalog:
an upload that was saved is indexed on restart, one that was not is nowhere.
"""

from __future__ import annotations

import contextlib
import os
import random
import shutil
import signal
import subprocess
import time
from pathlib import Path
from typing import Any

import httpx
import pytest

from index.catalog import Catalog
from index.chroma_store import ChromaChunkStore, make_chroma_client
from index.data_dir import DataDir
from tests.api.directives import FOREST_FIRE_DIRECTIVE, FOREST_FIRE_FACT, FOREST_FIRE_QUESTION
from tests.conftest import SEEDS
from tests.servers import ServerProcess, running_server, server_env

pytestmark = [pytest.mark.server, pytest.mark.slow]

KEY = "khoa-kiem-thu-sap-may"
START_TIMEOUT_S = 120
UPLOADED = "chi-thi-07-phong-chay-rung.txt"
MAX_UPLOAD_ATTEMPTS = 4
COMMUNES = ["Tân Lập", "Minh Khai", "Đồng Tâm", "Hòa Bình", "Quyết Thắng", "Thanh Xuân"]
TOPICS = ["an toàn điện", "phòng chống đuối nước", "vệ sinh môi trường", "khai báo tạm vắng"]


def outreach_report(variant: int) -> str:
    """An invented report of many sentences, new to the vector cache for each `variant`,
    so that indexing it takes a while and a kill can land inside."""
    lines = [
        f"Xã {commune} tổ chức {3 + n % 17} buổi tuyên truyền về {topic} trong tháng "
        f"{1 + n % 12}, với {40 + 7 * n + variant} lượt người dân tham dự tại thôn {n}."
        for n, (commune, topic) in enumerate(
            (c, t) for _ in range(3) for c in COMMUNES for t in TOPICS
        )
    ]
    return f"Báo cáo số {variant}/BC-CAX về kết quả tuyên truyền tại cơ sở\n\n" + "\n".join(lines)


def kill_tree(process: subprocess.Popen[bytes]) -> None:
    """SIGKILL the server and every process under it (its parse workers), as a crash does."""
    children: dict[int, list[int]] = {}
    for entry in os.listdir("/proc"):
        if entry.isdigit():
            try:
                stat = Path(f"/proc/{entry}/stat").read_text().rsplit(")", 1)[1].split()
            except OSError:
                continue
            children.setdefault(int(stat[1]), []).append(int(entry))
    tree, todo = [], [process.pid]
    while todo:
        pid = todo.pop()
        tree.append(pid)
        todo += children.get(pid, [])
    for pid in tree:
        with contextlib.suppress(ProcessLookupError):  # a worker may have just ended
            os.kill(pid, signal.SIGKILL)
    process.wait()


def wait_caught_up(server: ServerProcess) -> None:
    """Until the startup sync (which completes an index write cut short) has finished."""
    deadline = time.monotonic() + 60
    with server.client(KEY) as client:
        while time.monotonic() < deadline:
            startup = client.get("/readyz").json()["startup_job"]
            if startup["state"] in ("succeeded", "failed"):
                assert startup["state"] == "succeeded", startup
                return
            time.sleep(0.1)
    pytest.fail(f"the startup sync did not finish:\n{server.log_tail()}")


def job_state(client: httpx.Client, job_id: str) -> dict[str, Any]:
    return dict(client.get(f"/v1/jobs/{job_id}").json())


def wait_progress(client: httpx.Client, job_id: str, total: int = 1, done: int = 0) -> None:
    """Until the job knows of `total` documents to index and has committed `done` of them."""
    deadline = time.monotonic() + 30
    while (job := job_state(client, job_id))["total"] < total or job["done"] < done:
        assert job["state"] in ("queued", "running"), job
        assert time.monotonic() < deadline, f"the job did not get that far: {job}"
        time.sleep(0.01)


def wait_finished(client: httpx.Client, job_id: str) -> dict[str, Any]:
    job = dict(client.get(f"/v1/jobs/{job_id}", params={"wait": 60}).json())
    assert job["state"] == "succeeded", job
    return job


def check_consistent(server: ServerProcess, documents: Path) -> list[str]:
    """The documents the restarted server lists are the folder's files, each once."""
    with server.client(KEY) as client:
        listed = [d["id"] for d in client.get("/v1/documents").json()["documents"]]
    assert sorted(listed) == sorted(p.name for p in documents.iterdir())
    assert len(set(listed)) == len(listed)
    return listed


def check_store(data_dir: Path, cache: Path, listed: list[str]) -> None:
    """In the active generation: each document once, each chunk once, one vector a chunk."""
    data = DataDir(data_dir, cache)
    generation = data.active_generation()
    assert generation is not None
    catalog = Catalog(data.catalog_path(generation))
    try:
        records, chunks = catalog.documents(), catalog.chunks()
    finally:
        catalog.close()
    assert sorted(r.source for r in records) == sorted(listed)
    assert len({c.chunk_id for c in chunks}) == len(chunks)
    assert sum(r.chunk_count for r in records) == len(chunks)
    collection = data.collection_of(generation)
    store = ChromaChunkStore(make_chroma_client(data_dir, None), collection)
    assert store.count() == len(chunks)


@pytest.fixture
def setup(tmp_path: Path, warm_cache: Path) -> tuple[Path, Path, dict[str, str]]:
    documents = tmp_path / "documents"
    shutil.copytree(SEEDS, documents)
    return documents, tmp_path / "data", server_env(warm_cache, PA_API_KEYS=KEY)


def test_kill_during_an_upload_loses_and_duplicates_nothing(
    setup: tuple[Path, Path, dict[str, str]], warm_cache: Path
) -> None:
    documents, data_dir, env = setup
    rng = random.Random(1007)
    with running_server(documents, data_dir, env, ready_timeout_s=START_TIMEOUT_S) as server:
        wait_caught_up(server)
        with server.client(KEY) as client:
            started = time.monotonic()  # one whole upload first, to know how long one takes
            report = client.post(
                "/v1/documents", files={"file": ("bao-cao.txt", outreach_report(1))}
            )
            wait_finished(client, report.json()["id"])
            took = time.monotonic() - started
            # How long an upload takes varies with the machine's load, so a later one can
            # end before a fraction of the first: one that ends before the kill is let be
            # and the next is killed sooner, each under its own name.
            uploaded: list[str] = []
            for attempt in range(MAX_UPLOAD_ATTEMPTS):
                uploaded.append(f"chi-thi-07-phong-chay-rung-{attempt}.txt")
                directive = FOREST_FIRE_DIRECTIVE + "\n" + outreach_report(10 + attempt)
                upload = client.post("/v1/documents", files={"file": (uploaded[-1], directive)})
                assert upload.status_code == 202, upload.text
                while job_state(client, upload.json()["id"])["state"] == "queued":
                    time.sleep(0.01)
                time.sleep(rng.uniform(0.1, 0.8) * took / 2**attempt)
                at_kill = job_state(client, upload.json()["id"])
                if at_kill["state"] != "succeeded":
                    break
            kill_tree(server.process)
    print(f"an upload takes {took:.2f} s; killed with upload {len(uploaded)} {at_kill['state']}")
    assert at_kill["state"] == "running", "the kill should land inside an upload's job"

    with running_server(documents, data_dir, env, ready_timeout_s=START_TIMEOUT_S) as server:
        wait_caught_up(server)
        listed = check_consistent(server, documents)
        with server.client(KEY) as client:
            answer = client.post("/v1/ask", json={"question": FOREST_FIRE_QUESTION}).json()
    saved = [name for name in uploaded if (documents / name).exists()]
    cited = {c["document"] for c in answer["citations"]}
    if saved:  # saved before the kill: indexed on restart
        assert FOREST_FIRE_FACT in answer["answer"]
        assert answer["citations"][0]["document"] in saved
    for name in set(uploaded) - set(saved):  # never half: not saved, so neither listed nor cited
        assert name not in listed
        assert name not in cited
    check_store(data_dir, warm_cache, listed)


def test_kill_during_a_rebuild_loses_and_duplicates_nothing(
    setup: tuple[Path, Path, dict[str, str]], warm_cache: Path
) -> None:
    documents, data_dir, env = setup
    rng = random.Random(1010)
    (documents / UPLOADED).write_text(FOREST_FIRE_DIRECTIVE + outreach_report(3), encoding="utf-8")
    with running_server(documents, data_dir, env, ready_timeout_s=START_TIMEOUT_S) as server:
        wait_caught_up(server)
        with server.client(KEY) as client:
            started = time.monotonic()  # one whole rebuild first, to know how long one takes
            wait_finished(client, client.post("/v1/index/rebuild").json()["id"])
            took = time.monotonic() - started
            listed_before = check_consistent(server, documents)
            rebuild = client.post("/v1/index/rebuild").json()["id"]
            wait_progress(
                client, rebuild, len(listed_before), rng.randint(1, len(listed_before) - 1)
            )
            at_kill = job_state(client, rebuild)
            kill_tree(server.process)
    print(
        f"a rebuild takes {took:.2f} s; killed with it {at_kill['state']}, "
        f"{at_kill['done']}/{at_kill['total']} documents committed to the new generation"
    )
    assert at_kill["state"] == "running", "the kill should land inside the rebuild"

    with running_server(documents, data_dir, env, ready_timeout_s=START_TIMEOUT_S) as server:
        wait_caught_up(server)
        listed = check_consistent(server, documents)
        assert UPLOADED in listed
        with server.client(KEY) as client:
            answer = client.post("/v1/ask", json={"question": FOREST_FIRE_QUESTION}).json()
            rebuilt = wait_finished(client, client.post("/v1/index/rebuild").json()["id"])
        assert rebuilt["result"]["rebuilt"]  # the data dir is still usable for a rebuild
    assert FOREST_FIRE_FACT in answer["answer"]
    assert answer["citations"][0]["document"] == UPLOADED
    check_store(data_dir, warm_cache, listed)
