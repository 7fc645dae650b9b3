"""Documents coming into the documents folder: uploads checked before they land, and a
watcher for files dropped in by hand.

An upload is read exactly as the indexer will read it (type from content, cleaned,
metadata read) before a byte is written, so a file that cannot be indexed never reaches
the folder. It is written under a safe name through a hidden temp file and one
`os.replace`, so neither the watcher nor a sync ever sees half a file.
"""

from __future__ import annotations

import hashlib
import logging
import os
import re
import tempfile
import threading
import unicodedata
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from pathlib import Path, PurePosixPath

from index.builder import file_sha256, scan_documents
from index.loaders import UnsupportedDocumentError
from index.safe_parse import WorkerLimits, prepare_untrusted

logger = logging.getLogger(__name__)

__all__ = [
    "DocumentIntake",
    "DocumentTooLargeError",
    "FolderWatcher",
    "IntakeError",
    "SavedDocument",
    "UnknownDocumentError",
    "UnsupportedDocumentError",
    "safe_filename",
]

# The suffixes a detected type may keep; the first is the one it gets otherwise.
TYPE_SUFFIXES = {
    "pdf": (".pdf",),
    "docx": (".docx",),
    "html": (".html", ".htm"),
    "md": (".md",),
    "txt": (".txt",),
    # Scans, read by OCR (index.scanned).
    "png": (".png",),
    "jpeg": (".jpg", ".jpeg"),
    "tiff": (".tif", ".tiff"),
}
DEFAULT_STEM = "van-ban"
_MAX_STEM_BYTES = 180  # file names are limited to 255 bytes; Vietnamese letters take 2-3
_FORBIDDEN_RE = re.compile(r'[<>:"/\\|?*]')
_EXTENSION_RE = re.compile(r"\.[A-Za-z][A-Za-z0-9]{0,5}$")
_MAX_NAME_BYTES = 1024  # a document's name, folders included; a file name is at most 255


class IntakeError(ValueError):
    """A document refused at the door; the message says why."""


class DocumentTooLargeError(IntakeError):
    """An upload over the size limit."""


class UnknownDocumentError(LookupError):
    """No document of this name in the documents folder."""

    def __init__(self, source: str) -> None:
        super().__init__(f"no document named {source!r}")
        self.source = source


@dataclass(frozen=True)
class SavedDocument:
    """What `DocumentIntake.save` did with an upload."""

    source: str  # the file name it has (or already had) in the documents folder
    sha256: str  # of the uploaded bytes
    replaced: bool  # an older version of the same name was overwritten
    duplicate_of: str | None  # the same content was already there: nothing was written


def _clean_name(filename: str) -> str:
    """The last path component, without control characters, forbidden or leading dots."""
    name = unicodedata.normalize("NFC", filename)
    name = re.split(r"[/\\]", name)[-1]
    name = "".join(ch for ch in name if not unicodedata.category(ch).startswith("C"))
    name = " ".join(_FORBIDDEN_RE.sub("_", name).split())
    return name.lstrip(". ").rstrip(". ")


def safe_filename(filename: str, file_type: str) -> str:
    """A file name that stays inside the folder and ends as its detected type does.

    "../../x.txt" -> "x.txt"; ".env" -> "env.txt"; "Báo cáo.PDF" holding text ->
    "Báo cáo.txt". Vietnamese letters are kept.
    """
    name = _clean_name(filename)
    allowed = TYPE_SUFFIXES[file_type]
    suffix = PurePosixPath(name).suffix
    stem = name[: -len(suffix)] if suffix and _EXTENSION_RE.fullmatch(suffix) else name
    if suffix.lower() not in allowed:
        suffix = allowed[0]
    stem = stem.rstrip(". ")
    while len(stem.encode("utf-8")) > _MAX_STEM_BYTES:
        stem = stem[:-1]
    return f"{stem.rstrip('. ') or DEFAULT_STEM}{suffix.lower()}"


class DocumentIntake:
    """Saves uploads into the documents folder and deletes documents from it."""

    def __init__(
        self,
        documents_dir: Path,
        max_bytes: int,
        limits: WorkerLimits | None = None,
        indexed_with: Callable[[str], Iterable[str]] = lambda sha256: (),
    ) -> None:
        """An intake writing into `documents_dir`.

        Args:
            documents_dir: the documents folder.
            max_bytes: the largest upload accepted.
            limits: on the worker process reading an upload.
            indexed_with: the indexed documents whose file has a given sha256 (the
                catalog's answer), for the duplicate check.
        """
        self.documents_dir = documents_dir
        self.max_bytes = max_bytes
        self.limits = limits or WorkerLimits()
        self.indexed_with = indexed_with
        self._lock = threading.Lock()
        # What this intake wrote, by sha256: an upload not yet indexed is still a duplicate.
        self._saved: dict[str, str] = {}

    def check_size(self, size: int) -> None:
        if size > self.max_bytes:
            limit = self.max_bytes / (1 << 20)
            raise DocumentTooLargeError(
                f"file too large: {size / (1 << 20):.1f} MB; the limit is {limit:g} MB"
            )

    def save(self, filename: str, data: bytes) -> SavedDocument:
        """Check an upload as the indexer will read it, then write it in one step.

        The file is read in a worker process with limits on time and memory
        (`index.safe_parse`), so a crafted file is refused without harming the server.

        Raises:
            DocumentTooLargeError: over the size limit.
            UnsupportedDocumentError: not a readable .txt/.md/.html/.pdf/.docx document.
        """
        self.check_size(len(data))
        cleaned = _clean_name(filename) or DEFAULT_STEM
        document = prepare_untrusted(data, cleaned, self.limits)  # raises if unreadable
        name = safe_filename(cleaned, document.file_type)
        sha256 = hashlib.sha256(data).hexdigest()
        with self._lock:
            self.documents_dir.mkdir(parents=True, exist_ok=True)
            target = self.documents_dir / name
            duplicate = self._same_content(target, len(data), sha256)
            if duplicate is not None:
                return SavedDocument(duplicate, sha256, replaced=False, duplicate_of=duplicate)
            replaced = target.exists()
            _atomic_write(target, data)
            self._saved[sha256] = name
        logger.info("saved %s (%d bytes, %s)", name, len(data), document.file_type)
        return SavedDocument(name, sha256, replaced=replaced, duplicate_of=None)

    def _same_content(self, target: Path, size: int, sha256: str) -> str | None:
        """A document already holding these bytes: the target itself first, then one the
        index holds, then one this intake saved.

        The index is asked by sha256 rather than the folder scanned and its files of the
        same size hashed (seconds at tens of thousands of documents); each candidate's
        file is checked to still hold the bytes. A file dropped into the folder by hand
        and not yet indexed is not looked at.
        """
        names = [target.name, *self.indexed_with(sha256)]
        if saved := self._saved.get(sha256):
            names.append(saved)
        for source in dict.fromkeys(names):
            path = self.documents_dir / source
            try:
                if path.stat().st_size == size and file_sha256(path) == sha256:
                    return source
            except OSError:
                continue  # not there, or deleted meanwhile
        return None

    def path_of(self, source: str) -> Path:
        """The file of a document, refusing any name that would lead outside the folder."""
        root = self.documents_dir.resolve()
        name = unicodedata.normalize("NFC", source)
        parts = PurePosixPath(name.replace("\\", "/")).parts
        if (
            not parts
            or len(name.encode("utf-8", "replace")) > _MAX_NAME_BYTES
            or any(unicodedata.category(ch) in ("Cc", "Cs") for ch in name)  # NUL, surrogates
            or any(p in ("..", "/") or p.startswith(".") for p in parts)
        ):
            raise UnknownDocumentError(source)
        try:
            path = (root / Path(*parts)).resolve()
        except (OSError, ValueError):  # a part longer than the file system allows
            raise UnknownDocumentError(source) from None
        if root not in path.parents:
            raise UnknownDocumentError(source)
        return path

    def exists(self, source: str) -> bool:
        try:
            return self.path_of(source).is_file()
        except (UnknownDocumentError, OSError):
            return False

    def delete(self, source: str) -> None:
        """Remove a document's file; the next sync removes it from the index."""
        path = self.path_of(source)
        with self._lock:
            try:
                path.unlink()
            except (FileNotFoundError, IsADirectoryError, NotADirectoryError):
                raise UnknownDocumentError(source) from None
        logger.info("deleted %s", source)


def _atomic_write(target: Path, data: bytes) -> None:
    """Write through a hidden temp file beside the target: scans skip it until renamed."""
    handle, tmp = tempfile.mkstemp(dir=target.parent, prefix=".upload-", suffix=".part")
    try:
        with os.fdopen(handle, "wb") as out:
            out.write(data)
            out.flush()
            os.fsync(out.fileno())
        os.chmod(tmp, 0o644)
        os.replace(tmp, target)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


Fingerprint = frozenset[tuple[str, int, int]]


def folder_fingerprint(folder: Path) -> Fingerprint:
    """(name, size, mtime) of every indexable file: changes when any file does."""
    try:
        files = scan_documents(folder)
    except FileNotFoundError:
        return frozenset()
    entries = set()
    for source, path in files.items():
        try:
            stat = path.stat()
        except OSError:
            continue
        entries.add((source, stat.st_size, stat.st_mtime_ns))
    return frozenset(entries)


class FolderWatcher:
    """Polls the documents folder; calls `on_change` once a change has settled.

    A change is acted on when two polls in a row agree, so a file still being copied in
    is picked up once complete rather than half-written.
    """

    def __init__(self, folder: Path, interval_s: float, on_change: Callable[[], object]) -> None:
        self.folder = folder
        self.interval_s = interval_s
        self.on_change = on_change
        self._stop = threading.Event()
        self._thread: threading.Thread | None = None

    def start(self) -> None:
        baseline = folder_fingerprint(self.folder)
        self._thread = threading.Thread(
            target=self._run, args=(baseline,), name="folder-watcher", daemon=True
        )
        self._thread.start()

    def _run(self, seen: Fingerprint) -> None:
        candidate: Fingerprint | None = None
        while not self._stop.wait(self.interval_s):
            current = folder_fingerprint(self.folder)
            if current == seen:
                candidate = None
            elif current == candidate:
                try:
                    self.on_change()
                except Exception:  # keep watching whatever one sync did
                    logger.exception("reacting to a change in %s failed", self.folder)
                seen, candidate = current, None
            else:
                candidate = current

    def stop(self) -> None:
        self._stop.set()
        if self._thread is not None:
            self._thread.join(timeout=5)
