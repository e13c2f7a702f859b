"""Set-ups for the planner's pictures and tests: the demo journal without its stand-in plan, onboarding on demand."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from textual.pilot import Pilot

from hamjournal.domain.demo import demo_journal
from hamjournal.domain.models import Journal
from hamjournal.store.repo import Store

TODAY = dt.date(2026, 11, 25)


def build_demo(path: Path) -> None:
    """The 16-week demo journal (a B race behind, the A race City 10K ahead), without its stand-in plan."""
    full = demo_journal(TODAY, weeks=16)
    store = Store.open(str(path))
    try:
        store.import_journal(Journal(full.profile, full.sessions, full.symptoms, full.runs, full.assessments))
    finally:
        store.close()


async def open_onboarding(pilot: Pilot[object]) -> None:
    """Show the onboarding questions (the app does this itself on a new journal when onboarding is on)."""
    from hamjournal.ui.screens.onboarding import OnboardingScreen

    await pilot.app.push_screen(OnboardingScreen())
