"""Memory a long-running server frees goes back to the system (glibc's malloc).

glibc gives each thread that allocates while another holds an arena one of its own, up to
eight per core, and keeps what is freed inside an arena for later use rather than
returning it. A server's threads (the request pool, the index job, Chroma's and the
embedder's) each come to hold one, and an index job frees most of what it allocated
(texts, tokens, postings being merged) into whichever arena it ran in: the resident size
then only ever grows. Fewer arenas, and a trim after each index job, keep it level.

Elsewhere (macOS, musl) both calls do nothing.
"""

from __future__ import annotations

import ctypes
import os
import sys
from functools import cache

SERVER_ARENAS = 2
"""Arenas a server's threads share: contention on them costs little next to the Python
lock, and each arena more keeps its own free memory."""

_M_ARENA_MAX = -8  # mallopt parameter number, from glibc's malloc.h


@cache
def _glibc() -> ctypes.CDLL | None:
    if not sys.platform.startswith("linux"):
        return None
    try:
        libc = ctypes.CDLL(None)
    except OSError:
        return None
    if not (hasattr(libc, "gnu_get_libc_version") and hasattr(libc, "malloc_trim")):
        return None  # not glibc
    return libc


def limit_arenas(arenas: int = SERVER_ARENAS) -> bool:
    """Let the threads started from now on share `arenas` malloc arenas.

    Call it before the server starts its threads. `MALLOC_ARENA_MAX` in the environment,
    read by glibc itself, wins. Returns whether the limit was set here.
    """
    libc = _glibc()
    if libc is None or "MALLOC_ARENA_MAX" in os.environ:
        return False
    return bool(libc.mallopt(_M_ARENA_MAX, arenas))


def release_free_memory() -> bool:
    """Hand the free pages of every arena back to the system (`malloc_trim`).

    Takes a few milliseconds; meant for after a burst of allocation such as an index job.
    Returns whether any memory was released.
    """
    libc = _glibc()
    return libc is not None and bool(libc.malloc_trim(0))
