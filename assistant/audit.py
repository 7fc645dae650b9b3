"""Who changed what the assistant answers from, and when: an append-only log.

Every write is a row: uploads (refused ones too, with the reason), replacements,
deletions, syncs, rebuilds and feedback, with the time, who did it and the file's name and
sha256. Who is a key id, the first 12 hex digits of the key's sha256 (`key:3f9a...`),
never the key: enough to tell keys apart and to find the holder, useless to an attacker
who reads the log. Without keys the actor is `anonymous`; the chat page records `page`.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

from assistant.table_store import TableStore
from index.database import Connection

__all__ = ["ACTIONS", "ANONYMOUS", "AuditEntry", "AuditLog", "key_id"]

ANONYMOUS = "anonymous"
ACTIONS = ("upload", "upload-refused", "delete", "reindex", "sync", "rebuild", "feedback")

_SCHEMA = """
CREATE TABLE IF NOT EXISTS audit (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    at TEXT NOT NULL,
    action TEXT NOT NULL,
    actor TEXT NOT NULL,
    source TEXT NOT NULL,
    sha256 TEXT NOT NULL,
    detail TEXT NOT NULL);
CREATE INDEX IF NOT EXISTS audit_source ON audit (source);
"""


def key_id(key: str | None) -> str:
    """`key:` and 12 hex digits of the key's sha256; `anonymous` without a key."""
    if not key:
        return ANONYMOUS
    return "key:" + hashlib.sha256(key.encode("utf-8")).hexdigest()[:12]


@dataclass(frozen=True)
class AuditEntry:
    """One recorded write."""

    id: int
    at: str  # UTC, ISO 8601, milliseconds
    action: str  # one of ACTIONS
    actor: str  # a key id, `anonymous` or `page`
    source: str  # the document's file name ("" for syncs and rebuilds)
    sha256: str  # of the uploaded or deleted file's bytes ("" when none)
    detail: str  # what else there is to say: "replaced", a refusal's reason, a job id


class AuditLog(TableStore):
    """The log (SQLite beside the index, or the replicas' PostgreSQL); safe from any thread."""

    def __init__(self, where: Path | Connection) -> None:
        super().__init__(where, _SCHEMA)

    def record(
        self, action: str, actor: str, source: str = "", sha256: str = "", detail: str = ""
    ) -> int:
        """Append one write; returns its id."""
        if action not in ACTIONS:
            raise ValueError(f"unknown audit action {action!r}; expected one of {ACTIONS}")
        at = datetime.now(UTC).isoformat(timespec="milliseconds")
        with self._lock:
            created = self._db.execute(
                "INSERT INTO audit (at, action, actor, source, sha256, detail)"
                " VALUES (?, ?, ?, ?, ?, ?) RETURNING id",
                (at, action, actor, source, sha256, detail[:500]),
            ).fetchone()
        return int(created[0])

    def entries(self, limit: int = 100, source: str | None = None) -> list[AuditEntry]:
        """The latest writes, newest first; only those of one document with `source`."""
        query = "SELECT id, at, action, actor, source, sha256, detail FROM audit"
        args: tuple[object, ...] = ()
        if source is not None:
            query, args = query + " WHERE source = ?", (source,)
        with self._lock:
            rows = self._db.execute(query + " ORDER BY id DESC LIMIT ?", (*args, limit)).fetchall()
        return [AuditEntry(*row) for row in rows]

    def added_at(self, source: str) -> str | None:
        """When the current version of a document was uploaded, if it was."""
        with self._lock:
            row = self._db.execute(
                "SELECT at FROM audit WHERE source = ? AND action = 'upload'"
                " ORDER BY id DESC LIMIT 1",
                (source,),
            ).fetchone()
        return str(row[0]) if row else None
