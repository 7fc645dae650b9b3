"""One SQLite file a server keeps beside its index (feedback, audit, jobs, conversations).

Each store is one connection shared by the server's threads behind a lock, in autocommit
with write-ahead logging so that readers never wait for a writer; its schema is created on
first open.
"""

from __future__ import annotations

import sqlite3
import threading
from pathlib import Path


class SqliteStore:
    """Opens (and creates) the file with `schema`; subclasses read and write `_db` under
    `_lock`."""

    def __init__(self, path: Path, schema: str) -> None:
        path.parent.mkdir(parents=True, exist_ok=True)
        self.path = path
        self._lock = threading.Lock()
        self._db = sqlite3.connect(path, check_same_thread=False, isolation_level=None)
        self._db.execute("PRAGMA journal_mode=WAL")
        self._db.executescript(schema)

    def close(self) -> None:
        with self._lock:
            self._db.close()
