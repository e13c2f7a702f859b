"""The app never sends a note's or a name's control characters to the terminal: it shows them (ESC as "␛")."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from hamjournal.services import JournalService
from hamjournal.store.repo import Store
from hamjournal.ui.widgets.detail_pane import DetailPane
from tests.ui.helpers import make_app, settle

TODAY = dt.date(2026, 11, 25)
WIPE = "\x1b[2J\x1b[H"
NOTE = f"tight{WIPE} \x1b]52;c;aGVsbG8=\x07 \x9b31m [/] [bold]x"


async def test_a_note_with_escape_sequences_is_shown_not_obeyed(journal_path: Path, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    monkeypatch.setenv("HAMJOURNAL_TODAY", TODAY.isoformat())
    service = JournalService(Store.open(str(journal_path)))
    try:
        service.check_in(2, note=NOTE, date=TODAY - dt.timedelta(days=1))
    finally:
        service.close()
    app = make_app(journal_path)
    async with app.run_test(size=(120, 40)) as pilot:
        for _ in range(5):
            await settle(pilot)
        await pilot.press("left")  # Tuesday: the check-in alone
        await settle(pilot)
        pane = app.screen.query_one(DetailPane)
        assert "␛[2J␛[H" in pane.plain  # the pane's own text, from the domain's visible()
        screen = app.export_screenshot()
        # Every rendered line went through the app's VisibleText filter: nothing a terminal would obey is left,
        # and the note's brackets were not read as markup.
        assert "\x1b" not in screen and "\x9b" not in screen and "\x07" not in screen
        assert "tight␛[2J␛[H" in screen
        assert "[/]&#160;[bold]x" in screen


async def test_a_journal_path_with_escape_sequences_is_shown_in_the_header(tmp_path: Path, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    # The header shows the journal's location as given: not escaped by any domain function, so this is the
    # app's VisibleText line filter at work.
    monkeypatch.setenv("HAMJOURNAL_TODAY", TODAY.isoformat())
    monkeypatch.setenv("HAMJOURNAL_DATA_DIR", str(tmp_path))
    path = tmp_path / "j\x1b]2;owned\x07.db"
    app = make_app(path)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        screen = app.export_screenshot()
        assert "\x1b" not in screen and "\x07" not in screen
        assert "j␛]2;owned" in screen  # (Rich itself drops the BEL)
