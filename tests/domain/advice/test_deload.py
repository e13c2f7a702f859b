"""Deload tier: scheduled or brought forward; cut from the usual dose; no stacking; the usual dose returns."""

from __future__ import annotations

import pytest

from hamjournal.domain.advice.engine import advise
from hamjournal.domain.models import Profile
from tests.domain.history import (
    TODAY,
    action,
    ago,
    clean_history,
    kinds,
    morning,
    plan_item,
    report,
    session,
)

# TODAY is Tuesday 2026-11-24; weeks run Monday to Sunday from the Monday of the anchor (shared with the planner).


@pytest.mark.parametrize(
    ("every", "start_days_ago", "deload"),
    [
        (5, 29, True), (5, 28, True), (5, 30, False), (5, 22, False),  # 29 days ago is a Monday: week 5
        (4, 22, True), (4, 29, False), (6, 36, True), (6, 29, False), (5, 64, True),
    ],
)
def test_scheduled_deload(every: int, start_days_ago: int, deload: bool) -> None:
    history = [session(n, "3x8", step="bodyweight") for n in range(start_days_ago, 0, -7)]
    rep = advise(TODAY, Profile(deload_every=every), tuple(history), (), (), training_start=ago(start_days_ago))
    assert (action(rep) == "deload") is deload
    if deload:
        nordic = rep.for_exercise("nordic")
        assert (nordic.next_step, nordic.next.reps) == ("bodyweight", (8, 8))  # 3 sets cut by ~40% -> 2
        assert nordic.current.reps == (8, 8, 8)
        assert kinds(rep)["scheduled-deload"] == "info"


@pytest.mark.parametrize(("every", "clamped_week"), [(3, 4), (9, 6)])
def test_deload_every_is_clamped_to_4_6(every: int, clamped_week: int) -> None:
    start = 7 * (clamped_week - 1) + 1  # a Monday, so today is in week `clamped_week`
    history = [session(n, "3x8", step="bodyweight") for n in range(start, 0, -7)]
    rep = advise(TODAY, Profile(deload_every=every), tuple(history), (), (), training_start=ago(start))
    assert action(rep) == "deload"


def test_deload_cycle_counts_from_the_first_session_in_the_window() -> None:
    assert action(report([session(n) for n in (29, 22, 15, 8, 1)])) == "deload"  # week 5


def test_deload_cycle_restarts_after_a_break() -> None:
    assert action(report([session(n) for n in (50, 43, 22, 15, 8, 1)])) == "progress"  # restart 22 days ago: week 4


def test_plan_deload_wins_over_the_cycle() -> None:
    assert action(report(clean_history(), plan=[plan_item(0, 1, 6, deload=True)])) == "deload"
    assert action(report([session(n) for n in (29, 22, 15, 8, 1)], plan=[plan_item(0, 2, 6)])) != "deload"


@pytest.mark.parametrize(
    ("step", "sets", "next_step", "next_reps"),
    [
        ("bodyweight", "3x8", "bodyweight", (8, 8)),
        ("bodyweight", "12/10/8", "bodyweight", (12, 10)),
        ("bodyweight", "2x6", "incline", (5, 5)),  # 1x6 is below the first rung (2x5): a step down instead
        ("hands-partial", "2x5", "hands-partial", (5, 5)),  # the floor
    ],
)
def test_deload_dose_is_floored_at_the_first_rung(
    step: str, sets: str, next_step: str, next_reps: tuple[int, ...]
) -> None:
    nordic = report([session(8, sets, step=step), session(1, sets, step=step)],
                    plan=[plan_item(0, 1, 6, deload=True)]).for_exercise("nordic")
    assert nordic.action == "deload"
    assert (nordic.next_step, nordic.next.reps) == (next_step, next_reps)


# Week 5 (ago 8..2) is a deload week of a run anchored on Monday 2026-10-19 (ago 36); today is in week 6.
ANCHOR = 36
USUAL_WEEKS = [session(n, "3x8", step="bodyweight") for n in (36, 29, 22, 15)]


def test_deload_done_in_full_is_100_percent_and_the_week_after_returns_to_usual() -> None:
    week5 = [session(8, "2x8", step="bodyweight"), session(4, "2x8", step="bodyweight")]
    rep = report([*USUAL_WEEKS, *week5], training_start=ago(ANCHOR))
    nordic = rep.for_exercise("nordic")
    assert nordic.action not in ("regress", "deload")
    assert nordic.current.reps == (8, 8, 8) and nordic.next.reps[:3] >= (8, 8, 8)
    # Logging the usual dose again the week after is complete, not a jump or a failure.
    again = report([*USUAL_WEEKS, *week5, session(0, "3x8", step="bodyweight")], training_start=ago(ANCHOR))
    assert action(again) != "regress"


def test_a_deload_dose_is_never_cut_again() -> None:
    # In the deload week after a session at 2x8 the next is still 2x8 (from usual 3x8), never 1x8.
    history = [*(session(n, "3x8", step="bodyweight") for n in (29, 22, 15, 8)), session(1, "2x8", step="bodyweight")]
    nordic = report(history, training_start=ago(29)).for_exercise("nordic")
    assert nordic.action == "deload"
    assert nordic.current.reps == (8, 8, 8)
    assert (nordic.next_step, nordic.next.reps) == ("bodyweight", (8, 8))


def test_example_deload_and_regress_the_same_day_take_the_smaller_dose() -> None:
    # Usual 3x8 in a scheduled deload week with pain 6 today: 2x8 (16 reps) beats 3x6 (18), never 2x6 or 1x8.
    history = [session(n, "3x8", step="bodyweight") for n in (29, 22, 15, 8)] + [
        session(0, "3x8", step="bodyweight", pain=6)
    ]
    nordic = report(history, training_start=ago(29)).for_exercise("nordic")
    assert nordic.action == "deload"
    assert (nordic.next_step, nordic.next.reps) == ("bodyweight", (8, 8))
    assert any("Pain 6/10" in r for r in nordic.reasons)


def test_deload_and_lapse_take_the_smaller_dose() -> None:
    # 20 days off (lapse: two levels down, 3x8 -> 2x6 = 12 reps) in a plan deload week (2x8 = 16): 2x6 wins.
    history = [session(27, "3x8", step="bodyweight"), session(20, "3x8", step="bodyweight")]
    nordic = report(history, plan=[plan_item(0, 2, 8, deload=True)]).for_exercise("nordic")
    assert (nordic.action, nordic.next.reps) == ("regress", (6, 6))


# --- brought forward ---------------------------------------------------------------------------------------


def test_regress_on_two_different_days_within_seven_brings_the_deload_forward() -> None:
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


def test_two_regress_signals_on_the_same_day_are_one_day() -> None:
    history = [
        *clean_history(),
        session(2, "2x8", pain=6, exercise="sl-rdl", step="supported"),
        session(2, "2x8", pain=6, exercise="hip-hinge", step="dowel"),
    ]
    assert action(report(history), "nordic") == "progress"


def test_a_brought_forward_deload_session_is_not_a_failure() -> None:
    # Outside a scheduled week, a session exactly at the deload dose of the usual one reads as that deload.
    history = [session(15, "3x8", step="bodyweight"), session(8, "3x8", step="bodyweight"),
               session(1, "2x8", step="bodyweight")]
    nordic = report(history).for_exercise("nordic")
    assert nordic.action != "regress"
    assert nordic.current.reps == (8, 8, 8)


# --- stiffness ---------------------------------------------------------------------------------------------


def _stiffness_weeks(*weeks: tuple[int, ...]) -> list:
    """Seven daily stiffness values per week, oldest week first; the last week ends today."""
    out = []
    for index, values in enumerate(reversed(weeks)):
        out += [morning(7 * index + d, pain=0, stiffness=s) for d, s in enumerate(values)]
    return out


def _flat(value: int) -> tuple[int, ...]:
    return (value,) * 7


def _mixed(low: int, high_days: int) -> tuple[int, ...]:
    return (low + 1,) * high_days + (low,) * (7 - high_days)


@pytest.mark.parametrize(
    ("weeks", "expected", "flag"),
    [
        ((_flat(2), _flat(2), _flat(2)), "progress", None),
        ((_flat(2), _flat(2), _flat(3)), "hold", "caution"),  # this week 1 above last week
        ((_flat(2), _flat(2), _mixed(2, 6)), "progress", None),  # 0.86 above: not 1 point
        ((_flat(3), _flat(3), _flat(2)), "progress", None),
        ((_flat(1), _flat(2), _flat(3)), "deload", "warning"),  # rose two weeks in a row, 2 points in all
        ((_flat(2), _mixed(2, 3), _mixed(2, 6)), "progress", None),  # rose twice, 0.86 in all
        ((_flat(2), _mixed(2, 3), _mixed(2, 7)), "deload", "warning"),  # rose twice, exactly 1 in all
        ((_flat(3), _flat(2), _flat(3)), "hold", "caution"),
    ],
)
def test_morning_stiffness_trend(weeks: tuple, expected: str, flag: str | None) -> None:
    rep = report(clean_history(), _stiffness_weeks(*weeks))
    assert action(rep) == expected
    assert kinds(rep).get("stiffness-rising") == flag


@pytest.mark.parametrize(
    ("level", "days", "expected"),
    [(6, 5, "deload"), (6, 4, "progress"), (4, 5, "deload"), (3, 5, "progress")],
)
def test_example_stiffness_that_stays_high_deloads(level: int, days: int, expected: str) -> None:
    # The weeks before are as stiff, so only "stayed high" (not a rise) can fire.
    this_week = (level,) * days + (0,) * (7 - days)
    rep = report(clean_history(), _stiffness_weeks(this_week, this_week, this_week))
    assert action(rep) == expected
    if expected == "deload":
        assert any("stiffness has stayed high" in r for r in rep.for_exercise("nordic").reasons)


# --- the deload calendar over the plan ---------------------------------------------------------------------


@pytest.mark.parametrize(("last_week_flagged", "deload"), [(False, True), (True, False)])
def test_a_plan_flagged_deload_does_not_renew_itself(last_week_flagged: bool, deload: bool) -> None:
    # Anchor Monday 11-16 (week 1), today week 2: the cycle schedules neither week.
    plan = [plan_item(0, 2, 6, deload=True)] + ([plan_item(7, 2, 6, deload=True)] if last_week_flagged else [])
    assert (action(report(clean_history(), plan=plan)) == "deload") is deload


def test_the_evening_before_a_deload_week_already_says_deload() -> None:
    rep = report(clean_history(), plan=[plan_item(-6, 1, 6, deload=True)])  # next Monday's session is in one
    nordic = rep.for_exercise("nordic")
    assert nordic.action == "deload"
    assert "your next session, Monday 2026-11-30" in nordic.reasons[0]


def test_the_last_day_of_a_deload_week_returns_to_the_usual_dose() -> None:
    history = [session(8, "3x8", step="bodyweight"), session(0, "2x8", step="bodyweight")]
    plan = [plan_item(0, 2, 8, deload=True), plan_item(-6, 3, 8)]
    nordic = report(history, plan=plan).for_exercise("nordic")
    assert nordic.action != "deload"
    assert nordic.next.reps == (8, 8, 8)


def test_a_deload_week_cuts_strength_work_but_not_strides() -> None:
    # Week 5 of the cycle (29 days ago was its first Monday): the Nordic deloads; strides keep their count, as the
    # planner plans them, so their call is never "deload" beside an uncut dose.
    history = [session(n, "3x8", step="bodyweight") for n in range(29, 0, -7)]
    history += [session(n, "6", exercise="strides", step="relaxed") for n in range(29, 0, -7)]
    rep = advise(TODAY, Profile(deload_every=5), tuple(history), (), (), training_start=ago(29))
    assert action(rep) == "deload"
    assert action(rep, "strides") != "deload"
