"""Dose progression within a ladder step, and moves between steps.

Each exercise has an ordered list of dose levels, easiest first. "Progress" climbs one level; from the top
level it moves to the next ladder step at that step's entry dose. "Regress" goes one level down; from the
bottom level it moves to the previous ladder step at the same (entry) dose, so intensity falls and volume
stays low. The levels themselves are in `dose_tables.py`, attached to each exercise's record.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping

from hamjournal.domain.errors import InvalidInput
from hamjournal.domain.library.dose_tables import NORDIC, NORDIC_MAINTENANCE, DoseLevel
from hamjournal.domain.library.exercises import field_of, get_exercise
from hamjournal.domain.models import Prescription, SetEntry
from hamjournal.domain.thresholds import (
    DELOAD_SET_CUT,
    LAPSE_DAYS,
    LAPSE_STEPS_LONG,
    LAPSE_STEPS_SHORT,
    SHORT_LAPSE_DAYS,
)

# Each exercise's dose levels and their citation, read from its record in EXERCISES (the tables are in
# dose_tables.py); kept under these names for the code that looks them up by slug.
DOSES: Mapping[str, tuple[DoseLevel, ...]] = field_of(lambda exercise: exercise.doses)
DOSE_SOURCES: Mapping[str, str] = field_of(lambda exercise: exercise.dose_source)


def dose_source(exercise_slug: str) -> str:
    """The citation behind an exercise's doses."""
    return DOSE_SOURCES.get(exercise_slug, "typical doses (conv.)")


def dose_levels(exercise_slug: str) -> tuple[DoseLevel, ...]:
    """The ordered dose levels of an exercise, easiest first."""
    get_exercise(exercise_slug)  # unknown slugs fail with the list of slugs that exist
    return DOSES[exercise_slug]


def entry_dose(exercise_slug: str) -> Prescription:
    """Where a step starts: the lowest dose level, with the exercise's default tempo."""
    return _at(exercise_slug, 0)


def volume(prescription: Prescription) -> int:
    """Total work: reps, or hold seconds for holds."""
    if prescription.hold_s is not None:
        return prescription.sets * prescription.hold_s
    return sum(prescription.reps)


def _biggest(prescription: Prescription) -> int:
    if prescription.hold_s is not None:
        return prescription.hold_s
    return max(prescription.reps, default=0)


def _meets(prescription: Prescription, level: DoseLevel) -> bool:
    target = level.prescription()
    # Volume alone would call 3x10 a 12/10/8; the biggest set separates them.
    return (
        prescription.sets >= target.sets
        and volume(prescription) >= volume(target)
        and _biggest(prescription) >= _biggest(target)
    )


def match_level(exercise_slug: str, prescription: Prescription) -> int:
    """Index of the highest dose level this prescription reaches (0 if it reaches none)."""
    reached = [i for i, level in enumerate(dose_levels(exercise_slug)) if _meets(prescription, level)]
    return max(reached, default=0)


def is_level(exercise_slug: str, prescription: Prescription) -> bool:
    """True when the prescription is exactly one of the exercise's dose levels."""
    return any(
        level.reps == prescription.reps and level.hold_s == prescription.hold_s
        for level in dose_levels(exercise_slug)
    )


def next_dose(exercise_slug: str, prescription: Prescription) -> Prescription | None:
    """One dose level up within the step, or None at the top level."""
    index = match_level(exercise_slug, prescription)
    if index + 1 >= len(dose_levels(exercise_slug)):
        return None
    return _at(exercise_slug, index + 1)


def previous_dose(exercise_slug: str, prescription: Prescription) -> Prescription | None:
    """One dose level down within the step, or None at the bottom level."""
    index = match_level(exercise_slug, prescription)
    if index == 0:
        return None
    return _at(exercise_slug, index - 1)


def progress_target(exercise: str, step: str, current: Prescription) -> tuple[str, Prescription]:
    """Where "progress" leads: the next dose level, else the next ladder step at its entry dose.

    An exercise whose dose follows a programme (the Nordic: Petersen's ramp) keeps its dose on the new step. At
    the top dose of the top step there is nowhere to go: the same step and top dose come back.
    """
    higher = next_dose(exercise, current)
    if higher is not None:
        return step, higher
    record = get_exercise(exercise)
    ladder = record.ladder
    index = record.step_index(step)
    if index + 1 < len(ladder):
        return ladder[index + 1].slug, current if record.programme else entry_dose(exercise)
    return step, _at(exercise, len(dose_levels(exercise)) - 1)


def regress_target(exercise: str, step: str, current: Prescription) -> tuple[str, Prescription]:
    """Where "regress" leads: one dose level down, else the previous ladder step at the entry dose.

    At the bottom dose of the easiest step the same step and entry dose come back.
    """
    lower = previous_dose(exercise, current)
    if lower is not None:
        return step, lower
    ladder = get_exercise(exercise).ladder
    index = get_exercise(exercise).step_index(step)
    if index > 0:
        return ladder[index - 1].slug, entry_dose(exercise)
    return step, entry_dose(exercise)


def lapse_steps(gap_days: int) -> int:
    """How many regress moves a gap without the exercise calls for: 2 after >14 days, 1 after 8-14, else 0."""
    if gap_days > LAPSE_DAYS.value:
        return int(LAPSE_STEPS_LONG.value)
    if gap_days >= SHORT_LAPSE_DAYS.value:
        return int(LAPSE_STEPS_SHORT.value)
    return 0


def lapse_target(exercise: str, step: str, current: Prescription, gap_days: int) -> tuple[str, Prescription]:
    """Where to restart after `gap_days` without the exercise (two moves down for >14 days, one for 8-14).

    For 8-14 days the one move down is an allowed option; the rules still call it a hold.
    """
    target = (step, current)
    for _ in range(lapse_steps(gap_days)):
        target = regress_target(exercise, *target)
    return target


def deload_prescription(prescription: Prescription) -> Prescription:
    """A deload keeps the session and cuts sets by about 40% (a single set loses 40% of its reps)."""
    keep = 1.0 - DELOAD_SET_CUT.value
    if prescription.sets > 1:
        sets = max(1, round(prescription.sets * keep))
        return Prescription(sets, prescription.reps[:sets], prescription.hold_s, prescription.tempo)
    reps = tuple(max(1, round(r * keep)) for r in prescription.reps)
    return Prescription(prescription.sets, reps, prescription.hold_s, prescription.tempo)


def prescription_from_sets(exercise_slug: str, sets: Iterable[SetEntry]) -> Prescription:
    """What a logged group of sets amounts to, in the shape of the exercise's doses.

    Run drills count efforts ("6" or "6x1" are both six strides); holds keep their shortest hold so the
    prescription never claims more than was done.
    """
    entries = tuple(sets)
    if not entries:
        raise InvalidInput("a session needs at least one set", "sets")
    exercise = get_exercise(exercise_slug)
    tempo = exercise.default_tempo
    if exercise.kind == "run-drill":
        return Prescription(1, (sum(e.reps if e.reps is not None else 1 for e in entries),), None, tempo)
    holds = [e.hold_s for e in entries if e.hold_s is not None]
    if holds and len(holds) == len(entries):
        return Prescription(len(entries), (1,) * len(entries), min(holds), tempo)
    reps = tuple(e.reps if e.reps is not None else 1 for e in entries)
    return Prescription(len(entries), reps, None, tempo)


def nordic_programme_week(n: int) -> tuple[int, Prescription]:
    """Sessions per week and the Prescription of Petersen 2011 week n (n >= 11: maintenance, 1 a week)."""
    if n < 1:
        raise InvalidInput(f"programme week {n} is not allowed: weeks start at 1", "week")
    tempo = get_exercise("nordic").default_tempo
    # Weeks 3 and 4 give a rep range; the planner starts at its low end and the rules climb from there.
    by_week = {1: NORDIC[0], 2: NORDIC[1], 3: NORDIC[2], 4: NORDIC[3]}
    if n in by_week:
        level = by_week[n]
    elif n <= _PETERSEN_WEEKS:
        level = NORDIC[-1]
    else:
        level = NORDIC_MAINTENANCE
    return level.sessions_per_week, level.prescription(tempo)


_PETERSEN_WEEKS = 10


def _at(exercise_slug: str, index: int) -> Prescription:
    return dose_levels(exercise_slug)[index].prescription(get_exercise(exercise_slug).default_tempo)
