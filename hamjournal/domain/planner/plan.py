"""The periodised planner: dated sessions from today on, each with a short reason.

`make_plan(today, profile, advice, history, weeks, kept)` is pure: plain data in (the profile, today's advice
from the rules, a small summary of the log, the items the runner kept), a `Plan` out. It lays out
- the Nordic programme (Petersen 2011) from the runner's programme week, at the step and dose the advice allows,
- posterior-chain accessories 1-2 sessions a week, their emphasis rotating eccentric, isometric, concentric,
- strides or incline accelerations after easy runs,
- blocks toward the next A race (base, build, peak, taper; rolling base/build without one), deload weeks on the
  rules' cadence and a reassessment every 4-6 weeks,
- in rehab mode the staged return (rehab.py), and under a stop no hamstring loading at all.
Placement rules live in calendar.py, blocks in blocks.py, doses in dose.py.
Re-planning recomputes the future; items the runner moved, added or skipped (`kept`) stay, and the generator
counts them and books around them.
"""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from hamjournal.domain.advice.context import HISTORY_DAYS
from hamjournal.domain.models import Assessment, PlanItem, Profile, Session
from hamjournal.domain.planner.blocks import SeasonWeek, monday, season, training_anchor
from hamjournal.domain.planner.constants import A_RACE_NORDIC_FREE_DAYS
from hamjournal.domain.planner.dose import programme
from hamjournal.domain.planner.rehab import GATE_TESTS, NORDIC_TEST, DrillSession, current_injury, stage_gate
from hamjournal.domain.planner.week import DRILL_SLUGS, WeekPlanner

if TYPE_CHECKING:
    from hamjournal.domain.advice.report import AdviceReport

STOP_NOTE = (
    "Stop: the advice found pain that needs a professional's look. No hamstring loading is planned (no Nordics, "
    "accessories, strides or tests) until a physiotherapist or doctor gives the all-clear; then re-plan."
)
MAX_WEEKS = 52
# The advice's flags of a deload brought forward (at level "warning"), as opposed to the scheduled one ("info").
FORWARD_DELOAD_KINDS = frozenset({"scheduled-deload", "stiffness-rising"})


@dataclass(frozen=True)
class HistorySummary:
    """The little of the log the planner needs; the service reads it with bounded queries.

    - nordic_dates: days with a Nordic session in the programme window (20 weeks up to today)
    - window_start: the first day of that window (None: the caller read everything it has)
    - nordic_step: the step of the latest Nordic session
    - session_dates: days with any strength session in the rules' 8-week window (the deload anchor)
    - training_start: the first logged session ever (the rules' deload anchor when training never broke)
    - logged: (day, exercise) of every session from last Monday to today (what this week already holds)
    - last_assessment: the latest reassessment day
    - drill_log: the run-drill sessions since the current strain (day, drill, step, pain), for rehab stages
    - latest_tests: the latest ASLR, single-leg bridge, Nordic lowering and H-test, for the sprint stage
    - nordic_before_strain: the best Nordic lowering time before the strain (what a Nordic test compares with)
    """

    nordic_dates: tuple[dt.date, ...] = ()
    window_start: dt.date | None = None
    nordic_step: str | None = None
    session_dates: tuple[dt.date, ...] = ()
    training_start: dt.date | None = None
    logged: tuple[tuple[dt.date, str], ...] = ()
    last_assessment: dt.date | None = None
    drill_log: tuple[DrillSession, ...] = ()
    latest_tests: tuple[Assessment, ...] = ()
    nordic_before_strain: float | None = None


def summarize(
    today: dt.date,
    profile: Profile,
    sessions: Iterable[Session],
    assessments: Iterable[Assessment] = (),
    *,
    window_start: dt.date | None = None,
    training_start: dt.date | None = None,
) -> HistorySummary:
    """The HistorySummary of the sessions (of the programme window) and the assessments a caller read."""
    done = sorted((s for s in sessions if s.date <= today), key=lambda s: (s.date, s.id or 0))
    nordics = [s for s in done if s.exercise == "nordic"]
    rules_start = today - dt.timedelta(days=HISTORY_DAYS - 1)
    last_monday = monday(today) - dt.timedelta(days=7)
    tests = sorted((a for a in assessments if a.date <= today), key=lambda a: a.date)
    injury = current_injury(profile, today)
    drills = () if injury is None else tuple(
        DrillSession(s.date, s.exercise, s.step, s.pain_during)
        for s in done if s.exercise in DRILL_SLUGS and s.date >= injury.date and s.step
    )
    latest = {a.test: a for a in tests if a.test in GATE_TESTS}
    before = [a.value for a in tests if a.test == NORDIC_TEST and a.value is not None
              and injury is not None and a.date < injury.date]
    return HistorySummary(
        nordic_dates=tuple(sorted({s.date for s in nordics})),
        window_start=window_start,
        nordic_step=next((s.step for s in reversed(nordics) if s.step), None),
        session_dates=tuple(sorted({s.date for s in done if s.date >= rules_start})),
        training_start=training_start,
        logged=tuple(sorted({(s.date, s.exercise) for s in done if s.date >= last_monday})),
        last_assessment=tests[-1].date if tests else None,
        drill_log=drills,
        latest_tests=tuple(latest.values()),
        nordic_before_strain=max(before) if before else None,
    )


@dataclass(frozen=True)
class BlockInfo:
    """The block this week belongs to, as the Plan JSON shows it."""

    name: str
    week: int
    weeks: int
    race: str | None
    race_date: dt.date | None = None

    def to_dict(self) -> dict[str, Any]:
        """{"name", "week", "weeks", "race"} plus race_date."""
        return {
            "name": self.name,
            "week": self.week,
            "weeks": self.weeks,
            "race": self.race,
            "race_date": None if self.race_date is None else self.race_date.isoformat(),
        }


@dataclass(frozen=True)
class Plan:
    """The plan from `start` on: generated items and the runner's kept ones, by date, with the weeks' blocks."""

    start: dt.date
    block: BlockInfo
    items: tuple[PlanItem, ...]
    weeks: tuple[SeasonWeek, ...]
    notes: tuple[str, ...] = ()
    stopped: bool = False

    @property
    def generated(self) -> tuple[PlanItem, ...]:
        """The items a re-plan saves: generated ones (the kept ones are already in the journal)."""
        return tuple(i for i in self.items if i.origin == "auto" and i.status == "planned")

    def to_dict(self) -> dict[str, Any]:
        """The design's Plan JSON as a dict, with extra keys: items' origin and status, weeks, notes, stopped."""
        return {
            "from": self.start.isoformat(),
            "block": self.block.to_dict(),
            "items": [item_dict(i) for i in self.items],
            "weeks": [_week_dict(w, self) for w in self.weeks],
            "notes": list(self.notes),
            "stopped": self.stopped,
        }

    def to_json(self, indent: int | None = None) -> str:
        """The design's Plan JSON (`hamjournal plan --json`)."""
        return json.dumps(self.to_dict(), ensure_ascii=False, indent=indent)


def item_dict(item: PlanItem) -> dict[str, Any]:
    """One plan item in the Plan JSON shape (plus origin and status)."""
    rx = item.prescription
    return {
        "date": item.date.isoformat(),
        "exercise": item.exercise,
        "step": item.step,
        "kind": item.kind,
        "prescription": {"sets": rx.sets, "reps": list(rx.reps), "hold_s": rx.hold_s, "tempo": rx.tempo},
        "deload": item.deload,
        "why": item.why,
        "origin": item.origin,
        "status": item.status,
    }


def _week_dict(week: SeasonWeek, plan: Plan) -> dict[str, Any]:
    assessed = sorted({i.date for i in plan.items if i.kind == "assessment" and week.start <= i.date <= week.end})
    return {
        "start": week.start.isoformat(),
        "block": week.block,
        "block_week": week.block_week,
        "block_weeks": week.block_weeks,
        "deload": week.deload,
        "emphasis": week.emphasis,
        "race_week": week.race_week,
        "assessment": [d.isoformat() for d in assessed],
    }


def make_plan(
    today: dt.date,
    profile: Profile,
    advice: AdviceReport | None,
    history: HistorySummary,
    weeks: int = 4,
    kept: Sequence[PlanItem] = (),
) -> Plan:
    """The plan for `weeks` Monday weeks from the one holding today (items from today on)."""
    weeks = max(1, min(int(weeks), MAX_WEEKS))
    anchor = training_anchor(today, history.session_dates, history.training_start)
    calendar = season(today, weeks, profile, anchor)
    end = calendar[-1].end
    kept_items = tuple(sorted((k for k in kept if monday(today) <= k.date <= end), key=_order))
    block = _block_info(calendar[0])
    shown_kept = tuple(k for k in kept_items if k.date >= today)
    if _stopped(advice):
        notes = [STOP_NOTE]
        if any(k.status == "planned" for k in shown_kept):
            notes.append("You have sessions you added or moved yourself in the plan: skip them until then.")
        return Plan(today, block, shown_kept, calendar, tuple(notes), stopped=True)
    rehab = profile.mode == "rehab"
    injury = current_injury(profile, today) if rehab else None
    planner = WeekPlanner(
        today=today,
        profile=profile,
        advice=advice,
        history=history,
        kept=kept_items,
        programme=programme(history.nordic_dates, today, history.window_start),
        gate=stage_gate(
            advice, history.drill_log, {t.test: t for t in history.latest_tests}, today, history.nordic_before_strain
        ) if rehab else None,
        injury=injury,
        race_windows=_race_windows(profile),
        deload_until=_forward_deload_until(advice, profile, anchor),
    )
    for index, week in enumerate(calendar):
        planner.plan_week(index, week)
    notes = list(planner.notes)
    if rehab and injury is None:
        notes.append("Rehab mode without a strain date: add it in the profile so the Askling exercises start on time.")
    items = tuple(sorted([*planner.items, *shown_kept], key=_order))
    return Plan(today, block, items, calendar, tuple(dict.fromkeys(notes)))


def _forward_deload_until(advice: AdviceReport | None, profile: Profile, anchor: dt.date | None) -> dt.date | None:
    """The day a deload the advice brought forward ends (a week after it was called), or None.

    A deload the advice calls in a week the cycle makes a deload anyway is the scheduled one: it ends with its
    week, so a deload never rolls into the week after by itself.
    """
    if advice is None or not any(a.action == "deload" for a in advice.advice):
        return None
    # A brought-forward deload warns (repeated regress, rising or persistent stiffness); the scheduled one only
    # informs, and the season's cycle already makes its week a deload.
    forward = any(f.level == "warning" and f.kind in FORWARD_DELOAD_KINDS for f in advice.flags)
    if not forward or season(advice.date, 1, profile, anchor)[0].deload:
        return None
    return advice.date + dt.timedelta(days=7)


def _stopped(advice: AdviceReport | None) -> bool:
    if advice is None:
        return False
    return any(a.action == "stop" for a in advice.advice) or any(f.kind == "red-flag" for f in advice.flags)


def _race_windows(profile: Profile) -> frozenset[dt.date]:
    """Days with no hamstring strength: each A race day and the days before it."""
    days = set()
    for race in profile.races:
        if race.priority == "A":
            for back in range(int(A_RACE_NORDIC_FREE_DAYS.value) + 1):
                days.add(race.date - dt.timedelta(days=back))
    return frozenset(days)


def _block_info(week: SeasonWeek) -> BlockInfo:
    race = week.race
    return BlockInfo(
        week.block, week.block_week, week.block_weeks, None if race is None else race.name,
        None if race is None else race.date,
    )


_KIND_ORDER = {"assessment": 0, "strength": 1, "run-drill": 2}


def _order(item: PlanItem) -> tuple[Any, ...]:
    return (item.date, _KIND_ORDER.get(item.kind, 3), item.exercise != "nordic", item.exercise)

