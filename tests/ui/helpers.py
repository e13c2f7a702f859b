"""Starting the app on a journal file and waiting for its workers, for Pilot and snapshot tests."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from textual.pilot import Pilot

from hamjournal.ui.app import HamJournalApp

# 07:30 on the fixed "today": check-ins default to the morning.
MORNING = dt.datetime(2026, 11, 25, 7, 30)


def make_app(path: Path, onboard: bool = False, replan: bool = False) -> HamJournalApp:
    """The app on `path`, with a morning clock and no cursor blink; onboarding and re-planning after a save
    only when asked for, so the fixed journal's plan stays as built."""
    return HamJournalApp(
        location=str(path), clock=lambda: MORNING, cursor_blink=False, onboard=onboard, replan=replan
    )


async def settle(pilot: Pilot[object]) -> None:
    """Let workers finish and their messages (which may start more workers) be handled."""
    for _ in range(3):
        await pilot.pause()
        await pilot.app.workers.wait_for_complete()
    await pilot.pause()
