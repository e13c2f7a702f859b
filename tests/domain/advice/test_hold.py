"""Hold tier: pain near the limit, RPE 9-10, sleep, fatigue (stiffness and running warnings: their own files)."""

from __future__ import annotations

import pytest

from tests.domain.history import action, clean_history, morning, report, session


@pytest.mark.parametrize(("rpe", "expected"), [(8, "progress"), (9, "hold"), (10, "hold"), (None, "progress")])
def test_rpe_boundaries(rpe: int | None, expected: str) -> None:
    rep = report([session(8), session(1, rpe=rpe)])
    assert action(rep) == expected
    # RPE 9-10 is its own hold reason, worded for the runner, not just a missed progress criterion.
    assert any(f"RPE {rpe}/10" in r for r in rep.for_exercise("nordic").reasons) is (expected == "hold")


def test_hold_keeps_the_usual_dose_as_next() -> None:
    nordic = report([session(8, "3x8", step="bodyweight"), session(1, "3x8", step="bodyweight", rpe=9)]).for_exercise(
        "nordic"
    )
    assert nordic.action == "hold"
    assert (nordic.next_step, nordic.next) == (nordic.step, nordic.current)


@pytest.mark.parametrize(
    ("hours", "expected"),
    [
        ((5, 5, 5, 8, 8), "hold"),  # worked example: 5 h on 3 of the last 5 nights
        ((5, 5, 8, 8, 8), "progress"),  # 2 of 5
        ((5.9, 5.9, 5.9, 8, 8), "hold"),
        ((6, 6, 6, 8, 8), "progress"),  # 6 h is not under 6 h
        ((8, 8, 8, 8, 8), "progress"),
    ],
)
def test_example_short_sleep_holds(hours: tuple[float, ...], expected: str) -> None:
    rep = report(clean_history(), [morning(n, pain=0, sleep_h=h) for n, h in enumerate(hours)])
    assert action(rep) == expected
    assert any("sleep has been short" in r for r in rep.for_exercise("nordic").reasons) is (expected == "hold")


def test_short_nights_before_the_last_five_do_not_count() -> None:
    nights = [morning(n, pain=0, sleep_h=8) for n in range(5)] + [morning(n, pain=0, sleep_h=5) for n in (5, 6, 7)]
    assert action(report(clean_history(), nights)) == "progress"


@pytest.mark.parametrize(
    ("fatigue", "expected"),
    [((7, 7, 2), "hold"), ((7, 2, 7), "hold"), ((7, 2, 2), "progress"), ((6, 6, 6), "progress"), ((9, 9, 9), "hold")],
)
def test_high_fatigue_on_two_of_three_mornings_holds(fatigue: tuple[int, ...], expected: str) -> None:
    rep = report(clean_history(), [morning(n, pain=0, fatigue=f) for n, f in enumerate(fatigue)])
    assert action(rep) == expected


def test_high_fatigue_before_the_last_three_mornings_does_not_count() -> None:
    logs = [morning(n, pain=0, fatigue=2) for n in range(3)] + [morning(n, pain=0, fatigue=8) for n in (3, 4)]
    assert action(report(clean_history(), logs)) == "progress"
