"""Document intake: what may land in the documents folder, under which name."""

from __future__ import annotations

import hashlib
import io
import time
import zipfile
from pathlib import Path

import pytest

from assistant.intake import (
    DocumentIntake,
    DocumentTooLargeError,
    FolderWatcher,
    UnknownDocumentError,
    UnsupportedDocumentError,
    safe_filename,
)
from tests.api.directives import FLOOD_DIRECTIVE, FOREST_FIRE_DIRECTIVE

DIRECTIVE = FOREST_FIRE_DIRECTIVE.encode()


@pytest.fixture
def intake(tmp_path: Path) -> DocumentIntake:
    return DocumentIntake(tmp_path / "documents", max_bytes=64 * 1024)


def files_in(folder: Path) -> list[str]:
    return sorted(p.relative_to(folder).as_posix() for p in folder.rglob("*") if p.is_file())


@pytest.mark.parametrize(
    ("uploaded", "file_type", "saved"),
    [
        ("../../x.txt", "txt", "x.txt"),
        ("..\\..\\windows\\x.txt", "txt", "x.txt"),
        ("/etc/passwd", "txt", "passwd.txt"),
        ("..", "txt", "van-ban.txt"),
        (".env", "txt", "env.txt"),
        (".hidden.md", "md", "hidden.md"),
        ("Chỉ thị 07-CT-UBND.txt", "txt", "Chỉ thị 07-CT-UBND.txt"),
        ("Báo cáo.PDF", "txt", "Báo cáo.txt"),
        ("Báo cáo.PDF", "pdf", "Báo cáo.pdf"),
        ("scan.txt", "pdf", "scan.pdf"),
        ("trang.htm", "html", "trang.htm"),
        ("trang", "html", "trang.html"),
        ("ke-hoach.exe", "txt", "ke-hoach.txt"),
        ("Quyết định 12.2023", "txt", "Quyết định 12.2023.txt"),
        ("a\x00b\x1fc\u202e.txt", "txt", "abc.txt"),
        ('bad<>:"|?*name.txt', "txt", "bad_______name.txt"),
        ("   spaced    out  .txt", "txt", "spaced out.txt"),
        ("", "docx", "van-ban.docx"),
    ],
)
def test_safe_filename(uploaded: str, file_type: str, saved: str) -> None:
    assert safe_filename(uploaded, file_type) == saved


def test_long_vietnamese_names_are_cut_below_the_file_system_limit() -> None:
    name = safe_filename("Chỉ thị về phòng cháy chữa cháy rừng " * 20 + ".txt", "txt")
    assert len(name.encode("utf-8")) <= 255 and name.endswith(".txt")


def test_a_traversing_name_is_written_inside_the_folder(
    intake: DocumentIntake, tmp_path: Path
) -> None:
    saved = intake.save("../../../outside.txt", DIRECTIVE)
    assert saved.source == "outside.txt"
    assert files_in(tmp_path) == ["documents/outside.txt"]


def test_the_extension_follows_the_content(intake: DocumentIntake) -> None:
    html = (
        b"<html><body><h1>Ch\xe1\xbb\x89 th\xe1\xbb\x8b</h1><p>" + DIRECTIVE + b"</p></body></html>"
    )
    assert intake.save("chi-thi.txt", html).source == "chi-thi.html"


def test_the_same_content_twice_is_one_document(intake: DocumentIntake) -> None:
    first = intake.save("chi-thi-07.txt", DIRECTIVE)
    again = intake.save("ban-sao.txt", DIRECTIVE)
    same_name = intake.save("chi-thi-07.txt", DIRECTIVE)
    assert first.duplicate_of is None and not first.replaced
    assert again.duplicate_of == "chi-thi-07.txt" and again.source == "chi-thi-07.txt"
    assert same_name.duplicate_of == "chi-thi-07.txt"
    assert files_in(intake.documents_dir) == ["chi-thi-07.txt"]


def test_the_duplicate_check_asks_the_index_instead_of_reading_the_folder(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    documents = tmp_path / "documents"
    documents.mkdir()
    (documents / "chi-thi-07.txt").write_bytes(DIRECTIVE)  # indexed under this name
    (documents / "lu-lut.txt").write_bytes(FLOOD_DIRECTIVE.encode())  # changed since
    index = {
        hashlib.sha256(DIRECTIVE).hexdigest(): ["chi-thi-07.txt"],
        hashlib.sha256(b"the flood directive before").hexdigest(): ["lu-lut.txt"],
    }
    intake = DocumentIntake(documents, 64 * 1024, indexed_with=lambda sha: index.get(sha, []))

    def no_scan(folder: Path) -> dict[str, Path]:
        raise AssertionError("an upload must not list the documents folder")

    monkeypatch.setattr("assistant.intake.scan_documents", no_scan)
    assert intake.save("ban-sao.txt", DIRECTIVE).duplicate_of == "chi-thi-07.txt"
    saved = intake.save("lu-lut-moi.txt", b"the flood directive before")
    assert saved.duplicate_of is None  # the index's file no longer holds those bytes
    assert files_in(documents) == ["chi-thi-07.txt", "lu-lut-moi.txt", "lu-lut.txt"]


def test_new_content_under_the_same_name_replaces_the_file(intake: DocumentIntake) -> None:
    intake.save("chi-thi.txt", DIRECTIVE)
    saved = intake.save("chi-thi.txt", FLOOD_DIRECTIVE.encode())
    assert saved.replaced and saved.duplicate_of is None
    assert (intake.documents_dir / "chi-thi.txt").read_text() == FLOOD_DIRECTIVE
    assert files_in(intake.documents_dir) == ["chi-thi.txt"]  # no temp file left behind


def test_too_large_is_refused_before_reading(intake: DocumentIntake) -> None:
    with pytest.raises(DocumentTooLargeError, match="too large"):
        intake.save("big.txt", DIRECTIVE * 100)
    assert not intake.documents_dir.exists() or files_in(intake.documents_dir) == []


def _zip(names: dict[str, bytes]) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        for name, data in names.items():
            archive.writestr(name, data)
    return buffer.getvalue()


@pytest.mark.parametrize(
    ("name", "data"),
    [
        ("anh.png", b"\x89PNG\r\n\x1a\n" + b"\x00" * 64),
        ("hong.pdf", b"%PDF-1.7\n1 0 obj garbage\n%%EOF"),
        ("rong.txt", b"   \n\t  "),
        ("nen.zip", _zip({"a.txt": b"xin chao"})),
        ("cu.doc", b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 64),
        ("nhi-phan.txt", b"abc\x00\x01\x02def" * 10),
        ("latin1.txt", b"Ch\xe1 th\xed s\xf4 07 v\xe8 ph\xf2ng ch\xe1y r\xf9ng"),
    ],
)
def test_unreadable_files_never_reach_the_folder(
    intake: DocumentIntake, name: str, data: bytes
) -> None:
    with pytest.raises(UnsupportedDocumentError):
        intake.save(name, data)
    assert not intake.documents_dir.exists() or files_in(intake.documents_dir) == []


def test_delete_removes_the_file(intake: DocumentIntake) -> None:
    intake.save("chi-thi.txt", DIRECTIVE)
    intake.delete("chi-thi.txt")
    assert files_in(intake.documents_dir) == []


@pytest.mark.parametrize(
    "source", ["nope.txt", "../outside.txt", "../../etc/passwd", "/etc/passwd", ".", ".hidden"]
)
def test_delete_refuses_unknown_or_outside_names(
    intake: DocumentIntake, tmp_path: Path, source: str
) -> None:
    (tmp_path / "outside.txt").write_text("keep me")
    intake.save("chi-thi.txt", DIRECTIVE)
    with pytest.raises(UnknownDocumentError):
        intake.delete(source)
    assert (tmp_path / "outside.txt").exists()
    assert files_in(intake.documents_dir) == ["chi-thi.txt"]


def test_the_watcher_acts_once_a_change_has_settled(tmp_path: Path) -> None:
    folder = tmp_path / "documents"
    folder.mkdir()
    calls: list[float] = []
    watcher = FolderWatcher(folder, 0.05, lambda: calls.append(time.monotonic()))
    watcher.start()
    try:
        time.sleep(0.2)
        assert calls == []  # nothing changed
        (folder / ".an.txt").write_text("hidden files do not count")
        time.sleep(0.2)
        assert calls == []
        (folder / "moi.txt").write_text(FLOOD_DIRECTIVE)
        deadline = time.monotonic() + 5
        while not calls and time.monotonic() < deadline:
            time.sleep(0.02)
        time.sleep(0.3)
        assert len(calls) == 1  # once per change, not once per poll
    finally:
        watcher.stop()
