"""The week calendar: planned items matched with what was logged, at every status boundary."""

from __future__ import annotations

import datetime as dt

import pytest

from hamjournal.domain.models import PlanItem, Prescription, Profile, Run, Session, SetEntry, SymptomLog
from hamjournal.domain.week import DONE, MISSED, PLANNED, SKIPPED, build_week, plan_label, week_start

MONDAY = dt.date(2026, 11, 23)
WEDNESDAY = dt.date(2026, 11, 25)
PROFILE = Profile(running_days=("mon", "tue", "thu", "sun"), long_run_day="sun", hard_days=("tue",))
RX = Prescription(2, (5, 5), tempo="4-0-1-0")


def nordic_plan(day: dt.date, status: str = "planned") -> PlanItem:
    return PlanItem(day, "nordic", "strength", RX, step="band-assisted", status=status, id=1)


def nordic_session(day: dt.date) -> Session:
    return Session(day, "nordic", (SetEntry(5), SetEntry(5)), step="band-assisted", id=7)


def day_entries(view, day: dt.date):  # type: ignore[no-untyped-def]
    return next(d for d in view.days if d.date == day).entries


@pytest.mark.parametrize(
    ("plan_day", "status", "logged", "expected"),
    [
        (MONDAY, "planned", False, MISSED),  # past, nothing logged
        (MONDAY, "planned", True, DONE),  # past, logged the same day
        (WEDNESDAY, "planned", False, PLANNED),  # today is not missed yet
        (WEDNESDAY, "planned", True, DONE),
        (dt.date(2026, 11, 26), "planned", False, PLANNED),  # future
        (MONDAY, "skipped", False, SKIPPED),  # skipped is never missed
        (dt.date(2026, 11, 26), "skipped", False, SKIPPED),
    ],
)
def test_planned_item_status(plan_day: dt.date, status: str, logged: bool, expected: str) -> None:
    sessions = [nordic_session(plan_day)] if logged else []
    view = build_week(MONDAY, WEDNESDAY, PROFILE, [nordic_plan(plan_day, status)], sessions, [], [])
    plan_entries = [e for e in day_entries(view, plan_day) if e.kind == "plan"]
    assert [e.status for e in plan_entries] == [expected]
    # A matched session is shown once, inside the plan entry, not again as an extra session.
    assert not [e for e in day_entries(view, plan_day) if e.kind == "session"]


def test_a_session_of_another_exercise_does_not_tick_the_plan() -> None:
    other = Session(MONDAY, "bridge", (SetEntry(8),), id=3)
    view = build_week(MONDAY, WEDNESDAY, PROFILE, [nordic_plan(MONDAY)], [other], [], [])
    kinds = {(e.kind, e.status) for e in day_entries(view, MONDAY)}
    assert ("plan", MISSED) in kinds and ("session", DONE) in kinds


@pytest.mark.parametrize(
    ("day", "label", "status"),
    [
        (MONDAY, "Easy run (not logged)", MISSED),
        (dt.date(2026, 11, 24), "Hard run (not logged)", MISSED),
        (dt.date(2026, 11, 26), "Easy run", PLANNED),
        (dt.date(2026, 11, 29), "Long run", PLANNED),
    ],
)
def test_expected_runs_from_the_running_week(day: dt.date, label: str, status: str) -> None:
    view = build_week(MONDAY, WEDNESDAY, PROFILE, [], [], [], [], since=MONDAY)
    runs = [e for e in day_entries(view, day) if e.kind == "expected-run"]
    assert [(e.label, e.status) for e in runs] == [(label, status)]


def test_no_expected_run_on_a_rest_day_or_when_a_run_was_logged() -> None:
    logged = Run(MONDAY, 40, distance_km=8.0, rpe=4, id=2)
    view = build_week(MONDAY, WEDNESDAY, PROFILE, [], [], [logged], [], since=MONDAY)
    assert [e.kind for e in day_entries(view, MONDAY)] == ["run"]
    assert day_entries(view, WEDNESDAY) == ()  # Wednesday is not a running day


@pytest.mark.parametrize(
    ("since", "shown"),
    [(WEDNESDAY, False), (dt.date(2026, 11, 24), False), (MONDAY, True), (dt.date(2026, 1, 1), True), (None, True)],
)
def test_days_before_the_journal_started_are_not_missed(since: dt.date | None, shown: bool) -> None:
    view = build_week(MONDAY, WEDNESDAY, PROFILE, [], [], [], [], since=since)
    assert bool([e for e in day_entries(view, MONDAY) if e.kind == "expected-run"]) is shown


def test_check_ins_are_listed_and_today_is_marked() -> None:
    log = SymptomLog(WEDNESDAY, pain=1, stiffness=2, id=5)
    view = build_week(MONDAY, WEDNESDAY, PROFILE, [], [], [], [log])
    assert [d.is_today for d in view.days].count(True) == 1
    assert [e.label for e in day_entries(view, WEDNESDAY)] == ["Morning: pain 1, stiff 2"]


def test_counts_only_plan_items() -> None:
    plan = [nordic_plan(MONDAY), nordic_plan(dt.date(2026, 11, 26)), nordic_plan(dt.date(2026, 11, 24), "skipped")]
    view = build_week(MONDAY, WEDNESDAY, PROFILE, plan, [], [], [], since=MONDAY)
    assert view.counts() == {DONE: 0, MISSED: 1, PLANNED: 1, SKIPPED: 1}


@pytest.mark.parametrize(
    ("day", "monday"),
    [(dt.date(2026, 11, 23), MONDAY), (dt.date(2026, 11, 29), MONDAY), (dt.date(2026, 11, 30), dt.date(2026, 11, 30))],
)
def test_week_start_is_the_monday(day: dt.date, monday: dt.date) -> None:
    assert week_start(day) == monday


def test_a_reassessment_day_is_named_for_a_runner() -> None:
    item = PlanItem(WEDNESDAY, "sl-bridge-reps", "assessment", Prescription(1, (1,)))
    assert plan_label(item) == "Reassessment: Single-leg bridge"
