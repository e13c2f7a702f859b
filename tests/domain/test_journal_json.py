"""Journal JSON v1: the design's shape, lossless round trips, and one clear message per bad record."""

from __future__ import annotations

import copy
import datetime as dt
import json
from collections.abc import Callable
from typing import Any

import pytest

from hamjournal.domain.errors import InvalidInput
from hamjournal.domain.formats.journal_json import dumps_journal, journal_from_dict, journal_to_dict, loads_journal
from hamjournal.domain.models import (
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

TODAY = dt.date(2026, 11, 24)

# Copied verbatim from design.md, "Journal JSON, version 1".
DESIGN_EXAMPLE = """
{
  "format": "hamjournal", "version": 1,
  "profile": {
    "units": "metric", "mode": "prevention",
    "running_days": ["mon", "tue", "thu", "sat", "sun"], "long_run_day": "sun",
    "hard_days": ["tue"], "strength_days": ["thu"],
    "injuries": [{"date": "2025-05-10", "side": "left", "grade": 1, "note": ""}],
    "races": [{"date": "2027-04-12", "name": "City 10K", "distance_km": 10, "priority": "A"}]
  },
  "sessions": [
    {"date": "2026-11-02", "exercise": "nordic", "step": "band-assisted", "tempo": "4-0-1-0",
     "sets": [{"reps": 5, "side": "both", "load_kg": 0, "hold_s": null}],
     "rpe": 7, "pain_during": 2, "note": ""}
  ],
  "symptoms": [
    {"date": "2026-11-03", "when": "morning", "pain": 1, "stiffness": 2, "side": "left",
     "location": "proximal", "sudden": false, "sleep_h": 7.5, "fatigue": 2, "note": ""}
  ],
  "runs": [
    {"date": "2026-11-02", "kind": "easy", "minutes": 40, "distance_km": 8.0, "rpe": 4,
     "strides": 6, "finish_s": null, "note": ""}
  ],
  "assessments": [{"date": "2026-11-01", "test": "sl-bridge-reps", "left": 22, "right": 25}]
}
"""


def full_journal() -> Journal:
    """A journal that uses every record type, holds, nulls, a future race and plan items."""
    return Journal(
        profile=Profile(
            mode="rehab",
            strength_days=("mon", "thu"),
            injuries=(Injury(dt.date(2025, 5, 10), "left", 2, "sprint, 400 m to go"),),
            races=(Race(dt.date(2027, 4, 11), "City 10K", 10.0, "A"), Race(dt.date(2026, 10, 4), "Park 5K", 5.0, "B")),
            deload_every=4,
            nordic_ability="partial",
        ),
        sessions=(
            Session(
                dt.date(2026, 11, 20),
                "iso-hold",
                (SetEntry(None, "left", 0.0, 30), SetEntry(None, "right", 0.0, 30)),
                "single-leg",
                "0-0-0-0",
                5,
                0,
            ),
            Session(
                dt.date(2026, 11, 2),
                "nordic",
                (SetEntry(6), SetEntry(6), SetEntry(5)),
                "band-assisted",
                "4-0-1-0",
                7,
                2,
                "løb: «tight» at the end",
            ),
            Session(
                dt.date(2026, 11, 20),
                "sl-rdl",
                (SetEntry(8, "left", 12.5), SetEntry(8, "right", 12.5)),
                "light",
                "3-1-X-0",
                None,
                None,
            ),
        ),
        symptoms=(
            SymptomLog(dt.date(2026, 11, 3), 1, "morning", 2, "left", "proximal", False, 7.5, 2),
            SymptomLog(dt.date(2026, 11, 3), 3, "after", None, "both", None, True, None, None, "a twinge"),
        ),
        runs=(
            Run(dt.date(2026, 11, 2), 40.0, "easy", 8.0, 4, 6),
            Run(dt.date(2026, 11, 4), 52.5, "intervals", 10.4, 8, None, 14.2, "6 x 3 min"),
            Run(dt.date(2026, 11, 5), 45.0, "cross", None, None),
        ),
        assessments=(
            Assessment(dt.date(2026, 11, 1), "sl-bridge-reps", left=22.0, right=25.0),
            Assessment(dt.date(2026, 11, 1), "nordic-lowering-s", value=4.5),
        ),
        plan=(
            PlanItem(
                dt.date(2026, 11, 26),
                "nordic",
                "strength",
                Prescription(2, (6, 6), None, "4-0-1-0"),
                "band-assisted",
                False,
                "after Thursday's easy run",
            ),
            PlanItem(
                dt.date(2026, 11, 27),
                "iso-hold",
                "strength",
                Prescription(3, (), 45, None),
                "bilateral",
                True,
                "deload week",
                "manual",
                "skipped",
            ),
            PlanItem(dt.date(2026, 12, 1), "sl-bridge-reps", "assessment", Prescription(1, (1,))),
        ),
    )


def base() -> dict[str, Any]:
    """A valid journal dict to break one field at a time."""
    return journal_to_dict(full_journal())


# --- round trips and the design's shape


def test_dict_round_trip_is_identical() -> None:
    data = base()
    assert journal_to_dict(journal_from_dict(copy.deepcopy(data), TODAY)) == data


def test_text_round_trip_is_identical() -> None:
    text = dumps_journal(full_journal())
    assert dumps_journal(loads_journal(text, TODAY)) == text
    assert "«tight»" in text  # notes stay readable, not \u-escaped


def test_export_sorts_by_date_keeping_same_day_order() -> None:
    sessions = base()["sessions"]
    assert [(s["date"], s["exercise"]) for s in sessions] == [
        ("2026-11-02", "nordic"),
        ("2026-11-20", "iso-hold"),
        ("2026-11-20", "sl-rdl"),
    ]


def test_design_example_parses() -> None:
    journal = loads_journal(DESIGN_EXAMPLE, TODAY)
    assert journal.profile.races[0].name == "City 10K"
    assert journal.profile.injuries[0].date == dt.date(2025, 5, 10)
    assert journal.sessions[0].sets == (SetEntry(reps=5, side="both", load_kg=0.0, hold_s=None),)
    assert journal.sessions[0].pain_during == 2
    assert journal.symptoms[0].sleep_h == 7.5
    assert journal.runs[0].distance_km == 8.0
    assert journal.assessments[0].left == 22 and journal.assessments[0].right == 25


def test_export_writes_the_design_shape_exactly() -> None:
    design = json.loads(DESIGN_EXAMPLE)
    out = journal_to_dict(loads_journal(DESIGN_EXAMPLE, TODAY))
    extras = {"deload_every": 5, "nordic_ability": "none"}
    assert out["profile"] == {**design["profile"], **extras}
    assert list(out["profile"])[: len(design["profile"])] == list(design["profile"])
    for section in ("sessions", "symptoms", "runs", "assessments"):
        # Compared as text so 40 vs 40.0 and key order count too.
        assert json.dumps(out[section]) == json.dumps(design[section]), section
    assert list(out) == ["format", "version", "profile", "sessions", "symptoms", "runs", "assessments", "plan"]
    assert out["plan"] == []


def test_plan_section_shape() -> None:
    item = base()["plan"][0]
    assert item == {
        "date": "2026-11-26",
        "exercise": "nordic",
        "step": "band-assisted",
        "kind": "strength",
        "prescription": {"sets": 2, "reps": [6, 6], "hold_s": None, "tempo": "4-0-1-0"},
        "deload": False,
        "why": "after Thursday's easy run",
        "origin": "auto",
        "status": "planned",
    }


def test_optional_keys_may_be_missing_or_null() -> None:
    data = base()
    for key in ("sleep_h", "fatigue", "location", "stiffness", "note", "sudden"):
        del data["symptoms"][0][key]
    data["symptoms"][1]["sleep_h"] = None
    for key in ("step", "tempo", "rpe", "pain_during", "note"):
        del data["sessions"][0][key]
    del data["runs"][0]["finish_s"]
    del data["plan"]
    journal = journal_from_dict(data, TODAY)
    assert journal.symptoms[0].sleep_h is None and journal.symptoms[0].location is None
    assert journal.symptoms[0].sudden is False
    assert journal.sessions[0].step is None and journal.sessions[0].rpe is None
    assert journal.plan == ()


def test_future_races_and_plan_items_are_fine() -> None:
    data = base()
    data["profile"]["races"][0]["date"] = "2030-01-01"
    data["plan"][0]["date"] = "2030-01-01"
    journal = journal_from_dict(data, TODAY)
    assert journal.profile.races[0].date == dt.date(2030, 1, 1)


def test_logged_today_is_fine() -> None:
    data = base()
    data["sessions"][0]["date"] = TODAY.isoformat()
    assert journal_from_dict(data, TODAY).sessions[0].date == TODAY


def test_tempo_is_stored_in_canonical_spelling() -> None:
    data = base()
    data["sessions"][0]["tempo"] = "3-1-x-0"
    assert journal_from_dict(data, TODAY).sessions[0].tempo == "3-1-X-0"


def test_error_carries_the_field_path() -> None:
    data = base()
    data["symptoms"][1]["pain"] = 11
    with pytest.raises(InvalidInput) as caught:
        journal_from_dict(data, TODAY)
    assert caught.value.field == "symptoms[1].pain"


# --- bad records: each raises one message naming the record and field

Mutate = Callable[[dict[str, Any]], object]


def _set(path: tuple[object, ...], value: object) -> Mutate:
    def apply(data: dict[str, Any]) -> None:
        target: Any = data
        for key in path[:-1]:
            target = target[key]
        target[path[-1]] = value

    return apply


def _drop(path: tuple[object, ...]) -> Mutate:
    def apply(data: dict[str, Any]) -> None:
        target: Any = data
        for key in path[:-1]:
            target = target[key]
        del target[path[-1]]

    return apply


BAD: list[tuple[str, Mutate, str]] = [
    (
        "pain 11",
        _set(("symptoms", 0, "pain"), 11),
        "symptoms[0].pain: 11 is not allowed: use a whole number from 0 to 10",
    ),
    (
        "pain_during 11",
        _set(("sessions", 0, "pain_during"), 11),
        "sessions[0].pain_during: 11 is not allowed: use a whole number from 0 to 10",
    ),
    ("pain as a string", _set(("symptoms", 0, "pain"), "3"), "symptoms[0].pain: '3' is a string: use a whole number"),
    ("pain null", _set(("symptoms", 0, "pain"), None), "symptoms[0].pain: null is not allowed"),
    ("pain 2.5", _set(("symptoms", 1, "pain"), 2.5), "symptoms[1].pain: 2.5 is not allowed"),
    ("rpe -1", _set(("sessions", 1, "rpe"), -1), "sessions[1].rpe: -1 is not allowed: use a whole number from 0 to 10"),
    ("stiffness 11", _set(("symptoms", 0, "stiffness"), 11), "symptoms[0].stiffness: 11 is not allowed"),
    (
        "fatigue true",
        _set(("symptoms", 0, "fatigue"), True),
        "symptoms[0].fatigue: true is a true/false value: use a whole number",
    ),
    (
        "sleep 25 h",
        _set(("symptoms", 0, "sleep_h"), 25),
        "symptoms[0].sleep_h: 25 is not allowed: use a number from 0 to 24 h",
    ),
    (
        "unknown exercise",
        _set(("sessions", 0, "exercise"), "nordics"),
        "sessions[0].exercise: 'nordics' is unknown: use one of",
    ),
    ("exercise not a string", _set(("sessions", 0, "exercise"), 3), "sessions[0].exercise: 3 is a number"),
    (
        "step not on ladder",
        _set(("sessions", 0, "step"), "flying"),
        "sessions[0].step: 'flying' is not on the Nordic hamstring curl ladder",
    ),
    (
        "step of another exercise",
        _set(("sessions", 2, "step"), "bodyweight-plus"),
        "sessions[2].step: 'bodyweight-plus'",
    ),
    ("tempo 3-1", _set(("sessions", 0, "tempo"), "3-1"), "sessions[0].tempo: '3-1' not understood"),
    (
        "unknown top-level key",
        _set(("settings",), {}),
        "settings: unknown key in a hamjournal journal: use only format",
    ),
    ("unknown profile key", _set(("profile", "colour"), "red"), "profile.colour: unknown key in the profile"),
    ("unknown session key", _set(("sessions", 0, "weight"), 70), "sessions[0].weight: unknown key in a session"),
    (
        "unknown set key",
        _set(("sessions", 0, "sets", 0, "tempo"), "4-0-1-0"),
        "sessions[0].sets[0].tempo: unknown key in a set",
    ),
    ("unknown run key", _set(("runs", 0, "pace"), "5:00"), "runs[0].pace: unknown key in a run"),
    (
        "session without a date",
        _drop(("sessions", 1, "date")),
        "sessions[1].date: missing: a session needs date, exercise, sets",
    ),
    ("run without minutes", _drop(("runs", 0, "minutes")), "runs[0].minutes: missing"),
    ("set without reps", _drop(("sessions", 0, "sets", 0, "reps")), "sessions[0].sets[0].reps: missing"),
    ("wrong format", _set(("format",), "strava"), "format: 'strava' is not a hamjournal journal"),
    ("no format", _drop(("format",)), "format: missing"),
    ("version 2", _set(("version",), 2), "version: 2 is not supported: this hamjournal reads Journal JSON version 1"),
    ("version as a string", _set(("version",), "1"), "version: '1' is not supported"),
    ("future session", _set(("sessions", 0, "date"), "2026-11-25"), "sessions[0].date: 2026-11-25 is in the future"),
    ("future check-in", _set(("symptoms", 1, "date"), "2027-01-01"), "symptoms[1].date: 2027-01-01 is in the future"),
    ("future run", _set(("runs", 2, "date"), "2026-12-01"), "runs[2].date: 2026-12-01 is in the future"),
    (
        "future assessment",
        _set(("assessments", 0, "date"), "2026-12-01"),
        "assessments[0].date: 2026-12-01 is in the future",
    ),
    (
        "month 13",
        _set(("sessions", 0, "date"), "2026-13-01"),
        "sessions[0].date: '2026-13-01' is not a date: write it as YYYY-MM-DD",
    ),
    ("compact date", _set(("runs", 0, "date"), "20261102"), "runs[0].date: '20261102' is not a date"),
    ("date as a number", _set(("runs", 0, "date"), 20261102), "runs[0].date: 20261102 is not a date"),
    ("no sets", _set(("sessions", 0, "sets"), []), "sessions[0].sets: has 0 sets: log 1 to 20 sets"),
    ("21 sets", _set(("sessions", 0, "sets"), [{"reps": 5}] * 21), "sessions[0].sets: has 21 sets"),
    (
        "sets not a list",
        _set(("sessions", 0, "sets"), "3x6"),
        "sessions[0].sets: expected a list of sets, found a string",
    ),
    (
        "reps 0",
        _set(("sessions", 1, "sets", 0, "reps"), 0),
        "sessions[1].sets[0].reps: 0 is not allowed: use a whole number from 1 to 100",
    ),
    ("hold 601 s", _set(("sessions", 1, "sets", 1, "hold_s"), 601), "sessions[1].sets[1].hold_s: 601 is not allowed"),
    (
        "reps and hold",
        _set(("sessions", 0, "sets", 0, "hold_s"), 30),
        "sessions[0].sets[0].hold_s: 30 given with reps 6",
    ),
    ("neither reps nor hold", _set(("sessions", 0, "sets", 0, "reps"), None), "sessions[0].sets[0].reps: is null"),
    ("set side up", _set(("sessions", 0, "sets", 0, "side"), "up"), "sessions[0].sets[0].side: 'up' is not allowed"),
    ("load -5 kg", _set(("sessions", 2, "sets", 0, "load_kg"), -5), "sessions[2].sets[0].load_kg: -5 is not allowed"),
    (
        "unknown test",
        _set(("assessments", 0, "test"), "vo2max"),
        "assessments[0].test: 'vo2max' is not allowed: use one of",
    ),
    (
        "paired test without right",
        _drop(("assessments", 0, "right")),
        "assessments[0].right: missing: sl-bridge-reps needs left and right",
    ),
    ("single test with left", _set(("assessments", 1, "left"), 3), "assessments[1].left: not used: nordic-lowering-s"),
    ("single test without value", _drop(("assessments", 1, "value")), "assessments[1].value: missing"),
    ("lowering time of 700 s", _set(("assessments", 1, "value"), 700), "assessments[1].value: 700 is not allowed"),
    (
        "when noon",
        _set(("symptoms", 0, "when"), "noon"),
        "symptoms[0].when: 'noon' is not allowed: use one of morning, after, evening, during-run",
    ),
    (
        "location knee",
        _set(("symptoms", 0, "location"), "knee"),
        "symptoms[0].location: 'knee' is not allowed: use one of proximal, middle, distal",
    ),
    (
        "side up",
        _set(("symptoms", 1, "side"), "up"),
        "symptoms[1].side: 'up' is not allowed: use one of left, right, both",
    ),
    ("sudden yes", _set(("symptoms", 0, "sudden"), "yes"), "symptoms[0].sudden: 'yes' is a string: use true or false"),
    ("sudden 1", _set(("symptoms", 0, "sudden"), 1), "symptoms[0].sudden: 1 is a number: use true or false"),
    (
        "minutes 0",
        _set(("runs", 0, "minutes"), 0),
        "runs[0].minutes: 0 is not allowed: use a number above 0 to 1440 min",
    ),
    ("minutes 1441", _set(("runs", 1, "minutes"), 1441), "runs[1].minutes: 1441 is not allowed"),
    (
        "km 501",
        _set(("runs", 0, "distance_km"), 501),
        "runs[0].distance_km: 501 is not allowed: use a number from 0 to 500 km",
    ),
    ("run kind jog", _set(("runs", 0, "kind"), "jog"), "runs[0].kind: 'jog' is not allowed"),
    ("finish 0 s", _set(("runs", 1, "finish_s"), 0), "runs[1].finish_s: 0 is not allowed"),
    ("strides 51", _set(("runs", 0, "strides"), 51), "runs[0].strides: 51 is not allowed"),
    ("note not text", _set(("runs", 0, "note"), 5), "runs[0].note: 5 is a number: use text in quotes"),
    ("note too long", _set(("runs", 0, "note"), "x" * 2001), "runs[0].note: is 2001 characters long"),
    (
        "mode recovery",
        _set(("profile", "mode"), "recovery"),
        "profile.mode: 'recovery' is not allowed: use one of prevention, rehab",
    ),
    ("units imperial", _set(("profile", "units"), "imperial"), "profile.units: 'imperial' is not allowed"),
    (
        "weekday funday",
        _set(("profile", "running_days", 1), "funday"),
        "profile.running_days[1]: 'funday' is not allowed",
    ),
    ("weekday twice", _set(("profile", "hard_days"), ["tue", "tue"]), "profile.hard_days[1]: 'tue' is listed twice"),
    ("deload every 9", _set(("profile", "deload_every"), 9), "profile.deload_every: 9 is not allowed"),
    (
        "race priority D",
        _set(("profile", "races", 0, "priority"), "D"),
        "profile.races[0].priority: 'D' is not allowed",
    ),
    ("race without name", _drop(("profile", "races", 1, "name")), "profile.races[1].name: missing"),
    ("injury grade 4", _set(("profile", "injuries", 0, "grade"), 4), "profile.injuries[0].grade: 4 is not allowed"),
    (
        "injury in the future",
        _set(("profile", "injuries", 0, "date"), "2027-01-01"),
        "profile.injuries[0].date: 2027-01-01 is in the future",
    ),
    ("sessions not a list", _set(("sessions",), {}), "sessions: expected a list of sessions, found an object"),
    ("session not an object", _set(("sessions", 1), "nordic 3x6"), "sessions[1]: expected a session as an object"),
    ("plan kind", _set(("plan", 0, "kind"), "run"), "plan[0].kind: 'run' is not allowed: use one of strength"),
    ("plan status", _set(("plan", 1, "status"), "done"), "plan[1].status: 'done' is not allowed"),
    ("plan deload yes", _set(("plan", 0, "deload"), "yes"), "plan[0].deload: 'yes' is a string"),
    (
        "plan reps vs sets",
        _set(("plan", 0, "prescription", "reps"), [6]),
        "plan[0].prescription.reps: has 1 number but sets is 2",
    ),
    (
        "plan reps 0",
        _set(("plan", 0, "prescription", "reps"), [6, 0]),
        "plan[0].prescription.reps[1]: 0 is not allowed",
    ),
    (
        "plan bad tempo",
        _set(("plan", 0, "prescription", "tempo"), "slow"),
        "plan[0].prescription.tempo: 'slow' not understood",
    ),
]


@pytest.mark.parametrize(("mutate", "message"), [(m, msg) for _, m, msg in BAD], ids=[name for name, _, _ in BAD])
def test_bad_record_is_refused_with_its_path(mutate: Mutate, message: str) -> None:
    data = base()
    mutate(data)
    with pytest.raises(InvalidInput) as caught:
        journal_from_dict(data, TODAY)
    assert str(caught.value).startswith(message), str(caught.value)


@pytest.mark.parametrize(
    ("root", "message"),
    [([], "journal: expected a JSON object"), ("hamjournal", "journal: expected a JSON object"), (None, "journal:")],
)
def test_root_must_be_an_object(root: object, message: str) -> None:
    with pytest.raises(InvalidInput, match=message):
        journal_from_dict(root, TODAY)


def test_version_is_checked_before_unknown_keys() -> None:
    data = base()
    data["version"] = 2
    data["settings"] = {}
    with pytest.raises(InvalidInput, match=r"^version: 2 is not supported"):
        journal_from_dict(data, TODAY)


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("{", "not valid JSON at line 1 column 2: "),
        ('{"format": "hamjournal",\n "version": 1,,}', "not valid JSON at line 2 column 15: "),
        ("", "not valid JSON at line 1 column 1: "),
        (
            '{"format": "hamjournal", "version": 1, "runs": [{"date": "2026-11-01", "minutes": NaN}]}',
            "not valid JSON: NaN is not a number JSON allows",
        ),
        ('{"format": "hamjournal", "format": "hamjournal", "version": 1}', "not a valid journal: the key 'format'"),
    ],
)
def test_bad_json_text(text: str, message: str) -> None:
    with pytest.raises(InvalidInput) as caught:
        loads_journal(text, TODAY)
    assert str(caught.value).startswith(message), str(caught.value)
