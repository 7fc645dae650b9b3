"""Real PostgreSQL and Chroma servers on loopback ports, for the replica tests and bench.

PostgreSQL is Debian's (`make postgres` installs it): a throwaway cluster in a temp dir,
trust authentication on 127.0.0.1 only, fsync off (nothing in it outlives the test).
PostgreSQL refuses to run as root, so as root the cluster belongs to the `postgres` user
the Debian package creates.
"""

from __future__ import annotations

import glob
import os
import pwd
import shutil
import subprocess
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from index.chroma_server import ChromaServer
from tests.servers import free_port

START_TIMEOUT_S = 60


def postgres_bin() -> Path | None:
    """The folder of `initdb`, `pg_ctl` and `postgres`: on the PATH or Debian's own."""
    found = shutil.which("initdb")
    candidates = [str(Path(found).resolve().parent)] if found else []
    candidates += sorted(glob.glob("/usr/lib/postgresql/*/bin"), reverse=True)
    for folder in candidates:
        if all((Path(folder) / name).exists() for name in ("initdb", "pg_ctl", "postgres")):
            return Path(folder)
    return None


def _run_as() -> list[str]:
    """How to run PostgreSQL's programs: as ourselves, or as `postgres` when root."""
    return ["runuser", "-u", "postgres", "--"] if os.getuid() == 0 else []


def postgres_unavailable() -> str | None:
    """Why no PostgreSQL server can be started here, or None when one can."""
    if postgres_bin() is None:
        return "PostgreSQL is not installed (make postgres installs Debian's postgresql)"
    if os.getuid() == 0:
        try:
            pwd.getpwnam("postgres")
        except KeyError:
            return "running as root and there is no postgres user to run PostgreSQL as"
        if shutil.which("runuser") is None:
            return "running as root and there is no runuser to run PostgreSQL as postgres"
    try:
        import psycopg  # noqa: F401
    except ImportError:
        return "psycopg is not installed (pip install 'psycopg[binary]')"
    return None


@contextmanager
def postgres_server() -> Iterator[str]:
    """A fresh PostgreSQL cluster until the block ends; yields its URL."""
    folder = postgres_bin()
    assert folder is not None, postgres_unavailable()
    root = Path(tempfile.mkdtemp(prefix="pa-postgres-"))
    if os.getuid() == 0:
        shutil.chown(root, "postgres")
    data, port, as_user = root / "data", free_port(), _run_as()
    options = f"-p {port} -c listen_addresses=127.0.0.1 -k {root} -c fsync=off"
    quiet = {"stdout": subprocess.DEVNULL, "stderr": subprocess.PIPE, "check": True}
    try:
        subprocess.run([*as_user, str(folder / "initdb"), "-D", str(data), "-U", "postgres",
                        "--auth=trust", "-E", "UTF8", "--no-locale"], **quiet)  # fmt: skip
        subprocess.run([*as_user, str(folder / "pg_ctl"), "-D", str(data), "-o", options,
                        "-l", str(root / "log"), "-w", "-t", str(START_TIMEOUT_S), "start"],
                       **quiet)  # fmt: skip
        yield f"postgresql://postgres@127.0.0.1:{port}/postgres"
    finally:
        if (data / "postmaster.pid").exists():
            subprocess.run([*as_user, str(folder / "pg_ctl"), "-D", str(data), "-m", "fast",
                            "-w", "stop"], stdout=subprocess.DEVNULL, check=False)  # fmt: skip
        shutil.rmtree(root, ignore_errors=True)


@contextmanager
def chroma_server(path: Path) -> Iterator[str]:
    """`chroma run` (the chromadb package's CLI) on a loopback port; yields its URL."""
    server = ChromaServer(path, log=path.with_name(f"{path.name}-chroma.log"))
    try:
        yield server.start()
    finally:
        server.stop()
