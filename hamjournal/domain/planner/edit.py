"""A session the runner adds to the plan by hand, checked like a logged one (exercise, step, sets, date)."""

from __future__ import annotations

import datetime as dt

from hamjournal.domain.entries import given
from hamjournal.domain.errors import InvalidInput
from hamjournal.domain.library.doses import prescription_from_sets
from hamjournal.domain.library.exercises import get_exercise
from hamjournal.domain.library.sets import parse_sets
from hamjournal.domain.models import PlanItem
from hamjournal.domain.validation import parse_date

MANUAL_WHY = "added by you"


def make_manual_item(today: dt.date, day: object, exercise: str, step: str | None, sets_text: str) -> PlanItem:
    """A manual plan item (origin "manual") on `day`, today or later; InvalidInput names the bad field."""
    date = day if isinstance(day, dt.date) else parse_date(str(day), "date")
    if date < today:
        raise InvalidInput(f"date {date.isoformat()} is in the past: plan a session for today or later", "date")
    found = get_exercise(exercise)
    chosen = found.step(str(step).strip()).slug if given(step) else found.default_step
    rx = prescription_from_sets(found.slug, parse_sets(sets_text))
    return PlanItem(
        date=date,
        exercise=found.slug,
        kind=found.kind,
        prescription=rx,
        step=chosen,
        why=MANUAL_WHY,
        origin="manual",
    )
