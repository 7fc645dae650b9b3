"""Read an untrusted document in a worker process that cannot freeze or exhaust the server.

A crafted file (a .docx that unpacks to a gigabyte, a PDF whose streams inflate without
end, text that sends a parser into a long loop) is read in a child process forked from a
small forkserver, under `resource.setrlimit` limits on CPU time and address space and a
wall-clock deadline. Whatever the file does, the child dies and the caller gets an
`UnsupportedDocumentError`; the server's memory and its event loop are never touched.
Only `MAX_WORKERS` files are read at once, so a burst of uploads cannot multiply the cost.

A scan (`ScannedDocumentError` from the first read) is read again by OCR in a worker of its
own with longer limits, one scan at a time in this process (`_ocr_lock`), single-threaded
and at low priority (`index.ocr.limit_engine`), so questions stay fast while a 20-page scan
is read. What OCR read is kept by content hash for a while: the sync that indexes an
uploaded scan reuses the reading the upload check made instead of reading it twice.
"""

from __future__ import annotations

import logging
import multiprocessing
import os
import resource
import threading
from collections import OrderedDict
from collections.abc import Callable
from dataclasses import dataclass, replace
from hashlib import sha256
from multiprocessing.connection import Connection
from pathlib import Path
from typing import Any

from index.loaders import ScannedDocumentError, UnsupportedDocumentError, load_bytes
from index.metadata import prepare_document
from index.records import CleanDocument, LoadedFile

logger = logging.getLogger(__name__)

__all__ = [
    "OCR_LIMITS",
    "ParserBusyError",
    "WorkerLimits",
    "load_document",
    "page_image_untrusted",
    "prepare_untrusted",
    "read_scan",
    "run_bounded",
]

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


OCR_LIMITS = WorkerLimits(cpu_seconds=600, memory_bytes=1 << 30, wall_seconds=900.0)
"""A scan's worker: each page costs ~2-5 s in `tesseract` (its own process, under the same
limits) and ~1 s here; `index.scanned.MAX_SCANNED_PAGES` pages fit with room to spare."""
_ocr_lock = threading.Lock()
_SCAN_CACHE_SIZE = 16
_scan_cache: OrderedDict[str, LoadedFile] = OrderedDict()
_scan_cache_lock = threading.Lock()


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
    except ScannedDocumentError as error:
        reply = ("scanned", (error.filename, error.reason))
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
    if kind == "scanned":
        raise ScannedDocumentError(*value)
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


def _read_scan_and_prepare(data: bytes, filename: str) -> tuple[LoadedFile, CleanDocument]:
    from index.scanned import load_scanned

    loaded = load_scanned(data, filename)
    return loaded, prepare_document(loaded)


def prepare_untrusted(
    data: bytes, filename: str, limits: WorkerLimits | None = None
) -> CleanDocument:
    """Load, clean and read the metadata of an uploaded file in a limited worker.

    Raises:
        UnsupportedDocumentError: not a readable document, or over a limit.
        ParserBusyError: the readers stayed busy.
    """
    try:
        return run_bounded(_load_and_prepare, (data, filename), filename, limits or WorkerLimits())
    except ScannedDocumentError as scan:
        return _read_scan(data, filename, scan)[1]


def read_scan(data: bytes, filename: str, scan: ScannedDocumentError) -> LoadedFile:
    """A scan's text by OCR in a limited worker (or as it was read a moment ago).

    Raises:
        UnsupportedDocumentError: OCR is not installed here, or the scan is unreadable.
        ParserBusyError: another scan kept OCR busy for a whole `OCR_LIMITS.wall_seconds`.
    """
    key = sha256(data).hexdigest()
    with _scan_cache_lock:
        cached = _scan_cache.get(key)
    if cached is not None:
        return replace(cached, source=filename)
    return _read_scan(data, filename, scan)[0]


def _read_scan(
    data: bytes, filename: str, scan: ScannedDocumentError
) -> tuple[LoadedFile, CleanDocument]:
    from index.ocr import engine_missing_reason

    if missing := engine_missing_reason():
        raise UnsupportedDocumentError(
            scan.filename, f"{scan.reason}; máy chủ chưa cài OCR để đọc bản quét ({missing})"
        )
    if not _ocr_lock.acquire(timeout=OCR_LIMITS.wall_seconds):
        raise ParserBusyError("another scan is being read; try again in a few minutes")
    try:
        loaded, document = run_bounded(
            _read_scan_and_prepare, (data, filename), filename, OCR_LIMITS
        )
    finally:
        _ocr_lock.release()
    with _scan_cache_lock:
        _scan_cache[loaded.sha256] = loaded
        while len(_scan_cache) > _SCAN_CACHE_SIZE:
            _scan_cache.popitem(last=False)
    return loaded, document


def load_document(path: Path, source: str) -> LoadedFile:
    """A file of the documents folder: read here, or by OCR in a worker when it is a scan.

    Raises:
        UnsupportedDocumentError: unreadable, or a scan that cannot be read now.
    """
    data = path.read_bytes()
    try:
        return load_bytes(data, source)
    except ScannedDocumentError as scan:
        try:
            return read_scan(data, source, scan)
        except ParserBusyError as busy:  # the next sync tries again
            raise UnsupportedDocumentError(source, str(busy)) from busy


def _page_png(data: bytes, filename: str, page: int) -> bytes | None:
    from index.loaders import SCAN_IMAGE_TYPES, detect_file_type
    from index.page_images import page_png

    file_type = detect_file_type(data, filename)
    if file_type != "pdf" and file_type not in SCAN_IMAGE_TYPES:
        return None
    try:
        return page_png(data, file_type, page)
    except Exception as exc:  # Pillow and pypdf fail in many ways on bad data
        raise UnsupportedDocumentError(
            filename, f"không lấy được ảnh trang {page} ({exc})"
        ) from exc


def page_image_untrusted(data: bytes, filename: str, page: int) -> bytes | None:
    """Page `page` of a scanned file as PNG, decoded in a limited worker (None when that
    page is not an image), for showing the page beside the sentence OCR read from it.

    Raises:
        UnsupportedDocumentError: the file could not be decoded within the limits.
    """
    return run_bounded(_page_png, (data, filename, page), filename, WorkerLimits(cpu_seconds=20))
