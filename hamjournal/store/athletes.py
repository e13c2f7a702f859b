"""A journal's athletes: listing, adding and renaming them, and finding the one a Store is opened for.

A journal holds one athlete (the runner's own) or a squad; every record hangs on the athlete's id, not the name.
"""

from __future__ import annotations

from sqlalchemy import Engine, insert, select, update

from hamjournal.store import schema
from hamjournal.store.engine import DEFAULT_ATHLETE, inserted_id, lock_for_write, translate_errors
from hamjournal.store.errors import AthleteNotChosen, UnknownAthlete

# The longest athlete name (the column's size).
MAX_ATHLETE_NAME = 100


def athletes(engine: Engine, label: str) -> list[tuple[int, str]]:
    """Every athlete in the journal as (id, name), in the order they were added."""
    table = schema.athletes
    with translate_errors(label), engine.connect() as conn:
        return [(r.id, r.name) for r in conn.execute(select(table.c.id, table.c.name).order_by(table.c.id))]


def check_athlete_name(name: str) -> str:
    """The name as stored (trimmed), or InvalidInput saying what a name may be."""
    from hamjournal.domain.errors import InvalidInput

    clean = name.strip()
    if not clean or len(clean) > MAX_ATHLETE_NAME or not clean.isprintable():
        raise InvalidInput(
            f"athlete name '{name}' is not allowed: use 1 to {MAX_ATHLETE_NAME} printable characters, e.g. alice",
            "athlete",
        )
    return clean


def add_athlete(engine: Engine, label: str, name: str) -> int:
    """Add an athlete (with the default profile until onboarding or an import); returns the new id."""
    from hamjournal.domain.errors import InvalidInput

    clean = check_athlete_name(name)
    table = schema.athletes
    with translate_errors(label), engine.begin() as conn:
        lock_for_write(conn)
        if conn.execute(select(table.c.id).where(table.c.name == clean)).first() is not None:
            raise InvalidInput(f"athlete '{clean}' is in {label} already; nothing was added", "athlete")
        return inserted_id(conn.execute(insert(table).values(name=clean)))


def rename_athlete(engine: Engine, label: str, old: str, new: str) -> None:
    """Give an athlete another name (their records stay theirs: they hang on the id, not the name)."""
    from hamjournal.domain.errors import InvalidInput

    clean = check_athlete_name(new)
    table = schema.athletes
    with translate_errors(label), engine.begin() as conn:
        lock_for_write(conn)
        names = [r.name for r in conn.execute(select(table.c.name).order_by(table.c.id))]
        if old not in names:
            raise UnknownAthlete(f"athlete '{old}' is not in {label}: the athletes are {', '.join(names)}")
        if clean in names and clean != old:
            raise InvalidInput(f"athlete '{clean}' is in {label} already; nothing was renamed", "athlete")
        conn.execute(update(table).where(table.c.name == old).values(name=clean))


def resolve_athlete(engine: Engine, name: str | None, label: str) -> tuple[int, str]:
    """The athlete a journal is opened for, as (id, name): the one named, or its only one (made on first use)."""
    rows = athletes(engine, label)
    if name is None:
        if len(rows) == 1:
            return rows[0]
        if not rows:
            return _first_athlete(engine, label)
        raise AthleteNotChosen(
            f"{label} holds several athletes ({', '.join(n for _, n in rows)}): choose one with --athlete NAME",
            [n for _, n in rows],
        )
    for row in rows:
        if row[1] == name:
            return row
    names = ", ".join(n for _, n in rows) or "none yet (add one with `hamjournal athletes add NAME`)"
    raise UnknownAthlete(f"athlete '{name}' is not in {label}: the athletes are {names}")


def _first_athlete(engine: Engine, label: str) -> tuple[int, str]:
    """The runner's own journal gets its one athlete on first use; two first starts at once make one."""
    table = schema.athletes
    with translate_errors(label), engine.begin() as conn:
        lock_for_write(conn)
        row = conn.execute(select(table.c.id, table.c.name).order_by(table.c.id)).first()
        if row is not None:
            return row.id, row.name
        return inserted_id(conn.execute(insert(table).values(name=DEFAULT_ATHLETE))), DEFAULT_ATHLETE
