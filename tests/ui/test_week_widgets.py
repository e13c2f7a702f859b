"""The week screen's own widgets: the calendar's column split, the key bar's clicks, and the collector's return."""

from __future__ import annotations

import gc
from itertools import pairwise
from pathlib import Path

import pytest

from hamjournal.ui.screens.help import HelpScreen
from hamjournal.ui.screens.week import WeekScreen
from hamjournal.ui.widgets.key_footer import KeyFooter
from hamjournal.ui.widgets.week_grid import column_spans
from tests.ui.helpers import make_app, settle
from tests.ui.journals import build_fixed_journal

SIZE = (100, 32)


@pytest.mark.parametrize(
    ("width", "widths"),
    [
        (7, [1, 1, 1, 1, 1, 1, 1]),
        # 80 cells: what Textual's layout gave seven `1fr` column widgets (the week snapshots before one widget)
        (80, [11, 11, 12, 11, 12, 11, 12]),
        (100, [14, 14, 14, 15, 14, 14, 15]),
        (120, [17, 17, 17, 17, 17, 17, 18]),
    ],
)
def test_columns_split_the_width_as_textual_splits_fr(width: int, widths: list[int]) -> None:
    spans = column_spans(width)
    assert [span for _, span in spans] == widths
    assert spans[0][0] == 0
    assert all(start + span == following for (start, span), (following, _) in pairwise(spans))
    assert sum(widths) == width


async def test_clicking_a_key_on_the_bar_presses_it(journal_path: Path) -> None:
    build_fixed_journal(journal_path)
    app = make_app(journal_path)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        footer = app.screen.query_one(KeyFooter)
        help_span = next(span for span in footer._spans if span.key == "question_mark")
        await pilot.click(KeyFooter, offset=(help_span.start + 1, 0))
        await settle(pilot)
        assert isinstance(app.screen, HelpScreen)


async def test_keys_that_wait_for_the_journal_show_dimmed_then_bright(journal_path: Path) -> None:
    build_fixed_journal(journal_path)
    app = make_app(journal_path)
    async with app.run_test(size=SIZE) as pilot:
        footer = app.screen.query_one(KeyFooter)
        footer.render()
        assert not next(span for span in footer._spans if span.key == "l").enabled  # the journal is not open yet
        await settle(pilot)
        footer.render()
        assert next(span for span in footer._spans if span.key == "l").enabled
        assert isinstance(app.screen, WeekScreen)


async def test_the_collector_comes_back_once_the_week_is_shown(journal_path: Path) -> None:
    # The command line starts the app with the collector off (hamjournal.cli.main).
    build_fixed_journal(journal_path)
    app = make_app(journal_path)
    gc.disable()
    try:
        async with app.run_test(size=SIZE) as pilot:
            await settle(pilot)
            assert isinstance(app.screen, WeekScreen) and app.screen.week is not None
            assert gc.isenabled()
    finally:
        gc.enable()
        gc.unfreeze()  # what the app froze belongs to this test run, not to a session
