"""Rehab mode: the staged return after a hamstring strain, each stage opened by the advice, never by the calendar.

Isometric holds come first, the Askling L-protocol (Extender, Diver, Glider) from about day 5 (Askling 2013).
Running returns in four stages of rising effort (Hickey 2020): walk/jog at 50% or less, 50-70%, 70-90%, full
sprint. A stage opens only when
- the advice for the rehab exercises already logged is progress or hold (none regress or stop),
- no pain flag is raised (a red flag, pain above the limit, a morning worse than usual),
- the stage before it was done twice and its advice (when it has any) is progress or hold,
- and, for sprinting, the latest H-test showed no insecurity (0 on both legs; Askling 2014).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from dataclasses import dataclass
from typing import TYPE_CHECKING

from hamjournal.domain.models import Injury, Profile
from hamjournal.domain.planner_constants import REHAB_STAGE_SESSIONS

if TYPE_CHECKING:
    from hamjournal.domain.advice.report import AdviceReport

ISOMETRIC = ("iso-hold",)
ASKLING = ("askling-extender", "askling-diver", "askling-glider")
REHAB_STRENGTH = ISOMETRIC + ASKLING
PAIN_FLAGS = frozenset({"red-flag", "pain-limit", "morning-worse"})
GOOD_ACTIONS = frozenset({"progress", "hold"})


@dataclass(frozen=True)
class RunStage:
    """One running stage: the drill that carries it and the effort it allows."""

    number: int
    exercise: str
    step: str
    effort: str
    count: int
    what: str


STAGES: tuple[RunStage, ...] = (
    RunStage(1, "incline-accelerations", "gentle", "50% effort or less", 4, "walk/jog builds on a gentle hill"),
    RunStage(2, "strides", "relaxed", "50-70% effort", 5, "relaxed strides"),
    RunStage(3, "strides", "fast", "70-90% effort", 6, "fast strides"),
    RunStage(4, "strides", "near-max", "full sprint", 6, "sprints"),
)


@dataclass(frozen=True)
class StageGate:
    """The highest running stage open today (0: none yet) and why the next one stays closed."""

    open: int
    waiting_for: tuple[str, ...]
    needs_h_test: bool = False


def current_injury(profile: Profile, today: dt.date) -> Injury | None:
    """The latest strain on or before today."""
    past = [i for i in profile.injuries if i.date <= today]
    return max(past, key=lambda i: i.date) if past else None


def stage_gate(
    advice: AdviceReport | None,
    drill_counts: Mapping[tuple[str, str], int],
    h_test: tuple[float, float] | None,
) -> StageGate:
    """Open stages one by one while every gate passes; stop at the first that does not."""
    if advice is None:
        return StageGate(0, ("today's advice",))
    pain = sorted({f.kind for f in advice.flags if f.kind in PAIN_FLAGS})
    if pain:
        return StageGate(0, (f"no pain flag ({', '.join(pain)} raised)",))
    strength = [a for a in advice.advice if a.exercise in REHAB_STRENGTH]
    bad = [a for a in strength if a.action not in GOOD_ACTIONS]
    if bad:
        listing = ", ".join(f"{a.exercise} {a.action}" for a in bad)
        return StageGate(0, (f"progress or hold on the rehab exercises (now {listing})",))
    if not any(a.current is not None for a in strength):
        return StageGate(0, ("logged sessions of the isometric holds or the Askling exercises",))
    opened = 1
    done_sessions = int(REHAB_STAGE_SESSIONS.value)
    for stage, previous in zip(STAGES[1:], STAGES, strict=False):
        count = drill_counts.get((previous.exercise, previous.step), 0)
        if count < done_sessions:
            return StageGate(opened, (f"{done_sessions} sessions at stage {previous.number} (done {count})",))
        # No advice for the drill means none in the rules' 8 weeks: done long ago, nothing against it.
        drill = advice.for_exercise(previous.exercise)
        if drill is not None and drill.action not in GOOD_ACTIONS:
            return StageGate(opened, (f"progress or hold on {previous.exercise} (now {drill.action})",))
        if stage.number == len(STAGES):
            if h_test is None:
                return StageGate(opened, ("an H-test: no sprinting until it shows no insecurity",), True)
            if max(h_test) > 0:
                return StageGate(
                    opened, (f"an H-test with no insecurity (latest: left {h_test[0]:g}, right {h_test[1]:g})",), True
                )
        opened = stage.number
    return StageGate(opened, ())
