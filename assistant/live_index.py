"""The index as a service: one data dir, one embedder, one current snapshot, one writer.

Readers call `snapshot()` and keep what they get for the whole question; writers run
`sync()`, which swaps in a new snapshot once the change is committed. Swapping is a
single reference assignment, so a question never sees half a document.
"""

from __future__ import annotations

import threading
from collections.abc import Callable, Collection
from contextlib import ExitStack
from functools import cached_property
from pathlib import Path

from assistant.settings import Settings
from index.builder import IndexBuilder, IndexConfig, SyncReport
from index.chroma_store import make_chroma_client
from index.data_dir import DataDir
from index.embedders import FingerprintedEmbeddings, make_embedder
from index.embedding_cache import CachedEmbeddings, EmbeddingCache
from index.snapshot import IndexSnapshot


class IndexService:
    def __init__(self, settings: Settings) -> None:
        self.settings = settings
        self.data = DataDir(settings.index.data_dir, settings.index.embedding_cache_dir)
        self._write_lock = threading.Lock()
        self._snapshot: IndexSnapshot | None = None
        self._snapshot_lock = threading.Lock()
        self._held = ExitStack()
        self._holds_lock = False

    @cached_property
    def embedder(self) -> FingerprintedEmbeddings:
        inner = make_embedder(self.settings.embedding)
        return CachedEmbeddings(inner, EmbeddingCache(self.data.embeddings_dir, inner.fingerprint))

    @cached_property
    def client(self) -> object:
        return make_chroma_client(self.data.root, self.settings.index.chroma_url)

    @property
    def documents_dir(self) -> Path:
        return self.settings.documents.documents_dir

    def hold_writer_lock(self) -> None:
        """Become this data dir's only writer until `close()` (what a server does)."""
        self._held.enter_context(self.data.writer_lock())
        self._holds_lock = True

    def snapshot(self) -> IndexSnapshot:
        """The current committed state, loaded on first use."""
        if self._snapshot is None:
            with self._snapshot_lock:
                if self._snapshot is None:
                    self._snapshot = IndexSnapshot.load(self.data, self.client)
        return self._snapshot

    def reload(self, _generation: str | None = None) -> None:
        """Serve the committed state: one reference swap, readers keep what they hold.

        Only a snapshot someone reads is refreshed: `policy-assistant index` never builds
        the keyword index and restorer it does not use.
        """
        if self._snapshot is not None:
            self._snapshot = IndexSnapshot.load(self.data, self.client, self._snapshot)

    def sync(
        self,
        full: bool = False,
        progress: Callable[[int, int], None] | None = None,
        documents_dir: Path | None = None,
        reindex: Collection[str] = (),
    ) -> SyncReport:
        """Index what changed in the documents folder (and `reindex`), then serve it."""
        builder = IndexBuilder(
            self.data,
            self.client,
            self.embedder,
            IndexConfig(
                chunk_chars=self.settings.index.chunk_chars,
                context_prefix=self.settings.index.context_prefix,
                batch_size=self.settings.embedding.embed_batch_size,
            ),
        )
        with self._write_lock, ExitStack() as stack:
            if not self._holds_lock:
                stack.enter_context(self.data.writer_lock())
            return builder.sync(
                documents_dir or self.documents_dir,
                full=full,
                progress=progress,
                on_ready=self.reload,
                reindex=reindex,
            )

    def close(self) -> None:
        self._held.close()
        self._holds_lock = False
