"""The ranges the progress screen offers, the window each shows, and whether it is charted by day or by week.

A window of at most MAX_CHART_POINTS days (12 weeks, or "all" of a young journal) is drawn a point per day
from day-level rows (`from_days`); a longer one from week-level rows the store sums in SQL, a point per bucket
of whole weeks (`from_weeks`), so neither the rows read nor the points drawn grow with the journal's age.
"""

from __future__ import annotations

import datetime as dt

from hamjournal.domain.dates import week_start
from hamjournal.domain.errors import InvalidInput

# Ranges the progress screen offers, as whole Monday weeks ending with the current week.
RANGE_WEEKS: dict[str, int] = {"12w": 12, "6m": 26, "1y": 52}
RANGE_KEYS: tuple[str, ...] = ("12w", "6m", "1y", "all")
RANGE_LABELS: dict[str, str] = {"12w": "12 weeks", "6m": "6 months", "1y": "1 year", "all": "all time"}
# "No runs logged …": the range as the end of a sentence ("in the last all time" read wrongly).
RANGE_PHRASES: dict[str, str] = {
    "12w": "in the last 12 weeks",
    "6m": "in the last 6 months",
    "1y": "in the last year",
    "all": "in the journal yet",
}
# At most this many points per chart line: about one per column of a wide terminal, beyond which points only
# pile up, and the bound that keeps a ten-year journal as quick to chart as a young one. A window of at most
# this many days is charted day by day (12 weeks = 84); a longer one by week, or by several weeks once it has
# more weeks than this (130 weeks = 2.5 years).
MAX_CHART_POINTS = 130
# Long ranges chart the acute:chronic load ratio over this recent window only: it describes the current load,
# needs day resolution, and the EWMA forgets within ACWR_WARMUP_DAYS, so older years would cost without showing.
ACWR_RECENT_RANGE = "12w"


def range_window(key: str, today: dt.date, first_logged: dt.date | None = None) -> tuple[dt.date, dt.date]:
    """The [start, end] a range key shows: whole Monday weeks up to today ("all" starts at the first entry)."""
    if key == "all":
        first = first_logged if first_logged is not None and first_logged < today else today
        return week_start(first), today
    if key not in RANGE_WEEKS:
        raise InvalidInput(f"range '{key}' is unknown: use one of {', '.join(RANGE_KEYS)}", "range")
    return week_start(today) - dt.timedelta(weeks=RANGE_WEEKS[key] - 1), today


def acwr_window_start(start: dt.date, today: dt.date) -> dt.date:
    """The first day a long range charts the load ratio on: the later of `start` and the recent
    ACWR_RECENT_RANGE window (the ratio describes days; years of it would only be noise)."""
    return max(start, range_window(ACWR_RECENT_RANGE, today)[0])


def points_are_days(start: dt.date, end: dt.date) -> bool:
    """True when [start, end] is short enough to chart a point per day (at most MAX_CHART_POINTS days)."""
    return (end - start).days + 1 <= MAX_CHART_POINTS


def days(start: dt.date, end: dt.date) -> list[dt.date]:
    """Every date from start to end inclusive."""
    return [start + dt.timedelta(days=i) for i in range((end - start).days + 1)]


def weeks(start: dt.date, end: dt.date) -> list[dt.date]:
    """The Mondays of every week that touches [start, end]."""
    first, last = week_start(start), week_start(end)
    return [first + dt.timedelta(weeks=i) for i in range((last - first).days // 7 + 1)]


def is_complete_week(monday: dt.date, today: dt.date) -> bool:
    """True once the week's Sunday is today or past."""
    return monday + dt.timedelta(days=6) <= today
