"""The terminal: below 80x24 the app says what it needs, and a resize in the middle of a dialog or the tempo
player loses nothing the runner typed or did."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from textual.pilot import Pilot
from textual.widgets import Input

from hamjournal.domain.models import Prescription
from hamjournal.store.repo import Store
from hamjournal.ui.screens.check_in import CheckInDialog
from hamjournal.ui.screens.log_session import LogSessionDialog
from hamjournal.ui.screens.tempo_player import TempoPlayerScreen
from hamjournal.ui.screens.week import WeekScreen
from tests.ui.helpers import make_app, settle
from tests.ui.player_support import FakeClock

TODAY = dt.date(2026, 11, 25)
BIG, SMALL = (100, 32), (60, 20)


async def _open_journal(pilot: Pilot[object]) -> None:
    # The journal opens in a worker; settle() waits for workers however long they take, so this waits for a
    # number of rounds, not for a time a slow machine could overrun.
    for _ in range(10):
        if getattr(pilot.app, "journal", None) is not None:
            return
        await settle(pilot)
    assert getattr(pilot.app, "journal", None) is not None, "the journal did not open"


def _guard_text(app: object) -> str | None:
    guard = app.screen.query_one("SizeGuard")  # type: ignore[attr-defined]
    return str(guard.render()) if guard.display else None


async def test_a_resize_during_the_check_in_keeps_what_was_typed(journal_path: Path) -> None:
    app = make_app(journal_path)
    async with app.run_test(size=BIG) as pilot:
        await settle(pilot)
        await pilot.press("p", "3", "tab", "4")
        await settle(pilot)
        dialog = app.screen
        assert isinstance(dialog, CheckInDialog)
        await pilot.resize_terminal(*SMALL)
        await settle(pilot)
        assert _guard_text(app) == "hamjournal needs a terminal of at least 80x24 (now 60x20)"
        await pilot.resize_terminal(*BIG)
        await settle(pilot)
        assert app.screen is dialog and _guard_text(app) is None
        assert (dialog.query_one("#pain", Input).value, dialog.query_one("#stiffness", Input).value) == ("3", "4")


async def test_enter_saves_the_check_in_after_a_resize(journal_path: Path) -> None:
    app = make_app(journal_path)
    async with app.run_test(size=BIG) as pilot:
        await settle(pilot)
        await pilot.press("p", "3", "tab", "4")
        await settle(pilot)
        dialog = app.screen
        await pilot.resize_terminal(*SMALL)
        await settle(pilot)
        await pilot.resize_terminal(*BIG)
        await settle(pilot)
        assert dialog.focused is dialog.query_one("#stiffness", Input)
        await pilot.press("enter")
        await settle(pilot)
        assert isinstance(app.screen, WeekScreen)
    store = Store.open(str(journal_path))
    try:
        saved = [(s.pain, s.stiffness) for s in store.symptoms_between(TODAY, TODAY)]
    finally:
        store.close()
    assert saved == [(3, 4)]


async def test_a_resize_during_the_tempo_player_loses_no_rep(journal_path: Path) -> None:
    clock = FakeClock()
    app = make_app(journal_path)
    async with app.run_test(size=BIG) as pilot:
        await _open_journal(pilot)
        player = TempoPlayerScreen(
            "nordic", "band-assisted", Prescription(1, (2,), tempo="2-0-1-0"), TODAY,
            clock=clock, rest_s=3, lead_in_s=1,
        )  # fmt: skip
        app.push_screen(player)
        await settle(pilot)
        clock.now += 4.5  # after a 1 s lead-in and a 3 s rep: the second rep's lowering
        player.refresh_view()  # the tick its timer runs every 0.1 s, here without waiting for one
        await settle(pilot)
        counters = str(player.query_one("#counters").render())
        assert "Rep 2 of 2" in counters
        await pilot.resize_terminal(*SMALL)
        await settle(pilot)
        assert _guard_text(app) == "hamjournal needs a terminal of at least 80x24 (now 60x20)"
        await pilot.resize_terminal(*BIG)
        await settle(pilot)
        assert app.screen is player
        assert str(player.query_one("#counters").render()) == counters
        clock.now += 10  # past the end: the log dialog, prefilled
        player.refresh_view()
        await settle(pilot)
        assert isinstance(app.screen, LogSessionDialog)
        await pilot.press("enter")
        await settle(pilot)
    store = Store.open(str(journal_path))
    try:
        sessions = store.sessions_between(TODAY, TODAY)
    finally:
        store.close()
    assert [[s.reps for s in session.sets] for session in sessions] == [[2]]
