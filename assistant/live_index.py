"""The index as a service: one data dir, one embedder, one current snapshot, one writer.

Readers call `snapshot()` and keep what they get for the whole question; writers run
`sync()`, which swaps in a new snapshot once the change is committed. Swapping is a
single reference assignment, so a question never sees half a document.

Replicas sharing a database (`PA_DATABASE_URL`) also follow each other: `follow()` checks
the active generation and its catalog version every `follow_interval_s` and swaps in the
new state when another replica committed one.
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable, Collection
from contextlib import ExitStack
from functools import cached_property
from pathlib import Path

from assistant.settings import Settings
from index.builder import IndexBuilder, IndexConfig, SyncReport
from index.chroma_server import ChromaServer
from index.chroma_store import make_chroma_client
from index.data_dir import DataDir
from index.embedders import FingerprintedEmbeddings, make_embedder
from index.embedding_cache import CachedEmbeddings, EmbeddingCache
from index.snapshot import IndexSnapshot

logger = logging.getLogger(__name__)

WARM_UP_QUERY = "Chỉ thị về công an xã"


def open_data_dir(settings: Settings) -> DataDir:
    """The files under the data dir, or with a database URL the state replicas share."""
    index = settings.index
    if not index.database_url:
        return DataDir(index.data_dir, index.embedding_cache_dir)
    if not index.chroma_url:
        raise ValueError(
            "PA_DATABASE_URL needs PA_CHROMA_URL: replicas must share one Chroma server"
        )
    from index.shared_data_dir import SharedDataDir

    return SharedDataDir(
        index.data_dir, index.database_url, index.embedding_cache_dir, index.writer_wait_s
    )


class IndexService:
    """The index one process serves.

    `chroma_server`: other processes read this data dir's vectors too (ask workers), so
    unless PA_CHROMA_URL names a server, one is started on the data dir's Chroma folder
    and stopped by `close()` (see `index.chroma_server`).
    """

    def __init__(self, settings: Settings, chroma_server: bool = False) -> None:
        self.settings = settings
        self.chroma_url = settings.index.chroma_url
        self.data = open_data_dir(settings)
        # The folder embedded Chroma would use (`make_chroma_client`), served instead.
        self._chroma_server = (
            ChromaServer(self.data.root / "chroma")
            if chroma_server and not self.chroma_url
            else None
        )
        self._write_lock = threading.Lock()
        self._snapshot: IndexSnapshot | None = None
        self._snapshot_lock = threading.Lock()
        self._reload_lock = threading.Lock()  # one reload at a time: sync's or follow's
        self._stop_following = threading.Event()
        self._follower: threading.Thread | None = None
        self._held = ExitStack()
        self._holds_lock = False

    @cached_property
    def embedder(self) -> FingerprintedEmbeddings:
        inner = make_embedder(self.settings.embedding)
        return CachedEmbeddings(inner, EmbeddingCache(self.data.embeddings_dir, inner.fingerprint))

    def warm_up(self) -> None:
        """Load the embedding model now, so the first question does not pay for it."""
        self.embedder.embed_query(WARM_UP_QUERY)

    @cached_property
    def client(self) -> object:
        if self._chroma_server is not None:
            self.chroma_url = self._chroma_server.start()
        return make_chroma_client(self.data.root, self.chroma_url)

    @property
    def documents_dir(self) -> Path:
        return self.settings.documents.documents_dir

    def hold_writer_lock(self) -> None:
        """Become this data dir's only writer until `close()` (what a lone server does);
        replicas sharing a database take the shared lock for each write instead."""
        if self.data.shared:
            return
        self._held.enter_context(self.data.writer_lock())
        self._holds_lock = True

    def snapshot(self) -> IndexSnapshot:
        """The current committed state, loaded on first use."""
        if self._snapshot is None:
            with self._snapshot_lock:
                if self._snapshot is None:
                    self._snapshot = IndexSnapshot.load(self.data, self.client)
        return self._snapshot

    def documents_with(self, sha256: str) -> list[str]:
        """The indexed documents whose file holds these bytes, asked of the catalog."""
        generation = self.data.active_generation()
        if generation is None or not self.data.has_catalog(generation):
            return []
        catalog = self.data.open_catalog(generation)
        try:
            return catalog.sources_with(sha256)
        finally:
            catalog.close()

    def reload(self, _generation: str | None = None) -> None:
        """Serve the committed state: one reference swap, readers keep what they hold.

        Only a snapshot someone reads is refreshed: `policy-assistant index` never builds
        the keyword index and restorer it does not use.
        """
        with self._reload_lock:
            if self._snapshot is not None:
                self._snapshot = IndexSnapshot.load(self.data, self.client, self._snapshot)

    def catch_up(self) -> bool:
        """Serve the committed state if it moved past the snapshot's; whether it did."""
        current = self._snapshot
        if current is None:
            return False
        generation = self.data.active_generation()
        if generation is None:
            return False
        version = self.data.catalog_version(generation)
        if (generation, version) == (current.generation, current.version):
            return False
        self.reload()
        if generation != current.generation:
            self.data.prune_local()  # another replica rebuilt and retired the older ones
        return True

    def follow(self) -> None:
        """Catch up with the other replicas' writes every `follow_interval_s`, in a thread."""
        if self._follower is not None:
            return
        self._follower = threading.Thread(target=self._follow, name="follow", daemon=True)
        self._follower.start()

    def _follow(self) -> None:
        interval = self.settings.index.follow_interval_s
        while not self._stop_following.wait(interval):
            try:
                self.catch_up()
            except Exception:  # the database may be restarting: try again next time
                logger.exception("could not follow the shared index")

    def sync(
        self,
        full: bool = False,
        progress: Callable[[int, int], None] | None = None,
        documents_dir: Path | None = None,
        reindex: Collection[str] = (),
        only: Collection[str] | None = None,
    ) -> SyncReport:
        """Index what changed in the documents folder (and `reindex`), then serve it;
        given `only`, look at those files alone (see `IndexBuilder.sync`)."""
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
            report = builder.sync(
                documents_dir or self.documents_dir,
                full=full,
                progress=progress,
                on_ready=self.reload,
                reindex=reindex,
                only=only,
            )
        if self.data.shared:
            # Another replica may have committed what this sync found already done.
            self.catch_up()
        return report

    def close(self) -> None:
        self._stop_following.set()
        if self._follower is not None:
            self._follower.join(timeout=5)
        self._held.close()
        self._holds_lock = False
        self.data.close()
        if self._chroma_server is not None:
            self._chroma_server.stop()
