"""One set notation for doses and logged sets: what plans, advice, the log and the library print."""

from __future__ import annotations

import pytest

from hamjournal.domain.library.sets import format_sets, parse_sets
from hamjournal.domain.models import Prescription


@pytest.mark.parametrize(
    ("rx", "notation", "logged"),
    [
        (Prescription(3, (6, 6, 6)), "3x6", "3x6"),
        (Prescription(3, (12, 10, 8)), "12/10/8", "12/10/8"),
        (Prescription(3, (1, 1, 1), hold_s=30), "3x30s", "3x30s"),
        (Prescription(1, (12,)), "1x12", "12"),  # plans say the single set; the log writes what was done
        (Prescription(1, (1,), hold_s=45), "1x45s", "45s"),
        (Prescription(2, (), hold_s=30), "2x30s", "2x30s"),  # a hold needs no per-set reps
        (Prescription(0, ()), "", "-"),
    ],
)
def test_prescription_notation(rx: Prescription, notation: str, logged: str) -> None:
    assert rx.notation == notation
    assert rx.logged_notation == logged


@pytest.mark.parametrize("text", ["3x6", "12/10/8", "3x30s", "6", "30s", "5/5/4", "2x45s"])
def test_logged_notation_matches_the_log_and_parses_back(text: str) -> None:
    sets = parse_sets(text)
    holds = {s.hold_s for s in sets}
    reps = tuple(s.reps or 1 for s in sets)
    hold_s = holds.pop() if None not in holds else None
    rx = Prescription(len(sets), reps, hold_s)
    assert rx.logged_notation == format_sets(sets) == text
    assert parse_sets(rx.notation) == sets
