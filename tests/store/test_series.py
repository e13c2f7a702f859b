"""Aggregate queries on a real SQLite file: sums per day are right, and the window and athlete bound them."""

from __future__ import annotations

import datetime as dt

import pytest
from sqlalchemy import insert

from hamjournal.domain.models import Assessment, PlanItem, Prescription, Run, Session, SetEntry, SymptomLog
from hamjournal.store import schema, series
from hamjournal.store.repo import Store
from tests.domain.progress_support import ALL_CHARTS

D = dt.date
START, END = D(2026, 11, 2), D(2026, 11, 15)
BEFORE, AFTER = D(2026, 11, 1), D(2026, 11, 16)  # one day either side of the window


def reps(*counts: int, side: str = "both") -> tuple[SetEntry, ...]:
    return tuple(SetEntry(c, side) for c in counts)


def nordic(day: D, *counts: int, step: str = "band-assisted", pain: int | None = None) -> Session:
    return Session(day, "nordic", reps(*counts), step=step, tempo="4-0-1-0", rpe=6, pain_during=pain)


@pytest.fixture
def journal(store: Store) -> Store:
    """Two weeks of logs, plus the same kinds of rows a day before and a day after the window."""
    for day in (BEFORE, AFTER):
        store.add_session(nordic(day, 50, 50, pain=9))
        store.add_symptom(SymptomLog(day, 9, "morning", stiffness=9, sudden=True))
        store.add_run(Run(day, 500, "long", 90.0, 10, finish_s=1.0))
        store.add_assessment(Assessment(day, "hop-cm", left=1, right=2))
        store.add_plan_item(PlanItem(day, "nordic", "strength", Prescription(1, (1,)), deload=True))
    # 3 Nov: two Nordic sessions at two steps, and a hold session.
    store.add_session(nordic(D(2026, 11, 3), 6, 6, 5, step="band-assisted", pain=2))
    store.add_session(nordic(D(2026, 11, 3), 4, 4, step="incline", pain=4))
    store.add_session(Session(D(2026, 11, 3), "iso-hold", tuple(SetEntry(None, "left", 0, 30) for _ in range(3))))
    store.add_session(nordic(D(2026, 11, 10), 8, 8, 8, step="incline"))
    # Check-ins: two mornings on 4 Nov (one without stiffness), an evening with a sudden pain.
    store.add_symptom(SymptomLog(D(2026, 11, 4), 1, "morning", stiffness=3, sleep_h=7.0, fatigue=2))
    store.add_symptom(SymptomLog(D(2026, 11, 4), 3, "morning", sleep_h=8.0))
    store.add_symptom(SymptomLog(D(2026, 11, 4), 2, "evening", stiffness=1, sudden=True))
    # Runs: two on 5 Nov, one of them without an RPE (no load) and one with a sprint finish.
    store.add_run(Run(D(2026, 11, 5), 40, "easy", 8.0, 4, finish_s=30.5))
    store.add_run(Run(D(2026, 11, 5), 20, "easy", None, None, finish_s=29.0))
    store.add_run(Run(D(2026, 11, 12), 60, "long", 12.0, 6))
    store.add_assessment(Assessment(D(2026, 11, 8), "sl-bridge-reps", left=22, right=25))
    store.add_plan_item(PlanItem(D(2026, 11, 9), "nordic", "strength", Prescription(2, (5, 5)), deload=True))
    store.add_plan_item(PlanItem(D(2026, 11, 10), "sl-rdl", "strength", Prescription(2, (5, 5)), deload=True))
    return store


def test_daily_volume_sums_sets_and_reps_per_day_and_keeps_the_steps(journal: Store) -> None:
    rows = series.daily_volume(journal, START, END, exercise="nordic")
    assert [(r.date, r.sessions, r.sets, r.reps, r.steps) for r in rows] == [
        (D(2026, 11, 3), 2, 5, 25, ("band-assisted", "incline")),
        (D(2026, 11, 10), 1, 3, 24, ("incline",)),
    ]


def test_daily_volume_of_every_exercise_counts_holds_in_seconds(journal: Store) -> None:
    rows = {(r.date, r.exercise): r for r in series.daily_volume(journal, START, END)}
    hold = rows[(D(2026, 11, 3), "iso-hold")]
    assert (hold.sessions, hold.sets, hold.reps, hold.hold_s) == (1, 3, 0, 90)
    assert series.sessions_per_day(journal, START, END) == {
        (D(2026, 11, 3), "nordic"): 2,
        (D(2026, 11, 3), "iso-hold"): 1,
        (D(2026, 11, 10), "nordic"): 1,
    }


def test_daily_session_pain_is_max_and_average_of_sessions_with_pain(journal: Store) -> None:
    rows = series.daily_session_pain(journal, START, END)
    assert [(r.date, r.sessions, r.max_pain, r.avg_pain) for r in rows] == [(D(2026, 11, 3), 2, 4, 3.0)]


def test_daily_checkins_group_by_time_of_day(journal: Store) -> None:
    rows = {(r.date, r.when): r for r in series.daily_checkins(journal, START, END)}
    assert set(rows) == {(D(2026, 11, 4), "morning"), (D(2026, 11, 4), "evening")}
    morning = rows[(D(2026, 11, 4), "morning")]
    assert (morning.count, morning.avg_pain, morning.max_pain) == (2, 2.0, 3)
    assert morning.avg_stiffness == 3.0  # the check-in without stiffness does not count as 0
    assert morning.avg_sleep_h == 7.5 and morning.avg_fatigue == 2.0
    assert morning.sudden is False
    assert rows[(D(2026, 11, 4), "evening")].sudden is True


def test_daily_runs_sum_minutes_km_and_load_and_keep_the_best_finish(journal: Store) -> None:
    rows = series.daily_runs(journal, START, END)
    assert [(r.date, r.runs, r.minutes, r.km, r.load, r.best_finish_s) for r in rows] == [
        (D(2026, 11, 5), 2, 60.0, 8.0, 160.0, 29.0),  # the run without an RPE adds no load
        (D(2026, 11, 12), 1, 60.0, 12.0, 360.0, None),
    ]


@pytest.mark.parametrize(
    "query",
    [
        lambda s: series.daily_volume(s, START, END),
        lambda s: series.daily_session_pain(s, START, END),
        lambda s: series.daily_checkins(s, START, END),
        lambda s: series.daily_runs(s, START, END),
        lambda s: series.assessments(s, START, END),
        lambda s: series.deload_days(s, START, END),
    ],
)
def test_rows_outside_the_window_do_not_count(journal: Store, query) -> None:  # type: ignore[no-untyped-def]
    rows = query(journal)
    dates = [r if isinstance(r, dt.date) else r.date for r in rows]
    assert dates and all(START <= d <= END for d in dates)


def test_window_edges_are_inclusive(journal: Store) -> None:
    assert [r.date for r in series.daily_runs(journal, BEFORE, BEFORE)] == [BEFORE]
    assert [r.date for r in series.daily_volume(journal, AFTER, AFTER)] == [AFTER]


def test_deload_days_are_nordic_plan_items_marked_deload(journal: Store) -> None:
    assert series.deload_days(journal, START, END) == [D(2026, 11, 9)]


def test_first_and_last_dates(journal: Store) -> None:
    assert series.first_load_day(journal, END) == BEFORE
    assert series.first_load_day(journal, D(2026, 10, 1)) is None
    assert series.last_assessed(journal, END) == D(2026, 11, 8)
    assert series.last_assessed(journal, AFTER) == AFTER
    assert series.first_session_day(journal) == BEFORE


def test_another_athletes_rows_are_never_counted(journal: Store) -> None:
    with journal.engine.begin() as conn:
        other_id = conn.execute(insert(schema.athletes).values(name="squadmate")).inserted_primary_key[0]
    other = Store(journal.engine, other_id, journal.label)
    other.add_session(nordic(D(2026, 11, 3), 99))
    other.add_run(Run(D(2026, 11, 5), 999, "long", 99.0, 10))
    other.add_symptom(SymptomLog(D(2026, 11, 4), 10, "morning"))
    assert sum(r.reps for r in series.daily_volume(journal, START, END, "nordic")) == 49
    assert sum(r.minutes for r in series.daily_runs(journal, START, END)) == 120.0
    assert max(r.max_pain for r in series.daily_checkins(journal, START, END)) == 3
    assert [r.reps for r in series.daily_volume(other, START, END)] == [99]


def test_an_empty_window_gives_empty_lists(store: Store) -> None:
    assert series.daily_volume(store, START, END) == []
    assert series.daily_checkins(store, START, END) == []
    assert series.daily_runs(store, START, END) == []
    assert series.first_load_day(store, END) is None


# -- through the service and the command ----------------------------------------------------------------------


def test_service_progress_report_and_reassessment(journal: Store, capsys: pytest.CaptureFixture[str]) -> None:
    import argparse

    from hamjournal.commands import report as report_command
    from hamjournal.services import JournalService

    service = JournalService(journal, today=lambda: D(2026, 11, 25))
    data = service.progress_series("12w", ALL_CHARTS)
    weekly = dict(zip(data.frame.weeks, data.charts["nordic"].weekly_reps, strict=True))
    assert weekly[D(2026, 10, 26)] == 100  # 1 Nov is a Sunday: the week before the window's 2 Nov
    assert weekly[D(2026, 11, 2)] == 25 and weekly[D(2026, 11, 9)] == 24 and weekly[D(2026, 11, 16)] == 100
    assert service.reassessment_due() is None  # last assessed 16 Nov
    assert report_command.run(argparse.Namespace(weeks="4"), service) == 0
    text = capsys.readouterr().out
    assert "  Nordic hamstring curl: 4 sessions, 10 sets, 149 reps; steps band-assisted, incline" in text
    assert "Single-leg bridge: left 22 reps, right 25 reps: left weaker by 12% (symmetry 88%)" in text
    assert "Advice today" in text


def test_cached_progress_is_the_last_read_until_a_write_or_a_new_day(journal: Store) -> None:
    from hamjournal.services import JournalService

    today = [D(2026, 11, 25)]
    service = JournalService(journal, today=lambda: today[0])
    assert service.cached_progress("12w", ALL_CHARTS) is None  # nothing read yet
    data = service.progress_series("12w", ALL_CHARTS)
    assert service.cached_progress("12w", ALL_CHARTS) is data
    assert service.cached_progress("6m", ALL_CHARTS) is None  # only what was read
    assert service.cached_progress("12w", {"nordic": ALL_CHARTS["nordic"]}) is None  # other charts asked for
    service.check_in(1, date=D(2026, 11, 25))
    assert service.cached_progress("12w", ALL_CHARTS) is None  # written since: read again
    service.progress_series("12w", ALL_CHARTS)
    today[0] = D(2026, 11, 26)
    assert service.cached_progress("12w", ALL_CHARTS) is None  # a new day moves the window


def test_report_command_refuses_bad_weeks_before_opening_anything(tmp_path) -> None:  # type: ignore[no-untyped-def]
    import argparse

    from hamjournal.commands import report as report_command
    from hamjournal.domain.errors import InvalidInput

    missing = tmp_path / "nothing-here.db"
    with pytest.raises(InvalidInput, match="weeks"):
        report_command.report(argparse.Namespace(weeks="0", db=str(missing), athlete=None))
    assert not missing.exists()
