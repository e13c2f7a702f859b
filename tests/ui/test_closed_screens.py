"""Closed screens are let go: nothing the app keeps (worker threads, signals, title watchers) holds them, and
the screens kept between visits (library, advice, charts) stay one of each."""

from __future__ import annotations

import gc
from pathlib import Path

from textual.screen import Screen
from textual.widget import Widget

from hamjournal.ui.screens.week import WeekScreen
from tests.ui.helpers import make_app, settle
from tests.ui.journals import build_fixed_journal

SIZE = (100, 32)


async def test_library_advice_and_charts_are_freed_once_closed(journal_path: Path) -> None:
    build_fixed_journal(journal_path)
    app = make_app(journal_path)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        week = app.screen
        assert isinstance(week, WeekScreen)
        for _round in range(2):
            for key in ("e", "a", "c"):
                await pilot.press(key)
                await settle(pilot)
                assert app.screen is not week
                await pilot.press("escape")
                await settle(pilot)
                assert app.screen is week
        gc.collect()
        alive = sorted(type(o).__name__ for o in gc.get_objects() if isinstance(o, Screen) and o is not week)
        # The week is the app's first screen; the three screens opened above are kept, one of each however
        # many visits (ui/kept_screens.py), and nothing else stays.
        assert alive == ["AdviceScreen", "ExercisesScreen", "ProgressScreen"]
        charts = [o for o in gc.get_objects() if isinstance(o, Widget) and type(o).__name__ == "ChartPlot"]
        assert len(charts) == 2  # the kept charts screen's two plots
