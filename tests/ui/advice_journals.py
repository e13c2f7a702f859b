"""Hand-built journals whose advice today (Wed 25 Nov 2026) is known, for the advice strip and screen tests.

The rules decide the calls; these journals only arrange the log so that the calls differ. Each builder says
which call it expects, and the tests check it through the UI, so a change in the rules shows up as a failure
here rather than as a silently different picture.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from hamjournal.domain.models import Assessment, Journal, Profile, Run, Session, SetEntry, SymptomLog
from hamjournal.store.repo import Store

TODAY = dt.date(2026, 11, 25)  # a Wednesday, as in tests/conftest.py
TWO_WEEKS_AGO = dt.date(2026, 11, 11)
LAST_WEEK = dt.date(2026, 11, 18)
MONDAY = dt.date(2026, 11, 23)
TUESDAY = dt.date(2026, 11, 24)


def _reps(count: int, reps: int) -> tuple[SetEntry, ...]:
    return tuple(SetEntry(reps=reps) for _ in range(count))


def _holds(count: int, seconds: int) -> tuple[SetEntry, ...]:
    return tuple(SetEntry(reps=None, hold_s=seconds) for _ in range(count))


def _nordic_ready_to_progress() -> tuple[Session, ...]:
    """Two complete, easy band-assisted 3x6 sessions a week apart: the rules say progress."""
    return tuple(
        Session(day, "nordic", _reps(3, 6), step="band-assisted", tempo="4-0-1-0", rpe=6, pain_during=1)
        for day in (TWO_WEEKS_AGO, LAST_WEEK)
    )


def progressing_journal() -> Journal:
    """Prevention mode, only Nordics, no plan: today's call for Nordic is progress."""
    return Journal(profile=Profile(mode="prevention"), sessions=_nordic_ready_to_progress())


def _steady_runs() -> tuple[Run, ...]:
    """An easy 8 km every other day for 8 weeks: no spike, no jump, and enough days for the load ratio."""
    first = TODAY - dt.timedelta(days=55)
    return tuple(
        Run(first + dt.timedelta(days=day), 45, "easy", distance_km=8.0, rpe=4) for day in range(0, 56, 2)
    )


def mixed_journal() -> Journal:
    """Four exercises with three different calls (SL RDL regress, iso hold and bridge hold, Nordic progress),
    steady running (a load ratio to describe) and a bridge test 20 v 25 reps (an asymmetry prompt)."""
    return Journal(
        profile=Profile(mode="prevention"),
        runs=_steady_runs(),
        assessments=(Assessment(LAST_WEEK, "sl-bridge-reps", left=20, right=25),),
        sessions=(
            *_nordic_ready_to_progress(),
            # Pain 6/10 is above the prevention limit of 5: regress.
            Session(MONDAY, "sl-rdl", _reps(2, 8), step="bodyweight", tempo="3-0-1-0", rpe=7, pain_during=6),
            # One session so far: hold until a second one a week later.
            Session(TUESDAY, "iso-hold", _holds(3, 30), step="bilateral", tempo="0-0-0-0", rpe=5, pain_during=0),
            # RPE 9 holds the dose.
            Session(MONDAY, "bridge", _reps(3, 8), step="short-lever", tempo="2-1-1-0", rpe=9, pain_during=1),
        ),
    )


def stop_journal() -> Journal:
    """The mixed journal plus a sudden sharp pain on Tuesday's check-in: every call is stop."""
    mixed = mixed_journal()
    sudden = SymptomLog(TUESDAY, pain=5, when="after", side="left", location="proximal", sudden=True)
    return Journal(mixed.profile, mixed.sessions, (sudden,), mixed.runs, mixed.assessments)


def write(path: Path, journal: Journal) -> None:
    """Write a journal to a new file."""
    store = Store.open(str(path))
    try:
        store.import_journal(journal)
    finally:
        store.close()
