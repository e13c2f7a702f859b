"""Journal JSON, version 1: what `export` writes, what `import` and backups read.

The writing is in journal_json_write.py, imported here so this module stays the one way in for both: export
is deterministic, so export -> import -> export gives the same text. Import is strict and all-or-nothing: the
first bad value raises InvalidInput naming the record and field, e.g. `sessions[3].pain_during: 11 is not allowed: ...`.
"""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Callable
from typing import TypeVar

from hamjournal.domain import validation
from hamjournal.domain.errors import InvalidInput
from hamjournal.domain.formats import limits
from hamjournal.domain.formats.journal_csv import journal_to_csv
from hamjournal.domain.formats.journal_json_write import FORMAT, dumps_journal, journal_to_dict
from hamjournal.domain.formats.json_fields import Fields, as_list, item, kind_of, show
from hamjournal.domain.library import exercises, sets, tempo
from hamjournal.domain.models import (
    ASSESSMENT_TESTS,
    CHECKIN_TIMES,
    LOCATIONS,
    MODES,
    NORDIC_ABILITIES,
    PAIRED_TESTS,
    PLAN_KINDS,
    RACE_PRIORITIES,
    RUN_KINDS,
    SIDES,
    WEEKDAYS,
    Assessment,
    Injury,
    Journal,
    PlanItem,
    Prescription,
    Profile,
    Race,
    Run,
    Session,
    SetEntry,
    SymptomLog,
)

__all__ = ["dumps_journal", "journal_from_dict", "journal_to_csv", "journal_to_dict", "loads_journal"]

SUPPORTED_VERSIONS: tuple[int, ...] = (1,)

UNITS: tuple[str, ...] = ("metric",)
PLAN_ORIGINS: tuple[str, ...] = ("auto", "manual")
PLAN_STATUSES: tuple[str, ...] = ("planned", "skipped")
MAX_GRADE = 3
# Profile setting: practitioners deload every 4-6 weeks (rules-reference, "Tempo and dose").
DELOAD_EVERY_RANGE = (4, 6)

# Plausible bounds per assessment test: (low, high, unit); anything outside is a typo.
TEST_BOUNDS: dict[str, tuple[float, float, str]] = {
    "sl-bridge-reps": (0, 200, " reps"),
    "nordic-lowering-s": (0, 60, " s"),
    "nordic-break-deg": (0, 90, " degrees"),
    "iso-hold-s": (0, 600, " s"),
    "aslr-deg": (0, 180, " degrees"),
    "hop-cm": (0, 400, " cm"),
    "sprint-finish-s": (0, 600, " s"),
    "h-test-insecurity": (0, 100, ""),
}

_TOP_KEYS = ("format", "version", "profile", "sessions", "symptoms", "runs", "assessments", "plan")
_PROFILE_KEYS = (
    "units", "mode", "running_days", "long_run_day", "hard_days", "strength_days", "injuries", "races",
    "deload_every", "nordic_ability", "watch_folder",
)

T = TypeVar("T")


# ----------------------------------------------------------------------------------------------- import


def loads_journal(text: str, today: dt.date) -> Journal:
    """Parse Journal JSON text; invalid JSON or an invalid journal raises InvalidInput."""
    limits.check_depth(text)
    try:
        data = json.loads(
            text,
            object_pairs_hook=_no_duplicate_keys,
            parse_constant=_no_constant,
            parse_int=limits.strict_int,
            parse_float=limits.strict_float,
        )
    except json.JSONDecodeError as error:
        raise InvalidInput(
            f"not valid JSON at line {error.lineno} column {error.colno}: {error.msg}", "journal"
        ) from None
    return journal_from_dict(data, today)


def journal_from_dict(data: object, today: dt.date) -> Journal:
    """Read Journal JSON v1, strictly; the first bad value raises InvalidInput naming record and field.

    Logged records (sessions, symptoms, runs, assessments, injuries) must be dated on or before `today`;
    races and plan items may lie ahead.
    """
    if not isinstance(data, dict):
        raise InvalidInput(
            f"journal: expected a JSON object {{\"format\": \"hamjournal\", ...}}, found {kind_of(data)}", "journal"
        )
    _check_header(data)
    root = Fields(data, "", "a hamjournal journal", ("format", "version"), _TOP_KEYS[2:])
    profile = _profile_in(root.raw("profile"), "profile", today) if "profile" in data else Profile()
    return Journal(
        profile=profile,
        sessions=_section(root, "sessions", "sessions", lambda v, p: _session_in(v, p, today)),
        symptoms=_section(root, "symptoms", "check-ins", lambda v, p: _symptom_in(v, p, today)),
        runs=_section(root, "runs", "runs", lambda v, p: _run_in(v, p, today)),
        assessments=_section(root, "assessments", "assessments", lambda v, p: _assessment_in(v, p, today)),
        plan=_section(root, "plan", "plan items", _plan_in),
    )


def _no_duplicate_keys(pairs: list[tuple[str, object]]) -> dict[str, object]:
    # json.loads keeps the last of two equal keys; a journal with both is ambiguous, so refuse it.
    out: dict[str, object] = {}
    for key, value in pairs:
        if key in out:
            raise InvalidInput(f"not a valid journal: the key '{key}' appears twice in one record", key)
        out[key] = value
    return out


def _no_constant(name: str) -> object:
    raise InvalidInput(f"not valid JSON: {name} is not a number JSON allows", "journal")


def _check_header(data: dict[str, object]) -> None:
    # Checked before unknown keys: a newer file should say "version 2", not "unknown key 'settings'".
    versions = ", ".join(str(v) for v in SUPPORTED_VERSIONS)
    if "format" not in data:
        raise InvalidInput(f'format: missing: a hamjournal journal starts with "format": "{FORMAT}"', "format")
    if data["format"] != FORMAT:
        raise InvalidInput(
            f"format: {show(data['format'])} is not a hamjournal journal: expected \"{FORMAT}\"", "format"
        )
    if "version" not in data:
        raise InvalidInput(f"version: missing: this hamjournal reads Journal JSON version {versions}", "version")
    version = data["version"]
    if isinstance(version, bool) or version not in SUPPORTED_VERSIONS:
        raise InvalidInput(
            f"version: {show(version)} is not supported: this hamjournal reads Journal JSON version {versions}",
            "version",
        )


def _section(root: Fields, key: str, what: str, read: Callable[[object, str], T]) -> tuple[T, ...]:
    if key not in root.data:
        return ()
    values = as_list(root.raw(key), key, what)
    return tuple(read(value, item(key, index)) for index, value in enumerate(values))


def _profile_in(data: object, path: str, today: dt.date) -> Profile:
    f = Fields(data, path, "the profile", (), _PROFILE_KEYS)
    base = Profile()
    return Profile(
        units=f.choice("units", UNITS) if "units" in f.data else base.units,  # type: ignore[arg-type]
        mode=f.choice("mode", MODES) if "mode" in f.data else base.mode,  # type: ignore[arg-type]
        running_days=f.choices("running_days", WEEKDAYS) if "running_days" in f.data else base.running_days,
        long_run_day=f.choice("long_run_day", WEEKDAYS, nullable=True)
        if "long_run_day" in f.data
        else base.long_run_day,
        hard_days=f.choices("hard_days", WEEKDAYS) if "hard_days" in f.data else base.hard_days,
        strength_days=f.choices("strength_days", WEEKDAYS) if "strength_days" in f.data else base.strength_days,
        injuries=_list_in(f, "injuries", "injuries", lambda v, p: _injury_in(v, p, today)),
        races=_list_in(f, "races", "races", _race_in),
        deload_every=f.integer("deload_every", *DELOAD_EVERY_RANGE)  # type: ignore[arg-type]
        if "deload_every" in f.data
        else base.deload_every,
        nordic_ability=f.choice("nordic_ability", NORDIC_ABILITIES)  # type: ignore[arg-type]
        if "nordic_ability" in f.data
        else base.nordic_ability,
        watch_folder=f.text("watch_folder", nullable=True) if "watch_folder" in f.data else None,
    )


def _list_in(f: Fields, key: str, what: str, read: Callable[[object, str], T]) -> tuple[T, ...]:
    if key not in f.data:
        return ()
    values = as_list(f.raw(key), f.at(key), what)
    return tuple(read(value, item(f.at(key), index)) for index, value in enumerate(values))


def _injury_in(data: object, path: str, today: dt.date) -> Injury:
    f = Fields(data, path, "an injury", ("date",), ("side", "grade", "note"))
    return Injury(
        date=f.date("date", today),
        side=f.choice("side", SIDES) if "side" in f.data else "left",  # type: ignore[arg-type]
        grade=f.integer("grade", 1, MAX_GRADE) if "grade" in f.data else 1,  # type: ignore[arg-type]
        note=_note(f),
    )


def _race_in(data: object, path: str) -> Race:
    f = Fields(data, path, "a race", ("date", "name", "distance_km"), ("priority",))
    name = f.text("name") or ""
    if not name.strip():
        raise f.fail("name", "is empty: give the race a name")
    return Race(
        date=f.date("date"),
        name=name,
        distance_km=f.number("distance_km", 0, validation.MAX_RUN_KM, " km", above=True),  # type: ignore[arg-type]
        priority=f.choice("priority", RACE_PRIORITIES) if "priority" in f.data else "A",  # type: ignore[arg-type]
    )


def _note(f: Fields, key: str = "note") -> str:
    return (f.text(key) or "") if key in f.data else ""


def _exercise(f: Fields) -> exercises.Exercise:
    slug = f.word("exercise")
    try:
        return exercises.get_exercise(slug)  # type: ignore[arg-type]
    except InvalidInput as error:
        raise f.rephrase("exercise", error) from None


def _step(f: Fields, exercise: exercises.Exercise) -> str | None:
    slug = f.word("step", nullable=True) if "step" in f.data else None
    if slug is None:
        return None
    try:
        return exercise.step(slug).slug
    except InvalidInput as error:
        raise f.rephrase("step", error) from None


def _tempo(f: Fields) -> str | None:
    text = f.word("tempo", nullable=True) if "tempo" in f.data else None
    if text is None:
        return None
    try:
        return tempo.format_tempo(tempo.parse_tempo(text))
    except InvalidInput as error:
        raise f.rephrase("tempo", error) from None


def _session_in(data: object, path: str, today: dt.date) -> Session:
    f = Fields(data, path, "a session", ("date", "exercise", "sets"), ("step", "tempo", "rpe", "pain_during", "note"))
    day = f.date("date", today)
    exercise = _exercise(f)
    values = as_list(f.raw("sets"), f.at("sets"), "sets")
    if not 1 <= len(values) <= sets.MAX_SETS:
        raise f.fail("sets", f"has {len(values)} sets: log 1 to {sets.MAX_SETS} sets")
    return Session(
        date=day,
        exercise=exercise.slug,
        step=_step(f, exercise),
        tempo=_tempo(f),
        sets=tuple(_set_in(value, item(f.at("sets"), index)) for index, value in enumerate(values)),
        rpe=f.score("rpe", nullable=True) if "rpe" in f.data else None,
        pain_during=f.score("pain_during", nullable=True) if "pain_during" in f.data else None,
        note=_note(f),
    )


def _set_in(data: object, path: str) -> SetEntry:
    f = Fields(data, path, "a set", ("reps",), ("side", "load_kg", "hold_s"))
    reps = f.integer("reps", 1, sets.MAX_REPS, nullable=True)
    hold_s = f.integer("hold_s", 1, sets.MAX_HOLD_S, nullable=True) if "hold_s" in f.data else None
    if reps is None and hold_s is None:
        raise f.fail("reps", "is null and there is no hold_s: give reps, or hold_s in seconds for a hold")
    if reps is not None and hold_s is not None:
        raise f.fail("hold_s", f"{hold_s} given with reps {reps}: a set is reps or a hold, set the other to null")
    return SetEntry(
        reps=reps,
        side=f.choice("side", SIDES) if "side" in f.data else "both",  # type: ignore[arg-type]
        load_kg=f.number("load_kg", 0, validation.MAX_LOAD_KG, " kg") if "load_kg" in f.data else 0.0,  # type: ignore[arg-type]
        hold_s=hold_s,
    )


def _symptom_in(data: object, path: str, today: dt.date) -> SymptomLog:
    optional = ("when", "stiffness", "side", "location", "sudden", "sleep_h", "fatigue", "note")
    f = Fields(data, path, "a check-in", ("date", "pain"), optional)
    return SymptomLog(
        date=f.date("date", today),
        when=f.choice("when", CHECKIN_TIMES) if "when" in f.data else "morning",  # type: ignore[arg-type]
        pain=f.score("pain"),  # type: ignore[arg-type]
        stiffness=f.score("stiffness", nullable=True) if "stiffness" in f.data else None,
        side=f.choice("side", SIDES) if "side" in f.data else "both",  # type: ignore[arg-type]
        location=f.choice("location", LOCATIONS, nullable=True) if "location" in f.data else None,
        sudden=f.boolean("sudden") if "sudden" in f.data else False,
        sleep_h=f.number("sleep_h", 0, validation.MAX_SLEEP_H, " h", nullable=True) if "sleep_h" in f.data else None,
        fatigue=f.score("fatigue", nullable=True) if "fatigue" in f.data else None,
        note=_note(f),
    )


def _run_in(data: object, path: str, today: dt.date) -> Run:
    optional = ("kind", "distance_km", "rpe", "strides", "finish_s", "note", "start", "avg_hr", "source")
    f = Fields(data, path, "a run", ("date", "minutes"), optional)
    day = f.date("date", today)
    return Run(
        date=day,
        start=f.start_time("start", day) if f.data.get("start") is not None else None,
        avg_hr=f.integer("avg_hr", validation.MIN_HEART_RATE, validation.MAX_HEART_RATE, nullable=True)
        if "avg_hr" in f.data
        else None,
        source=_note(f, "source"),
        kind=f.choice("kind", RUN_KINDS) if "kind" in f.data else "easy",  # type: ignore[arg-type]
        minutes=f.number("minutes", 0, validation.MAX_RUN_MINUTES, " min", above=True),  # type: ignore[arg-type]
        distance_km=f.number("distance_km", 0, validation.MAX_RUN_KM, " km", nullable=True)
        if "distance_km" in f.data
        else None,
        rpe=f.score("rpe", nullable=True) if "rpe" in f.data else None,
        strides=f.integer("strides", 0, validation.MAX_STRIDES, nullable=True) if "strides" in f.data else None,
        finish_s=f.number("finish_s", 0, validation.MAX_FINISH_S, " s", nullable=True, above=True)
        if "finish_s" in f.data
        else None,
        note=_note(f),
    )


def _assessment_in(data: object, path: str, today: dt.date) -> Assessment:
    f = Fields(data, path, "an assessment", ("date", "test"), ("left", "right", "value"))
    day = f.date("date", today)
    test = f.choice("test", ASSESSMENT_TESTS)
    low, high, unit = TEST_BOUNDS[test]  # type: ignore[index]
    paired = test in PAIRED_TESTS
    needed, unused = (("left", "right"), ("value",)) if paired else (("value",), ("left", "right"))
    for key in unused:
        if f.has(key):
            kind = "a left/right test" if paired else "a single-value test"
            raise f.fail(key, f"not used: {test} is {kind}, give {' and '.join(needed)}")
    for key in needed:
        if not f.has(key):
            raise f.fail(key, f"missing: {test} needs {' and '.join(needed)}")
    measured = {key: f.number(key, low, high, unit) for key in needed}
    return Assessment(date=day, test=test, **measured)  # type: ignore[arg-type]


def _plan_in(data: object, path: str) -> PlanItem:
    optional = ("step", "deload", "why", "origin", "status")
    f = Fields(data, path, "a plan item", ("date", "exercise", "kind", "prescription"), optional)
    day = f.date("date")
    kind = f.choice("kind", PLAN_KINDS)
    if kind == "assessment" and f.raw("exercise") in ASSESSMENT_TESTS:
        # A planned reassessment names its test, which is not an exercise.
        exercise_slug, step = str(f.raw("exercise")), None
        if f.has("step"):
            raise f.fail("step", f"not used: {exercise_slug} is a test, it has no ladder")
    else:
        exercise = _exercise(f)
        exercise_slug, step = exercise.slug, _step(f, exercise)
    return PlanItem(
        date=day,
        exercise=exercise_slug,
        kind=kind,  # type: ignore[arg-type]
        prescription=_prescription_in(f.raw("prescription"), f.at("prescription")),
        step=step,
        deload=f.boolean("deload") if "deload" in f.data else False,
        why=_note(f, "why"),
        origin=f.choice("origin", PLAN_ORIGINS) if "origin" in f.data else "auto",  # type: ignore[arg-type]
        status=f.choice("status", PLAN_STATUSES) if "status" in f.data else "planned",  # type: ignore[arg-type]
    )


def _prescription_in(data: object, path: str) -> Prescription:
    f = Fields(data, path, "a prescription", ("sets", "reps"), ("hold_s", "tempo"))
    count: int = f.integer("sets", 1, sets.MAX_SETS)  # type: ignore[assignment]
    hold_s = f.integer("hold_s", 1, sets.MAX_HOLD_S, nullable=True) if "hold_s" in f.data else None
    values = as_list(f.raw("reps"), f.at("reps"), "reps per set")
    if len(values) != count and not (hold_s is not None and not values):
        raise f.fail("reps", f"has {len(values)} number{'' if len(values) == 1 else 's'} but sets is {count}: "
            "give one number of reps per set")
    reps = []
    for index, value in enumerate(values):
        where = item(f.at("reps"), index)
        if isinstance(value, bool) or not isinstance(value, int) or not 1 <= value <= sets.MAX_REPS:
            allowed = f"use a whole number from 1 to {sets.MAX_REPS}"
            raise InvalidInput(f"{where}: {show(value)} is not allowed: {allowed}", where)
        reps.append(value)
    return Prescription(sets=count, reps=tuple(reps), hold_s=hold_s, tempo=_tempo(f))
