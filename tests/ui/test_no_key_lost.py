"""No key is ever lost: whole sequences typed with no pause at all, then the journal file is read.

`type_ahead` puts every key in the app's queue before the app handles the first, which is what a fast typist
on a busy machine does to it; `slow_reads` also holds the dialog's data read until every key is queued, so the
keys certainly arrive before the dialog exists. The assertions read the database, not the screen.
"""

from __future__ import annotations

import datetime as dt
import threading
from collections.abc import Iterator
from pathlib import Path

import pytest
from textual import events
from textual.pilot import Pilot

from hamjournal.services import JournalService
from hamjournal.store.repo import Store
from hamjournal.ui.screens.week import WeekScreen
from tests.ui.helpers import make_app, settle
from tests.ui.journals import WED, build_fixed_journal

SIZE = (80, 24)
ALL_TIME = (dt.date(2000, 1, 1), dt.date(2100, 1, 1))
CHARACTERS = {"tab": "\t", "enter": "\r", "escape": "\x1b", "space": " "}


def type_ahead(pilot: Pilot[object], *keys: str) -> None:
    """Queue every key at once, as a terminal delivers keys typed faster than the app handles them."""
    for key in keys:
        character = key if len(key) == 1 else CHARACTERS.get(key)
        event = events.Key(key, character)
        event.set_sender(pilot.app)
        pilot.app.post_message(event)


def split(text: str) -> list[str]:
    """ "3x6" -> ["3", "x", "6"]."""
    return list(text)


@pytest.fixture
def slow_reads(monkeypatch: pytest.MonkeyPatch) -> Iterator[threading.Event]:
    """Every dialog's data read waits until the test sets the event (after queueing its keys)."""
    release = threading.Event()
    for name in ("logged_on", "suggested_dose", "planned_for", "profile"):
        original = getattr(JournalService, name)

        def waiting(self: JournalService, *args: object, _original: object = original, **kwargs: object) -> object:
            if threading.current_thread() is not threading.main_thread():
                release.wait(timeout=30)
            return _original(self, *args, **kwargs)  # type: ignore[operator]

        monkeypatch.setattr(JournalService, name, waiting)
    yield release
    release.set()


def read_back(path: Path) -> Store:
    """A fresh Store on the file, as another program would open it."""
    return Store.open(str(path))


async def open_app(pilot: Pilot[object]) -> None:
    await settle(pilot)
    assert isinstance(pilot.app.screen, WeekScreen)


async def test_check_in_typed_without_pauses_saves_what_was_typed(journal_path: Path) -> None:
    app = make_app(journal_path)
    async with app.run_test(size=SIZE) as pilot:
        await open_app(pilot)
        type_ahead(pilot, "p", "1", "tab", "2", "enter")
        await settle(pilot)
        assert isinstance(app.screen, WeekScreen)
    store = read_back(journal_path)
    logs = store.symptoms_between(*ALL_TIME)
    store.close()
    assert [(s.when, s.pain, s.stiffness) for s in logs] == [("morning", 1, 2)]


async def test_keys_typed_before_the_dialog_has_its_data_reach_it_in_order(
    journal_path: Path, slow_reads: threading.Event
) -> None:
    app = make_app(journal_path)
    async with app.run_test(size=SIZE) as pilot:
        await open_app(pilot)
        type_ahead(pilot, "p", "0", "tab", "3", "enter")
        await pilot.pause()
        assert isinstance(app.screen, WeekScreen), "the dialog waits for its data"
        assert app.key_gate.held == 4, "the keys typed meanwhile are held, none went to the week screen"
        slow_reads.set()
        await settle(pilot)
        assert isinstance(app.screen, WeekScreen)
    store = read_back(journal_path)
    logs = store.symptoms_between(*ALL_TIME)
    store.close()
    assert [(s.pain, s.stiffness) for s in logs] == [(0, 3)]


async def test_log_session_typed_without_pauses(journal_path: Path, slow_reads: threading.Event) -> None:
    app = make_app(journal_path)
    async with app.run_test(size=SIZE) as pilot:
        await open_app(pilot)
        type_ahead(pilot, "l", *split("3x6"), "tab", "tab", "7", "enter")  # sets, tempo, RPE
        slow_reads.set()
        await settle(pilot)
    store = read_back(journal_path)
    sessions = store.sessions_between(*ALL_TIME)
    store.close()
    assert [(s.exercise, [x.reps for x in s.sets], s.tempo, s.rpe) for s in sessions] == [
        ("nordic", [6, 6, 6], "4-0-1-0", 7)
    ]


async def test_run_typed_without_pauses(journal_path: Path, slow_reads: threading.Event) -> None:
    app = make_app(journal_path)
    async with app.run_test(size=SIZE) as pilot:
        await open_app(pilot)
        type_ahead(pilot, "r", "4", "0", "tab", "tab", "8", "enter")
        slow_reads.set()
        await settle(pilot)
    store = read_back(journal_path)
    runs = store.runs_between(*ALL_TIME)
    store.close()
    assert [(r.minutes, r.kind, r.distance_km) for r in runs] == [(40, "easy", 8.0)]


async def test_reassessment_typed_without_pauses(journal_path: Path, slow_reads: threading.Event) -> None:
    app = make_app(journal_path)
    async with app.run_test(size=SIZE) as pilot:
        await open_app(pilot)
        type_ahead(pilot, "A", "2", "2", "tab", "2", "5", "enter")
        slow_reads.set()
        await settle(pilot)
        assert isinstance(app.screen, WeekScreen)
    store = read_back(journal_path)
    tests = store.assessments_between(*ALL_TIME)
    store.close()
    assert [(a.test, a.left, a.right) for a in tests] == [("sl-bridge-reps", 22, 25)]


async def test_a_whole_morning_typed_ahead_saves_each_entry(journal_path: Path) -> None:
    """Keys typed after Enter wait for the save, then go to the week screen: `l` opens the next dialog."""
    app = make_app(journal_path)
    async with app.run_test(size=SIZE) as pilot:
        await open_app(pilot)
        type_ahead(pilot, "p", "1", "tab", "2", "enter", "l", *split("2x5"), "enter",
                   "r", *split("45"), "tab", "tab", *split("9,5"), "enter")
        await settle(pilot)
        assert isinstance(app.screen, WeekScreen)
    store = read_back(journal_path)
    logs, sessions, runs = (store.symptoms_between(*ALL_TIME), store.sessions_between(*ALL_TIME),
                            store.runs_between(*ALL_TIME))
    store.close()
    assert [(s.pain, s.stiffness) for s in logs] == [(1, 2)]
    assert [(s.exercise, [x.reps for x in s.sets]) for s in sessions] == [("nordic", [5, 5])]
    assert [(r.minutes, r.distance_km) for r in runs] == [(45, 9.5)]


async def test_a_refused_save_keeps_the_keys_typed_after_it_for_the_field(journal_path: Path) -> None:
    """Pain "1" then "2" saves pain 12, refused; the keys after Enter go on into the refused field."""
    app = make_app(journal_path)
    async with app.run_test(size=SIZE) as pilot:
        await open_app(pilot)
        type_ahead(pilot, "p", "1", "2", "enter", "backspace", "enter")
        await settle(pilot)
        assert isinstance(app.screen, WeekScreen)
    store = read_back(journal_path)
    logs = store.symptoms_between(*ALL_TIME)
    store.close()
    assert [s.pain for s in logs] == [1]


async def test_planned_session_logged_with_l_enter_typed_ahead(journal_path: Path) -> None:
    build_fixed_journal(journal_path)
    app = make_app(journal_path)
    async with app.run_test(size=SIZE) as pilot:
        await open_app(pilot)
        type_ahead(pilot, "l", "enter")  # Wednesday's plan: Nordic 3x5 on the incline
        await settle(pilot)
    store = read_back(journal_path)
    sessions = store.sessions_between(WED, WED)
    store.close()
    assert [(s.exercise, s.step, [x.reps for x in s.sets]) for s in sessions] == [("nordic", "incline", [5, 5, 5])]


async def test_planned_sets_are_replaced_by_what_is_typed(journal_path: Path) -> None:
    build_fixed_journal(journal_path)
    app = make_app(journal_path)
    async with app.run_test(size=SIZE) as pilot:
        await open_app(pilot)
        type_ahead(pilot, "l", *split("2x4"), "enter")
        await settle(pilot)
    store = read_back(journal_path)
    sessions = store.sessions_between(WED, WED)
    store.close()
    assert [(s.step, [x.reps for x in s.sets]) for s in sessions] == [("incline", [4, 4])]


async def test_keys_typed_while_the_journal_opens_wait_for_it(journal_path: Path) -> None:
    app = make_app(journal_path)
    async with app.run_test(size=SIZE) as pilot:
        type_ahead(pilot, "p", "2", "tab", "1", "enter")  # before the journal (and sqlalchemy) have loaded
        await settle(pilot)
        await settle(pilot)
        assert isinstance(app.screen, WeekScreen)
    store = read_back(journal_path)
    logs = store.symptoms_between(*ALL_TIME)
    store.close()
    assert [(s.pain, s.stiffness) for s in logs] == [(2, 1)]
