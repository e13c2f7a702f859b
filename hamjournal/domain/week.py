"""The week calendar: what was planned, what was done, what was missed, day by day."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass

from hamjournal.domain.dates import week_start as week_start  # re-exported: the domain's calendar API
from hamjournal.domain.library.exercises import EXERCISES
from hamjournal.domain.library.sets import format_sets
from hamjournal.domain.models import ASSESSMENT_NAMES, WEEKDAYS, PlanItem, Profile, Run, Session, SymptomLog

DONE, MISSED, PLANNED, SKIPPED, LOGGED = "done", "missed", "planned", "skipped", "logged"
MARKS = {DONE: "✓", MISSED: "✗", PLANNED: "○", SKIPPED: "–", LOGGED: "•"}


@dataclass(frozen=True)
class DayEntry:
    """One line of a day: a planned item, a logged session, a run or a check-in."""

    kind: str  # "plan", "session", "run", "expected-run", "check-in"
    status: str
    label: str
    detail: str
    ref_id: int | None = None
    exercise: str | None = None
    session_id: int | None = None

    @property
    def mark(self) -> str:
        """The one-character status mark shown in the calendar."""
        return MARKS[self.status]


@dataclass(frozen=True)
class DayView:
    """One day of the week calendar."""

    date: dt.date
    is_today: bool
    entries: tuple[DayEntry, ...]

    @property
    def weekday(self) -> str:
        """ "mon" .. "sun"."""
        return WEEKDAYS[self.date.weekday()]


@dataclass(frozen=True)
class WeekView:
    """Seven days from Monday."""

    start: dt.date
    today: dt.date
    days: tuple[DayView, ...]

    @property
    def end(self) -> dt.date:
        """The Sunday."""
        return self.start + dt.timedelta(days=6)

    def counts(self) -> dict[str, int]:
        """How many planned items are done, missed, still planned or skipped this week."""
        tally = {DONE: 0, MISSED: 0, PLANNED: 0, SKIPPED: 0}
        for day in self.days:
            for entry in day.entries:
                if entry.kind == "plan":
                    tally[entry.status] += 1
        return tally


def build_week(
    start: dt.date,
    today: dt.date,
    profile: Profile,
    plan: Sequence[PlanItem],
    sessions: Sequence[Session],
    runs: Sequence[Run],
    symptoms: Sequence[SymptomLog],
    since: dt.date | None = None,
) -> WeekView:
    """Assemble the calendar for the week starting at `start` (a Monday) from plain records.

    `since` is the journal's first day: expected runs before it are not shown as missed.
    """
    days = []
    for offset in range(7):
        day = start + dt.timedelta(days=offset)
        days.append(
            DayView(
                date=day,
                is_today=day == today,
                entries=tuple(
                    _plan_and_sessions(
                        day, today, [p for p in plan if p.date == day], [s for s in sessions if s.date == day]
                    )
                    + _runs(day, today, profile, [r for r in runs if r.date == day], since)
                    + [_checkin(c) for c in symptoms if c.date == day]
                ),
            )
        )
    return WeekView(start=start, today=today, days=tuple(days))


def session_label(session: Session) -> str:
    """ "Nordic 3x6 · band-assisted"."""
    ex = EXERCISES.get(session.exercise)
    name = ex.name if ex else session.exercise
    step = f" · {session.step}" if session.step else ""
    return f"{name} {format_sets(session.sets)}{step}"


def session_detail(session: Session) -> str:
    """Sets, step, tempo, RPE and pain in one line."""
    parts = [session_label(session)]
    if session.tempo:
        parts.append(f"tempo {session.tempo}")
    if session.rpe is not None:
        parts.append(f"RPE {session.rpe}")
    if session.pain_during is not None:
        parts.append(f"pain {session.pain_during}/10")
    if session.note:
        parts.append(f"“{session.note}”")
    return ", ".join(parts)


def plan_label(item: PlanItem) -> str:
    """ "Nordic 2x5 · bodyweight" for a planned item; "Reassessment: Single-leg bridge" for a test day."""
    if item.kind == "assessment":
        return f"Reassessment: {ASSESSMENT_NAMES.get(item.exercise, item.exercise)}"
    ex = EXERCISES.get(item.exercise)
    name = ex.name if ex else item.exercise
    dose = item.prescription.notation
    step = f" · {item.step}" if item.step else ""
    deload = " (deload)" if item.deload else ""
    return f"{name} {dose}{step}{deload}"


def run_label(run: Run) -> str:
    """ "Easy run 40 min, 8.0 km"."""
    text = f"{run.kind.capitalize()} run {run.minutes:g} min"
    if run.distance_km is not None:
        text += f", {run.distance_km:g} km"
    return text


def run_detail(run: Run) -> str:
    """A run with RPE, strides and sprint finish."""
    parts = [run_label(run)]
    if run.rpe is not None:
        parts.append(f"RPE {run.rpe} (load {run.load:g})")
    if run.strides:
        parts.append(f"{run.strides} strides")
    if run.finish_s is not None:
        parts.append(f"sprint finish {run.finish_s:g} s")
    if run.note:
        parts.append(f"“{run.note}”")
    return ", ".join(parts)


def checkin_label(log: SymptomLog) -> str:
    """ "Morning: pain 1, stiff 2"."""
    text = f"{log.when.capitalize()}: pain {log.pain}"
    if log.stiffness is not None:
        text += f", stiff {log.stiffness}"
    if log.sudden:
        text += " SUDDEN"
    return text


def checkin_detail(log: SymptomLog) -> str:
    """A check-in with side, location and recovery indicators."""
    parts = [checkin_label(log)]
    if log.side != "both":
        parts.append(f"{log.side} leg")
    if log.location:
        parts.append(log.location)
    if log.sleep_h is not None:
        parts.append(f"slept {log.sleep_h:g} h")
    if log.fatigue is not None:
        parts.append(f"fatigue {log.fatigue}/10")
    if log.note:
        parts.append(f"“{log.note}”")
    return ", ".join(parts)


def _plan_and_sessions(day: dt.date, today: dt.date, plan: list[PlanItem], sessions: list[Session]) -> list[DayEntry]:
    entries: list[DayEntry] = []
    unmatched = list(sessions)
    for item in plan:
        match = next((s for s in unmatched if s.exercise == item.exercise), None)
        if match is not None:
            unmatched.remove(match)
            entries.append(
                DayEntry(
                    "plan",
                    DONE,
                    session_label(match),
                    f"planned {plan_label(item)}; did {session_detail(match)}",
                    item.id,
                    item.exercise,
                    match.id,
                )
            )
            continue
        if item.status == SKIPPED:
            status = SKIPPED
        else:
            status = MISSED if day < today else PLANNED
        why = f" — {item.why}" if item.why else ""
        entries.append(DayEntry("plan", status, plan_label(item), f"{plan_label(item)}{why}", item.id, item.exercise))
    for session in unmatched:
        entries.append(
            DayEntry(
                "session",
                DONE,
                session_label(session),
                session_detail(session),
                session.id,
                session.exercise,
                session.id,
            )
        )
    return entries


def _runs(day: dt.date, today: dt.date, profile: Profile, runs: list[Run], since: dt.date | None) -> list[DayEntry]:
    entries = [DayEntry("run", DONE, run_label(r), run_detail(r), r.id) for r in runs]
    weekday = WEEKDAYS[day.weekday()]
    # Before the journal's first entry nothing was "missed": the runner simply wasn't using it yet.
    before_journal = since is not None and day < since
    if runs or weekday not in profile.running_days or before_journal:
        return entries
    if weekday == profile.long_run_day:
        kind = "Long run"
    elif weekday in profile.hard_days:
        kind = "Hard run"
    else:
        kind = "Easy run"
    if day < today:
        return [
            DayEntry("expected-run", MISSED, f"{kind} (not logged)", f"{kind} was on your running week; none logged")
        ]
    return [DayEntry("expected-run", PLANNED, kind, f"{kind} on your running week")]


def _checkin(log: SymptomLog) -> DayEntry:
    return DayEntry("check-in", LOGGED, checkin_label(log), checkin_detail(log), log.id)
