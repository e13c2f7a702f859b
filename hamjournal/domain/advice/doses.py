"""Dose targets the advice leads to, with the floor and the no-stacking rule.

- A deload cuts sets by about 40% from the USUAL dose (never from a cut dose, so deloads cannot stack).
- No dose goes below the exercise's first rung (Nordic 2x5, Petersen week 1): a cut that would, steps down
  the ladder instead (the easier step at its entry dose); at the easiest step the first rung is the floor.
- A regress never raises volume.
- When several reductions apply the smallest dose wins - an easier step first, then fewer reps - never their
  product: usual 3x8 with a deload (2x8, 16 reps) and a regress (3x6, 18 reps) -> 2x8.
"""

from __future__ import annotations

from collections.abc import Iterable

from hamjournal.domain.library.doses import deload_prescription, entry_dose, lapse_target, regress_target, volume
from hamjournal.domain.library.exercises import get_exercise
from hamjournal.domain.models import Prescription

Target = tuple[str, Prescription]


def below_first_rung(exercise: str, dose: Prescription) -> bool:
    """True when a dose has fewer sets or less volume than the exercise's first rung (2x45s is below 3x30s)."""
    first = entry_dose(exercise)
    return dose.sets < first.sets or volume(dose) < volume(first)


def step_down(exercise: str, step: str) -> Target:
    """The easier ladder step at its entry dose; the same step at its entry dose at the bottom of the ladder."""
    ladder = get_exercise(exercise).ladder
    index = get_exercise(exercise).step_index(step)
    lower = ladder[index - 1].slug if index > 0 else step
    return lower, entry_dose(exercise)


def deload_target(exercise: str, step: str, usual: Prescription) -> Target:
    """The deload dose of a usual dose: sets cut by about 40%, floored at the first rung (then a step down)."""
    cut = deload_prescription(usual)
    if below_first_rung(exercise, cut):
        return step_down(exercise, step)
    return step, cut


def regress_dose(exercise: str, step: str, current: Prescription) -> Target:
    """One dose level (or one ladder step) down, never with more volume than the current dose."""
    target_step, target = regress_target(exercise, step, current)
    if volume(target) > volume(current):
        return target_step, current
    return target_step, target


def lapse_dose(exercise: str, step: str, current: Prescription, gap_days: int) -> Target:
    """Where to restart after a lapse (two moves down after >14 days, one after 8-14), never with more volume."""
    target_step, target = lapse_target(exercise, step, current, gap_days)
    if volume(target) > volume(current):
        return target_step, current
    return target_step, target


def easiness(exercise: str, target: Target) -> tuple[int, int]:
    """Sort key: an easier ladder step first, then less volume."""
    return get_exercise(exercise).step_index(target[0]), volume(target[1])


def smallest(exercise: str, targets: Iterable[Target]) -> Target:
    """The smallest of several reduced doses (no stacking); the first one wins a tie."""
    return min(targets, key=lambda t: easiness(exercise, t))
