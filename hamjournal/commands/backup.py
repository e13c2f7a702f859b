"""`backup` and `restore`, and the rolling daily backup made after a write command.

Backups are consistent SQLite copies (VACUUM INTO), readable by their owner only. A restore checks the
backup first, keeps the current journal aside, and only then puts the backup in its place. A journal on a
database server is backed up as Journal JSON, one file per athlete in a folder; the server's own backups are
the server's job.
"""

from __future__ import annotations

import argparse
import datetime as dt
import sys
from pathlib import Path

from hamjournal import config
from hamjournal.commands import CommandFailed, open_service

SERVER_HINT = (
    "for a server database restore one athlete with `hamjournal --athlete NAME import --replace FILE` from a "
    "`hamjournal backup` folder, or use the server's own backups"
)


def backup(args: argparse.Namespace) -> int:
    """Write a snapshot of the journal now: to -o FILE, or into the backups folder with a timestamp."""
    from hamjournal.store import backup as backups

    location = config.journal_location(getattr(args, "db", None))
    if config.is_url(location):
        return _server_backup(location, args.output)
    journal = Path(location).expanduser()
    # Opening checks the file is a journal this version reads (and names it in the message when not).
    open_service(args, create=False).close()
    if args.output:
        target = Path(args.output).expanduser()
    else:
        stamp = dt.datetime.now().strftime("%Y%m%d-%H%M%S")
        target = config.backup_dir() / f"{journal.stem}-{stamp}.db"
    backups.snapshot(journal, target)
    print(f"Backed up {journal} to {target}.")
    return 0


def _server_backup(location: str, output: str | None) -> int:
    """A server journal: every athlete's Journal JSON into a new folder (backups/NAME-STAMP, or -o FOLDER)."""
    from hamjournal.store import backup as backups
    from hamjournal.store.engine import open_engine

    engine, label = open_engine(location, create=False)
    try:
        if output:
            target = Path(output).expanduser()
        else:
            stamp = dt.datetime.now().strftime("%Y%m%d-%H%M%S")
            target = config.backup_dir() / f"{backups.server_stem(label)}-{stamp}"
        backups.server_backup(engine, label, target)
    finally:
        engine.dispose()
    count = len(list(target.glob("*.json")))
    print(
        f"Backed up {count} athlete{'s' if count != 1 else ''} of {label} to {target} (one Journal JSON file each; "
        "restore one with `hamjournal --athlete NAME import --replace FILE`)."
    )
    return 0


def restore(args: argparse.Namespace) -> int:
    """Put a backup in place of the journal, keeping the current one aside; print where it went."""
    from hamjournal.store import backup as backups

    location = config.journal_location(getattr(args, "db", None))
    if config.is_url(location):
        raise CommandFailed(f"`hamjournal restore` restores journal files; {SERVER_HINT}")
    journal = Path(location).expanduser()
    source = Path(args.file).expanduser()
    aside = backups.restore(
        source,
        journal,
        config.backup_dir(),
        dt.datetime.now(),
        warn=lambda line: print(f"hamjournal: warning: {line}", file=sys.stderr),
    )
    where = f"the journal as it was is kept at {aside}" if aside else "there was no journal before"
    print(f"Restored {journal} from {source}; {where}.")
    return 0


def after_write(args: argparse.Namespace) -> None:
    """Today's rolling backup, made after a successful write command; a failure is a warning, not an error.

    Cheap once today's backup exists (one stat), so every write command can call it.
    """
    from hamjournal.store import backup as backups
    from hamjournal.store.errors import JournalError

    try:
        location = config.journal_location(getattr(args, "db", None))
        if config.is_url(location):
            _daily_server_backup(location)
            return
        backups.daily_backup(Path(location).expanduser(), config.backup_dir(), config.today())
    except (JournalError, OSError) as error:
        # The entry is saved (exit 0); stdout keeps its one confirmation line for scripts.
        print(f"hamjournal: warning: today's backup was not made: {error}", file=sys.stderr)


def _daily_server_backup(location: str) -> None:
    from hamjournal.store import backup as backups
    from hamjournal.store.engine import open_engine

    folder, today = config.backup_dir(), config.today()
    engine, label = open_engine(location, create=False)
    try:
        backups.daily_server_backup(engine, label, folder, today)
    finally:
        engine.dispose()
