"""Week sums in SQL against a Python reference built from the day rows, on SQLite and PostgreSQL alike."""

from __future__ import annotations

import datetime as dt
from collections import defaultdict

import pytest

from hamjournal.domain.models import Run, Session, SetEntry, SymptomLog
from hamjournal.domain.week import week_start
from hamjournal.store import series
from hamjournal.store.repo import Store

D = dt.date
FIRST_MONDAY = D(2026, 6, 1)
END = D(2026, 11, 25)  # a Wednesday: the last week is partial
BEFORE, AFTER = FIRST_MONDAY - dt.timedelta(days=1), END + dt.timedelta(days=1)


@pytest.fixture
def journal(store: Store) -> Store:
    """Six months of varied logs, an empty week, and rows a day either side of the window that must not count."""
    for day in (BEFORE, AFTER):
        store.add_session(Session(day, "nordic", (SetEntry(99, "both"),), step="weighted", pain_during=9))
        store.add_symptom(SymptomLog(day, 9, "morning", stiffness=9))
        store.add_run(Run(day, 99, "easy", 9.0, 9, finish_s=1.0))
    day = FIRST_MONDAY
    while day <= END:
        n = (day - FIRST_MONDAY).days
        if (day - FIRST_MONDAY).days // 7 == 5:  # week 5 stays empty
            day += dt.timedelta(days=1)
            continue
        if n % 3 == 0:
            step = "band-assisted" if n % 2 else "incline"
            pain = None if n % 4 == 0 else n % 6
            store.add_session(Session(day, "nordic", (SetEntry(5 + n % 3, "both"), SetEntry(4, "both")), step=step,
                                      pain_during=pain))
        if n % 9 == 0:  # a second Nordic session that day, at another step, and a hold session
            store.add_session(Session(day, "nordic", (SetEntry(3, "both"),), step="bodyweight", pain_during=n % 5))
            store.add_session(Session(day, "iso-hold", (SetEntry(None, "left", 0, 30),)))
        if n % 2 == 0:  # two mornings some days, stiffness and sleep not always given
            store.add_symptom(SymptomLog(day, n % 4, "morning", stiffness=None if n % 6 == 0 else n % 3,
                                         sleep_h=7.5 if n % 8 else None, fatigue=n % 5))
            if n % 10 == 0:
                store.add_symptom(SymptomLog(day, 1, "morning", stiffness=2))
            store.add_symptom(SymptomLog(day, 8, "evening", stiffness=8))
        if n % 4 == 1:
            store.add_run(Run(day, 30 + n % 20, "easy", 6.0 if n % 3 else None, 5 if n % 5 else None,
                              finish_s=(31.0 - n * 0.01) if n % 12 == 1 else None))
        day += dt.timedelta(days=1)
    return store


def test_weekly_volume_matches_the_day_rows(journal: Store) -> None:
    reference: dict[tuple[D, str], list[int]] = defaultdict(lambda: [0, 0, 0, 0])
    steps: dict[tuple[D, str], set[str]] = defaultdict(set)
    for row in series.daily_volume(journal, FIRST_MONDAY, END):
        acc = reference[(week_start(row.date), row.exercise)]
        for i, n in enumerate((row.sessions, row.sets, row.reps, row.hold_s)):
            acc[i] += n
        steps[(week_start(row.date), row.exercise)] |= set(row.steps)
    found: dict[tuple[D, str], list[int]] = defaultdict(lambda: [0, 0, 0, 0])
    found_steps: dict[tuple[D, str], set[str]] = defaultdict(set)
    for week in series.weekly_volume(journal, FIRST_MONDAY, END):
        acc = found[(week.week, week.exercise)]
        for i, n in enumerate((week.sessions, week.sets, week.reps, week.hold_s)):
            acc[i] += n
        if week.step is not None:
            found_steps[(week.week, week.exercise)].add(week.step)
    assert dict(found) == dict(reference)
    assert dict(found_steps) == {key: used for key, used in steps.items() if used}
    assert FIRST_MONDAY + dt.timedelta(weeks=5) not in {w for w, _ in found}  # the empty week has no row
    assert {w.exercise for w in series.weekly_volume(journal, FIRST_MONDAY, END, exercise="nordic")} == {"nordic"}


def test_weekly_session_pain_matches_the_day_rows(journal: Store) -> None:
    reference: dict[D, list[float]] = defaultdict(lambda: [0, 0, 0, 0.0])
    for row in series.daily_session_pain(journal, FIRST_MONDAY, END):
        acc = reference[week_start(row.date)]
        acc[0] += 1
        acc[1] += row.sessions
        acc[2] = max(acc[2], row.max_pain)
        acc[3] += row.max_pain
    found = {p.week: [p.days, p.sessions, p.max_pain, p.daily_peak_sum] for p in series.weekly_session_pain(
        journal, FIRST_MONDAY, END)}
    assert found == dict(reference)


def test_weekly_morning_checkins_are_sums_of_day_means(journal: Store) -> None:
    mornings = [c for c in series.daily_checkins(journal, FIRST_MONDAY, END) if c.when == "morning"]
    weeks = {c.week: c for c in series.weekly_checkins(journal, FIRST_MONDAY, END)}
    assert set(weeks) == {week_start(c.date) for c in mornings}
    for monday, week in weeks.items():
        days = [c for c in mornings if week_start(c.date) == monday]
        assert week.days == len(days)
        assert week.pain_sum == pytest.approx(sum(c.avg_pain for c in days))
        assert week.max_pain == max(c.max_pain for c in days)
        for name in ("stiffness", "sleep", "fatigue"):
            values = [getattr(c, f"avg_{name}_h" if name == "sleep" else f"avg_{name}") for c in days]
            values = [v for v in values if v is not None]
            assert getattr(week, f"{name}_days") == len(values)
            assert getattr(week, f"{name}_sum") == pytest.approx(sum(values))


def test_weekly_runs_and_sprint_extremes_match_the_day_rows(journal: Store) -> None:
    days = series.daily_runs(journal, FIRST_MONDAY, END)
    weeks = {r.week: r for r in series.weekly_runs(journal, FIRST_MONDAY, END)}
    assert set(weeks) == {week_start(r.date) for r in days}
    for monday, week in weeks.items():
        rows = [r for r in days if week_start(r.date) == monday]
        assert week.runs == sum(r.runs for r in rows)
        assert week.minutes == pytest.approx(sum(r.minutes for r in rows))
        assert week.km == pytest.approx(sum(r.km for r in rows))
        assert week.load == pytest.approx(sum(r.load for r in rows))
        finishes = [r.best_finish_s for r in rows if r.best_finish_s is not None]
        assert week.best_finish_s == (min(finishes) if finishes else None)
    timed = [(r.date, r.best_finish_s) for r in days if r.best_finish_s is not None]
    first, best = series.sprint_extremes(journal, FIRST_MONDAY, END)
    assert first == min(timed)
    assert best == min(timed, key=lambda p: (p[1], p[0]))


def test_weeks_are_counted_from_the_monday_asked_for(journal: Store) -> None:
    later = FIRST_MONDAY + dt.timedelta(weeks=7)
    weeks = [w.week for w in series.weekly_runs(journal, later, END)]
    assert weeks[0] == later and all(w.weekday() == 0 for w in weeks)
    assert series.weekly_checkins(journal, AFTER + dt.timedelta(days=6), AFTER + dt.timedelta(days=30)) == []
    assert series.sprint_extremes(journal, AFTER + dt.timedelta(days=6), AFTER + dt.timedelta(days=30)) == (None, None)
