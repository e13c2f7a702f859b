"""Running load maths: session-RPE load, EWMA acute:chronic ratio, distance sums and jumps.

All functions take the runs and the day to look from; none reads the clock. Ratios return None instead of
dividing by zero or describing too little data.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Sequence

from hamjournal.domain.models import Run
from hamjournal.domain.thresholds import (
    ACWR_DANGER,
    ACWR_MIN_DAYS,
    ACWR_SWEET_HIGH,
    ACWR_SWEET_LOW,
    EWMA_ACUTE_N,
    EWMA_CHRONIC_N,
    LONGEST_RUN_WINDOW_DAYS,
    VOLUME_JUMP_WINDOW_DAYS,
)

# Ratios are rounded so that 11 km after a 10 km longest run is exactly +10%, not 10.000000000000009%.
_RATIO_DIGITS = 9


def session_load(rpe: float, minutes: float) -> float:
    """Session-RPE load in arbitrary units (Foster 2001): RPE (0-10) x minutes. 7 x 60 = 420 AU."""
    return rpe * minutes


def daily_loads(runs: Iterable[Run], start: dt.date, end: dt.date) -> list[float]:
    """Load per day from start to end inclusive; days without runs are 0, runs without an RPE add nothing."""
    days = (end - start).days + 1
    series = [0.0] * max(days, 0)
    for run in runs:
        offset = (run.date - start).days
        if 0 <= offset < days and run.rpe is not None:
            series[offset] += session_load(run.rpe, run.minutes)
    return series


def ewma_lambda(n: int) -> float:
    """The EWMA decay for an N-day average (Williams 2017): 2 / (N + 1)."""
    return 2.0 / (n + 1)


def ewma(series: Sequence[float], n: int) -> list[float]:
    """Exponentially weighted moving average; starts at the first value so a constant series stays constant."""
    if not series:
        return []
    decay = ewma_lambda(n)
    out = [float(series[0])]
    for value in series[1:]:
        out.append(decay * value + (1 - decay) * out[-1])
    return out


def first_run_date(runs: Iterable[Run], today: dt.date) -> dt.date | None:
    """The earliest run on or before today that carries a load."""
    dates = [r.date for r in runs if r.date <= today and r.rpe is not None]
    return min(dates, default=None)


def data_days(runs: Iterable[Run], today: dt.date) -> int:
    """Days of run data up to today, counted from the first run with an RPE (inclusive)."""
    first = first_run_date(runs, today)
    return 0 if first is None else (today - first).days + 1


def acute_chronic(runs: Iterable[Run], today: dt.date) -> tuple[float, float] | None:
    """Today's 7-day and 28-day EWMA loads, or None before 28 days of data."""
    pool = tuple(runs)
    first = first_run_date(pool, today)
    if first is None or data_days(pool, today) < ACWR_MIN_DAYS.value:
        return None
    series = daily_loads(pool, first, today)
    return ewma(series, int(EWMA_ACUTE_N.value))[-1], ewma(series, int(EWMA_CHRONIC_N.value))[-1]


def acute_chronic_ratio(runs: Iterable[Run], today: dt.date) -> float | None:
    """EWMA acute:chronic ratio (Williams 2017); None before 28 days of data or when chronic load is 0."""
    loads = acute_chronic(runs, today)
    if loads is None:
        return None
    acute, chronic = loads
    if chronic <= 0:
        return None
    return round(acute / chronic, _RATIO_DIGITS)


def describe_acwr(ratio: float) -> str:
    """A plain description of the ratio: never a risk score (Lolli 2019; Impellizzeri 2020)."""
    if ratio < ACWR_SWEET_LOW.value:
        where = f"below the {ACWR_SWEET_LOW.value:g}-{ACWR_SWEET_HIGH.value:g} range: less load than you are used to"
    elif ratio <= ACWR_SWEET_HIGH.value:
        where = f"inside the {ACWR_SWEET_LOW.value:g}-{ACWR_SWEET_HIGH.value:g} range often called the 'sweet spot'"
    elif ratio < ACWR_DANGER.value:
        where = f"above {ACWR_SWEET_HIGH.value:g}: more load than you are used to"
    else:
        where = f"at or above {ACWR_DANGER.value:g}: much more load than you are used to"
    return (
        f"Your 7-day to 28-day running load ratio is {ratio:.2f}, {where}. "
        "It describes recent load; it does not predict injury."
    )


def distance_between(runs: Iterable[Run], start: dt.date, end: dt.date) -> float:
    """Kilometres run from start to end inclusive (runs without a distance count as 0)."""
    return sum(r.distance_km or 0.0 for r in runs if start <= r.date <= end)


def weekly_distance(runs: Iterable[Run], week_start: dt.date) -> float:
    """Kilometres in the 7 days from week_start."""
    return distance_between(runs, week_start, week_start + dt.timedelta(days=6))


def longest_run_km(runs: Iterable[Run], before: dt.date, days: int | None = None) -> float | None:
    """The longest run in the `days` (default 30) days before `before`, not counting that day; None if none."""
    window = int(LONGEST_RUN_WINDOW_DAYS.value) if days is None else days
    start = before - dt.timedelta(days=window)
    lengths = [r.distance_km for r in runs if start <= r.date < before and r.distance_km]
    return max(lengths, default=None)


def run_spike(runs: Iterable[Run], run: Run) -> float | None:
    """How much longer a run is than the longest of the 30 days before it (0.1 = 10%); None without a base."""
    if not run.distance_km:
        return None
    longest = longest_run_km(runs, run.date)
    if longest is None:
        return None
    return round(run.distance_km / longest - 1.0, _RATIO_DIGITS)


def two_week_distance_change(runs: Iterable[Run], today: dt.date) -> float | None:
    """Distance of the last 14 days against the 14 before (0.3 = +30%, Nielsen 2014); None if the base is 0."""
    pool = tuple(runs)
    window = int(VOLUME_JUMP_WINDOW_DAYS.value)
    recent_start = today - dt.timedelta(days=window - 1)
    base_end = recent_start - dt.timedelta(days=1)
    base = distance_between(pool, base_end - dt.timedelta(days=window - 1), base_end)
    if base <= 0:
        return None
    return round(distance_between(pool, recent_start, today) / base - 1.0, _RATIO_DIGITS)
