"""One contract for what the stores keep, run on a SQLite file and on a real PostgreSQL.

Each test gets a fresh database: a SQLite file in its tmp dir, or a schema of its own in
one throwaway PostgreSQL cluster for the module.
"""

from __future__ import annotations

import itertools
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from assistant.audit import AuditLog
from assistant.conversation_store import ConversationStore
from assistant.feedback import FeedbackStore
from assistant.job_store import INTERRUPTED, JobStore
from assistant.jobs import Job, JobState
from index.catalog import Catalog
from index.database import Connection, connect_postgres, connect_sqlite
from index.records import Chunk, CleanDocument, DocumentMetadata
from tests.backing_servers import postgres_server, postgres_unavailable

UNAVAILABLE = postgres_unavailable()
MTIME_NS = 1_764_000_000_123_456_789  # a file's mtime in 2025: needs 64 bits
Connect = Callable[[], Connection]
_schemas = itertools.count()


@pytest.fixture(scope="module")
def postgres_url() -> Iterator[str]:
    if UNAVAILABLE is not None:
        pytest.skip(f"PostgreSQL half of the store contract: {UNAVAILABLE}")
    with postgres_server() as url:
        yield url


@pytest.fixture(params=["sqlite", pytest.param("postgresql", marks=pytest.mark.server)])
def connect(request: pytest.FixtureRequest, tmp_path: Path) -> Connect:
    """Opens connections to one fresh database (call it again for a second connection)."""
    if request.param == "sqlite":
        return lambda: connect_sqlite(tmp_path / "store.sqlite")
    url = request.getfixturevalue("postgres_url")
    schema = f"test_{next(_schemas)}"
    return lambda: connect_postgres(url, schema)


def _document(source: str, sha: str) -> CleanDocument:
    return CleanDocument(source, sha, "txt", "Câu một. Câu hai.", DocumentMetadata(title="T"))


def _chunks(source: str, sha: str, count: int) -> list[tuple[str, Chunk]]:
    return [(f"{sha}-{i}", Chunk(source, i, "Câu một.", 0, 8)) for i in range(count)]


def test_the_catalog_commits_replaces_and_removes_documents(connect: Connect) -> None:
    catalog = Catalog(connect())
    catalog.mark_pending(["a-0", "a-1"])
    catalog.commit_document(_document("x.txt", "a"), _chunks("x.txt", "a", 2), 10, MTIME_NS)
    assert catalog.file_states() == {"x.txt": ("a", 10, MTIME_NS)}
    assert catalog.pending() == [] and catalog.version == 1
    replaced = catalog.commit_document(_document("x.txt", "b"), _chunks("x.txt", "b", 1), 11, 2)
    assert replaced == ["a-0", "a-1"] and sorted(catalog.pending()) == ["a-0", "a-1"]
    assert catalog.remove_document("x.txt") == ["b-0"]
    assert catalog.documents() == [] and catalog.version == 3
    catalog.set_meta({"embedder": "e5"})
    catalog.set_meta({"embedder": "e5-v2"})  # a second write replaces the first
    catalog.close()
    assert Catalog(connect()).get_meta("embedder") == "e5-v2"


def test_a_failed_catalog_write_leaves_nothing_behind(connect: Connect) -> None:
    catalog = Catalog(connect())
    with pytest.raises(RuntimeError), catalog.transaction() as db:
        db.execute("INSERT INTO pending VALUES (?)", ("half-written",))
        raise RuntimeError("the process died here")
    assert catalog.pending() == []


def test_feedback_is_kept_and_changed_by_id(connect: Connect) -> None:
    store = FeedbackStore(connect())
    first = store.add("up", "Hỏi?", {"answer": "Đáp.", "citations": [{"document": "x.txt"}]})
    second = store.add("down", "Hỏi nữa?", {"answer": "Không rõ.", "refused": True})
    store.set_rating(first, "down")
    store.set_comment(first, "thiếu số liệu")
    store.remove(second)
    [item] = FeedbackStore(connect()).export()
    assert item["id"] == first and item["rating"] == "down" and item["comment"] == "thiếu số liệu"
    assert item["citations"] == [{"document": "x.txt"}] and item["refused"] is False


def test_the_audit_log_lists_newest_first(connect: Connect) -> None:
    log = AuditLog(connect())
    ids = [
        log.record("upload", "key:abc", "x.txt", "0" * 64),
        log.record("delete", "page", "x.txt"),
    ]
    assert ids[1] > ids[0]
    entries = AuditLog(connect()).entries(source="x.txt")
    assert [e.action for e in entries] == ["delete", "upload"]
    assert log.added_at("x.txt") == entries[1].at


def test_conversations_belong_to_their_owner(connect: Connect) -> None:
    store = ConversationStore(connect())
    older = store.save("me", None, [{"role": "user", "content": "a"}], [None], title="Một")
    newer = store.save("me", None, [], [], title="Hai")
    assert store.save("me", older, [{"role": "user", "content": "b"}], [None]) == older
    assert [c.title for c in store.list("me")] == ["Một", "Hai"]  # last used first
    assert store.list("someone else") == [] and not store.delete("someone else", newer)
    assert store.rename("me", newer, "Ba") and store.delete("me", older)
    assert [c.title for c in ConversationStore(connect()).list("me")] == ["Ba"]


def test_a_replica_marks_only_its_own_unfinished_jobs_interrupted(connect: Connect) -> None:
    a, b = JobStore(connect(), replica="a:8001"), JobStore(connect(), replica="b:8002")
    a.save(Job(id="job-a", kind="upload", state=JobState.running))
    b.save(Job(id="job-b", kind="sync", state=JobState.succeeded))
    a.save(Job(id="job-a2", kind="sync", state=JobState.succeeded))
    restarted_b = JobStore(connect(), replica="b:8002")
    assert [job.id for job in restarted_b.load(10)] == ["job-b"]
    running = restarted_b.get("job-a")
    assert running is not None and running.state is JobState.running  # may be, right now
    restarted_a = {job.id: job for job in JobStore(connect(), replica="a:8001").load(10)}
    assert list(restarted_a) == ["job-a", "job-a2"]  # its own, oldest first, as made
    assert restarted_a["job-a"].state is JobState.failed
    assert restarted_a["job-a"].message == INTERRUPTED
    found = restarted_b.get("job-a")
    assert found is not None and found.state is JobState.failed


@pytest.mark.server
def test_a_store_opens_its_connection_again_after_the_server_dropped_it(
    postgres_url: str,
) -> None:
    store = FeedbackStore(connect_postgres(postgres_url, "test_dropped"))
    store.add("up", "Hỏi?", {"answer": "Đáp."})
    admin = connect_postgres(postgres_url)
    admin.execute(
        "SELECT pg_terminate_backend(pid) FROM pg_stat_activity"
        " WHERE application_name = 'policy-assistant' AND pid <> pg_backend_pid()"
    )
    store.add("down", "Hỏi nữa?", {"answer": "Không rõ."})  # a failover, as the store sees it
    assert [item["rating"] for item in store.export()] == ["up", "down"]
