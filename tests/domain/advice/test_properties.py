"""Properties of advise() over generated histories (hypothesis)."""

from __future__ import annotations

import dataclasses
import datetime as dt
import random

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from hamjournal.domain.advice.context import HISTORY_DAYS
from hamjournal.domain.advice.engine import advise
from hamjournal.domain.library.doses import entry_dose, volume
from hamjournal.domain.library.exercises import EXERCISES
from hamjournal.domain.library.sets import parse_sets
from hamjournal.domain.models import Profile, Run, Session, SymptomLog
from hamjournal.domain.thresholds import PROGRESS_MIN_SPAN_DAYS, STOP_PAIN, STOP_WINDOW_DAYS, pain_limit
from tests.domain.history import TODAY

SETS = ("2x5", "2x6", "3x6", "3x8", "3x10", "12/10/8", "8/6/4", "2x8")
EXERCISE_NAMES = ("nordic", "sl-rdl", "strides")

score = st.integers(min_value=0, max_value=10)
# Red flags stop everything, so most generated check-ins are mild to exercise the other rules too.
MOSTLY_MILD = (0, 0, 1, 1, 2, 3, 4, 5, 6, 8)
RARELY = (False,) * 9 + (True,)
days_back = st.integers(min_value=0, max_value=HISTORY_DAYS + 20)


@st.composite
def sessions(draw: st.DrawFn) -> Session:
    exercise = draw(st.sampled_from(EXERCISE_NAMES))
    step = draw(st.sampled_from([s.slug for s in EXERCISES[exercise].ladder]))
    sets = draw(st.sampled_from(SETS))
    return Session(
        TODAY - dt.timedelta(days=draw(days_back)), exercise, parse_sets(sets), step=step,
        rpe=draw(st.none() | score), pain_during=draw(st.none() | score),
    )


@st.composite
def symptoms(draw: st.DrawFn) -> SymptomLog:
    return SymptomLog(
        TODAY - dt.timedelta(days=draw(days_back)), draw(st.sampled_from(MOSTLY_MILD)),
        when=draw(st.sampled_from(("morning", "morning", "after", "evening"))), stiffness=draw(st.none() | score),
        sudden=draw(st.sampled_from(RARELY)),
    )


@st.composite
def runs(draw: st.DrawFn) -> Run:
    return Run(
        TODAY - dt.timedelta(days=draw(days_back)), draw(st.integers(10, 150)),
        distance_km=draw(st.none() | st.floats(1, 40, allow_nan=False)), rpe=draw(st.none() | score),
    )


@st.composite
def steady_sessions(draw: st.DrawFn) -> Session:
    """A session at the same step and dose as STEADY, in the last 10 days, with any pain and RPE."""
    return Session(
        TODAY - dt.timedelta(days=draw(st.integers(0, 10))), "nordic", parse_sets("3x8"), step="bodyweight",
        rpe=draw(st.sampled_from((5, 6, 7, 8, 9))), pain_during=draw(st.sampled_from(MOSTLY_MILD)),
    )


# Two clean sessions a week apart: on their own they progress, so the extra sessions decide.
STEADY = [
    Session(TODAY - dt.timedelta(days=days), "nordic", parse_sets("3x8"), step="bodyweight", rpe=6, pain_during=0)
    for days in (9, 2)
]
steady_histories = st.tuples(
    st.lists(steady_sessions(), max_size=3).map(lambda extra: STEADY + extra), st.just([]), st.just([]),
    st.sampled_from(("prevention", "rehab")), st.integers(4, 6),
)
histories = st.tuples(
    st.lists(steady_sessions(), min_size=1, max_size=6), st.just([]), st.just([]),
    st.sampled_from(("prevention", "rehab")), st.integers(4, 6),
)
histories = st.tuples(
    st.lists(sessions(), max_size=25), st.lists(symptoms(), max_size=25), st.lists(runs(), max_size=20),
    st.sampled_from(("prevention", "rehab")), st.integers(4, 6),
)
FAST = settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])


def _advise(history: tuple, **extra: object):
    ses, sym, rns, mode, every = history
    return advise(TODAY, Profile(mode=mode, deload_every=every), tuple(ses), tuple(sym), tuple(rns), **extra)


@FAST
@given(histories | steady_histories)
def test_no_progress_while_pain_above_the_limit(history: tuple) -> None:
    ses, _, _, mode, _ = history
    limit = pain_limit(mode).value
    since = TODAY - dt.timedelta(days=int(PROGRESS_MIN_SPAN_DAYS.value))
    for advice in _advise(history).advice:
        painful = [
            s for s in ses
            if s.exercise == advice.exercise and since <= s.date <= TODAY and (s.pain_during or 0) > limit
        ]
        if painful:
            assert advice.action != "progress"


@FAST
@given(histories, st.integers(0, int(STOP_WINDOW_DAYS.value) - 1), st.booleans())
def test_stop_overrides_everything(history: tuple, days_ago: int, sudden: bool) -> None:
    ses, sym, rns, mode, every = history
    red = SymptomLog(TODAY - dt.timedelta(days=days_ago), 2 if sudden else int(STOP_PAIN.value), sudden=sudden)
    rep = _advise((ses, [*sym, red], rns, mode, every))
    assert all(a.action == "stop" for a in rep.advice)
    assert all(a.next is None for a in rep.advice)
    assert any(f.kind == "red-flag" for f in rep.flags)


@FAST
@given(histories, st.randoms(use_true_random=False))
def test_same_history_same_advice(history: tuple, rnd: random.Random) -> None:
    ses, sym, rns, mode, every = history
    first = _advise(history).to_dict()
    shuffled = [list(ses), list(sym), list(rns)]
    for part in shuffled:
        rnd.shuffle(part)
    assert _advise((*shuffled, mode, every)).to_dict() == first
    assert _advise(history).to_dict() == first


@FAST
@given(histories, st.lists(sessions(), max_size=10), st.lists(symptoms(), max_size=10), st.lists(runs(), max_size=10))
def test_older_history_changes_nothing(history: tuple, old_ses: list, old_sym: list, old_runs: list) -> None:
    ses, sym, rns, mode, every = history
    shift = dt.timedelta(days=HISTORY_DAYS + 20)

    def older(records: list) -> list:
        # Keep each record but move it before the window.
        return [dataclasses.replace(r, date=r.date - shift) for r in records]

    base = _advise(history).to_dict()
    padded = _advise((ses + older(old_ses), sym + older(old_sym), rns + older(old_runs), mode, every)).to_dict()
    assert padded == base


@FAST
@given(histories)
def test_every_advice_is_well_formed(history: tuple) -> None:
    rep = _advise(history)
    for advice in rep.advice:
        assert advice.reasons, advice
        assert advice.sources, advice
        if advice.action in ("progress", "regress", "deload"):
            assert advice.next is not None and advice.next_step is not None


@FAST
@given(histories | steady_histories)
def test_reductions_never_raise_volume(history: tuple) -> None:
    for advice in _advise(history).advice:
        if advice.action in ("regress", "deload") and advice.current is not None:
            assert volume(advice.next) <= volume(advice.current), advice


@FAST
@given(histories | steady_histories)
def test_no_dose_below_the_first_rung_unless_logged_below_it(history: tuple) -> None:
    for advice in _advise(history).advice:
        if advice.next is None or advice.current is None:
            continue
        floor = volume(entry_dose(advice.exercise))
        assert volume(advice.next) >= min(floor, volume(advice.current)), advice
