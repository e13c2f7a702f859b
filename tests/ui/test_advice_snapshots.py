"""Pictures of today's call strip and the Advice screen at 80x24 and 120x40, on fixed journals and "today"."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from pytest import MonkeyPatch

from hamjournal.domain.models import Journal
from tests.ui.advice_journals import mixed_journal, stop_journal, write
from tests.ui.helpers import make_app
from tests.ui.test_snapshots import SIZES, keys

SCENES: dict[str, tuple[Callable[[], Journal], tuple[str, ...]]] = {
    # name: (journal, keys pressed from the week screen)
    "week-strip": (mixed_journal, ()),  # regress, hold, hold, progress: cut to three lines at 80x24
    "week-stop": (stop_journal, ()),  # the stop banner
    "advice": (mixed_journal, ("a",)),
    "advice-thresholds": (mixed_journal, ("a", "end")),  # the bottom: load, flags and the thresholds table
    "advice-stop": (stop_journal, ("a",)),
}


@pytest.mark.parametrize("size", SIZES, ids=lambda s: f"{s[0]}x{s[1]}")
@pytest.mark.parametrize("scene", list(SCENES))
def test_advice_screen(
    scene: str, size: tuple[int, int], journal_path: Path, snap_compare: Callable[..., bool], monkeypatch: MonkeyPatch
) -> None:
    journal, pressed = SCENES[scene]
    write(journal_path, journal())
    # A relative path, so the header's sub-title is the same on every run.
    monkeypatch.chdir(journal_path.parent)
    assert snap_compare(make_app(Path(journal_path.name)), terminal_size=size, run_before=keys(*pressed))
