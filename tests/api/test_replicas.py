"""Two real `serve` replicas sharing one PostgreSQL, one `chroma run` and one documents folder.

What an officer behind a load balancer would notice: a directive uploaded through one
replica is answered by the other within seconds, a deletion through either is gone from
both, a rebuild on one does not interrupt the other's answers, and ratings and the audit
log are one record whichever replica took them.
"""

from __future__ import annotations

import shutil
import threading
import time
from collections.abc import Iterator
from contextlib import ExitStack
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import httpx
import pytest

from tests.api.directives import FOREST_FIRE_DIRECTIVE, FOREST_FIRE_FACT, FOREST_FIRE_QUESTION
from tests.backing_servers import chroma_server, postgres_server, postgres_unavailable
from tests.conftest import SEEDS
from tests.servers import ServerProcess, running_server, server_env

UNAVAILABLE = postgres_unavailable()
pytestmark = [
    pytest.mark.server,
    pytest.mark.slow,
    pytest.mark.skipif(UNAVAILABLE is not None, reason=f"two-replica test: {UNAVAILABLE}"),
]

KEY = "khoa-kiem-thu-hai-ban-sao"
FOLLOW_LIMIT_S = 5.0  # the promise: answerable through every replica within 5 s
UPLOADED = "chi-thi-07-phong-chay-rung.txt"
DURING = "chi-thi-07-phong-chay-rung-ban-sao.txt"
SEED_QUESTION = "Điện Biên có bao nhiêu đội dân phòng?"


@dataclass
class Replicas:
    a: ServerProcess
    b: ServerProcess
    documents: Path


@pytest.fixture(scope="module")
def replicas(tmp_path_factory: pytest.TempPathFactory, warm_cache: Path) -> Iterator[Replicas]:
    root = tmp_path_factory.mktemp("replicas")
    documents = root / "documents"  # the folder both replicas share
    shutil.copytree(SEEDS, documents)
    with ExitStack() as stack:
        database = stack.enter_context(postgres_server())
        chroma = stack.enter_context(chroma_server(root / "chroma"))
        env = server_env(warm_cache, PA_API_KEYS=KEY, PA_DATABASE_URL=database,
                         PA_CHROMA_URL=chroma)  # fmt: skip
        a = stack.enter_context(running_server(documents, root / "data-a", env))
        b = stack.enter_context(running_server(documents, root / "data-b", env))
        for server in (a, b):
            wait_startup(server)
        yield Replicas(a, b, documents)


def wait_startup(server: ServerProcess) -> None:
    deadline = time.monotonic() + 120
    with server.client() as client:
        while (job := client.get("/readyz").json()["startup_job"])["state"] != "succeeded":
            assert job["state"] != "failed", job
            assert time.monotonic() < deadline, server.log_tail()
            time.sleep(0.2)


def finished(client: httpx.Client, job_id: str) -> dict[str, Any]:
    deadline = time.monotonic() + 300
    while (job := client.get(f"/v1/jobs/{job_id}", params={"wait": 30}).json())["state"] in (
        "queued",
        "running",
    ):
        assert time.monotonic() < deadline, job
    assert job["state"] == "succeeded", job
    return dict(job)


def ask(client: httpx.Client, question: str) -> dict[str, Any]:
    response = client.post("/v1/ask", json={"question": question})
    assert response.status_code == 200, response.text
    return dict(response.json())


def cites(answer: dict[str, Any], document: str) -> bool:
    return any(c["document"] == document for c in answer["citations"])


def listed(client: httpx.Client) -> set[str]:
    return {d["id"] for d in client.get("/v1/documents").json()["documents"]}


def until(check: Any, limit_s: float, what: str) -> float:
    """Seconds until `check()` holds; fails past `limit_s`."""
    started = time.monotonic()
    while not check():
        elapsed = time.monotonic() - started
        assert elapsed < limit_s, f"{what}: not within {limit_s} s"
        time.sleep(0.05)
    return time.monotonic() - started


def test_an_upload_through_one_replica_is_answered_by_the_other(replicas: Replicas) -> None:
    with replicas.a.client(KEY) as a, replicas.b.client(KEY) as b:
        assert not cites(ask(b, FOREST_FIRE_QUESTION), UPLOADED)
        upload = a.post("/v1/documents", files={"file": (UPLOADED, FOREST_FIRE_DIRECTIVE)})
        assert upload.status_code == 202, upload.text
        finished(a, upload.json()["id"])  # answerable through A from here

        def b_answers() -> bool:
            answer = ask(b, FOREST_FIRE_QUESTION)
            return FOREST_FIRE_FACT in answer["answer"] and cites(answer, UPLOADED)

        took = until(b_answers, FOLLOW_LIMIT_S, "the upload through A answered by B")
        print(f"uploaded through A, answered through B {took:.2f} s after A's job finished")
        # The job A ran is readable through B: jobs live in the shared database.
        assert b.get(f"/v1/jobs/{upload.json()['id']}").json()["state"] == "succeeded"
        uploads = [e for e in b.get("/v1/audit").json()["entries"] if e["action"] == "upload"]
        assert [e["source"] for e in uploads][:1] == [UPLOADED]


def test_a_delete_through_the_other_replica_is_gone_from_both(replicas: Replicas) -> None:
    with replicas.a.client(KEY) as a, replicas.b.client(KEY) as b:
        if UPLOADED not in listed(a):
            upload = a.post("/v1/documents", files={"file": (UPLOADED, FOREST_FIRE_DIRECTIVE)})
            finished(a, upload.json()["id"])
            until(lambda: UPLOADED in listed(b), FOLLOW_LIMIT_S, "B lists A's upload")
        finished(b, b.delete(f"/v1/documents/{UPLOADED}").json()["id"])
        took = until(lambda: UPLOADED not in listed(a), FOLLOW_LIMIT_S, "A drops B's deletion")
        print(f"deleted through B, gone from A after {took:.2f} s")
        assert not cites(ask(a, FOREST_FIRE_QUESTION), UPLOADED)
        assert not (replicas.documents / UPLOADED).exists()


def test_a_rebuild_on_one_replica_while_the_other_answers(replicas: Replicas) -> None:
    with replicas.a.client(KEY) as a, replicas.b.client(KEY) as b:
        before = b.get("/readyz").json()["generation"]
        expected = ask(b, SEED_QUESTION)
        assert expected["citations"], expected
        answers: list[dict[str, Any]] = []
        done = threading.Event()

        def keep_asking() -> None:
            with replicas.b.client(KEY) as asker:
                while not done.is_set():
                    answers.append(ask(asker, SEED_QUESTION))

        # B is already answering when A's rebuild starts (on a busy machine a short rebuild
        # may end before a thread started after it asks once).
        asker = threading.Thread(target=keep_asking, daemon=True)
        asker.start()
        until(lambda: bool(answers), FOLLOW_LIMIT_S, "B answers before the rebuild")
        rebuild = a.post("/v1/index/rebuild")
        assert rebuild.status_code == 202, rebuild.text
        # A write through B meanwhile waits for A's rebuild (one writer), then lands in it.
        during = b.post("/v1/documents", files={"file": (DURING, FOREST_FIRE_DIRECTIVE)})
        assert during.status_code == 202, during.text
        try:
            job = finished(a, rebuild.json()["id"])
        finally:
            done.set()
            asker.join(timeout=60)
        assert job["result"]["rebuilt"], job
        finished(b, during.json()["id"])
        until(lambda: cites(ask(a, FOREST_FIRE_QUESTION), DURING), FOLLOW_LIMIT_S,
              "A answers from what B indexed during the rebuild")  # fmt: skip
        generation = a.get("/readyz").json()["generation"]
        assert generation != before
        until(lambda: b.get("/readyz").json()["generation"] == generation, FOLLOW_LIMIT_S,
              "B serves A's rebuilt generation")  # fmt: skip
        answers.append(ask(b, SEED_QUESTION))
        print(f"{len(answers)} answers through B during and after A's rebuild")
        assert len(answers) >= 2
        for answer in answers:  # every one as before: same text, same first source
            assert answer["answer"] == expected["answer"]
            assert answer["citations"][0]["document"] == expected["citations"][0]["document"]


def test_feedback_given_through_one_replica_is_listed_by_the_other(
    replicas: Replicas,
) -> None:
    with replicas.a.client(KEY) as a, replicas.b.client(KEY) as b:
        answer = ask(a, SEED_QUESTION)
        rating = {"rating": "up", "question": SEED_QUESTION, "answer": answer}
        created = a.post("/v1/feedback", json=rating)
        assert created.status_code == 201, created.text
        items = b.get("/v1/feedback").json()["items"]
        assert created.json()["id"] in {item["id"] for item in items}
