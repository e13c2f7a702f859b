"""Long ranges: week rows folded into chart buckets, and the same sentences as from day rows."""

from __future__ import annotations

import datetime as dt
from collections import defaultdict

import pytest

from hamjournal.domain.models import Assessment, Profile, Race
from hamjournal.domain.progress.buckets import bucket_lengths, bucket_starts, bucket_weeks
from hamjournal.domain.progress.ranges import MAX_CHART_POINTS, points_are_days, range_window
from hamjournal.domain.progress.rows import (
    DayCheckin,
    DayPain,
    DayRun,
    DayVolume,
    WeekCheckin,
    WeekPain,
    WeekRun,
    WeekVolume,
)
from hamjournal.domain.week import week_start
from tests.domain.progress_support import progress_from_days, progress_from_weeks

D = dt.date
TODAY = D(2026, 11, 25)  # a Wednesday
MON = D(2026, 11, 23)
WEEK = dt.timedelta(weeks=1)


# -- buckets ------------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("weeks", "size", "count", "first_length"),
    [
        (1, 1, 1, 1),
        (12, 1, 12, 1),
        (MAX_CHART_POINTS, 1, MAX_CHART_POINTS, 1),  # the most weeks that still get a bar each
        (MAX_CHART_POINTS + 1, 2, 66, 1),  # one week too many: pairs, the odd week left over at the start
        (520, 4, 130, 4),  # ten years: four-week buckets, all whole
        (521, 5, 105, 1),  # 521 = 5 x 104 + 1
    ],
)
def test_buckets_count_back_from_the_current_week(weeks: int, size: int, count: int, first_length: int) -> None:
    start = MON - (weeks - 1) * WEEK
    assert bucket_weeks(start, TODAY) == size
    starts = bucket_starts(start, TODAY, size)
    lengths = bucket_lengths(starts, TODAY)
    assert len(starts) == count <= MAX_CHART_POINTS
    assert starts[0] == start and lengths[0] == first_length
    assert starts[-1] == MON - (size - 1) * WEEK  # the last bucket ends with the current week
    assert set(lengths[1:]) <= {size} and sum(lengths) == weeks
    assert all(s.weekday() == 0 for s in starts)


@pytest.mark.parametrize(
    ("key", "daily"),
    [("12w", True), ("6m", False), ("1y", False)],
)
def test_only_short_windows_chart_days(key: str, daily: bool) -> None:
    assert points_are_days(*range_window(key, TODAY)) is daily


def test_all_of_a_young_journal_charts_days_and_of_an_old_one_weeks() -> None:
    assert points_are_days(*range_window("all", TODAY, TODAY - dt.timedelta(days=MAX_CHART_POINTS - 3)))
    assert not points_are_days(*range_window("all", TODAY, TODAY - dt.timedelta(days=MAX_CHART_POINTS + 7)))


# -- the Python reference: day rows summed into week rows -----------------------------------------------------


def week_rows(
    volumes: list[DayVolume], pains: list[DayPain], checkins: list[DayCheckin], runs: list[DayRun]
) -> tuple[list[WeekVolume], list[WeekPain], list[WeekCheckin], list[WeekRun]]:
    """What the store's weekly queries must return for these day rows (one step per day row here)."""
    vol: dict[tuple[D, str, str | None], list[int]] = defaultdict(lambda: [0, 0, 0, 0])
    for v in volumes:
        acc = vol[(week_start(v.date), v.exercise, v.steps[0] if v.steps else None)]
        for i, n in enumerate((v.sessions, v.sets, v.reps, v.hold_s)):
            acc[i] += n
    pain: dict[D, list[float]] = defaultdict(lambda: [0, 0, 0, 0.0])
    for p in pains:
        acc = pain[week_start(p.date)]
        acc[0] += 1
        acc[1] += p.sessions
        acc[2] = max(acc[2], p.max_pain)
        acc[3] += p.max_pain
    mornings: dict[D, list[DayCheckin]] = defaultdict(list)
    for c in checkins:
        if c.when == "morning":
            mornings[week_start(c.date)].append(c)

    def total(rows: list[DayCheckin], name: str) -> tuple[float, int]:
        values = [getattr(c, name) for c in rows if getattr(c, name) is not None]
        return sum(values), len(values)

    run: dict[D, list[DayRun]] = defaultdict(list)
    for r in runs:
        run[week_start(r.date)].append(r)
    finishes = lambda rows: [r.best_finish_s for r in rows if r.best_finish_s is not None]  # noqa: E731
    return (
        [WeekVolume(w, ex, step, *acc) for (w, ex, step), acc in sorted(vol.items(), key=lambda i: i[0][:2])],
        [WeekPain(w, int(a[0]), int(a[1]), int(a[2]), a[3]) for w, a in sorted(pain.items())],
        [
            WeekCheckin(
                w,
                len(rows),
                sum(c.avg_pain for c in rows),
                max(c.max_pain for c in rows),
                *total(rows, "avg_stiffness"),
                *total(rows, "avg_sleep_h"),
                *total(rows, "avg_fatigue"),
            )
            for w, rows in sorted(mornings.items())
        ],
        [
            WeekRun(
                w,
                sum(r.runs for r in rows),
                sum(r.minutes for r in rows),
                sum(r.km for r in rows),
                sum(r.load for r in rows),
                min(finishes(rows), default=None),
            )
            for w, rows in sorted(run.items())
        ],
    )


def _journal(start: D) -> tuple[list[DayVolume], list[DayPain], list[DayCheckin], list[DayRun]]:
    """Half a year of plain-arithmetic training from `start`: a dip week, a gap week, falling stiffness."""
    volumes, pains, checkins, runs = [], [], [], []
    day = start
    while day <= TODAY:
        n = (day - start).days
        week = n // 7
        if day.weekday() in (1, 4) and week != 9:  # no Nordics in week 9 (a gap, not a deload)
            reps = 4 if week == 14 else 20 + week  # week 14 is a dip: a deload
            step = "band-assisted" if week < 10 else "incline"
            volumes.append(DayVolume(day, "nordic", 1, 3, reps, steps=(step,)))
            if n % 3 == 0:
                pains.append(DayPain(day, 1, n % 5, float(n % 5)))
        if n % 2 == 0:
            stiffness = None if n % 10 == 0 else 4.0 - week * 0.15
            sleep = 7.0 + (n % 3) * 0.5
            checkins.append(DayCheckin(day, "morning", 1, float(n % 4), n % 4, stiffness, sleep, float(n % 6)))
        checkins.append(DayCheckin(day, "evening", 1, 9.0, 9, 9.0))  # must not count: not a morning
        if day.weekday() in (0, 3, 6) and (TODAY - day).days < 60:
            finish = 30.0 - week * 0.1 if day.weekday() == 6 else None
            runs.append(DayRun(day, 1, 30.0 + week, 6.0, 150.0 + week, finish))
        day += dt.timedelta(days=1)
    return volumes, pains, checkins, runs


def test_the_weekly_build_says_what_the_daily_build_says() -> None:
    """Same journal, same window: the sentences, deloads and weekly bars agree whatever the resolution."""
    start, end = range_window("6m", TODAY)
    volumes, pains, checkins, runs = _journal(start)
    first_load = min(r.date for r in runs)
    profile = Profile(races=(Race(D(2026, 10, 4), "Autumn 10K", 10),))
    tests = [Assessment(D(2026, 9, 1), "sl-bridge-reps", left=20, right=25),
             Assessment(D(2026, 10, 1), "sprint-finish-s", value=29.0)]
    common = {"assessments": tests, "plan_deload_days": [], "last_assessed": D(2026, 10, 1), "first_logged": start}
    daily = progress_from_days(
        "6m", start, end, TODAY, profile, volumes=volumes, session_pain=pains, checkins=checkins, runs=runs,
        first_load_day=first_load, **common,
    )
    w_vol, w_pain, w_check, w_run = week_rows(volumes, pains, checkins, runs)
    sprints = [(r.date, r.best_finish_s) for r in runs if r.best_finish_s is not None]
    weekly = progress_from_weeks(
        "6m", start, end, TODAY, profile, volumes=w_vol, session_pain=w_pain, morning=w_check, runs=w_run,
        recent_runs=runs, first_load_day=first_load, sprint_first=min(sprints),
        sprint_best=min(sprints, key=lambda p: (p[1], p[0])), **common,
    )
    assert not weekly.frame.daily and weekly.frame.bucket_weeks == 1
    assert weekly.summaries == daily.summaries and weekly.trend == daily.trend
    w_nordic, d_nordic = weekly.charts["nordic"], daily.charts["nordic"]
    w_running, d_running = weekly.charts["running"], daily.charts["running"]
    assert w_nordic.deload_weeks == d_nordic.deload_weeks == (start + 14 * WEEK,)
    assert weekly.frame.markers == daily.frame.markers
    assert weekly.frame.weeks == daily.frame.weeks and w_nordic.weekly_reps == d_nordic.weekly_reps
    assert w_running.weekly_minutes == d_running.weekly_minutes and w_running.weekly_load == d_running.weekly_load
    assert w_running.acwr[-1] == pytest.approx(d_running.acwr[-1])
    # Buckets: the step line is the hardest step of each week, the pain points each week's peak.
    assert w_nordic.steps[0] == (start, 1) and w_nordic.steps[-1] == (MON, 2)  # band, then incline
    session_pain = weekly.charts["pain"].session_pain
    assert len(session_pain) <= len(weekly.frame.weeks)
    assert max(p for _, p in session_pain) == max(p.max_pain for p in pains)


def test_buckets_of_several_weeks_keep_a_per_week_scale_and_exact_means() -> None:
    start = MON - (MAX_CHART_POINTS + 1) * WEEK  # 132 weeks: buckets of two
    vols = [WeekVolume(start + i * WEEK, "nordic", "incline", 2, 6, 30) for i in range(132)]
    # Two weeks of one bucket: 1 logged day at pain 4, then 3 logged days at pain 0: the mean is over 4 days.
    morning = [WeekCheckin(MON - 3 * WEEK, 1, 4.0, 4), WeekCheckin(MON - 2 * WEEK, 3, 0.0, 0)]
    # Two bridge tests in the last two-week bucket and one in the bucket before: one point per test per bucket.
    tests = [
        Assessment(MON - 2 * WEEK, "sl-bridge-reps", left=20, right=25, id=1),
        Assessment(MON - WEEK, "sl-bridge-reps", left=20, right=25, id=2),
        Assessment(MON, "sl-bridge-reps", left=24, right=25, id=3),
    ]
    data = progress_from_weeks(
        "all", start, TODAY, TODAY, Profile(), volumes=vols, session_pain=[], morning=morning, runs=[],
        recent_runs=[], first_load_day=None, sprint_first=None, sprint_best=None, assessments=tests,
        plan_deload_days=[], last_assessed=None, first_logged=start,
    )
    assessed = data.charts["assessments"]
    assert [d for d, _ in assessed.asymmetries] == [MON - 2 * WEEK, MON]  # the later test of a bucket wins
    assert len(assessed.assessments) == 3 and "L 24 reps / R 25 reps" in data.summaries["assessments"]
    assert data.frame.bucket_weeks == 2 and len(data.frame.weeks) == 66
    assert set(data.charts["nordic"].weekly_reps) == {30.0}  # reps per week, not per bucket
    assert dict(data.charts["pain"].morning_pain)[MON - 3 * WEEK] == 1.0
    # Long ranges chart the recent load ratio only.
    assert data.charts["running"].acwr_start == range_window("12w", TODAY)[0]
    assert "Nordic volume steady at about 30 reps a week" in data.summaries["nordic"]


def _long_range(start: D, volumes: list[WeekVolume]):  # type: ignore[no-untyped-def]
    return progress_from_weeks(
        "all", start, TODAY, TODAY, Profile(), volumes=volumes, session_pain=[], morning=[], runs=[],
        recent_runs=[], first_load_day=None, sprint_first=None, sprint_best=None, assessments=[],
        plan_deload_days=[], last_assessed=None, first_logged=start,
    )


def test_a_row_before_the_first_bucket_is_refused_not_added_to_the_last() -> None:
    start = MON - (MAX_CHART_POINTS + 1) * WEEK
    with pytest.raises(ValueError, match="before the first bucket"):
        _long_range(start, [WeekVolume(start - WEEK, "nordic", "incline", 2, 6, 30)])

