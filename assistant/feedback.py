"""Officers' thumbs up/down on answers, kept in the server's database for later review."""

from __future__ import annotations

import json
from datetime import UTC, datetime
from pathlib import Path
from typing import Any, Literal

from assistant.table_store import TableStore
from index.database import Connection

Rating = Literal["up", "down"]
RATINGS = ("up", "down")

_SCHEMA = """
CREATE TABLE IF NOT EXISTS feedback (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    rating TEXT NOT NULL CHECK (rating IN ('up', 'down')),
    question TEXT NOT NULL,
    answer TEXT NOT NULL,
    citations TEXT NOT NULL,
    refused INTEGER NOT NULL,
    backend TEXT NOT NULL,
    comment TEXT NOT NULL,
    created_at TEXT NOT NULL);
"""


class FeedbackStore(TableStore):
    """Ratings of answers: the question, the answer text and its citations as JSON."""

    def __init__(self, where: Path | Connection) -> None:
        super().__init__(where, _SCHEMA)

    def add(self, rating: Rating, question: str, answer: dict[str, Any], comment: str = "") -> int:
        """Store one rating of an answer (`Answer.model_dump()`); returns its id."""
        if rating not in RATINGS:
            raise ValueError(f"rating must be one of {RATINGS}, not {rating!r}")
        row = (
            rating,
            question,
            str(answer.get("answer", "")),
            json.dumps(answer.get("citations") or [], ensure_ascii=False),
            int(bool(answer.get("refused", False))),
            str(answer.get("backend", "")),
            comment,
            datetime.now(UTC).isoformat(timespec="seconds"),
        )
        with self._lock:
            created = self._db.execute(
                "INSERT INTO feedback (rating, question, answer, citations, refused, backend,"
                " comment, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?) RETURNING id",
                row,
            ).fetchone()
        return int(created[0])

    def set_rating(self, feedback_id: int, rating: Rating) -> None:
        """Change a stored rating (the officer clicked the other thumb)."""
        if rating not in RATINGS:
            raise ValueError(f"rating must be one of {RATINGS}, not {rating!r}")
        with self._lock:
            self._db.execute("UPDATE feedback SET rating = ? WHERE id = ?", (rating, feedback_id))

    def set_comment(self, feedback_id: int, comment: str) -> None:
        """Add (or replace) the comment of a rating stored when it was clicked."""
        with self._lock:
            self._db.execute("UPDATE feedback SET comment = ? WHERE id = ?", (comment, feedback_id))

    def remove(self, feedback_id: int) -> None:
        """Forget a rating the officer took back."""
        with self._lock:
            self._db.execute("DELETE FROM feedback WHERE id = ?", (feedback_id,))

    def export(self) -> list[dict[str, Any]]:
        """Every rating, oldest first, citations parsed back into lists."""
        with self._lock:
            cursor = self._db.execute("SELECT * FROM feedback ORDER BY id")
            names = [column[0] for column in cursor.description]
            rows = cursor.fetchall()
        items = []
        for row in rows:
            item = dict(zip(names, row, strict=True))
            item["citations"] = json.loads(item["citations"])
            item["refused"] = bool(item["refused"])
            items.append(item)
        return items
