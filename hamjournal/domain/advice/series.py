"""Morning series read as weeks and windows: weekly means, rises, and counts of mornings over a level."""

from __future__ import annotations

import datetime as dt
import itertools
import statistics
from collections.abc import Callable, Mapping

_WEEK = 7  # days in a week: a calendar fact, not a threshold


def weekly_means(today: dt.date, series: Mapping[dt.date, float], weeks: int) -> list[float | None]:
    """Means over rolling 7-day weeks ending today: [this week, last week, ...], `weeks` + 1 of them."""
    means: list[float | None] = []
    for week in range(weeks + 1):
        end = today - dt.timedelta(days=_WEEK * week)
        values = [v for d, v in series.items() if end - dt.timedelta(days=_WEEK - 1) <= d <= end]
        means.append(statistics.fmean(values) if values else None)
    return means


def rose_every_week(means: list[float | None]) -> bool:
    """True when every week's mean is known and above the week before (means are newest first)."""
    if any(m is None for m in means) or len(means) <= 1:  # a rise needs two weeks at least
        return False
    return all(newer > older for newer, older in itertools.pairwise(means))  # type: ignore[operator]


def weeks_text(means: list[float | None]) -> str:
    """"1.0 -> 2.0 -> 3.0 /10 weekly average", oldest first."""
    shown = [f"{m:.1f}" for m in reversed(means) if m is not None]
    return " -> ".join(shown) + " /10 weekly average"


def count_days(
    today: dt.date, series: Mapping[dt.date, float], days: int, hit: Callable[[float], bool]
) -> tuple[int, int]:
    """(readings that hit, readings) over the `days` days ending today."""
    first = today - dt.timedelta(days=days - 1)
    values = [v for d, v in series.items() if first <= d <= today]
    return sum(1 for v in values if hit(v)), len(values)
