"""A throwaway PostgreSQL server for the tests: started once per test run in a temp folder, on a free local port.

Each test gets a fresh, empty database (`pg_url`), dropped after it. Outside CI a machine without PostgreSQL
skips the PostgreSQL half of the suite with one line saying why; in CI (CI=true) that is a failure, so a broken
install can never turn the server tests green by skipping them.
"""

from __future__ import annotations

import contextlib
import glob
import itertools
import os
import pwd
import shutil
import socket
import subprocess
import tempfile
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest

BACKENDS = ("sqlite", "postgresql")
# The Debian package's binaries are not on PATH; newest version first.
PG_BIN_GLOB = "/usr/lib/postgresql/*/bin"
START_TIMEOUT_S = 60
SHARED_JOURNAL = "hj_tests"
_numbers = itertools.count(1)


@dataclass(frozen=True)
class PgServer:
    """A running server: its port and how to reach it as the superuser."""

    port: int
    socket_dir: Path

    def url(self, database: str) -> str:
        """The SQLAlchemy URL of a database on this server (TCP, trust authentication)."""
        return f"postgresql+psycopg://postgres@127.0.0.1:{self.port}/{database}"

    def admin(self, sql: str) -> None:
        """Run one statement on the maintenance database, outside any transaction (CREATE / DROP DATABASE)."""
        import psycopg

        with psycopg.connect(host="127.0.0.1", port=self.port, user="postgres", dbname="postgres") as conn:
            conn.autocommit = True
            conn.execute(sql)  # type: ignore[arg-type]


def _binaries() -> Path | None:
    on_path = shutil.which("pg_ctl")
    if on_path and shutil.which("initdb"):
        return Path(os.path.realpath(on_path)).parent
    def version(folder: str) -> int:
        name = Path(folder).parent.name
        return int(name) if name.isdigit() else 0

    for folder in sorted(glob.glob(PG_BIN_GLOB), key=version, reverse=True):
        if Path(folder, "initdb").exists() and Path(folder, "pg_ctl").exists():
            return Path(folder)
    return None


def _free_port() -> int:
    with contextlib.closing(socket.socket(socket.AF_INET, socket.SOCK_STREAM)) as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def _as_server_user(folder: Path) -> list[str]:
    """PostgreSQL refuses to run as root: as root, run it as the `postgres` user the Debian package creates."""
    if os.geteuid() != 0:
        return []
    try:
        user = pwd.getpwnam("postgres")
    except KeyError:
        raise RuntimeError("running as root and there is no `postgres` user to run the server as") from None
    os.chown(folder, user.pw_uid, user.pw_gid)
    runuser = shutil.which("runuser")
    if runuser is None:
        raise RuntimeError("running as root and `runuser` is missing, so the server cannot run as `postgres`")
    return [runuser, "-u", "postgres", "--"]


def start_server(folder: Path) -> tuple[PgServer, list[str]]:
    """initdb + pg_ctl start in `folder`; returns the server and the command that stops it."""
    try:
        import psycopg  # noqa: F401
    except ImportError:
        raise RuntimeError("psycopg is not installed (pip install 'psycopg[binary]')") from None
    binaries = _binaries()
    if binaries is None:
        raise RuntimeError("initdb / pg_ctl not found (install the `postgresql` package)")
    prefix = _as_server_user(folder)
    data = folder / "data"
    subprocess.run(
        [*prefix, str(binaries / "initdb"), "-D", str(data), "-U", "postgres", "--auth=trust", "-E", "UTF8",
         "--no-sync", "--locale=C"],
        check=True, capture_output=True, timeout=START_TIMEOUT_S,
    )  # fmt: skip
    port = _free_port()
    # Durability settings are for a real server; a throwaway one trades them for speed.
    options = (
        f"-p {port} -k {folder} -c listen_addresses=127.0.0.1 -c fsync=off -c synchronous_commit=off "
        "-c full_page_writes=off -c max_connections=200"
    )
    subprocess.run(
        [*prefix, str(binaries / "pg_ctl"), "-D", str(data), "-o", options, "-w", "-t", str(START_TIMEOUT_S),
         "-l", str(folder / "server.log"), "start"],
        check=True, capture_output=True, timeout=START_TIMEOUT_S + 10,
    )  # fmt: skip
    stop = [*prefix, str(binaries / "pg_ctl"), "-D", str(data), "-m", "immediate", "-w", "stop"]
    return PgServer(port, folder), stop


def _reason(error: BaseException) -> str:
    if isinstance(error, subprocess.CalledProcessError):
        output = (error.stderr or error.stdout or b"").decode(errors="replace").strip().splitlines()
        program = "initdb" if any(str(part).endswith("initdb") for part in error.cmd) else "pg_ctl"
        return f"{program} failed: {output[-1] if output else error}"
    return str(error)


@pytest.fixture(scope="session")
def pg_server() -> Iterator[PgServer]:
    """One server for the whole run, or a skip (a failure in CI) saying why there is none."""
    folder = Path(tempfile.mkdtemp(prefix="hamjournal-pg-"))
    stop: list[str] | None = None
    try:
        try:
            server, stop = start_server(folder)
        except (OSError, RuntimeError, subprocess.SubprocessError) as error:
            reason = f"PostgreSQL tests need a local server and none could be started: {_reason(error)}"
            if os.environ.get("CI", "").lower() == "true":
                pytest.fail(reason, pytrace=False)
            pytest.skip(reason)
        yield server
    finally:
        if stop is not None:
            subprocess.run(stop, capture_output=True, timeout=60, check=False)
        shutil.rmtree(folder, ignore_errors=True)


def _create(server: PgServer, template: str) -> str:
    name = f"t_{os.getpid()}_{next(_numbers)}"
    # WAL_LOG (PostgreSQL 15's default, named so older servers fail loudly): FILE_COPY would checkpoint twice.
    server.admin(f"CREATE DATABASE {name} TEMPLATE {template} STRATEGY WAL_LOG")
    return name


class SharedJournal:
    """One database holding a journal, emptied before each test: TRUNCATE takes a few ms where a new database
    takes ~300 ms, most of the PostgreSQL half's time. Should emptying fail (a test left a lock or broke the
    schema), the database is made anew."""

    def __init__(self, server: PgServer) -> None:
        self.server = server
        self.name = SHARED_JOURNAL
        self._make()

    def _make(self) -> None:
        from hamjournal.store.engine import open_engine

        self.server.admin(f"DROP DATABASE IF EXISTS {self.name} WITH (FORCE)")
        self.server.admin(f"CREATE DATABASE {self.name} TEMPLATE template0")
        engine, _ = open_engine(self.server.url(self.name))
        engine.dispose()

    def reset(self) -> str:
        """Empty every table (as a first open leaves a new journal) and return the URL."""
        import psycopg

        from hamjournal.store import schema

        tables = ", ".join(t.name for t in schema.metadata.sorted_tables if t is not schema.meta)
        try:
            with psycopg.connect(host="127.0.0.1", port=self.server.port, user="postgres", dbname=self.name) as conn:
                conn.execute("SET lock_timeout = 2000")
                # Connections a test left open (a killed writer process) would keep their locks: end them.
                conn.execute(
                    "SELECT pg_terminate_backend(pid) FROM pg_stat_activity "
                    "WHERE datname = current_database() AND pid <> pg_backend_pid()"
                )
                conn.execute(f"TRUNCATE {tables} RESTART IDENTITY CASCADE")  # type: ignore[arg-type]
                conn.execute("DELETE FROM hj_meta WHERE key NOT IN ('application', 'schema_version')")
                version = str(schema.SCHEMA_VERSION)
                conn.execute("UPDATE hj_meta SET value = %s WHERE key = 'schema_version'", (version,))
                if conn.execute("SELECT count(*) FROM hj_meta").fetchone() != (2,):
                    raise psycopg.DataError("hj_meta lost its rows")
        except psycopg.Error:
            self._make()
        return self.server.url(self.name)


@pytest.fixture(scope="session")
def pg_shared(pg_server: PgServer) -> SharedJournal:
    """The journal database the PostgreSQL tests share, one test at a time."""
    return SharedJournal(pg_server)


@pytest.fixture
def pg_url(pg_shared: SharedJournal) -> str:
    """An empty journal (as the first open leaves a new one) on the test server, for one test."""
    return pg_shared.reset()


@pytest.fixture
def pg_empty_url(pg_server: PgServer) -> Iterator[str]:
    """A new database with nothing in it (for creating a journal on a server); dropped after the test."""
    name = _create(pg_server, "template0")
    try:
        yield pg_server.url(name)
    finally:
        pg_server.admin(f"DROP DATABASE IF EXISTS {name} WITH (FORCE)")


def location_for(backend: str, request: pytest.FixtureRequest, path: Path) -> str:
    """The journal location a test of `backend` uses: the file `path`, or a fresh database's URL."""
    if backend == "sqlite":
        return str(path)
    return str(request.getfixturevalue("pg_url"))


def parametrize_backends(metafunc: pytest.Metafunc) -> None:
    """Run every test that asks for `backend` on both, except those marked sqlite_only (pragmas, files) or
    postgresql_only (a server's own behaviour)."""
    if "backend" in metafunc.fixturenames:
        if metafunc.definition.get_closest_marker("sqlite_only") is not None:
            metafunc.parametrize("backend", ["sqlite"])
        elif metafunc.definition.get_closest_marker("postgresql_only") is not None:
            metafunc.parametrize("backend", ["postgresql"])
        else:
            metafunc.parametrize("backend", list(BACKENDS))
