"""Keys a runner (and a vim user) presses: j/k, the skip key, the library's / and letters, help, the palette.

Each test presses the keys, then reads the screen or the journal file.
"""

from __future__ import annotations

from pathlib import Path

from textual.command import CommandPalette
from textual.containers import VerticalScroll
from textual.widgets import Input, OptionList

from hamjournal.store.repo import Store
from hamjournal.ui.help_keys import key_groups
from hamjournal.ui.palette import ScreenCommands
from hamjournal.ui.screens.check_in import CheckInDialog
from hamjournal.ui.screens.exercises import ExercisesScreen
from hamjournal.ui.screens.help import HelpScreen
from hamjournal.ui.screens.progress import ProgressScreen
from hamjournal.ui.screens.tempo_player import TempoPlayerScreen
from hamjournal.ui.screens.week import WeekScreen
from hamjournal.ui.widgets.key_footer import KeyFooter
from tests.ui.helpers import make_app, settle
from tests.ui.journals import WED, build_fixed_journal

SIZE = (100, 32)
ALL_TIME = (WED.replace(year=2000), WED.replace(year=2100))


def wed_nordic_status(path: Path) -> list[str]:
    store = Store.open(str(path))
    try:
        return [p.status for p in store.plan_between(*ALL_TIME) if p.date == WED and p.exercise == "nordic"]
    finally:
        store.close()


async def test_j_and_k_move_between_entries_like_down_and_up(journal_path: Path) -> None:
    build_fixed_journal(journal_path)
    app = make_app(journal_path)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        week = app.screen
        assert isinstance(week, WeekScreen)
        await pilot.press("left")  # Tuesday: a plan item, a session, a run and a check-in
        moves = []
        for key in ("j", "j", "k", "down", "up", "up"):
            await pilot.press(key)
            moves.append(week.entry_index)
        assert moves == [1, 2, 1, 2, 1, 0]


async def test_k_no_longer_skips_and_minus_skips_and_plans_again(journal_path: Path) -> None:
    build_fixed_journal(journal_path)
    app = make_app(journal_path, replan=True)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        assert app.screen.selected_entry.exercise == "nordic"  # type: ignore[attr-defined]
        await pilot.press("k")
        await settle(pilot)
        assert wed_nordic_status(journal_path) == ["planned"]
        await pilot.press("minus")
        await settle(pilot)
        assert wed_nordic_status(journal_path) == ["skipped"]
        await pilot.press("minus")  # the same key plans it again
        await settle(pilot)
        assert wed_nordic_status(journal_path) == ["planned"]


async def test_library_letters_are_commands_and_slash_filters(journal_path: Path) -> None:
    build_fixed_journal(journal_path)
    app = make_app(journal_path)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("e")
        await settle(pilot)
        library = app.screen
        assert isinstance(library, ExercisesScreen)
        options = library.query_one("#exercise-list", OptionList)
        assert library.focused is options
        await pilot.press("j", "j", "k")
        assert options.highlighted == 1
        await pilot.press("slash", *"hold")  # in the filter, letters (even j, k and s) are text
        await settle(pilot)
        assert library.query_one("#filter", Input).value == "hold"
        assert library.highlighted_slug == "iso-hold"
        bar = str(library.query_one(KeyFooter).render())
        assert "esc Leave filter" in bar and "/ Filter" not in bar and "Play tempo" not in bar  # letters are text
        await pilot.press("escape")  # leaves the filter, keeping it
        assert library.focused is options
        assert library.query_one("#filter", Input).value == "hold"
        bar = str(library.query_one(KeyFooter).render())
        assert "/ Filter" in bar and "s Play tempo" in bar and "esc Back" in bar
        await pilot.press("s")  # a command again: the highlighted exercise's tempo player
        await settle(pilot)
        assert isinstance(app.screen, TempoPlayerScreen)
        assert app.screen.exercise.slug == "iso-hold"


async def test_help_is_grouped_by_screen_without_doubles_and_searchable(journal_path: Path) -> None:
    build_fixed_journal(journal_path)
    app = make_app(journal_path)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        groups, _ = key_groups(app.get_key_display)
        titles = [group.title for group in groups]
        assert titles[0].startswith("Week") and "Progress charts (c)" in titles and "Exercise library (e)" in titles
        for group in groups:
            keys = [keys for keys, _ in group.rows]
            assert len(keys) == len(set(keys)), group.title  # each action once, its keys side by side
            texts = [text for _, text in group.rows]
            assert len(texts) == len(set(texts)), group.title
        week_rows = dict(groups[0].rows)
        assert week_rows["x delete"] == "Delete the selected entry, after a y/n question"
        assert week_rows["c"].startswith("Charts: Nordic volume")  # not "Progress charts: Charts: …"
        assert "-" in week_rows and "skip" in week_rows["-"].lower()

        await pilot.press("question_mark")
        await settle(pilot)
        help_screen = app.screen
        assert isinstance(help_screen, HelpScreen)
        await pilot.press("j", "j")  # j scrolls like ↓
        assert help_screen.query_one("#help", VerticalScroll).scroll_y == 2
        await pilot.press("slash", *"skip")
        await settle(pilot)
        rows = [row for group in help_screen.shown for row in group.rows]
        assert ("-", "Skip the selected planned session, or plan a skipped one again") in rows
        assert all("skip" in f"{keys} {text}".lower() for keys, text in rows)
        await pilot.press("escape")  # leaves the search
        assert isinstance(app.screen, HelpScreen)
        await pilot.press("escape")  # closes
        assert isinstance(app.screen, WeekScreen)


async def test_help_opened_from_a_screen_lists_its_keys_first(journal_path: Path) -> None:
    build_fixed_journal(journal_path)
    app = make_app(journal_path)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("c")
        await settle(pilot)
        assert isinstance(app.screen, ProgressScreen)
        await pilot.press("question_mark")
        await settle(pilot)
        assert isinstance(app.screen, HelpScreen)
        first = app.screen.shown[0]
        assert first.title == "Progress charts (c)"
        assert ("m", "Range: the last 6 months") in first.rows


async def test_palette_finds_a_command_by_a_word_of_its_description_and_shows_its_key(journal_path: Path) -> None:
    build_fixed_journal(journal_path)
    app = make_app(journal_path)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        provider = ScreenCommands(app.screen)
        hits = [hit async for hit in provider.search("pain")]
        assert hits[0].text == "Check-in"
        assert str(hits[0].prompt) == "Check-in  p"
        discovered = {hit.text: str(hit.prompt) for hit in [hit async for hit in provider.discover()]}
        assert discovered["Skip planned item"] == "Skip planned item  -"
        assert discovered["Log session"] == "Log session  l"

        await pilot.press("ctrl+p")
        await settle(pilot)
        assert isinstance(app.screen, CommandPalette)
        await pilot.press(*"pain")
        await settle(pilot)
        await pilot.press("enter")  # the best hit is highlighted
        await settle(pilot)
        assert isinstance(app.screen, CheckInDialog)


async def test_palette_on_another_screen_lists_that_screens_keys(journal_path: Path) -> None:
    build_fixed_journal(journal_path)
    app = make_app(journal_path)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("c")
        await settle(pilot)
        provider = ScreenCommands(app.screen)
        hits = {hit.text: str(hit.prompt) async for hit in provider.search("months")}
        assert hits == {"6 mo": "6 mo  m"}


async def test_j_and_k_step_through_the_charts_like_down_and_up(journal_path: Path) -> None:
    build_fixed_journal(journal_path)
    app = make_app(journal_path)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("c")
        await settle(pilot)
        charts = app.screen
        assert isinstance(charts, ProgressScreen)
        seen = []
        for key in ("j", "j", "down", "k", "up", "up"):
            await pilot.press(key)
            seen.append(charts.chart)
        assert seen == ["pain", "running", "sprint", "running", "pain", "nordic"]
        await pilot.press("k")  # wraps round to the last
        assert charts.chart == "assessments"
