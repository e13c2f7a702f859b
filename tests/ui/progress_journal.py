"""A hand-built 14-week journal ending Wed 25 Nov 2026, for the progress screen's tests and pictures.

Plain arithmetic, no randomness: Nordics three times a week climbing the ladder with a deload week, daily
morning check-ins whose stiffness falls, four runs a week with sprint finishes, an assessment every four
weeks, a strain and a race to mark.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from hamjournal.domain.models import (
    Assessment,
    Injury,
    Journal,
    Profile,
    Race,
    Run,
    Session,
    SetEntry,
    SymptomLog,
)
from hamjournal.store.repo import Store

TODAY = dt.date(2026, 11, 25)
FIRST_MONDAY = dt.date(2026, 8, 24)
WEEKS = 14
DELOAD_WEEK = 8
STEPS = ("band-assisted", "band-assisted", "incline", "incline", "incline", "bodyweight", "bodyweight")


def _day(week: int, weekday: int) -> dt.date:
    return FIRST_MONDAY + dt.timedelta(weeks=week, days=weekday)


def progress_journal() -> Journal:
    """The journal: every list sorted by date, nothing after TODAY."""
    sessions, symptoms, runs, assessments = [], [], [], []
    for week in range(WEEKS):
        reps = 5 + week // 2
        sets = 1 if week == DELOAD_WEEK else 3
        step = STEPS[min(week // 2, len(STEPS) - 1)]
        for weekday in (0, 2, 4):
            day = _day(week, weekday)
            if day <= TODAY:
                pain = (week + weekday) % 4
                sessions.append(
                    Session(day, "nordic", tuple(SetEntry(reps) for _ in range(sets)), step=step, tempo="4-0-1-0",
                            rpe=6 + weekday % 3, pain_during=pain)
                )
        for weekday in range(7):
            day = _day(week, weekday)
            if day <= TODAY:
                stiffness = max(0, 4 - week // 3 - (weekday % 2))
                symptoms.append(
                    SymptomLog(day, pain=(week + weekday) % 3, when="morning", stiffness=stiffness,
                               sleep_h=7.0 + (weekday % 3) * 0.5, fatigue=(weekday + week) % 4)
                )
        for weekday, minutes, km in ((1, 45, 9.0), (3, 40, 8.0), (5, 35, 7.0), (6, 70 + 2 * week, 14.0 + week * 0.4)):
            day = _day(week, weekday)
            if day <= TODAY:
                finish = 31.0 - week * 0.2 if weekday == 3 else None
                runs.append(Run(day, minutes, "long" if weekday == 6 else "easy", km, 4 + weekday % 3,
                                strides=6 if weekday == 3 else None, finish_s=finish))
        if week % 4 == 0:
            day = _day(week, 5)
            assessments += [
                Assessment(day, "sl-bridge-reps", left=18 + week, right=24 + week // 2),
                Assessment(day, "hop-cm", left=150 + week * 2, right=160),
                Assessment(day, "aslr-deg", left=70 + week, right=80),
                Assessment(day, "sprint-finish-s", value=31.5 - week * 0.25),
            ]
    profile = Profile(
        injuries=(Injury(_day(2, 3), "left", 1, "felt a twinge on the long run"),),
        races=(Race(_day(11, 6), "Parkside 10K", 10.0, "B"),),
    )
    return Journal(profile=profile, sessions=tuple(sessions), symptoms=tuple(symptoms), runs=tuple(runs),
                   assessments=tuple(assessments))


def build_progress_journal(path: Path) -> None:
    """Write the journal to a new file."""
    store = Store.open(str(path))
    try:
        store.import_journal(progress_journal())
    finally:
        store.close()
