"""Stop tier: sudden pain, any pain of 7/10 or more, morning pain rising in spite of a deload done."""

from __future__ import annotations

import pytest

from tests.domain.history import action, clean_history, kinds, morning, plan_item, report, session


def test_example_sudden_pain_on_a_stride_day_stops_everything() -> None:
    history = [*clean_history(), session(1, "6", exercise="strides", step="relaxed")]
    rep = report(history, [morning(1, pain=3, sudden=True)], plan=[plan_item(-2, 2, 8, exercise="sl-rdl")])
    assert {a.action for a in rep.advice} == {"stop"}
    assert {a.exercise for a in rep.advice} == {"nordic", "strides", "sl-rdl"}
    for advice in rep.advice:
        assert any("physiotherapist or doctor" in r for r in advice.reasons)
        assert advice.next is None
    assert kinds(rep)["red-flag"] == "danger"


@pytest.mark.parametrize(("days_ago", "stops"), [(0, True), (13, True), (14, False)])
def test_stop_window(days_ago: int, stops: bool) -> None:
    rep = report(clean_history(), [morning(days_ago, pain=7)])
    assert (action(rep) == "stop") is stops


@pytest.mark.parametrize(("pain", "stops"), [(6, False), (7, True), (10, True)])
def test_any_check_in_pain_of_seven_stops(pain: int, stops: bool) -> None:
    rep = report(clean_history(), [morning(3, pain=pain)])
    assert (action(rep) == "stop") is stops


@pytest.mark.parametrize(("pain", "stops"), [(6, False), (7, True)])
def test_any_pain_during_of_seven_stops(pain: int, stops: bool) -> None:
    assert (action(report([session(8), session(1, pain=pain)])) == "stop") is stops


def test_pain_seven_in_another_exercise_stops_the_nordic() -> None:
    history = [*clean_history(), session(2, "2x8", pain=7, exercise="sl-rdl", step="supported")]
    rep = report(history)
    assert action(rep, "nordic") == "stop" and action(rep, "sl-rdl") == "stop"


def test_stop_overrides_a_deload_week_and_a_regress() -> None:
    rep = report([session(8), session(2, pain=6)], [morning(1, pain=8)], plan=[plan_item(0, 1, 6, deload=True)])
    assert action(rep) == "stop"


# Morning pain weekly means: 1 -> 2 -> 3 over the last three rolling weeks.
RISING_TO_3 = (
    [morning(n, pain=1) for n in range(14, 21)] + [morning(n, pain=2) for n in range(7, 14)]
    + [morning(n, pain=3) for n in range(0, 7)]
)
RISING_TO_2 = (
    [morning(n, pain=0) for n in range(14, 21)] + [morning(n, pain=1) for n in range(7, 14)]
    + [morning(n, pain=2) for n in range(0, 7)]
)
USUAL = [session(15, "3x8", step="bodyweight"), session(8, "3x8", step="bodyweight")]
DELOAD_PLAN = [plan_item(1, 2, 8, deload=True), plan_item(0, 2, 8, deload=True)]


@pytest.mark.parametrize(
    ("mornings", "deload_done", "stops"),
    [
        (RISING_TO_3, True, True),  # rose two weeks in a row to 3/10 although a deload was done
        (RISING_TO_3, False, False),  # a plan item alone is not a deload done
        (RISING_TO_2, True, False),  # rose, but stays under 3/10
    ],
)
def test_morning_pain_rising_in_spite_of_a_deload_done(mornings: list, deload_done: bool, stops: bool) -> None:
    done = [session(1, "2x8", step="bodyweight")] if deload_done else []
    rep = report([*USUAL, *done], mornings, plan=DELOAD_PLAN)
    assert (action(rep) == "stop") is stops
    if stops:
        assert kinds(rep)["morning-worse"] == "danger"
        assert "although you did a deload" in rep.for_exercise("nordic").reasons[0]


def test_morning_pain_rising_without_a_deload_is_no_stop_and_no_deload() -> None:
    # The revised reference dropped "morning pain rising" from the deload reasons: only the next-morning rule reads it.
    rep = report([session(16, "3x8", step="bodyweight"), session(9, "3x8", step="bodyweight")], RISING_TO_3)
    assert action(rep) not in ("stop", "deload")
