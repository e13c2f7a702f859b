"""Noticing writes made elsewhere, and a journal file replaced under an open app (a restore).

The app polls `JournalWatch.poll` in a worker thread about once a second (see HamJournalApp): it costs one
`PRAGMA data_version` on SQLite (a counter SQLite bumps when another connection commits; no table is read)
or one primary-key read of hj_meta's "changes" counter on PostgreSQL (bumped by every write transaction, see
engine.lock_for_write). A file replaced under the journal's name (`hamjournal restore`, a copy from a backup)
has another identity (device, inode): the store then reopens the journal by name before its next read or
write, so nothing is saved into the replaced file, where it would vanish.
"""

from __future__ import annotations

import os
import sqlite3
import threading
from pathlib import Path
from typing import TYPE_CHECKING

from sqlalchemy import select
from sqlalchemy.exc import SQLAlchemyError

from hamjournal.config import is_url
from hamjournal.store import schema
from hamjournal.store.athletes import resolve_athlete
from hamjournal.store.engine import open_engine

if TYPE_CHECKING:
    from hamjournal.store.repo import Store

SAME, CHANGED, REPLACED = "same", "changed", "replaced"
CHANGES_KEY = "changes"


def file_identity(label: str) -> tuple[int, int] | None:
    """(device, inode) of the journal file, None for a server journal or a file that is not there."""
    if is_url(label):
        return None
    try:
        info = os.stat(label)
    except OSError:
        return None
    return info.st_dev, info.st_ino


def reopen_if_replaced(store: Store) -> bool:
    """Reopen `store`'s journal by name if its file was replaced since it was opened; True if it was.

    The new file is checked (a journal, its version, migrated if older) as any journal being opened, then
    the store's connections are closed, so the next ones open the file now under the name.
    """
    if store.identity is None:
        return False
    now = file_identity(store.label)
    if now is None or now == store.identity:
        return False
    with store.reopen_lock:
        if file_identity(store.label) == store.identity:
            return False  # another thread reopened it meanwhile
        engine, label = open_engine(store.label, create=False)
        try:
            athlete_id, name = resolve_athlete(engine, store.athlete_name, label)
        finally:
            engine.dispose()
        store.engine.dispose()
        store.athlete_id, store.athlete_name, store.identity = athlete_id, name, now
        store.changes += 1  # what was derived from the old file (the advice) is stale
    return True


class JournalWatch:
    """Tells whether the journal changed (or was replaced) since the last look."""

    def __init__(self, store: Store) -> None:
        self.store = store
        self._conn: sqlite3.Connection | None = None
        # The baseline: a write made elsewhere after this point is one the first poll reports.
        try:
            self._last: object = self._token()
        except (sqlite3.Error, SQLAlchemyError):
            self._last = None

    def poll(self) -> str:
        """SAME, CHANGED (another program wrote) or REPLACED (the file was swapped and has been reopened)."""
        if reopen_if_replaced(self.store):
            self.close()
            self._last = self._token()
            return REPLACED
        token = self._token()
        if self._last is None or token == self._last:
            self._last = token
            return SAME
        self._last = token
        self.store.changes += 1  # the advice and anything cached on the write count is read again
        return CHANGED

    def close(self) -> None:
        """Close the watching connection (a new one is opened by the next poll)."""
        if self._conn is not None:
            self._conn.close()
            self._conn = None

    def _token(self) -> object:
        if self.store.engine.dialect.name == "sqlite":
            if self._conn is None:
                # Its own read-only connection: data_version counts commits by *other* connections, and
                # must be asked on the same connection each time.
                uri = Path(self.store.label).resolve().as_uri() + "?mode=ro"
                self._conn = sqlite3.connect(uri, uri=True, check_same_thread=False)
            return self._conn.execute("PRAGMA data_version").fetchone()[0]
        with self.store.engine.connect() as conn:
            return conn.execute(select(schema.meta.c.value).where(schema.meta.c.key == CHANGES_KEY)).scalar()


def new_lock() -> threading.Lock:
    """The lock a Store holds while reopening a replaced file."""
    return threading.Lock()
