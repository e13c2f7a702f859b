"""Helpers for the tempo player and library tests: a fake clock and an app whose journal is open."""

from __future__ import annotations

from pathlib import Path

from textual.pilot import Pilot

from hamjournal.domain.models import Prescription
from hamjournal.ui.app import HamJournalApp
from hamjournal.ui.screens.tempo_player import TempoPlayerScreen
from tests.ui import helpers


class FakeClock:
    """A clock the test moves by hand: `clock.now += 2.5`."""

    def __init__(self, start: float = 1000.0) -> None:
        self.now = start

    def __call__(self) -> float:
        return self.now


def journal_app(path: Path) -> HamJournalApp:
    """The real app on a journal file, cursor blink off, no onboarding (the tests start from an empty journal)."""
    return HamJournalApp(str(path), cursor_blink=False, onboard=False)


async def wait_for_journal(pilot: Pilot[None]) -> None:
    """Let the app open its journal (a worker) and read the week, so later keys are not dimmed."""
    await helpers.settle(pilot)
    assert getattr(pilot.app, "journal", None) is not None, "the journal did not open"


async def settle(pilot: Pilot[None]) -> None:
    """Run the player's next tick and any worker it started (a save, a read).

    The tick is called here as its timer would call it, so a busy machine cannot make the test miss it: the
    player reads only the fake clock, and a second tick on the same clock changes nothing.
    """
    await helpers.settle(pilot)
    screen = pilot.app.screen
    if isinstance(screen, TempoPlayerScreen) and screen.is_mounted:
        screen.refresh_view()
        await helpers.settle(pilot)


async def player_at_first_rep(pilot: Pilot[object]) -> None:
    """The Nordic player 2.5 s into the first rep (after the 5 s lead-in): LOWER, 2 s left, half a bar.
    For the snapshot tests and screenshots/make_screenshots.py."""
    await helpers.settle(pilot)
    clock = FakeClock()
    prescription = Prescription(2, (5, 5), tempo="4-0-1-0")
    pilot.app.push_screen(TempoPlayerScreen("nordic", "band-assisted", prescription, clock=clock))
    await helpers.settle(pilot)
    clock.now += 7.5
    await settle(pilot)
