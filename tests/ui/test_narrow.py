"""At 80x24 nothing is cut mid-word: no line ends in "…", every footer key is whole and ends with "? more"
where help is a key away, and every chart keeps its title. Read from what the screen draws, not from widgets.
"""

from __future__ import annotations

from pathlib import Path

from textual.app import App
from textual.pilot import Pilot

from hamjournal.domain.progress.ranges import RANGE_KEYS
from hamjournal.ui.chart_registry import CHARTS
from hamjournal.ui.screens.progress import ProgressScreen
from hamjournal.ui.screens.week import WeekScreen
from hamjournal.ui.widgets.chart_plot import ChartPlot
from hamjournal.ui.widgets.key_footer import KeyFooter
from tests.ui.helpers import make_app, settle
from tests.ui.journals import build_fixed_journal
from tests.ui.progress_journal import build_progress_journal

NARROW = (80, 24)

# name: keys pressed from the week screen (the fixed journal, today Wed 25 Nov 2026)
SCENES: dict[str, tuple[str, ...]] = {
    "week": (),
    "week-tuesday": ("left", "down", "down", "down"),
    "week-next": ("right_square_bracket",),
    "help": ("question_mark",),
    "advice": ("a",),
    "library": ("e",),
    "exercise-page": ("e", "enter"),
    "tempo-player": ("e", "enter", "s"),
    "season": ("b",),
    "coach": ("C",),
    "profile": ("P",),
    "log-session": ("l",),
    "check-in": ("p",),
    "log-run": ("r",),
    "reassessment": ("A",),
    "add-to-plan": ("n",),
    "confirm-delete": ("left", "down", "x"),
}

# Range keys of the progress screen, from its bindings: "w" (12 weeks) … "h" (all).
RANGE_PRESS = {"12w": "w", "6m": "m", "1y": "y", "all": "h"}


def screen_lines(app: App[None]) -> list[str]:
    """The text of each row the current screen draws."""
    return [strip.text for strip in app.screen._compositor.render_strips()]


def footer_entries(app: App[None]) -> list[str]:
    """The footer's descriptions, left to right ("Log", "Check-in", …, "more")."""
    footer = app.screen.query_one(KeyFooter)
    text = str(footer.render()).replace("▏", "  ")
    return [entry.strip().split(" ", 1)[1] for entry in text.split("  ") if " " in entry.strip()]


def whole_descriptions(app: App[None]) -> set[str]:
    """Every description a footer entry may show here: bindings', binding groups', "more" and "palette"."""
    found = {"more", "palette"}
    for active in app.screen.active_bindings.values():
        found.add(active.binding.description)
        if active.binding.group is not None:
            found.add(active.binding.group.description)
    return found


def assert_nothing_cut(app: App[None], scene: str) -> None:
    lines = screen_lines(app)
    cut = [line.rstrip() for line in lines if line.rstrip().endswith("…")]
    assert cut == [], f"{scene}: lines cut off: {cut}"
    entries = [entry.strip() for entry in footer_entries(app)]
    allowed = whole_descriptions(app)
    assert all(entry in allowed for entry in entries), f"{scene}: footer {entries} has a key cut off"
    help_key = app.screen.active_bindings.get("question_mark")
    if help_key is not None and help_key.binding.action != "close":  # help is a key away (not in a text field)
        keys = str(app.screen.query_one(KeyFooter).render()).split("▏")[0]
        assert keys.rstrip().endswith("? more"), f"{scene}: {keys}"


async def back_to_week(pilot: Pilot[None]) -> None:
    for _ in range(5):
        if isinstance(pilot.app.screen, WeekScreen):
            return
        await pilot.press("escape")
        await settle(pilot)
    assert isinstance(pilot.app.screen, WeekScreen)


async def test_no_screen_cuts_a_word_at_80x24(journal_path: Path) -> None:
    build_fixed_journal(journal_path)
    app = make_app(journal_path)
    async with app.run_test(size=NARROW) as pilot:
        await settle(pilot)
        for scene, pressed in SCENES.items():
            for key in pressed:
                await pilot.press(key)
                await settle(pilot)
            assert_nothing_cut(app, scene)
            await back_to_week(pilot)


async def test_week_footer_ends_with_more_and_keeps_the_most_used_keys(journal_path: Path) -> None:
    build_fixed_journal(journal_path)
    app = make_app(journal_path)
    async with app.run_test(size=NARROW) as pilot:
        await settle(pilot)
        entries = footer_entries(app)
        assert entries[:4] == ["Log", "Check-in", "Run", "Edit"]
        assert entries[-1] == "more"
        await pilot.resize_terminal(160, 40)
        await settle(pilot)
        wide = footer_entries(app)
        assert {"Log", "Check-in", "Run", "Edit", "Advice", "Play", "Library", "Charts", "Week", "Today", "Del",
                "more", "palette"} <= set(wide)


async def test_every_chart_keeps_its_title_at_80x24(journal_path: Path) -> None:
    build_progress_journal(journal_path)
    app = make_app(journal_path)
    async with app.run_test(size=NARROW) as pilot:
        await settle(pilot)
        await pilot.press("c")
        await settle(pilot)
        assert isinstance(app.screen, ProgressScreen)
        for range_key in RANGE_KEYS:
            await pilot.press(RANGE_PRESS[range_key])
            for chart in CHARTS:
                await pilot.press(chart.key)
                await settle(pilot)
                lines = screen_lines(app)
                for plot in app.screen.query(ChartPlot):
                    if not plot.display:
                        continue
                    region = plot.region
                    title = lines[region.y][region.x : region.right].strip()
                    assert title, f"{chart.name} {range_key}: the {plot.id} has no title"
                assert_nothing_cut(app, f"{chart.name} {range_key}")
