"""Pictures of every screen and dialog at 80x24 and 120x40, on fixed data and a fixed "today" (2026-11-25)."""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from pathlib import Path

import pytest
from pytest import MonkeyPatch
from textual.pilot import Pilot

from tests.ui.helpers import make_app, settle
from tests.ui.journals import build_fixed_journal

SIZES = [(80, 24), (120, 40)]


def keys(*pressed: str) -> Callable[[Pilot[object]], Awaitable[None]]:
    """A run_before that waits for the week to load, presses keys and waits again."""

    async def run_before(pilot: Pilot[object]) -> None:
        await settle(pilot)
        for key in pressed:
            await pilot.press(key)
            await settle(pilot)

    return run_before


SCENES: dict[str, tuple[bool, tuple[str, ...]]] = {
    # name: (fixed journal?, keys pressed from the week screen)
    "week-empty": (False, ()),
    "week": (True, ()),
    "week-tuesday": (True, ("left", "down")),
    "log-session": (True, ("l",)),
    "check-in": (True, ("p",)),
    "check-in-error": (True, ("p", "1", "1", "enter")),
    "log-run": (True, ("r",)),
    # Every refused field marked at once, the cursor at the end of the first.
    "log-session-errors": (True, ("l", "3", "x", "tab", "tab", "1", "1", "enter")),
    "log-run-long": (True, ("right", "right", "right", "right", "r")),
    "assessment": (True, ("A",)),
    "confirm-delete": (True, ("left", "down", "x")),
    "help": (True, ("question_mark",)),
}


@pytest.mark.parametrize("size", SIZES, ids=lambda s: f"{s[0]}x{s[1]}")
@pytest.mark.parametrize("scene", list(SCENES))
def test_screen(
    scene: str, size: tuple[int, int], journal_path: Path, snap_compare: Callable[..., bool], monkeypatch: MonkeyPatch
) -> None:
    with_data, pressed = SCENES[scene]
    if with_data:
        build_fixed_journal(journal_path)
    # A relative path, so the header's sub-title is the same on every run.
    monkeypatch.chdir(journal_path.parent)
    assert snap_compare(make_app(Path(journal_path.name)), terminal_size=size, run_before=keys(*pressed))


def test_too_small(journal_path: Path, snap_compare: Callable[..., bool], monkeypatch: MonkeyPatch) -> None:
    build_fixed_journal(journal_path)
    monkeypatch.chdir(journal_path.parent)
    assert snap_compare(make_app(Path(journal_path.name)), terminal_size=(70, 20), run_before=keys())
