"""Copies of the journal: rolling daily backups, on-demand backups and restore.

SQLite journals are copied with VACUUM INTO, which writes a consistent snapshot even while another
process is writing. A server journal (PostgreSQL) is backed up as Journal JSON, one file per athlete in a
folder of its own, read in one snapshot; restoring one is `hamjournal --athlete NAME import --replace FILE`.
The server's own backups (pg_dump, base backups) remain the server's job.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import glob
import hashlib
import os
import re
import shutil
import sqlite3
import tempfile
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from hamjournal.store.engine import busy_timeout_ms, crash_point
from hamjournal.store.errors import JournalError, JournalUnwritable, NotAJournal
from hamjournal.store.locations import SQLITE_HEADER, make_private_dir
from hamjournal.store.schema import APPLICATION, SCHEMA_VERSION

if TYPE_CHECKING:
    from sqlalchemy import Engine

KEEP_DAILY_BACKUPS = 7
DAILY_PREFIX = "daily-"
RESTORING_SUFFIX = ".restoring"
PARTIAL_SUFFIX = ".partial"
STALE_PARTIAL_S = 3600


def snapshot(journal: Path, target: Path) -> Path:
    """Write a consistent copy of the SQLite journal to `target` (readable by its owner only).

    The copy is written beside the target under another name and renamed when complete, so a crash or a
    full disk never leaves a half backup under a backup's name.
    """
    if target.exists():
        raise JournalError(f"{target} exists already; a backup never overwrites a file")
    partial: Path | None = None
    try:
        make_private_dir(target.parent)
        # A name of its own (two hamjournals may back up at once), created 0600 by mkstemp: VACUUM INTO
        # accepts an empty file, so the copy is never readable by others.
        fd, name = tempfile.mkstemp(dir=target.parent, prefix=f".{target.name}.", suffix=PARTIAL_SUFFIX)
        os.close(fd)
        partial = Path(name)
        crash_point()
        with contextlib.closing(_connect_ro(journal)) as conn:
            conn.execute("VACUUM INTO ?", (str(partial),))
        crash_point()
        _fsync(partial)
        crash_point()
        _publish(partial, target)
        fsync_folder(target.parent)
    except FileExistsError as error:
        _discard(partial)
        raise JournalError(f"{target} exists already; a backup never overwrites a file") from error
    except sqlite3.Error as error:
        _discard(partial)
        raise _backup_error(error, journal, target) from error
    except OSError as error:
        _discard(partial)
        raise JournalUnwritable(f"the backup {target} could not be written ({error.strerror})") from error
    return target


def daily_backup(journal: Path, folder: Path, today: dt.date) -> Path | None:
    """Make today's backup if there is none yet, and keep only the newest KEEP_DAILY_BACKUPS."""
    if not journal.exists() or journal.stat().st_size == 0:
        return None
    stem = backup_stem(journal)
    target = folder / f"{DAILY_PREFIX}{stem}-{today.isoformat()}.db"
    if target.exists():
        # The common case after the first write of the day: one stat, nothing else.
        return None
    try:
        made = snapshot(journal, target)
    except JournalError:
        if target.exists():  # another hamjournal made today's backup at the same moment
            return None
        raise
    prune(folder, stem, legacy_stem=journal.stem)
    return made


def backup_stem(journal: Path) -> str:
    """The name a journal's backups carry: its file name and a digest of where it is ("journal-1a2b3c4d").

    Two journals with the same file name in different folders share one backup folder; named by the file
    name alone, one's daily backup stood for both and the other was never backed up.
    """
    where = hashlib.sha256(os.fsencode(journal.expanduser().resolve())).hexdigest()[:8]
    return f"{journal.stem}-{where}"


def server_stem(label: str) -> str:
    """A file-name-safe name for a server journal: its database name ("club"), else "server"."""
    from sqlalchemy.engine import make_url

    try:
        database = make_url(label).database or ""
    except Exception:  # a label that is no URL: the generic name will do
        database = ""
    return re.sub(r"[^A-Za-z0-9._-]+", "_", Path(database).stem).strip("._") or "server"


def server_backup(engine: Engine, label: str, target: Path) -> Path:
    """Write every athlete's Journal JSON into the new folder `target` (0700, files 0600), all at once.

    The files are written into a hidden folder beside `target`, which is renamed when complete, so a crash
    never leaves half a backup under a backup's name.
    """
    from hamjournal.domain.formats.journal_json import dumps_journal
    from hamjournal.store.copy import read_all

    if target.exists():
        raise JournalError(f"{target} exists already; a backup never overwrites anything")
    athletes = read_all(engine, label)
    partial: Path | None = None
    try:
        make_private_dir(target.parent)
        partial = Path(tempfile.mkdtemp(dir=target.parent, prefix=f".{target.name}.", suffix=PARTIAL_SUFFIX))
        for number, athlete in enumerate(athletes, 1):
            safe = re.sub(r"[^A-Za-z0-9._-]+", "_", athlete.name).strip("._") or "athlete"
            path = partial / f"{number:02d}-{safe}.json"
            fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
            with os.fdopen(fd, "w", encoding="utf-8") as handle:
                handle.write(dumps_journal(athlete.journal) + "\n")
                handle.flush()
                os.fsync(handle.fileno())
        if target.exists():
            raise FileExistsError(17, "exists already", str(target))
        os.rename(partial, target)
        partial = None
        fsync_folder(target.parent)
    except FileExistsError as error:
        raise JournalError(f"{target} exists already; a backup never overwrites anything") from error
    except OSError as error:
        raise JournalUnwritable(f"the backup {target} could not be written ({error.strerror})") from error
    finally:
        if partial is not None:
            shutil.rmtree(partial, ignore_errors=True)
    return target


def daily_server_backup(engine: Engine, label: str, folder: Path, today: dt.date) -> Path | None:
    """Today's JSON backup of a server journal if there is none yet; keeps the newest KEEP_DAILY_BACKUPS."""
    stem = server_stem(label)
    target = folder / f"{DAILY_PREFIX}{stem}-{today.isoformat()}"
    if target.exists():
        return None
    try:
        made = server_backup(engine, label, target)
    except JournalError:
        if target.exists():  # another hamjournal made today's backup at the same moment
            return None
        raise
    backups = sorted(p for p in folder.glob(f"{DAILY_PREFIX}{glob.escape(stem)}-????-??-??") if p.is_dir())
    for old in backups[:-KEEP_DAILY_BACKUPS]:
        shutil.rmtree(old, ignore_errors=True)
    return made


def prune(folder: Path, stem: str, legacy_stem: str | None = None) -> list[Path]:
    """Delete daily backups of one journal beyond the newest KEEP_DAILY_BACKUPS; returns what went.

    `legacy_stem` is the journal's file name alone, which daily backups carried before backup_stem added where
    the journal is ("daily-journal-2026-11-24.db"). Nothing makes such backups any more, so nothing would ever
    prune them: once KEEP_DAILY_BACKUPS backups under the new name exist, the old-named ones dated before the
    oldest of those go too.
    """
    # ISO dates sort by name; the stem is escaped so a journal called "runs[1]" matches only its own.
    backups = sorted(folder.glob(f"{DAILY_PREFIX}{glob.escape(stem)}-????-??-??.db"))
    gone = backups[:-KEEP_DAILY_BACKUPS] if len(backups) > KEEP_DAILY_BACKUPS else []
    kept = backups[len(gone):]
    if legacy_stem is not None and len(kept) >= KEEP_DAILY_BACKUPS:
        oldest_kept = kept[0].name[-len("YYYY-MM-DD.db"):]
        legacy = folder.glob(f"{DAILY_PREFIX}{glob.escape(legacy_stem)}-????-??-??.db")
        gone += sorted(path for path in legacy if path.name[-len("YYYY-MM-DD.db"):] < oldest_kept)
    for path in gone:
        path.unlink()
    # Copies a crash interrupted: never a backup, but health data all the same.
    stale = dt.datetime.now().timestamp() - STALE_PARTIAL_S
    for path in folder.glob(f".*{PARTIAL_SUFFIX}"):
        with contextlib.suppress(OSError):
            if path.stat().st_mtime < stale:
                path.unlink()
    return gone


def check_backup_file(path: Path) -> None:
    """Refuse a file that is not an intact hamjournal journal this version can read."""
    if not path.is_file():
        raise NotAJournal(
            f"{path} is not a file: give the path of a backup such as daily-journal-1a2b3c4d-2026-11-24.db"
        )
    with path.open("rb") as handle:
        if handle.read(len(SQLITE_HEADER)) != SQLITE_HEADER:
            raise NotAJournal(f"{path} is not a hamjournal backup (not an SQLite database); nothing was restored")
    try:
        with contextlib.closing(_connect_ro(path)) as conn:
            check = conn.execute("PRAGMA quick_check").fetchone()[0]
            if check != "ok":
                raise NotAJournal(f"{path} is damaged ({check}); nothing was restored")
            rows = dict(conn.execute("SELECT key, value FROM hj_meta").fetchall())
            user_version = conn.execute("PRAGMA user_version").fetchone()[0]
    except sqlite3.Error as error:
        raise NotAJournal(f"{path} is not a hamjournal backup ({error}); nothing was restored") from error
    if rows.get("application") != APPLICATION:
        raise NotAJournal(f"{path} is not a hamjournal backup; nothing was restored")
    try:
        version = max(int(rows.get("schema_version", "0")), user_version or 0)
    except ValueError:
        raise NotAJournal(f"{path} has a damaged version number; nothing was restored") from None
    if version > SCHEMA_VERSION:
        raise NotAJournal(
            f"{path} was written by a newer hamjournal (version {version}); upgrade hamjournal to restore it"
        )


def restore(
    backup: Path, journal: Path, folder: Path, now: dt.datetime, warn: Callable[[str], None] | None = None
) -> Path | None:
    """Put `backup` in place of `journal`, keeping the current journal aside; returns where it went.

    Each step leaves one whole journal under the journal's name, whatever kills the process between two:
    1. the backup is checked (a bad one changes nothing) and leftovers of a killed restore are removed;
    2. the current journal is checkpointed, so nothing committed lives only in its -wal file, and copied aside;
    3. the backup is copied beside the journal (".restoring", 0600) and flushed to disk;
    4. that copy is renamed over the journal (atomic), and the folder flushed;
    5. only then the old -wal / -shm files go: they belong to the replaced file (the checkpoint emptied them).
    A crash before 4 leaves the old journal with its -wal untouched; after 4, the restored one. `warn` is told
    when the journal looks open in another program (an app reopens a replaced journal before its next save).
    """
    if journal.exists() and _same_file(backup, journal):
        raise JournalError(f"{backup} is the journal itself: give the path of a backup to restore")
    check_backup_file(backup)
    staged = journal.with_name(journal.name + RESTORING_SUFFIX)
    _remove(staged)  # left by a restore that was killed: never a journal of record
    aside = None
    if journal.exists() and journal.stat().st_size > 0:
        if not _checkpoint(journal) and warn is not None:
            warn(
                f"{journal} looks open in another program (a hamjournal app?): it reopens the restored journal "
                "before its next save; anything it saves meanwhile is in the copy kept aside"
            )
        crash_point()
        aside = _unused(folder / f"{backup_stem(journal)}-before-restore-{now.strftime('%Y%m%d-%H%M%S')}.db")
        _set_aside(journal, aside)
        crash_point()
    try:
        # Created 0600 before SQLite writes to it: the restored journal is never readable by others.
        os.close(os.open(staged, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600))
        crash_point()
        with (
            contextlib.closing(_connect_ro(backup)) as source,
            contextlib.closing(sqlite3.connect(staged)) as dest,
        ):
            source.backup(dest)
        crash_point()
        _fsync(staged)
        crash_point()
        os.replace(staged, journal)
        fsync_folder(journal.parent)
        crash_point()
        for suffix in ("-wal", "-shm"):
            _remove(Path(str(journal) + suffix))
            crash_point()
    except (sqlite3.Error, OSError) as error:
        _remove(staged)
        kept = f"; the journal as it was is kept at {aside}" if aside else ""
        raise JournalUnwritable(f"{journal} could not be restored from {backup} ({error}){kept}") from error
    return aside


def _checkpoint(journal: Path) -> bool:
    """Move the journal's -wal into the file itself; False when another program has it open (or it is damaged).

    Open elsewhere: the connection here is then not the last one, and SQLite leaves the -wal / -shm in place
    when it closes.
    """
    try:
        with contextlib.closing(sqlite3.connect(journal, timeout=busy_timeout_ms() / 1000)) as conn:
            busy = conn.execute("PRAGMA wal_checkpoint(TRUNCATE)").fetchone()[0]
    except sqlite3.Error:
        return True  # damaged: _set_aside keeps its bytes and its -wal as they are
    return not busy and not Path(str(journal) + "-shm").exists()


def _unused(path: Path) -> Path:
    """`path`, or "NAME-2.db", "NAME-3.db", ... if taken (a restore killed and run again in the same second)."""
    number = 1
    candidate = path
    while candidate.exists():
        number += 1
        candidate = path.with_name(f"{path.stem}-{number}{path.suffix}")
    return candidate


def _remove(path: Path) -> None:
    with contextlib.suppress(FileNotFoundError):
        path.unlink()


def _publish(partial: Path, target: Path) -> None:
    """Give the finished copy its name without ever replacing a file (FileExistsError if one appeared)."""
    try:
        os.link(partial, target)
    except FileExistsError:
        raise
    except OSError:
        # No hard links on this file system (FAT, some network shares): check, then rename.
        if target.exists():
            raise FileExistsError(17, "exists already", str(target)) from None
        os.replace(partial, target)
        return
    crash_point()
    partial.unlink()


def _discard(partial: Path | None) -> None:
    if partial is not None:
        with contextlib.suppress(FileNotFoundError):
            partial.unlink()


def _set_aside(journal: Path, aside: Path) -> None:
    """Keep the current journal: a consistent snapshot, or for a damaged file, the raw bytes (and its -wal).

    A runner restores most often because the journal is damaged, and a damaged file cannot be snapshotted;
    its bytes are still kept, never thrown away.
    """
    try:
        snapshot(journal, aside)
        return
    except JournalError:
        # SQLite cannot read it (damaged, or not a database at all): keep the bytes instead.
        pass
    try:
        make_private_dir(aside.parent)
        for suffix in ("", "-wal"):
            source = Path(str(journal) + suffix)
            if source.exists():
                copy = Path(str(aside) + suffix)
                os.close(os.open(copy, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600))
                shutil.copyfile(source, copy)
                _fsync(copy)
    except OSError as error:
        raise JournalUnwritable(
            f"{journal} could not be kept aside in {aside} ({error.strerror}); nothing was restored"
        ) from error


def _same_file(one: Path, other: Path) -> bool:
    try:
        return os.path.samefile(one, other)
    except OSError:
        return False


def _connect_ro(path: Path) -> sqlite3.Connection:
    # Read-only, so a copy or a check can never change the file it reads.
    # as_uri escapes "?" and "#" in the path, which would otherwise end the file name.
    return sqlite3.connect(f"{path.absolute().as_uri()}?mode=ro", uri=True, timeout=busy_timeout_ms() / 1000)


def fsync_folder(folder: Path) -> None:
    """Flush `folder`'s entries to disk, after a file in it was renamed into place (export uses it too)."""
    # A rename is durable only once the folder entry is on disk; some systems cannot open folders.
    with contextlib.suppress(OSError):
        fd = os.open(folder, os.O_RDONLY)
        try:
            os.fsync(fd)
        finally:
            os.close(fd)


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
