"""A worker whose journal work fails tells the runner in a notification, and the screen stays usable."""

from __future__ import annotations

from pathlib import Path

import pytest

from hamjournal.domain.errors import InvalidInput
from hamjournal.services import JournalService
from hamjournal.store.errors import JournalUnwritable
from hamjournal.ui.screens.week import WeekScreen
from tests.ui.helpers import make_app, settle

SIZE = (100, 32)
DISK_FULL = "the disk is full: the backup /backups/daily-2026-11-25.db was not written; free some space"


def notifications(app: object) -> list[tuple[str, str]]:
    """(message, severity) of every notification shown so far."""
    return [(str(n.message), n.severity) for n in app._notifications]  # type: ignore[attr-defined]


async def test_a_journal_error_in_a_worker_is_a_warning(journal_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    def full_disk(self: JournalService) -> None:
        raise JournalUnwritable(DISK_FULL)

    monkeypatch.setattr(JournalService, "daily_backup", full_disk)
    app = make_app(journal_path)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        assert isinstance(app.screen, WeekScreen)
        assert app.screen.week is not None
        assert (f"Today's backup was not made: {DISK_FULL}", "warning") in notifications(app)


async def test_an_input_error_in_a_worker_is_shown(journal_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    def bad_input(self: JournalService) -> None:
        raise InvalidInput("ASLR 140° is not allowed: give an angle from 0 to 120")

    monkeypatch.setattr(JournalService, "advice", bad_input)
    app = make_app(journal_path)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        assert isinstance(app.screen, WeekScreen)
        expected = "Today's advice could not be worked out: ASLR 140° is not allowed: give an angle from 0 to 120"
        assert (expected, "error") in notifications(app)
