"""What --db may point at, checked before anything opens it: a journal file (only a regular file, created
private, through symlinks too), or a database URL (quoted in messages with its secrets masked).

Split from engine.py, which opens, checks and migrates what these functions let through.
"""

from __future__ import annotations

import contextlib
import os
import stat
from pathlib import Path

from sqlalchemy import exc

from hamjournal.config import is_url, mask_url
from hamjournal.store.errors import BadLocation, JournalError, JournalUnwritable, NotAJournal

SQLITE_HEADER = b"SQLite format 3\x00"
SQLITE_HEADER_SIZE = 100
# Free space under which a "disk I/O error" is reported as a full disk: less than a few pages and a WAL frame.
DISK_FULL_BYTES = 64 * 1024


def make_private_dir(folder: Path) -> None:
    """Create `folder` and any missing parents readable by the owner only (mkdir's `mode` skips parents)."""
    missing = []
    for candidate in (folder, *folder.parents):
        if candidate.exists():
            break
        missing.append(candidate)
    for candidate in reversed(missing):
        with contextlib.suppress(FileExistsError):
            candidate.mkdir(mode=0o700)


def disk_full(label: str) -> bool:
    """True when the folder of the journal file `label` has (almost) no room left for a page."""
    if is_url(label):
        return False
    try:
        room = os.statvfs(Path(label).expanduser().parent)
    except OSError:
        return False
    return room.f_bavail * room.f_frsize < DISK_FULL_BYTES


def check_file(path: Path, create: bool) -> None:
    """Refuse what is not a journal file before SQLite opens it; create a new one with mode 0600.

    Only a regular file is opened: a FIFO would block the open forever and a device (`--db /dev/null`) makes
    SQLite fail with a baffling "disk I/O error". A new journal is created where a symlink points, so a
    dangling symlink gets a private file too (O_EXCL on the link itself would fail and leave SQLite to create
    the file with the umask's mode).
    """
    try:
        info = path.stat()  # follows symlinks: the file the journal would be
    except (FileNotFoundError, NotADirectoryError):  # creating it says why it cannot be
        info = None
    except OSError as error:
        raise JournalUnwritable(f"{path} cannot be read ({error.strerror}): check its permissions") from error
    if info is not None:
        _check_existing(path, info)
        return
    if not create:
        raise JournalError(f"{path} does not exist: run `hamjournal` once to create a journal, or check --db")
    target = path.resolve()  # through any symlink, dangling included
    try:
        make_private_dir(target.parent)
        # Health data: the journal is readable by its owner only (SQLite gives -wal/-shm the same mode).
        fd = os.open(target, os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_NOFOLLOW", 0), 0o600)
        os.close(fd)
    except FileExistsError:
        return
    except OSError as error:
        raise JournalUnwritable(
            f"{path} cannot be created ({error.strerror}): check the folder's permissions or point --db elsewhere"
        ) from error


def _check_existing(path: Path, info: os.stat_result) -> None:
    if stat.S_ISDIR(info.st_mode):
        raise NotAJournal(f"{path} is a folder, not a journal file: point --db at a file such as {path / 'journal.db'}")
    if not stat.S_ISREG(info.st_mode):
        kind = "a pipe (FIFO)" if stat.S_ISFIFO(info.st_mode) else "a device or socket"
        raise NotAJournal(
            f"{path} is {kind}, not a journal file. It was left untouched; point --db at a file such as ~/journal.db"
        )
    try:
        with path.open("rb") as handle:
            header = handle.read(SQLITE_HEADER_SIZE)
    except OSError as error:
        raise JournalUnwritable(f"{path} cannot be read ({error.strerror}): check its permissions") from error
    # An empty file holds nothing to lose: it is initialised like a new journal.
    if header and not header.startswith(SQLITE_HEADER):
        raise NotAJournal(
            f"{path} is not a hamjournal journal (it is not an SQLite database). It was left untouched; "
            "point --db at your journal or move this file away."
        )


def safe_url(location: str) -> str:
    """The URL as a label for messages and the header, its secrets masked; a malformed URL is BadLocation
    (exit 2), one line that quotes the URL masked too."""
    from sqlalchemy.engine import make_url

    label = mask_url(location)
    authority = location.partition("://")[2].partition("/")[0]
    if authority.count("@") > 1:
        raise BadLocation(
            f"'{label}' is not a database URL hamjournal can use: the user or password holds an unencoded '@'; "
            "write it as %40"
        )
    try:
        url = make_url(location)
        url.port  # noqa: B018  (parsed lazily by some versions: a bad port must fail here)
    except (exc.ArgumentError, ValueError, TypeError) as error:
        reason = "the port must be a number from 1 to 65535" if "port" in str(error).lower() or (
            isinstance(error, ValueError) and "int" in str(error)
        ) else "write it as postgresql+psycopg://USER:PASSWORD@HOST:PORT/DATABASE"
        raise BadLocation(f"'{label}' is not a database URL hamjournal can use: {reason}") from None
    if url.port is not None and not 1 <= url.port <= 65535:
        raise BadLocation(f"'{label}' is not a database URL hamjournal can use: the port must be from 1 to 65535")
    return label
