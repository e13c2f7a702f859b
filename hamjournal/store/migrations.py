"""Ordered schema migrations: MIGRATIONS[n] takes a journal from version n-1 to n in one transaction.

Never edit a released migration; add the next one and keep a journal of every older version in
tests/data so the upgrade path is tested.
"""

from __future__ import annotations

from collections.abc import Callable

from sqlalchemy import Connection, inspect
from sqlalchemy.schema import CreateColumn

from hamjournal.store import schema


def _v1_create(conn: Connection) -> None:
    # Creates today's tables, so a new journal already has the columns later migrations add (they check).
    schema.metadata.create_all(conn)


# Version 2, runs from the watch: a run's start time, average heart rate and source file; the profile's
# watch folder. All nullable (or with a default), so every existing row stays valid.
V2_COLUMNS = (
    (schema.runs, ("start_time", "avg_hr", "source", "source_digest")),
    (schema.profiles, ("watch_folder",)),
)


def _v2_watch_runs(conn: Connection) -> None:
    inspector = inspect(conn)
    for table, names in V2_COLUMNS:
        present = {column["name"] for column in inspector.get_columns(table.name)}
        for name in names:
            if name in present:
                continue
            column = table.c[name]
            ddl = CreateColumn(column).compile(dialect=conn.dialect)
            # A NOT NULL column added to rows that exist needs a default for them.
            default = " DEFAULT ''" if not column.nullable else ""
            conn.exec_driver_sql(f"ALTER TABLE {table.name} ADD COLUMN {str(ddl).strip()}{default}")


MIGRATIONS: dict[int, Callable[[Connection], None]] = {1: _v1_create, 2: _v2_watch_runs}
