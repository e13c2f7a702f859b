"""The decision rules, at and on both sides of every threshold, in both modes."""

from __future__ import annotations

import json

import pytest

from hamjournal.domain.advice.engine import advise
from hamjournal.domain.advice.report import ACTIONS, FLAG_KINDS
from hamjournal.domain.models import Assessment, Profile
from tests.domain.history import (
    TODAY,
    action,
    ago,
    clean_history,
    kinds,
    morning,
    plan_item,
    report,
    run,
    session,
)

# --- worked examples of rules-reference.md section 3 -------------------------------------------------------


def test_example_pain_6_prevention_regresses() -> None:
    rep = report([session(8), session(1, pain=6)])
    assert action(rep) == "regress"
    nordic = rep.for_exercise("nordic")
    assert "Pain 6/10" in nordic.reasons[0] and "limit of 5/10" in nordic.reasons[0]
    assert "Silbernagel 2007" in nordic.sources


def test_example_pain_5_settled_prevention_holds() -> None:
    settled = [morning(n, pain=1) for n in range(0, 10)]
    assert action(report([session(8), session(1, pain=5)], settled)) == "hold"


@pytest.mark.parametrize(("pain", "expected"), [(5, "regress"), (4, "hold")])
def test_example_rehab(pain: int, expected: str) -> None:
    rep = report([session(8), session(1, pain=pain)], mode="rehab")
    assert action(rep) == expected
    if expected == "regress":
        assert "Hickey 2020" in rep.for_exercise("nordic").sources


def test_example_sudden_pain_on_a_stride_day_stops_everything() -> None:
    history = [*clean_history(), session(1, "6", exercise="strides", step="relaxed")]
    rep = report(history, [morning(1, pain=3, sudden=True)], plan=[plan_item(-2, 2, 8, exercise="sl-rdl")])
    assert {a.action for a in rep.advice} == {"stop"}
    assert {a.exercise for a in rep.advice} == {"nordic", "strides", "sl-rdl"}
    for advice in rep.advice:
        assert any("physiotherapist or doctor" in r for r in advice.reasons)
        assert advice.next is None
    assert kinds(rep)["red-flag"] == "danger"


# --- pain during: every value, both modes ------------------------------------------------------------------

PREVENTION = {0: "progress", 1: "progress", 2: "progress", 3: "progress", 4: "hold", 5: "hold", 6: "regress",
              7: "stop", 8: "stop", 10: "stop"}
REHAB = {0: "progress", 2: "progress", 3: "hold", 4: "hold", 5: "regress", 6: "regress", 7: "stop", 10: "stop"}


@pytest.mark.parametrize(
    ("mode", "pain", "expected"),
    [("prevention", p, a) for p, a in PREVENTION.items()] + [("rehab", p, a) for p, a in REHAB.items()],
)
def test_pain_during_boundaries(mode: str, pain: int, expected: str) -> None:
    assert action(report([session(8), session(1, pain=pain)], mode=mode)) == expected


@pytest.mark.parametrize(("mode", "pain", "flag"), [("prevention", 6, "warning"), ("prevention", 4, "caution"),
                                                    ("rehab", 5, "warning"), ("rehab", 3, "caution")])
def test_pain_limit_flag(mode: str, pain: int, flag: str) -> None:
    assert kinds(report([session(8), session(1, pain=pain)], mode=mode))["pain-limit"] == flag


@pytest.mark.parametrize("mode", ["prevention", "rehab"])
def test_pain_above_limit_on_an_earlier_session_this_week_still_regresses(mode: str) -> None:
    limit = 5 if mode == "prevention" else 4
    rep = report([session(9), session(4, pain=limit + 1), session(1, pain=0)], mode=mode)
    assert action(rep) == "regress"


def test_regress_clears_once_the_runner_drops_a_dose() -> None:
    history = [session(9, "2x6"), session(4, "2x6", pain=6), session(1, "2x5", pain=1)]
    rep = report(history)
    assert action(rep) == "hold"
    assert rep.for_exercise("nordic").current.reps == (5, 5)


# --- stop --------------------------------------------------------------------------------------------------


@pytest.mark.parametrize(("days_ago", "stops"), [(0, True), (13, True), (14, False)])
def test_stop_window(days_ago: int, stops: bool) -> None:
    rep = report(clean_history(), [morning(days_ago, pain=7)])
    assert (action(rep) == "stop") is stops


@pytest.mark.parametrize(("pain", "stops"), [(6, False), (7, True)])
def test_any_pain_of_seven_stops(pain: int, stops: bool) -> None:
    rep = report(clean_history(), [morning(3, pain=pain)])
    assert (action(rep) == "stop") is stops


def test_pain_seven_in_another_exercise_stops_the_nordic() -> None:
    history = [*clean_history(), session(2, "2x8", pain=7, exercise="sl-rdl", step="supported")]
    rep = report(history)
    assert action(rep, "nordic") == "stop" and action(rep, "sl-rdl") == "stop"


def test_morning_pain_rising_two_weeks_despite_deload_stops() -> None:
    rising = [morning(n, pain=1) for n in range(14, 21)] + [morning(n, pain=2) for n in range(7, 14)]
    rising += [morning(n, pain=3) for n in range(0, 7)]
    deload_plan = [plan_item(n, 1, 5, deload=True) for n in (1, 0)]
    rep = report(clean_history(), rising, plan=deload_plan)
    assert action(rep) == "stop"
    assert kinds(rep)["morning-worse"] == "danger"


def test_morning_pain_rising_two_weeks_without_deload_deloads() -> None:
    rising = [morning(n, pain=1) for n in range(14, 21)] + [morning(n, pain=2) for n in range(7, 14)]
    rising += [morning(n, pain=2 if n > 1 else 3) for n in range(0, 7)]
    rep = report([session(16), session(9)], rising)
    assert action(rep) == "deload"


def test_morning_pain_flat_is_no_trend() -> None:
    flat = [morning(n, pain=2) for n in range(0, 21)]
    assert action(report(clean_history(), flat)) == "progress"


# --- next morning ------------------------------------------------------------------------------------------


@pytest.mark.parametrize(("next_morning", "expected"), [(1, "progress"), (2, "regress"), (0, "progress")])
def test_next_morning_against_usual_level(next_morning: int, expected: str) -> None:
    usual = [morning(n, pain=1) for n in range(1, 15)]
    rep = report(clean_history(), [*usual, morning(0, pain=next_morning)])
    assert action(rep) == expected


def test_usual_level_is_the_median() -> None:
    # Mornings 0,0,0,5 before the session: median 0, so a morning of 1 is above the usual level.
    usual = [morning(4, 0), morning(3, 0), morning(2, 0), morning(1, 5)]
    assert action(report(clean_history(), [*usual, morning(0, pain=1)])) == "regress"


def test_missing_next_morning_does_not_block_progress() -> None:
    assert action(report(clean_history(), [morning(5, pain=1)])) == "progress"


# --- completed reps ----------------------------------------------------------------------------------------


@pytest.mark.parametrize(("done", "expected"), [("8/8/8", "hold"), ("8/8/7", "regress"), ("10/10/10", "progress")])
def test_completion_against_the_plan(done: str, expected: str) -> None:
    # Prescribed 3x10 = 30 reps: 24 is exactly 80% (held, not complete), 23 is below.
    history = [session(8, "3x10", step="bodyweight"), session(1, done, step="bodyweight")]
    rep = report(history, plan=[plan_item(8, 3, 10), plan_item(1, 3, 10)])
    assert action(rep) == expected


@pytest.mark.parametrize(("done", "expected"), [("8/8/8", "hold"), ("8/8/7", "regress")])
def test_completion_against_the_previous_session(done: str, expected: str) -> None:
    history = [session(8, "3x10", step="bodyweight"), session(1, done, step="bodyweight")]
    rep = report(history)
    assert action(rep) == expected
    if expected == "regress":
        assert "23 of 30" in " ".join(rep.for_exercise("nordic").reasons)


def test_a_deliberate_lower_dose_is_not_a_failure() -> None:
    history = [session(8, "3x8", step="bodyweight"), session(1, "3x6", step="bodyweight")]
    assert action(report(history)) == "hold"


def test_a_new_step_at_entry_dose_is_not_a_failure() -> None:
    history = [session(8, "12/10/8", step="band-assisted"), session(1, "2x5", step="incline")]
    assert action(report(history)) == "hold"


def test_unilateral_weaker_side_decides() -> None:
    history = [
        session(8, "3x10", exercise="sl-bridge", step="floor", side="left"),
        session(8, "3x10", exercise="sl-bridge", step="floor", side="right"),
        session(1, "3x10", exercise="sl-bridge", step="floor", side="left"),
        session(1, "7/7/7", exercise="sl-bridge", step="floor", side="right"),
    ]
    assert action(report(history), "sl-bridge") == "regress"


# --- RPE ---------------------------------------------------------------------------------------------------


@pytest.mark.parametrize(("rpe", "expected"), [(8, "progress"), (9, "hold"), (10, "hold"), (None, "progress")])
def test_rpe_boundaries(rpe: int | None, expected: str) -> None:
    rep = report([session(8), session(1, rpe=rpe)])
    assert action(rep) == expected
    # RPE 9-10 is its own hold reason, worded for the runner, not just a missed progress criterion.
    assert any(f"RPE {rpe}/10" in r for r in rep.for_exercise("nordic").reasons) is (expected == "hold")


# --- progress needs ----------------------------------------------------------------------------------------


@pytest.mark.parametrize(("first", "expected"), [(7, "hold"), (8, "progress"), (14, "progress"), (15, "hold")])
def test_progress_span_and_window(first: int, expected: str) -> None:
    # Last session yesterday: 6 days apart is too short; sessions older than 14 days no longer count.
    assert action(report([session(first), session(1)])) == expected


def test_one_session_holds_and_says_what_would_change() -> None:
    rep = report([session(1)])
    nordic = rep.for_exercise("nordic")
    assert nordic.action == "hold"
    assert nordic.what_would_change is not None and "1 more session" in nordic.what_would_change


def test_progress_moves_one_dose_level() -> None:
    nordic = report(clean_history(sets="2x5")).for_exercise("nordic")
    assert nordic.current.reps == (5, 5)
    assert (nordic.next_step, nordic.next.reps) == ("band-assisted", (6, 6))
    assert "Petersen 2011" in nordic.sources


def test_progress_from_top_dose_moves_up_the_ladder() -> None:
    nordic = report(clean_history(sets="12/10/8")).for_exercise("nordic")
    assert nordic.action == "progress"
    assert (nordic.next_step, nordic.next.reps) == ("incline", (5, 5))


def test_top_of_the_ladder_holds() -> None:
    assert action(report(clean_history(sets="12/10/8", step="weighted"))) == "hold"


def test_an_old_high_rpe_in_the_block_blocks_progress() -> None:
    history = [session(12, rpe=9), session(8), session(1)]
    nordic = report(history).for_exercise("nordic")
    assert nordic.action == "hold"
    assert "RPE was 9" in nordic.reasons[0]


# --- lapse -------------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("gap", "expected", "flag"),
    [(7, "progress", None), (8, "hold", "caution"), (14, "hold", "caution"), (15, "regress", "warning")],
)
def test_lapse_boundaries(gap: int, expected: str, flag: str | None) -> None:
    rep = report([session(gap + 7, "3x8", step="bodyweight"), session(gap, "3x8", step="bodyweight")])
    assert action(rep) == expected
    assert kinds(rep).get("lapse") == flag


def test_long_lapse_restarts_two_steps_lower() -> None:
    nordic = report([session(27, "3x8", step="bodyweight"), session(20, "3x8", step="bodyweight")]).for_exercise(
        "nordic"
    )
    assert (nordic.next_step, nordic.next.reps) == ("bodyweight", (6, 6))
    assert "Presland 2018" in nordic.sources


# --- deload ------------------------------------------------------------------------------------------------


def _weekly_sessions(weeks_back: int) -> list:
    return [session(7 * w + 1) for w in range(weeks_back)]


@pytest.mark.parametrize(
    ("every", "start_days_ago", "deload"),
    [(5, 28, True), (5, 27, False), (5, 35, False), (4, 21, True), (4, 28, False), (6, 35, True), (6, 28, False),
     (5, 63, True)],
)
def test_scheduled_deload(every: int, start_days_ago: int, deload: bool) -> None:
    history = [session(n, "2x6") for n in range(start_days_ago, 0, -7)] + [session(1, "2x6")]
    rep = advise(TODAY, Profile(deload_every=every), tuple(history), (), (), training_start=ago(start_days_ago))
    assert (action(rep) == "deload") is deload
    if deload:
        assert rep.for_exercise("nordic").next.sets == 1
        assert kinds(rep)["scheduled-deload"] == "info"


def test_deload_cycle_counts_from_the_first_session_in_the_window() -> None:
    history = [session(n) for n in (29, 22, 15, 8, 1)]  # first session 29 days ago: this is week 5
    assert action(report(history)) == "deload"


def test_deload_cycle_restarts_after_a_break() -> None:
    history = [session(n) for n in (50, 43, 22, 15, 8, 1)]  # 21-day break: restart 22 days ago, week 4
    assert action(report(history)) == "progress"


def test_plan_deload_wins_over_the_cycle() -> None:
    rep = report(clean_history(), plan=[plan_item(0, 1, 6, deload=True)])
    assert action(rep) == "deload"
    no_deload = report([session(n) for n in (29, 22, 15, 8, 1)], plan=[plan_item(0, 2, 6)])
    assert action(no_deload) != "deload"


def test_regress_twice_within_seven_days_brings_the_deload_forward() -> None:
    history = [
        *clean_history(),
        session(9, "2x8", pain=1, exercise="sl-rdl", step="supported"),
        session(6, "2x8", pain=6, exercise="sl-rdl", step="supported"),
        session(2, "2x8", pain=6, exercise="sl-rdl", step="supported"),
    ]
    rep = report(history)
    assert action(rep, "sl-rdl") == "regress"
    assert action(rep, "nordic") == "deload"
    assert kinds(rep)["scheduled-deload"] == "warning"


def test_one_regress_does_not_deload_the_others() -> None:
    history = [*clean_history(), session(9, "2x8", exercise="sl-rdl", step="supported"),
               session(2, "2x8", pain=6, exercise="sl-rdl", step="supported")]
    assert action(report(history), "nordic") == "progress"


@pytest.mark.parametrize(("days_ago", "counts"), [(7, True), (8, False)])
def test_regress_repeat_window(days_ago: int, counts: bool) -> None:
    history = [
        *clean_history(),
        session(days_ago, "2x8", pain=6, exercise="sl-rdl", step="supported"),
        session(1, "2x8", pain=6, exercise="hip-hinge", step="dowel"),
    ]
    assert (action(report(history), "nordic") == "deload") is counts


# --- stiffness ---------------------------------------------------------------------------------------------


def _stiffness(w2: int, w1: int, w0: int) -> list:
    weeks = {2: w2, 1: w1, 0: w0}
    return [morning(7 * w + d, pain=0, stiffness=s) for w, s in weeks.items() for d in range(7)]


@pytest.mark.parametrize(
    ("weeks", "expected", "flag"),
    [((2, 2, 2), "progress", None), ((2, 2, 3), "hold", "caution"), ((3, 3, 2), "progress", None),
     ((1, 2, 3), "deload", "warning"), ((3, 2, 3), "hold", "caution")],
)
def test_morning_stiffness_trend(weeks: tuple[int, int, int], expected: str, flag: str | None) -> None:
    rep = report(clean_history(), _stiffness(*weeks))
    assert action(rep) == expected
    assert kinds(rep).get("stiffness-rising") == flag


# --- running flags -----------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("km", "expected", "flag"),
    [(11.0, "progress", None), (11.1, "progress", "caution"), (13.0, "progress", "caution"),
     (13.1, "hold", "warning")],
)
def test_run_spike(km: float, expected: str, flag: str | None) -> None:
    runs = [run(20, 10.0), run(2, km)]
    rep = report(clean_history(), runs=runs)
    assert action(rep) == expected
    assert kinds(rep).get("run-spike") == flag


def test_run_spike_only_counts_this_week() -> None:
    assert "run-spike" not in kinds(report(clean_history(), runs=[run(30, 10.0), run(8, 20.0)]))


@pytest.mark.parametrize(("last", "expected", "flag"), [(5.0, "progress", None), (5.2, "hold", "warning")])
def test_volume_jump(last: float, expected: str, flag: str | None) -> None:
    base = [run(27, 6.0), run(24, 6.0), run(20, 4.0), run(16, 4.0)]  # 20 km
    recent = [run(12, 6.0), run(9, 5.0), run(6, 5.0), run(3, 5.0), run(1, last)]  # 26 or 26.2 km
    rep = report(clean_history(), runs=base + recent)
    assert action(rep) == expected
    assert kinds(rep).get("volume-jump") == flag
    assert "run-spike" not in kinds(rep)


# --- asymmetry and ACWR ------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("test", "left", "right", "flagged"),
    [("sl-bridge-reps", 17, 20, True), ("sl-bridge-reps", 18, 20, False), ("iso-hold-s", 60, 51, True),
     ("iso-hold-s", 60, 52, False), ("hop-cm", 100, 50, False)],
)
def test_asymmetry(test: str, left: float, right: float, flagged: bool) -> None:
    rep = report(clean_history(), assessments=[Assessment(ago(3), test, left=left, right=right)])
    assert ("asymmetry" in kinds(rep)) is flagged
    if flagged:
        weaker = "left" if left < right else "right"
        message = next(f.message for f in rep.flags if f.kind == "asymmetry")
        assert f"extra single-leg set on the {weaker} side" in message
        assert action(rep) == "progress"


@pytest.mark.parametrize(("days", "shown"), [(27, False), (28, True)])
def test_acwr_is_info_only_after_28_days(days: int, shown: bool) -> None:
    runs = [run(n, 8.0, minutes=45, rpe=5) for n in range(days)]
    rep = report(clean_history(), runs=runs)
    assert (kinds(rep).get("acwr") == "info") is shown
    assert (rep.load.acwr is not None) is shown
    assert action(rep) == "progress"


# --- coverage and shape ------------------------------------------------------------------------------------


@pytest.mark.parametrize(("days_ago", "covered"), [(55, True), (56, False)])
def test_logged_exercises_in_the_last_eight_weeks(days_ago: int, covered: bool) -> None:
    rep = report([session(days_ago, exercise="sl-rdl", step="supported")])
    assert (rep.for_exercise("sl-rdl") is not None) is covered


@pytest.mark.parametrize(("days_ahead", "covered"), [(7, True), (8, False)])
def test_planned_exercises_in_the_next_week(days_ahead: int, covered: bool) -> None:
    rep = report(plan=[plan_item(-days_ahead, 2, 8, exercise="bridge")])
    assert (rep.for_exercise("bridge") is not None) is covered


def test_planned_but_never_logged_starts_at_the_plan() -> None:
    bridge = report(plan=[plan_item(-2, 2, 8, exercise="bridge")]).for_exercise("bridge")
    assert bridge.action == "hold" and bridge.current is None and bridge.next.reps == (8, 8)


def test_future_sessions_are_ignored() -> None:
    assert report([session(-3)]).advice == ()


def test_json_shape_matches_the_design() -> None:
    rep = report([session(8), session(1, pain=6)], runs=[run(20, 10.0), run(2, 14.0)])
    data = json.loads(rep.to_json())
    assert data["date"] == TODAY.isoformat()
    item = data["advice"][0]
    assert {"exercise", "action", "step", "current", "next", "reasons", "sources"} <= set(item)
    assert {"sets", "reps"} <= set(item["current"]) and isinstance(item["current"]["reps"], list)
    assert item["action"] in ACTIONS
    for flag in data["flags"]:
        assert {"kind", "level", "message"} <= set(flag)
        assert flag["kind"] in FLAG_KINDS
        assert flag["level"] in ("info", "caution", "warning", "danger")


def test_reasons_name_the_numbers_and_the_day() -> None:
    reason = report([session(8), session(1, pain=6)]).for_exercise("nordic").reasons[0]
    assert "6/10" in reason and "Monday" in reason and ago(1).isoformat() in reason
