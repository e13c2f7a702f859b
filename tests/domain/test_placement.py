"""Where the planner puts Nordics (rules-reference section 2, Placement), boundary by boundary.

Every rule: 48 h apart (across weeks, against logged and kept sessions), never on the long run or its eve, nor on
an A/B race or its eve, not in the 2 days after a race (3 after >= 21.1 km), none in the 3 days before an A race,
no new step in the last 2 weeks before an A race, the eve of a hard session only when no other day is free, a
strength day shared rather than the eve of the long run; and the texts that say which rule gave way.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import itertools

import pytest

from hamjournal.domain.advice.report import Advice, AdviceReport, LoadSummary
from hamjournal.domain.models import WEEKDAYS, PlanItem, Prescription, Profile, Race
from hamjournal.domain.planner.calendar import nordic_bans, weekly_capacity
from hamjournal.domain.planner.plan import HistorySummary, Plan, make_plan

MONDAY = dt.date(2026, 11, 23)
NO_LOAD = LoadSummary(0, 0.0, 0.0, None, None, None, None, None, None)
# No long run and no hard day: only the race rules apply.
FREE_WEEK = Profile(running_days=("mon", "wed", "fri"), long_run_day=None, hard_days=())


def day(offset: int) -> dt.date:
    return MONDAY + dt.timedelta(days=offset)


def nordic_dates(plan: Plan) -> list[dt.date]:
    return [i.date for i in plan.items if i.exercise == "nordic"]


def nordic_items(plan: Plan) -> list[PlanItem]:
    return [i for i in plan.items if i.exercise == "nordic"]


def week_four() -> HistorySummary:
    """Petersen weeks 1-3 done (1, 2, 3 sessions): this week wants 3 sessions, at step incline."""
    dates = tuple(MONDAY - dt.timedelta(days=d) for d in (20, 13, 10, 7, 5, 3))
    return HistorySummary(nordic_dates=dates, nordic_step="incline", session_dates=dates)


# -- the rules that never give way, at each boundary --------------------------------------------------------------

RACE_DAY = 16  # Wednesday 9 Dec


@pytest.mark.parametrize(
    ("priority", "km", "offset", "banned"),
    [
        # A race: the day of it and the 3 days before.
        ("A", 10.0, -4, None),
        ("A", 10.0, -3, "3 days before the Race"),
        ("A", 10.0, -2, "2 days before the Race"),
        ("A", 10.0, -1, "the day before the Race"),
        ("A", 10.0, 0, "the day of the Race"),
        # B race: the day of it and the day before.
        ("B", 10.0, -2, None),
        ("B", 10.0, -1, "the day before the Race"),
        ("B", 10.0, 0, "the day of the Race"),
        # C race: no ban before it (its day is a conflict that gives way only when the week needs it).
        ("C", 10.0, -1, None),
        ("C", 10.0, 0, None),
        # After any race: 2 days; after 21.1 km or more: 3 days.
        ("C", 10.0, 1, "the day after the Race"),
        ("C", 10.0, 2, "2 days after the Race"),
        ("C", 10.0, 3, None),
        ("A", 10.0, 3, None),
        ("B", 21.0, 3, None),
        ("B", 21.1, 3, "3 days after the Race"),
        ("B", 21.1, 4, None),
        ("A", 42.2, 3, "3 days after the Race"),
        ("A", 42.2, 4, None),
    ],
)
def test_race_bans_at_each_boundary(priority: str, km: float, offset: int, banned: str | None) -> None:
    profile = Profile(long_run_day=None, hard_days=(), races=(Race(day(RACE_DAY), "Race", km, priority),))
    bans = nordic_bans(day(RACE_DAY + offset), profile)
    assert (banned in bans) if banned else not bans, bans


@pytest.mark.parametrize(
    ("long_day", "weekday", "banned"),
    [("sun", "sun", "the long-run day"), ("sun", "sat", "the day before the long run"), ("sun", "fri", None),
     ("sun", "mon", None), ("wed", "tue", "the day before the long run"), ("wed", "thu", None)],
)
def test_long_run_bans(long_day: str, weekday: str, banned: str | None) -> None:
    profile = Profile(long_run_day=long_day, hard_days=())
    bans = nordic_bans(day(WEEKDAYS.index(weekday)), profile)
    assert (banned in bans) if banned else not bans, bans


@pytest.mark.parametrize("long_day", WEEKDAYS)
def test_no_nordic_on_the_long_run_or_the_day_before_it_in_any_week(long_day: str) -> None:
    eve = WEEKDAYS[(WEEKDAYS.index(long_day) - 1) % 7]
    for strength_days in ((), tuple(d for d in WEEKDAYS if d not in (long_day, eve))[:3]):
        profile = Profile(running_days=(long_day,), long_run_day=long_day, hard_days=(), strength_days=strength_days)
        plan = make_plan(MONDAY, profile, None, HistorySummary(), weeks=6)
        assert nordic_dates(plan)
        assert not {WEEKDAYS[d.weekday()] for d in nordic_dates(plan)} & {long_day, eve}


# -- spacing: 48 h, across weeks, against logged and kept sessions --------------------------------------------------


def spacing_grid() -> list[tuple[Profile, dt.date]]:
    cases = []
    for index, (long_day, offset) in enumerate(itertools.product(WEEKDAYS, range(7))):
        others = [d for d in WEEKDAYS if d != long_day]
        hard = tuple(others[index % 3: index % 3 + 1 + index % 2])
        strength = tuple(others[3:5]) if index % 2 else ()
        races = (Race(day(offset + 10 + index % 5), "Half", 21.1, "ABC"[index % 3]),) if index % 4 else ()
        profile = Profile(running_days=(*others[:3], long_day), long_run_day=long_day, hard_days=hard,
                          strength_days=strength, races=races)
        cases.append((profile, day(offset)))
    return cases


@pytest.mark.parametrize(("profile", "today"), spacing_grid())
def test_nordics_are_never_on_consecutive_days_nor_on_a_banned_day(profile: Profile, today: dt.date) -> None:
    history = week_four()
    plan = make_plan(today, profile, None, history, weeks=6)
    every = sorted({*history.nordic_dates, *nordic_dates(plan)})
    assert all((b - a).days >= 2 for a, b in itertools.pairwise(every)), every
    for item in nordic_items(plan):
        assert not nordic_bans(item.date, profile), item
        if any(item.date + dt.timedelta(days=1) == d for d in _hard_dates(profile, item.date)):
            assert "the day before" in item.why and "no better day was free" in item.why, item.why


def _hard_dates(profile: Profile, near: dt.date) -> list[dt.date]:
    span = range(-7, 8)
    return [near + dt.timedelta(days=n) for n in span if WEEKDAYS[(near.weekday() + n) % 7] in profile.hard_days]


@pytest.mark.parametrize(
    ("logged_offset", "today_offset", "earliest"),
    [
        (-1, 0, 1),  # logged on Sunday, today Monday: across the week boundary, not Monday
        (0, 0, 2),  # logged today: not tomorrow
        (-1, 1, 1),  # logged yesterday (Monday): not today
        (-2, 0, 0),  # logged 2 days ago: today is 48 h later
    ],
)
def test_a_logged_session_keeps_the_next_one_48_hours_away(
    logged_offset: int, today_offset: int, earliest: int
) -> None:
    logged = day(logged_offset)
    history = HistorySummary(nordic_dates=(logged - dt.timedelta(days=3), logged), nordic_step="incline",
                             logged=((logged, "nordic"),) if logged >= MONDAY else ())
    plan = make_plan(day(today_offset), FREE_WEEK, None, history, weeks=1)
    dates = nordic_dates(plan)
    assert dates and min(dates) >= logged + dt.timedelta(days=2)
    assert min(dates) >= day(earliest)


def test_a_kept_session_next_week_keeps_sunday_free() -> None:
    kept = PlanItem(day(7), "nordic", "strength", Prescription(2, (6, 6)), step="incline", origin="manual", id=1)
    plan = make_plan(MONDAY, FREE_WEEK, None, week_four(), weeks=1, kept=(kept,))
    assert day(6) not in nordic_dates(plan)


@pytest.mark.parametrize("long_day", WEEKDAYS)
@pytest.mark.parametrize("hard_count", [1, 2, 3])
def test_a_late_session_does_not_cost_the_next_week_one(long_day: str, hard_count: int) -> None:
    # Programme weeks 3-10 want 3 a week: every usual week that can hold 3 sessions 48 h apart gets 3.
    others = [d for d in WEEKDAYS if d != long_day]
    hard = tuple(others[:hard_count])
    profile = Profile(running_days=(*others[:4], long_day), long_run_day=long_day, hard_days=hard)
    plan = make_plan(MONDAY, profile, None, HistorySummary(), weeks=8)
    if weekly_capacity(long_day, hard, 2, severe=True, cyclic=True) >= 3:
        for week in range(2, 8):
            start = day(7 * week)
            assert len([d for d in nordic_dates(plan) if start <= d < start + dt.timedelta(days=7)]) == 3, week


# -- the worked example ---------------------------------------------------------------------------------------------


@pytest.mark.parametrize("priority", ["A", "B", "C"])
def test_worked_example_half_marathon_on_wednesday_long_run_sunday(priority: str) -> None:
    # Half marathon on Wednesday 2 Dec, long run Sunday: no Nordic Thu, Fri, Sat (3 days after the race; Saturday
    # is also the eve of the long run) nor Sunday; the next one on Monday 7 Dec at the earliest.
    race = Race(day(9), "City Half", 21.1, priority)
    plan = make_plan(MONDAY, Profile(races=(race,)), None, week_four(), weeks=3)
    dates = nordic_dates(plan)
    assert not [d for d in dates if day(10) <= d <= day(13)]
    after = min(d for d in dates if d > race.date)
    # B and C: Monday itself; after an A race the recovery week's one session may come later in the week.
    assert after == day(14) if priority != "A" else after >= day(14)
    note = next(n for n in plan.notes if "week of 30 Nov" in n)
    assert "Thursday (the day after the City Half)" in note
    assert "Saturday (the day before the long run, 3 days after the City Half)" in note
    assert "Sunday (the long-run day)" in note


def test_no_nordics_in_the_three_days_before_an_a_race_and_the_race_week_keeps_one() -> None:
    race = Race(day(14 + 4), "City 10K", 10.0, "A")  # Friday of the third week
    plan = make_plan(MONDAY, dataclasses.replace(FREE_WEEK, races=(race,)), None, week_four(), weeks=4)
    assert not [d for d in nordic_dates(plan) if 0 <= (race.date - d).days <= 3]
    assert [d for d in nordic_dates(plan) if day(14) <= d < race.date]  # Monday of the race week is 4 days out


# -- no new step in the last 2 weeks before an A race ----------------------------------------------------------------


def progress_to_bodyweight() -> AdviceReport:
    rx, nxt = Prescription(3, (8, 8, 8)), Prescription(2, (5, 5))
    item = Advice("nordic", "progress", "incline", rx, nxt, "bodyweight", (), ())
    return AdviceReport(MONDAY, (item,), (), NO_LOAD)


@pytest.mark.parametrize(
    ("priority", "days_to_race", "step"),
    [("A", 14, "incline"), ("A", 15, "bodyweight"), ("A", 4, "incline"), ("B", 14, "bodyweight"),
     ("C", 5, "bodyweight")],
)
def test_a_new_step_waits_in_the_last_two_weeks_before_an_a_race(priority: str, days_to_race: int, step: str) -> None:
    # Only Wednesday is free of other rules' bans here, so the one session this week lands on it.
    wednesday = day(2)
    race = Race(wednesday + dt.timedelta(days=days_to_race), "City 10K", 10.0, priority)
    profile = Profile(running_days=("wed",), long_run_day=None, hard_days=(), races=(race,))
    history = HistorySummary(nordic_dates=(MONDAY - dt.timedelta(days=7),), nordic_step="incline",
                             window_start=MONDAY - dt.timedelta(days=139))
    plan = make_plan(wednesday, profile, progress_to_bodyweight(), history, weeks=1)
    first = nordic_items(plan)[0]
    assert first.date == wednesday
    assert first.step == step
    if step == "incline":
        assert "the step holds at incline: no new Nordic step in the last 2 weeks before the City 10K" in first.why
        # The dose stays at the usual 3x8 (the programme's week 2 is lower, and a runner is not cut back without a
        # reason), not the new step's entry 2x5.
        assert set(first.prescription.reps) == {8}  # (a race week cuts a set)
    else:
        assert "the step holds" not in first.why


def test_a_new_step_started_before_the_window_carries_on_into_it() -> None:
    race = Race(day(16), "City 10K", 10.0, "A")  # Monday's session is 16 days out, Wednesday's 14
    history = HistorySummary(nordic_dates=(MONDAY - dt.timedelta(days=7),), nordic_step="incline",
                             window_start=MONDAY - dt.timedelta(days=139))
    plan = make_plan(MONDAY, Profile(races=(race,), long_run_day=None, hard_days=()), progress_to_bodyweight(),
                     history, weeks=1)
    assert {i.step for i in nordic_items(plan)} == {"bodyweight"}


# -- the rules that may give way, and their texts ----------------------------------------------------------------------


@pytest.mark.parametrize(
    ("hard_days", "weekdays", "gave_way"),
    [
        # A free day exists (Wednesday to Friday): the eve of Tuesday's hard session stays free.
        (("tue",), {2, 3, 4}, None),
        (("tue", "thu"), {2, 4}, None),  # Wednesday is the eve of Thursday, but Friday is free
        # Tuesday to Friday hard, Saturday the eve of the long run: Monday, the eve of a hard session, is all.
        (("tue", "wed", "thu", "fri"), {0}, "no better day was free: the day before Tuesday's hard session"),
    ],
)
def test_the_day_before_a_hard_session_only_when_no_other_day_is_free(
    hard_days: tuple[str, ...], weekdays: set[int], gave_way: str | None
) -> None:
    profile = Profile(running_days=("mon", "sun"), long_run_day="sun", hard_days=hard_days)
    (item,) = nordic_items(make_plan(MONDAY, profile, None, HistorySummary(), weeks=1))  # programme week 1: one
    assert item.date.weekday() in weekdays
    if gave_way is None:
        assert "no better day was free" not in item.why
    else:
        assert gave_way in item.why


def test_the_why_says_when_the_eve_of_a_hard_session_gave_way() -> None:
    # Default week (long run Sunday, Tuesday hard) in a 3-session week: Monday, Wednesday, Friday; Monday is the
    # eve of Tuesday's hard session and says so.
    plan = make_plan(MONDAY, Profile(), None, week_four(), weeks=1)
    items = {i.date: i for i in nordic_items(plan)}
    assert sorted(items) == [day(0), day(2), day(4)]
    assert "no better day was free: the day before Tuesday's hard session" in items[day(0)].why
    assert "no better day was free" not in items[day(2)].why


def test_a_strength_day_is_shared_rather_than_the_eve_of_the_long_run() -> None:
    profile = Profile(running_days=("mon", "tue", "thu", "sat", "sun"), long_run_day="sun", hard_days=("tue",),
                      strength_days=("mon", "wed", "fri"))
    plan = make_plan(MONDAY, profile, None, week_four(), weeks=2)
    dates = nordic_dates(plan)
    assert not [d for d in dates if d.weekday() in (5, 6)]
    shared = [i for i in nordic_items(plan) if i.date.weekday() in (2, 4)]
    assert shared and all("no better day was free: on your other strength day" in i.why for i in shared)


def test_a_hard_day_gives_way_only_when_the_usual_week_needs_it_and_says_why() -> None:
    # Long run Monday, Tuesday hard: Sunday and Monday are banned, so 3 sessions 48 h apart need Tuesday.
    profile = Profile(running_days=("mon", "tue", "wed", "thu"), long_run_day="mon", hard_days=("tue",))
    plan = make_plan(MONDAY, profile, None, week_four(), weeks=2)
    on_hard = [i for i in nordic_items(plan) if i.date.weekday() == 1]
    assert on_hard
    for item in on_hard:
        assert "no better day was free: on Tuesday's hard day" in item.why
        assert "your usual week has too few other days for 3 Nordic sessions 48 h apart" in item.why
    roomy = Profile(running_days=("mon", "tue", "wed", "thu"), long_run_day="sun", hard_days=("tue",))
    assert not [d for d in nordic_dates(make_plan(MONDAY, roomy, None, week_four(), weeks=2)) if d.weekday() == 1]


def test_a_dropped_session_is_told_with_the_rule_that_left_no_day() -> None:
    friday = day(4)
    plan = make_plan(friday, Profile(), None, week_four(), weeks=1)
    assert nordic_dates(plan) == [friday]
    note = next(n for n in plan.notes if "did not fit" in n)
    assert note.startswith("2 Nordic session(s) did not fit in the days left this week: no Nordics on ")
    assert "Saturday (the day before the long run)" in note and "Sunday (the long-run day)" in note
