"""The Store: every read and write of one athlete's journal.

Each write is its own committed transaction, so nothing waits for a "save" and nothing is lost on a crash.
Reads are bounded by the date window asked for, so ten years of history cost no more than a week.
"""

from __future__ import annotations

import contextlib
import datetime as dt
from collections import defaultdict
from collections.abc import Iterator, Sequence
from dataclasses import replace
from typing import Any

from sqlalchemy import Connection, Engine, Table, delete, func, insert, select, update

from hamjournal.domain.models import Assessment, Journal, PlanItem, Profile, Run, Session, SymptomLog
from hamjournal.store import convert, schema
from hamjournal.store.athletes import add_athlete, athletes, rename_athlete, resolve_athlete
from hamjournal.store.engine import DEFAULT_ATHLETE, inserted_id, lock_for_write, open_engine, translate_errors
from hamjournal.store.errors import EntryNotFound, StaleEntry
from hamjournal.store.watch import file_identity, new_lock, reopen_if_replaced
from hamjournal.store.whole_journal import ImportSummary, import_journal, read_journal

# Names callers took from this module before athletes and whole-journal reads moved out of it.
__all__ = ["ImportSummary", "Store", "add_athlete", "athletes", "rename_athlete"]


class Store:
    """One athlete's journal on an open engine."""

    def __init__(self, engine: Engine, athlete_id: int, label: str, athlete_name: str = DEFAULT_ATHLETE) -> None:
        self.engine = engine
        self.athlete_id = athlete_id
        self.label = label
        self.athlete_name = athlete_name
        self.changes = 0
        """Writes made through this Store (counted after each commit): a key for caches of derived data."""
        self.identity = file_identity(label)
        """The journal file's (device, inode) when opened: a restore replaces it (see store.watch)."""
        self.reopen_lock = new_lock()

    @classmethod
    def open(cls, location: str, athlete: str | None = None, create: bool = True) -> Store:
        """Open the journal at a path or URL for one athlete (the only one, or `athlete` by name)."""
        engine, label = open_engine(location, create=create)
        try:
            athlete_id, name = resolve_athlete(engine, athlete, label)
        except BaseException:
            engine.dispose()
            raise
        return cls(engine, athlete_id, label, name)

    def for_athlete(self, name: str) -> Store:
        """The same journal (and engine: no new connections) for another of its athletes."""
        athlete_id, found = resolve_athlete(self.engine, name, self.label)
        return Store(self.engine, athlete_id, self.label, found)

    def close(self) -> None:
        """Release the connections."""
        self.engine.dispose()

    # -- athletes -------------------------------------------------------------------------------------

    def athletes(self) -> list[tuple[int, str]]:
        """Every athlete in this journal as (id, name)."""
        return athletes(self.engine, self.label)

    # -- profile --------------------------------------------------------------------------------------

    def profile(self) -> Profile:
        """The athlete's profile, or the default one before onboarding."""
        with self._read() as conn:
            return self._profile(conn)

    def _profile(self, conn: Connection) -> Profile:
        row = conn.execute(select(schema.profiles).where(schema.profiles.c.athlete_id == self.athlete_id)).first()
        if row is None:
            return Profile()
        injuries = self._rows(conn, schema.injuries, order=(schema.injuries.c.date, schema.injuries.c.id))
        races = self._rows(conn, schema.races, order=(schema.races.c.date, schema.races.c.id))
        return convert.profile_from(row._mapping, injuries, races)

    def is_onboarded(self) -> bool:
        """True once the runner has answered the onboarding questions (or imported a profile)."""
        with self._read() as conn:
            value = conn.execute(
                select(schema.profiles.c.onboarded).where(schema.profiles.c.athlete_id == self.athlete_id)
            ).scalar()
            return bool(value)

    def save_profile(self, profile: Profile, onboarded: bool = True) -> None:
        """Replace the profile, its injuries and its races in one transaction."""
        with self._write() as conn:
            self._save_profile(conn, profile, onboarded)

    def _save_profile(self, conn: Connection, profile: Profile, onboarded: bool) -> None:
        values = convert.profile_values(profile) | {"onboarded": onboarded}
        table = schema.profiles
        done = conn.execute(update(table).where(table.c.athlete_id == self.athlete_id).values(**values)).rowcount
        if not done:
            conn.execute(insert(table).values(athlete_id=self.athlete_id, **values))
        for child in (schema.injuries, schema.races):
            conn.execute(delete(child).where(child.c.athlete_id == self.athlete_id))
        for injury in profile.injuries:
            conn.execute(
                insert(schema.injuries).values(
                    athlete_id=self.athlete_id, date=injury.date, side=injury.side, grade=injury.grade, note=injury.note
                )
            )
        for race in profile.races:
            conn.execute(
                insert(schema.races).values(
                    athlete_id=self.athlete_id,
                    date=race.date,
                    name=race.name,
                    distance_km=race.distance_km,
                    priority=race.priority,
                )
            )

    # -- sessions -------------------------------------------------------------------------------------

    def add_session(self, session: Session) -> Session:
        """Save a logged session and its sets; returns it with its id."""
        with self._write() as conn:
            return self._insert_session(conn, session)

    def _insert_session(self, conn: Connection, session: Session) -> Session:
        values = convert.session_values(session) | {"athlete_id": self.athlete_id}
        new_id = inserted_id(conn.execute(insert(schema.sessions).values(**values, revision=1)))
        conn.execute(insert(schema.session_sets), convert.set_values(new_id, session.sets))
        return replace(session, id=new_id, revision=1)

    def update_session(self, session: Session) -> Session:
        """Replace a logged session (found by id) and its sets."""
        with self._write() as conn:
            revision = self._update(conn, schema.sessions, session, convert.session_values(session), "session")
            conn.execute(delete(schema.session_sets).where(schema.session_sets.c.session_id == session.id))
            conn.execute(insert(schema.session_sets), convert.set_values(session.id, session.sets))  # type: ignore[arg-type]
        return replace(session, revision=revision)

    def delete_session(self, session_id: int, revision: int | None = None) -> None:
        """Delete a logged session and its sets."""
        with self._write() as conn:
            self._delete(conn, schema.sessions, session_id, "session", revision)

    def get_session(self, session_id: int) -> Session:
        """One logged session by id."""
        with self._read() as conn:
            found = self._sessions(conn, schema.sessions.c.id == session_id)
        if not found:
            raise EntryNotFound(f"session {session_id} is not in {self.label}")
        return found[0]

    def sessions_between(self, start: dt.date, end: dt.date, exercise: str | None = None) -> list[Session]:
        """Sessions dated start..end inclusive, oldest first."""
        table = schema.sessions
        where = (table.c.date >= start) & (table.c.date <= end)
        if exercise is not None:
            where &= table.c.exercise == exercise
        with self._read() as conn:
            return self._sessions(conn, where)

    def _sessions(self, conn: Connection, where: Any) -> list[Session]:
        table, sets = schema.sessions, schema.session_sets
        where = where & (table.c.athlete_id == self.athlete_id)
        rows = conn.execute(select(table).where(where).order_by(table.c.date, table.c.id)).all()
        if not rows:
            return []
        set_rows = conn.execute(
            select(sets)
            .join(table, table.c.id == sets.c.session_id)
            .where(where)
            .order_by(sets.c.session_id, sets.c.position)
        ).all()
        by_session: dict[int, list[Any]] = defaultdict(list)
        for row in set_rows:
            by_session[row.session_id].append(row._mapping)
        return [convert.session_from(r._mapping, by_session[r.id]) for r in rows]

    # -- check-ins, runs, assessments -----------------------------------------------------------------

    def add_symptom(self, log: SymptomLog) -> SymptomLog:
        """Save a pain / stiffness check-in."""
        with self._write() as conn:
            return self._insert(conn, schema.symptoms, convert.symptom_values(log), log)

    def update_symptom(self, log: SymptomLog) -> SymptomLog:
        """Replace a check-in found by id."""
        with self._write() as conn:
            revision = self._update(conn, schema.symptoms, log, convert.symptom_values(log), "check-in")
        return replace(log, revision=revision)

    def delete_symptom(self, log_id: int, revision: int | None = None) -> None:
        """Delete a check-in."""
        with self._write() as conn:
            self._delete(conn, schema.symptoms, log_id, "check-in", revision)

    def symptoms_between(self, start: dt.date, end: dt.date) -> list[SymptomLog]:
        """Check-ins dated start..end inclusive, oldest first."""
        with self._read() as conn:
            return [convert.symptom_from(r) for r in self._between(conn, schema.symptoms, start, end)]

    def add_run(self, run: Run) -> Run:
        """Save a run."""
        with self._write() as conn:
            return self._insert(conn, schema.runs, convert.run_values(run), run)

    def update_run(self, run: Run) -> Run:
        """Replace a run found by id."""
        with self._write() as conn:
            revision = self._update(conn, schema.runs, run, convert.run_values(run), "run")
        return replace(run, revision=revision)

    def delete_run(self, run_id: int, revision: int | None = None) -> None:
        """Delete a run."""
        with self._write() as conn:
            self._delete(conn, schema.runs, run_id, "run", revision)

    def run_digests(self) -> set[str]:
        """The digests of the watch files the athlete's runs came from (one column read)."""
        table = schema.runs
        with self._read() as conn:
            mine = (table.c.athlete_id == self.athlete_id) & table.c.source_digest.is_not(None)
            return set(conn.execute(select(table.c.source_digest).where(mine)).scalars())

    def run_by_id(self, run_id: int) -> Run:
        """One run by id (EntryNotFound when it is gone)."""
        table = schema.runs
        with self._read() as conn:
            row = conn.execute(
                select(table).where((table.c.id == run_id) & (table.c.athlete_id == self.athlete_id))
            ).first()
        if row is None:
            raise EntryNotFound(f"run {run_id} is not in {self.label}")
        return convert.run_from(row._mapping)

    def runs_between(self, start: dt.date, end: dt.date) -> list[Run]:
        """Runs dated start..end inclusive, oldest first."""
        with self._read() as conn:
            return [convert.run_from(r) for r in self._between(conn, schema.runs, start, end)]

    def add_assessment(self, item: Assessment) -> Assessment:
        """Save a reassessment result."""
        with self._write() as conn:
            return self._insert(conn, schema.assessments, convert.assessment_values(item), item)

    def delete_assessment(self, item_id: int, revision: int | None = None) -> None:
        """Delete a reassessment result."""
        with self._write() as conn:
            self._delete(conn, schema.assessments, item_id, "assessment", revision)

    def assessments_between(self, start: dt.date, end: dt.date) -> list[Assessment]:
        """Assessments dated start..end inclusive, oldest first."""
        with self._read() as conn:
            return [convert.assessment_from(r) for r in self._between(conn, schema.assessments, start, end)]

    # -- plan -----------------------------------------------------------------------------------------

    def plan_between(self, start: dt.date, end: dt.date) -> list[PlanItem]:
        """Plan items dated start..end inclusive (planned and skipped), by date."""
        with self._read() as conn:
            return [convert.plan_from(r) for r in self._between(conn, schema.plan_items, start, end)]

    def add_plan_item(self, item: PlanItem) -> PlanItem:
        """Save one plan item (a runner's own addition, or a generated one)."""
        with self._write() as conn:
            return self._insert(conn, schema.plan_items, convert.plan_values(item), item)

    def update_plan_item(self, item: PlanItem) -> PlanItem:
        """Replace a plan item found by id (moving or skipping it)."""
        with self._write() as conn:
            revision = self._update(conn, schema.plan_items, item, convert.plan_values(item), "plan item")
        return replace(item, revision=revision)

    def delete_plan_item(self, item_id: int, revision: int | None = None) -> None:
        """Delete a plan item."""
        with self._write() as conn:
            self._delete(conn, schema.plan_items, item_id, "plan item", revision)

    # -- the whole journal ----------------------------------------------------------------------------

    def counts(self) -> dict[str, int]:
        """How many records of each kind the athlete has."""
        tables = {
            "sessions": schema.sessions,
            "symptoms": schema.symptoms,
            "runs": schema.runs,
            "assessments": schema.assessments,
            "plan": schema.plan_items,
        }
        with self._read() as conn:
            return {
                name: conn.execute(
                    select(func.count()).select_from(t).where(t.c.athlete_id == self.athlete_id)
                ).scalar_one()
                for name, t in tables.items()
            }

    def is_empty(self) -> bool:
        """True when nothing has been logged or planned yet."""
        # One indexed row per table at most, not a count of every row: the week screen asks on every read.
        tables = (schema.sessions, schema.symptoms, schema.runs, schema.assessments, schema.plan_items)
        with self._read() as conn:
            return not any(
                conn.execute(select(t.c.id).where(t.c.athlete_id == self.athlete_id).limit(1)).first() is not None
                for t in tables
            )

    def last_check_in(self, on_or_before: dt.date) -> dt.date | None:
        """The day of the latest check-in up to a day (one indexed lookup, whatever the history)."""
        table = schema.symptoms
        with self._read() as conn:
            mine = (table.c.athlete_id == self.athlete_id) & (table.c.date <= on_or_before)
            return conn.execute(select(func.max(table.c.date)).where(mine)).scalar()

    def first_date(self) -> dt.date | None:
        """The earliest logged date of any kind, or None."""
        with self._read() as conn:
            dates = [
                conn.execute(select(func.min(t.c.date)).where(t.c.athlete_id == self.athlete_id)).scalar()
                for t in (schema.sessions, schema.symptoms, schema.runs)
            ]
        found = [d for d in dates if d is not None]
        return min(found) if found else None

    def first_session_day(self) -> dt.date | None:
        """The date of the first logged strength session (the rules anchor the deload cycle on it), or None.

        Here, not only in store.series: a write re-plans, and the re-plan needs this one date, not the progress
        rows series.py builds (importing them cost `hamjournal log` about 12 ms)."""
        t = schema.sessions
        with self._read() as conn:
            return conn.execute(select(func.min(t.c.date)).where(t.c.athlete_id == self.athlete_id)).scalar()

    def export_journal(self) -> Journal:
        """Everything for this athlete, for export and backups."""
        with self._read() as conn:
            return self.export_with(conn)

    def export_with(self, conn: Connection) -> Journal:
        """Everything for this athlete, read on `conn` (a copy checks what its own transaction wrote)."""
        return read_journal(self, conn)

    def import_journal(self, journal: Journal, replace_all: bool = False) -> ImportSummary:
        """Add a whole journal in one transaction: all of it or, on any error, none of it.

        With replace_all the athlete's records are cleared first; otherwise records already present (same
        content) are skipped, so importing the same file twice changes nothing.
        """
        with self._write() as conn:
            return import_journal(self, conn, journal, replace_all)

    # -- helpers --------------------------------------------------------------------------------------

    @contextlib.contextmanager
    def _read(self) -> Iterator[Connection]:
        with translate_errors(self.label), self.engine.connect() as conn:
            yield conn

    @contextlib.contextmanager
    def _write(self) -> Iterator[Connection]:
        # engine.begin() commits when the block ends: every user action is its own transaction. The write
        # lock is taken first, so a busy journal is waited for (and retried) before anything is done.
        try:
            with translate_errors(self.label):
                reopen_if_replaced(self)  # never save into a file a restore replaced: it would vanish
            with translate_errors(self.label), self.engine.begin() as conn:
                lock_for_write(conn)
                yield conn
        finally:
            # After the commit (or the rollback): a reader that saw the old count read the old data.
            self.changes += 1

    def _rows(self, conn: Connection, table: Table, order: Sequence[Any]) -> list[Any]:
        query = select(table).where(table.c.athlete_id == self.athlete_id).order_by(*order)
        return [r._mapping for r in conn.execute(query)]

    def _between(self, conn: Connection, table: Table, start: dt.date, end: dt.date) -> list[Any]:
        query = (
            select(table)
            .where((table.c.athlete_id == self.athlete_id) & (table.c.date >= start) & (table.c.date <= end))
            .order_by(table.c.date, table.c.id)
        )
        return [r._mapping for r in conn.execute(query)]

    def _insert(self, conn: Connection, table: Table, values: dict[str, Any], record: Any) -> Any:
        new_id = inserted_id(conn.execute(insert(table).values(athlete_id=self.athlete_id, **values)))
        return replace(record, id=new_id, revision=1) if hasattr(record, "revision") else replace(record, id=new_id)

    def _update(self, conn: Connection, table: Table, record: Any, values: dict[str, Any], what: str) -> int:
        """Write `values` over the stored record; returns its new revision.

        A record that carries the revision it was read with is written only if nobody changed it since
        (UPDATE ... WHERE revision = :read): two machines editing one entry never overwrite each other silently.
        """
        record_id: int | None = record.id
        if record_id is None:
            raise EntryNotFound(f"this {what} has not been saved yet, so it cannot be edited")
        mine = (table.c.id == record_id) & (table.c.athlete_id == self.athlete_id)
        where = mine if record.revision is None else mine & (table.c.revision == record.revision)
        new_revision = conn.execute(
            update(table).where(where).values(revision=table.c.revision + 1, **values).returning(table.c.revision)
        ).scalar()
        if new_revision is not None:
            return int(new_revision)
        if record.revision is not None and conn.execute(select(table.c.id).where(mine)).first() is not None:
            raise StaleEntry(
                f"this {what} was changed on another machine since you opened it; nothing was saved — "
                "reopen it to see the new values"
            )
        raise EntryNotFound(f"{what} {record_id} is not in {self.label} (deleted meanwhile?); nothing was changed")

    def _delete(self, conn: Connection, table: Table, record_id: int, what: str, revision: int | None) -> None:
        """Delete a record; with the `revision` it was read at, only if nobody changed it since (as _update)."""
        mine = (table.c.id == record_id) & (table.c.athlete_id == self.athlete_id)
        where = mine if revision is None else mine & (table.c.revision == revision)
        done = conn.execute(delete(table).where(where)).rowcount
        if not done and revision is not None and conn.execute(select(table.c.id).where(mine)).first() is not None:
            raise StaleEntry(
                f"this {what} was changed on another machine since you opened it; nothing was deleted — "
                "look at it again, then delete it if you still want to"
            )
        if not done:
            raise EntryNotFound(f"{what} {record_id} is not in {self.label} (deleted already?); nothing was changed")
