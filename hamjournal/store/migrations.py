"""Ordered schema migrations: MIGRATIONS[n] takes a journal from version n-1 to n in one transaction.

Never edit a released migration; add the next one and keep a journal of every older version in
tests/data so the upgrade path is tested.
"""

from __future__ import annotations

from collections.abc import Callable

from sqlalchemy import Connection

from hamjournal.store import schema


def _v1_create(conn: Connection) -> None:
    schema.metadata.create_all(conn)


MIGRATIONS: dict[int, Callable[[Connection], None]] = {1: _v1_create}
