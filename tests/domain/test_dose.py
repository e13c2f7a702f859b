"""Dose levels, progress/regress/lapse targets, deloads and the Petersen programme."""

from __future__ import annotations

import pytest

from hamjournal.domain.errors import InvalidInput
from hamjournal.domain.library.doses import (
    DOSES,
    deload_prescription,
    dose_levels,
    entry_dose,
    lapse_steps,
    lapse_target,
    match_level,
    next_dose,
    nordic_programme_week,
    prescription_from_sets,
    previous_dose,
    progress_target,
    regress_target,
)
from hamjournal.domain.library.exercises import EXERCISES, SLUGS
from hamjournal.domain.library.sets import parse_sets
from hamjournal.domain.models import Prescription


def rx(*reps: int, hold_s: int | None = None) -> Prescription:
    return Prescription(len(reps), tuple(reps), hold_s)


def test_every_exercise_has_doses() -> None:
    assert set(DOSES) == set(SLUGS)
    assert all(DOSES[slug] is EXERCISES[slug].doses for slug in SLUGS)


@pytest.mark.parametrize("slug", SLUGS)
def test_levels_climb_strictly(slug: str) -> None:
    levels = dose_levels(slug)
    assert len(levels) >= 2
    for index, level in enumerate(levels):
        assert match_level(slug, level.prescription()) == index
        assert level.sets == len(level.reps)


def test_unknown_exercise_is_refused() -> None:
    with pytest.raises(InvalidInput):
        dose_levels("leg-press")


@pytest.mark.parametrize(
    ("week", "per_week", "reps"),
    [
        (1, 1, (5, 5)),
        (2, 2, (6, 6)),
        (3, 3, (6, 6, 6)),
        (4, 3, (8, 8, 8)),
        (5, 3, (12, 10, 8)),
        (10, 3, (12, 10, 8)),
        (11, 1, (12, 10, 8)),
        (52, 1, (12, 10, 8)),
    ],
)
def test_nordic_programme_week(week: int, per_week: int, reps: tuple[int, ...]) -> None:
    sessions, prescription = nordic_programme_week(week)
    assert sessions == per_week
    assert prescription.reps == reps
    assert prescription.sets == len(reps)
    assert prescription.tempo == "4-0-1-0"


@pytest.mark.parametrize("week", [0, -1])
def test_nordic_programme_week_starts_at_one(week: int) -> None:
    with pytest.raises(InvalidInput):
        nordic_programme_week(week)


def test_nordic_levels_follow_petersen() -> None:
    reps = [level.reps for level in dose_levels("nordic")]
    assert reps[0] == (5, 5) and reps[-1] == (12, 10, 8)
    assert [level.sessions_per_week for level in dose_levels("nordic")][:3] == [1, 2, 3]


@pytest.mark.parametrize(
    ("done", "level"),
    [
        (rx(5, 5), 0),
        (rx(4, 4), 0),  # below entry counts as entry
        (rx(6, 6), 1),
        (rx(6, 6, 6), 2),
        (rx(8, 8, 8), 3),
        (rx(10, 10, 10), 4),
        (rx(12, 10, 8), 5),
        (rx(8, 6, 4), 2),
    ],
)
def test_match_level_nordic(done: Prescription, level: int) -> None:
    assert match_level("nordic", done) == level


def test_next_and_previous_dose_at_the_ends() -> None:
    assert next_dose("nordic", rx(12, 10, 8)) is None
    assert previous_dose("nordic", rx(5, 5)) is None
    assert next_dose("nordic", rx(5, 5)).reps == (6, 6)
    assert previous_dose("nordic", rx(6, 6)).reps == (5, 5)


@pytest.mark.parametrize(
    ("step", "current", "target_step", "target_reps"),
    [
        ("band-assisted", rx(5, 5), "band-assisted", (6, 6)),
        ("band-assisted", rx(10, 10, 10), "band-assisted", (12, 10, 8)),
        ("band-assisted", rx(12, 10, 8), "incline", (12, 10, 8)),  # top dose: next step, the programme dose kept
        ("weighted", rx(12, 10, 8), "weighted", (12, 10, 8)),  # top of the ladder: nowhere to go
    ],
)
def test_progress_target(step: str, current: Prescription, target_step: str, target_reps: tuple[int, ...]) -> None:
    assert progress_target("nordic", step, current)[0] == target_step
    assert progress_target("nordic", step, current)[1].reps == target_reps


@pytest.mark.parametrize(
    ("step", "current", "target_step", "target_reps"),
    [
        ("incline", rx(6, 6), "incline", (5, 5)),
        ("incline", rx(12, 10, 8), "incline", (10, 10, 10)),
        ("incline", rx(5, 5), "band-assisted", (5, 5)),  # bottom dose: previous step
        ("hands-partial", rx(5, 5), "hands-partial", (5, 5)),  # easiest of all: stays
    ],
)
def test_regress_target(step: str, current: Prescription, target_step: str, target_reps: tuple[int, ...]) -> None:
    assert regress_target("nordic", step, current)[0] == target_step
    assert regress_target("nordic", step, current)[1].reps == target_reps


@pytest.mark.parametrize(("gap", "moves"), [(0, 0), (7, 0), (8, 1), (14, 1), (15, 2), (60, 2)])
def test_lapse_steps_boundaries(gap: int, moves: int) -> None:
    assert lapse_steps(gap) == moves


@pytest.mark.parametrize(
    ("gap", "target_step", "target_reps"),
    [(7, "bodyweight", (8, 8, 8)), (8, "bodyweight", (6, 6, 6)), (14, "bodyweight", (6, 6, 6)),
     (15, "bodyweight", (6, 6)), (15, "bodyweight", (6, 6))],
)
def test_lapse_target(gap: int, target_step: str, target_reps: tuple[int, ...]) -> None:
    step, dose = lapse_target("nordic", "bodyweight", rx(8, 8, 8), gap)
    assert (step, dose.reps) == (target_step, target_reps)


def test_lapse_crosses_a_step_at_the_bottom() -> None:
    assert lapse_target("nordic", "incline", rx(6, 6), 20)[0] == "band-assisted"


@pytest.mark.parametrize(
    ("before", "after"),
    [
        (rx(12, 10, 8), (12, 10)),
        (rx(10, 10, 10, 10, 10), (10, 10, 10)),
        (rx(6, 6), (6,)),
        (Prescription(1, (6,)), (4,)),  # one set: cut its reps instead
        (Prescription(1, (1,)), (1,)),
    ],
)
def test_deload_cuts_about_forty_percent(before: Prescription, after: tuple[int, ...]) -> None:
    cut = deload_prescription(before)
    assert cut.reps == after
    assert cut.sets == len(after)


def test_deload_keeps_hold_and_tempo() -> None:
    cut = deload_prescription(Prescription(5, (1,) * 5, 45, "0-0-0-0"))
    assert (cut.sets, cut.hold_s, cut.tempo) == (3, 45, "0-0-0-0")


@pytest.mark.parametrize("text", ["6", "6x1", "3/3"])
def test_strides_count_efforts(text: str) -> None:
    assert prescription_from_sets("strides", parse_sets(text)).reps == (6,)


def test_holds_keep_the_shortest_hold() -> None:
    done = prescription_from_sets("iso-hold", parse_sets("30s/45s/40s"))
    assert (done.sets, done.hold_s) == (3, 30)
    assert match_level("iso-hold", done) == 0


def test_reps_keep_their_order() -> None:
    assert prescription_from_sets("nordic", parse_sets("12/10/8")).reps == (12, 10, 8)


def test_empty_sets_are_refused() -> None:
    with pytest.raises(InvalidInput):
        prescription_from_sets("nordic", ())


@pytest.mark.parametrize("slug", SLUGS)
def test_entry_dose_uses_default_tempo(slug: str) -> None:
    assert entry_dose(slug).tempo == EXERCISES[slug].default_tempo
