"""Weeks folded into chart buckets, for long ranges (6 months, a year, ten years).

A long window is charted from week-level rows in at most MAX_CHART_POINTS buckets of whole weeks. Sums (reps,
minutes, km, load) add up, and a bucket's value is its mean week, so bars keep a "per week" scale; means
(pain, stiffness, sleep, fatigue) are means of the logged days: each week carries the sum of its daily means
and the number of days, so buckets and trends weigh every logged day alike, as the day-level `weekly_means`
does.
"""

from __future__ import annotations

import bisect
import datetime as dt
import math
from collections.abc import Iterable, Sequence

from hamjournal.domain.dates import week_start
from hamjournal.domain.models import Assessment
from hamjournal.domain.progress.asymmetry import Asymmetry, assessment_asymmetry
from hamjournal.domain.progress.ranges import MAX_CHART_POINTS, weeks

WEEK = dt.timedelta(weeks=1)


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


def bucket_index(starts: Sequence[dt.date], week: dt.date) -> int:
    """The bucket holding `week`. Rows come from the window's own queries; one before the first bucket would
    silently land in the last (index -1), so it is refused."""
    index = bisect.bisect_right(starts, week) - 1
    if index < 0:
        raise ValueError(f"week of {week} is before the first bucket ({starts[0]})")
    return index


def sums_by_bucket(starts: Sequence[dt.date], rows: Iterable[tuple[dt.date, float]]) -> list[float]:
    """The total of each bucket; rows are (week, value)."""
    totals = [0.0] * len(starts)
    for week, value in rows:
        totals[bucket_index(starts, week)] += value
    return totals


def per_week(starts: Sequence[dt.date], end: dt.date, rows: Iterable[tuple[dt.date, float]]) -> tuple[float, ...]:
    """Each bucket's mean week: its total over the weeks it holds (bars keep a "per week" scale)."""
    lengths = bucket_lengths(starts, end)
    return tuple(total / n for total, n in zip(sums_by_bucket(starts, rows), lengths, strict=True))


def means_by_bucket(
    starts: Sequence[dt.date], rows: Iterable[tuple[dt.date, float, int]]
) -> list[tuple[dt.date, float]]:
    """(bucket, sum of daily values / days) for each bucket with logged days; rows are (week, sum, days)."""
    sums, counts = [0.0] * len(starts), [0] * len(starts)
    for week, total, n in rows:
        i = bucket_index(starts, week)
        sums[i] += total
        counts[i] += n
    return [(b, s / n) for b, s, n in zip(starts, sums, counts, strict=True) if n]


def weekly_totals(mondays: Sequence[dt.date], rows: Iterable[tuple[dt.date, float]]) -> list[tuple[dt.date, float]]:
    """Every week of the window with its value, 0 for weeks without rows."""
    totals = dict.fromkeys(mondays, 0.0)
    for week, value in rows:
        if week in totals:
            totals[week] += value
    return list(totals.items())


def weekly_day_means(
    mondays: Sequence[dt.date], rows: Iterable[tuple[dt.date, float, int]]
) -> list[tuple[dt.date, float | None]]:
    """Every week of the window with the mean of its logged days, None for weeks without any."""
    means: dict[dt.date, float | None] = dict.fromkeys(mondays)
    for week, total, n in rows:
        if week in means and n:
            means[week] = total / n
    return list(means.items())


def overall_mean(rows: Iterable[tuple[float, int]]) -> float | None:
    """The mean over all logged days; rows are (sum of daily values, days)."""
    total, n = 0.0, 0
    for value, days in rows:
        total += value
        n += days
    return total / n if n else None


def latest_per_bucket(starts: Sequence[dt.date], shown: Sequence[Assessment]) -> tuple[tuple[dt.date, Asymmetry], ...]:
    """The asymmetry of each paired test's latest result in each bucket, on its own date: one point per test
    per bucket, however often a runner tests (`shown` is sorted by date and id, so later results win)."""
    latest: dict[tuple[int, str], Assessment] = {}
    for item in shown:
        latest[(bucket_index(starts, week_start(item.date)), item.test)] = item
    points = [(a.date, x) for a in latest.values() if (x := assessment_asymmetry(a)) is not None]
    return tuple(sorted(points, key=lambda p: (p[0], p[1].test)))
