"""The exercise library: / then typing filters the list, Enter opens a page, s on the page starts the player."""

from __future__ import annotations

import io
from pathlib import Path

import pytest
from rich.console import Console
from textual.widgets import Input, OptionList, Static

from hamjournal.domain.library.exercises import EXERCISES
from hamjournal.ui.screens.exercises import ExerciseDetailScreen, ExercisesScreen, filter_exercises
from hamjournal.ui.screens.tempo_player import TempoPlayerScreen
from hamjournal.ui.widgets.pose_canvas import PoseCanvas
from tests.ui.player_support import journal_app, settle, wait_for_journal


def plain(static: Static, width: int = 100) -> str:
    """A Static's text as the runner reads it, whatever Rich renderable it holds."""
    console = Console(width=width, file=io.StringIO(), record=True, color_system=None)
    console.print(static.content)
    return console.export_text()


def names(screen: ExercisesScreen) -> list[str]:
    """The names the list shows, top to bottom."""
    options = screen.query_one("#exercise-list", OptionList)
    return [str(options.get_option_at_index(i).prompt) for i in range(options.option_count)]


@pytest.mark.parametrize(
    ("query", "slugs"),
    [
        ("", list(EXERCISES)),
        ("NORDIC", ["nordic", "slider-curl"]),  # by name, any case; the slider curl is "a Nordic alternative"
        ("sl-rdl", ["sl-rdl"]),  # by slug
        ("askling", ["askling-extender", "askling-diver", "askling-glider"]),
        ("eccentric knee", ["nordic", "slider-curl", "askling-extender"]),  # every word must match
        ("lengthening", ["iso-hold", "askling-extender", "askling-diver", "askling-glider"]),  # what it trains
        ("zzz", []),
    ],
)
def test_filter_matches_name_slug_and_what_it_trains(query: str, slugs: list[str]) -> None:
    assert [ex.slug for ex in filter_exercises(query)] == slugs


async def test_typing_filters_and_enter_opens_the_page(journal_path: Path) -> None:
    app = journal_app(journal_path)
    async with app.run_test(size=(100, 32)) as pilot:
        await wait_for_journal(pilot)
        await pilot.press("e")
        await settle(pilot)
        screen = app.screen
        assert isinstance(screen, ExercisesScreen)
        assert len(names(screen)) == len(EXERCISES)

        await pilot.press("slash", *"askling")  # / focuses the filter; there letters are text
        await settle(pilot)
        assert names(screen) == ["Askling Extender", "Askling Diver", "Askling Glider"]
        await pilot.press("down")  # the cursor moves in the list while the filter keeps the focus
        await settle(pilot)
        assert "Askling Diver" in plain(screen.query_one("#preview", Static))

        await pilot.press("enter")
        await settle(pilot)
        page = app.screen
        assert isinstance(page, ExerciseDetailScreen)
        text = plain(page.query_one("#page-text", Static))
        assert page.exercise.slug == "askling-diver"
        for heading in ("Ladder", "Setup", "Movement", "Cues", "Common faults", "Dose by phase", "Safety", "Sources"):
            assert heading in text

        await pilot.press("escape")  # back to the list, still in the filter
        await settle(pilot)
        assert app.screen is screen and screen.query_one("#filter", Input).value == "askling"
        await pilot.press("escape")  # leaves the filter, which keeps its text; then Escape clears it, then leaves
        await settle(pilot)
        assert screen.query_one("#filter", Input).value == "askling"
        assert screen.focused is screen.exercise_list
        await pilot.press("escape")
        await settle(pilot)
        assert len(names(screen)) == len(EXERCISES)
        await pilot.press("escape")
        await settle(pilot)
        assert not isinstance(app.screen, ExercisesScreen)


async def test_no_match_says_what_to_try(journal_path: Path) -> None:
    app = journal_app(journal_path)
    async with app.run_test(size=(80, 24)) as pilot:
        await wait_for_journal(pilot)
        app.push_screen(ExercisesScreen())
        await settle(pilot)
        await pilot.press("slash", *"zzz", "enter")
        await settle(pilot)
        assert names(app.screen) == []
        assert "No exercise matches" in plain(app.screen.query_one("#preview", Static))
        assert isinstance(app.screen, ExercisesScreen)


async def test_nordic_page_shows_figures_and_s_plays_the_first_dose(journal_path: Path) -> None:
    app = journal_app(journal_path)
    async with app.run_test(size=(100, 32)) as pilot:
        await wait_for_journal(pilot)
        app.push_screen(ExerciseDetailScreen("nordic"))
        await settle(pilot)
        text = plain(app.screen.query_one("#page-head", Static))
        labels = [str(label.render()) for label in app.screen.query(".pose-label").results(Static)]
        assert labels == ["kneeling upright", "half way", "trunk near horizontal"]  # the side view
        assert [c.fraction for c in app.screen.query(PoseCanvas).results(PoseCanvas)] == [0.0, 0.5, 1.0]
        assert "Start the tempo player with s: 2x5 at 4-0-1-0" in text
        await pilot.press("s")
        await settle(pilot)
        player = app.screen
        assert isinstance(player, TempoPlayerScreen)
        assert str(player.query_one("#player-title", Static).render()) == (
            "Nordic hamstring curl · Band-assisted · 2x5 at 4-0-1-0"
        )


async def test_run_drills_have_no_player(journal_path: Path) -> None:
    app = journal_app(journal_path)
    async with app.run_test(size=(100, 32)) as pilot:
        await wait_for_journal(pilot)
        app.push_screen(ExerciseDetailScreen("strides"))
        await settle(pilot)
        await pilot.press("s")
        await settle(pilot)
        assert isinstance(app.screen, ExerciseDetailScreen)
        assert any("run by feel" in str(n.message) for n in app._notifications)
