"""Pilot tests: press the keys a runner presses, then read the journal file with a fresh Store."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from textual.widgets import Input

from hamjournal.store.repo import Store
from hamjournal.ui.palette import screen_commands
from hamjournal.ui.screens.check_in import CheckInDialog
from hamjournal.ui.screens.confirm import ConfirmDialog
from hamjournal.ui.screens.help import HelpScreen
from hamjournal.ui.screens.log_run import LogRunDialog
from hamjournal.ui.screens.log_session import LogSessionDialog
from hamjournal.ui.screens.week import WeekScreen
from hamjournal.ui.widgets.detail_pane import DetailPane
from hamjournal.ui.widgets.form_row import FormRow
from tests.ui.helpers import make_app, settle
from tests.ui.journals import LAST_WEEK, MON, TUE, WED, build_fixed_journal

SIZE = (100, 32)
WEEK = (dt.date(2026, 11, 23), dt.date(2026, 11, 29))
ALL_TIME = (dt.date(2000, 1, 1), dt.date(2100, 1, 1))


def read(path: Path) -> Store:
    """A fresh Store on the file, as another program would open it."""
    return Store.open(str(path))


@pytest.fixture
def fixed(journal_path: Path) -> Path:
    """The hand-built journal for the week of 23 Nov 2026."""
    build_fixed_journal(journal_path)
    return journal_path


def text_of(app: object, selector: str) -> str:
    """The plain text a Static shows."""
    return str(app.screen.query_one(selector).render())  # type: ignore[attr-defined]


async def test_log_session_with_l_sets_enter(journal_path: Path) -> None:
    app = make_app(journal_path)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("l")
        await settle(pilot)
        assert isinstance(app.screen, LogSessionDialog)
        await pilot.press(*"3x6", "enter")
        await settle(pilot)
        assert isinstance(app.screen, WeekScreen)
        assert "Nordic hamstring curl 3x6 · band-assisted" in app.screen.query_one("#detail", DetailPane).plain
    store = read(journal_path)
    sessions = store.sessions_between(*ALL_TIME)
    store.close()
    assert [(s.date, s.exercise, [x.reps for x in s.sets], s.step, s.tempo) for s in sessions] == [
        (WED, "nordic", [6, 6, 6], "band-assisted", "4-0-1-0")
    ]


async def test_morning_check_in_takes_five_keys(journal_path: Path) -> None:
    app = make_app(journal_path)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        keys = ["p", "1", "tab", "2", "enter"]
        for key in keys:
            await pilot.press(key)
            await settle(pilot)
        assert len(keys) <= 6
        assert isinstance(app.screen, WeekScreen)
    store = read(journal_path)
    logs = store.symptoms_between(*ALL_TIME)
    store.close()
    assert [(s.date, s.when, s.pain, s.stiffness, s.side) for s in logs] == [(WED, "morning", 1, 2, "both")]


async def test_log_run(journal_path: Path) -> None:
    app = make_app(journal_path)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("r")
        await settle(pilot)
        assert isinstance(app.screen, LogRunDialog)
        await pilot.press(*"45", "tab", "tab")
        await pilot.press(*"9.5", "enter")
        await settle(pilot)
        assert isinstance(app.screen, WeekScreen)
    store = read(journal_path)
    runs = store.runs_between(*ALL_TIME)
    store.close()
    assert [(r.date, r.minutes, r.kind, r.distance_km) for r in runs] == [(WED, 45.0, "easy", 9.5)]


async def test_pain_11_is_refused_beside_the_field(journal_path: Path) -> None:
    app = make_app(journal_path)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("p", "1", "1", "enter")
        await settle(pilot)
        dialog = app.screen
        assert isinstance(dialog, CheckInDialog)
        row = dialog.query_one("#row-pain", FormRow)
        assert row.has_class("-invalid")
        assert "pain '11' is not allowed: use a whole number from 0 to 10" in str(
            row.query_one(".form-error").render()
        )
        assert dialog.focused is dialog.query_one("#pain", Input)
    store = read(journal_path)
    assert store.symptoms_between(*ALL_TIME) == []
    store.close()


async def test_future_day_is_refused_with_the_domain_message(journal_path: Path) -> None:
    app = make_app(journal_path)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("right", "p", "0", "enter")
        await settle(pilot)
        assert isinstance(app.screen, CheckInDialog)
        assert "is in the future" in str(app.screen.query_one("#row-date .form-error").render())
    store = read(journal_path)
    assert store.symptoms_between(*ALL_TIME) == []
    store.close()


async def test_week_keys_move_between_weeks(fixed: Path) -> None:
    app = make_app(fixed)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        week = app.screen
        assert isinstance(week, WeekScreen)
        # The fixed journal has never been assessed, so the line also asks for a first reassessment. Done counts
        # Monday's planned Nordic and Tuesday's iso hold, logged without a plan item.
        line = "Week of 23 Nov 2026 · 2 done · 1 missed · 3 planned · reassessment due (A)"
        assert text_of(app, "#week-line") == line
        await pilot.press("left_square_bracket")
        await settle(pilot)
        assert text_of(app, "#week-line").startswith("Week of 16 Nov 2026")
        assert week.selected_date == LAST_WEEK  # the weekday stays selected: Wed 18
        assert "Nordic hamstring curl 2x5" in app.screen.query_one("#detail", DetailPane).plain
        await pilot.press("right_square_bracket", "right_square_bracket")
        await settle(pilot)
        assert text_of(app, "#week-line").startswith("Week of 30 Nov 2026")
        await pilot.press("t")
        await settle(pilot)
        assert text_of(app, "#week-line").startswith("Week of 23 Nov 2026")
        assert week.selected_date == WED


async def test_edit_a_check_in(fixed: Path) -> None:
    app = make_app(fixed)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("left", "down", "down", "down", "enter")  # Tue: the morning check-in
        await settle(pilot)
        dialog = app.screen
        assert isinstance(dialog, CheckInDialog)
        pain = dialog.query_one("#pain", Input)
        assert pain.value == "2"
        pain.value = "4"
        await pilot.press("enter")
        await settle(pilot)
        assert isinstance(app.screen, WeekScreen)
    store = read(fixed)
    logs = store.symptoms_between(TUE, TUE)
    store.close()
    assert [(s.pain, s.stiffness, s.side, s.location, s.sleep_h) for s in logs] == [(4, 3, "left", "proximal", 7.5)]


async def test_edit_a_session_keeps_the_id_and_changes_sets(fixed: Path) -> None:
    app = make_app(fixed)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("left", "left", "enter")  # Mon: Nordic 3x6 (done, from the plan)
        await settle(pilot)
        dialog = app.screen
        assert isinstance(dialog, LogSessionDialog)
        sets = dialog.query_one("#sets", Input)
        assert sets.value == "3x6"
        sets.value = "3x7"
        await pilot.press("enter")
        await settle(pilot)
    store = read(fixed)
    sessions = store.sessions_between(MON, MON)
    store.close()
    assert [(s.exercise, [x.reps for x in s.sets], s.step) for s in sessions] == [
        ("nordic", [7, 7, 7], "band-assisted")
    ]


async def test_enter_on_a_planned_item_logs_it_prefilled(fixed: Path) -> None:
    app = make_app(fixed)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("enter")  # Wed: planned Nordic 3x5, incline
        await settle(pilot)
        dialog = app.screen
        assert isinstance(dialog, LogSessionDialog)
        assert dialog.query_one("#sets", Input).value == "3x5"
        await pilot.press("enter")
        await settle(pilot)
        assert "1 planned" not in text_of(app, "#week-line")
        assert text_of(app, "#week-line").startswith("Week of 23 Nov 2026 · 3 done · 1 missed · 2 planned")
    store = read(fixed)
    sessions = store.sessions_between(WED, WED)
    store.close()
    assert [(s.exercise, s.step, s.tempo, len(s.sets)) for s in sessions] == [("nordic", "incline", "4-0-1-0", 3)]


async def test_delete_asks_first_and_n_keeps_the_entry(fixed: Path) -> None:
    app = make_app(fixed)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("left", "left", "down", "x")  # Mon: Easy run
        await settle(pilot)
        assert isinstance(app.screen, ConfirmDialog)
        assert "Delete Easy run 40 min, 8 km on Mon 23 Nov? y/n" in str(app.screen.query_one("#question").render())
        await pilot.press("n")
        await settle(pilot)
        assert isinstance(app.screen, WeekScreen)
    store = read(fixed)
    assert len(store.runs_between(MON, MON)) == 1
    store.close()


async def test_delete_with_y_removes_the_session(fixed: Path) -> None:
    app = make_app(fixed)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("left", "down", "x")  # Tue: Iso hold 3x30s
        await settle(pilot)
        assert "Delete Iso hold 3x30s on Tue 24 Nov? y/n" in str(app.screen.query_one("#question").render())
        await pilot.press("y")
        await settle(pilot)
        assert "Iso" not in app.screen.query_one("#detail", DetailPane).plain
    store = read(fixed)
    assert store.sessions_between(TUE, TUE) == []
    store.close()


async def test_new_journal_shows_how_to_start(journal_path: Path) -> None:
    app = make_app(journal_path)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        hint = app.screen.query_one("#empty-hint")
        assert hint.display
        assert "Press l to log a session, p for a check-in, r for a run" in str(hint.render())
        assert not app.screen.query_one("#days").display


async def test_help_lists_the_keys(journal_path: Path) -> None:
    app = make_app(journal_path)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("question_mark")
        await settle(pilot)
        assert isinstance(app.screen, HelpScreen)
        await pilot.press("escape")
        assert isinstance(app.screen, WeekScreen)


async def test_too_small_terminal_shows_a_message_and_recovers(fixed: Path) -> None:
    app = make_app(fixed)
    async with app.run_test(size=(70, 20)) as pilot:
        await settle(pilot)
        guard = app.screen.query_one("SizeGuard")
        assert guard.display
        assert str(guard.render()) == "hamjournal needs a terminal of at least 80x24 (now 70x20)"
        assert not app.screen.query_one("#days").display
        await pilot.resize_terminal(100, 32)
        await settle(pilot)
        assert not app.screen.query_one("SizeGuard").display
        assert app.screen.query_one("#days").display


async def test_a_file_that_is_not_a_journal_exits_with_1(journal_path: Path, capfd: pytest.CaptureFixture[str]) -> None:
    journal_path.write_bytes(b"these are my running notes, not a database\n" * 100)
    app = make_app(journal_path)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
    assert app.return_code == 1
    lines = [line for line in capfd.readouterr().err.splitlines() if line.strip()]
    assert len(lines) == 1
    assert lines[0].startswith(f"{journal_path} is not a hamjournal journal")
    assert journal_path.read_bytes().startswith(b"these are my running notes")


async def test_palette_offers_every_action(journal_path: Path) -> None:
    app = make_app(journal_path)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        titles = {command.title for command in screen_commands(app.screen)}
        assert {"Log session", "Check-in", "Log run", "Next week", "Previous week", "Today", "Help"} <= titles
        assert {"Delete entry", "Edit entry"} <= titles
