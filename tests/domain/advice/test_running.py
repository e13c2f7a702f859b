"""Running flags only once the journal covers their window; acute:chronic descriptive only; asymmetry prompts."""

from __future__ import annotations

import pytest

from hamjournal.domain.models import Assessment
from tests.domain.history import action, ago, clean_history, kinds, report, run


@pytest.mark.parametrize(
    ("km", "expected", "flag"),
    [(11.0, "progress", None), (11.1, "progress", "caution"), (13.0, "progress", "caution"),
     (13.1, "hold", "warning")],
)
def test_run_spike_once_covered(km: float, expected: str, flag: str | None) -> None:
    runs = [run(27, 8.0), run(20, 10.0), run(2, km)]  # running logged 25 days before the run: covered
    rep = report(clean_history(), runs=runs)
    assert action(rep) == expected
    assert kinds(rep).get("run-spike") == flag


@pytest.mark.parametrize(("first_run", "flagged"), [(23, True), (22, False)])
def test_run_spike_needs_three_weeks_of_running_before_the_run(first_run: int, flagged: bool) -> None:
    rep = report(clean_history(), runs=[run(first_run, 10.0), run(2, 14.0)])
    assert ("run-spike" in kinds(rep)) is flagged
    assert action(rep) == ("hold" if flagged else "progress")
    if not flagged:
        assert any("not enough running history yet" in r for r in rep.for_exercise("nordic").reasons)


def test_example_new_journal_long_run_is_not_flagged_yet() -> None:
    # A journal started 10 days ago with a 12 km run after 8 km runs: no spike warning, progression not held.
    runs = [run(10, 8.0), run(7, 8.0), run(4, 8.0), run(1, 12.0)]
    rep = report(clean_history(), runs=runs)
    assert "run-spike" not in kinds(rep)
    nordic = rep.for_exercise("nordic")
    assert nordic.action == "progress"
    assert any("not enough running history yet" in r for r in nordic.reasons)


def test_no_note_when_nothing_would_fire() -> None:
    rep = report(clean_history(), runs=[run(10, 8.0), run(4, 8.0)])
    assert not any("running history" in r for r in rep.for_exercise("nordic").reasons)


def test_run_spike_only_counts_this_week() -> None:
    assert "run-spike" not in kinds(report(clean_history(), runs=[run(40, 10.0), run(30, 10.0), run(8, 20.0)]))


BASE = [run(27, 6.0), run(24, 6.0), run(20, 4.0), run(16, 4.0)]  # 20 km in the 14 days before the last 14


@pytest.mark.parametrize(("last", "expected", "flag"), [(5.0, "progress", None), (5.2, "hold", "warning")])
def test_volume_jump_once_covered(last: float, expected: str, flag: str | None) -> None:
    recent = [run(12, 6.0), run(9, 5.0), run(6, 5.0), run(3, 5.0), run(1, last)]  # 26 or 26.2 km
    rep = report(clean_history(), runs=BASE + recent)
    assert action(rep) == expected
    assert kinds(rep).get("volume-jump") == flag
    assert "run-spike" not in kinds(rep)


@pytest.mark.parametrize(("first_run", "flagged"), [(27, True), (26, False)])
def test_volume_jump_needs_four_weeks_of_running(first_run: int, flagged: bool) -> None:
    base = [run(first_run, 10.0), run(15, 10.0)]
    recent = [run(12, 9.0), run(9, 9.0), run(5, 9.0)]  # 27 km against 20: +35%, no single run longer
    rep = report(clean_history(), runs=base + recent)
    assert ("volume-jump" in kinds(rep)) is flagged
    assert action(rep) == ("hold" if flagged else "progress")


@pytest.mark.parametrize(("days", "shown"), [(27, False), (28, True)])
def test_acwr_is_info_only_after_28_days(days: int, shown: bool) -> None:
    runs = [run(n, 8.0, minutes=45, rpe=5) for n in range(days)]
    rep = report(clean_history(), runs=runs)
    assert (kinds(rep).get("acwr") == "info") is shown
    assert (rep.load.acwr is not None) is shown
    assert action(rep) == "progress"


def test_acwr_never_divides_by_zero() -> None:
    runs = [run(n, 8.0, minutes=45, rpe=0) for n in range(40)]
    assert report(clean_history(), runs=runs).load.acwr is None


@pytest.mark.parametrize(
    ("test", "left", "right", "flagged"),
    [("sl-bridge-reps", 17, 20, True), ("sl-bridge-reps", 18, 20, False), ("iso-hold-s", 60, 51, True),
     ("iso-hold-s", 60, 52, False), ("hop-cm", 100, 50, False)],
)
def test_asymmetry(test: str, left: float, right: float, flagged: bool) -> None:
    rep = report(clean_history(), assessments=[Assessment(ago(3), test, left=left, right=right)])
    assert ("asymmetry" in kinds(rep)) is flagged
    if flagged:
        weaker = "left" if left < right else "right"
        message = next(f.message for f in rep.flags if f.kind == "asymmetry")
        assert f"extra single-leg set on the {weaker} side" in message
        assert action(rep) == "progress"
