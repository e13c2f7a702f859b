"""The rehab gates (rules-reference section 2, Rehab gates), boundary by boundary.

Running stages open in order, each after two sessions at the stage before with pain <= 2/10; pain up to 4/10
keeps the stage, above 4 is one stage back; more than 14 days without running is one stage back (not to the
start). Sprints also need ASLR and strength within 10% of the other leg and an H-test of 0. Maximal tests wait for
day 14 after the strain and the 50-70% stage.
"""

from __future__ import annotations

import datetime as dt

import pytest

from hamjournal.domain.advice.report import Advice, AdviceReport, Flag, LoadSummary
from hamjournal.domain.models import Assessment, Injury, Prescription, Profile, Session, SetEntry
from hamjournal.domain.planner.plan import HistorySummary, Plan, make_plan, summarize
from hamjournal.domain.planner.rehab import (
    STAGES,
    DrillSession,
    log_stage,
    sprint_checks,
    stage_gate,
)

MONDAY = dt.date(2026, 11, 23)
NO_LOAD = LoadSummary(0, 0.0, 0.0, None, None, None, None, None, None)
STRAIN = MONDAY - dt.timedelta(days=30)
REHAB = Profile(mode="rehab", injuries=(Injury(STRAIN, "left", 1),))
RX = Prescription(2, (8, 8))
STRENGTH_OK = (("iso-hold", "hold", "single-leg"), ("askling-extender", "progress", "slow"),
               ("askling-diver", "hold", "slow"), ("askling-glider", "hold", "short"))


def advice(*items: tuple[str, str, str], flags: tuple[Flag, ...] = ()) -> AdviceReport:
    made = tuple(Advice(slug, action, step, RX, RX, step, (), ()) for slug, action, step in items)
    return AdviceReport(MONDAY, made, flags, NO_LOAD)


OK = advice(*STRENGTH_OK)


def drills(*sessions: tuple[int, int | None], gap: int = 2, end: dt.date = MONDAY) -> tuple[DrillSession, ...]:
    """(stage, pain) sessions `gap` days apart, the last on the day before `end`."""
    first = end - dt.timedelta(days=gap * (len(sessions) - 1) + 1)
    out = []
    for n, (stage, pain) in enumerate(sessions):
        run = STAGES[stage - 1]
        out.append(DrillSession(first + dt.timedelta(days=gap * n), run.exercise, run.step, pain))
    return tuple(out)


def result(name: str, left: float | None = None, right: float | None = None, value: float | None = None,
         days_ago: int = 1) -> Assessment:
    return Assessment(MONDAY - dt.timedelta(days=days_ago), name, left, right, value)


READY = {"aslr-deg": result("aslr-deg", 80, 82), "sl-bridge-reps": result("sl-bridge-reps", 24, 25),
         "h-test-insecurity": result("h-test-insecurity", 0, 0)}


# -- the stage the log has reached -----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("sessions", "stage"),
    [
        ((), 1),
        (((1, 2),), 1),
        (((1, 2), (1, 2)), 2),  # two sessions with pain <= 2 open the next stage
        (((1, 0), (1, 3)), 1),  # 3/10 keeps the stage open but does not count
        (((1, 2), (1, 3), (1, 2)), 2),
        (((1, 2), (1, None)), 1),  # pain not logged: not known to be 2/10 or less
        (((1, 4), (1, 4)), 1),  # 4/10 keeps the stage
        (((1, 2), (1, 2), (2, 4)), 2),
        (((1, 2), (1, 2), (2, 5)), 1),  # above 4: one stage back
        (((1, 2), (1, 2), (2, 2), (2, 2), (3, 5)), 2),
        (((1, 2), (1, 2), (2, 2), (2, 2), (3, 2), (3, 2)), 4),
        (((1, 5),), 1),  # never below stage 1
        (((1, 2), (1, 2), (2, 2), (2, 2), (1, 5)), 1),  # pain at a lower stage: one below that one
        (((1, 2), (1, 2), (2, 5), (1, 2), (1, 2)), 2),  # back, then two good sessions reopen it
        (((1, 2), (2, 2), (2, 2)), 1),  # sessions ahead of the open stage do not count
    ],
)
def test_stages_open_in_order_on_pain(sessions: tuple[tuple[int, int | None], ...], stage: int) -> None:
    assert log_stage(drills(*sessions), MONDAY).stage == stage


@pytest.mark.parametrize(
    ("gap", "stage"),
    [(14, 3), (15, 2)],  # more than 14 days without running: one stage back, not to the start
)
def test_a_break_in_running_is_one_stage_back(gap: int, stage: int) -> None:
    early = drills((1, 2), (1, 2), (2, 2), (2, 2), end=MONDAY - dt.timedelta(days=gap))
    late = drills((3, 3), end=MONDAY)
    walked = log_stage((*early, *late), MONDAY)
    assert walked.stage == stage
    assert bool(walked.changes) == (stage == 2)


@pytest.mark.parametrize(("days_since", "stage"), [(14, 3), (15, 2)])
def test_no_running_up_to_today_is_one_stage_back(days_since: int, stage: int) -> None:
    sessions = drills((1, 2), (1, 2), (2, 2), (2, 2), end=MONDAY - dt.timedelta(days=days_since - 1))
    walked = log_stage(sessions, MONDAY)
    assert walked.stage == stage
    if stage == 2:
        assert walked.changes == (f"back to stage 2: {days_since} days without running",)


def test_a_step_back_is_told() -> None:
    walked = log_stage(drills((1, 2), (1, 2), (2, 5)), MONDAY)
    assert walked.changes == ("back to stage 1: pain 5/10 during the stage 2 session on 22 Nov (above 4/10)",)


# -- what today's advice may do -------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("flag", "stage"),
    [
        (None, 3),
        (Flag("pain-limit", "caution", "pain 4/10", "askling-diver"), 3),  # up to 4/10 keeps the stage
        (Flag("pain-limit", "warning", "pain 5/10", "askling-diver"), 0),  # strength work above the limit
        (Flag("morning-worse", "warning", "worse morning", "iso-hold"), 0),
        (Flag("pain-limit", "warning", "pain 5/10", "strides"), 3),  # a drill's pain works through the stages
    ],
)
def test_pain_flags(flag: Flag | None, stage: int) -> None:
    report = advice(*STRENGTH_OK, flags=() if flag is None else (flag,))
    gate = stage_gate(report, drills((1, 2), (1, 2), (2, 2), (2, 2)), READY, MONDAY)
    assert gate.open == stage


@pytest.mark.parametrize("bad", ["regress", "stop", "deload"])
def test_a_rehab_exercise_not_at_progress_or_hold_closes_running(bad: str) -> None:
    report = advice(("iso-hold", bad, "single-leg"), *STRENGTH_OK[1:])
    assert stage_gate(report, drills((1, 2), (1, 2)), READY, MONDAY).open == 0


def test_the_calendar_alone_opens_nothing() -> None:
    assert stage_gate(None, (), READY, MONDAY).open == 0
    assert stage_gate(advice(), (), READY, MONDAY).open == 0


# -- sprints: range, strength, H-test --------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("aslr", "bridge", "h_test", "missing"),
    [
        ((80, 82), (24, 25), (0, 0), None),
        ((90, 100), (24, 25), (0, 0), None),  # exactly 10% short: within 10%
        ((89, 100), (24, 25), (0, 0), "full pain-free range first"),  # 11% short
        ((80, 95), (24, 25), (0, 0), "full pain-free range first"),  # 15 degrees short (16%)
        ((80, 82), (22.5, 25), (0, 0), None),  # exactly 10%
        ((80, 82), (22, 25), (0, 0), "strength within 10% first"),  # 12%
        ((80, 82), (18, 25), (0, 0), "strength within 10% first (single-leg bridge 18 vs 25 reps on 22 Nov, 28% "),
        ((80, 82), (25, 18), (0, 0), "28% short"),  # either leg
        ((80, 82), (24, 25), (1, 0), "an H-test with no insecurity first (latest: left 1, right 0)"),
        ((80, 82), (24, 25), (0, 2), "an H-test with no insecurity first"),
        (None, (24, 25), (0, 0), "an ASLR test"),
        ((80, 82), None, (0, 0), "strength within 10% first: a single-leg bridge test"),
        ((80, 82), (24, 25), None, "an H-test first"),
    ],
)
def test_sprint_checks(
    aslr: tuple[float, float] | None,
    bridge: tuple[float, float] | None,
    h_test: tuple[float, float] | None,
    missing: str | None,
) -> None:
    tests = {}
    for name, pair in (("aslr-deg", aslr), ("sl-bridge-reps", bridge), ("h-test-insecurity", h_test)):
        if pair is not None:
            tests[name] = result(name, *pair)
    texts, due = sprint_checks(tests, None)
    if missing is None:
        assert texts == () and due == ()
    else:
        assert any(missing in t for t in texts), texts
        assert due


@pytest.mark.parametrize(
    ("bridge_days_ago", "nordic_days_ago", "nordic", "before", "short"),
    [
        (10, 2, 9.0, 10.0, False),  # the latest is the Nordic test, 10% under its pre-strain best: within
        (10, 2, 8.9, 10.0, True),  # 11% under
        (2, 10, 10.0, 10.0, True),  # the latest is the bridge (18 vs 25)
        (10, 2, 10.0, None, True),  # a Nordic test without a pre-strain value cannot compare: the bridge decides
        (2, 2, 10.0, 10.0, True),  # same day: the weaker result decides
    ],
)
def test_strength_is_the_latest_bridge_or_nordic_test(
    bridge_days_ago: int, nordic_days_ago: int, nordic: float, before: float | None, short: bool
) -> None:
    tests = {**READY, "sl-bridge-reps": result("sl-bridge-reps", 18, 25, days_ago=bridge_days_ago),
             "nordic-lowering-s": result("nordic-lowering-s", value=nordic, days_ago=nordic_days_ago)}
    texts, _ = sprint_checks(tests, before)
    assert any("strength within 10% first" in t for t in texts) == short


@pytest.mark.parametrize(
    ("tests", "stage"),
    [
        (READY, 4),
        ({**READY, "sl-bridge-reps": result("sl-bridge-reps", 18, 25)}, 3),
        ({**READY, "aslr-deg": result("aslr-deg", 80, 95)}, 3),
        ({**READY, "h-test-insecurity": result("h-test-insecurity", 0, 1)}, 3),
    ],
)
def test_sprints_open_only_when_every_check_passes(tests: dict[str, Assessment], stage: int) -> None:
    log = drills((1, 2), (1, 2), (2, 2), (2, 2), (3, 1), (3, 2))
    assert stage_gate(OK, log, tests, MONDAY).open == stage


def stage_drills(plan: Plan) -> set[tuple[str, str | None]]:
    return {(i.exercise, i.step) for i in plan.items if i.kind == "run-drill"}


def test_worked_example_no_sprints_while_strength_is_28_percent_short() -> None:
    # Rehab, H-test 0, bridge reps 18 vs 25 (28% short) -> no sprints; the notes say "strength within 10% first".
    tests = (result("aslr-deg", 80, 82), result("sl-bridge-reps", 18, 25), result("h-test-insecurity", 0, 0))
    history = HistorySummary(drill_log=drills((1, 2), (1, 2), (2, 2), (2, 2), (3, 1), (3, 2)), latest_tests=tests,
                             last_assessment=MONDAY - dt.timedelta(days=1))
    plan = make_plan(MONDAY, REHAB, advice(*STRENGTH_OK, ("strides", "progress", "fast")), history, weeks=2)
    assert ("strides", "near-max") not in stage_drills(plan)
    assert ("strides", "fast") in stage_drills(plan)
    note = next(n for n in plan.notes if "no sprints yet" in n)
    assert "strength within 10% first (single-leg bridge 18 vs 25 reps on 22 Nov, 28% short)" in note


def test_a_failing_check_books_its_test_again() -> None:
    tests = (result("aslr-deg", 80, 82, days_ago=10), result("sl-bridge-reps", 18, 25, days_ago=10),
             result("h-test-insecurity", 0, 0, days_ago=10))
    history = HistorySummary(drill_log=drills((1, 2), (1, 2), (2, 2), (2, 2), (3, 1), (3, 2)), latest_tests=tests,
                             last_assessment=MONDAY - dt.timedelta(days=10))
    plan = make_plan(MONDAY, REHAB, OK, history, weeks=1)
    booked = [i for i in plan.items if i.kind == "assessment"]
    assert [i.exercise for i in booked] == ["sl-bridge-reps"]
    assert "sprints wait for this test" in booked[0].why


def test_a_step_back_shows_in_the_notes() -> None:
    history = HistorySummary(drill_log=drills((1, 2), (1, 2), (2, 2), (2, 2), (3, 5)))
    plan = make_plan(MONDAY, REHAB, OK, history, weeks=1)
    assert stage_drills(plan) == {("strides", "relaxed")}
    assert any("Rehab: back to stage 2: pain 5/10 during the stage 3 session" in n for n in plan.notes)


# -- maximal tests: day 14 and the 50-70% stage ----------------------------------------------------------------------


@pytest.mark.parametrize(
    ("strain_days_ago", "log", "maximal_from"),
    [
        (30, (), None),  # stage 1 open: no maximal test at all, the ASLR alone
        (30, ((1, 2), (1, 2)), 0),  # stage 2 open, day 30: this week
        (13, ((1, 2), (1, 2)), 1),  # day 13 today: the maximal tests wait for tomorrow, day 14
        (14, ((1, 2), (1, 2)), 0),  # day 14 today
    ],
)
def test_maximal_tests_wait_for_day_14_and_the_50_70_stage(
    strain_days_ago: int, log: tuple[tuple[int, int], ...], maximal_from: int | None
) -> None:
    strain = MONDAY - dt.timedelta(days=strain_days_ago)
    profile = Profile(mode="rehab", injuries=(Injury(strain),))
    history = HistorySummary(drill_log=tuple(s for s in drills(*log) if s.date >= strain) if log else ())
    plan = make_plan(MONDAY, profile, OK, history, weeks=1)
    tests = [i for i in plan.items if i.kind == "assessment"]
    maximal = [i for i in tests if i.exercise in ("sl-bridge-reps", "h-test-insecurity")]
    if maximal_from is None:
        assert [i.exercise for i in tests] == ["aslr-deg"]
        assert "the maximal tests wait for the 50-70% running stage" in tests[0].why
    else:
        assert maximal and min(i.date for i in maximal) >= MONDAY + dt.timedelta(days=maximal_from)


def test_prevention_mode_keeps_maximal_tests_off_the_first_two_weeks_after_a_strain() -> None:
    profile = Profile(injuries=(Injury(MONDAY - dt.timedelta(days=10)),))
    plan = make_plan(MONDAY, profile, None, HistorySummary(), weeks=2)
    tests = [i for i in plan.items if i.kind == "assessment"]
    assert tests and min(i.date for i in tests) >= MONDAY + dt.timedelta(days=4)


# -- what the planner reads from the log -----------------------------------------------------------------------------


def test_summarize_reads_drills_with_pain_and_the_latest_tests() -> None:
    strides = Session(MONDAY - dt.timedelta(days=3), "strides", (SetEntry(5),), step="relaxed", pain_during=2)
    early = Session(STRAIN - dt.timedelta(days=3), "strides", (SetEntry(5),), step="fast", pain_during=0)
    assessments = (
        result("sl-bridge-reps", 20, 25, days_ago=20), result("sl-bridge-reps", 23, 25, days_ago=5),
        result("aslr-deg", 80, 85, days_ago=5), result("nordic-lowering-s", value=8.0, days_ago=60),
        result("nordic-lowering-s", value=6.0, days_ago=4), result("h-test-insecurity", 0, 0, days_ago=2),
    )
    summary = summarize(MONDAY, REHAB, [strides, early], assessments)
    assert summary.drill_log == (DrillSession(strides.date, "strides", "relaxed", 2),)
    latest = {t.test: t for t in summary.latest_tests}
    assert latest["sl-bridge-reps"].left == 23 and latest["nordic-lowering-s"].value == 6.0
    assert set(latest) == {"sl-bridge-reps", "aslr-deg", "nordic-lowering-s", "h-test-insecurity"}
    assert summary.nordic_before_strain == 8.0
