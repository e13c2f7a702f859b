"""The planner over many generated weeks: placement, the programme, blocks, deloads, reassessment, rehab, stop.

The grid: every long-run day x every set of 1-3 hard days among the other days x today on each weekday, with a
race variant cycling through none, a 5K, a half and a marathon (A) and a B race.
"""

from __future__ import annotations

import datetime as dt
import functools
import itertools
import json
from collections import Counter

import pytest

from hamjournal.domain.advice.report import Advice, AdviceReport, Flag, LoadSummary
from hamjournal.domain.models import WEEKDAYS, Assessment, Injury, PlanItem, Prescription, Profile, Race
from hamjournal.domain.planner.blocks import monday
from hamjournal.domain.planner.calendar import weekly_capacity
from hamjournal.domain.planner.plan import HistorySummary, Plan, make_plan
from hamjournal.domain.planner.rehab import DrillSession

MONDAY = dt.date(2026, 11, 23)
HAMSTRING = {"nordic", "sl-rdl", "bridge", "sl-bridge", "iso-hold", "split-squat", "hip-hinge", "slider-curl",
             "askling-extender", "askling-diver", "askling-glider", "hip-thrust", "calf-raise"}
NO_LOAD = LoadSummary(0, 0.0, 0.0, None, None, None, None, None, None)


def races_for(variant: int, today: dt.date) -> tuple[Race, ...]:
    """None, an A 5K in 3 weeks, an A half in 6 weeks, an A marathon in 10 weeks plus a B 10K."""
    if variant == 0:
        return ()
    if variant == 1:
        return (Race(today + dt.timedelta(days=19), "Parkrun", 5.0, "A"),)
    if variant == 2:
        return (Race(today + dt.timedelta(days=41), "Half", 21.1, "A"),)
    return (Race(today + dt.timedelta(days=12), "Club 10K", 10.0, "B"),
            Race(today + dt.timedelta(days=70), "Marathon", 42.2, "A"))


def grid() -> list[tuple[Profile, dt.date]]:
    cases = []
    index = 0
    for long_day in WEEKDAYS:
        others = [d for d in WEEKDAYS if d != long_day]
        for count in (1, 2, 3):
            for hard in itertools.combinations(others, count):
                for offset in range(7):
                    today = MONDAY + dt.timedelta(days=offset)
                    profile = Profile(
                        running_days=tuple(sorted({*hard, long_day, *others[:3]}, key=WEEKDAYS.index)),
                        long_run_day=long_day,
                        hard_days=hard,
                        races=races_for(index % 4, today),
                    )
                    cases.append((profile, today))
                    index += 1
    return cases


@functools.cache
def grid_plans() -> list[tuple[Profile, dt.date, Plan]]:
    return [(p, t, make_plan(t, p, None, HistorySummary(), weeks=4)) for p, t in grid()]


def weekday(day: dt.date) -> str:
    return WEEKDAYS[day.weekday()]


def advice(*items: tuple[str, str, str], flags: tuple[Flag, ...] = ()) -> AdviceReport:
    """An AdviceReport with (exercise, action, step) items, each with a logged 2x8 dose."""
    rx = Prescription(2, (8, 8))
    made = tuple(
        Advice(slug, action, step, None if action == "none" else rx, rx, step, (), ())
        for slug, action, step in items
    )
    return AdviceReport(MONDAY, made, flags, NO_LOAD)


def nordics(plan: Plan) -> list[PlanItem]:
    return [i for i in plan.items if i.exercise == "nordic"]


# -- placement ------------------------------------------------------------------------------------------------


def test_the_grid_is_large() -> None:
    assert len(grid()) == 7 * (6 + 15 + 20) * 7


def test_no_hamstring_strength_on_the_long_run_day_or_a_hard_day() -> None:
    # Revised reference: Nordics 48 h apart and never on the long run or its eve. A usual week that cannot hold
    # 3 sessions that way without a hard day gets one on a hard day, and the why says so (was: never).
    on_hard_days = 0
    for profile, today, plan in grid_plans():
        roomy = weekly_capacity(profile.long_run_day, profile.hard_days, 2, severe=False, cyclic=True) >= 3
        for item in plan.items:
            if item.kind != "strength":
                continue
            day = weekday(item.date)
            assert day != profile.long_run_day, (profile, today, item)
            if day in profile.hard_days:
                assert item.exercise == "nordic" and not roomy, (profile, today, item)
                assert "no better day was free" in item.why and "hard day" in item.why, item.why
                on_hard_days += 1
    assert on_hard_days > 0


def test_every_item_is_from_today_and_no_exercise_is_booked_twice_a_day() -> None:
    for _, today, plan in grid_plans():
        assert all(i.date >= today for i in plan.items)
        keys = Counter((i.date, i.exercise) for i in plan.items)
        assert max(keys.values(), default=1) == 1


def test_no_nordic_in_the_three_days_before_an_a_race() -> None:
    checked = 0
    for profile, _, plan in grid_plans():
        for race in (r for r in profile.races if r.priority == "A"):
            for item in nordics(plan):
                assert not 0 <= (race.date - item.date).days <= 3, (race, item)
                checked += 1
    assert checked > 1000


def test_drills_only_after_easy_runs() -> None:
    for profile, _, plan in grid_plans():
        for item in (i for i in plan.items if i.kind == "run-drill"):
            day = weekday(item.date)
            assert day in profile.running_days and day != profile.long_run_day and day not in profile.hard_days


def test_when_no_legal_day_exists_the_why_says_which_constraint_gave_way() -> None:
    profile = Profile(running_days=WEEKDAYS, long_run_day="sun", hard_days=("mon", "tue", "wed", "thu", "fri", "sat"))
    plan = make_plan(MONDAY, profile, None, HistorySummary(), weeks=3)
    placed = nordics(plan)
    assert placed
    for item in placed:
        assert weekday(item.date) != "sun"
        assert "no better day was free" in item.why and "hard day" in item.why


def test_other_strength_days_are_avoided_when_another_day_is_free() -> None:
    # Revised reference: the eve of the long run (Saturday) is never free, so the 2- and 3-session weeks share
    # the gym-legs days (Wed, Fri) rather than use it; the 1-session week still finds a free day.
    profile = Profile(running_days=("mon", "tue", "thu", "sat", "sun"), long_run_day="sun", hard_days=("tue",),
                      strength_days=("wed", "fri"))
    plan = make_plan(MONDAY, profile, None, HistorySummary(), weeks=4)
    assert len(nordics(plan)) == 1 + 2 + 3 + 3
    days = [weekday(i.date) for i in nordics(plan)]
    assert days[0] not in {"wed", "fri"}
    assert "sat" not in days and "sun" not in days
    shared = [i for i in nordics(plan) if weekday(i.date) in {"wed", "fri"}]
    assert shared and all("on your other strength day" in i.why for i in shared)


def test_the_why_names_the_day_and_the_long_run() -> None:
    plan = make_plan(MONDAY, Profile(), None, HistorySummary(), weeks=1)
    (item,) = nordics(plan)
    assert item.why.startswith("after Thursday's easy run; 3 days before the long run")


# -- the programme --------------------------------------------------------------------------------------------


@pytest.mark.parametrize("long_day", WEEKDAYS)
@pytest.mark.parametrize("hard_count", [1, 2, 3])
def test_programme_session_counts_per_week(long_day: str, hard_count: int) -> None:
    others = [d for d in WEEKDAYS if d != long_day]
    profile = Profile(running_days=(*others[:4], long_day), long_run_day=long_day,
                      hard_days=tuple(others[:hard_count]))
    plan = make_plan(MONDAY, profile, None, HistorySummary(), weeks=13)
    per_week = Counter(monday(i.date) for i in nordics(plan))
    counts = [per_week.get(MONDAY + dt.timedelta(weeks=w), 0) for w in range(13)]
    assert counts == [1, 2, 3, 3, 3, 3, 3, 3, 3, 3, 1, 1, 1]


def test_programme_doses_follow_petersen() -> None:
    plan = make_plan(MONDAY, Profile(deload_every=6), None, HistorySummary(), weeks=4)
    first = {monday(i.date): i.prescription.reps for i in nordics(plan)}
    assert [first[MONDAY + dt.timedelta(weeks=w)] for w in range(4)] == [(5, 5), (6, 6), (6, 6, 6), (8, 8, 8)]


def test_sessions_done_set_the_programme_week() -> None:
    # Six sessions in the three weeks before: Petersen weeks 1-3 done at 1, 2, 3 sessions -> week 4 (3 a week).
    done = (MONDAY - dt.timedelta(days=20), MONDAY - dt.timedelta(days=13), MONDAY - dt.timedelta(days=10),
            MONDAY - dt.timedelta(days=7), MONDAY - dt.timedelta(days=5), MONDAY - dt.timedelta(days=3))
    history = HistorySummary(nordic_dates=done, nordic_step="incline", session_dates=done)
    plan = make_plan(MONDAY, Profile(), None, history, weeks=1)
    assert len(nordics(plan)) == 3
    assert all("Petersen week 4" in i.why and i.step == "incline" for i in nordics(plan))


def test_sessions_done_this_week_count() -> None:
    wednesday = MONDAY + dt.timedelta(days=2)
    history = HistorySummary(nordic_dates=(MONDAY - dt.timedelta(days=4), MONDAY), logged=((MONDAY, "nordic"),))
    plan = make_plan(wednesday, Profile(), None, history, weeks=1)
    # Week 2 needs two sessions; Monday's counts, so one more this week, not on the day after it.
    assert len(nordics(plan)) == 1


def test_a_long_unbroken_run_of_nordics_is_maintenance() -> None:
    window_start = MONDAY - dt.timedelta(days=139)
    dates = tuple(window_start + dt.timedelta(days=7 * n + 1) for n in range(20))
    history = HistorySummary(nordic_dates=dates, window_start=window_start, nordic_step="bodyweight")
    plan = make_plan(MONDAY, Profile(), None, history, weeks=3)
    assert [len([i for i in nordics(plan) if monday(i.date) == MONDAY + dt.timedelta(weeks=w)]) for w in range(3)] == [
        1, 1, 1]
    assert all("maintenance" in i.why for i in nordics(plan))


@pytest.mark.parametrize(("ability", "step"), [("none", "band-assisted"), ("partial", "incline"),
                                               ("full", "bodyweight")])
def test_a_new_runner_starts_on_the_step_their_ability_allows(ability: str, step: str) -> None:
    plan = make_plan(MONDAY, Profile(nordic_ability=ability), None, HistorySummary(), weeks=1)
    assert [(i.step, i.prescription.reps) for i in nordics(plan)] == [(step, (5, 5))]


def history_in_week_four() -> HistorySummary:
    dates = tuple(MONDAY - dt.timedelta(days=d) for d in (20, 13, 10, 7, 5, 3))
    return HistorySummary(nordic_dates=dates, nordic_step="incline", session_dates=dates)


@pytest.mark.parametrize(
    ("action", "next_step", "expected_step"),
    [("progress", "bodyweight", "bodyweight"), ("regress", "band-assisted", "band-assisted"),
     ("hold", "incline", "incline")],
)
def test_the_advice_sets_the_step(action: str, next_step: str, expected_step: str) -> None:
    rx = Prescription(3, (6, 6, 6))
    item = Advice("nordic", action, "incline", rx, rx, next_step, (), ())
    report = AdviceReport(MONDAY, (item,), (), NO_LOAD)
    plan = make_plan(MONDAY, Profile(), report, history_in_week_four(), weeks=1)
    assert {i.step for i in nordics(plan)} == {expected_step}


def test_a_deload_brought_forward_cuts_sets_for_a_week_and_keeps_the_sessions() -> None:
    rx = Prescription(3, (8, 8, 8))
    forward = Flag("scheduled-deload", "warning", "Deload brought forward: a regress signal fired on 2 days")
    report = AdviceReport(MONDAY, (Advice("nordic", "deload", "incline", rx, rx, "incline", (), ()),), (forward,),
                          NO_LOAD)
    plan = make_plan(MONDAY, Profile(deload_every=6), report, history_in_week_four(), weeks=2)
    assert not plan.weeks[1].deload  # next week is no scheduled deload either
    this_week = [i for i in nordics(plan) if monday(i.date) == MONDAY]
    assert len(this_week) == 3
    assert all(i.deload and i.prescription.sets == 2 for i in this_week)
    # A week from the call, the usual dose returns: the deload does not roll on by itself.
    assert not any(i.deload for i in nordics(plan) if i.date >= MONDAY + dt.timedelta(days=7))


def test_a_scheduled_deload_called_the_evening_before_its_week_does_not_start_early() -> None:
    rx = Prescription(3, (8, 8, 8))
    scheduled = Flag("scheduled-deload", "info", "Deload week (your next session, Monday): keep the sessions")
    report = AdviceReport(MONDAY, (Advice("nordic", "deload", "incline", rx, rx, "incline", (), ()),), (scheduled,),
                          NO_LOAD)
    plan = make_plan(MONDAY, Profile(), report, history_in_week_four(), weeks=1)
    assert nordics(plan) and not any(i.deload for i in nordics(plan))


# -- deloads and reassessment ---------------------------------------------------------------------------------


@pytest.mark.parametrize("every", [4, 5, 6])
def test_deload_weeks_follow_the_cadence(every: int) -> None:
    plan = make_plan(MONDAY, Profile(deload_every=every), None, HistorySummary(), weeks=18)
    deload_weeks = sorted({(monday(i.date) - MONDAY).days // 7 + 1 for i in plan.items if i.deload})
    assert deload_weeks == [w for w in range(1, 19) if w % every == 0]
    for week in deload_weeks:
        start = MONDAY + dt.timedelta(weeks=week - 1)
        strength = [i for i in plan.items if i.kind == "strength" and monday(i.date) == start]
        assert strength and all(i.deload for i in strength)


@pytest.mark.parametrize("every", [4, 5, 6])
@pytest.mark.parametrize("offset", range(7))
def test_reassessment_every_four_to_six_weeks(every: int, offset: int) -> None:
    today = MONDAY + dt.timedelta(days=offset)
    last = today - dt.timedelta(days=10)
    plan = make_plan(today, Profile(deload_every=every), None, HistorySummary(last_assessment=last), weeks=30)
    days = sorted({i.date for i in plan.items if i.kind == "assessment"})
    assert len(days) >= 4
    for before, after in itertools.pairwise([last, *days]):
        assert 28 <= (after - before).days <= 42, days


def test_a_new_runner_gets_a_baseline_test_this_week() -> None:
    plan = make_plan(MONDAY, Profile(), None, HistorySummary(), weeks=1)
    tests = [i for i in plan.items if i.kind == "assessment"]
    assert {i.exercise for i in tests} == {"sl-bridge-reps", "nordic-lowering-s"}
    assert all(i.date not in {n.date for n in nordics(plan)} for i in tests)


# -- blocks toward the A race ---------------------------------------------------------------------------------


def test_blocks_lead_to_the_a_race() -> None:
    race = Race(MONDAY + dt.timedelta(weeks=9, days=6), "City 10K", 10.0, "A")
    plan = make_plan(MONDAY, Profile(races=(race,)), None, HistorySummary(), weeks=11)
    assert [w.block for w in plan.weeks] == ["base"] * 3 + ["build"] * 4 + ["peak"] * 2 + ["taper", "recovery"]
    assert plan.block.to_dict() == {"name": "base", "week": 1, "weeks": 3, "race": "City 10K",
                                    "race_date": race.date.isoformat()}
    race_week = [i for i in nordics(plan) if monday(i.date) == monday(race.date)]
    assert len(race_week) == 1 and race_week[0].deload and race_week[0].prescription.sets <= 2


def test_the_emphasis_rotates_from_one_deload_cycle_to_the_next() -> None:
    # Week by week, each accessory came back every third week: a lapse (more than 14 days off) every time.
    plan = make_plan(MONDAY, Profile(deload_every=5), None, HistorySummary(), weeks=11)
    assert [w.emphasis for w in plan.weeks] == ["eccentric"] * 5 + ["isometric"] * 5 + ["concentric"]
    for week in (1, 4):
        items = {i.exercise for i in plan.items if monday(i.date) == MONDAY + dt.timedelta(weeks=week)}
        assert {"sl-rdl", "split-squat"} <= items
    week_six = {i.exercise for i in plan.items if monday(i.date) == MONDAY + dt.timedelta(weeks=5)}
    assert {"iso-hold", "calf-raise"} <= week_six


def test_without_an_a_race_blocks_roll() -> None:
    plan = make_plan(MONDAY, Profile(deload_every=4), None, HistorySummary(), weeks=12)
    assert [w.block for w in plan.weeks] == ["base"] * 4 + ["build"] * 4 + ["base"] * 4


# -- stop and rehab -------------------------------------------------------------------------------------------


def test_stop_means_no_hamstring_loading_at_all() -> None:
    report = advice(("nordic", "stop", "incline"), flags=(Flag("red-flag", "danger", "sudden pain"),))
    plan = make_plan(MONDAY, Profile(), report, history_in_week_four(), weeks=4)
    assert plan.stopped and not plan.generated
    assert not [i for i in plan.items if i.exercise in HAMSTRING or i.kind != "strength"]
    assert "No hamstring loading is planned" in plan.notes[0]


REHAB = Profile(mode="rehab", injuries=(Injury(MONDAY - dt.timedelta(days=30), "left", 1),))
STRENGTH_OK = (("iso-hold", "hold", "single-leg"), ("askling-extender", "progress", "slow"),
               ("askling-diver", "hold", "slow"), ("askling-glider", "hold", "short"))
STAGE_STEPS = (("incline-accelerations", "gentle"), ("strides", "relaxed"), ("strides", "fast"))


def drill_log(*per_stage: int, pain: int = 1) -> tuple[DrillSession, ...]:
    """Sessions at stages 1, 2, ... every other day up to the day before MONDAY, with the same pain."""
    steps = [STAGE_STEPS[n] for n, count in enumerate(per_stage) for _ in range(count)]
    first = MONDAY - dt.timedelta(days=2 * len(steps) - 1)
    return tuple(DrillSession(first + dt.timedelta(days=2 * i), ex, step, pain) for i, (ex, step) in enumerate(steps))


ALL_STAGES_DONE = drill_log(2, 2, 3)


def h_test(left: float, right: float) -> Assessment:
    return Assessment(MONDAY - dt.timedelta(days=1), "h-test-insecurity", left, right)


SPRINT_READY = (Assessment(MONDAY - dt.timedelta(days=1), "aslr-deg", 80, 82),
                Assessment(MONDAY - dt.timedelta(days=1), "sl-bridge-reps", 24, 25), h_test(0, 0))


def drills(plan: Plan) -> set[tuple[str, str | None]]:
    return {(i.exercise, i.step) for i in plan.items if i.kind == "run-drill"}


def test_rehab_starts_with_holds_and_the_askling_exercises() -> None:
    plan = make_plan(MONDAY, REHAB, None, HistorySummary(), weeks=1)
    assert {"iso-hold", "askling-extender", "askling-diver", "askling-glider"} <= {i.exercise for i in plan.items}
    assert not drills(plan) and not nordics(plan)


def test_askling_waits_five_days_after_the_strain() -> None:
    profile = Profile(mode="rehab", injuries=(Injury(MONDAY - dt.timedelta(days=1)),))
    plan = make_plan(MONDAY, profile, None, HistorySummary(), weeks=1)
    assert all(i.date >= MONDAY + dt.timedelta(days=4) for i in plan.items if i.exercise.startswith("askling"))


def test_running_stages_open_one_by_one_with_the_advice() -> None:
    ok = advice(*STRENGTH_OK, ("strides", "hold", "fast"), ("incline-accelerations", "hold", "gentle"))
    stage_one = make_plan(MONDAY, REHAB, ok, HistorySummary(), weeks=1)
    assert drills(stage_one) == {("incline-accelerations", "gentle")}
    assert all("50% effort or less" in i.why for i in stage_one.items if i.kind == "run-drill")
    two = HistorySummary(drill_log=drill_log(2))
    assert drills(make_plan(MONDAY, REHAB, ok, two, weeks=1)) == {("strides", "relaxed")}
    sprint = HistorySummary(drill_log=ALL_STAGES_DONE, latest_tests=SPRINT_READY, last_assessment=MONDAY)
    assert drills(make_plan(MONDAY, REHAB, ok, sprint, weeks=1)) == {("strides", "near-max")}


@pytest.mark.parametrize("bad", ["regress", "stop", "deload"])
def test_no_stage_opens_while_a_rehab_exercise_is_not_progress_or_hold(bad: str) -> None:
    report = advice(("iso-hold", bad, "single-leg"), *STRENGTH_OK[1:], ("strides", "hold", "fast"))
    plan = make_plan(MONDAY, REHAB, report, HistorySummary(drill_log=ALL_STAGES_DONE, latest_tests=SPRINT_READY),
                     weeks=4)
    assert not drills(plan)


def test_a_pain_flag_keeps_running_closed() -> None:
    # Revised reference: pain up to 4/10 keeps a stage open, so only pain above the limit (a warning) closes it.
    report = advice(*STRENGTH_OK, flags=(Flag("pain-limit", "warning", "pain 5/10", "askling-diver"),))
    plan = make_plan(MONDAY, REHAB, report, HistorySummary(drill_log=ALL_STAGES_DONE), weeks=4)
    assert not drills(plan)
    assert any("pain-limit" in n for n in plan.notes)


@pytest.mark.parametrize("h_score", [None, (10.0, 0.0), (0.0, 5.0)])
def test_no_sprinting_until_the_h_test_shows_no_insecurity(h_score: tuple[float, float] | None) -> None:
    report = advice(*STRENGTH_OK, ("strides", "progress", "fast"))
    tests = SPRINT_READY[:2] + (() if h_score is None else (h_test(*h_score),))
    history = HistorySummary(drill_log=ALL_STAGES_DONE, latest_tests=tests)
    plan = make_plan(MONDAY, REHAB, report, history, weeks=4)
    assert ("strides", "near-max") not in drills(plan)
    assert ("strides", "fast") in drills(plan)
    assert any(i.exercise == "h-test-insecurity" and i.date < MONDAY + dt.timedelta(days=7) for i in plan.items)


def test_the_calendar_alone_opens_nothing() -> None:
    old = Profile(mode="rehab", injuries=(Injury(MONDAY - dt.timedelta(days=365)),))
    plan = make_plan(MONDAY, old, None, HistorySummary(), weeks=8)
    assert not drills(plan)


# -- re-planning around kept items ----------------------------------------------------------------------------


def kept_item(day: dt.date, exercise: str = "nordic", **changes: object) -> PlanItem:
    base = PlanItem(day, exercise, "strength", Prescription(3, (6, 6, 6)), step="incline", origin="manual")
    return PlanItem(**{**base.__dict__, **changes})  # type: ignore[arg-type]


def test_kept_items_stay_count_and_are_booked_around() -> None:
    history = history_in_week_four()
    thursday = MONDAY + dt.timedelta(days=3)
    kept = (kept_item(thursday, id=7),)
    plan = make_plan(MONDAY, Profile(), None, history, weeks=1, kept=kept)
    assert kept[0] in plan.items and kept[0] not in plan.generated
    generated = [i for i in plan.generated if i.exercise == "nordic"]
    # Three this week, one of them the runner's own; revised reference: Saturday (the eve of the long run) is
    # never free, Wednesday and Friday are within 48 h of Thursday, so only Monday is left (was 2, with Saturday).
    assert [i.date for i in generated] == [MONDAY]
    assert any("1 Nordic session(s) did not fit" in n for n in plan.notes)


def test_a_skipped_item_is_not_booked_again_that_day() -> None:
    wednesday = MONDAY + dt.timedelta(days=2)
    skipped = kept_item(wednesday, origin="auto", status="skipped", id=3)
    plan = make_plan(MONDAY, Profile(), None, HistorySummary(), weeks=1, kept=(skipped,))
    assert not [i for i in plan.generated if i.exercise == "nordic"]  # the week's one session was skipped
    assert skipped in plan.items


def test_skipping_one_exercise_of_a_session_keeps_its_partner_that_day() -> None:
    """Skipping Thursday's split squat leaves Thursday's SL RDL where it was, and nothing is made up elsewhere."""
    first = make_plan(MONDAY, Profile(), None, HistorySummary(), weeks=1)
    pairs: dict[dt.date, list[PlanItem]] = {}
    for item in first.generated:
        if item.kind == "strength" and item.exercise != "nordic":
            pairs.setdefault(item.date, []).append(item)
    day, (skipped_one, partner) = next((d, items) for d, items in sorted(pairs.items()) if len(items) == 2)
    skipped = PlanItem(**{**skipped_one.__dict__, "status": "skipped", "id": 9})  # type: ignore[arg-type]
    again = make_plan(MONDAY, Profile(), None, HistorySummary(), weeks=1, kept=(skipped,))
    on_day = {(i.exercise, i.status) for i in again.items if i.date == day}
    assert (partner.exercise, "planned") in on_day
    assert (skipped_one.exercise, "skipped") in on_day
    # The skipped session is not made up on another day: the week holds as many sessions of it as before.
    before = sum(1 for i in first.items if i.exercise == skipped_one.exercise)
    after = sum(1 for i in again.items if i.exercise == skipped_one.exercise)
    assert after == before


def test_the_past_is_never_planned() -> None:
    friday = MONDAY + dt.timedelta(days=4)
    past = kept_item(MONDAY, id=1)
    plan = make_plan(friday, Profile(), None, HistorySummary(), weeks=2, kept=(past,))
    assert all(i.date >= friday for i in plan.items)


# -- JSON -----------------------------------------------------------------------------------------------------


def test_plan_json_has_the_design_shape() -> None:
    data = json.loads(make_plan(MONDAY, Profile(), None, HistorySummary(), weeks=2).to_json())
    assert {"from", "block", "items"} <= set(data)
    assert {"name", "week", "weeks", "race"} <= set(data["block"])
    item = data["items"][0]
    assert {"date", "exercise", "step", "kind", "prescription", "deload", "why"} <= set(item)
    assert set(item["prescription"]) == {"sets", "reps", "hold_s", "tempo"}
    assert data["from"] == "2026-11-23"
