"""The index state several replicas share through one PostgreSQL database.

A lone server keeps its index state in files under its data dir (`DataDir`). Replicas
each keep a data dir of their own for caches (vectors by text, derived keyword indexes),
and share everything else through the database:

  index_state         instance (names the Chroma collections and schemas), active generation
  index_generations   the generations that exist
  pa_<instance>_g0003 one schema per generation: its catalog's tables

The single writer is a session advisory lock: a replica's sync waits for another's
rebuild to finish instead of failing, and readers never take it.
"""

from __future__ import annotations

import secrets
import shutil
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import psycopg

from index.catalog import Catalog
from index.data_dir import DataDir, IndexBusyError
from index.database import Connection, connect_postgres

_SCHEMA = """
CREATE TABLE IF NOT EXISTS index_state (key TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS index_generations (name TEXT PRIMARY KEY);
"""
_SET = (
    "INSERT INTO index_state VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value"
)
LOCK_POLL_S = 0.1


class SharedDataDir(DataDir):
    """A replica's view of the shared index: local caches under `root`, the rest in the
    database at `database_url`. `writer_wait_s`: how long a write waits for another's."""

    shared = True

    def __init__(
        self,
        root: Path,
        database_url: str,
        embeddings_dir: Path | None = None,
        writer_wait_s: float = 600.0,
    ) -> None:
        self.root = root
        self.embeddings_dir = embeddings_dir or root / "embeddings"
        self.database_url = database_url
        self.writer_wait_s = writer_wait_s
        root.mkdir(parents=True, exist_ok=True)
        self._lock = threading.RLock()  # one connection, shared by the server's threads
        self._db = connect_postgres(database_url)
        self._db.create(_SCHEMA)
        self._db.execute(
            "INSERT INTO index_state VALUES ('instance', ?) ON CONFLICT DO NOTHING",
            (secrets.token_hex(4),),
        )
        self.instance = self._get("instance") or ""

    def _get(self, key: str) -> str | None:
        with self._lock:
            query = "SELECT value FROM index_state WHERE key = ?"
            row = self._db.execute(query, (key,)).fetchone()
        return str(row[0]) if row else None

    def _schema(self, generation: str) -> str:
        return f"pa_{self.instance}_{generation}"

    def generation_dir(self, generation: str) -> Path:
        """This replica's caches of a generation (named by instance: a new database starts
        its numbering again)."""
        return self.root / "generations" / f"{self.instance}-{generation}"

    def open_catalog(self, generation: str) -> Catalog:
        return Catalog(connect_postgres(self.database_url, self._schema(generation)))

    def has_catalog(self, generation: str) -> bool:
        return generation in self.generations()

    def active_generation(self) -> str | None:
        return self._get("active")

    def set_active(self, generation: str) -> None:
        """Switch every replica to another generation in one committed write."""
        with self._lock:
            self._db.execute(_SET, ("active", generation))

    def catalog_version(self, generation: str) -> int:
        """The committed version of a generation's catalog (what replicas poll)."""
        schema = self._schema(generation)
        try:
            with self._lock:
                query = f"SELECT value FROM {schema}.meta WHERE key = 'version'"
                row = self._db.execute(query).fetchone()
        except psycopg.errors.UndefinedTable:  # a schema not created yet, or just retired
            return 0
        return int(row[0]) if row else 0

    def new_generation(self) -> str:
        with self._lock, self._db.transaction():
            self._db.execute("SELECT pg_advisory_xact_lock(hashtext('pa-generations'))")
            number = max((int(g[1:]) for g in self.generations() if g[1:].isdigit()), default=0)
            generation = f"g{number + 1:04d}"
            self._db.execute("INSERT INTO index_generations VALUES (?)", (generation,))
        self.generation_dir(generation).mkdir(parents=True, exist_ok=True)
        return generation

    def generations(self) -> list[str]:
        with self._lock:
            query = "SELECT name FROM index_generations ORDER BY name"
            rows = self._db.execute(query).fetchall()
        return [str(row[0]) for row in rows]

    def remove_generation(self, generation: str) -> None:
        with self._lock, self._db.transaction():
            self._db.execute(f"DROP SCHEMA IF EXISTS {self._schema(generation)} CASCADE")
            self._db.execute("DELETE FROM index_generations WHERE name = ?", (generation,))
        shutil.rmtree(self.generation_dir(generation), ignore_errors=True)

    def prune_local(self) -> None:
        """Drop this replica's caches of generations another replica retired."""
        live = {self.generation_dir(g).name for g in self.generations()}
        for folder in (self.root / "generations").glob("*-g*"):
            if folder.is_dir() and folder.name not in live:
                shutil.rmtree(folder, ignore_errors=True)

    @contextmanager
    def writer_lock(self) -> Iterator[None]:
        """Be the one replica writing the index; waits up to `writer_wait_s` for another.

        Raises:
            IndexBusyError: another replica kept writing for longer than that.
        """
        lock = connect_postgres(self.database_url, reconnect=False)
        key = f"pa-writer-{self.instance}"
        try:
            _acquire(lock, key, self.writer_wait_s)
            try:
                yield
            finally:
                lock.execute("SELECT pg_advisory_unlock(hashtext(?))", (key,))
        finally:
            lock.close()  # a replica that dies drops its connection, and so the lock

    def close(self) -> None:
        with self._lock:
            self._db.close()


def _acquire(lock: Connection, key: str, wait_s: float) -> None:
    deadline = time.monotonic() + wait_s
    while not lock.execute("SELECT pg_try_advisory_lock(hashtext(?))", (key,)).fetchone()[0]:
        if time.monotonic() > deadline:
            raise IndexBusyError(
                f"another replica has been writing the index for over {wait_s:.0f} s; "
                "try again when its job has finished"
            )
        time.sleep(LOCK_POLL_S)
