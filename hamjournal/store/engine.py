"""Opening a journal: file checks, pragmas, identity, schema version and migrations.

A file that is not a hamjournal journal, is damaged, or is newer than this code is refused with a message
that names it; it is never overwritten or "repaired" silently.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import os
import sqlite3
from collections.abc import Iterator
from pathlib import Path

from sqlalchemy import Engine, create_engine, event, exc, insert, select, text

from hamjournal.config import backup_dir, is_url
from hamjournal.store import schema
from hamjournal.store.errors import JournalBusy, JournalError, JournalTooNew, JournalUnwritable, NotAJournal
from hamjournal.store.migrations import MIGRATIONS

SQLITE_HEADER = b"SQLite format 3\x00"
BUSY_TIMEOUT_MS = 5000
DEFAULT_ATHLETE = "me"


def open_engine(location: str, create: bool = True) -> tuple[Engine, str]:
    """Open (and if needed create or migrate) the journal at a path or SQLAlchemy URL.

    Returns the engine and a label (the file, or the URL without its password) for messages.
    """
    if is_url(location):
        engine = create_engine(location, pool_pre_ping=True)
        label = _safe_url(location)
    else:
        path = Path(location).expanduser()
        _check_file(path, create)
        engine = create_engine(f"sqlite:///{path}", connect_args={"timeout": BUSY_TIMEOUT_MS / 1000})
        event.listen(engine, "connect", _sqlite_pragmas)
        label = str(path)
    try:
        with translate_errors(label):
            _prepare(engine, label)
    except BaseException:
        engine.dispose()
        raise
    return engine, label


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
    if "locked" in text_ or "busy" in text_:
        return JournalBusy(
            f"{label} is busy: another hamjournal is writing to it. Nothing was changed; try again in a moment."
        )
    if "full" in text_:
        return JournalUnwritable(f"{label}: the disk is full. Nothing was changed; free some space and try again.")
    if "readonly" in text_ or "read-only" in text_ or "unable to open" in text_ or "permission" in text_:
        return JournalUnwritable(
            f"{label} cannot be written (read-only file or folder). Nothing was changed; "
            "check the permissions or point --db at a writable place."
        )
    if "not a database" in text_ or "malformed" in text_ or "corrupt" in text_:
        return NotAJournal(
            f"{label} is damaged or is not a hamjournal journal ({error}). It was left untouched; "
            "restore a backup with `hamjournal restore FILE` or point --db at another file."
        )
    return JournalError(f"{label}: the journal could not be used ({error}). Nothing was changed.")


def _check_file(path: Path, create: bool) -> None:
    if path.is_dir():
        raise NotAJournal(f"{path} is a folder, not a journal file: point --db at a file such as {path / 'journal.db'}")
    if path.exists():
        try:
            with path.open("rb") as handle:
                header = handle.read(len(SQLITE_HEADER))
        except OSError as error:
            raise JournalUnwritable(f"{path} cannot be read ({error.strerror}): check its permissions") from error
        # An empty file holds nothing to lose: it is initialised like a new journal.
        if header and header != SQLITE_HEADER:
            raise NotAJournal(
                f"{path} is not a hamjournal journal (it is not an SQLite database). It was left untouched; "
                "point --db at your journal or move this file away."
            )
        return
    if not create:
        raise JournalError(f"{path} does not exist: run `hamjournal` once to create a journal, or check --db")
    try:
        path.parent.mkdir(parents=True, exist_ok=True, mode=0o700)
        # Health data: the journal is readable by its owner only (SQLite gives -wal/-shm the same mode).
        fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
        os.close(fd)
    except FileExistsError:
        return
    except OSError as error:
        raise JournalUnwritable(
            f"{path} cannot be created ({error.strerror}): check the folder's permissions or point --db elsewhere"
        ) from error


def _sqlite_pragmas(dbapi_connection: sqlite3.Connection, _record: object) -> None:
    cursor = dbapi_connection.cursor()
    try:
        cursor.execute("PRAGMA foreign_keys=ON")
        cursor.execute(f"PRAGMA busy_timeout={BUSY_TIMEOUT_MS}")
        cursor.execute("PRAGMA synchronous=FULL")
    finally:
        cursor.close()


def _prepare(engine: Engine, label: str) -> None:
    with engine.connect() as conn:
        version, has_tables = _read_version(conn, engine, label)
    if version > schema.SCHEMA_VERSION:
        raise JournalTooNew(
            f"{label} was written by a newer hamjournal (journal version {version}, this program knows up to "
            f"{schema.SCHEMA_VERSION}). It was left untouched; upgrade hamjournal to open it."
        )
    if engine.dialect.name == "sqlite":
        # WAL is a property of the file, set once and only after the file is known to be ours: setting it
        # on a foreign database would rewrite its header before we refuse it.
        with engine.connect() as conn:
            with contextlib.suppress(exc.OperationalError):
                conn.exec_driver_sql("PRAGMA journal_mode=WAL")
            conn.commit()
    if version < schema.SCHEMA_VERSION:
        if has_tables:
            _backup_before_migration(engine, label, version)
        _migrate(engine, version)


def _read_version(conn, engine: Engine, label: str) -> tuple[int, bool]:  # type: ignore[no-untyped-def]
    sqlite = engine.dialect.name == "sqlite"
    if sqlite:
        tables = [row[0] for row in conn.execute(text("SELECT name FROM sqlite_master WHERE type='table'"))]
        user_version = conn.execute(text("PRAGMA user_version")).scalar_one()
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
    version = int(rows.get("schema_version", user_version or 0))
    return version, True


def _migrate(engine: Engine, from_version: int) -> None:
    for target in range(from_version + 1, schema.SCHEMA_VERSION + 1):
        # Each migration is one transaction: a crash leaves the journal at the last finished version.
        with engine.begin() as conn:
            MIGRATIONS[target](conn)
            _set_version(conn, engine, target)


def _set_version(conn, engine: Engine, version: int) -> None:  # type: ignore[no-untyped-def]
    values = {"application": schema.APPLICATION, "schema_version": str(version)}
    for key, value in values.items():
        updated = conn.execute(schema.meta.update().where(schema.meta.c.key == key).values(value=value)).rowcount
        if not updated:
            conn.execute(insert(schema.meta).values(key=key, value=value))
    if engine.dialect.name == "sqlite":
        conn.execute(text(f"PRAGMA user_version={int(version)}"))
        conn.execute(text(f"PRAGMA application_id={schema.SQLITE_APPLICATION_ID}"))
    if conn.execute(select(schema.athletes.c.id)).first() is None:
        conn.execute(insert(schema.athletes).values(name=DEFAULT_ATHLETE))


def _backup_before_migration(engine: Engine, label: str, version: int) -> Path | None:
    if engine.dialect.name != "sqlite":
        return None
    folder = backup_dir()
    folder.mkdir(parents=True, exist_ok=True, mode=0o700)
    stamp = dt.datetime.now().strftime("%Y%m%d-%H%M%S")
    target = folder / f"{Path(label).stem}-v{version}-before-migration-{stamp}.db"
    fd = os.open(target, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    os.close(fd)
    target.unlink()  # VACUUM INTO wants to create the file itself; the name is now reserved for us.
    with engine.connect() as conn:
        conn.exec_driver_sql("VACUUM INTO ?", (str(target),))
    os.chmod(target, 0o600)
    return target


def _safe_url(location: str) -> str:
    from sqlalchemy.engine import make_url

    try:
        return make_url(location).render_as_string(hide_password=True)
    except exc.ArgumentError as error:
        raise JournalError(f"'{location}' is not a database URL or file path ({error})") from error
