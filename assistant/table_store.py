"""One table store a server keeps: feedback, audit, jobs, conversations.

Each store is one connection shared by the server's threads behind a lock: a SQLite file
beside the index (write-ahead logged, so readers never wait for a writer), or a
PostgreSQL database that several replicas share (`PA_DATABASE_URL`). Its schema is
created on first open.
"""

from __future__ import annotations

import threading
from pathlib import Path

from index.database import Connection, connect_sqlite


class TableStore:
    """Opens (and creates) the tables of `schema`; subclasses read and write `_db` under
    `_lock`. Given a path, a SQLite file there; given a connection, that database."""

    def __init__(self, where: Path | Connection, schema: str) -> None:
        self._lock = threading.Lock()
        self.path = None if isinstance(where, Connection) else where  # the SQLite file
        self._db = where if isinstance(where, Connection) else connect_sqlite(where)
        self._db.create(schema)

    @property
    def dialect(self) -> str:
        return self._db.dialect

    def close(self) -> None:
        with self._lock:
            self._db.close()
