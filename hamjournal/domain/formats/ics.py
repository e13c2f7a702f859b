"""The plan as iCalendar: one all-day event per planned item, for any calendar app.

Written with the `icalendar` package (RFC 5545 folding, escaping and line endings are its job). Each event has a
UID made from the item's date, exercise and kind, so importing a newer export updates the same events instead of
adding copies. Skipped items are left out. Pure: no textual, no sqlalchemy; `icalendar` is imported on use.
"""

from __future__ import annotations

import datetime as dt
import hashlib
from collections.abc import Iterable

from hamjournal.domain.library.exercises import EXERCISES
from hamjournal.domain.models import ASSESSMENT_NAMES, PlanItem
from hamjournal.domain.planner.dose import dose_text

PRODID = "-//hamjournal//plan//EN"
UID_DOMAIN = "hamjournal"


def uid(item: PlanItem) -> str:
    """A stable id for the item's event: the same date, exercise and kind always give the same UID."""
    key = f"{item.date.isoformat()}|{item.exercise}|{item.kind}"
    return f"{hashlib.sha256(key.encode()).hexdigest()[:24]}@{UID_DOMAIN}"


def summary(item: PlanItem) -> str:
    """ "Nordic 2x5 (bodyweight)", "Strides 6 (fast)", "Reassessment: H-test"."""
    if item.kind == "assessment":
        return f"Reassessment: {ASSESSMENT_NAMES.get(item.exercise, item.exercise)}"
    exercise = EXERCISES.get(item.exercise)
    # A shorter name where the full one crowds a calendar cell (`Exercise.calendar_name`).
    name = (exercise.calendar_name or exercise.name) if exercise else item.exercise
    rx = item.prescription
    dose = str(rx.reps[0]) if item.kind == "run-drill" and rx.reps else dose_text(rx)
    step = f" ({item.step})" if item.step else ""
    deload = " - deload" if item.deload else ""
    return f"{name} {dose}{step}{deload}"


def description(item: PlanItem) -> str:
    """The why, then the tempo when there is one."""
    lines = [item.why] if item.why else []
    if item.prescription.tempo:
        lines.append(f"Tempo {item.prescription.tempo} (lower-pause-up-pause, seconds)")
    if item.origin == "manual":
        lines.append("Added or moved by you.")
    return "\n".join(lines)


def plan_to_ics(items: Iterable[PlanItem], stamp: dt.date, name: str = "hamjournal plan") -> str:
    """A VCALENDAR with one all-day VEVENT per planned (not skipped) item; `stamp` dates the export."""
    from icalendar import Calendar, Event

    calendar = Calendar()
    calendar.add("prodid", PRODID)
    calendar.add("version", "2.0")
    calendar.add("x-wr-calname", name)
    # DTSTAMP from the injected "today", so an export is reproducible.
    stamped = dt.datetime.combine(stamp, dt.time(0, 0), tzinfo=dt.UTC)
    for item in sorted(items, key=lambda i: (i.date, i.kind, i.exercise)):
        if item.status == "skipped":
            continue
        event = Event()
        event.add("uid", uid(item))
        event.add("dtstamp", stamped)
        event.add("dtstart", item.date)
        event.add("dtend", item.date + dt.timedelta(days=1))
        event.add("summary", summary(item))
        event.add("description", description(item))
        event.add("categories", [item.kind])
        event.add("transp", "TRANSPARENT")  # a 20-minute session should not block the whole day
        calendar.add_component(event)
    return calendar.to_ical().decode("utf-8")

