"""The output contract: JSON shape, StrEnum strings, coverage of exercises, and what step/current/next mean."""

from __future__ import annotations

import json

import pytest

from hamjournal.domain.advice.report import ACTIONS, FLAG_KINDS, FLAG_LEVELS, Action, FlagKind
from tests.domain.history import TODAY, ago, plan_item, report, run, session


def test_json_shape_matches_the_design() -> None:
    rep = report([session(8), session(1, pain=6)], runs=[run(27, 8.0), run(20, 10.0), run(2, 14.0)])
    data = json.loads(rep.to_json())
    assert data["date"] == TODAY.isoformat()
    item = data["advice"][0]
    assert {"exercise", "action", "step", "current", "next", "next_step", "reasons", "sources",
            "what_would_change"} <= set(item)
    assert {"sets", "reps"} <= set(item["current"]) and isinstance(item["current"]["reps"], list)
    assert item["action"] == "regress"
    assert data["flags"]
    for flag in data["flags"]:
        assert {"kind", "level", "message"} <= set(flag)
        assert flag["kind"] in FLAG_KINDS
        assert flag["level"] in FLAG_LEVELS


def test_enums_are_the_design_strings() -> None:
    assert ACTIONS == ("progress", "hold", "regress", "deload", "stop")
    assert set(FLAG_KINDS) == {"red-flag", "pain-limit", "morning-worse", "stiffness-rising", "lapse",
                               "scheduled-deload", "run-spike", "volume-jump", "asymmetry", "acwr"}
    assert Action.DELOAD == "deload" and FlagKind.RED_FLAG == "red-flag"


def test_reasons_name_the_numbers_and_the_day() -> None:
    reason = report([session(8), session(1, pain=6)]).for_exercise("nordic").reasons[0]
    assert "6/10" in reason and "Monday" in reason and ago(1).isoformat() in reason


@pytest.mark.parametrize(("days_ago", "covered"), [(14, True), (15, False)])
def test_exercises_logged_in_the_last_two_weeks_get_a_call(days_ago: int, covered: bool) -> None:
    # An exercise the plan rotated out drops out of the advice instead of being told to restart lower each day.
    rep = report([session(days_ago, exercise="sl-rdl", step="supported")])
    assert (rep.for_exercise("sl-rdl") is not None) is covered


@pytest.mark.parametrize(("days_ago", "covered"), [(55, True), (56, False)])
def test_an_exercise_planned_again_reads_its_last_eight_weeks(days_ago: int, covered: bool) -> None:
    rep = report([session(days_ago, exercise="sl-rdl", step="supported")], plan=[plan_item(-1, 2, 6, "sl-rdl")])
    advice = rep.for_exercise("sl-rdl")
    assert advice is not None
    # Within the window the lapse is seen (restart lower); beyond it the exercise starts afresh.
    assert (advice.action == "regress") is covered


@pytest.mark.parametrize(("days_ahead", "covered"), [(7, True), (8, False)])
def test_planned_exercises_in_the_next_week(days_ahead: int, covered: bool) -> None:
    rep = report(plan=[plan_item(-days_ahead, 2, 8, exercise="bridge")])
    assert (rep.for_exercise("bridge") is not None) is covered


def test_planned_but_never_logged_starts_at_the_plan() -> None:
    bridge = report(plan=[plan_item(-2, 2, 8, exercise="bridge")]).for_exercise("bridge")
    assert bridge.action == "hold" and bridge.current is None and bridge.next.reps == (8, 8)


def test_future_sessions_are_ignored() -> None:
    assert report([session(-3)]).advice == ()


# --- step/current is the usual dose; next is the next session's dose --------------------------------------


@pytest.mark.parametrize(
    ("history", "plan", "action", "current", "next_reps"),
    [
        # progress -> the target
        ([session(8, "3x8", step="bodyweight"), session(1, "3x8", step="bodyweight")], [], "progress",
         (8, 8, 8), (10, 10, 10)),
        # regress after a failed session: current is the usual dose, not the partial one
        ([session(8, "3x10", step="bodyweight"), session(1, "7/6/5", step="bodyweight")], [], "regress",
         (10, 10, 10), (8, 8, 8)),
        # deload -> the cut of current; current stays the usual dose even after a deload session
        ([session(8, "3x8", step="bodyweight"), session(1, "2x8", step="bodyweight")],
         [plan_item(0, 2, 8, deload=True)], "deload", (8, 8, 8), (8, 8)),
        # hold -> current
        ([session(1, "3x8", step="bodyweight")], [], "hold", (8, 8, 8), (8, 8, 8)),
    ],
)
def test_current_is_the_usual_dose_and_next_the_next_session(
    history: list, plan: list, action: str, current: tuple, next_reps: tuple
) -> None:
    nordic = report(history, plan=plan).for_exercise("nordic")
    assert nordic.action == action
    assert nordic.current.reps == current
    assert nordic.next.reps == next_reps
    assert nordic.step == "bodyweight"
