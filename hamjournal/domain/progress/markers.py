"""Dates marked on every chart (strains, races, deload weeks) and the date a reassessment became due."""

from __future__ import annotations

import datetime as dt
import statistics
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from hamjournal.domain.dates import week_start
from hamjournal.domain.models import Profile
from hamjournal.domain.progress.ranges import is_complete_week

# Reassess every 4 weeks: often enough to see change, rarely enough that the tests do not become training.
REASSESS_INTERVAL_DAYS = 28
# A week counts as a deload when its Nordic volume is at most this fraction of the median of its neighbours
# (a planned deload cuts about 40%, so 0.7 catches it and ignores ordinary week-to-week noise).
DELOAD_VOLUME_FRACTION = 0.7
DELOAD_NEIGHBOUR_WEEKS = 2


def reassessment_due(
    last_assessed: dt.date | None, today: dt.date, first_logged: dt.date | None = None
) -> dt.date | None:
    """The date a reassessment became due, or None when none is due yet.

    Due 4 weeks after the last assessment. A runner who has logged training but never assessed is due a
    baseline from their first entry; an empty journal owes nothing.
    """
    if last_assessed is None:
        return first_logged if first_logged is not None and first_logged <= today else None
    due = last_assessed + dt.timedelta(days=REASSESS_INTERVAL_DAYS)
    return due if today >= due else None


def detected_deload_weeks(
    weekly: Sequence[tuple[dt.date, float]], today: dt.date, planned: Iterable[dt.date] = ()
) -> list[dt.date]:
    """Mondays of deload weeks: planned as deloads, or with volume well below the weeks around them.

    A week with no volume at all is a gap, not a deload, and a dip needs trained weeks on both sides. The
    current week is judged only when planned, as its volume is not in yet.
    """
    planned_weeks = {week_start(d) for d in planned}
    found: set[dt.date] = {w for w, _ in weekly if w in planned_weeks}
    for i, (monday, volume) in enumerate(weekly):
        if volume <= 0 or not is_complete_week(monday, today):
            continue
        before = [v for _, v in weekly[max(0, i - DELOAD_NEIGHBOUR_WEEKS) : i] if v > 0]
        after = [v for _, v in weekly[i + 1 : i + 1 + DELOAD_NEIGHBOUR_WEEKS] if v > 0]
        # A dip needs training on both sides: a first week of a ramp-up or a last week before a gap is not one.
        if before and after and volume <= DELOAD_VOLUME_FRACTION * statistics.median(before + after):
            found.add(monday)
    return sorted(found)


@dataclass(frozen=True)
class Marker:
    """A date to mark on every chart: a strain, a race or a deload week."""

    date: dt.date
    kind: str  # "strain", "race", "deload"
    label: str


def markers(profile: Profile, start: dt.date, end: dt.date, deload_weeks: Iterable[dt.date] = ()) -> list[Marker]:
    """Strains, races and deload weeks inside [start, end], by date."""
    found = [
        Marker(i.date, "strain", f"{i.side} strain, grade {i.grade}")
        for i in profile.injuries
        if start <= i.date <= end
    ]
    found += [Marker(r.date, "race", r.name) for r in profile.races if start <= r.date <= end]
    found += [Marker(w, "deload", "deload week") for w in deload_weeks if start <= w <= end]
    return sorted(found, key=lambda m: (m.date, m.kind))
