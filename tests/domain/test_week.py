"""The week calendar: planned items matched with what was logged, at every status boundary."""

from __future__ import annotations

import datetime as dt

import pytest

from hamjournal.domain.models import PlanItem, Prescription, Profile, Run, Session, SetEntry, SymptomLog
from hamjournal.domain.week import (
    DONE,
    MISSED,
    ON_HOLD,
    PLANNED,
    SKIPPED,
    build_week,
    plan_label,
    week_start,
)

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


def item(day: dt.date, exercise: str = "nordic", status: str = "planned", item_id: int = 1) -> PlanItem:
    return PlanItem(day, exercise, "strength", RX, step="band-assisted", status=status, id=item_id)


def session(day: dt.date, exercise: str = "nordic", session_id: int = 7) -> Session:
    return Session(day, exercise, (SetEntry(5), SetEntry(5)), step="band-assisted", id=session_id)


def counts(plan, sessions, stopped: bool = False):  # type: ignore[no-untyped-def]
    tally = build_week(MONDAY, WEDNESDAY, PROFILE, plan, sessions, [], [], since=MONDAY, stopped=stopped).counts()
    return tally[DONE], tally[MISSED], tally[PLANNED], tally[SKIPPED], tally["on_hold"], tally["unplanned"]


@pytest.mark.parametrize(
    ("plan", "sessions", "expected"),
    [
        # (done, missed, planned, skipped, on hold, unplanned)
        ([item(MONDAY), item(dt.date(2026, 11, 26), item_id=2), item(dt.date(2026, 11, 24), "nordic", "skipped", 3)],
         [], (0, 1, 1, 1, 0, 0)),
        # A week of logged sessions with no plan reads as done, not "0 done".
        ([], [session(MONDAY, session_id=1), session(WEDNESDAY, "sl-bridge", 2)], (2, 0, 0, 0, 0, 2)),
        # A planned item done on its day, and an unplanned one beside it.
        ([item(MONDAY)], [session(MONDAY, session_id=1), session(MONDAY, "iso-hold", 2)], (2, 0, 0, 0, 0, 1)),
        # Done a day late: the Monday item is done, not missed.
        ([item(MONDAY)], [session(dt.date(2026, 11, 24))], (1, 0, 0, 0, 0, 0)),
        # Done early: Wednesday's session fulfils Friday's open item.
        ([item(dt.date(2026, 11, 27))], [session(WEDNESDAY)], (1, 0, 0, 0, 0, 0)),
        # A skipped item stays skipped; another exercise's session does not fulfil it.
        ([item(MONDAY, status="skipped")], [session(MONDAY, "sl-bridge")], (1, 0, 0, 1, 0, 1)),
        # Today's item is planned, not missed.
        ([item(WEDNESDAY)], [], (0, 0, 1, 0, 0, 0)),
    ],
)
def test_week_counts(plan, sessions, expected) -> None:  # type: ignore[no-untyped-def]
    assert counts(plan, sessions) == expected


def test_a_stop_puts_open_items_of_today_and_later_on_hold() -> None:
    plan = [item(MONDAY), item(WEDNESDAY, item_id=2), item(dt.date(2026, 11, 27), "sl-bridge", item_id=3)]
    view = build_week(MONDAY, WEDNESDAY, PROFILE, plan, [], [], [], since=MONDAY, stopped=True)
    assert counts(plan, [], stopped=True) == (0, 1, 0, 0, 2, 0)
    today = [e for e in day_entries(view, WEDNESDAY) if e.kind == "plan"]
    assert today[0].status == ON_HOLD
    assert today[0].label.startswith("On hold (stop): Nordic")
    assert today[0].mark == "■"


def test_a_session_done_late_shows_on_the_day_it_was_done() -> None:
    view = build_week(MONDAY, WEDNESDAY, PROFILE, [item(MONDAY)], [session(dt.date(2026, 11, 24))], [], [])
    assert [e for e in day_entries(view, MONDAY) if e.kind == "plan"] == []
    tuesday = [e for e in day_entries(view, dt.date(2026, 11, 24)) if e.kind == "plan"]
    assert tuesday[0].status == DONE
    assert "(planned for Monday)" in tuesday[0].detail


@pytest.mark.parametrize(
    ("day", "monday"),
    [(dt.date(2026, 11, 23), MONDAY), (dt.date(2026, 11, 29), MONDAY), (dt.date(2026, 11, 30), dt.date(2026, 11, 30))],
)
def test_week_start_is_the_monday(day: dt.date, monday: dt.date) -> None:
    assert week_start(day) == monday


def test_a_reassessment_day_is_named_for_a_runner() -> None:
    item = PlanItem(WEDNESDAY, "sl-bridge-reps", "assessment", Prescription(1, (1,)))
    assert plan_label(item) == "Reassessment: Single-leg bridge"


def test_strides_typed_in_a_run_are_the_days_planned_strides() -> None:
    monday = MONDAY
    strides = PlanItem(monday, "strides", "run-drill", Prescription(6, (1,) * 6), step="relaxed", id=7)
    run = Run(monday, 40, "easy", distance_km=8.0, strides=6, id=3)
    view = build_week(MONDAY, WEDNESDAY, PROFILE, [strides], [], [run], [])
    entries = day_entries(view, monday)
    done = [e for e in entries if e.kind == "plan"]
    assert [(e.status, e.label) for e in done] == [(DONE, "Strides 6 · in the run")]
    assert view.counts()[DONE] == 1 and view.counts()[MISSED] == 0, "counted once, as the planned item"
    # Without strides in the run, the item is still open (here: missed, Monday is past).
    plain_run = Run(monday, 40, "easy", id=3)
    view = build_week(MONDAY, WEDNESDAY, PROFILE, [strides], [], [plain_run], [])
    assert [e.status for e in day_entries(view, monday) if e.kind == "plan"] == [MISSED]


def test_a_logged_test_does_the_planned_test_and_shows_on_its_day() -> None:
    from hamjournal.domain.models import Assessment

    test_item = PlanItem(MONDAY, "sl-bridge-reps", "assessment", Prescription(1, (1,)), id=9)
    logged = (Assessment(MONDAY, "sl-bridge-reps", left=20, right=24, id=1),
              Assessment(MONDAY, "hop-cm", left=150, right=160, id=2))
    view = build_week(MONDAY, WEDNESDAY, PROFILE, [test_item], [], [], [], assessments=logged)
    entries = day_entries(view, MONDAY)
    assert [(e.kind, e.status, e.label) for e in entries if e.kind in ("plan", "assessment")] == [
        ("plan", DONE, "Single-leg bridge L 20 / R 24"),
        ("assessment", "logged", "Single-leg hop L 150 / R 160"),
    ]
