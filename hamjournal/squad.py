"""Use-cases for a squad journal (one coach, several runners): the coach's overview of every athlete.

A services-layer module beside services.py: it opens one JournalService per athlete on the same engine (no new
connections) and reads, per athlete, only what today's advice and this week need, so a squad with years of
history costs what one athlete's week and advice cost, times the number of athletes.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from hamjournal.domain.action_order import ACTION_ORDER
from hamjournal.domain.week import DONE, MISSED, PLANNED
from hamjournal.services import JournalService

# Flag levels the coach is shown (the others are descriptive).
SHOWN_LEVELS = ("danger", "warning")


@dataclass(frozen=True)
class AthleteOverview:
    """One row of the coach view: today's call per exercise, flags, this week's adherence, the last check-in."""

    name: str
    calls: tuple[tuple[str, str], ...]  # (exercise slug, action), most urgent first
    flags: tuple[str, ...]  # messages of danger and warning flags, danger first
    stop: bool  # today's advice says stop for some exercise, or a danger flag stands
    done: int
    planned: int  # this week's plan items that count: done, missed and still to come (skipped ones do not)
    last_check_in: dt.date | None
    today: dt.date

    @property
    def days_since_check_in(self) -> int | None:
        """Whole days since the last check-in (0 = today), None when there has been none."""
        return None if self.last_check_in is None else (self.today - self.last_check_in).days


def athlete_overview(journal: JournalService) -> AthleteOverview:
    """The coach's row for the athlete `journal` is open for (bounded reads: advice window, one week)."""
    today = journal.today()
    report = journal.advice()
    counts = journal.week(today).counts()
    calls = sorted(((a.exercise, a.action) for a in report.advice), key=lambda c: _rank(c[1]))
    shown = sorted((f for f in report.flags if f.level in SHOWN_LEVELS), key=lambda f: SHOWN_LEVELS.index(f.level))
    stop = any(action == "stop" for _, action in calls) or any(f.level == "danger" for f in shown)
    return AthleteOverview(
        name=journal.athlete,
        calls=tuple(calls),
        flags=tuple(f.message for f in shown),
        stop=stop,
        done=counts[DONE],
        planned=counts[DONE] + counts[MISSED] + counts[PLANNED],
        last_check_in=journal.store.last_check_in(today),
        today=today,
    )


def squad_overview(journal: JournalService) -> list[AthleteOverview]:
    """Every athlete of the journal `journal` belongs to: those with a stop first, then in the order added."""
    rows = []
    for _, name in journal.store.athletes():
        service = journal if name == journal.athlete else journal.for_athlete(name)
        rows.append(athlete_overview(service))
    # sorted is stable: within each group the athletes keep the order they were added in.
    return sorted(rows, key=lambda row: not row.stop)


def _rank(action: str) -> int:
    return ACTION_ORDER.index(action) if action in ACTION_ORDER else len(ACTION_ORDER)
