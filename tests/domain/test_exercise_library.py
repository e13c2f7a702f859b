"""The exercise library: every slug of the design, its ladder, its coaching text and its figures."""

from __future__ import annotations

import json

import pytest

from hamjournal.domain.errors import InvalidInput
from hamjournal.domain.library.exercises import (
    EXERCISES,
    SLUGS,
    Exercise,
    exercises_json,
    format_exercise_text,
    get_exercise,
)
from hamjournal.domain.library.guides import DOSE_PHASES
from hamjournal.domain.library.tempo import parse_tempo

# The slugs as design.md lists them: stable identifiers in the database, CLI and JSON. The library may grow, but
# these never disappear; every other list of slugs in the tests is read from EXERCISES.
DESIGN_SLUGS = (
    "nordic", "sl-rdl", "bridge", "sl-bridge", "iso-hold", "split-squat", "hip-hinge", "slider-curl",
    "askling-extender", "askling-diver", "askling-glider", "calf-raise", "hip-thrust", "strides",
    "incline-accelerations",
)  # fmt: skip

# Step slugs other code and stored sessions depend on: they must never be renamed or reordered.
NORDIC_LADDER = ("hands-partial", "band-assisted", "incline", "bodyweight", "fast-lean", "weighted")

ALL = [pytest.param(EXERCISES[slug], id=slug) for slug in SLUGS]
STEPS = [
    pytest.param(EXERCISES[slug], index, step.slug, id=f"{slug}/{step.slug}")
    for slug in SLUGS
    for index, step in enumerate(EXERCISES[slug].ladder)
]
JSON_KEYS = {
    "slug", "name", "kind", "contraction", "dominance", "trains", "tempo", "holds", "steps", "default_step",
    "setup", "movement", "cues", "faults", "dose", "safety", "sources",
}  # fmt: skip


def test_library_has_every_design_slug_once() -> None:
    assert set(DESIGN_SLUGS) <= set(SLUGS)
    assert len(set(SLUGS)) == len(SLUGS)
    assert all(slug == exercise.slug for slug, exercise in EXERCISES.items())


def test_every_exercise_has_a_demo_movement() -> None:
    # The figures themselves are tested in test_pose.py.
    assert all(EXERCISES[slug].movement is not None for slug in SLUGS)


@pytest.mark.parametrize("exercise", ALL)
def test_short_name_fits_a_day_column(exercise: Exercise) -> None:
    # The week grid's day column is about eleven characters wide at 80 columns.
    assert 0 < len(exercise.short_name) <= 10


def test_nordic_ladder_slugs_are_unchanged() -> None:
    assert tuple(step.slug for step in get_exercise("nordic").ladder) == NORDIC_LADDER


@pytest.mark.parametrize("slug", DESIGN_SLUGS)
def test_get_exercise_by_slug(slug: str) -> None:
    assert get_exercise(slug).slug == slug
    assert get_exercise(f"  {slug.upper()} ").slug == slug


def test_unknown_exercise_lists_the_slugs() -> None:
    with pytest.raises(InvalidInput, match="exercise 'squat' is unknown: use one of nordic, sl-rdl"):
        get_exercise("squat")


@pytest.mark.parametrize(("exercise", "index", "step_slug"), STEPS)
def test_every_ladder_step_is_reachable_by_slug_and_index(exercise: Exercise, index: int, step_slug: str) -> None:
    assert exercise.step(step_slug) is exercise.ladder[index]
    assert exercise.step_index(step_slug) == index
    step = exercise.ladder[index]
    assert step.name and step.change


@pytest.mark.parametrize("exercise", ALL)
def test_step_not_on_the_ladder_is_rejected(exercise: Exercise) -> None:
    with pytest.raises(InvalidInput, match=f"not on the {exercise.name} ladder: use one of"):
        exercise.step("no-such-step")


@pytest.mark.parametrize("exercise", ALL)
def test_identity_and_kind(exercise: Exercise) -> None:
    assert exercise.kind in ("strength", "run-drill")
    assert exercise.contraction in ("eccentric", "isometric", "concentric", "mixed")
    assert exercise.dominance in ("knee", "hip", "both", "-")
    assert exercise.default_step in {step.slug for step in exercise.ladder}
    assert len({step.slug for step in exercise.ladder}) == len(exercise.ladder)
    assert exercise.holds == (exercise.contraction == "isometric")


@pytest.mark.parametrize("exercise", ALL)
def test_default_tempo_parses(exercise: Exercise) -> None:
    if exercise.kind == "run-drill":
        assert exercise.default_tempo is None
    else:
        assert exercise.default_tempo is not None
        assert str(parse_tempo(exercise.default_tempo)) == exercise.default_tempo


@pytest.mark.parametrize("exercise", ALL)
def test_coaching_text_is_complete(exercise: Exercise) -> None:
    guide = exercise.guide
    assert exercise.trains == guide.trains and len(guide.trains) > 20
    for name in ("setup", "movement", "cues", "faults", "safety", "sources"):
        items = getattr(guide, name)
        assert items, f"{exercise.slug} has no {name}"
        assert all(isinstance(item, str) and item.strip() for item in items)
    assert len(guide.movement) >= 3, "movement is step by step"
    assert tuple(phase for phase, _text in guide.dose) == DOSE_PHASES
    assert all(text.strip() for _phase, text in guide.dose)


@pytest.mark.parametrize(
    ("slug", "words"),
    [
        ("nordic", ("anchored", "hips extended", "slowly", "catch", "push")),
        ("askling-extender", ("90 degrees", "before pain")),
        ("askling-diver", ("standing", "arms forward")),
        ("askling-glider", ("support", "arms")),
        ("sl-rdl", ("hinge", "hips")),
    ],
)
def test_key_coaching_points_are_there(slug: str, words: tuple[str, ...]) -> None:
    text = format_exercise_text(get_exercise(slug)).lower()
    for word in words:
        assert word in text, f"{slug} text lacks {word!r}"


@pytest.mark.parametrize("slug", ["nordic", "askling-extender", "askling-diver", "askling-glider"])
def test_cornerstone_exercises_cite_the_trials(slug: str) -> None:
    sources = " ".join(get_exercise(slug).guide.sources)
    assert ("Petersen" in sources) if slug == "nordic" else ("Askling" in sources)


@pytest.mark.parametrize("exercise", ALL)
def test_plain_text_page(exercise: Exercise) -> None:
    text = format_exercise_text(exercise)
    assert text.splitlines()[0] == f"{exercise.name} ({exercise.slug})"
    for step in exercise.ladder:
        assert f"{step.slug}: {step.name}" in text
    assert f"* {exercise.default_step}:" in text
    for heading in ("Setup:", "Movement:", "Cues:", "Common faults:", "Dose:", "Safety:", "Sources:"):
        assert heading in text
    assert exercise.guide.sources[0] in text


def test_exercises_json_round_trips() -> None:
    data = exercises_json()
    assert [item["slug"] for item in data] == list(SLUGS)
    assert json.loads(json.dumps(data)) == data
    for item in data:
        assert set(item) == JSON_KEYS
        exercise = EXERCISES[item["slug"]]
        assert item["tempo"] == exercise.default_tempo
        assert [step["slug"] for step in item["steps"]] == [step.slug for step in exercise.ladder]
        assert set(item["steps"][0]) == {"slug", "name", "change"}
        assert list(item["dose"]) == list(DOSE_PHASES)
        assert item["movement"] == list(exercise.guide.movement)
