"""A small hand-built journal for the week of Mon 23 Nov 2026 (today is Wed 25): stable pictures and tests."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from hamjournal.domain.models import Journal, PlanItem, Prescription, Profile, Run, Session, SetEntry, SymptomLog
from hamjournal.store.repo import Store

MON, TUE, WED, THU, SAT = (dt.date(2026, 11, d) for d in (23, 24, 25, 26, 28))
LAST_WEEK = dt.date(2026, 11, 18)


def _reps(count: int, reps: int) -> tuple[SetEntry, ...]:
    return tuple(SetEntry(reps=reps) for _ in range(count))


def fixed_journal() -> Journal:
    """Sessions, runs, check-ins and plan items: done, missed, planned and logged marks all show."""
    return Journal(
        profile=Profile(running_days=("mon", "tue", "thu", "sat", "sun"), long_run_day="sun", hard_days=("tue",)),
        sessions=(
            Session(LAST_WEEK, "nordic", _reps(2, 5), step="band-assisted", tempo="4-0-1-0", rpe=6),
            Session(MON, "nordic", _reps(3, 6), step="band-assisted", tempo="4-0-1-0", rpe=7, pain_during=1),
            Session(TUE, "iso-hold", tuple(SetEntry(reps=None, hold_s=30) for _ in range(3)), step="bilateral",
                    tempo="0-0-0-0", rpe=5, note="felt solid"),
        ),
        symptoms=(
            SymptomLog(MON, pain=1, stiffness=2),
            SymptomLog(TUE, pain=2, stiffness=3, side="left", location="proximal", sleep_h=7.5, fatigue=3),
            SymptomLog(WED, pain=1, stiffness=1, sleep_h=8.0),
        ),
        runs=(
            Run(MON, 40, "easy", distance_km=8.0, rpe=4, strides=6),
            Run(TUE, 50, "intervals", distance_km=10.2, rpe=8, finish_s=28.5),
        ),
        plan=(
            PlanItem(MON, "nordic", "strength", Prescription(3, (6, 6, 6), tempo="4-0-1-0"), step="band-assisted"),
            PlanItem(TUE, "sl-bridge", "strength", Prescription(3, (10, 10, 10), tempo="2-1-1-0"), step="floor",
                     why="after the hard run"),
            PlanItem(WED, "nordic", "strength", Prescription(3, (5, 5, 5), tempo="4-0-1-0"), step="incline",
                     why="two days after the last Nordics"),
            PlanItem(THU, "slider-curl", "strength", Prescription(2, (8, 8), tempo="3-0-1-0"), step="eccentric-both"),
            PlanItem(SAT, "strides", "run-drill", Prescription(6, (1,) * 6), step="relaxed", why="after the easy run"),
        ),
    )


def build_fixed_journal(path: Path) -> None:
    """Write the fixed journal to a new file."""
    store = Store.open(str(path))
    try:
        store.import_journal(fixed_journal())
    finally:
        store.close()
