"""Building journal entries from what a runner typed, validating every field.

The CLI and the app both come through here, so "pain 11" or "3x" gets the same message everywhere.
Values may be strings (as typed) or numbers; empty strings mean "not given".
"""

from __future__ import annotations

import datetime as dt
from typing import TypedDict

from hamjournal.domain import validation as v
from hamjournal.domain.errors import InvalidInput
from hamjournal.domain.library.exercises import get_exercise
from hamjournal.domain.library.sets import parse_sets
from hamjournal.domain.library.tempo import format_tempo, parse_tempo
from hamjournal.domain.models import (
    ASSESSMENT_TESTS,
    CHECKIN_TIMES,
    LOCATIONS,
    PAIRED_TESTS,
    RUN_KINDS,
    SIDES,
    Assessment,
    Run,
    Session,
    SymptomLog,
)

Value = str | int | float | None


class SessionFields(TypedDict, total=False):
    """The optional fields of a session, as `make_session` takes them (the CLI's and the forms' names)."""

    step: str | None
    tempo: str | None
    rpe: Value
    pain: Value
    date: object
    side: str | None
    load_kg: Value
    note: str | None


class SymptomFields(TypedDict, total=False):
    """The optional fields of a check-in, as `make_symptom` takes them."""

    stiffness: Value
    when: str | None
    side: str | None
    location: str | None
    sudden: bool
    sleep_h: Value
    fatigue: Value
    date: object
    note: str | None


class RunFields(TypedDict, total=False):
    """The optional fields of a run, as `make_run` takes them."""

    kind: str | None
    km: Value
    rpe: Value
    strides: Value
    finish_s: Value
    date: object
    note: str | None


class AssessmentFields(TypedDict, total=False):
    """The fields of a reassessment result, as `make_assessment` takes them."""

    left: Value
    right: Value
    value: Value
    date: object


def given(value: object) -> bool:
    """False for None and blank strings: the runner left the field empty."""
    return value is not None and not (isinstance(value, str) and not value.strip())


def entry_date(value: object, today: dt.date, field: str = "date") -> dt.date:
    """The entry's date: today when not given, never in the future."""
    if not given(value):
        return today
    day = value if isinstance(value, dt.date) else v.parse_date(str(value), field)
    return v.check_not_future(day, today, field)


def make_session(
    today: dt.date,
    exercise: str,
    sets: str,
    *,
    step: str | None = None,
    tempo: str | None = None,
    rpe: Value = None,
    pain: Value = None,
    date: object = None,
    side: str | None = None,
    load_kg: Value = None,
    note: str | None = None,
) -> Session:
    """A validated Session; step and tempo default to the exercise's own when not given."""
    ex = get_exercise(exercise)
    chosen_side = v.check_choice(side, "side", SIDES) if given(side) else "both"
    load = v.check_range(load_kg, "load", 0, v.MAX_LOAD_KG, " kg") if given(load_kg) else 0.0
    parsed_sets = parse_sets(str(sets), side=chosen_side, load_kg=load)
    if ex.holds and any(s.hold_s is None for s in parsed_sets):
        raise InvalidInput(f"{ex.name} is logged in seconds held: write e.g. 3x30s", "sets")
    if not ex.holds and any(s.hold_s is not None for s in parsed_sets):
        raise InvalidInput(f"{ex.name} is logged in reps, not seconds: write e.g. 3x6 or 12/10/8", "sets")
    step_slug = ex.step(str(step).strip().lower()).slug if given(step) else ex.default_step
    tempo_text = format_tempo(parse_tempo(str(tempo))) if given(tempo) else ex.default_tempo
    return Session(
        date=entry_date(date, today),
        exercise=ex.slug,
        sets=parsed_sets,
        step=step_slug,
        tempo=tempo_text,
        rpe=v.check_score(rpe, "RPE") if given(rpe) else None,
        pain_during=v.check_score(pain, "pain") if given(pain) else None,
        note=v.check_note(note),
    )


def make_symptom(
    today: dt.date,
    pain: Value,
    *,
    stiffness: Value = None,
    when: str | None = None,
    side: str | None = None,
    location: str | None = None,
    sudden: bool = False,
    sleep_h: Value = None,
    fatigue: Value = None,
    date: object = None,
    note: str | None = None,
) -> SymptomLog:
    """A validated pain / stiffness check-in."""
    if not given(pain):
        raise InvalidInput("pain is missing: give a whole number from 0 (none) to 10 (worst)", "pain")
    return SymptomLog(
        date=entry_date(date, today),
        pain=v.check_score(pain, "pain"),
        stiffness=v.check_score(stiffness, "stiffness") if given(stiffness) else None,
        when=v.check_choice(when, "when", CHECKIN_TIMES) if given(when) else "morning",
        side=v.check_choice(side, "side", SIDES) if given(side) else "both",
        location=v.check_choice(location, "location", LOCATIONS) if given(location) else None,
        sudden=bool(sudden),
        sleep_h=v.check_range(sleep_h, "sleep", 0, v.MAX_SLEEP_H, " h") if given(sleep_h) else None,
        fatigue=v.check_score(fatigue, "fatigue") if given(fatigue) else None,
        note=v.check_note(note),
    )


def make_run(
    today: dt.date,
    minutes: Value,
    *,
    kind: str | None = None,
    km: Value = None,
    rpe: Value = None,
    strides: Value = None,
    finish_s: Value = None,
    date: object = None,
    note: str | None = None,
) -> Run:
    """A validated run."""
    if not given(minutes):
        raise InvalidInput(f"minutes are missing: give the run's duration, above 0 to {v.MAX_RUN_MINUTES}", "minutes")
    return Run(
        date=entry_date(date, today),
        minutes=v.check_range(minutes, "minutes", 0, v.MAX_RUN_MINUTES, "", inclusive_low=False),
        kind=v.check_choice(kind, "kind", RUN_KINDS) if given(kind) else "easy",
        distance_km=v.check_range(km, "distance", 0, v.MAX_RUN_KM, " km", inclusive_low=False) if given(km) else None,
        rpe=v.check_score(rpe, "RPE") if given(rpe) else None,
        strides=v.check_int_range(strides, "strides", 0, v.MAX_STRIDES) if given(strides) else None,
        finish_s=(
            v.check_range(finish_s, "finish time", 0, v.MAX_FINISH_S, " s", inclusive_low=False)
            if given(finish_s)
            else None
        ),
        note=v.check_note(note),
    )


# Plausible bounds per assessment test, so a typo (hop 2000 cm) is caught at the door.
ASSESSMENT_BOUNDS: dict[str, tuple[float, float, str]] = {
    "sl-bridge-reps": (0, 200, " reps"),
    "iso-hold-s": (0, 600, " s"),
    "aslr-deg": (0, 150, "°"),
    "hop-cm": (0, 400, " cm"),
    "h-test-insecurity": (0, 100, ""),
    "nordic-lowering-s": (0, 60, " s"),
    "nordic-break-deg": (0, 90, "°"),
    "sprint-finish-s": (0, 600, " s"),
}


def make_assessment(
    today: dt.date,
    test: str,
    *,
    left: Value = None,
    right: Value = None,
    value: Value = None,
    date: object = None,
) -> Assessment:
    """A validated reassessment: paired tests need left and right, single ones a value."""
    name = v.check_choice(test, "test", ASSESSMENT_TESTS)
    low, high, unit = ASSESSMENT_BOUNDS[name]
    day = entry_date(date, today)
    if name in PAIRED_TESTS:
        if not (given(left) and given(right)):
            raise InvalidInput(f"{name} compares both legs: give left and right ({low:g} to {high:g}{unit})", "left")
        return Assessment(
            date=day,
            test=name,
            left=v.check_range(left, "left", low, high, unit),
            right=v.check_range(right, "right", low, high, unit),
        )
    if not given(value):
        raise InvalidInput(f"{name} needs one value ({low:g} to {high:g}{unit})", "value")
    return Assessment(date=day, test=name, value=v.check_range(value, name, low, high, unit))
