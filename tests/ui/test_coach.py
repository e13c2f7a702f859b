"""The squad in the app: the coach view (C), the athlete switcher (u), and an edit refused as stale.

A squad journal with three athletes on the fixed week of 23 Nov 2026 (today Wed 25): alice has the fixed
journal, bob the same plus a sudden sharp pain this morning (today's advice: stop), carol nothing yet.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace
from pathlib import Path

import pytest
from pytest import MonkeyPatch
from textual.pilot import Pilot
from textual.widgets import DataTable, Input, OptionList

from hamjournal.domain.models import SymptomLog
from hamjournal.store import repo
from hamjournal.store.engine import open_engine
from hamjournal.store.repo import Store
from hamjournal.ui.screens.athlete_switcher import AthleteSwitcher
from hamjournal.ui.screens.check_in import CheckInDialog
from hamjournal.ui.screens.coach import CoachScreen
from hamjournal.ui.screens.week import WeekScreen
from tests.ui.helpers import make_app, settle
from tests.ui.journals import TUE, WED, build_fixed_journal, fixed_journal

SIZE = (100, 32)
SQUAD = ("alice", "bob", "carol")


def build_squad(path: Path) -> None:
    """alice, bob (told to stop today) and carol (empty) in one journal file."""
    engine, label = open_engine(str(path))
    try:
        for name in SQUAD:
            repo.add_athlete(engine, label, name)
    finally:
        engine.dispose()
    for name in ("alice", "bob"):
        store = Store.open(str(path), athlete=name)
        try:
            store.import_journal(fixed_journal())
            if name == "bob":
                store.add_symptom(SymptomLog(WED, pain=6, when="morning", side="left", sudden=True))
        finally:
            store.close()


@pytest.fixture
def squad(journal_path: Path) -> Path:
    build_squad(journal_path)
    return journal_path


def table_rows(app: object) -> list[list[str]]:
    table = app.screen.query_one(DataTable)  # type: ignore[attr-defined]
    return [[str(cell) for cell in table.get_row_at(i)] for i in range(table.row_count)]


async def test_coach_view_lists_stops_first_and_enter_opens_that_athletes_week(squad: Path) -> None:
    app = make_app(squad)  # no --athlete: a squad journal opens on its first athlete
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        assert app.journal is not None and app.journal.athlete == "alice"
        await pilot.press("C")
        await settle(pilot)
        assert isinstance(app.screen, CoachScreen)
        rows = table_rows(app)
        assert [r[0] for r in rows] == ["bob", "alice", "carol"]
        bob, alice, carol = rows
        assert bob[3].startswith("STOP · stop ") and "Nordic" in bob[3]
        assert not alice[3].startswith("STOP") and "Nordic" in alice[3]
        # The fixed week: Mon's Nordic done, Tue's bridge missed and its iso hold logged without a plan item (done,
        # as on the week line), Wed's Nordic still to do (Thu, Sat to come).
        assert alice[1] == "2/6"
        assert (alice[2], bob[2], carol[2]) == ("today", "today", "none")
        assert carol[1] == "–"
        flags = str(app.screen.query_one("#coach-flags").render())
        assert flags.startswith("bob: STOP") and "• You logged a sudden sharp pain" in flags
        await pilot.press("down", "down", "enter")
        await settle(pilot)
        assert isinstance(app.screen, WeekScreen)
        assert app.journal.athlete == "carol"
        assert app.sub_title.startswith("carol · ")
        assert app.screen.empty  # carol has logged nothing: the week shows how to start


async def test_switching_athlete_with_u_logs_for_that_athlete(squad: Path) -> None:
    app = make_app(squad)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("u")
        await settle(pilot)
        assert isinstance(app.screen, AthleteSwitcher)
        options = app.screen.query_one(OptionList)
        assert [str(options.get_option_at_index(i).prompt) for i in range(options.option_count)] == [
            "alice  (open)", "bob", "carol",
        ]  # fmt: skip
        await pilot.press("down", "down", "enter")
        await settle(pilot)
        assert app.journal is not None and app.journal.athlete == "carol"
        await pilot.press("p", "3", "enter")
        await settle(pilot)
    for name, pains in (("carol", [3]), ("alice", [1])):
        store = Store.open(str(squad), athlete=name)
        try:
            assert [s.pain for s in store.symptoms_between(WED, WED)] == pains, name
        finally:
            store.close()


async def test_an_edit_of_a_check_in_changed_elsewhere_meanwhile_is_refused_in_the_dialog(
    journal_path: Path,
) -> None:
    build_fixed_journal(journal_path)
    app = make_app(journal_path)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        other = Store.open(str(journal_path))
        try:
            (log,) = other.symptoms_between(TUE, TUE)
            app.push_screen(CheckInDialog(TUE, log_id=log.id))
            await settle(pilot)
            # Another machine saves the same check-in while the dialog is open.
            other.update_symptom(replace(log, pain=5))
            app.screen.query_one("#pain", Input).value = "4"
            await pilot.press("enter")
            await settle(pilot)
            assert isinstance(app.screen, CheckInDialog), "the dialog stays open"
            message = str(app.screen.query_one("#form-error").render())
            assert "changed on another machine" in message and "nothing was saved" in message
            assert [s.pain for s in other.symptoms_between(TUE, TUE)] == [5]
        finally:
            other.close()


@pytest.mark.parametrize("size", [(80, 24), (120, 40)], ids=lambda s: f"{s[0]}x{s[1]}")
def test_coach_snapshot(
    size: tuple[int, int], journal_path: Path, snap_compare: Callable[..., bool], monkeypatch: MonkeyPatch
) -> None:
    build_squad(journal_path)
    monkeypatch.chdir(journal_path.parent)

    async def run_before(pilot: Pilot[object]) -> None:
        await settle(pilot)
        await pilot.press("C")
        await settle(pilot)

    assert snap_compare(make_app(Path(journal_path.name)), terminal_size=size, run_before=run_before)
