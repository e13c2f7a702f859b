"""The stored plan as the record: where a re-plan may start and which stored items it must count.

What the runner was shown for today is what they do today: a save (a check-in, a session, a run) re-plans from
tomorrow on and never removes, moves or shrinks an item of today or of the past. Only a day that no plan has
covered yet (a new journal, or a runner back after the plan ran out) is planned from today.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable

from hamjournal.domain.models import PlanItem

ONE_DAY = dt.timedelta(days=1)


def replan_start(today: dt.date, planned_through: dt.date | None) -> dt.date:
    """The first day a re-plan may write: tomorrow, unless no plan has covered today yet."""
    if planned_through is None or planned_through < today:
        return today
    return today + ONE_DAY


def is_stale(today: dt.date, made_on: dt.date | None) -> bool:
    """True when the stored plan was not made today (a new day, or never): reading it re-plans first."""
    return made_on is None or made_on != today


def kept_for_replan(stored: Iterable[PlanItem], start: dt.date, today: dt.date) -> list[PlanItem]:
    """The stored items a re-plan from `start` keeps and books around.

    The runner's own items (manual) and skipped ones always stay. Generated items of today that a re-plan
    from tomorrow does not rewrite count too, so the week is not booked twice. Past days are represented by
    what was logged on them: a session planned and missed there may be made up later in the week.
    """
    return [
        item for item in stored
        if item.origin == "manual" or item.status == "skipped" or today <= item.date < start
    ]
