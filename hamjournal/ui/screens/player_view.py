"""What the tempo player shows at a moment, and how a tempo change keeps the runner's place.

Pure functions over `tempo.PlayerPlan`, so the screen only copies strings into widgets and the sums can be
tested without a terminal. Elapsed time here includes the lead-in (the seconds to get into position).
"""

from __future__ import annotations

import math
from dataclasses import dataclass, replace

from hamjournal.domain.library.sets import MAX_HOLD_S
from hamjournal.domain.library.tempo import (
    EXPLOSIVE_S,
    MAX_PHASE_S,
    Phase,
    PhaseState,
    PlayerPlan,
    format_tempo,
    phase_at,
    phase_boundaries,
    total_duration,
)
from hamjournal.domain.models import SetEntry

READY = "READY"
HOLD_STEP_S = 5  # +/- on a hold changes it by this much: a second more or less is no real change
MIN_HOLD_S = 5


@dataclass(frozen=True)
class PlayerView:
    """The strings and numbers on the player at one moment."""

    word: str  # the phase, e.g. "LOWER", or READY during the lead-in
    countdown: str  # seconds left in the phase, "4" or "1:00"
    fraction: float  # 0 -> 1 through the phase, for the bar
    counters: str  # "Set 1 of 2 · Rep 3 of 5"
    clock: str  # "0:12 of 1:35"
    position: float  # pose between start (0.0) and end (1.0)
    done: bool
    key: tuple[str, int, int]  # changes exactly when the phase changes: the bell rings then
    resting: bool = False  # lead-in, rest between sets or done: the figure waits in its setup pose


def countdown_text(seconds: float) -> str:
    """Whole seconds left, rounded up so "1" shows until the phase ends; m:ss from a minute on."""
    whole = math.ceil(round(seconds, 6))
    return f"{whole // 60}:{whole % 60:02d}" if whole >= 60 else str(whole)


def clock_text(seconds: float) -> str:
    """Elapsed or total time as m:ss."""
    whole = int(seconds)
    return f"{whole // 60}:{whole % 60:02d}"


def dose_text(plan: PlayerPlan) -> str:
    """The sets as logged: "2x5", "12/10/8" or "3x30s"."""
    return plan.prescription.logged_notation


def planned_sets(plan: PlayerPlan) -> tuple[SetEntry, ...]:
    """Every set the plan plays, as journal sets."""
    if plan.hold_s is not None:
        return tuple(SetEntry(reps=None, hold_s=plan.hold_s) for _ in range(plan.sets))
    return tuple(SetEntry(reps=count) for count in plan.reps)


def counters_text(plan: PlayerPlan, state: PhaseState) -> str:
    """ "Set 1 of 2 · Rep 3 of 5", "Set 2 of 3 · Hold 30 s", or what comes after the rest."""
    if state.done:
        return f"All {plan.sets} sets done: {dose_text(plan)}"
    if state.phase is Phase.REST:
        following = state.set + 1
        work = f"a {plan.hold_s} s hold" if plan.holds else f"{plan.reps_in_set(following)} reps"
        return f"Rest after set {state.set} of {plan.sets} · next: set {following}, {work}"
    if plan.holds:
        return f"Set {state.set} of {plan.sets} · Hold {plan.hold_s} s"
    return f"Set {state.set} of {plan.sets} · Rep {state.rep} of {plan.reps_in_set(state.set)}"


def player_view(plan: PlayerPlan, elapsed_s: float, lead_in_s: float) -> PlayerView:
    """The player at `elapsed_s` seconds after opening, the first `lead_in_s` of them spent getting ready."""
    total = total_duration(plan)
    if elapsed_s < lead_in_s:
        first = phase_at(plan, 0.0)
        return PlayerView(
            word=READY,
            countdown=countdown_text(lead_in_s - elapsed_s),
            fraction=elapsed_s / lead_in_s,
            counters=counters_text(plan, first) + " · get into position",
            clock=f"{clock_text(0)} of {clock_text(total)}",
            position=0.0,
            done=False,
            key=(READY, 0, 0),
            resting=True,
        )
    state = phase_at(plan, elapsed_s - lead_in_s)
    return PlayerView(
        word=str(state.phase),
        countdown=countdown_text(state.seconds_left),
        fraction=state.fraction,
        counters=counters_text(plan, state),
        clock=f"{clock_text(min(state.elapsed_s, total))} of {clock_text(total)}",
        position=state.position,
        done=state.done,
        key=(str(state.phase), state.set, state.rep),
        resting=state.done or state.phase is Phase.REST,
    )


def sets_done(plan: PlayerPlan, elapsed_s: float) -> tuple[SetEntry, ...]:
    """What has been done `elapsed_s` seconds into the plan (lead-in excluded): whole sets, then the
    finished reps of the set under way. A hold under way counts the seconds held so far."""
    state = phase_at(plan, elapsed_s)
    if state.done:
        return planned_sets(plan)
    whole = planned_sets(plan)[: state.set - (0 if state.phase is Phase.REST else 1)]
    if state.phase is Phase.REST:
        return whole
    if plan.holds:
        held = int(state.elapsed_s - _phase_start(plan, state))
        return whole + ((SetEntry(reps=None, hold_s=held),) if held >= 1 else ())
    finished_reps = state.rep - 1
    return whole + ((SetEntry(reps=finished_reps),) if finished_reps else ())


def _phase_start(plan: PlayerPlan, state: PhaseState) -> float:
    return state.elapsed_s - state.fraction * state.duration_s


def with_lowering(plan: PlayerPlan, delta: int) -> PlayerPlan:
    """The plan with the lowering phase `delta` seconds longer (1 to MAX_PHASE_S), or a hold HOLD_STEP_S
    seconds per step longer (MIN_HOLD_S to MAX_HOLD_S)."""
    if plan.hold_s is not None:
        hold = min(MAX_HOLD_S, max(MIN_HOLD_S, plan.hold_s + delta * HOLD_STEP_S))
        return replace(plan, hold_s=hold)
    lower = EXPLOSIVE_S if plan.tempo.lower is None else plan.tempo.lower
    new_lower = min(MAX_PHASE_S, max(1, lower + delta))
    return replace(plan, tempo=replace(plan.tempo, lower=new_lower))


def restart_point(old: PlayerPlan, new: PlayerPlan, elapsed_s: float) -> float:
    """Where to carry on in `new` after a tempo change at `elapsed_s` into `old` (lead-in excluded).

    Reps already done stay done; the rep under way starts again at the new tempo. During a rest the rest
    goes on with the seconds it had left. Once done, the new plan is done too.
    """
    state = phase_at(old, elapsed_s)
    if state.done:
        return float(total_duration(new))
    for start, phase in phase_boundaries(new):
        if phase is Phase.DONE:
            break
        candidate = phase_at(new, start)
        if (candidate.set, candidate.rep) != (state.set, state.rep):
            continue
        if state.phase is Phase.REST and phase is Phase.REST:
            return start + state.fraction * state.duration_s
        if state.phase is not Phase.REST and phase is not Phase.REST:
            return float(start)
    return float(total_duration(new))


def describe_plan(plan: PlayerPlan) -> str:
    """ "2x5 at 4-0-1-0" or "3x30s hold"."""
    # "1x3", not the log's "3": on screen the set count is worth saying even when it is one.
    sets = plan.prescription.notation
    if plan.holds:
        return f"{sets} hold"
    return f"{sets} at {format_tempo(plan.tempo)}"
