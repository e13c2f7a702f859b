"""Opening a journal: file checks, pragmas, identity, schema version and migrations.

A file that is not a hamjournal journal, is damaged, or is newer than this code is refused with a message
that names it; it is never overwritten or "repaired" silently.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import functools
import importlib.util
import os
import signal
import sqlite3
import urllib.parse
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from sqlalchemy import Connection, CursorResult, Engine, create_engine, event, exc, insert, select, text

from hamjournal.config import backup_dir, is_url
from hamjournal.store import schema
from hamjournal.store.errors import (
    BadLocation,
    JournalBusy,
    JournalError,
    JournalTooNew,
    JournalUnwritable,
    NotAJournal,
)
from hamjournal.store.locations import (
    check_file,
    disk_full,
    make_private_dir,
    safe_url,
)
from hamjournal.store.migrations import MIGRATIONS

BUSY_TIMEOUT_MS = 5000
# Private, for tests: how long to wait for another writer, so a "held lock" test need not wait 10 s.
ENV_BUSY_TIMEOUT = "_HAMJOURNAL_BUSY_TIMEOUT_MS"
# Private, for the crash tests: SIGKILL this process at its Nth write step (a statement, a commit, the end of a
# transaction, a step of a backup), so a test kills at points it chooses rather than after a guessed delay.
ENV_CRASH_AT_STEP = "_HAMJOURNAL_CRASH_AT_STEP"
DEFAULT_ATHLETE = "me"
# The advisory lock key hamjournal's writers share on a PostgreSQL database ("HAMJ"); per database, so two
# journals on one server never wait for each other.
PG_WRITE_LOCK = 0x48414D4A


def busy_timeout_ms() -> int:
    """How long a write waits for another writer's lock (BUSY_TIMEOUT_MS unless the private override is set)."""
    raw = os.environ.get(ENV_BUSY_TIMEOUT, "").strip()
    try:
        return max(0, int(raw)) if raw else BUSY_TIMEOUT_MS
    except ValueError:
        return BUSY_TIMEOUT_MS


@functools.cache
def _crash_countdown() -> list[int] | None:
    # Read once, on the first step: unset (always, outside the crash tests) costs one lookup per process.
    raw = os.environ.get(ENV_CRASH_AT_STEP, "").strip()
    return [int(raw)] if raw.isdigit() and int(raw) > 0 else None


def crash_point(*_event_args: object) -> None:
    """A step where the crash tests may kill this process (see ENV_CRASH_AT_STEP); nothing otherwise."""
    countdown = _crash_countdown()
    if countdown is None:
        return
    countdown[0] -= 1
    if countdown[0] == 0:
        os.kill(os.getpid(), signal.SIGKILL)


def _watch_for_crash(engine: Engine) -> None:
    # Before each statement, before each commit, and once a transaction has ended (the connection goes back
    # to the pool, after the commit or rollback and before the caller reports anything).
    event.listen(engine, "before_cursor_execute", crash_point)
    event.listen(engine, "commit", crash_point)
    event.listen(engine.pool, "checkin", crash_point)


def lock_for_write(conn: Connection) -> None:
    """Take the journal's write lock at the start of the transaction: one writer at a time, on any back end.

    SQLite: BEGIN IMMEDIATE (waiting, then retrying once). Taking the lock first makes DDL part of the
    transaction (pysqlite would otherwise autocommit each CREATE / ALTER), and a busy journal is found before
    anything is done, so retrying is safe. PostgreSQL: a transaction-scoped advisory lock, which exists before
    any table does (the first migration needs it too) and is released by COMMIT or ROLLBACK; waiting is bounded
    by lock_timeout, so a stuck writer becomes JournalBusy, as on SQLite. Serialising writers keeps
    read-then-write steps (import's duplicate check, migrations, copy's "is the target empty") correct
    without relying on the isolation level.
    """
    if conn.dialect.name == "postgresql":
        conn.exec_driver_sql(f"SET LOCAL lock_timeout = {busy_timeout_ms()}")
        conn.exec_driver_sql(f"SELECT pg_advisory_xact_lock({PG_WRITE_LOCK})")
        # The server's change counter, which open apps poll (store.watch): bumped by every write transaction,
        # committed or rolled back with it. Before the first migration there is no hj_meta to count in.
        if conn.exec_driver_sql("SELECT to_regclass('hj_meta')").scalar() is not None:
            conn.exec_driver_sql(
                "INSERT INTO hj_meta (key, value) VALUES ('changes', '1') ON CONFLICT (key) "
                "DO UPDATE SET value = CAST(CAST(hj_meta.value AS BIGINT) + 1 AS TEXT)"
            )
        return
    if conn.dialect.name != "sqlite":
        return
    try:
        conn.exec_driver_sql("BEGIN IMMEDIATE")
    except exc.OperationalError as error:
        if not is_busy(error):
            raise
        # The busy timeout ran out once; a writer that slow is usually about to finish: one more wait.
        conn.exec_driver_sql("BEGIN IMMEDIATE")


def inserted_id(result: CursorResult[Any]) -> int:
    """The id of the one row an INSERT added."""
    key = result.inserted_primary_key
    if key is None:  # only an executemany has none, and no caller passes one
        raise ValueError("an INSERT of many rows has no single new id")
    return int(key[0])


def is_busy(error: BaseException) -> bool:
    """True for SQLite's "database is locked" / "busy" errors (another process holds the write lock)."""
    orig = getattr(error, "orig", None) or error
    text_ = str(orig).lower()
    # PostgreSQL: SQLSTATE 55P03 (lock_not_available), "canceling statement due to lock timeout".
    return "locked" in text_ or "busy" in text_ or "lock timeout" in text_ or getattr(orig, "sqlstate", "") == "55P03"


def open_engine(location: str, create: bool = True) -> tuple[Engine, str]:
    """Open (and if needed create or migrate) the journal at a path or SQLAlchemy URL.

    Returns the engine and a label (the file, or the URL without its password) for messages.
    """
    path: Path | None = None
    if is_url(location):
        label = safe_url(location)
        engine = _server_engine(location, label)
    else:
        path = Path(location).expanduser()
        check_file(path, create)
        engine = _sqlite_engine(path)
        label = str(path)
    if _crash_countdown() is not None:
        _watch_for_crash(engine)
    try:
        with translate_errors(label):
            _prepare(engine, label, create)
    except JournalUnwritable:
        engine.dispose()
        if path is None or path.stat().st_size == 0:
            raise
        # A journal in a read-only place (a mounted backup, a folder without write permission): SQLite cannot
        # make the -wal / -shm files WAL mode needs to read, so it is opened read-only and immutable. Reading
        # works; a write is refused with the read-only message (and a read's re-plan is skipped, see
        # planning.ensure_plan).
        engine = _sqlite_engine(path, read_only=True)
        try:
            with translate_errors(label):
                _prepare(engine, label, create=False, read_only=True)
        except BaseException:
            engine.dispose()
            raise
    except BaseException:
        engine.dispose()
        raise
    return engine, label


def _sqlite_engine(path: Path, read_only: bool = False) -> Engine:
    timeout = busy_timeout_ms() / 1000
    if read_only:
        uri = f"file:{urllib.parse.quote(str(path.resolve()))}?mode=ro&immutable=1"
        engine = create_engine("sqlite://", creator=lambda: sqlite3.connect(uri, uri=True, timeout=timeout))
    else:
        engine = create_engine(f"sqlite:///{path}", connect_args={"timeout": timeout})
    event.listen(engine, "connect", _sqlite_pragmas)
    return engine


@contextlib.contextmanager
def translate_errors(label: str) -> Iterator[None]:
    """Turn database errors into JournalErrors that name the journal and say what to do."""
    try:
        yield
    except JournalError:
        raise
    except exc.DBAPIError as error:
        raise _translate(error.orig, label) from error
    except sqlite3.Error as error:
        raise _translate(error, label) from error
    except exc.SQLAlchemyError as error:
        raise JournalError(f"{label}: the journal could not be used ({error.__class__.__name__}: {error})") from error


def _translate(error: BaseException | None, label: str) -> JournalError:
    text_ = str(error).lower()
    if error is not None and is_busy(error):
        return JournalBusy(
            f"{label} is busy: another hamjournal is writing to it. Nothing was changed; try again in a moment."
        )
    if "full" in text_ or ("disk i/o error" in text_ and disk_full(label)):
        # SQLite says "disk I/O error" rather than "full" when the disk fills during a write of the WAL file.
        return JournalUnwritable(f"{label}: the disk is full. Nothing was changed; free some space and try again.")
    if "disk i/o error" in text_:
        return JournalUnwritable(
            f"{label}: the disk could not be read or written (disk I/O error). Nothing more was changed; check "
            "the disk and its free space, then try again."
        )
    if "readonly" in text_ or "read-only" in text_ or "unable to open" in text_ or "permission" in text_:
        return JournalUnwritable(
            f"{label} cannot be written (read-only file or folder). Nothing was changed; "
            "check the permissions or point --db at a writable place."
        )
    if "connection" in text_ and ("refused" in text_ or "failed" in text_ or "could not" in text_):
        first = str(error).strip().splitlines()[0] if str(error).strip() else "no answer"
        return JournalError(
            f"{label}: could not connect to the database server ({first}). Nothing was changed; check that the "
            "server is running and that the URL in --db / HAMJOURNAL_DB (user, password, database) is right."
        )
    if "not a database" in text_ or "malformed" in text_ or "corrupt" in text_:
        return NotAJournal(
            f"{label} is damaged or is not a hamjournal journal ({error}). It was left untouched; "
            "restore a backup with `hamjournal restore FILE` or point --db at another file."
        )
    return JournalError(f"{label}: the journal could not be used ({error}). Nothing was changed.")


def _sqlite_pragmas(dbapi_connection: sqlite3.Connection, _record: object) -> None:
    cursor = dbapi_connection.cursor()
    try:
        cursor.execute("PRAGMA foreign_keys=ON")
        cursor.execute(f"PRAGMA busy_timeout={busy_timeout_ms()}")
        cursor.execute("PRAGMA synchronous=FULL")
    finally:
        cursor.close()


def _server_engine(location: str, label: str) -> Engine:
    """An engine for a database URL; a plain postgresql:// uses psycopg 3 (the `postgres` extra) when psycopg2
    is not installed, and a missing driver is a message saying what to install."""
    from sqlalchemy.engine import make_url

    url = make_url(location)
    if url.drivername == "postgresql" and importlib.util.find_spec("psycopg2") is None:
        url = url.set(drivername="postgresql+psycopg")
    try:
        return create_engine(url, pool_pre_ping=True)
    except ModuleNotFoundError as error:
        raise JournalError(
            f"{label}: the database driver is not installed ({error.name}); for PostgreSQL install "
            "hamjournal[postgres] (psycopg)"
        ) from None
    except exc.ArgumentError as error:
        raise BadLocation(f"'{label}' is not a database URL hamjournal can use ({error})") from None


def _prepare(engine: Engine, label: str, create: bool = True, read_only: bool = False) -> None:
    with engine.connect() as conn:
        version, has_tables = _read_version(conn, engine, label)
    if read_only and version != schema.SCHEMA_VERSION:
        raise JournalUnwritable(
            f"{label} is in a read-only place and needs an upgrade (journal version {version}) before it can be "
            "read. It was left untouched; copy it somewhere writable first."
        )
    if not has_tables and not create and engine.dialect.name != "sqlite":
        # A file that does not exist is refused before this point; an empty server database is its twin.
        raise JournalError(f"{label} holds no journal yet: run `hamjournal --db URL` once to create one, or check --db")
    if version > schema.SCHEMA_VERSION:
        raise JournalTooNew(
            f"{label} was written by a newer hamjournal (journal version {version}, this program knows up to "
            f"{schema.SCHEMA_VERSION}). It was left untouched; upgrade hamjournal to open it."
        )
    if engine.dialect.name == "sqlite" and not read_only:
        # WAL is a property of the file, set once and only after the file is known to be ours: setting it
        # on a foreign database would rewrite its header before we refuse it.
        with engine.connect() as conn:
            with contextlib.suppress(exc.OperationalError):
                conn.exec_driver_sql("PRAGMA journal_mode=WAL")
            conn.commit()
    if version < schema.SCHEMA_VERSION:
        copy = _backup_before_migration(engine, label, version) if has_tables else None
        try:
            _migrate(engine, label, version)
        except Exception as error:
            if isinstance(error, JournalError) or is_busy(error):
                raise
            raise _migration_failed(engine, label, version, copy, error) from error


def _read_version(conn: Connection, engine: Engine, label: str) -> tuple[int, bool]:
    sqlite = engine.dialect.name == "sqlite"
    if sqlite:
        tables = [row[0] for row in conn.execute(text("SELECT name FROM sqlite_master WHERE type='table'"))]
        user_version = conn.execute(text("PRAGMA user_version")).scalar_one()
        _check_application_id(conn, label, bool(tables) or bool(user_version))
        if tables:
            check = conn.execute(text("PRAGMA quick_check")).scalar_one()
            if check != "ok":
                raise NotAJournal(
                    f"{label} is damaged ({check}). It was left untouched; restore a backup with "
                    "`hamjournal restore FILE`."
                )
    else:
        from sqlalchemy import inspect

        tables = inspect(conn).get_table_names()
        user_version = None
    if not tables:
        return 0, False
    if schema.meta.name not in tables:
        raise NotAJournal(
            f"{label} is a database but not a hamjournal journal. It was left untouched; "
            "point --db at your journal or at a new file."
        )
    rows = dict(conn.execute(select(schema.meta.c.key, schema.meta.c.value)).all())
    if rows.get("application") != schema.APPLICATION:
        raise NotAJournal(f"{label} is not a hamjournal journal. It was left untouched.")
    try:
        version = int(rows.get("schema_version", 0))
    except ValueError:
        raise NotAJournal(f"{label} has a damaged version number. It was left untouched.") from None
    # Both are written together; should they disagree, the higher one decides, so a newer file is never
    # taken for an older one and migrated.
    return max(version, user_version or 0), True


def _check_application_id(conn: Connection, label: str, holds_tables: bool) -> None:
    """An SQLite file is a journal only if it carries hamjournal's application_id, or holds nothing at all.

    Nothing at all: no table, view, index or trigger and no user_version (a new file, or one whose creation
    was interrupted before the first migration committed). Anything else with another application_id is
    another program's database and is refused before a byte of it is written.
    """
    application_id = conn.execute(text("PRAGMA application_id")).scalar_one()
    if application_id == schema.SQLITE_APPLICATION_ID:
        return
    objects = conn.execute(text("SELECT count(*) FROM sqlite_master")).scalar_one()
    if holds_tables or objects or application_id:
        raise NotAJournal(
            f"{label} is an SQLite database of another program (application_id {application_id}), not a "
            "hamjournal journal. It was left untouched; point --db at your journal or at a new file."
        )


def _migrate(engine: Engine, label: str, from_version: int) -> None:
    for target in range(from_version + 1, schema.SCHEMA_VERSION + 1):
        # Each migration is one transaction, DDL included (lock_for_write): a crash or an error leaves the
        # journal at the last finished version.
        with engine.begin() as conn:
            lock_for_write(conn)
            # Another hamjournal may have migrated while this one waited for the lock (two first starts).
            if _read_version(conn, engine, label)[0] >= target:
                continue
            MIGRATIONS[target](conn)
            _set_version(conn, engine, target)


def _migration_failed(engine: Engine, label: str, version: int, copy: Path | None, error: Exception) -> JournalError:
    try:
        with engine.connect() as conn:
            now = _read_version(conn, engine, label)[0]
    except Exception:  # the message about the failed upgrade matters more than this detail
        now = version
    saved = f" A copy from before the upgrade is at {copy}." if copy else ""
    return JournalError(
        f"{label} could not be upgraded from version {now} to {schema.SCHEMA_VERSION} "
        f"({type(error).__name__}: {error}). It was left at version {now}, unchanged.{saved} "
        "Please report this; the previous hamjournal still opens it."
    )


def _set_version(conn: Connection, engine: Engine, version: int) -> None:
    values = {"application": schema.APPLICATION, "schema_version": str(version)}
    for key, value in values.items():
        updated = conn.execute(schema.meta.update().where(schema.meta.c.key == key).values(value=value)).rowcount
        if not updated:
            conn.execute(insert(schema.meta).values(key=key, value=value))
    if engine.dialect.name == "sqlite":
        conn.execute(text(f"PRAGMA user_version={int(version)}"))
        conn.execute(text(f"PRAGMA application_id={schema.SQLITE_APPLICATION_ID}"))
    # No athlete is made here: the first Store.open without --athlete makes "me", while a squad journal
    # started with `hamjournal athletes add NAME` holds only the athletes its coach names.


def _backup_before_migration(engine: Engine, label: str, version: int) -> Path | None:
    if engine.dialect.name != "sqlite":
        return None
    folder = backup_dir()
    stamp = dt.datetime.now().strftime("%Y%m%d-%H%M%S")
    target = folder / f"{Path(label).stem}-v{version}-before-migration-{stamp}.db"
    try:
        make_private_dir(folder)
        target = _reserve(target)
    except OSError as error:
        raise JournalUnwritable(
            f"{label} needs an upgrade, but the copy made before upgrading could not be written to {target} "
            f"({error.strerror}). Nothing was changed; check that folder's permissions and free space."
        ) from error
    try:
        with engine.connect() as conn:
            conn.exec_driver_sql("VACUUM INTO ?", (str(target),))
    except BaseException:
        with contextlib.suppress(OSError):
            target.unlink()
        raise
    return target


def _reserve(target: Path) -> Path:
    # VACUUM INTO accepts an empty file: creating it first with 0600 means the copy is never readable by
    # others, not even between VACUUM INTO and a chmod. O_EXCL: two upgrades in one second get two names.
    for number in range(1, 100):
        candidate = target if number == 1 else target.with_name(f"{target.stem}-{number}{target.suffix}")
        try:
            fd = os.open(candidate, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
        except FileExistsError:
            continue
        os.close(fd)
        return candidate
    raise FileExistsError(17, "too many copies with this name", str(target))


