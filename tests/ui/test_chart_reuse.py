"""A chart drawn once is not built again by plotext when the progress screen is opened again on the same data."""

from __future__ import annotations

from pathlib import Path

import pytest

from hamjournal.ui.screens.progress import ProgressScreen
from hamjournal.ui.widgets import chart_plot, progress_charts
from tests.ui.helpers import make_app, settle
from tests.ui.progress_journal import build_progress_journal


async def test_a_second_visit_reuses_the_first_visits_chart(
    journal_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    build_progress_journal(journal_path)
    monkeypatch.setattr(chart_plot, "_RENDERS", [])  # what other tests drew stays out of this one
    built: list[int] = []
    decode = progress_charts.text_from_ansi

    def counting(ansi: str) -> object:
        built.append(len(ansi))
        return decode(ansi)

    monkeypatch.setattr(progress_charts, "text_from_ansi", counting)
    app = make_app(journal_path)
    async with app.run_test(size=(100, 32)) as pilot:
        await settle(pilot)
        drawings = []
        for _visit in range(2):
            await pilot.press("c")
            await settle(pilot)
            screen = app.screen
            assert isinstance(screen, ProgressScreen)
            drawings.append(screen.query_one("#main-plot").render())
            await pilot.press("escape")
            await settle(pilot)
        assert len(built) == 1  # the Nordic chart of 12 weeks, built on the first visit only
        assert str(drawings[1]) == str(drawings[0]) != ""

        await pilot.press("c")
        await settle(pilot)
        await pilot.press("m")  # another range is other data: built
        await settle(pilot)
        assert len(built) == 2
