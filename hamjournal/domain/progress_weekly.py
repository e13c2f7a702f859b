"""Progress over long ranges (6 months, a year, ten years): charts from week-level rows, in buckets of weeks.

Pure, like `progress`. The store sums each Monday week in SQL (`WeekVolume`, `WeekPain`, `WeekCheckin`,
`WeekRun`: one row per week with data, never one per day or per entry), and this module folds those weeks into
at most MAX_CHART_POINTS chart buckets. Everything a sentence or a marker needs is computed from the weeks
themselves, so it is exact whatever the bucket size:

- sums (reps, minutes, km, load) add up; a bucket's value is its mean week, so bars keep a "per week" scale;
- means (morning pain, stiffness, sleep, fatigue, session pain) are means of the logged days: each week carries
  the sum of its daily means and the number of days, so buckets and trends weigh every logged day alike, as the
  day-level `weekly_means` does;
- deload weeks are detected on the weekly Nordic sums, as for short ranges;
- the load ratio needs days: it is charted over the recent ACWR_RECENT_RANGE window only, from day rows;
- the sprint sentence takes the runs' first and fastest finish from the store (`sprint_first`, `sprint_best`).
"""

from __future__ import annotations

import bisect
import datetime as dt
import math
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, replace

from hamjournal.domain.dates import week_start
from hamjournal.domain.library.exercises import EXERCISES
from hamjournal.domain.models import Assessment, Profile
from hamjournal.domain.progress import (
    MAX_CHART_POINTS,
    Asymmetry,
    DayRun,
    ProgressData,
    SummaryInputs,
    acwr_series,
    acwr_window_start,
    assessment_asymmetry,
    detected_deload_weeks,
    markers,
    reassessment_due,
    step_index,
    summaries,
    weeks,
)
from hamjournal.domain.thresholds import pain_limit

WEEK = dt.timedelta(weeks=1)

# -- week-level rows (what the store's weekly queries return) -----------------------------------------------


@dataclass(frozen=True)
class WeekVolume:
    """One exercise at one ladder step in one Monday week (`step` None for sessions without a step)."""

    week: dt.date
    exercise: str
    step: str | None
    sessions: int
    sets: int
    reps: int
    hold_s: int = 0


@dataclass(frozen=True)
class WeekPain:
    """Pain during strength sessions in one week: the days with pain, their peak, and the sum of daily peaks."""

    week: dt.date
    days: int
    sessions: int
    max_pain: int
    daily_peak_sum: float


@dataclass(frozen=True)
class WeekCheckin:
    """One week's check-ins at one time of day, as sums of daily means and the days that had each value."""

    week: dt.date
    days: int
    pain_sum: float
    max_pain: int
    stiffness_sum: float = 0.0
    stiffness_days: int = 0
    sleep_sum: float = 0.0
    sleep_days: int = 0
    fatigue_sum: float = 0.0
    fatigue_days: int = 0


@dataclass(frozen=True)
class WeekRun:
    """One week's runs: how many, minutes, km, session-RPE load and the best sprint finish."""

    week: dt.date
    runs: int
    minutes: float
    km: float = 0.0
    load: float = 0.0
    best_finish_s: float | None = None


# -- buckets ------------------------------------------------------------------------------------------------


def bucket_weeks(start: dt.date, end: dt.date) -> int:
    """Weeks per chart bucket: the fewest that keep the window to at most MAX_CHART_POINTS buckets."""
    return max(1, math.ceil(len(weeks(start, end)) / MAX_CHART_POINTS))


def bucket_starts(start: dt.date, end: dt.date, size: int) -> list[dt.date]:
    """The first Monday of each bucket of `size` weeks covering [start, end], oldest first.

    Buckets are counted back from the current week, so the last one always ends with it and keeps its place as
    time goes by; the first starts with the window and holds the weeks left over (it may be shorter).
    """
    first = week_start(start)
    after_last = week_start(end) + WEEK
    starts = []
    monday = after_last - size * WEEK
    while monday > first:
        starts.append(monday)
        monday -= size * WEEK
    starts.append(first)
    return starts[::-1]


def bucket_lengths(starts: Sequence[dt.date], end: dt.date) -> list[int]:
    """The number of weeks in each bucket (the last runs to the end of the current week)."""
    bounds = [*starts[1:], week_start(end) + WEEK]
    return [(b - a).days // 7 for a, b in zip(starts, bounds, strict=True)]


def _index(starts: Sequence[dt.date], week: dt.date) -> int:
    """The bucket holding `week`. Rows come from the window's own queries; one before the first bucket would
    silently land in the last (index -1), so it is refused."""
    index = bisect.bisect_right(starts, week) - 1
    if index < 0:
        raise ValueError(f"week of {week} is before the first bucket ({starts[0]})")
    return index


def _sums_by_bucket(starts: Sequence[dt.date], rows: Iterable[tuple[dt.date, float]]) -> list[float]:
    totals = [0.0] * len(starts)
    for week, value in rows:
        totals[_index(starts, week)] += value
    return totals


def _means_by_bucket(
    starts: Sequence[dt.date], rows: Iterable[tuple[dt.date, float, int]]
) -> list[tuple[dt.date, float]]:
    """(bucket, sum of daily values / days) for each bucket with logged days; rows are (week, sum, days)."""
    sums, counts = [0.0] * len(starts), [0] * len(starts)
    for week, total, n in rows:
        i = _index(starts, week)
        sums[i] += total
        counts[i] += n
    return [(b, s / n) for b, s, n in zip(starts, sums, counts, strict=True) if n]


def _weekly(mondays: Sequence[dt.date], rows: Iterable[tuple[dt.date, float]]) -> list[tuple[dt.date, float]]:
    """Every week of the window with its value, 0 for weeks without rows."""
    totals = dict.fromkeys(mondays, 0.0)
    for week, value in rows:
        if week in totals:
            totals[week] += value
    return list(totals.items())


def _weekly_means(
    mondays: Sequence[dt.date], rows: Iterable[tuple[dt.date, float, int]]
) -> list[tuple[dt.date, float | None]]:
    """Every week of the window with the mean of its logged days, None for weeks without any."""
    means: dict[dt.date, float | None] = dict.fromkeys(mondays)
    for week, total, n in rows:
        if week in means and n:
            means[week] = total / n
    return list(means.items())


def _overall_mean(rows: Iterable[tuple[float, int]]) -> float | None:
    total, n = 0.0, 0
    for value, days in rows:
        total += value
        n += days
    return total / n if n else None


def _latest_per_bucket(starts: Sequence[dt.date], shown: Sequence[Assessment]) -> tuple[tuple[dt.date, Asymmetry], ...]:
    """The asymmetry of each paired test's latest result in each bucket, on its own date: one point per test
    per bucket, however often a runner tests (`shown` is sorted by date and id, so later results win)."""
    latest: dict[tuple[int, str], Assessment] = {}
    for item in shown:
        latest[(_index(starts, week_start(item.date)), item.test)] = item
    points = [(a.date, x) for a in latest.values() if (x := assessment_asymmetry(a)) is not None]
    return tuple(sorted(points, key=lambda p: (p[0], p[1].test)))


# -- the whole picture --------------------------------------------------------------------------------------


def build_progress_weekly(
    range_key: str,
    start: dt.date,
    end: dt.date,
    today: dt.date,
    profile: Profile,
    volumes: Sequence[WeekVolume],
    session_pain: Sequence[WeekPain],
    morning: Sequence[WeekCheckin],
    runs: Sequence[WeekRun],
    recent_runs: Sequence[DayRun],
    first_load_day: dt.date | None,
    sprint_first: tuple[dt.date, float] | None,
    sprint_best: tuple[dt.date, float] | None,
    assessments: Sequence[Assessment],
    plan_deload_days: Sequence[dt.date],
    last_assessed: dt.date | None,
    first_logged: dt.date | None,
) -> ProgressData:
    """The progress screen's data for a long window, from week-level rows (see the module docstring).

    `start` is a Monday. `morning` holds the morning check-ins. `recent_runs` are day rows from
    ACWR_WARMUP_DAYS before `acwr_start` (the later of `start` and the recent ACWR_RECENT_RANGE window) to
    `end`; the ratio is charted from `acwr_start` on.
    """
    mondays = weeks(start, end)
    size = bucket_weeks(start, end)
    starts = bucket_starts(start, end, size)
    lengths = bucket_lengths(starts, end)

    nordic = [v for v in volumes if v.exercise == "nordic"]
    weekly_reps = _weekly(mondays, ((v.week, float(v.reps)) for v in nordic))
    deloads = detected_deload_weeks(weekly_reps, today, plan_deload_days)
    steps: dict[int, int] = {}
    for row in nordic:
        index = step_index("nordic", row.step)
        if index is not None:
            bucket = _index(starts, row.week)
            steps[bucket] = max(index, steps.get(bucket, index))

    def per_week(rows: Iterable[tuple[dt.date, float]]) -> tuple[float, ...]:
        return tuple(total / n for total, n in zip(_sums_by_bucket(starts, rows), lengths, strict=True))

    peaks: dict[int, int] = {}
    for p in session_pain:
        bucket = _index(starts, p.week)
        peaks[bucket] = max(p.max_pain, peaks.get(bucket, p.max_pain))
    pain_means = tuple(_means_by_bucket(starts, ((p.week, p.daily_peak_sum, p.days) for p in session_pain)))
    m_pain = tuple(_means_by_bucket(starts, ((c.week, c.pain_sum, c.days) for c in morning)))
    m_stiff = tuple(_means_by_bucket(starts, ((c.week, c.stiffness_sum, c.stiffness_days) for c in morning)))
    sleep = tuple(_means_by_bucket(starts, ((c.week, c.sleep_sum, c.sleep_days) for c in morning)))
    fatigue = tuple(_means_by_bucket(starts, ((c.week, c.fatigue_sum, c.fatigue_days) for c in morning)))

    fastest: dict[int, float] = {}
    for r in runs:
        if r.best_finish_s is not None:
            bucket = _index(starts, r.week)
            fastest[bucket] = min(r.best_finish_s, fastest.get(bucket, r.best_finish_s))
    acwr_start = acwr_window_start(start, today)
    acwr = acwr_series(recent_runs, first_load_day, acwr_start, end)

    inside = [a for a in assessments if start <= a.date <= end]
    shown = tuple(sorted(inside, key=lambda a: (a.date, a.id or 0)))
    sprint_tests = tuple((a.date, a.value) for a in shown if a.test == "sprint-finish-s" and a.value is not None)
    data = ProgressData(
        range_key=range_key,
        start=start,
        end=end,
        today=today,
        mode=profile.mode,
        pain_limit=int(pain_limit(profile.mode).value),
        weeks=tuple(starts),
        nordic_weekly_reps=per_week((v.week, float(v.reps)) for v in nordic),
        nordic_steps=tuple((starts[i], s) for i, s in sorted(steps.items())),
        nordic_ladder=tuple(s.slug for s in EXERCISES["nordic"].ladder),
        session_pain=tuple((starts[i], p) for i, p in sorted(peaks.items())),
        session_pain_avg7=pain_means,
        morning_pain=m_pain,
        morning_pain_avg7=m_pain,
        morning_stiffness=m_stiff,
        morning_stiffness_avg7=m_stiff,
        sleep_h=sleep,
        fatigue=fatigue,
        weekly_minutes=per_week((r.week, r.minutes) for r in runs),
        weekly_km=per_week((r.week, r.km) for r in runs),
        weekly_load=per_week((r.week, r.load) for r in runs),
        acwr=tuple(acwr),
        sprint_runs=tuple((starts[i], s) for i, s in sorted(fastest.items())),
        sprint_tests=sprint_tests,
        assessments=shown,
        asymmetries=_latest_per_bucket(starts, shown),
        deload_weeks=tuple(deloads),
        markers=tuple(markers(profile, start, end, deloads)),
        reassessment_due=reassessment_due(last_assessed, today, first_logged),
        bucket_weeks=size,
        daily=False,
        acwr_start=acwr_start,
    )
    inputs = SummaryInputs(
        weekly_reps=weekly_reps,
        weekly_morning_pain=_weekly_means(mondays, ((c.week, c.pain_sum, c.days) for c in morning)),
        weekly_morning_stiffness=_weekly_means(
            mondays, ((c.week, c.stiffness_sum, c.stiffness_days) for c in morning)
        ),
        weekly_minutes=_weekly(mondays, ((r.week, r.minutes) for r in runs)),
        sleep_mean=_overall_mean((c.sleep_sum, c.sleep_days) for c in morning),
        fatigue_mean=_overall_mean((c.fatigue_sum, c.fatigue_days) for c in morning),
        sprint_first=sprint_first,
        sprint_best=sprint_best,
    )
    return replace(data, summaries=summaries(data, inputs))
