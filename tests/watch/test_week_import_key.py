"""The week screen's import key (i) and RPE key (R), pressed as a runner would; the database read afterwards."""

from __future__ import annotations

import asyncio
import datetime as dt
import threading
from dataclasses import replace
from pathlib import Path
from typing import Any

import pytest
from textual.worker import WorkerState

from hamjournal.services import JournalService
from hamjournal.store.repo import Store
from hamjournal.ui.screens.import_runs import ImportRunsScreen
from hamjournal.ui.screens.run_rpe import RunRpeDialog
from hamjournal.ui.screens.week import WeekScreen
from tests.ui.helpers import make_app, settle
from tests.watch import fixtures as fx

SIZE = (100, 30)
ALL_TIME = (dt.date(2000, 1, 1), dt.date(2100, 1, 1))
TUESDAY = dt.date(2026, 11, 24)  # the tests' today is Wed 25 Nov 2026


def runs_in(path: Path) -> list[tuple[dt.date, str, int | None, int | None, str]]:
    store = Store.open(str(path))
    try:
        return [(r.date, r.kind, r.strides, r.rpe, r.source) for r in store.runs_between(*ALL_TIME)]
    finally:
        store.close()


def with_watch_folder(journal: Path, folder: Path | None) -> None:
    store = Store.open(str(journal))
    try:
        store.save_profile(replace(store.profile(), watch_folder=str(folder) if folder else None))
    finally:
        store.close()


async def test_i_imports_the_watch_folder_and_r_sets_the_rpe(journal_path: Path, tmp_path: Path) -> None:
    folder = tmp_path / "watch"
    folder.mkdir()
    start = dt.datetime(2026, 11, 24, 7, 0, tzinfo=dt.UTC)
    (folder / "tue.fit").write_bytes(fx.fit_bytes(tuple(fx.strides_run(6)), start))
    (folder / "mon.gpx").write_bytes(fx.gpx_bytes(fx.easy_run(30), start - dt.timedelta(days=1)))
    with_watch_folder(journal_path, folder)
    app = make_app(journal_path)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("i")
        await settle(pilot)
        assert isinstance(app.screen, WeekScreen)  # the dialog closed itself after the import
        assert runs_in(journal_path) == [
            (TUESDAY - dt.timedelta(days=1), "easy", None, None, "mon.gpx"),
            (TUESDAY, "easy", 6, None, "tue.fit"),
        ]
        app.selected_day = TUESDAY
        await pilot.press("R")
        await settle(pilot)
        assert isinstance(app.screen, RunRpeDialog)
        await pilot.press("5", "enter")
        await settle(pilot)
        assert isinstance(app.screen, WeekScreen)
        await pilot.press("i")  # again: nothing new
        await settle(pilot)
    assert runs_in(journal_path)[1] == (TUESDAY, "easy", 6, 5, "tue.fit")
    assert len(runs_in(journal_path)) == 2


async def test_i_without_a_watch_folder_says_where_to_set_it(journal_path: Path) -> None:
    with_watch_folder(journal_path, None)
    app = make_app(journal_path)
    notes: list[str] = []
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        original = app.notify

        def capture(message: str, *args: object, **kwargs: object) -> None:
            notes.append(message)
            original(message, *args, **kwargs)  # type: ignore[arg-type]

        app.notify = capture  # type: ignore[method-assign]
        await pilot.press("i")
        await settle(pilot)
        assert not isinstance(app.screen, ImportRunsScreen)
    assert any("No watch folder in your profile" in note for note in notes)
    assert runs_in(journal_path) == []


async def test_an_import_hidden_with_esc_goes_on_and_saves(
    journal_path: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Esc hides the dialog while the folder is still being read; the import is the app's, not the dialog's, so
    closing the dialog does not cancel it and its runs still land."""
    folder = tmp_path / "watch"
    folder.mkdir()
    start = dt.datetime(2026, 11, 24, 7, 0, tzinfo=dt.UTC)
    (folder / "tue.fit").write_bytes(fx.fit_bytes(tuple(fx.strides_run(6)), start))
    with_watch_folder(journal_path, folder)
    reading = threading.Event()
    release = threading.Event()
    real_import = JournalService.import_runs

    def held_import(self: JournalService, *args: Any, **kwargs: Any) -> Any:
        reading.set()
        release.wait(timeout=30)
        return real_import(self, *args, **kwargs)

    monkeypatch.setattr(JournalService, "import_runs", held_import)
    app = make_app(journal_path)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("i")
        assert await asyncio.to_thread(reading.wait, 30)
        importing = [worker for worker in app.workers if worker.group == "import-runs"]
        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(app.screen, WeekScreen)
        release.set()
        await settle(pilot)
        assert [worker.state for worker in importing] == [WorkerState.SUCCESS]
    assert runs_in(journal_path) == [(TUESDAY, "easy", 6, None, "tue.fit")]
