"""Backup and restore: into empty folders, nothing embedded again, questions answered."""

from __future__ import annotations

import io
import tarfile
from pathlib import Path

import pytest

from assistant.audit import AuditLog, key_id
from assistant.backup import BackupError, backup, restore
from assistant.cli import main
from assistant.conversation_store import ConversationStore
from assistant.feedback import FeedbackStore
from assistant.live_index import IndexService
from assistant.pipeline import build_assistant
from tests.conftest import SEEDS, make_settings

QUESTION = "Điện Biên có bao nhiêu đội dân phòng?"


@pytest.mark.slow
def test_a_restored_backup_answers_as_the_original_did(
    tmp_path: Path, seed_copy: Path, seed_service: IndexService, embedding_cache: Path
) -> None:
    settings = make_settings(tmp_path / "data", seed_copy, embedding_cache)
    original = IndexService(settings)
    original.sync()
    expected = build_assistant(settings, original).ask(QUESTION)
    original.close()
    FeedbackStore(tmp_path / "data" / "feedback.sqlite").add("up", QUESTION, {"answer": "x"})
    AuditLog(tmp_path / "data" / "audit.sqlite").record("upload", key_id("k"), "a.txt", "0" * 64)
    kept = ConversationStore(tmp_path / "data" / "conversations.sqlite")
    conversation = kept.save("browser", None, [{"role": "user", "content": QUESTION}], [None])
    kept.close()
    (tmp_path / "data" / "page_secret").write_text("bi-mat-cua-trang")

    archive = tmp_path / "backup.tar.gz"
    assert backup(settings, archive).vector_caches >= 1  # one per embedder the cache has seen

    empty = make_settings(tmp_path / "restored" / "data", tmp_path / "restored" / "documents")
    summary = restore(empty, archive)
    assert summary.documents == len(list(SEEDS.iterdir()))
    assert summary.databases == ["audit.sqlite", "conversations.sqlite", "feedback.sqlite"]
    restored = IndexService(empty)
    report = restored.sync()
    assert report.chunks_embedded == 0  # every vector came back with the backup
    answer = build_assistant(empty, restored).ask(QUESTION)
    restored.close()
    assert answer.answer == expected.answer and not answer.refused
    assert [c.document for c in answer.citations] == [c.document for c in expected.citations]
    assert len(FeedbackStore(empty.index.data_dir / "feedback.sqlite").export()) == 1
    assert AuditLog(empty.index.data_dir / "audit.sqlite").entries()[0].source == "a.txt"
    # The browser's conversations come back, and the secret its id is sealed with.
    assert (empty.index.data_dir / "page_secret").read_text() == "bi-mat-cua-trang"
    assert ConversationStore(empty.index.data_dir / "conversations.sqlite").get(
        "browser", conversation
    )


def test_restore_refuses_a_folder_that_is_not_empty(tmp_path: Path, seed_copy: Path) -> None:
    settings = make_settings(tmp_path / "data", seed_copy)
    archive = tmp_path / "b.tar.gz"
    command = ["--documents", str(seed_copy), "--data-dir", str(tmp_path / "data")]
    assert main(["backup", str(archive), *command]) == 0
    with pytest.raises(BackupError, match="empty documents folder"):
        restore(settings, archive)
    assert main(["restore", str(archive), *command]) == 1  # a one-line error, no traceback


@pytest.mark.parametrize("name", ["../evil.txt", "/etc/cron.d/x", "data/chroma/x.bin", "x.txt"])
def test_restore_refuses_members_outside_its_layout(tmp_path: Path, name: str) -> None:
    archive = tmp_path / "evil.tar.gz"
    with tarfile.open(archive, "w:gz") as tar:
        info = tarfile.TarInfo(name)
        info.size = 3
        tar.addfile(info, io.BytesIO(b"abc"))
    empty = make_settings(tmp_path / "data", tmp_path / "documents")
    with pytest.raises(BackupError, match="unexpected member"):
        restore(empty, archive)
    assert not (tmp_path / "evil.txt").exists()
    assert not (tmp_path / "documents").exists()


def test_a_damaged_document_is_caught_by_its_hash(tmp_path: Path, seed_copy: Path) -> None:
    archive = tmp_path / "b.tar.gz"
    backup(make_settings(tmp_path / "data", seed_copy), archive)
    with tarfile.open(archive, "r:gz") as tar:
        members = [(m, tar.extractfile(m).read()) for m in tar if m.isfile()]  # type: ignore[union-attr]
    damaged = tmp_path / "damaged.tar.gz"
    with tarfile.open(damaged, "w:gz") as tar:
        for member, data in members:
            data = data.replace(b"\xc4\x90i\xe1\xbb\x87n", b"XXXXXX") if member.name.startswith(
                "documents/") else data  # fmt: skip
            member.size = len(data)
            tar.addfile(member, io.BytesIO(data))
    with pytest.raises(BackupError, match="missing or damaged"):
        restore(make_settings(tmp_path / "r" / "data", tmp_path / "r" / "documents"), damaged)
