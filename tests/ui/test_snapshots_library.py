"""Pictures of the exercise library, every exercise's page and the tempo player at a fixed phase, 80x24 and 120x40."""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from pathlib import Path

import pytest
from textual.pilot import Pilot

from hamjournal.domain.library.exercises import EXERCISES
from hamjournal.ui.screens.exercises import ExerciseDetailScreen
from tests.ui.helpers import make_app, settle
from tests.ui.player_support import player_at_first_rep

SIZES = [(80, 24), (120, 40)]


def keys(*pressed: str) -> Callable[[Pilot[object]], Awaitable[None]]:
    """Wait for the week, press keys, wait again."""

    async def run_before(pilot: Pilot[object]) -> None:
        await settle(pilot)
        for key in pressed:
            await pilot.press(key)
            await settle(pilot)

    return run_before


SCENES: dict[str, Callable[[Pilot[object]], Awaitable[None]]] = {
    "exercises": keys("e"),
    "exercises-filtered": keys("e", "slash", "b", "r", "i"),  # / focuses the filter: letters are commands
    "exercise-detail": keys("e", "enter"),
    "tempo-player": player_at_first_rep,
}


@pytest.mark.parametrize("size", SIZES, ids=lambda s: f"{s[0]}x{s[1]}")
@pytest.mark.parametrize("scene", list(SCENES))
def test_library_screen(
    scene: str, size: tuple[int, int], journal_path: Path, snap_compare: Callable[..., bool]
) -> None:
    assert snap_compare(make_app(journal_path), terminal_size=size, run_before=SCENES[scene])


def page_of(slug: str) -> Callable[[Pilot[object]], Awaitable[None]]:
    """Wait for the week, then open one exercise's page (from the library, as e and Enter would)."""

    async def run_before(pilot: Pilot[object]) -> None:
        await settle(pilot)
        pilot.app.push_screen(ExerciseDetailScreen(slug))
        await settle(pilot)

    return run_before


@pytest.mark.parametrize("size", SIZES, ids=lambda s: f"{s[0]}x{s[1]}")
@pytest.mark.parametrize("slug", list(EXERCISES))
def test_exercise_page(slug: str, size: tuple[int, int], journal_path: Path, snap_compare: Callable[..., bool]) -> None:
    """Every exercise's page with its start, middle and end poses."""
    assert snap_compare(make_app(journal_path), terminal_size=size, run_before=page_of(slug))
