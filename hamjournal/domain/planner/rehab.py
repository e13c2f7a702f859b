"""Rehab mode: the staged return after a hamstring strain, each stage opened by the log, never by the calendar.

Isometric holds come first, the Askling L-protocol (Extender, Diver, Glider) from about day 5 (Askling 2013).
Running returns in four stages of rising effort (rules-reference section 2, Rehab gates; Heiderscheit 2010):
walk/jog at 50% effort or less, 50-70%, 70-90%, near-maximal running and sprints.
- A stage opens after two sessions at the stage before with pain during of 2/10 or less; pain up to 4/10 keeps
  the stage open, above 4/10 steps back one stage; more than 14 days without running is one stage back (not to
  the start). The walk over the drill sessions since the strain decides which stage the log has reached.
- Near-maximal running and sprints also need full pain-free range (ASLR within 10% of the other leg), strength
  within 10% (the latest single-leg bridge reps or Nordic test) and H-test insecurity 0 (Askling 2014).
- Today's advice can only hold the runner back: no running while a pain flag from the strength work is raised
  or a rehab exercise is not at progress or hold, and a stage opens only while its drill's advice allows it.
- Maximal tests (H-test, max-rep bridges, Nordic lowering, hop, sprint finish) wait for day 14 after the strain
  and for the 50-70% stage.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

from hamjournal.domain.models import Assessment, Injury, Profile
from hamjournal.domain.planner.constants import (
    MAX_TEST_DAY,
    MAX_TEST_STAGE,
    REHAB_H_TEST_MAX,
    REHAB_RUN_GAP_DAYS,
    REHAB_STAGE_PAIN_MAX,
    REHAB_STAGE_PAIN_OK,
    REHAB_STAGE_SESSIONS,
    REHAB_SYMMETRY,
)

if TYPE_CHECKING:
    from hamjournal.domain.advice.report import AdviceReport, Flag

ISOMETRIC = ("iso-hold",)
ASKLING = ("askling-extender", "askling-diver", "askling-glider")
REHAB_STRENGTH = ISOMETRIC + ASKLING
PAIN_FLAGS = frozenset({"red-flag", "pain-limit", "morning-worse"})
GOOD_ACTIONS = frozenset({"progress", "hold"})
RUN_DRILLS = frozenset({"strides", "incline-accelerations"})
# Tests that ask for a maximal effort (rules-reference: H-test, max-rep bridges, Nordic lowering, hop, sprint).
MAXIMAL_TESTS = frozenset(
    {"h-test-insecurity", "sl-bridge-reps", "nordic-lowering-s", "nordic-break-deg", "hop-cm", "sprint-finish-s"}
)
# What the sprint stage reads: range, strength (bridge reps or a Nordic test) and the H-test.
ASLR = "aslr-deg"
BRIDGE = "sl-bridge-reps"
NORDIC_TEST = "nordic-lowering-s"
H_TEST = "h-test-insecurity"
GATE_TESTS = (ASLR, BRIDGE, NORDIC_TEST, H_TEST)


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
    RunStage(4, "strides", "near-max", "near-maximal effort and sprints", 6, "sprints"),
)
SPRINT_STAGE = STAGES[-1].number


@dataclass(frozen=True)
class DrillSession:
    """One logged run-drill session since the strain: its day, drill, step and pain during (None: not logged)."""

    date: dt.date
    exercise: str
    step: str
    pain: int | None


@dataclass(frozen=True)
class StageGate:
    """The highest running stage open today (0: none yet), why the next one stays closed, what changed and the
    tests the sprint stage waits for (to book this week)."""

    open: int
    waiting_for: tuple[str, ...]
    tests_due: tuple[str, ...] = ()
    changes: tuple[str, ...] = ()


@dataclass(frozen=True)
class LogStage:
    """Where the drill log has brought the runner: the open stage, good sessions at it, and the step-backs."""

    stage: int
    good: int
    changes: tuple[str, ...]


def current_injury(profile: Profile, today: dt.date) -> Injury | None:
    """The latest strain on or before today."""
    past = [i for i in profile.injuries if i.date <= today]
    return max(past, key=lambda i: i.date) if past else None


def stage_of(exercise: str, step: str | None) -> int | None:
    """The running stage a drill session belongs to (None: not a stage drill)."""
    return next((s.number for s in STAGES if s.exercise == exercise and s.step == step), None)


def log_stage(sessions: Sequence[DrillSession], today: dt.date) -> LogStage:
    """Walk the drill sessions in order: two sessions at the open stage with pain <= 2 open the next one, pain
    above 4 steps back one stage (from the lower of the open stage and the session's), and a gap of more than
    14 days without running is one stage back, never below stage 1."""
    stage, good, changes = 1, 0, []
    needed = int(REHAB_STAGE_SESSIONS.value)
    gap = int(REHAB_RUN_GAP_DAYS.value)
    last: dt.date | None = None
    for s in sorted(sessions, key=lambda x: x.date):
        number = stage_of(s.exercise, s.step)
        if number is None:
            continue
        if last is not None and (s.date - last).days > gap and stage > 1:
            stage, good = stage - 1, 0
            changes.append(f"back to stage {stage}: {(s.date - last).days} days without running before {s.date:%d %b}")
        last = s.date
        if s.pain is not None and s.pain > REHAB_STAGE_PAIN_MAX.value:
            back = max(1, min(stage, number) - 1)
            changes.append(
                f"back to stage {back}: pain {s.pain}/10 during the stage {number} session on {s.date:%d %b} "
                f"(above {REHAB_STAGE_PAIN_MAX.value}/10)"
            )
            stage, good = back, 0
            continue
        if number == stage and s.pain is not None and s.pain <= REHAB_STAGE_PAIN_OK.value:
            good += 1
            if good >= needed and stage < SPRINT_STAGE:
                stage, good = stage + 1, 0
    if last is not None and (today - last).days > gap and stage > 1:
        stage, good = stage - 1, 0
        changes.append(f"back to stage {stage}: {(today - last).days} days without running")
    return LogStage(stage, good, tuple(changes))


def stage_gate(
    advice: AdviceReport | None,
    drills: Sequence[DrillSession],
    tests: Mapping[str, Assessment],
    today: dt.date,
    nordic_before_strain: float | None = None,
) -> StageGate:
    """The running stage open today: the log's stage, held back by today's advice and, for sprints, by range,
    strength and the H-test."""
    if advice is None:
        return StageGate(0, ("today's advice first",))
    pain = sorted({f.kind for f in advice.flags if _closes_running(f)})
    if pain:
        return StageGate(0, (f"no pain flag first ({', '.join(pain)} raised)",))
    strength = [a for a in advice.advice if a.exercise in REHAB_STRENGTH]
    bad = [a for a in strength if a.action not in GOOD_ACTIONS]
    if bad:
        listing = ", ".join(f"{a.exercise} {a.action}" for a in bad)
        return StageGate(0, (f"progress or hold on the rehab exercises first (now {listing})",))
    if not any(a.current is not None for a in strength):
        return StageGate(0, ("logged sessions of the isometric holds or the Askling exercises first",))
    walked = log_stage(drills, today)
    needed = int(REHAB_STAGE_SESSIONS.value)
    opened = 1
    for stage in STAGES[1:walked.stage]:
        # No advice for the drill means none in the rules' 8 weeks: done long ago, nothing against it.
        previous = STAGES[stage.number - 2]
        drill = advice.for_exercise(previous.exercise)
        if drill is not None and drill.action not in GOOD_ACTIONS:
            return StageGate(opened, (f"progress or hold on {previous.exercise} first (now {drill.action})",),
                             changes=walked.changes)
        opened = stage.number
    if opened < SPRINT_STAGE:
        waiting = (
            f"{needed} sessions at stage {opened} with pain {REHAB_STAGE_PAIN_OK.value}/10 or less first "
            f"(done {walked.good})"
        )
        return StageGate(opened, (waiting,), changes=walked.changes)
    missing, due = sprint_checks(tests, nordic_before_strain)
    if missing:
        return StageGate(SPRINT_STAGE - 1, missing, due, walked.changes)
    return StageGate(SPRINT_STAGE, (), (), walked.changes)


def _closes_running(flag: Flag) -> bool:
    """A pain flag from the strength work closes running; the drills' own pain works through the stages, and a
    pain of up to the rehab limit (a "caution") keeps a stage open."""
    if flag.kind not in PAIN_FLAGS:
        return False
    if flag.exercise in RUN_DRILLS:
        return False
    return not (flag.kind == "pain-limit" and flag.level == "caution")


def sprint_checks(
    tests: Mapping[str, Assessment], nordic_before_strain: float | None
) -> tuple[tuple[str, ...], tuple[str, ...]]:
    """What near-maximal running and sprints still wait for, and the tests to book for it."""
    limit = REHAB_SYMMETRY.value
    missing: list[str] = []
    due: list[str] = []
    aslr = tests.get(ASLR)
    short = _deficit(aslr)
    if short is None:
        missing.append(f"full pain-free range first: an ASLR test within {limit:.0%} of the other leg")
        due.append(ASLR)
    elif short > limit:
        assert aslr is not None
        missing.append(
            f"full pain-free range first: ASLR within {limit:.0%} of the other leg (left {aslr.left:g}°, right "
            f"{aslr.right:g}°, {short:.0%} short)"
        )
        due.append(ASLR)
    strength = _strength(tests, nordic_before_strain)
    if strength is None:
        missing.append(f"strength within {limit:.0%} first: a single-leg bridge test")
        due.append(BRIDGE)
    elif strength[0] > limit:
        missing.append(f"strength within {limit:.0%} first ({strength[1]}, {strength[0]:.0%} short)")
        due.append(BRIDGE if strength[2] == BRIDGE else NORDIC_TEST)
    h_test = tests.get(H_TEST)
    if h_test is None or h_test.left is None or h_test.right is None:
        missing.append("an H-test first: no sprinting until it shows no insecurity")
        due.append(H_TEST)
    elif max(h_test.left, h_test.right) > REHAB_H_TEST_MAX.value:
        missing.append(
            f"an H-test with no insecurity first (latest: left {h_test.left:g}, right {h_test.right:g})"
        )
        due.append(H_TEST)
    return tuple(missing), tuple(dict.fromkeys(due))


def _deficit(test: Assessment | None) -> float | None:
    """How far the weaker leg is short of the stronger one, as a fraction (None: no paired result)."""
    if test is None or test.left is None or test.right is None:
        return None
    strong = max(test.left, test.right)
    if strong <= 0:
        return None
    # Rounded so that exactly 10% short counts as "within 10%" despite float noise.
    return round((strong - min(test.left, test.right)) / strong, 9)


def _strength(
    tests: Mapping[str, Assessment], nordic_before_strain: float | None
) -> tuple[float, str, str] | None:
    """The latest strength evidence: (fraction short, what it compares, test). A single-leg bridge compares the
    legs; a Nordic lowering test (both legs at once) compares with the best before the strain."""
    found: list[tuple[dt.date, float, str, str]] = []
    bridge = tests.get(BRIDGE)
    short = _deficit(bridge)
    if bridge is not None and short is not None:
        text = f"single-leg bridge {bridge.left:g} vs {bridge.right:g} reps on {bridge.date:%d %b}"
        found.append((bridge.date, short, text, BRIDGE))
    nordic = tests.get(NORDIC_TEST)
    if nordic is not None and nordic.value is not None and nordic_before_strain:
        gap = round(max(0.0, nordic_before_strain - nordic.value) / nordic_before_strain, 9)
        text = f"Nordic lowering {nordic.value:g} s vs {nordic_before_strain:g} s before the strain"
        found.append((nordic.date, gap, text, NORDIC_TEST))
    if not found:
        return None
    # The latest test decides; on the same day the weaker result does (the safe side).
    latest = max(f[0] for f in found)
    _, short_by, text, test = max((f for f in found if f[0] == latest), key=lambda f: f[1])
    return short_by, text, test


def maximal_tests_from(profile: Profile, today: dt.date) -> dt.date | None:
    """The first day a maximal test may be booked after the current strain (None: no strain)."""
    injury = current_injury(profile, today)
    return None if injury is None else injury.date + dt.timedelta(days=int(MAX_TEST_DAY.value))


def maximal_tests_open(gate: StageGate | None) -> bool:
    """In rehab, maximal tests wait for the 50-70% running stage (outside rehab there is no gate)."""
    return gate is None or gate.open >= int(MAX_TEST_STAGE.value)
