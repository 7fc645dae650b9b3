"""Read an untrusted document in a worker process that cannot freeze or exhaust the server.

A crafted file (a .docx that unpacks to a gigabyte, a PDF whose streams inflate without
end, text that sends a parser into a long loop) is read in a child process forked from a
small forkserver, under `resource.setrlimit` limits on CPU time and address space and a
wall-clock deadline. Whatever the file does, the child dies and the caller gets an
`UnsupportedDocumentError`; the server's memory and its event loop are never touched.
Only `MAX_WORKERS` files are read at once, so a burst of uploads cannot multiply the cost.
"""

from __future__ import annotations

import logging
import multiprocessing
import os
import resource
import threading
from collections.abc import Callable
from dataclasses import dataclass
from multiprocessing.connection import Connection
from typing import Any

from index.loaders import UnsupportedDocumentError, load_bytes
from index.metadata import prepare_document
from index.records import CleanDocument

logger = logging.getLogger(__name__)

__all__ = ["ParserBusyError", "WorkerLimits", "prepare_untrusted", "run_bounded"]

# Modules the forkserver imports once, so that each child starts already holding them.
_PRELOAD = ["index.safe_parse", "index.loaders", "index.metadata", "docx", "pypdf"]
MAX_WORKERS = 2
_slots = threading.BoundedSemaphore(MAX_WORKERS)
_context_lock = threading.Lock()
_context: Any = None


class ParserBusyError(RuntimeError):
    """Every worker slot stayed taken for a whole `wall_seconds`: try again later."""


@dataclass(frozen=True)
class WorkerLimits:
    """What one document may cost the worker that reads it."""

    cpu_seconds: int = 60
    """CPU time before the kernel stops the worker (SIGXCPU); a text PDF reads at ~9 ms a
    page here (300 pages of 40 lines: 2.7 s), so this is far more than any document needs."""
    memory_bytes: int = 768 << 20
    """Address space the worker may add to what it starts with (RLIMIT_AS)."""
    wall_seconds: float = 180.0
    """Time from start to answer, waiting for a CPU included, before the worker is killed."""


def _forkserver() -> Any:
    global _context
    with _context_lock:
        if _context is None:
            context = multiprocessing.get_context("forkserver")
            context.set_forkserver_preload(_PRELOAD)
            _context = context
        return _context


def _address_space() -> int:
    """Bytes of address space this process has mapped now (0 if unknown)."""
    try:
        with open("/proc/self/statm", encoding="ascii") as statm:
            return int(statm.read().split()[0]) * os.sysconf("SC_PAGE_SIZE")
    except (OSError, ValueError, IndexError):
        return 0


def _limit_self(limits: WorkerLimits) -> None:
    cpu = limits.cpu_seconds
    resource.setrlimit(resource.RLIMIT_CPU, (cpu, cpu + 1))
    resource.setrlimit(resource.RLIMIT_CORE, (0, 0))
    if base := _address_space():
        ceiling = base + limits.memory_bytes
        resource.setrlimit(resource.RLIMIT_AS, (ceiling, ceiling))


def _child(conn: Connection, limits: WorkerLimits, func: Callable[..., Any], args: tuple) -> None:
    """The worker: limit itself, run `func(*args)`, send back ("ok", value) or the error."""
    try:
        _limit_self(limits)
        reply: tuple[str, Any] = ("ok", func(*args))
    except UnsupportedDocumentError as error:
        reply = ("unsupported", (error.filename, error.reason))
    except MemoryError:
        reply = ("limit", "memory")
    except Exception as error:  # noqa: BLE001 - anything else a damaged file provokes
        reply = ("error", f"{type(error).__name__}: {error}")
    try:
        conn.send(reply)
    except MemoryError:
        conn.send(("limit", "memory"))
    finally:
        conn.close()


def run_bounded(func: Callable[..., Any], args: tuple, name: str, limits: WorkerLimits) -> Any:
    """`func(*args)` in a limited worker process; `name` is the file named in errors.

    Raises:
        UnsupportedDocumentError: `func` refused the file, failed, or went over a limit.
        ParserBusyError: no worker slot came free within `limits.wall_seconds`.
    """
    if not _slots.acquire(timeout=limits.wall_seconds):
        raise ParserBusyError("every document reader is busy; try again in a minute")
    try:
        parent, child = _forkserver().Pipe(duplex=False)
        process = _forkserver().Process(
            target=_child, args=(child, limits, func, args), name="parse-document", daemon=True
        )
        process.start()
        child.close()
        try:
            reply = parent.recv() if parent.poll(limits.wall_seconds) else ("limit", "time")
        except EOFError:  # the worker died before answering: a limit or a crash
            process.join(1)
            reply = ("limit", f"exit {process.exitcode}")
        finally:
            parent.close()
            if process.is_alive():
                process.kill()
            process.join(5)
    finally:
        _slots.release()
    kind, value = reply
    if kind == "ok":
        return value
    if kind == "unsupported":
        raise UnsupportedDocumentError(*value)
    logger.warning("reading %s stopped: %s %s", name, kind, value)
    if kind == "limit":
        raise UnsupportedDocumentError(
            name, "tệp quá nặng để đọc (vượt giới hạn thời gian hoặc bộ nhớ khi giải nén)"
        )
    raise UnsupportedDocumentError(name, f"tệp bị hỏng hoặc không đọc được ({value})")


def _load_and_prepare(data: bytes, filename: str) -> CleanDocument:
    return prepare_document(load_bytes(data, filename))


def prepare_untrusted(
    data: bytes, filename: str, limits: WorkerLimits | None = None
) -> CleanDocument:
    """Load, clean and read the metadata of an uploaded file in a limited worker.

    Raises:
        UnsupportedDocumentError: not a readable document, or over a limit.
    """
    return run_bounded(_load_and_prepare, (data, filename), filename, limits or WorkerLimits())
