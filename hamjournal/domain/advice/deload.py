"""The deload calendar, shared by the advice and the planner: one anchor, one cadence, Monday-to-Sunday weeks.

The cycle counts weeks from the Monday of the anchor (the start of the runner's current training run); week N
is a scheduled deload when N is a multiple of `profile.deload_every` (clamped to 4-6). The plan's items, when
it has any in a week, say whether that week is a deload instead (a coach or a race taper may move it).
"""

from __future__ import annotations

import datetime as dt
import itertools
from collections.abc import Iterable

from hamjournal.domain.models import PlanItem, Profile
from hamjournal.domain.thresholds import DELOAD_EVERY_MAX, DELOAD_EVERY_MIN, LAPSE_DAYS

_WEEK = 7  # days in a week: a calendar fact, not a threshold


def deload_every(profile: Profile) -> int:
    """The profile's deload cadence in weeks, clamped to 4-6."""
    return min(max(int(profile.deload_every), int(DELOAD_EVERY_MIN.value)), int(DELOAD_EVERY_MAX.value))


def week_monday(day: dt.date) -> dt.date:
    """The Monday of the week holding `day`."""
    return day - dt.timedelta(days=day.weekday())


def training_anchor(
    today: dt.date, session_dates: Iterable[dt.date], training_start: dt.date | None
) -> dt.date | None:
    """Where the deload cycle counts from: the first session after the last break of more than 14 days.

    `session_dates` are the advice window's sessions; `training_start` (the first session ever logged) wins
    when no break falls inside the window. None when the runner is on a break (last session more than 14 days
    ago) or has logged nothing: a runner who is rebuilding is not due a deload.
    """
    dates = sorted(set(session_dates))
    if not dates or (today - dates[-1]).days > LAPSE_DAYS.value:
        return None
    restart = dates[0]
    for before, after in itertools.pairwise(dates):
        if (after - before).days > LAPSE_DAYS.value:
            restart = after
    if restart == dates[0] and training_start is not None and training_start <= dates[0]:
        return training_start
    return restart


def cycle_week(day: dt.date, anchor: dt.date | None) -> int | None:
    """Week number (1 = the anchor's week) of `day` in the training run, Monday-to-Sunday; None before it."""
    if anchor is None or day < anchor:
        return None
    return (week_monday(day) - week_monday(anchor)).days // _WEEK + 1


def is_scheduled_deload(day: dt.date, anchor: dt.date | None, every: int) -> bool:
    """True when `day` falls in every `every`th week of the training run."""
    week = cycle_week(day, anchor)
    return week is not None and week % every == 0


def plan_says_deload(day: dt.date, plan: Iterable[PlanItem]) -> bool | None:
    """The plan's word on the week holding `day`: True/False when it has items that week, None when it has none."""
    start = week_monday(day)
    end = start + dt.timedelta(days=_WEEK - 1)
    week = [p for p in plan if start <= p.date <= end]
    if not week:
        return None
    return any(p.deload for p in week)


def is_deload_week(day: dt.date, anchor: dt.date | None, every: int, plan: Iterable[PlanItem]) -> bool:
    """Deload weeks: the plan's when it has items that week, else every Nth week from the anchor.

    A week the plan flags deload right after another deload week counts only when the cycle schedules it: a
    deload lasts one week, and a plan flagged deload because last week's advice said deload must not renew
    the deload week after week.
    """
    items = tuple(plan)
    planned = plan_says_deload(day, items)
    scheduled = is_scheduled_deload(day, anchor, every)
    if planned is None:
        return scheduled
    if not planned:
        return False
    if scheduled:
        return True
    return not is_deload_week(day - dt.timedelta(days=_WEEK), anchor, every, items)
