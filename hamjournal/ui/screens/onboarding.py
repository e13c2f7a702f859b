"""Onboarding: the profile questions on first start (an empty journal that was never set up).

The same form as the profile screen, with a welcome. Esc leaves it for later: the questions come back on the
next start until they are answered.
"""

from __future__ import annotations

from hamjournal.ui.screens.profile import ProfileScreen


class OnboardingScreen(ProfileScreen):
    """Welcome, then the runner's week, mode, Nordic ability and races; saving makes the first plan."""

    TITLE_TEXT = "Welcome to hamjournal"
    INTRO = (
        "A few questions so the plan fits your week: tick the days you run, your hard days and any other "
        "heavy strength days, then save with ctrl+s. You can change all of it later with P."
    )

    def action_cancel(self) -> None:
        """Later: nothing is saved, and onboarding comes back next time."""
        self.notify("No profile yet: P opens these questions again.")
        self.dismiss(False)
