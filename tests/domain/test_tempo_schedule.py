"""The tempo player's schedule: which phase, set and rep a runner is in after so many seconds."""

from __future__ import annotations

import itertools
import math

import pytest
from hypothesis import given
from hypothesis import strategies as st

from hamjournal.domain.errors import InvalidInput
from hamjournal.domain.library.tempo import (
    DEFAULT_REST_S,
    Phase,
    PlayerPlan,
    Tempo,
    make_plan,
    next_boundary,
    phase_at,
    phase_boundaries,
    plan_from_prescription,
    total_duration,
)
from hamjournal.domain.models import Prescription

L, P, U, T, H, R, D = (Phase.LOWER, Phase.PAUSE, Phase.UP, Phase.PAUSE_TOP, Phase.HOLD, Phase.REST, Phase.DONE)

NORDIC_2X5 = make_plan(2, 5, "4-0-1-0", rest_s=60)
# (start second, phase, set, rep): every boundary of a 2x5 Nordic at 4-0-1-0 with 60 s rest, written out.
NORDIC_2X5_TABLE = [
    (0, L, 1, 1), (4, U, 1, 1), (5, L, 1, 2), (9, U, 1, 2), (10, L, 1, 3), (14, U, 1, 3),
    (15, L, 1, 4), (19, U, 1, 4), (20, L, 1, 5), (24, U, 1, 5), (25, R, 1, 5),
    (85, L, 2, 1), (89, U, 2, 1), (90, L, 2, 2), (94, U, 2, 2), (95, L, 2, 3), (99, U, 2, 3),
    (100, L, 2, 4), (104, U, 2, 4), (105, L, 2, 5), (109, U, 2, 5), (110, D, 2, 5),
]  # fmt: skip

EXPLOSIVE_4_3 = make_plan(2, (4, 3), "3-1-X-0", rest_s=90)
# 3-1-X-0: lower 3 s, pause 1 s, explosive lift counted as 1 s, no top pause; 4 reps then 3 reps.
EXPLOSIVE_TABLE = [
    (0, L, 1, 1), (3, P, 1, 1), (4, U, 1, 1), (5, L, 1, 2), (8, P, 1, 2), (9, U, 1, 2),
    (10, L, 1, 3), (13, P, 1, 3), (14, U, 1, 3), (15, L, 1, 4), (18, P, 1, 4), (19, U, 1, 4),
    (20, R, 1, 4),
    (110, L, 2, 1), (113, P, 2, 1), (114, U, 2, 1), (115, L, 2, 2), (118, P, 2, 2), (119, U, 2, 2),
    (120, L, 2, 3), (123, P, 2, 3), (124, U, 2, 3), (125, D, 2, 3),
]  # fmt: skip

HOLD_3X30 = make_plan(3, hold_s=30, tempo="0-0-0-0", rest_s=60)
HOLD_TABLE = [(0, H, 1, 1), (30, R, 1, 1), (90, H, 2, 1), (120, R, 2, 1), (180, H, 3, 1), (210, D, 3, 1)]

ALL_FOUR = make_plan(1, 2, "2-1-2-1", rest_s=60)
ALL_FOUR_TABLE = [(0, L, 1, 1), (2, P, 1, 1), (3, U, 1, 1), (5, T, 1, 1), (6, L, 1, 2), (8, P, 1, 2),
                  (9, U, 1, 2), (11, T, 1, 2), (12, D, 1, 2)]  # fmt: skip

CASES = [
    ("nordic 2x5 4-0-1-0", NORDIC_2X5, NORDIC_2X5_TABLE),
    ("2 sets 4+3 at 3-1-X-0", EXPLOSIVE_4_3, EXPLOSIVE_TABLE),
    ("hold 3x30s", HOLD_3X30, HOLD_TABLE),
    ("1x2 at 2-1-2-1", ALL_FOUR, ALL_FOUR_TABLE),
]
ROWS = [
    pytest.param(plan, table, i, id=f"{name} #{i} {table[i][1].value}@{table[i][0]}s")
    for name, plan, table in CASES
    for i in range(len(table))
]


@pytest.mark.parametrize(("name", "plan", "table"), CASES, ids=[c[0] for c in CASES])
def test_boundaries_match_the_written_schedule(name: str, plan: PlayerPlan, table: list) -> None:
    assert phase_boundaries(plan) == [(start, phase) for start, phase, _set, _rep in table]
    assert total_duration(plan) == table[-1][0]


@pytest.mark.parametrize(("plan", "table", "i"), ROWS)
def test_state_at_and_around_each_boundary(plan: PlayerPlan, table: list, i: int) -> None:
    start, phase, set_number, rep = table[i]
    at = phase_at(plan, start)
    assert (at.phase, at.set, at.rep) == (phase, set_number, rep)
    if phase is D:
        assert at.done and at.seconds_left == 0 and at.fraction == 1.0
    else:
        length = table[i + 1][0] - start
        assert not at.done
        assert at.duration_s == length
        assert at.seconds_left == length and at.fraction == 0.0
        inside = phase_at(plan, start + 0.5)
        assert (inside.phase, inside.set, inside.rep) == (phase, set_number, rep)
        assert inside.seconds_left == pytest.approx(length - 0.5)
        assert inside.fraction == pytest.approx(0.5 / length)
    if i > 0:
        before_start, before_phase, before_set, before_rep = table[i - 1]
        just_before = phase_at(plan, start - 0.001)
        assert (just_before.phase, just_before.set, just_before.rep) == (before_phase, before_set, before_rep)
        assert just_before.seconds_left == pytest.approx(0.001)
        assert just_before.fraction == pytest.approx(1 - 0.001 / (start - before_start))


@pytest.mark.parametrize(
    ("plan", "total"),
    [
        (NORDIC_2X5, 2 * 5 * 5 + 60),
        (EXPLOSIVE_4_3, 7 * 5 + 90),
        (HOLD_3X30, 3 * 30 + 2 * 60),
        (make_plan(3, (12, 10, 8), "4-0-1-0"), 30 * 5 + 2 * DEFAULT_REST_S),
        (make_plan(1, 1, "X-0-X-0"), 2),
        (make_plan(4, 6, "3-0-1-0", rest_s=0), 4 * 6 * 4),
    ],
)
def test_total_duration(plan: PlayerPlan, total: int) -> None:
    assert total_duration(plan) == total
    assert phase_at(plan, total).done
    assert not phase_at(plan, total - 0.01).done


def test_zero_second_phases_and_rest_after_last_set_never_appear() -> None:
    phases = {phase for _start, phase in phase_boundaries(NORDIC_2X5)}
    assert phases == {L, U, R, D}
    no_rest = make_plan(3, 4, "3-0-1-0", rest_s=0)
    assert R not in {phase for _start, phase in phase_boundaries(no_rest)}
    assert phase_boundaries(NORDIC_2X5)[-2][1] is U  # the last set ends on the lift, then DONE


@pytest.mark.parametrize("elapsed", [110, 110.5, 500, 10_000.0])
def test_elapsed_beyond_the_end_is_done(elapsed: float) -> None:
    state = phase_at(NORDIC_2X5, elapsed)
    assert state.phase is D and state.done
    assert (state.set, state.rep) == (2, 5)
    assert state.seconds_left == 0.0
    assert state.elapsed_s == elapsed


@pytest.mark.parametrize("elapsed", [-0.001, -1, -60.0, math.nan])
def test_negative_or_nan_elapsed_is_rejected(elapsed: float) -> None:
    with pytest.raises(ValueError, match="elapsed time must be 0 or more"):
        phase_at(NORDIC_2X5, elapsed)
    with pytest.raises(ValueError, match="elapsed time must be 0 or more"):
        next_boundary(NORDIC_2X5, elapsed)


@pytest.mark.parametrize(
    ("plan", "elapsed", "expected"),
    [
        (NORDIC_2X5, 0, 4.0),
        (NORDIC_2X5, 3.99, 4.0),
        (NORDIC_2X5, 4, 5.0),
        (NORDIC_2X5, 25, 85.0),  # skip the rest
        (NORDIC_2X5, 60.2, 85.0),
        (NORDIC_2X5, 109.5, 110.0),
        (NORDIC_2X5, 110, 110.0),
        (NORDIC_2X5, 999, 110.0),
        (HOLD_3X30, 12, 30.0),
        (HOLD_3X30, 30, 90.0),
        (HOLD_3X30, 185, 210.0),
    ],
)
def test_next_boundary_for_skip(plan: PlayerPlan, elapsed: float, expected: float) -> None:
    assert next_boundary(plan, elapsed) == expected


@pytest.mark.parametrize(
    ("elapsed", "phase", "position"),
    [(0, L, 0.0), (2, L, 0.5), (4, U, 1.0), (4.5, U, 0.5), (25, R, 0.0), (110, D, 0.0)],
)
def test_position_moves_the_figure_down_then_up(elapsed: float, phase: Phase, position: float) -> None:
    state = phase_at(NORDIC_2X5, elapsed)
    assert state.phase is phase
    assert state.position == pytest.approx(position)


@pytest.mark.parametrize(("elapsed", "position"), [(2.5, 1.0), (3, 1.0), (5.5, 0.0), (15, 1.0), (30, 0.0)])
def test_position_in_pauses_and_holds(elapsed: float, position: float) -> None:
    plan = ALL_FOUR if elapsed < 12 else HOLD_3X30
    assert phase_at(plan, elapsed).position == position


@pytest.mark.parametrize(
    ("kwargs", "fragment"),
    [
        ({"sets": 0, "reps": 5}, "at least 1 set"),
        ({"sets": 2, "reps": (5, 5, 5)}, "2 sets need 2 rep counts"),
        ({"sets": 2, "reps": (5, 0)}, "at least 1 rep"),
        ({"sets": 2, "reps": ()}, "2 sets need 2 rep counts"),
        ({"sets": 2, "reps": 5, "tempo": "0-0-0-0"}, "gives a rep no time"),
        ({"sets": 2, "reps": 5, "rest_s": -1}, "rest of -1 s"),
        ({"sets": 2, "reps": 5, "rest_s": 601}, "rest of 601 s"),
        ({"sets": 3, "hold_s": 0}, "hold of 0 s"),
        ({"sets": 2, "reps": 5, "tempo": "3-1"}, "not understood"),
    ],
)
def test_plans_that_cannot_play_are_rejected(kwargs: dict, fragment: str) -> None:
    with pytest.raises(InvalidInput, match=fragment):
        make_plan(**kwargs)


def test_player_plan_validates_when_built_directly() -> None:
    with pytest.raises(InvalidInput, match="2 sets need 2 rep counts"):
        PlayerPlan(2, (5,), Tempo(4, 0, 1, 0))


@pytest.mark.parametrize(
    ("prescription", "total", "first"),
    [
        (Prescription(2, (6, 6), None, "4-0-1-0"), 12 * 5 + 60, L),
        (Prescription(3, (12, 10, 8), None, "3-1-X-0"), 30 * 5 + 120, L),
        (Prescription(3, (), 30, None), 3 * 30 + 120, H),
        (Prescription(1, (5,), None, None), 5 * 4, L),  # no tempo: the default 3-0-1-0
    ],
)
def test_plan_from_prescription(prescription: Prescription, total: int, first: Phase) -> None:
    plan = plan_from_prescription(prescription)
    assert total_duration(plan) == total
    assert phase_at(plan, 0).phase is first


tempos = st.builds(
    Tempo,
    *[st.one_of(st.none(), st.integers(min_value=0, max_value=6)) for _ in range(4)],
).filter(lambda t: sum(t.seconds()) > 0)


@st.composite
def plans(draw: st.DrawFn) -> PlayerPlan:
    sets = draw(st.integers(min_value=1, max_value=5))
    rest_s = draw(st.integers(min_value=0, max_value=120))
    if draw(st.booleans()):
        return make_plan(sets, hold_s=draw(st.integers(min_value=1, max_value=60)), rest_s=rest_s)
    reps = tuple(draw(st.lists(st.integers(min_value=1, max_value=12), min_size=sets, max_size=sets)))
    return make_plan(sets, reps, draw(tempos), rest_s=rest_s)


@given(plan=plans(), share=st.floats(min_value=0, max_value=1.2, allow_nan=False))
def test_any_plan_at_any_moment_is_consistent(plan: PlayerPlan, share: float) -> None:
    total = total_duration(plan)
    elapsed = share * total
    state = phase_at(plan, elapsed)
    assert 1 <= state.set <= plan.sets
    assert 1 <= state.rep <= plan.reps_in_set(state.set)
    assert state.seconds_left >= 0
    assert 0 <= state.fraction <= 1
    assert 0 <= state.position <= 1
    assert state.done == (elapsed >= total) == (state.phase is D)
    if not state.done:
        assert 0 < state.seconds_left <= state.duration_s
        assert next_boundary(plan, elapsed) == pytest.approx(elapsed + state.seconds_left)
    starts = [start for start, _phase in phase_boundaries(plan)]
    assert starts[0] == 0
    assert all(a < b for a, b in itertools.pairwise(starts))
    assert starts[-1] == total
    lengths = plan.hold_s * plan.sets if plan.holds else sum(plan.reps) * sum(plan.tempo.seconds())
    assert total == lengths + plan.rest_s * (plan.sets - 1)
