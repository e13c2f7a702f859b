"""The week calendar: what was planned, what was done, what was missed, day by day."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass, field

from hamjournal.domain.dates import week_start as week_start  # re-exported: the domain's calendar API
from hamjournal.domain.library.exercises import EXERCISES
from hamjournal.domain.library.sets import format_sets
from hamjournal.domain.models import (
    ASSESSMENT_NAMES,
    WEEKDAYS,
    Assessment,
    PlanItem,
    Profile,
    Run,
    Session,
    SymptomLog,
)
from hamjournal.domain.safe_text import visible

DONE, MISSED, PLANNED, SKIPPED, LOGGED = "done", "missed", "planned", "skipped", "logged"
# A planned item of today or later while the advice says stop: nothing to do until a professional's all-clear.
ON_HOLD = "on-hold"
MARKS = {DONE: "✓", MISSED: "✗", PLANNED: "○", SKIPPED: "–", LOGGED: "•", ON_HOLD: "■"}
ON_HOLD_PREFIX = "On hold (stop): "
# The run kind a day of the runner's week expects, by its label: Log run opens with it.
EXPECTED_RUN_KINDS = {"Long run": "long", "Hard run": "intervals", "Easy run": "easy"}
# The drill a run's "strides" count fulfils: strides typed in Log run are the day's planned strides.
STRIDES = "strides"


@dataclass(frozen=True)
class DayEntry:
    """One line of a day: a planned item, a logged session, a run or a check-in."""

    kind: str  # "plan", "session", "run", "expected-run", "check-in", "assessment"
    status: str
    label: str
    detail: str
    ref_id: int | None = None
    exercise: str | None = None
    session_id: int | None = None
    planned_kind: str | None = None  # a plan item's kind: "strength", "run-drill" or "assessment"
    # The revision of the logged record it shows (a session, run or check-in) as read: a delete is refused
    # when the record changed since (another machine edited it), as an edit is.
    revision: int | None = field(default=None, compare=False)

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
        """The week in numbers, the one count every screen and command shows.

        done = planned items done + sessions logged without a plan item; missed = past planned items neither
        done nor skipped; planned = open items from today on; skipped; on_hold = open items under a stop;
        unplanned = the sessions of `done` that fulfil no plan item.
        """
        tally = {DONE: 0, MISSED: 0, PLANNED: 0, SKIPPED: 0, "on_hold": 0, "unplanned": 0}
        for day in self.days:
            for entry in day.entries:
                if entry.kind == "plan":
                    tally["on_hold" if entry.status == ON_HOLD else entry.status] += 1
                elif entry.kind == "session" and entry.status == DONE:
                    tally[DONE] += 1
                    tally["unplanned"] += 1
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
    stopped: bool = False,
    assessments: Sequence[Assessment] = (),
) -> WeekView:
    """Assemble the calendar for the week starting at `start` (a Monday) from plain records.

    `since` is the journal's first day: expected runs before it are not shown as missed. `stopped`: the advice
    says stop, so the open items of today and later are shown on hold. A planned test is done by a logged test
    of its kind that day, and planned strides by a run of that day with strides; tests fulfilling no item are
    listed on their day.
    """
    matched = match_sessions(plan, sessions)
    days = []
    for offset in range(7):
        day = start + dt.timedelta(days=offset)
        day_runs = [r for r in runs if r.date == day]
        day_tests = [a for a in assessments if a.date == day]
        entries = _plan_and_sessions(day, today, plan, [s for s in sessions if s.date == day], matched, stopped)
        entries, day_tests = _done_by_runs_and_tests(entries, plan, day_runs, day_tests)
        days.append(
            DayView(
                date=day,
                is_today=day == today,
                entries=tuple(
                    entries
                    + [_assessment(a) for a in day_tests]
                    + _runs(day, today, profile, day_runs, since)
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
        parts.append(f"“{visible(session.note)}”")
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
    if run.avg_hr is not None:
        parts.append(f"avg HR {run.avg_hr}")
    if run.note:
        parts.append(f"“{visible(run.note)}”")
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
        parts.append(f"“{visible(log.note)}”")
    return ", ".join(parts)


def match_sessions(plan: Sequence[PlanItem], sessions: Sequence[Session]) -> dict[int, PlanItem]:
    """Which plan item each logged session fulfils, keyed by `id()` of the session object.

    A session marks the item of the same exercise on its own day; failing that, the nearest item of that
    exercise in the week still open (the earlier one on a tie), so a Nordic done a day late is not "missed".
    """
    matched: dict[int, PlanItem] = {}
    taken: set[int] = set()
    ordered = sorted(range(len(sessions)), key=lambda i: (sessions[i].date, sessions[i].id or 0))
    for index in ordered:
        session = sessions[index]
        same_day = [
            n for n, p in enumerate(plan)
            if n not in taken and p.exercise == session.exercise and p.date == session.date
        ]
        if same_day:
            taken.add(same_day[0])
            matched[id(session)] = plan[same_day[0]]
    for index in ordered:
        if id(sessions[index]) in matched:
            continue
        session = sessions[index]
        open_items = [
            n for n, p in enumerate(plan)
            if n not in taken and p.exercise == session.exercise and p.status == PLANNED and p.kind != "assessment"
        ]
        if open_items:
            best = min(open_items, key=lambda n: (abs((plan[n].date - session.date).days), plan[n].date))
            taken.add(best)
            matched[id(session)] = plan[best]
    return matched


def _plan_and_sessions(
    day: dt.date,
    today: dt.date,
    plan: Sequence[PlanItem],
    sessions: list[Session],
    matched: dict[int, PlanItem],
    stopped: bool,
) -> list[DayEntry]:
    """A day's planned items, in plan order, then its other sessions; an item done on another day shows on the
    day it was done (strides done in a run and planned tests: _done_by_runs_and_tests).
    """
    entries: list[DayEntry] = []
    done_by = {id(item): session for session in sessions if (item := matched.get(id(session))) is not None}
    done_elsewhere = {id(item) for item in matched.values()} - set(done_by)
    for item in plan:
        if item.date != day or id(item) in done_elsewhere:
            continue
        session = done_by.pop(id(item), None)
        if session is not None:
            entries.append(_done(item, session, day))
            continue
        if item.status == SKIPPED:
            status = SKIPPED
        elif day < today:
            status = MISSED
        else:
            status = ON_HOLD if stopped else PLANNED
        if status == ON_HOLD:
            label = ON_HOLD_PREFIX + plan_label(item)
            detail = f"{label} — the advice says stop: no hamstring loading until a professional's all-clear"
        else:
            label = plan_label(item)
            detail = f"{label} — {item.why}" if item.why else label
        entries.append(DayEntry("plan", status, label, detail, item.id, item.exercise, planned_kind=item.kind))
    # Items of other days done on this one, then sessions that fulfil no item.
    for session in sessions:
        fulfilled = matched.get(id(session))
        if fulfilled is not None and id(fulfilled) in done_by:
            entries.append(_done(fulfilled, session, day))
        elif fulfilled is None:
            entries.append(
                DayEntry("session", DONE, session_label(session), session_detail(session), session.id,
                         session.exercise, session.id, revision=session.revision)
            )
    return entries


def _done(item: PlanItem, session: Session, day: dt.date) -> DayEntry:
    moved = "" if item.date == day else f" (planned for {item.date:%A})"
    return DayEntry(
        "plan", DONE, session_label(session), f"planned {plan_label(item)}{moved}; did {session_detail(session)}",
        item.id, item.exercise, session.id, planned_kind=item.kind, revision=session.revision,
    )


def _done_by_runs_and_tests(
    entries: list[DayEntry], plan: Sequence[PlanItem], runs: list[Run], tests: list[Assessment]
) -> tuple[list[DayEntry], list[Assessment]]:
    """The day's open planned strides done by a run with strides, and its planned tests done by a logged test of
    that kind; returns the entries and the tests that fulfil no item (listed on their own)."""
    by_id = {item.id: item for item in plan if item.id is not None}
    strides_run = next((r for r in runs if r.strides), None)
    left = list(tests)
    result = []
    for entry in entries:
        open_item = entry.kind == "plan" and entry.session_id is None and entry.ref_id is not None
        item = by_id.get(entry.ref_id) if open_item and entry.ref_id is not None else None
        if item is None or entry.status == DONE or entry.status == SKIPPED:
            result.append(entry)
            continue
        if item.exercise == STRIDES and strides_run is not None:
            did = f"{strides_run.strides} strides in the {run_label(strides_run).lower()}"
            result.append(DayEntry("plan", DONE, f"Strides {strides_run.strides} · in the run",
                                   f"planned {plan_label(item)}; did {did}", item.id, item.exercise,
                                   planned_kind=item.kind))
            strides_run = None  # one run's strides fulfil one item
            continue
        test = next((a for a in left if item.kind == "assessment" and a.test == item.exercise), None)
        if test is not None:
            left.remove(test)
            result.append(DayEntry("plan", DONE, assessment_label(test), f"planned {plan_label(item)}; did "
                                   f"{assessment_label(test)}", item.id, item.exercise, planned_kind=item.kind))
            continue
        result.append(entry)
    return result, left


def assessment_label(test: Assessment) -> str:
    """ "Single-leg bridge L 22 / R 25" or "Sprint finish 28.5"."""
    name = ASSESSMENT_NAMES.get(test.test, test.test)
    if test.value is not None:
        return f"{name} {test.value:g}"
    left = "-" if test.left is None else f"{test.left:g}"
    right = "-" if test.right is None else f"{test.right:g}"
    return f"{name} L {left} / R {right}"


def _assessment(test: Assessment) -> DayEntry:
    return DayEntry("assessment", LOGGED, assessment_label(test), f"Reassessment: {assessment_label(test)}",
                    test.id, test.test)


def expected_run_kind(entry: DayEntry) -> str | None:
    """The run kind ("long", "intervals", "easy") of a run the runner's week expects, for Log run."""
    return next((kind for label, kind in EXPECTED_RUN_KINDS.items() if entry.label.startswith(label)), None)


def _runs(day: dt.date, today: dt.date, profile: Profile, runs: list[Run], since: dt.date | None) -> list[DayEntry]:
    entries = [DayEntry("run", DONE, run_label(r), run_detail(r), r.id, revision=r.revision) for r in runs]
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
    return DayEntry("check-in", LOGGED, checkin_label(log), checkin_detail(log), log.id, revision=log.revision)
