"""A live journal: the open app notices writes made by another process and a journal file replaced under it.

The poll the app runs about once a second (HAMJOURNAL_WATCH_S) is driven here by calling
HamJournalApp.check_journal directly: what is tested is what one poll does, with no timing involved.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from hamjournal.store.repo import Store
from hamjournal.ui.screens.advice import AdviceScreen
from tests.ui.advice_journals import TODAY, mixed_journal, write
from tests.ui.helpers import make_app, settle
from tests.ui.test_advice import settle_until, shown_text, strip_of

SIZE = (100, 32)
REPO_ROOT = Path(__file__).resolve().parents[2]


def _second_terminal(*args: str) -> None:
    """`hamjournal ARGS` in another process, as a runner's second terminal would run it."""
    env = {k: v for k, v in os.environ.items() if not k.startswith("HAMJOURNAL_")}
    env |= {"HAMJOURNAL_TODAY": TODAY.isoformat(), "PYTHONPATH": str(REPO_ROOT)}
    result = subprocess.run([sys.executable, "-m", "hamjournal", *args], env=env, capture_output=True, text=True)
    assert result.returncode == 0, result.stderr


async def _absorb_own_writes(app: object, pilot: object) -> None:
    """Poll until the app's own writes (the re-plan of a read, a save) have been seen: SQLite's data_version
    counts every other connection's commits, the app's own included, so a poll after them says "changed"
    once (an extra read of the week, never a missed one)."""
    for _ in range(3):
        if app.check_journal() == "same":  # type: ignore[attr-defined]
            return
        await settle(pilot)  # type: ignore[arg-type]
    raise AssertionError("the journal kept changing with nothing written elsewhere")


async def test_a_red_flag_logged_in_another_terminal_shows_stop(journal_path: Path) -> None:
    write(journal_path, mixed_journal())
    app = make_app(journal_path, replan=True)
    async with app.run_test(size=SIZE) as pilot:
        await settle_until(pilot, lambda: bool(strip_of(app).lines))
        assert not strip_of(app).banner
        await _absorb_own_writes(app, pilot)

        _second_terminal("--db", str(journal_path), "pain", "7")
        assert app.check_journal() == "changed"
        await settle_until(pilot, lambda: bool(strip_of(app).banner))
        assert strip_of(app).banner.startswith("■ STOP hamstring loading — see a physiotherapist or doctor.")
        assert app.screen.query_one("#stop-banner").display
        assert "pain 7" in app.screen.query_one("#detail").plain
        await _absorb_own_writes(app, pilot)


async def test_the_open_advice_screen_follows_a_write_made_elsewhere(journal_path: Path) -> None:
    write(journal_path, mixed_journal())
    app = make_app(journal_path, replan=True)
    async with app.run_test(size=SIZE) as pilot:
        await settle_until(pilot, lambda: bool(strip_of(app).lines))
        await pilot.press("a")
        await settle(pilot)
        assert isinstance(app.screen, AdviceScreen)
        assert "STOP" not in shown_text(app.screen.query_one("#advice-page"))
        _second_terminal("--db", str(journal_path), "pain", "2", "--sudden")
        assert app.check_journal() == "changed"
        await settle_until(pilot, lambda: "STOP" in shown_text(app.screen.query_one("#advice-page")))
        assert isinstance(app.screen, AdviceScreen)


async def test_a_journal_replaced_by_a_restore_is_reopened_before_the_next_save(
    journal_path: Path, tmp_path: Path
) -> None:
    write(journal_path, mixed_journal())
    app = make_app(journal_path, replan=True)
    async with app.run_test(size=SIZE) as pilot:
        await settle_until(pilot, lambda: bool(strip_of(app).lines))
        backup = tmp_path / "backup.db"
        _second_terminal("--db", str(journal_path), "backup", "-o", str(backup))
        _second_terminal("--db", str(journal_path), "pain", "3", "--note", "after the backup")
        _second_terminal("--db", str(journal_path), "restore", str(backup))
        # No poll yet: the save itself must find the file replaced and go to the restored journal.
        await pilot.press("p", "4", "enter")
        await settle(pilot)
        assert app.check_journal() != "replaced"  # the save reopened it already
        assert any("Saved" in str(n.message) for n in app._notifications)
    store = Store.open(str(journal_path))
    try:
        notes = [(s.pain, s.note) for s in store.symptoms_between(TODAY, TODAY)]
    finally:
        store.close()
    assert (4, None) in notes or (4, "") in notes, notes  # the app's save is in the journal on disk
    assert (3, "after the backup") not in notes  # the restore put the backup's state back


async def test_a_poll_says_the_file_was_replaced_and_the_app_tells_the_runner(
    journal_path: Path, tmp_path: Path
) -> None:
    write(journal_path, mixed_journal())
    app = make_app(journal_path, replan=True)
    async with app.run_test(size=SIZE) as pilot:
        await settle_until(pilot, lambda: bool(strip_of(app).lines))
        backup = tmp_path / "backup.db"
        _second_terminal("--db", str(journal_path), "backup", "-o", str(backup))
        _second_terminal("--db", str(journal_path), "restore", str(backup))
        assert app.check_journal() == "replaced"
        await settle(pilot)
        assert any("The journal file was replaced" in str(n.message) for n in app._notifications)
