"""A whole athlete's journal at once: reading all of it (export, backups, copies) and importing one.

An import is one transaction: all of it or, on any error, none of it. Records already in the journal (same
content) are skipped, so importing the same file twice changes nothing.
"""

from __future__ import annotations

import datetime as dt
from collections import Counter, defaultdict
from collections.abc import Callable, Sequence
from dataclasses import dataclass, replace
from typing import TYPE_CHECKING, Any

from sqlalchemy import Connection, Table, delete, insert

from hamjournal.domain.models import Journal
from hamjournal.store import convert, schema

if TYPE_CHECKING:  # the Store imports this module; this one needs the name only for its hints
    from hamjournal.store.repo import Store

# Wider than any date a runner logs: "every record" as a date window, so the bounded reads serve here too.
FAR_PAST, FAR_FUTURE = dt.date(1900, 1, 1), dt.date(9999, 12, 31)

# The athlete's record tables, each cleared by an import that replaces everything.
RECORD_TABLES = (schema.sessions, schema.symptoms, schema.runs, schema.assessments, schema.plan_items)


@dataclass(frozen=True)
class ImportSummary:
    """What an import added (and skipped as already present)."""

    sessions: int = 0
    symptoms: int = 0
    runs: int = 0
    assessments: int = 0
    plan: int = 0
    skipped: int = 0

    def describe(self) -> str:
        """One line for the terminal."""
        return (
            f"imported {self.sessions} sessions, {self.symptoms} check-ins, {self.runs} runs, "
            f"{self.assessments} assessments, {self.plan} plan items"
            + (f" ({self.skipped} already in the journal, skipped)" if self.skipped else "")
        )


def read_journal(store: Store, conn: Connection) -> Journal:
    """Everything for the store's athlete, read on `conn`."""
    sessions = store._sessions(conn, schema.sessions.c.id.isnot(None))
    symptoms = [convert.symptom_from(r) for r in store._between(conn, schema.symptoms, FAR_PAST, FAR_FUTURE)]
    runs = [convert.run_from(r) for r in store._between(conn, schema.runs, FAR_PAST, FAR_FUTURE)]
    assessments = [
        convert.assessment_from(r) for r in store._between(conn, schema.assessments, FAR_PAST, FAR_FUTURE)
    ]
    plan = [convert.plan_from(r) for r in store._between(conn, schema.plan_items, FAR_PAST, FAR_FUTURE)]
    return Journal(
        profile=store._profile(conn),
        sessions=tuple(sessions),
        symptoms=tuple(symptoms),
        runs=tuple(runs),
        assessments=tuple(assessments),
        plan=tuple(plan),
    )


def import_journal(store: Store, conn: Connection, journal: Journal, replace_all: bool) -> ImportSummary:
    """Add `journal` to the store's athlete on `conn` (the caller's write transaction)."""
    if replace_all:
        for table in RECORD_TABLES:
            conn.execute(delete(table).where(table.c.athlete_id == store.athlete_id))
    store._save_profile(conn, journal.profile, onboarded=True)
    existing = _existing_keys(store, conn)
    added: defaultdict[str, int] = defaultdict(int)
    skipped = 0
    for session in journal.sessions:
        key = _key(replace(session, id=None))
        # A record matches at most one already in the journal: two identical runs on one day in
        # the file are both kept unless the journal already holds both.
        if existing[key] > 0:
            existing[key] -= 1
            skipped += 1
            continue
        store._insert_session(conn, session)
        added["sessions"] += 1
    simple: list[tuple[str, Table, Sequence[Any], Callable[[Any], dict[str, Any]]]] = [
        ("symptoms", schema.symptoms, journal.symptoms, convert.symptom_values),
        ("runs", schema.runs, journal.runs, convert.run_values),
        ("assessments", schema.assessments, journal.assessments, convert.assessment_values),
        ("plan", schema.plan_items, journal.plan, convert.plan_values),
    ]
    for name, table, records, values in simple:
        rows = []
        for record in records:
            key = _key(replace(record, id=None))
            if existing[key] > 0:
                existing[key] -= 1
                skipped += 1
                continue
            rows.append(values(record) | {"athlete_id": store.athlete_id})
        if rows:
            conn.execute(insert(table), rows)
        added[name] += len(rows)
    return ImportSummary(skipped=skipped, **added)


def _existing_keys(store: Store, conn: Connection) -> Counter[tuple[Any, ...]]:
    keys: Counter[tuple[Any, ...]] = Counter()
    keys.update(_key(replace(s, id=None)) for s in store._sessions(conn, schema.sessions.c.id.isnot(None)))
    for table, make in (
        (schema.symptoms, convert.symptom_from),
        (schema.runs, convert.run_from),
        (schema.assessments, convert.assessment_from),
        (schema.plan_items, convert.plan_from),
    ):
        keys.update(_key(replace(make(r), id=None)) for r in store._between(conn, table, FAR_PAST, FAR_FUTURE))
    return keys


def _key(record: Any) -> tuple[Any, ...]:
    return (type(record).__name__, record)
