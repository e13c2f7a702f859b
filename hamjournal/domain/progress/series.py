"""Series maths for the charts: weekly sums and means, rolling means, ladder steps and the load ratio."""

from __future__ import annotations

import datetime as dt
import statistics
from collections.abc import Iterable, Mapping

from hamjournal.domain import load
from hamjournal.domain.dates import week_start
from hamjournal.domain.library.exercises import EXERCISES
from hamjournal.domain.progress.ranges import days, weeks
from hamjournal.domain.progress.rows import DayRun, DayVolume
from hamjournal.domain.thresholds import ACWR_MIN_DAYS, EWMA_ACUTE_N, EWMA_CHRONIC_N

ROLLING_DAYS = 7
# The EWMA of the chronic load forgets slowly: (1 - 2/29)^84 < 0.3%, so 12 weeks of run history before the
# window reproduce the ratio from the first run to within rounding without reading ten years of runs.
ACWR_WARMUP_DAYS = 84


def weekly_sums(values: Mapping[dt.date, float], start: dt.date, end: dt.date) -> list[tuple[dt.date, float]]:
    """Sum day values into Monday weeks covering [start, end]; weeks without data are 0."""
    totals: dict[dt.date, float] = {monday: 0.0 for monday in weeks(start, end)}
    for day, value in values.items():
        if start <= day <= end and value is not None:
            totals[week_start(day)] += value
    return sorted(totals.items())


def weekly_means(values: Mapping[dt.date, float], start: dt.date, end: dt.date) -> list[tuple[dt.date, float | None]]:
    """Mean of the day values in each Monday week covering [start, end]; None for weeks without data."""
    buckets: dict[dt.date, list[float]] = {monday: [] for monday in weeks(start, end)}
    for day, value in values.items():
        if start <= day <= end and value is not None:
            buckets[week_start(day)].append(value)
    return [(monday, statistics.fmean(vals) if vals else None) for monday, vals in sorted(buckets.items())]


def rolling_mean(
    values: Mapping[dt.date, float], start: dt.date, end: dt.date, window: int = ROLLING_DAYS
) -> list[tuple[dt.date, float | None]]:
    """For each day of [start, end], the mean of the logged values of the `window` days ending that day.

    Days without a log are left out of the mean rather than counted as zero (an unlogged morning is not a
    pain-free one); a day with no log in its whole window gets None. Pass values from `window - 1` days
    before start so the first days of the chart average a full window.
    """
    # One look-up per day, then a slice per day: linear in the range, so "all" of ten years stays quick.
    # fmean sums exactly (math.fsum), so the order of a window's values does not change its mean.
    span = days(start - dt.timedelta(days=window - 1), end)
    series = [values.get(day) for day in span]
    out: list[tuple[dt.date, float | None]] = []
    for i, day in enumerate(span[window - 1 :]):
        found = [value for value in series[i : i + window] if value is not None]
        out.append((day, statistics.fmean(found) if found else None))
    return out


def mean_inside(values: Mapping[dt.date, float], start: dt.date, end: dt.date) -> float | None:
    """The mean of the values dated inside [start, end], or None when there are none."""
    inside = [v for d, v in values.items() if start <= d <= end]
    return statistics.fmean(inside) if inside else None


def step_index(exercise: str, step: str | None) -> int | None:
    """A step's position on its exercise's ladder (0 = easiest), or None for an unknown step."""
    ex = EXERCISES.get(exercise)
    if ex is None or step is None:
        return None
    slugs = [s.slug for s in ex.ladder]
    return slugs.index(step) if step in slugs else None


def step_series(volumes: Iterable[DayVolume], exercise: str) -> list[tuple[dt.date, int]]:
    """The hardest ladder step used each day the exercise was done, as a ladder index."""
    out: list[tuple[dt.date, int]] = []
    for row in sorted((v for v in volumes if v.exercise == exercise), key=lambda v: v.date):
        indexes = [i for i in (step_index(exercise, s) for s in row.steps) if i is not None]
        if indexes:
            out.append((row.date, max(indexes)))
    return out


def acwr_series(
    runs: Iterable[DayRun], first_load_day: dt.date | None, start: dt.date, end: dt.date
) -> list[tuple[dt.date, float]]:
    """The EWMA acute:chronic ratio for each day of [start, end] that has 28 days of run data behind it.

    `runs` should reach ACWR_WARMUP_DAYS before start; the EWMA starts at the first loaded day (or the start
    of that warm-up), as `load.acute_chronic` does. Descriptive only: never a risk score.
    """
    if first_load_day is None or first_load_day > end:
        return []
    begin = max(first_load_day, start - dt.timedelta(days=ACWR_WARMUP_DAYS))
    loads = {r.date: r.load for r in runs}
    series = [loads.get(d, 0.0) for d in days(begin, end)]
    acute = load.ewma(series, int(EWMA_ACUTE_N.value))
    chronic = load.ewma(series, int(EWMA_CHRONIC_N.value))
    out = []
    for day, a, c in zip(days(begin, end), acute, chronic, strict=True):
        enough = (day - first_load_day).days + 1 >= ACWR_MIN_DAYS.value
        if day >= start and enough and c > 0:
            out.append((day, a / c))
    return out
