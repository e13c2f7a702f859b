"""The week screen reminds the runner when a reassessment is due, and stops once one is logged."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from textual.widgets import Static

from hamjournal.domain.models import Assessment
from hamjournal.store.repo import Store
from tests.ui.helpers import make_app, settle
from tests.ui.journals import build_fixed_journal

SIZE = (100, 32)


def week_line(app: object) -> str:
    return str(app.screen.query_one("#week-line", Static).render())  # type: ignore[attr-defined]


def add_assessment(path: Path, day: dt.date) -> None:
    store = Store.open(str(path))
    try:
        store.add_assessment(Assessment(day, "sl-bridge-reps", left=20, right=22))
    finally:
        store.close()


async def test_a_journal_never_assessed_shows_the_reminder(journal_path: Path) -> None:
    build_fixed_journal(journal_path)
    app = make_app(journal_path)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        assert week_line(app).endswith("· reassessment due (A)")
        assert app.screen.reassessment_due == dt.date(2026, 11, 18)  # the fixed journal's first entry, 18 Nov


async def test_a_recent_assessment_clears_it_and_an_old_one_brings_it_back(journal_path: Path) -> None:
    build_fixed_journal(journal_path)
    add_assessment(journal_path, dt.date(2026, 11, 10))  # 15 days before today: not due
    app = make_app(journal_path)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        assert "reassessment" not in week_line(app)
        assert week_line(app).startswith("Week of 23 Nov 2026")

    old = journal_path.with_name("old.db")
    build_fixed_journal(old)
    add_assessment(old, dt.date(2026, 10, 20))  # 36 days: due since 17 Nov
    app = make_app(old)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        assert week_line(app).endswith("· reassessment due (A)")
        assert app.screen.reassessment_due == dt.date(2026, 11, 17)  # four weeks after 20 Oct
