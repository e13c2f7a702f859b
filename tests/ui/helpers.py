"""Starting the app on a journal file and waiting for its workers, for Pilot and snapshot tests."""

from __future__ import annotations

import contextlib
import datetime as dt
from pathlib import Path

from textual.pilot import Pilot
from textual.worker import WorkerCancelled

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
    """Let workers finish and their messages (which may start more workers) be handled.

    A refresh replaced by a newer one (an exclusive worker) ends cancelled, by design; the wait goes on for the
    rest. Saves and imports are owned by the app and never cancelled, so a lost entry still fails the test that
    reads the journal back.
    """
    for _ in range(3):
        await pilot.pause()
        for worker in list(pilot.app.workers):
            with contextlib.suppress(WorkerCancelled):
                await worker.wait()
    await pilot.pause()
