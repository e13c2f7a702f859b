"""The library page's looping demo: where an exercise's figure is, and what it is doing, after so many seconds.

One rep at the exercise's tempo, over and over, from the same schedule as the tempo player
(`tempo.phase_at`), so the page shows the movement at the speed the player will count it. A hold loops a
short hold and a rest; a run drill turns its stride at the speed its ladder step asks for.
"""

from __future__ import annotations

from dataclasses import dataclass

from hamjournal.domain.library.exercise_model import Exercise
from hamjournal.domain.library.pose import effort_of, fraction_for, stride_cycle_s
from hamjournal.domain.library.tempo import Phase, make_plan, phase_at, total_duration

# A hold is shown held for a few seconds, then let down: a whole 30 s hold would look like a still picture.
DEMO_HOLD_S = 3
DEMO_HOLD_REST_S = 2


@dataclass(frozen=True)
class DemoFrame:
    """The figure's fraction of the movement and a short caption ("LOWER 4 s", "stride at 70%")."""

    fraction: float
    caption: str


def demo_frame(ex: Exercise, step: str, elapsed_s: float) -> DemoFrame:
    """Where the looping demo of `ex` (at ladder `step`) is `elapsed_s` seconds after it started."""
    if not elapsed_s >= 0:
        raise ValueError(f"elapsed time must be 0 or more seconds, got {elapsed_s}")
    movement = ex.movement
    if movement is None:
        return DemoFrame(0.0, "")
    if movement.cycle:
        effort = effort_of(movement, step) or effort_of(movement, ex.default_step) or 0.7
        cycle = stride_cycle_s(effort)
        return DemoFrame((elapsed_s / cycle) % 1.0, f"stride at {round(effort * 100)}% ({cycle:.1f} s, slowed 3x)")
    if ex.holds:
        plan = make_plan(2, tempo="0-0-0-0", rest_s=DEMO_HOLD_REST_S, hold_s=DEMO_HOLD_S)
        # From the second set's start back round: hold, then the rest before the next one.
        period = DEMO_HOLD_S + DEMO_HOLD_REST_S
        state = phase_at(plan, elapsed_s % period)
    else:
        plan = make_plan(1, 1, ex.default_tempo or "3-0-1-0", rest_s=0)
        state = phase_at(plan, elapsed_s % total_duration(plan))
    resting = state.phase is Phase.REST
    caption = f"{state.phase} {state.duration_s} s"
    return DemoFrame(fraction_for(movement, state.position, resting=resting), caption)
