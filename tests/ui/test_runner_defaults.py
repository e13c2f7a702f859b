"""The runner's own step and dose, not the ladder's first rung, on the library page and in the tempo player."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from textual.widgets import Select, Static

from hamjournal.domain.library.exercises import EXERCISES
from hamjournal.domain.models import Journal, Profile, Session, SetEntry
from hamjournal.services import JournalService
from hamjournal.store.repo import Store
from hamjournal.ui.screens.exercises import ExerciseDetailScreen, ExercisesScreen
from hamjournal.ui.screens.log_session import LogSessionDialog
from hamjournal.ui.screens.tempo_player import TempoPlayerScreen
from tests.ui.helpers import make_app, settle
from tests.ui.test_exercises_screen import plain

SIZE = (100, 32)


def build_bodyweight_runner(path: Path) -> None:
    """Seven Nordic sessions of 3x6 at full bodyweight in November, and nothing planned."""
    days = [dt.date(2026, 11, 2) + dt.timedelta(days=3 * n) for n in range(7)]
    sessions = tuple(Session(d, "nordic", tuple(SetEntry(reps=6) for _ in range(3)), step="bodyweight", rpe=6)
                     for d in days)
    store = Store.open(str(path))
    store.import_journal(Journal(profile=Profile(), sessions=sessions))
    store.close()


async def test_library_page_and_player_start_at_the_runners_step_and_dose(journal_path: Path) -> None:
    build_bodyweight_runner(journal_path)
    journal = JournalService.open(str(journal_path))
    try:
        step, rx = journal.suggested_dose("nordic", journal.today())
    finally:
        journal.close()
    assert step == "bodyweight" and rx is not None
    app = make_app(journal_path)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("e")
        await settle(pilot)
        assert isinstance(app.screen, ExercisesScreen)
        await pilot.press("enter")  # the first exercise of the library is the Nordic
        await settle(pilot)
        page = app.screen
        assert isinstance(page, ExerciseDetailScreen) and page.exercise.slug == "nordic"
        text = plain(page.query_one("#page-text", Static))
        assert "Full bodyweight" in text and "(you are here)" in text
        assert "(start here)" not in text
        await pilot.press("s")
        await settle(pilot)
        player = app.screen
        assert isinstance(player, TempoPlayerScreen)
        assert player.step == "bodyweight"
        assert (player.plan.sets, player.plan.reps) == (rx.sets, rx.reps)


async def test_switching_exercise_in_the_log_dialog_offers_the_runners_step(journal_path: Path) -> None:
    build_bodyweight_runner(journal_path)
    app = make_app(journal_path)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("l")
        await settle(pilot)
        dialog = app.screen
        assert isinstance(dialog, LogSessionDialog)
        exercise, step = dialog.query_one("#exercise", Select), dialog.query_one("#step", Select)
        exercise.value = "bridge"
        await settle(pilot)
        assert step.value == EXERCISES["bridge"].default_step  # no bridge logged: the ladder's own first step
        exercise.value = "nordic"
        await settle(pilot)
        assert step.value == "bodyweight"  # seven sessions at full bodyweight: never band-assisted again
