"""Adding an exercise is adding one record to EXERCISES: the library, the CLI, and the log and plan dialogs
all show it with no other file changed. The fixture registers the record for one test and removes it after."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path

import pytest
from textual.widgets import OptionList, Select, Static

from hamjournal.cli import main
from hamjournal.domain.library import dose_tables
from hamjournal.domain.library.doses import dose_source, entry_dose
from hamjournal.domain.library.exercises import EXERCISES, SLUGS, Exercise, Step, get_exercise
from hamjournal.domain.library.guides import DOSE_PHASES, Guide
from hamjournal.domain.planner.week import DRILL_SLUGS
from hamjournal.ui.screens.exercises import ExerciseDetailScreen, ExercisesScreen
from hamjournal.ui.screens.log_session import LogSessionDialog
from hamjournal.ui.screens.plan_item import AddPlanItemDialog
from hamjournal.ui.widgets.labels import short_name
from tests.ui.player_support import journal_app, settle, wait_for_journal
from tests.ui.test_exercises_screen import plain

TODAY = "2026-11-25"

# What a newcomer writes: one record (with its guide inline here; in the app the guide text sits in guides.py).
GOOD_MORNING = Exercise(
    slug="good-morning",
    name="Good morning",
    short_name="Good morn",
    kind="strength",
    contraction="eccentric",
    dominance="hip",
    default_tempo="3-0-1-0",
    holds=False,
    ladder=(
        Step("bodyweight", "Bodyweight", "hands behind the head, no load"),
        Step("loaded", "Loaded", "a light bar across the upper back"),
    ),
    default_step="bodyweight",
    doses=dose_tables.HINGE,
    guide=Guide(
        trains="Eccentric hip-extension strength of the hamstrings at long length.",
        setup=("Stand tall, feet hip-width, hands behind the head.",),
        movement=("Soften the knees.", "Hinge at the hips, back flat.", "Stand up by driving the hips forward."),
        cues=("Hips back, not down.",),
        faults=("Rounding the lower back.",),
        dose=tuple((phase, "2x8") for phase in DOSE_PHASES),
        safety=("Stop on a sharp pain.",),
        sources=("Coaching convention (conv.)",),
    ),
)


@pytest.fixture
def good_morning() -> Iterator[Exercise]:
    """The record registered for one test, then removed so no other test sees it."""
    assert GOOD_MORNING.slug not in EXERCISES
    EXERCISES[GOOD_MORNING.slug] = GOOD_MORNING
    try:
        yield GOOD_MORNING
    finally:
        del EXERCISES[GOOD_MORNING.slug]


@pytest.fixture
def cli_env(journal_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.setenv("HAMJOURNAL_TODAY", TODAY)
    return journal_path


def test_the_domain_reads_the_new_record(good_morning: Exercise) -> None:
    assert get_exercise("Good-Morning") is good_morning
    assert SLUGS[-1] == "good-morning"
    assert entry_dose("good-morning").reps == (6, 6)
    assert entry_dose("good-morning").tempo == "3-0-1-0"
    assert dose_source("good-morning") == "typical doses (conv.)"
    assert short_name("good-morning") == "Good morn"
    assert "good-morning" not in DRILL_SLUGS


def test_cli_lists_and_logs_it(good_morning: Exercise, cli_env: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["exercises", "--json"]) == 0
    listed = {item["slug"]: item for item in json.loads(capsys.readouterr().out)}
    assert listed["good-morning"]["name"] == "Good morning"
    assert [step["slug"] for step in listed["good-morning"]["steps"]] == ["bodyweight", "loaded"]

    assert main(["log", "good-morning", "2x8", "--step", "loaded", "--rpe", "6"]) == 0
    assert "Logged Good morning 2x8 (loaded" in capsys.readouterr().out

    assert main(["week", "--json"]) == 0
    assert "good-morning" in capsys.readouterr().out


async def test_library_log_and_plan_dialogs_offer_it(good_morning: Exercise, journal_path: Path) -> None:
    app = journal_app(journal_path)
    async with app.run_test(size=(100, 32)) as pilot:
        await wait_for_journal(pilot)
        await pilot.press("e")
        await settle(pilot)
        library = app.screen
        assert isinstance(library, ExercisesScreen)
        options = library.query_one("#exercise-list", OptionList)
        shown = [str(options.get_option_at_index(i).prompt) for i in range(options.option_count)]
        assert shown[-1] == "Good morning"
        await pilot.press("slash", *"good morning", "enter")  # its page: ladder, coaching text and entry dose
        await settle(pilot)
        page = app.screen
        assert isinstance(page, ExerciseDetailScreen) and page.exercise is good_morning
        text = plain(page.query_one("#page-head", Static)) + plain(page.query_one("#page-text", Static))
        assert "Light bar across the upper back".lower() in text.lower() and "Hips back, not down." in text
        assert "2x6 at 3-0-1-0" in text
        for _ in range(4):  # page, leave the filter, clear it, library
            await pilot.press("escape")
            await settle(pilot)

        for dialog in (LogSessionDialog(app.today()), AddPlanItemDialog(app.today())):
            app.push_screen(dialog)
            await settle(pilot)
            # Choosing it is accepted (a Select refuses a value it does not offer) and brings its own ladder.
            dialog.query_one("#exercise", Select).value = "good-morning"
            await settle(pilot)
            assert dialog.query_one("#step", Select).value == "bodyweight"
            dialog.query_one("#step", Select).value = "loaded"
            await pilot.press("escape")
            await settle(pilot)
