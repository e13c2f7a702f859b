"""Small builders for the rules tests: a fixed today and histories counted in days ago."""

from __future__ import annotations

import datetime as dt

from hamjournal.domain.advice.engine import advise
from hamjournal.domain.advice.report import AdviceReport
from hamjournal.domain.library.sets import parse_sets
from hamjournal.domain.models import PlanItem, Prescription, Profile, Run, Session, SymptomLog

TODAY = dt.date(2026, 11, 24)  # a Tuesday


def ago(days: int) -> dt.date:
    """The date `days` before TODAY."""
    return TODAY - dt.timedelta(days=days)


def session(
    days_ago: int,
    sets: str = "2x6",
    pain: int | None = 1,
    rpe: int | None = 6,
    exercise: str = "nordic",
    step: str = "band-assisted",
    side: str = "both",
) -> Session:
    """A logged session `days_ago` days before TODAY."""
    return Session(ago(days_ago), exercise, parse_sets(sets, side=side), step=step, rpe=rpe, pain_during=pain)


def morning(
    days_ago: int,
    pain: int = 0,
    stiffness: int | None = None,
    sudden: bool = False,
    sleep_h: float | None = None,
    fatigue: int | None = None,
) -> SymptomLog:
    """A morning check-in."""
    return SymptomLog(ago(days_ago), pain, when="morning", stiffness=stiffness, sudden=sudden, sleep_h=sleep_h,
                      fatigue=fatigue)


def mornings(days_ago: range, pain: int = 0) -> list[SymptomLog]:
    """One morning check-in at `pain` on each day of `days_ago`."""
    return [morning(n, pain=pain) for n in days_ago]


def run(days_ago: int, km: float | None = None, minutes: float = 40, rpe: int | None = None) -> Run:
    """A logged run."""
    return Run(ago(days_ago), minutes, distance_km=km, rpe=rpe)


def plan_item(days_ago: int, sets: int, reps: int, exercise: str = "nordic", deload: bool = False) -> PlanItem:
    """A planned strength item (negative days_ago = in the future)."""
    return PlanItem(ago(days_ago), exercise, "strength", Prescription(sets, (reps,) * sets), deload=deload)


def clean_history(exercise: str = "nordic", sets: str = "2x6", step: str = "band-assisted") -> list[Session]:
    """Two clean sessions at one dose, 7 days apart, the last one yesterday: ready to progress."""
    return [session(8, sets, exercise=exercise, step=step), session(1, sets, exercise=exercise, step=step)]


def report(
    sessions=(), symptoms=(), runs=(), assessments=(), plan=(), mode: str = "prevention",
    training_start: dt.date | None = None, **profile
) -> AdviceReport:
    """advise() on TODAY with a default profile."""
    return advise(TODAY, Profile(mode=mode, **profile), tuple(sessions), tuple(symptoms), tuple(runs),
                  tuple(assessments), tuple(plan), training_start=training_start)


def action(rep: AdviceReport, exercise: str = "nordic") -> str:
    """The action for one exercise."""
    advice = rep.for_exercise(exercise)
    assert advice is not None, f"no advice for {exercise}"
    return advice.action


def kinds(rep: AdviceReport) -> dict[str, str]:
    """Flag kind -> the most severe level seen."""
    order = ("info", "caution", "warning", "danger")
    out: dict[str, str] = {}
    for flag in rep.flags:
        if flag.kind not in out or order.index(flag.level) > order.index(out[flag.kind]):
            out[flag.kind] = flag.level
    return out
