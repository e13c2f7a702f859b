"""Aggregate queries for the progress charts and the report: one row per day or per week, never one per entry.

Every query is bounded by the [start, end] window asked for and grouped in SQL, so a ten-year journal costs
what the window shows. The daily_* queries group by date (short windows: 12 weeks, the report); the weekly_*
queries group by Monday week (long windows: the progress charts of 6 months and more), and the domain folds
the weeks into chart buckets (`progress.buckets`). Only portable SQL: SUM, AVG, MIN, MAX, COUNT, CASE, CAST,
integer division and EXTRACT(EPOCH) (which SQLAlchemy writes as STRFTIME('%s') on SQLite), so the same code
runs on PostgreSQL.
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from typing import Any

from sqlalchemy import BigInteger, and_, case, cast, extract, func, literal_column, select

from hamjournal.domain.models import Assessment
from hamjournal.domain.progress.rows import (
    DayCheckin,
    DayPain,
    DayRun,
    DayVolume,
    WeekCheckin,
    WeekPain,
    WeekRun,
    WeekVolume,
)
from hamjournal.store import schema
from hamjournal.store.repo import Store

EPOCH = dt.date(1970, 1, 1)
SECONDS_PER_WEEK = 7 * 86400


def _num(value: Any) -> float | None:
    # PostgreSQL returns AVG as Decimal; the domain wants floats.
    return None if value is None else float(value)


def _window(table: Any, store: Store, start: dt.date, end: dt.date) -> Any:
    return and_(table.c.athlete_id == store.athlete_id, table.c.date >= start, table.c.date <= end)


def _week_number(column: Any, first_monday: dt.date) -> Any:
    """Whole weeks from `first_monday` to the column's date, as an SQL integer (0 for that Monday's week).

    Seconds since 1970 (EXTRACT(EPOCH): an exact multiple of a day for a date, whatever the time zone) minus
    the Monday's, divided as integers. The window keeps every date on or after the Monday, so the division,
    which truncates, is a floor. The numbers are written into the SQL, not bound: PostgreSQL accepts a GROUP BY
    of an expression only when it is written exactly as in the SELECT, and two bound parameters never are.
    """
    origin = literal_column(str((first_monday - EPOCH).days * 86400), BigInteger)
    return (cast(extract("epoch", column), BigInteger) - origin) // literal_column(str(SECONDS_PER_WEEK), BigInteger)


def _monday(first_monday: dt.date, number: Any) -> dt.date:
    return first_monday + dt.timedelta(weeks=int(number))


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
                # `r.count` would be the tuple method of that name, not the column.
                count=int(r._mapping["count"]),
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
    return store.first_session_day()


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


# -- weekly sums for long windows -----------------------------------------------------------------------------


def weekly_volume(
    store: Store, first_monday: dt.date, end: dt.date, exercise: str | None = None
) -> list[WeekVolume]:
    """Per Monday week, exercise and ladder step: sessions, sets, reps and seconds held (one row each)."""
    s, sets = schema.sessions, schema.session_sets
    where = _window(s, store, first_monday, end)
    if exercise is not None:
        where = and_(where, s.c.exercise == exercise)
    week = _week_number(s.c.date, first_monday)
    query = (
        select(
            week.label("week"),
            s.c.exercise,
            s.c.step,
            func.count(s.c.id.distinct()).label("sessions"),
            func.count(sets.c.id).label("sets"),
            func.coalesce(func.sum(sets.c.reps), 0).label("reps"),
            func.coalesce(func.sum(sets.c.hold_s), 0).label("hold_s"),
        )
        .select_from(s.join(sets, sets.c.session_id == s.c.id))
        .where(where)
        .group_by(week, s.c.exercise, s.c.step)
    )
    with store._read() as conn:
        rows = conn.execute(query).all()
    out = [
        WeekVolume(
            _monday(first_monday, r.week), r.exercise, r.step, int(r.sessions), int(r.sets), int(r.reps), int(r.hold_s)
        )
        for r in rows
    ]
    return sorted(out, key=lambda v: (v.week, v.exercise, v.step or ""))


def weekly_session_pain(
    store: Store, first_monday: dt.date, end: dt.date, exercise: str | None = None
) -> list[WeekPain]:
    """Per Monday week: days with session pain, sessions, the peak and the sum of each day's peak."""
    s = schema.sessions
    where = and_(_window(s, store, first_monday, end), s.c.pain_during.isnot(None))
    if exercise is not None:
        where = and_(where, s.c.exercise == exercise)
    # Day peaks first, so a week's mean is over days, as the 7-day average of the short ranges is.
    daily = (
        select(s.c.date, func.count(s.c.id).label("sessions"), func.max(s.c.pain_during).label("peak"))
        .where(where)
        .group_by(s.c.date)
        .subquery()
    )
    week = _week_number(daily.c.date, first_monday)
    query = select(
        week.label("week"),
        func.count().label("days"),
        func.sum(daily.c.sessions).label("sessions"),
        func.max(daily.c.peak).label("max_pain"),
        func.sum(daily.c.peak).label("peak_sum"),
    ).group_by(week)
    with store._read() as conn:
        rows = conn.execute(query).all()
    out = [
        WeekPain(_monday(first_monday, r.week), int(r.days), int(r.sessions), int(r.max_pain), float(r.peak_sum))
        for r in rows
    ]
    return sorted(out, key=lambda p: p.week)


def weekly_checkins(store: Store, first_monday: dt.date, end: dt.date, when: str = "morning") -> list[WeekCheckin]:
    """Per Monday week, for one time of day: the sums of the daily mean pain, stiffness, sleep and fatigue, the
    days that had each, and the highest pain."""
    t = schema.symptoms
    # Day means first: a week's mean is then over days, as `progress.series.weekly_means` of day rows is.
    daily = (
        select(
            t.c.date,
            func.avg(t.c.pain).label("pain"),
            func.max(t.c.pain).label("peak"),
            func.avg(t.c.stiffness).label("stiffness"),
            func.avg(t.c.sleep_h).label("sleep_h"),
            func.avg(t.c.fatigue).label("fatigue"),
        )
        .where(and_(_window(t, store, first_monday, end), t.c.time_of_day == when))
        .group_by(t.c.date)
        .subquery()
    )
    week = _week_number(daily.c.date, first_monday)
    query = select(
        week.label("week"),
        func.count().label("days"),
        func.sum(daily.c.pain).label("pain_sum"),
        func.max(daily.c.peak).label("max_pain"),
        # SUM and COUNT skip the days without the value (NULL), so each mean is over the days that have it.
        func.coalesce(func.sum(daily.c.stiffness), 0).label("stiffness_sum"),
        func.count(daily.c.stiffness).label("stiffness_days"),
        func.coalesce(func.sum(daily.c.sleep_h), 0).label("sleep_sum"),
        func.count(daily.c.sleep_h).label("sleep_days"),
        func.coalesce(func.sum(daily.c.fatigue), 0).label("fatigue_sum"),
        func.count(daily.c.fatigue).label("fatigue_days"),
    ).group_by(week)
    with store._read() as conn:
        rows = conn.execute(query).all()
    out = [
        WeekCheckin(
            week=_monday(first_monday, r.week),
            days=int(r.days),
            pain_sum=float(r.pain_sum),
            max_pain=int(r.max_pain),
            stiffness_sum=float(r.stiffness_sum),
            stiffness_days=int(r.stiffness_days),
            sleep_sum=float(r.sleep_sum),
            sleep_days=int(r.sleep_days),
            fatigue_sum=float(r.fatigue_sum),
            fatigue_days=int(r.fatigue_days),
        )
        for r in rows
    ]
    return sorted(out, key=lambda c: c.week)


def weekly_runs(store: Store, first_monday: dt.date, end: dt.date) -> list[WeekRun]:
    """Per Monday week: runs, minutes, km, session-RPE load and the best sprint finish."""
    t = schema.runs
    week = _week_number(t.c.date, first_monday)
    query = (
        select(
            week.label("week"),
            func.count(t.c.id).label("runs"),
            func.sum(t.c.minutes).label("minutes"),
            func.coalesce(func.sum(t.c.distance_km), 0).label("km"),
            func.coalesce(func.sum(t.c.rpe * t.c.minutes), 0).label("load"),
            func.min(t.c.finish_s).label("best_finish_s"),
        )
        .where(_window(t, store, first_monday, end))
        .group_by(week)
    )
    with store._read() as conn:
        rows = conn.execute(query).all()
    out = [
        WeekRun(
            week=_monday(first_monday, r.week),
            runs=int(r.runs),
            minutes=float(r.minutes),
            km=float(r.km),
            load=float(r.load),
            best_finish_s=_num(r.best_finish_s),
        )
        for r in rows
    ]
    return sorted(out, key=lambda r: r.week)


def sprint_extremes(
    store: Store, start: dt.date, end: dt.date
) -> tuple[tuple[dt.date, float] | None, tuple[dt.date, float] | None]:
    """The first sprint finish of the window (ties: the fastest) and the fastest (ties: the first), or None."""
    t = schema.runs
    timed = select(t.c.date, t.c.finish_s).where(and_(_window(t, store, start, end), t.c.finish_s.isnot(None)))
    with store._read() as conn:
        first = conn.execute(timed.order_by(t.c.date, t.c.finish_s).limit(1)).first()
        best = conn.execute(timed.order_by(t.c.finish_s, t.c.date).limit(1)).first()
    return (
        None if first is None else (first.date, float(first.finish_s)),
        None if best is None else (best.date, float(best.finish_s)),
    )
