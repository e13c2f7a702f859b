"""Aggregate queries for the progress charts and the report: one row per day, never one per entry.

Every query is bounded by the [start, end] window asked for and grouped by date in SQL, so a ten-year journal
costs what the window shows. Bucketing days into weeks happens in the domain (`progress.weekly_sums`).
Only portable SQL: SUM, AVG, MIN, MAX, COUNT and CASE, so the same code runs on PostgreSQL.
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from typing import Any

from sqlalchemy import and_, case, func, select

from hamjournal.domain.models import Assessment
from hamjournal.domain.progress import DayCheckin, DayPain, DayRun, DayVolume
from hamjournal.store import schema
from hamjournal.store.repo import Store


def _num(value: Any) -> float | None:
    # PostgreSQL returns AVG as Decimal; the domain wants floats.
    return None if value is None else float(value)


def _window(table: Any, store: Store, start: dt.date, end: dt.date) -> Any:
    return and_(table.c.athlete_id == store.athlete_id, table.c.date >= start, table.c.date <= end)


def daily_volume(store: Store, start: dt.date, end: dt.date, exercise: str | None = None) -> list[DayVolume]:
    """Per day and exercise: sessions, sets, reps, seconds held and the ladder steps used."""
    s, sets = schema.sessions, schema.session_sets
    where = _window(s, store, start, end)
    if exercise is not None:
        where = and_(where, s.c.exercise == exercise)
    query = (
        select(
            s.c.date,
            s.c.exercise,
            s.c.step,
            func.count(s.c.id.distinct()).label("sessions"),
            func.count(sets.c.id).label("sets"),
            func.coalesce(func.sum(sets.c.reps), 0).label("reps"),
            func.coalesce(func.sum(sets.c.hold_s), 0).label("hold_s"),
        )
        .select_from(s.join(sets, sets.c.session_id == s.c.id))
        .where(where)
        .group_by(s.c.date, s.c.exercise, s.c.step)
        .order_by(s.c.date, s.c.exercise, s.c.step)
    )
    with store._read() as conn:
        rows = conn.execute(query).all()
    # One row per (day, exercise, step) from SQL; fold the steps of a day together (bounded by the window).
    merged: dict[tuple[dt.date, str], dict[str, Any]] = {}
    for row in rows:
        entry = merged.setdefault(
            (row.date, row.exercise), {"sessions": 0, "sets": 0, "reps": 0, "hold_s": 0, "steps": []}
        )
        entry["sessions"] += int(row.sessions)
        entry["sets"] += int(row.sets)
        entry["reps"] += int(row.reps)
        entry["hold_s"] += int(row.hold_s)
        if row.step is not None:
            entry["steps"].append(row.step)
    return [
        DayVolume(day, ex, v["sessions"], v["sets"], v["reps"], v["hold_s"], tuple(v["steps"]))
        for (day, ex), v in sorted(merged.items())
    ]


def daily_session_pain(store: Store, start: dt.date, end: dt.date, exercise: str | None = None) -> list[DayPain]:
    """Per day: the highest and the average pain logged during strength sessions (sessions without pain skip)."""
    s = schema.sessions
    where = and_(_window(s, store, start, end), s.c.pain_during.isnot(None))
    if exercise is not None:
        where = and_(where, s.c.exercise == exercise)
    query = (
        select(
            s.c.date,
            func.count(s.c.id).label("sessions"),
            func.max(s.c.pain_during).label("max_pain"),
            func.avg(s.c.pain_during).label("avg_pain"),
        )
        .where(where)
        .group_by(s.c.date)
        .order_by(s.c.date)
    )
    with store._read() as conn:
        return [
            DayPain(r.date, int(r.sessions), int(r.max_pain), float(r.avg_pain)) for r in conn.execute(query).all()
        ]


def daily_checkins(store: Store, start: dt.date, end: dt.date) -> list[DayCheckin]:
    """Per day and time of day: average and highest pain, average stiffness, sleep and fatigue, any sudden pain."""
    t = schema.symptoms
    query = (
        select(
            t.c.date,
            t.c.time_of_day,
            func.count(t.c.id).label("count"),
            func.avg(t.c.pain).label("avg_pain"),
            func.max(t.c.pain).label("max_pain"),
            func.avg(t.c.stiffness).label("avg_stiffness"),
            func.avg(t.c.sleep_h).label("avg_sleep_h"),
            func.avg(t.c.fatigue).label("avg_fatigue"),
            # MAX over a boolean is not portable (PostgreSQL has no max(boolean)); over 0/1 it is.
            func.max(case((t.c.sudden, 1), else_=0)).label("sudden"),
        )
        .where(_window(t, store, start, end))
        .group_by(t.c.date, t.c.time_of_day)
        .order_by(t.c.date, t.c.time_of_day)
    )
    with store._read() as conn:
        return [
            DayCheckin(
                date=r.date,
                when=r.time_of_day,
                count=int(r.count),
                avg_pain=float(r.avg_pain),
                max_pain=int(r.max_pain),
                avg_stiffness=_num(r.avg_stiffness),
                avg_sleep_h=_num(r.avg_sleep_h),
                avg_fatigue=_num(r.avg_fatigue),
                sudden=bool(r.sudden),
            )
            for r in conn.execute(query).all()
        ]


def daily_runs(store: Store, start: dt.date, end: dt.date) -> list[DayRun]:
    """Per day: runs, minutes, km, session-RPE load (SUM of RPE x minutes) and the best sprint finish."""
    t = schema.runs
    query = (
        select(
            t.c.date,
            func.count(t.c.id).label("runs"),
            func.sum(t.c.minutes).label("minutes"),
            func.coalesce(func.sum(t.c.distance_km), 0).label("km"),
            # Runs without an RPE add no load (rpe * minutes is NULL and SUM skips it), as in load.daily_loads.
            func.coalesce(func.sum(t.c.rpe * t.c.minutes), 0).label("load"),
            func.min(t.c.finish_s).label("best_finish_s"),
        )
        .where(_window(t, store, start, end))
        .group_by(t.c.date)
        .order_by(t.c.date)
    )
    with store._read() as conn:
        return [
            DayRun(
                date=r.date,
                runs=int(r.runs),
                minutes=float(r.minutes),
                km=float(r.km),
                load=float(r.load),
                best_finish_s=_num(r.best_finish_s),
            )
            for r in conn.execute(query).all()
        ]


def first_load_day(store: Store, on_or_before: dt.date) -> dt.date | None:
    """The first day with a run that carries an RPE (the start of the load ratio's data), or None."""
    t = schema.runs
    query = select(func.min(t.c.date)).where(
        and_(t.c.athlete_id == store.athlete_id, t.c.rpe.isnot(None), t.c.date <= on_or_before)
    )
    with store._read() as conn:
        return conn.execute(query).scalar()


def deload_days(store: Store, start: dt.date, end: dt.date, exercise: str = "nordic") -> list[dt.date]:
    """Days in the window with a plan item of the exercise marked as a deload."""
    t = schema.plan_items
    query = (
        select(t.c.date)
        .where(and_(_window(t, store, start, end), t.c.deload.is_(True), t.c.exercise == exercise))
        .group_by(t.c.date)
        .order_by(t.c.date)
    )
    with store._read() as conn:
        return list(conn.execute(query).scalars())


def first_session_day(store: Store) -> dt.date | None:
    """The date of the first logged strength session (the rules anchor the deload cycle on it), or None."""
    t = schema.sessions
    with store._read() as conn:
        return conn.execute(select(func.min(t.c.date)).where(t.c.athlete_id == store.athlete_id)).scalar()


def assessments(store: Store, start: dt.date, end: dt.date) -> list[Assessment]:
    """Assessments in the window, oldest first (a handful a month: no aggregation needed)."""
    return store.assessments_between(start, end)


def last_assessed(store: Store, on_or_before: dt.date) -> dt.date | None:
    """The date of the most recent assessment on or before a day, or None."""
    t = schema.assessments
    query = select(func.max(t.c.date)).where(and_(t.c.athlete_id == store.athlete_id, t.c.date <= on_or_before))
    with store._read() as conn:
        return conn.execute(query).scalar()


def sessions_per_day(store: Store, start: dt.date, end: dt.date) -> dict[tuple[dt.date, str], int]:
    """How many sessions of each exercise were logged each day (for adherence against the plan)."""
    counts: dict[tuple[dt.date, str], int] = defaultdict(int)
    for row in daily_volume(store, start, end):
        counts[(row.date, row.exercise)] += row.sessions
    return dict(counts)
