"""Officers' conversations kept in the server's database, so a reload or restart keeps them.

A conversation belongs to an owner: an opaque string the front door chooses (the chat
page uses a random id kept in the browser, joined with the key's id when reading needs a
key), so one browser never lists another's conversations. A conversation is saved whole
after each answer: what the chat showed, and each answer's record (None for a reply that
failed), which is what follow-up questions and ratings are read against.
"""

from __future__ import annotations

import json
import secrets
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from assistant.table_store import TableStore
from index.database import Connection

TITLE_CHARS = 80  # of the first question, as a new conversation's title
LISTED = 100  # conversations listed per owner, newest first

# Order of use: a counter, since two saves may fall in the same millisecond.
_NEXT = "(SELECT COALESCE(MAX(touched), 0) + 1 FROM conversations)"
_SCHEMA = """
CREATE TABLE IF NOT EXISTS conversations (
    id TEXT PRIMARY KEY,
    owner TEXT NOT NULL,
    title TEXT NOT NULL,
    messages TEXT NOT NULL,
    answers TEXT NOT NULL,
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL,
    touched INTEGER NOT NULL);
CREATE INDEX IF NOT EXISTS conversations_by_owner ON conversations (owner, touched);
"""


@dataclass(frozen=True)
class ConversationSummary:
    id: str
    title: str
    updated_at: str  # UTC, ISO 8601


@dataclass(frozen=True)
class Conversation:
    id: str
    title: str
    messages: list[dict[str, str]] = field(default_factory=list)  # {"role", "content"}
    answers: list[dict[str, Any] | None] = field(default_factory=list)

    @property
    def history(self) -> list[tuple[str, str]]:
        """(question, answer text) of each answered turn, for follow-up questions."""
        return [
            (str(a.get("question", "")), str(a.get("answer", "")))
            for a in self.answers
            if a is not None
        ]


def title_of(question: str) -> str:
    """A new conversation's title: its first question on one line, cut at a word."""
    line = " ".join(question.split())
    if len(line) <= TITLE_CHARS:
        return line or "Cuộc trò chuyện"
    cut = line[:TITLE_CHARS]
    return (cut[: cut.rfind(" ")] if " " in cut else cut) + "…"


def _now() -> str:
    return datetime.now(UTC).isoformat(timespec="milliseconds")


class ConversationStore(TableStore):
    """The conversations table; every call is scoped to an owner. Safe from any thread."""

    def __init__(self, where: Path | Connection) -> None:
        super().__init__(where, _SCHEMA)

    def save(
        self,
        owner: str,
        conversation_id: str | None,
        messages: list[dict[str, str]],
        answers: list[dict[str, Any] | None],
        title: str = "",
    ) -> str:
        """Write a conversation whole (a new one when the id is None or not the owner's);
        returns its id. The title is kept once set; `title` is used for a new one."""
        now = _now()
        data = (json.dumps(messages, ensure_ascii=False), json.dumps(answers, ensure_ascii=False))
        with self._lock:
            if conversation_id is not None:
                updated = self._db.execute(
                    "UPDATE conversations SET messages = ?, answers = ?, updated_at = ?,"
                    f" touched = {_NEXT} WHERE id = ? AND owner = ?",
                    (*data, now, conversation_id, owner),
                )
                if updated.rowcount:
                    return conversation_id
            new_id = "conv-" + secrets.token_hex(8)
            self._db.execute(
                f"INSERT INTO conversations VALUES (?, ?, ?, ?, ?, ?, ?, {_NEXT})",
                (new_id, owner, title or "Cuộc trò chuyện", *data, now, now),
            )
        return new_id

    def list(self, owner: str) -> list[ConversationSummary]:
        """The owner's conversations, most recently used first."""
        with self._lock:
            rows = self._db.execute(
                "SELECT id, title, updated_at FROM conversations WHERE owner = ?"
                " ORDER BY touched DESC LIMIT ?",
                (owner, LISTED),
            ).fetchall()
        return [ConversationSummary(*row) for row in rows]

    def get(self, owner: str, conversation_id: str) -> Conversation | None:
        with self._lock:
            row = self._db.execute(
                "SELECT id, title, messages, answers FROM conversations WHERE id = ? AND owner = ?",
                (conversation_id, owner),
            ).fetchone()
        if row is None:
            return None
        return Conversation(row[0], row[1], json.loads(row[2]), json.loads(row[3]))

    def rename(self, owner: str, conversation_id: str, title: str) -> bool:
        title = " ".join(title.split())[:TITLE_CHARS]
        if not title:
            return False
        with self._lock:
            cursor = self._db.execute(
                "UPDATE conversations SET title = ? WHERE id = ? AND owner = ?",
                (title, conversation_id, owner),
            )
        return cursor.rowcount > 0

    def delete(self, owner: str, conversation_id: str) -> bool:
        with self._lock:
            cursor = self._db.execute(
                "DELETE FROM conversations WHERE id = ? AND owner = ?", (conversation_id, owner)
            )
        return cursor.rowcount > 0
