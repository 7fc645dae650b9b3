"""The services one server shares between its front doors (HTTP API and chat page).

`build_services` only wires objects together: no index is loaded, no model run. `start`
does the heavy part once the server is starting: it becomes the index's single writer,
then loads the index and catches up with the documents folder as a background job, so
the process answers health checks at once and `ready` says when questions can be served.
"""

from __future__ import annotations

import dataclasses
import hashlib
import logging
import socket
import threading
from collections.abc import Callable
from dataclasses import dataclass, field
from functools import partial
from pathlib import Path
from typing import Any

from assistant.ask_workers import AskWorkers, PooledAssistant, ask_worker_count
from assistant.audit import AuditLog
from assistant.conversation_store import ConversationStore
from assistant.feedback import FeedbackStore
from assistant.intake import (
    DocumentIntake,
    FolderWatcher,
    IntakeError,
    SavedDocument,
    UnknownDocumentError,
)
from assistant.job_store import JobStore
from assistant.jobs import Job, JobRunner, Progress
from assistant.live_index import IndexService
from assistant.pipeline import Assistant, build_assistant
from assistant.settings import Settings
from index.builder import SyncReport
from index.catalog import DocumentRecord
from index.database import Connection, connect_postgres
from index.loaders import UnsupportedDocumentError

logger = logging.getLogger(__name__)


class IndexJobError(RuntimeError):
    """An index job finished without the change it was asked for."""


def report_dict(report: SyncReport) -> dict[str, Any]:
    """A sync report as a job result, with a one-line summary as `message`."""
    data = dataclasses.asdict(report)
    data["seconds"] = round(report.seconds, 2)
    data["message"] = (
        f"{len(report.added)} added, {len(report.updated)} updated, "
        f"{len(report.removed)} removed, {report.unchanged} unchanged, "
        f"{len(report.failed)} failed{' (rebuilt)' if report.rebuilt else ''}"
    )
    return data


@dataclass
class Services:
    settings: Settings
    index: IndexService
    assistant: Assistant
    jobs: JobRunner
    intake: DocumentIntake
    feedback: FeedbackStore
    audit: AuditLog
    conversations: ConversationStore
    ask_workers: AskWorkers | None = None
    startup_job: Job | None = None
    watcher: FolderWatcher | None = None
    _ready: threading.Event = field(default_factory=threading.Event)

    # --- life cycle ------------------------------------------------------------------------
    def start(self, watch: bool | None = None, catch_up: bool = True) -> Job:
        """Hold the index writer lock, then load and catch up the index in the background.

        With `catch_up=False` the index is served as it is and the lock is only taken by
        writes (for serving an index another process maintains, or benchmarking one).

        Raises:
            IndexBusyError: another process is writing this data dir.
        """
        if catch_up:
            self.index.hold_writer_lock()
        if self.index.data.shared:
            self.index.follow()
        self.startup_job = self.jobs.submit("sync", partial(self._start_index, catch_up=catch_up))
        if watch is None:
            watch = self.settings.documents.watch
        if watch:
            self.watcher = FolderWatcher(
                self.intake.documents_dir,
                self.settings.documents.watch_interval_s,
                partial(self.sync, actor="watcher"),
            )
            self.watcher.start()
        return self.startup_job

    def _start_index(self, progress: Progress, catch_up: bool = True) -> dict[str, Any]:
        snapshot = self.index.snapshot()  # the index as last committed, if there is one
        self.index.warm_up()
        if self.ask_workers is not None:
            self.ask_workers.start()  # they follow what the catch-up below commits
        if snapshot.documents or not catch_up:
            self._ready.set()  # serve what is there while catching up
        if not catch_up:
            return {"message": f"serving {len(snapshot.documents)} documents as indexed"}
        try:
            return report_dict(self.index.sync(progress=progress))
        finally:
            self._ready.set()

    @property
    def ready(self) -> bool:
        """Whether the index is loaded and questions are answered from it."""
        return self._ready.is_set()

    def wait_ready(self, timeout: float) -> bool:
        return self._ready.wait(timeout)

    def close(self) -> None:
        """Stop watching, let a running index job finish, release the writer lock."""
        if self.watcher is not None:
            self.watcher.stop()
        if self.ask_workers is not None:
            self.ask_workers.close()
        if self.jobs.close():
            self.index.close()
        else:
            # Keep the writer lock until the process exits, so no other writer can start
            # beside the job; an index write cut short is finished by the next start.
            logger.warning("an index job is still running; it stops with the process")
        self.feedback.close()
        self.audit.close()
        self.conversations.close()

    # --- reads -----------------------------------------------------------------------------
    def documents(self) -> list[DocumentRecord]:
        """The documents of the current index snapshot, by file name."""
        return sorted(self.index.snapshot().documents.values(), key=lambda d: d.source)

    def document(self, source: str) -> DocumentRecord | None:
        return self.index.snapshot().documents.get(source)

    def status(self) -> dict[str, Any]:
        """Readiness and what is loaded; never waits for the index to load."""
        startup = self.jobs.get(self.startup_job.id) if self.startup_job else None
        ready = self.ready
        snapshot = self.index.snapshot() if ready else None
        return {
            "ready": ready,
            "documents": len(snapshot.documents) if snapshot else 0,
            "chunks": len(snapshot) if snapshot else 0,
            "index_version": snapshot.version if snapshot else 0,
            "generation": (snapshot.generation or None) if snapshot else None,
            "startup_job": startup.to_dict() if startup else None,
            "ask_workers": self.ask_workers.pids() if self.ask_workers is not None else [],
        }

    # --- writes: each returns the job doing it ---------------------------------------------
    def upload(self, filename: str, data: bytes, actor: str = "page") -> Job:
        """Save an upload (checked first) and index it; a duplicate needs no job.

        `actor` (a key id, see `assistant.audit`) is recorded with the upload, refused or not.
        """
        try:
            saved = self.intake.save(filename, data)
        except (IntakeError, UnsupportedDocumentError) as error:
            digest = hashlib.sha256(data).hexdigest()
            self.audit.record("upload-refused", actor, filename[:255], digest, str(error))
            raise
        info = _saved_dict(saved)
        if saved.duplicate_of is not None and self._indexed(saved.duplicate_of, saved.sha256):
            message = f"already indexed as {saved.duplicate_of}: nothing to do"
            job = self.jobs.finished("upload", {**info, "message": message}, message)
        else:
            job = self.jobs.submit("upload", self._index_saved(info))
        how = "duplicate" if saved.duplicate_of else "replaced" if saved.replaced else "new"
        self.audit.record("upload", actor, saved.source, saved.sha256, f"{how}; {job.id}")
        return job

    def delete_document(self, source: str, actor: str = "page") -> Job:
        """Remove a document's file and then its chunks from the index.

        Raises:
            UnknownDocumentError: neither in the folder nor in the index.
        """
        record = self.document(source)
        if self.intake.exists(source):
            self.intake.delete(source)
        elif record is None:
            raise UnknownDocumentError(source)

        def work(progress: Progress) -> dict[str, Any]:
            report = self.index.sync(progress=progress, only=[source])
            if self.document(source) is not None and not self.intake.exists(source):
                raise IndexJobError(f"{source} is still in the index after the sync")
            return {**report_dict(report), "source": source, "message": f"{source} removed"}

        job = self.jobs.submit("delete", work)
        digest = record.sha256 if record is not None else ""
        self.audit.record("delete", actor, source, digest, job.id)
        return job

    def reindex_document(self, source: str, actor: str = "page") -> Job:
        """Read, chunk and index one document again (unchanged vectors come from the cache).

        Raises:
            UnknownDocumentError: not in the index.
        """
        record = self.document(source)
        if record is None:
            raise UnknownDocumentError(source)

        def work(progress: Progress) -> dict[str, Any]:
            report = self.index.sync(progress=progress, reindex=[source], only=[source])
            if source in report.failed:
                raise IndexJobError(f"{source} could not be indexed: {report.failed[source]}")
            again = self.document(source)
            chunks = again.chunk_count if again is not None else 0
            return {**report_dict(report), "source": source, "chunk_count": chunks,
                    "message": f"{source} re-indexed: {chunks} chunks"}  # fmt: skip

        job = self.jobs.submit("reindex", work)
        self.audit.record("reindex", actor, source, record.sha256, job.id)
        return job

    def rebuild(self, actor: str = "page") -> Job:
        """Rebuild the whole index aside and switch to it when complete."""
        job = self.jobs.submit("rebuild", lambda progress: report_dict(
            self.index.sync(full=True, progress=progress)))  # fmt: skip
        self.audit.record("rebuild", actor, detail=job.id)
        return job

    def sync(self, actor: str = "page") -> Job:
        """Catch the index up with the documents folder (joins a sync already queued)."""
        job = self.jobs.pending("sync") or self.jobs.submit(
            "sync", lambda progress: report_dict(self.index.sync(progress=progress))
        )
        self.audit.record("sync", actor, detail=job.id)
        return job

    def _indexed(self, source: str, sha256: str) -> bool:
        record = self.document(source)
        return record is not None and record.sha256 == sha256

    def _index_saved(self, info: dict[str, Any]) -> Callable[[Progress], dict[str, Any]]:
        source = info["duplicate_of"] or info["source"]

        def work(progress: Progress) -> dict[str, Any]:
            # The file it saved, alone: scanning a folder of tens of thousands for it
            # took seconds (other changes are the watcher's and `sync`'s).
            report = self.index.sync(progress=progress, only=[source])
            if source in report.failed:
                raise IndexJobError(f"{source} could not be indexed: {report.failed[source]}")
            record = self.document(source)
            if record is None:
                raise IndexJobError(f"{source} is not in the index after the sync")
            result = {**info, "chunk_count": record.chunk_count, "report": report_dict(report)}
            superseded = record.sha256 != info["sha256"]
            result["message"] = (
                f"{source} was replaced again meanwhile" if superseded
                else f"{source} indexed: {record.chunk_count} chunks"
            )  # fmt: skip
            return result

        return work


def _saved_dict(saved: SavedDocument) -> dict[str, Any]:
    return dataclasses.asdict(saved)


def build_services(settings: Settings) -> Services:
    """Wire the services the settings describe; nothing heavy runs until `start`.

    With a database URL every store is a table of that database, shared with the other
    replicas; without one, a SQLite file under the data dir.
    """
    workers = ask_worker_count(settings)
    index = IndexService(settings, chroma_server=workers > 0)

    def database(name: str) -> Path | Connection:
        url = settings.index.database_url
        return connect_postgres(url) if url else index.data.root / f"{name}.sqlite"

    replica = f"{socket.gethostname()}:{settings.api.port}" if index.data.shared else ""
    assistant = build_assistant(settings, index)
    ask_workers = AskWorkers(settings, index, workers) if workers else None
    return Services(
        settings=settings,
        index=index,
        assistant=PooledAssistant(assistant, ask_workers) if ask_workers else assistant,
        ask_workers=ask_workers,
        jobs=JobRunner(store=JobStore(database("jobs"), replica)),
        intake=DocumentIntake(
            settings.documents.documents_dir,
            int(settings.documents.max_upload_mb * (1 << 20)),
            indexed_with=index.documents_with,
        ),
        feedback=FeedbackStore(database("feedback")),
        audit=AuditLog(database("audit")),
        conversations=ConversationStore(database("conversations")),
    )
