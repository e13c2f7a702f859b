"""Progress tier: 2 clean non-deload sessions at the usual dose spanning a week; otherwise hold and say why."""

from __future__ import annotations

import pytest

from tests.domain.history import action, ago, clean_history, morning, mornings, report, session


def test_example_clean_history_progresses_one_dose_level() -> None:
    nordic = report(clean_history(sets="2x5")).for_exercise("nordic")
    assert nordic.action == "progress"
    assert nordic.current.reps == (5, 5)
    assert (nordic.next_step, nordic.next.reps) == ("band-assisted", (6, 6))
    assert "Petersen 2011" in nordic.sources


@pytest.mark.parametrize(("first", "expected"), [(7, "hold"), (8, "progress"), (14, "progress"), (15, "hold")])
def test_progress_span_and_window(first: int, expected: str) -> None:
    # Last session yesterday: 6 days apart is too short; sessions older than 14 days no longer count.
    assert action(report([session(first), session(1)])) == expected


@pytest.mark.parametrize(("pain", "expected"), [(3, "progress"), (4, "hold")])
def test_progress_needs_pain_during_3_or_less(pain: int, expected: str) -> None:
    assert action(report([session(8, pain=pain), session(1)])) == expected


@pytest.mark.parametrize(("rpe", "expected"), [(8, "progress"), (9, "hold")])
def test_progress_needs_rpe_8_or_less_on_every_session(rpe: int, expected: str) -> None:
    assert action(report([session(12, rpe=rpe), session(8), session(1)])) == expected


@pytest.mark.parametrize(
    ("usual", "after", "expected"),
    [(0, 2, "progress"), (1, 2, "progress"), (2, 3, "progress"), (0, 3, "hold"), (1, 3, "hold")],
)
def test_progress_needs_next_mornings_in_the_safe_zone(usual: int, after: int, expected: str) -> None:
    # The morning after the first session (8 days ago, so its regress signal is past the 7-day window):
    # 2/10 or less, or no more than 1 above usual, lets it count toward a progression.
    logs = [*mornings(range(8, 22), usual), morning(7, pain=after)]
    assert action(report(clean_history(), logs)) == expected


def test_an_incomplete_session_blocks_progress() -> None:
    nordic = report([session(8, "3x10", step="bodyweight"), session(1, "9/8/7", step="bodyweight")]).for_exercise(
        "nordic"
    )
    assert nordic.action == "hold"
    assert "not every rep was done (80%)" in nordic.reasons[0]


def test_an_old_high_rpe_in_the_block_blocks_progress() -> None:
    nordic = report([session(12, rpe=9), session(8), session(1)]).for_exercise("nordic")
    assert nordic.action == "hold"
    assert "RPE was 9" in nordic.reasons[0]


def test_one_session_holds_and_says_what_would_change() -> None:
    nordic = report([session(1)]).for_exercise("nordic")
    assert nordic.action == "hold"
    assert nordic.what_would_change is not None and "1 more session" in nordic.what_would_change


def test_progress_from_top_dose_moves_up_the_ladder_keeping_the_programme_dose() -> None:
    # The Nordic's dose follows Petersen's ramp: a harder step does not restart it at 2x5.
    nordic = report(clean_history(sets="12/10/8")).for_exercise("nordic")
    assert nordic.action == "progress"
    assert (nordic.next_step, nordic.next.reps) == ("incline", (12, 10, 8))


def test_progress_from_top_dose_of_an_accessory_restarts_the_next_step_at_its_entry_dose() -> None:
    rdl = report(clean_history("sl-rdl", sets="3x10", step="supported")).for_exercise("sl-rdl")
    assert rdl.action == "progress"
    assert (rdl.next_step, rdl.next.reps) == ("bodyweight", (6, 6))


def test_top_of_the_ladder_holds() -> None:
    assert action(report(clean_history(sets="12/10/8", step="weighted"))) == "hold"


def test_morning_pain_flat_is_no_trend() -> None:
    assert action(report(clean_history(), [morning(n, pain=2) for n in range(0, 21)])) == "progress"


# Deload weeks neither count toward a progression nor reset it. Anchor Monday 2026-10-19 (ago 36): week 5 is
# ago 8..2, today is in week 6.
def test_deload_weeks_do_not_count_toward_a_progression() -> None:
    # One usual session before the deload week and the deload sessions: only one session counts.
    history = [session(n, "3x8", step="bodyweight") for n in (36, 29, 22)] + [
        session(8, "2x8", step="bodyweight"), session(4, "2x8", step="bodyweight"),
    ]
    # 22 days ago is outside even the widened window (14 + the deload week): no counted session at all.
    assert action(report(history, training_start=ago(36))) == "hold"


def test_deload_weeks_do_not_reset_a_progression() -> None:
    # A clean session at 3x8 before the deload week and one after it span more than a week: progress.
    history = [session(n, "3x8", step="bodyweight") for n in (36, 29)] + [
        session(15, "3x8", step="bodyweight"), session(8, "2x8", step="bodyweight"),
        session(4, "2x8", step="bodyweight"), session(0, "3x8", step="bodyweight"),
    ]
    nordic = report(history, training_start=ago(36)).for_exercise("nordic")
    assert nordic.action == "progress"
    assert (nordic.next_step, nordic.next.reps) == ("bodyweight", (10, 10, 10))
