"""The library, the advice and the charts are built once and shown again (ui/kept_screens.py): each later visit
starts as a fresh screen would, and shows the journal as it is then, not as it was when the screen was hidden."""

from __future__ import annotations

from pathlib import Path

from textual.pilot import Pilot
from textual.widgets import Input, OptionList

from hamjournal.ui.chart_registry import builders
from hamjournal.ui.screens.advice import AdviceScreen
from hamjournal.ui.screens.exercises import ExercisesScreen
from hamjournal.ui.screens.progress import ProgressScreen
from hamjournal.ui.screens.week import WeekScreen
from tests.ui.helpers import make_app, settle
from tests.ui.journals import build_fixed_journal

SIZE = (100, 32)


async def press(pilot: Pilot[object], *keys: str) -> None:
    """Each key, then its workers and what they start."""
    for key in keys:
        await pilot.press(key)
        await settle(pilot)


async def test_the_library_is_the_same_screen_and_starts_at_the_top(journal_path: Path) -> None:
    build_fixed_journal(journal_path)
    app = make_app(journal_path)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await press(pilot, "e", "down", "down")
        first = app.screen
        assert isinstance(first, ExercisesScreen)
        assert first.query_one(OptionList).highlighted == 2
        await press(pilot, "slash", "b", "r")  # a filter typed, then left with Esc (twice clears it)
        await press(pilot, "escape", "escape", "escape")
        assert isinstance(app.screen, WeekScreen)
        await press(pilot, "e")
        assert app.screen is first
        options = first.query_one(OptionList)
        assert options.highlighted == 0
        assert options.has_focus
        assert first.query_one("#filter", Input).value == ""


async def test_the_advice_shown_again_is_worked_out_after_a_new_check_in(journal_path: Path) -> None:
    build_fixed_journal(journal_path)
    app = make_app(journal_path)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await press(pilot, "a")
        screen = app.screen
        assert isinstance(screen, AdviceScreen)
        before = screen.report
        await press(pilot, "escape")
        # A sharp pain in the morning: the advice changes (a stop-and-see-a-professional flag).
        await press(pilot, "p", "8", "tab", "2", "enter")
        await press(pilot, "a")
        assert app.screen is screen
        assert app.journal is not None
        assert screen.report == app.journal.advice()
        assert screen.report != before


async def test_the_charts_start_at_12_weeks_and_show_a_new_reassessment(journal_path: Path) -> None:
    build_fixed_journal(journal_path)
    app = make_app(journal_path)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await press(pilot, "c", "h", "u")  # everything logged, the running chart in km
        screen = app.screen
        assert isinstance(screen, ProgressScreen)
        assert (screen.range_key, screen.run_unit) == ("all", "km")
        before = screen.data
        await press(pilot, "escape")
        await press(pilot, "A", "2", "2", "tab", "2", "5", "enter")
        await press(pilot, "c")
        assert app.screen is screen
        assert (screen.range_key, screen.run_unit) == ("12w", "min")
        assert app.journal is not None
        assert screen.data == app.journal.progress_series("12w", builders())
        assert screen.data is not None and before is not None
        assert screen.data.charts != before.charts
