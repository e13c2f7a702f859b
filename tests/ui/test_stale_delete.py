"""`x y` on an entry another machine changed since the week was read is refused, as an edit is."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

from hamjournal.store.repo import Store
from hamjournal.ui.screens.confirm import ConfirmDialog
from tests.ui.helpers import make_app, settle
from tests.ui.journals import MON, build_fixed_journal

SIZE = (100, 32)


def _notifications(app: object) -> list[str]:
    return [str(n.message) for n in app._notifications]  # type: ignore[attr-defined]


async def test_deleting_an_entry_changed_elsewhere_is_refused(journal_path: Path) -> None:
    build_fixed_journal(journal_path)
    app = make_app(journal_path)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("left", "left", "down", "x")  # Mon: Easy run 40 min, read at revision 1
        await settle(pilot)
        assert isinstance(app.screen, ConfirmDialog)
        # Meanwhile the phone edits that run.
        phone = Store.open(str(journal_path))
        try:
            (run,) = phone.runs_between(MON, MON)
            phone.update_run(replace(run, minutes=55.0, note="phone"))
        finally:
            phone.close()
        await pilot.press("y")
        await settle(pilot)
        assert any("changed on another machine" in text and "nothing was deleted" in text
                   for text in _notifications(app)), _notifications(app)
    store = Store.open(str(journal_path))
    try:
        assert [(r.minutes, r.note) for r in store.runs_between(MON, MON)] == [(55.0, "phone")]
    finally:
        store.close()
