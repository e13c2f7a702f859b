"""Moving a whole journal (every athlete, profile and record) between files and servers, all or nothing.

The copy is written in one transaction on the target, then read back on that same transaction and compared,
athlete by athlete, with the source as Journal JSON; only when every export matches is it committed. A target
that already holds a journal is refused unless the caller asks to replace it.
"""

from __future__ import annotations

import contextlib
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from sqlalchemy import Connection, Engine, Table, delete, func, insert, select

from hamjournal.config import is_url
from hamjournal.domain.formats.journal_json import dumps_journal
from hamjournal.domain.models import Journal
from hamjournal.store import convert, schema
from hamjournal.store.engine import inserted_id, lock_for_write, open_engine, translate_errors
from hamjournal.store.errors import JournalError
from hamjournal.store.repo import Store

# What a journal holds besides its athletes' names; children first, so deleting in this order never trips a
# foreign key (SQLite would cascade, but only with its pragma on).
RECORD_TABLES = (
    schema.session_sets,
    schema.sessions,
    schema.symptoms,
    schema.runs,
    schema.assessments,
    schema.plan_items,
    schema.injuries,
    schema.races,
    schema.profiles,
)


@dataclass(frozen=True)
class AthleteJournal:
    """One athlete's whole journal, with what Journal JSON leaves out (the name, whether they were onboarded)."""

    name: str
    has_profile: bool
    onboarded: bool
    journal: Journal

    def fingerprint(self) -> tuple[str, bool, bool, str]:
        """What must be equal in source and copy: the name, the flags and the exported JSON text."""
        return self.name, self.has_profile, self.onboarded, dumps_journal(self.journal)

    def describe(self) -> str:
        """ "alice: 120 sessions, 80 check-ins, 60 runs, 4 assessments, 30 plan items"."""
        j = self.journal
        return (
            f"{self.name}: {len(j.sessions)} sessions, {len(j.symptoms)} check-ins, {len(j.runs)} runs, "
            f"{len(j.assessments)} assessments, {len(j.plan)} plan items"
        )


@dataclass(frozen=True)
class CopySummary:
    """What was copied, from where to where."""

    source: str
    target: str
    athletes: tuple[AthleteJournal, ...]

    def describe(self) -> str:
        """One line for the terminal."""
        who = "; ".join(a.describe() for a in self.athletes) or "no athletes"
        count = len(self.athletes)
        return (
            f"Copied {count} athlete{'s' if count != 1 else ''} ({who}) from {self.source} to {self.target}; "
            "the target's export matches the source's for every athlete."
        )


def read_all(engine: Engine, label: str) -> list[AthleteJournal]:
    """Every athlete's journal, read in one transaction so a writer elsewhere cannot make it inconsistent."""
    with translate_errors(label), _snapshot(engine) as conn:
        return read_all_with(conn, engine, label)


def read_all_with(conn: Connection, engine: Engine, label: str) -> list[AthleteJournal]:
    """Every athlete's journal read on `conn`, in the order the athletes were added."""
    table = schema.athletes
    rows = conn.execute(select(table.c.id, table.c.name).order_by(table.c.id)).all()
    profiles = dict(conn.execute(select(schema.profiles.c.athlete_id, schema.profiles.c.onboarded)).all())
    found = []
    for row in rows:
        store = Store(engine, row.id, label, row.name)
        found.append(
            AthleteJournal(row.name, row.id in profiles, bool(profiles.get(row.id)), store.export_with(conn))
        )
    return found


def copy_journal(
    source: str, target: str, replace: bool = False, announce: Callable[[str], None] | None = None
) -> CopySummary:
    """Copy the whole journal at `source` to `target` (a file or a database URL), verified, all or nothing.

    With `replace`, what the target holds is backed up first (backup_dir(): a file copy, or one Journal JSON
    per athlete for a server), and `announce` is told what and where before anything is deleted.
    """
    if _same_place(source, target):
        raise JournalError(f"{target} is the journal being copied: give another file or database with --to")
    source_engine, source_label = open_engine(source, create=False)
    try:
        athletes = read_all(source_engine, source_label)
        created = not is_url(target) and not Path(target).expanduser().exists()
        try:
            target_label = _write(target, athletes, replace, announce)
        except BaseException:
            if created:
                # A file this copy created holds nothing of anyone's: leave no empty journal behind.
                for suffix in ("", "-wal", "-shm"):
                    with contextlib.suppress(OSError):
                        Path(str(Path(target).expanduser()) + suffix).unlink()
            raise
    finally:
        source_engine.dispose()
    return CopySummary(source_label, target_label, tuple(athletes))


def _write(
    target: str, athletes: list[AthleteJournal], replace: bool, announce: Callable[[str], None] | None
) -> str:
    engine, label = open_engine(target, create=True)
    try:
        with translate_errors(label), engine.begin() as conn:
            lock_for_write(conn)
            held = holdings(conn)
            if held and not replace:
                raise JournalError(
                    f"{label} holds a journal already ({held}); nothing was copied. Copy to a new file or an "
                    "empty database, or add --replace to replace everything in it with this journal"
                )
            if held:
                # Held under the write lock, so what is backed up is exactly what the delete below removes.
                saved = _backup_before_replace(engine, target, label)
                if announce is not None:
                    announce(f"{label} holds {held}: backed up to {saved} before it is replaced.")
            # Athletes with nothing logged (made by opening the journal once) go too: names must not collide.
            for table in (*RECORD_TABLES, schema.athletes):
                conn.execute(delete(table))
            for athlete in athletes:
                _insert_athlete(conn, engine, label, athlete)
            copied = read_all_with(conn, engine, label)
            if [a.fingerprint() for a in copied] != [a.fingerprint() for a in athletes]:
                differ = [a.name for a, b in zip(athletes, copied, strict=False) if a.fingerprint() != b.fingerprint()]
                raise JournalError(
                    f"the copy in {label} did not read back the same as the source "
                    f"({', '.join(differ) or 'the athletes differ'}); nothing was copied. Please report this"
                )
    finally:
        engine.dispose()
    return label


def _backup_before_replace(engine: Engine, target: str, label: str) -> Path:
    """A copy of what `copy --replace` is about to delete, in the backup folder; named for the journal."""
    import datetime as dt

    from hamjournal.config import backup_dir
    from hamjournal.store import backup

    stamp = dt.datetime.now().strftime("%Y%m%d-%H%M%S")
    if engine.dialect.name == "sqlite":
        path = Path(target).expanduser()
        return backup.snapshot(path, backup_dir() / f"{backup.backup_stem(path)}-before-replace-{stamp}.db")
    return backup.server_backup(engine, label, backup_dir() / f"{backup.server_stem(label)}-before-replace-{stamp}")


def holdings(conn: Connection) -> str:
    """What a journal holds, e.g. "2 athletes, 340 records"; empty when it holds no profile and no record."""
    records = sum(
        conn.execute(select(func.count()).select_from(t)).scalar_one()
        for t in RECORD_TABLES
        if t is not schema.session_sets
    )
    if not records:
        return ""
    athletes = conn.execute(select(func.count()).select_from(schema.athletes)).scalar_one()
    return f"{athletes} athlete{'s' if athletes != 1 else ''}, {records} records"


def _insert_athlete(conn: Connection, engine: Engine, label: str, athlete: AthleteJournal) -> None:
    new_id = inserted_id(conn.execute(insert(schema.athletes).values(name=athlete.name)))
    store = Store(engine, new_id, label, athlete.name)
    journal = athlete.journal
    if athlete.has_profile:
        store._save_profile(conn, journal.profile, athlete.onboarded)
    for session in journal.sessions:
        store._insert_session(conn, session)
    simple: list[tuple[Table, Sequence[Any], Callable[[Any], dict[str, Any]]]] = [
        (schema.symptoms, journal.symptoms, convert.symptom_values),
        (schema.runs, journal.runs, convert.run_values),
        (schema.assessments, journal.assessments, convert.assessment_values),
        (schema.plan_items, journal.plan, convert.plan_values),
    ]
    for table, records, values in simple:
        rows = [values(r) | {"athlete_id": new_id} for r in records]
        if rows:
            conn.execute(insert(table), rows)


@contextlib.contextmanager
def _snapshot(engine: Engine) -> Iterator[Connection]:
    # PostgreSQL's default (READ COMMITTED) lets each statement see new commits; REPEATABLE READ gives the
    # whole read one snapshot. SQLite's read transaction is a snapshot already.
    options = {"isolation_level": "REPEATABLE READ"} if engine.dialect.name == "postgresql" else {}
    with engine.connect().execution_options(**options) as conn, conn.begin():
        yield conn


def _same_place(source: str, target: str) -> bool:
    if is_url(source) or is_url(target):
        return source == target
    one, other = Path(source).expanduser(), Path(target).expanduser()
    try:
        return one.resolve() == other.resolve()
    except OSError:
        return False
