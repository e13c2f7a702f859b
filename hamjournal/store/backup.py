"""Copies of the journal: rolling daily backups, on-demand backups and restore.

SQLite journals are copied with VACUUM INTO, which writes a consistent snapshot even while another
process is writing. A server journal (PostgreSQL) is backed up as a JSON export by the caller instead.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import os
import sqlite3
from pathlib import Path

from hamjournal.store.engine import SQLITE_HEADER
from hamjournal.store.errors import JournalError, JournalUnwritable, NotAJournal
from hamjournal.store.schema import APPLICATION, SCHEMA_VERSION

KEEP_DAILY_BACKUPS = 7
DAILY_PREFIX = "daily-"


def snapshot(journal: Path, target: Path) -> Path:
    """Write a consistent copy of the SQLite journal to `target` (readable by its owner only)."""
    target.parent.mkdir(parents=True, exist_ok=True, mode=0o700)
    if target.exists():
        raise JournalError(f"{target} exists already; a backup never overwrites a file")
    partial = target.with_name(target.name + ".partial")
    with contextlib.suppress(FileNotFoundError):
        partial.unlink()
    try:
        with contextlib.closing(sqlite3.connect(f"file:{journal}?mode=ro", uri=True, timeout=5)) as conn:
            conn.execute("VACUUM INTO ?", (str(partial),))
        os.chmod(partial, 0o600)
        _fsync(partial)
        os.replace(partial, target)
    except sqlite3.Error as error:
        with contextlib.suppress(FileNotFoundError):
            partial.unlink()
        raise _backup_error(error, journal, target) from error
    except OSError as error:
        with contextlib.suppress(FileNotFoundError):
            partial.unlink()
        raise JournalUnwritable(f"the backup {target} could not be written ({error.strerror})") from error
    return target


def daily_backup(journal: Path, folder: Path, today: dt.date) -> Path | None:
    """Make today's backup if there is none yet, and keep only the newest KEEP_DAILY_BACKUPS."""
    if not journal.exists() or journal.stat().st_size == 0:
        return None
    target = folder / f"{DAILY_PREFIX}{journal.stem}-{today.isoformat()}.db"
    made = None
    if not target.exists():
        made = snapshot(journal, target)
    prune(folder, journal.stem)
    return made


def prune(folder: Path, stem: str) -> list[Path]:
    """Delete daily backups of one journal beyond the newest KEEP_DAILY_BACKUPS; returns what went."""
    backups = sorted(folder.glob(f"{DAILY_PREFIX}{stem}-????-??-??.db"))
    gone = backups[:-KEEP_DAILY_BACKUPS] if len(backups) > KEEP_DAILY_BACKUPS else []
    for path in gone:
        path.unlink()
    return gone


def check_backup_file(path: Path) -> None:
    """Refuse a file that is not an intact hamjournal journal this version can read."""
    if not path.is_file():
        raise NotAJournal(f"{path} is not a file: give the path of a backup such as daily-journal-2026-11-24.db")
    with path.open("rb") as handle:
        if handle.read(len(SQLITE_HEADER)) != SQLITE_HEADER:
            raise NotAJournal(f"{path} is not a hamjournal backup (not an SQLite database); nothing was restored")
    try:
        with contextlib.closing(sqlite3.connect(f"file:{path}?mode=ro", uri=True)) as conn:
            check = conn.execute("PRAGMA quick_check").fetchone()[0]
            if check != "ok":
                raise NotAJournal(f"{path} is damaged ({check}); nothing was restored")
            rows = dict(conn.execute("SELECT key, value FROM hj_meta").fetchall())
    except sqlite3.Error as error:
        raise NotAJournal(f"{path} is not a hamjournal backup ({error}); nothing was restored") from error
    if rows.get("application") != APPLICATION:
        raise NotAJournal(f"{path} is not a hamjournal backup; nothing was restored")
    version = int(rows.get("schema_version", "0"))
    if version > SCHEMA_VERSION:
        raise NotAJournal(
            f"{path} was written by a newer hamjournal (version {version}); upgrade hamjournal to restore it"
        )


def restore(backup: Path, journal: Path, folder: Path, now: dt.datetime) -> Path | None:
    """Put `backup` in place of `journal`, keeping the current journal aside; returns where it went.

    The backup is checked first; the current journal is checkpointed and moved aside before the copy
    replaces it, so at every moment one complete journal exists on disk.
    """
    check_backup_file(backup)
    aside = None
    if journal.exists() and journal.stat().st_size > 0:
        aside = folder / f"{journal.stem}-before-restore-{now.strftime('%Y%m%d-%H%M%S')}.db"
        snapshot(journal, aside)
    staged = journal.with_name(journal.name + ".restoring")
    with contextlib.suppress(FileNotFoundError):
        staged.unlink()
    try:
        with (
            contextlib.closing(sqlite3.connect(f"file:{backup}?mode=ro", uri=True)) as source,
            contextlib.closing(sqlite3.connect(staged)) as dest,
        ):
            source.backup(dest)
        os.chmod(staged, 0o600)
        _fsync(staged)
        # A -wal file left from the old journal would be replayed onto the restored one: the aside copy
        # holds its content, so it goes.
        for suffix in ("-wal", "-shm"):
            with contextlib.suppress(FileNotFoundError):
                Path(str(journal) + suffix).unlink()
        os.replace(staged, journal)
    except (sqlite3.Error, OSError) as error:
        with contextlib.suppress(FileNotFoundError):
            staged.unlink()
        message = f"{journal} could not be restored ({error}); the current journal is unchanged"
        raise JournalUnwritable(message) from error
    return aside


def _fsync(path: Path) -> None:
    fd = os.open(path, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def _backup_error(error: sqlite3.Error, journal: Path, target: Path) -> JournalError:
    text = str(error).lower()
    if "full" in text:
        return JournalUnwritable(f"the disk is full: the backup {target} was not written; free some space")
    if "not a database" in text or "malformed" in text:
        return NotAJournal(f"{journal} is damaged ({error}); no backup was made")
    return JournalUnwritable(f"the backup of {journal} to {target} failed ({error})")
