"""Asks answered by worker processes: the same answers as the server's own, the index
followed as it changes, a dead worker replaced, and nothing left behind by a killed server.

Real processes throughout: spawned workers, a real `chroma run` (started by the server),
real files; one test runs `policy-assistant serve` and kills it outright.
"""

from __future__ import annotations

import os
import signal
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from assistant.ask_workers import ask_worker_count
from assistant.server_services import Services, build_services
from assistant.settings import Settings
from tests.conftest import make_settings
from tests.servers import running_server, server_env

WAIT_S = 120

PLAN = """ỦY BAN NHÂN DÂN HUYỆN KHE LAU
Số: 41/KH-UBND

KẾ HOẠCH
Bảo đảm an ninh trật tự mùa lễ hội năm 2026

Năm 2025, lực lượng Công an huyện Khe Lau đã xử lý 57 vụ vi phạm trật tự công cộng.
Huyện Khe Lau bố trí 26 chốt trực bảo đảm an ninh tại các điểm lễ hội.
"""

REPORT = """CÔNG AN XÃ BẢN NGÒ
Số: 12/BC-CAX

BÁO CÁO
Kết quả tuần tra vũ trang quý I năm 2026

Quý I năm 2026, Công an xã Bản Ngò tổ chức 64 cuộc tuần tra vũ trang trên địa bàn.
"""

ADDED = """CÔNG AN XÃ NẬM RƠM
Số: 08/BC-CAX

BÁO CÁO
Công tác phòng cháy tháng 5 năm 2026

Tháng 5 năm 2026, xã Nậm Rơm thành lập 19 tổ liên gia an toàn phòng cháy, chữa cháy.
"""

QUESTIONS = [
    "Huyện Khe Lau bố trí bao nhiêu chốt trực?",
    "Quý I năm 2026 Công an xã Bản Ngò tổ chức bao nhiêu cuộc tuần tra vũ trang?",
    "so vu vi pham trat tu cong cong huyen Khe Lau nam 2025",
]


def write_documents(folder: Path) -> Path:
    folder.mkdir()
    (folder / "ke-hoach-khe-lau.txt").write_text(PLAN, encoding="utf-8")
    (folder / "bao-cao-ban-ngo.txt").write_text(REPORT, encoding="utf-8")
    return folder


def alive(pid: int) -> bool:
    """Whether the process runs (a zombie waiting for its parent counts as gone)."""
    try:
        state = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0]
    except (OSError, IndexError):  # gone between opening and reading: ESRCH, not ENOENT
        return False
    return state != "Z"


def children_of(pid: int) -> list[int]:
    """The processes whose parent is `pid`, and theirs."""
    found: list[int] = []
    for stat in Path("/proc").glob("[0-9]*/stat"):
        try:
            fields = stat.read_text().rsplit(")", 1)[1].split()
        except (OSError, IndexError):
            continue
        if int(fields[1]) == pid:
            child = int(stat.parent.name)
            found += [child, *children_of(child)]
    return found


def wait_for(condition: object, what: str) -> None:
    deadline = time.monotonic() + WAIT_S
    while not condition():  # type: ignore[operator]
        assert time.monotonic() < deadline, what
        time.sleep(0.2)


def started(settings: Settings) -> Services:
    services = build_services(settings)
    job = services.start(watch=False)
    assert services.wait_ready(WAIT_S)
    wait_for(lambda: services.jobs.get(job.id).state == "succeeded", "the first sync")  # type: ignore[union-attr]
    return services


@pytest.fixture
def two_workers(tmp_path: Path, embedding_cache: Path) -> Iterator[Services]:
    documents = write_documents(tmp_path / "documents")
    settings = make_settings(tmp_path / "data", documents, embedding_cache)
    services = started(settings.with_overrides(api={"ask_workers": 2}))
    try:
        yield services
    finally:
        services.close()


def test_unset_means_one_worker_per_core_with_the_extractive_answerer(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    settings = Settings()  # PA_ASK_WORKERS may be set where the tests run
    unset = settings.model_copy(
        update={"api": settings.api.model_copy(update={"ask_workers": None})}
    )
    for cores, expected in ((1, 0), (2, 2), (4, 4), (32, 8)):
        monkeypatch.setattr(os, "sched_getaffinity", lambda _pid, n=cores: set(range(n)))
        assert ask_worker_count(unset) == expected
    assert ask_worker_count(unset.with_overrides(llm={"backend": "ollama"})) == 0
    assert ask_worker_count(unset.with_overrides(api={"ask_workers": 3})) == 3


@pytest.mark.slow
def test_workers_answer_as_the_server_would_and_follow_its_writes(
    two_workers: Services, tmp_path: Path, embedding_cache: Path
) -> None:
    workers = two_workers.status()["ask_workers"]
    assert len(workers) == 2 and os.getpid() not in workers

    local = started(make_settings(tmp_path / "local", two_workers.intake.documents_dir,
                                  embedding_cache))  # fmt: skip
    try:
        for question in QUESTIONS:
            pooled = two_workers.assistant.ask(question)
            mine = local.assistant.ask(question)
            assert not pooled.refused
            assert pooled.answer == mine.answer
            assert pooled.citations == mine.citations
    finally:
        local.close()

    # Written by the server, read by the workers: an ask sent when the job has finished is
    # answered from the new document, whichever worker takes it.
    job = two_workers.upload("bao-cao-nam-rom.txt", ADDED.encode())
    wait_for(lambda: two_workers.jobs.get(job.id).state == "succeeded", "the upload's job")  # type: ignore[union-attr]
    for _ in range(4):
        answer = two_workers.assistant.ask("Xã Nậm Rơm thành lập bao nhiêu tổ liên gia?")
        assert "19 tổ liên gia" in answer.answer
        assert answer.citations[0].document == "bao-cao-nam-rom.txt"

    streamed = list(two_workers.assistant.stream(QUESTIONS[0]))
    assert "".join(getattr(e, "text", "") for e in streamed[:-1]) == streamed[-1].answer  # type: ignore[union-attr]


@pytest.mark.slow
def test_a_worker_that_dies_is_replaced_and_closing_ends_them_all(two_workers: Services) -> None:
    before = two_workers.status()["ask_workers"]
    os.kill(before[0], signal.SIGKILL)
    wait_for(lambda: not alive(before[0]), "the worker to die")

    answer = two_workers.assistant.ask(QUESTIONS[1])
    assert "64 cuộc tuần tra" in answer.answer
    after = two_workers.status()["ask_workers"]
    assert len(after) == 2 and before[0] not in after

    two_workers.close()
    wait_for(lambda: not any(alive(pid) for pid in after), "the workers to end")


@pytest.mark.slow
def test_a_killed_server_leaves_no_worker_and_no_chroma_behind(
    tmp_path: Path, embedding_cache: Path
) -> None:
    documents = write_documents(tmp_path / "documents")
    env = server_env(embedding_cache, PA_ASK_WORKERS="2")
    with running_server(documents, tmp_path / "data", env) as server:
        with server.client() as client:
            ready = client.get("/readyz").json()
            answer = client.post("/v1/ask", json={"question": QUESTIONS[0]}).json()
        assert "26 chốt" in answer["answer"]
        assert len(ready["ask_workers"]) == 2
        left = children_of(server.process.pid)
        assert set(ready["ask_workers"]) <= set(left)
        assert any("chroma" in Path(f"/proc/{pid}/cmdline").read_text() for pid in left)

        server.process.kill()  # no shutdown of its own: the children must notice
        server.process.wait()
        wait_for(lambda: not any(alive(pid) for pid in left), "the server's children to end")
