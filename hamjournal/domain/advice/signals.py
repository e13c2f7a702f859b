"""A rule's answer (Signal) and the small text helpers the rules share."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass

from hamjournal.domain.advice.report import Action, Flag
from hamjournal.domain.library.exercises import Exercise
from hamjournal.domain.library.sets import format_sets
from hamjournal.domain.models import Prescription, SetEntry

_WEEKDAYS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")
NOT_ENOUGH_RUNNING = "not enough running history yet"


@dataclass(frozen=True)
class Signal:
    """One reason to act: the text with the logged numbers behind it, its source, and what it leads to.

    `target` (step, dose) is set by reductions (regress, deload, lapse) and progress; `change` says what would
    change the call; `day` is the session day a per-day signal came from.
    """

    action: Action
    text: str
    source: str
    flag: Flag | None = None
    target: tuple[str, Prescription] | None = None
    change: str | None = None
    day: dt.date | None = None


def day_name(day: dt.date) -> str:
    """"Monday 2026-11-23"."""
    return f"{_WEEKDAYS[day.weekday()]} {day.isoformat()}"


def show(p: Prescription) -> str:
    """A dose in set notation: "3x8", "12/10/8", "3x30s"."""
    if p.hold_s is not None:
        return format_sets(tuple(SetEntry(reps=None, hold_s=p.hold_s) for _ in range(p.sets)))
    return format_sets(tuple(SetEntry(reps=r) for r in p.reps))


def describe(exercise: Exercise, step: str, p: Prescription) -> str:
    """"bodyweight, 3x8"."""
    return f"{exercise.step(step).name.lower()}, {show(p)}"


def sessions_text(count: int, lead: str = "") -> str:
    """"1 session", "2 more sessions"."""
    return f"{count} {lead}session{'' if count == 1 else 's'}"


def ordered(items: Iterable[str]) -> tuple[str, ...]:
    """Items in first-seen order, duplicates and blanks dropped."""
    return tuple(dict.fromkeys(i for i in items if i))
