"""`policy-assistant backup FILE` and `restore FILE`: everything needed to start again.

A backup is one `.tar.gz`:

    manifest.json            format, time, each document's name, size and sha256
    documents/...            the source documents, as they are in the documents folder
    data/feedback.sqlite     officers' ratings
    data/audit.sqlite        who changed what (see `assistant.audit`)
    data/conversations.sqlite, data/jobs.sqlite, data/page_secret
                             kept conversations, index jobs, and the secret the chat page's
                             browser ids are sealed with (without it no browser finds its
                             conversations again)
    data/embeddings/*.sqlite passage vectors by text hash, so nothing is embedded again

The SQLite files are copied with SQLite's online backup, so a running server may keep
writing while the backup is taken. The catalog and the Chroma collections are not copied:
they are derived, and `restore` rebuilds them from the documents and the cached vectors
(no embedding), which also leaves the restored index consistent whatever state the
original was in. Restoring goes only into an empty documents folder and a data folder
with no index, and reads only plain files under the three known prefixes of the archive.
"""

from __future__ import annotations

import hashlib
import io
import json
import sqlite3
import tarfile
import tempfile
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path, PurePosixPath

from assistant.settings import Settings
from index.builder import scan_documents
from index.data_dir import DataDir

__all__ = ["BackupError", "BackupSummary", "backup", "restore"]

FORMAT = 1
DATABASES = ("feedback.sqlite", "audit.sqlite", "conversations.sqlite", "jobs.sqlite")
PLAIN_FILES = ("page_secret",)  # small files of the data folder, copied as they are
MANIFEST = "manifest.json"
_MAX_MEMBER_BYTES = 4 << 30  # a member larger than this is not one of ours


class BackupError(RuntimeError):
    """A backup that cannot be taken or restored; the message says why."""


@dataclass(frozen=True)
class BackupSummary:
    """What a backup holds, or what a restore put back."""

    path: Path
    documents: int
    databases: list[str]
    vector_caches: int


def _sha256(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def _sqlite_copy(source: Path) -> bytes:
    """A consistent copy of a live SQLite database (WAL included), as bytes."""
    with tempfile.TemporaryDirectory() as tmp:
        copy = Path(tmp) / "copy.sqlite"
        src = sqlite3.connect(f"file:{source}?mode=ro", uri=True)
        dst = sqlite3.connect(copy)
        try:
            src.backup(dst)
        finally:
            dst.close()
            src.close()
        return copy.read_bytes()


def _add(archive: tarfile.TarFile, name: str, data: bytes) -> None:
    info = tarfile.TarInfo(name)
    info.size, info.mtime, info.mode = len(data), int(datetime.now(UTC).timestamp()), 0o644
    archive.addfile(info, io.BytesIO(data))


def backup(settings: Settings, target: Path) -> BackupSummary:
    """Write the documents, feedback, audit log and vector caches to `target` (.tar.gz)."""
    _check_files(settings)
    data = DataDir(settings.index.data_dir, settings.index.embedding_cache_dir)
    documents = scan_documents(settings.documents.documents_dir)
    databases = [name for name in DATABASES if (data.root / name).is_file()]
    caches = sorted(data.embeddings_dir.glob("*.sqlite")) if data.embeddings_dir.is_dir() else []
    manifest: dict[str, object] = {"format": FORMAT,
                                   "created_at": datetime.now(UTC).isoformat(timespec="seconds"),
                                   "documents": [], "databases": databases}  # fmt: skip
    listed: list[dict[str, object]] = []
    partial = target.with_name(f".{target.name}.part")
    with tarfile.open(partial, "w:gz") as archive:
        for source, path in documents.items():
            content = path.read_bytes()
            _add(archive, f"documents/{source}", content)
            listed.append({"name": source, "size": len(content), "sha256": _sha256(content)})
        for name in databases:
            _add(archive, f"data/{name}", _sqlite_copy(data.root / name))
        for name in PLAIN_FILES:
            if (data.root / name).is_file():
                _add(archive, f"data/{name}", (data.root / name).read_bytes())
        for cache in caches:
            _add(archive, f"data/embeddings/{cache.name}", _sqlite_copy(cache))
        manifest["documents"] = listed
        _add(archive, MANIFEST, json.dumps(manifest, ensure_ascii=False, indent=1).encode())
    partial.replace(target)
    return BackupSummary(target, len(listed), databases, len(caches))


def _safe_name(name: str) -> PurePosixPath:
    path = PurePosixPath(name)
    top = path.parts[0] if path.parts else ""
    if (
        path.is_absolute()
        or ".." in path.parts
        or top not in ("documents", "data", "manifest.json")
    ):
        raise BackupError(f"not a policy-assistant backup: unexpected member {name!r}")
    if top == "data" and not (
        (len(path.parts) == 2 and path.name in (*DATABASES, *PLAIN_FILES))
        or (path.parts[1:2] == ("embeddings",) and len(path.parts) == 3)
    ):
        raise BackupError(f"not a policy-assistant backup: unexpected member {name!r}")
    return path


def _read_members(source: Path) -> dict[PurePosixPath, bytes]:
    members: dict[PurePosixPath, bytes] = {}
    try:
        with tarfile.open(source, "r:gz") as archive:
            for member in archive:
                if member.isdir():
                    continue
                path = _safe_name(member.name)
                if not member.isfile() or member.size > _MAX_MEMBER_BYTES:
                    raise BackupError(f"not a policy-assistant backup: {member.name!r} is no file")
                handle = archive.extractfile(member)
                members[path] = handle.read() if handle else b""
    except (tarfile.TarError, OSError, EOFError) as error:
        raise BackupError(f"cannot read the backup {source}: {error}") from error
    return members


def _check_files(settings: Settings) -> None:
    if settings.index.database_url:
        raise BackupError(
            "with PA_DATABASE_URL the catalog, jobs, conversations, feedback and audit are in "
            "PostgreSQL: back it up with pg_dump and the documents folder with the files"
        )


def _check_empty(settings: Settings) -> None:
    documents_dir = settings.documents.documents_dir
    if documents_dir.exists() and any(documents_dir.iterdir()):
        raise BackupError(f"restore into an empty documents folder: {documents_dir} is not")
    data = DataDir(settings.index.data_dir, settings.index.embedding_cache_dir)
    if data.active_generation() is not None or any((data.root / n).exists() for n in DATABASES):
        raise BackupError(f"restore into an empty data folder: {data.root} holds an index")


def restore(settings: Settings, source: Path) -> BackupSummary:
    """Put a backup's files back; the caller then indexes the documents (from the cache).

    Raises:
        BackupError: not one of our backups, a document that does not match its hash, or
            a documents/data folder that is not empty.
    """
    _check_files(settings)
    members = _read_members(source)
    manifest_bytes = members.pop(PurePosixPath(MANIFEST), None)
    if manifest_bytes is None:
        raise BackupError("not a policy-assistant backup: no manifest.json")
    manifest = json.loads(manifest_bytes)
    if manifest.get("format") != FORMAT:
        raise BackupError(f"unknown backup format {manifest.get('format')!r}")
    for entry in manifest["documents"]:
        content = members.get(PurePosixPath("documents", entry["name"]))
        if content is None or _sha256(content) != entry["sha256"]:
            raise BackupError(f"the backup's copy of {entry['name']} is missing or damaged")
    _check_empty(settings)
    data = DataDir(settings.index.data_dir, settings.index.embedding_cache_dir)
    targets = {"documents": settings.documents.documents_dir, "data": data.root}
    for path, content in members.items():
        relative = PurePosixPath(*path.parts[1:])
        if path.parts[:2] == ("data", "embeddings"):
            target = data.embeddings_dir / path.name
        else:
            target = targets[path.parts[0]] / relative
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_bytes(content)
        if path.name in PLAIN_FILES:
            target.chmod(0o600)
    caches = sum(1 for path in members if path.parts[:2] == ("data", "embeddings"))
    databases = [path.name for path in members
                 if path.parent == PurePosixPath("data") and path.name in DATABASES]  # fmt: skip
    return BackupSummary(source, len(manifest["documents"]), sorted(databases), caches)
