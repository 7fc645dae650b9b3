"""Layout of the runtime data directory, index generations, and the single-writer lock.

data/
  instance            random id naming this deployment's Chroma collections
  active.json         {"generation": "g0003"}: replaced atomically to switch indexes
  lock                held (flock) by the one process allowed to write the index
  embeddings/         vector cache per embedder fingerprint
  chroma/             embedded Chroma (unless PA_CHROMA_URL points at a server)
  generations/g0003/  catalog.sqlite and derived caches of one index generation

Generations take turns in two Chroma collections per embedder ("slots", named in each
catalog's meta): Chroma 1.5.9 keeps a deleted collection's index in memory and its files
open until the process ends, so a collection per generation cost ~3 MB each rebuild.
"""

from __future__ import annotations

import fcntl
import hashlib
import json
import os
import secrets
import shutil
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from index.catalog import Catalog


class IndexBusyError(RuntimeError):
    """Another process is writing this index."""


class DataDir:
    """A lone server's index state, all in files (see above). `SharedDataDir` keeps it in
    a database several replicas share."""

    shared = False

    def __init__(self, root: Path, embeddings_dir: Path | None = None) -> None:
        self.root = root
        self.embeddings_dir = embeddings_dir or root / "embeddings"
        root.mkdir(parents=True, exist_ok=True)
        instance_file = root / "instance"
        if not instance_file.exists():
            _atomic_write(instance_file, secrets.token_hex(4))
        self.instance = instance_file.read_text().strip()

    def generation_dir(self, generation: str) -> Path:
        return self.root / "generations" / generation

    def catalog_path(self, generation: str) -> Path:
        return self.generation_dir(generation) / "catalog.sqlite"

    def open_catalog(self, generation: str) -> Catalog:
        return Catalog(self.catalog_path(generation))

    def has_catalog(self, generation: str) -> bool:
        return self.catalog_path(generation).exists()

    def catalog_version(self, generation: str) -> int:
        """The committed version of a generation's catalog."""
        if not self.has_catalog(generation):
            return 0
        catalog = self.open_catalog(generation)
        try:
            return catalog.version
        finally:
            catalog.close()

    def prune_local(self) -> None:
        """Nothing to do: the writer retires a lone server's generations itself."""

    def close(self) -> None:
        """Nothing to release: files are opened per use."""

    def collection_name(self, generation: str) -> str:
        """The collection of a generation built before slots (its catalog names none)."""
        return f"pa-{self.instance}-{generation}"

    def slot_names(self, embedder_fingerprint: str) -> tuple[str, str]:
        """The two collections generations of one embedder take turns in (vectors of two
        embedders never share one: their dimensions may differ)."""
        model = hashlib.sha256(embedder_fingerprint.encode()).hexdigest()[:8]
        return f"pa-{self.instance}-{model}-a", f"pa-{self.instance}-{model}-b"

    def collection_of(self, generation: str, catalog: Catalog | None = None) -> str:
        """The Chroma collection holding a generation's vectors (given its open catalog,
        read from it)."""
        if catalog is None:
            if not self.has_catalog(generation):
                return self.collection_name(generation)
            catalog = self.open_catalog(generation)
            try:
                return self.collection_of(generation, catalog)
            finally:
                catalog.close()
        return catalog.get_meta("collection") or self.collection_name(generation)

    def active_generation(self) -> str | None:
        try:
            return str(json.loads((self.root / "active.json").read_text())["generation"])
        except (FileNotFoundError, KeyError, ValueError):
            return None

    def set_active(self, generation: str) -> None:
        """Switch readers to another generation in one atomic rename."""
        _atomic_write(self.root / "active.json", json.dumps({"generation": generation}))

    def new_generation(self) -> str:
        existing = [p.name for p in (self.root / "generations").glob("g*") if p.is_dir()]
        number = max((int(name[1:]) for name in existing if name[1:].isdigit()), default=0) + 1
        generation = f"g{number:04d}"
        self.generation_dir(generation).mkdir(parents=True)
        return generation

    def generations(self) -> list[str]:
        return sorted(p.name for p in (self.root / "generations").glob("g*") if p.is_dir())

    def remove_generation(self, generation: str) -> None:
        shutil.rmtree(self.generation_dir(generation), ignore_errors=True)

    @contextmanager
    def writer_lock(self) -> Iterator[None]:
        """Hold the index's single-writer lock, or fail at once if someone else does."""
        path = self.root / "lock"
        with open(path, "a+") as handle:
            try:
                fcntl.flock(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
            except BlockingIOError:
                handle.seek(0)
                holder = handle.read().strip() or "another process"
                raise IndexBusyError(
                    f"the index in {self.root} is being written by {holder}; "
                    "wait for it to finish, or use the running server's API"
                ) from None
            handle.seek(0)
            handle.truncate()
            handle.write(f"pid {os.getpid()}")
            handle.flush()
            try:
                yield
            finally:
                handle.seek(0)
                handle.truncate()
                fcntl.flock(handle, fcntl.LOCK_UN)


def _atomic_write(path: Path, content: str) -> None:
    tmp = path.with_suffix(path.suffix + ".tmp")
    with open(tmp, "w") as handle:
        handle.write(content)
        handle.flush()
        os.fsync(handle.fileno())
    os.replace(tmp, path)
