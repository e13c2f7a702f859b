"""Forms keep what was typed: a refused save marks every bad field at once, beside itself, in screen order;
the cursor goes to the end of the first, with nothing selected; every typed value stays; nothing is written.
Also the defaults: the check-in's "When", planned items opening the dialog of their kind, the profile's races.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from textual.widgets import Checkbox, Input, OptionList, Select

from hamjournal.domain.models import Journal, Profile, Session, SetEntry
from hamjournal.services import JournalService
from hamjournal.store.repo import Store
from hamjournal.ui.screens.assessment import AssessmentDialog
from hamjournal.ui.screens.check_in import CheckInDialog, default_when
from hamjournal.ui.screens.form import FormDialog
from hamjournal.ui.screens.log_run import LogRunDialog
from hamjournal.ui.screens.log_session import LogSessionDialog
from hamjournal.ui.screens.profile import ProfileScreen
from hamjournal.ui.screens.week import WeekScreen
from hamjournal.ui.widgets.form_row import FormRow
from tests.ui.helpers import make_app, settle
from tests.ui.journals import WED, build_fixed_journal
from tests.ui.test_no_key_lost import type_ahead

SIZE = (80, 24)
ALL_TIME = (dt.date(2000, 1, 1), dt.date(2100, 1, 1))


def invalid_rows(dialog: FormDialog | ProfileScreen) -> list[str]:
    """The rows marked invalid, top to bottom."""
    return [row.field_name for row in dialog.query(FormRow) if row.has_class("-invalid")]


def typed(dialog: FormDialog | ProfileScreen, *names: str) -> list[str]:
    return [dialog.query_one(f"#{name}", Input).value for name in names]


def nothing_saved(path: Path) -> bool:
    store = Store.open(str(path))
    try:
        return not (store.symptoms_between(*ALL_TIME) or store.sessions_between(*ALL_TIME)
                    or store.runs_between(*ALL_TIME) or store.assessments_between(*ALL_TIME))
    finally:
        store.close()


def assert_cursor_at_end(field: object) -> None:
    assert isinstance(field, Input)
    assert field.selection.start == field.selection.end == len(field.value), "nothing selected, cursor at the end"


async def test_check_in_marks_every_bad_field_at_once_and_keeps_every_value(journal_path: Path) -> None:
    app = make_app(journal_path)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        type_ahead(pilot, "p", "1", "2", "tab", "x", "tab", "tab", "tab", "tab", "tab", *"8,5", "tab", *"11",
                   "enter")
        await settle(pilot)
        dialog = app.screen
        assert isinstance(dialog, CheckInDialog)
        assert invalid_rows(dialog) == ["pain", "stiffness", "fatigue"]
        assert typed(dialog, "pain", "stiffness", "sleep", "fatigue") == ["12", "x", "8,5", "11"]
        assert app.focused is dialog.query_one("#pain")
        assert_cursor_at_end(app.focused)
        assert nothing_saved(journal_path)
        # The next keys go on at the end of the first bad field: "12" + Backspace = "1".
        type_ahead(pilot, "backspace", "tab", "backspace", "2", "ctrl+s")
        await settle(pilot)
        assert invalid_rows(dialog) == ["fatigue"], "fixed fields lose their mark"
        assert app.focused is dialog.query_one("#fatigue")
        type_ahead(pilot, "backspace", "enter")
        await settle(pilot)
        assert isinstance(app.screen, WeekScreen)
    store = Store.open(str(journal_path))
    logs = store.symptoms_between(*ALL_TIME)
    store.close()
    assert [(s.pain, s.stiffness, s.sleep_h, s.fatigue) for s in logs] == [(1, 2, 8.5, 1)]


async def test_check_in_saves_a_decimal_comma(journal_path: Path) -> None:
    app = make_app(journal_path)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        type_ahead(pilot, "p", "1", "tab", "tab", "tab", "tab", "tab", "tab", *"7,5", "enter")
        await settle(pilot)
        assert isinstance(app.screen, WeekScreen)
    store = Store.open(str(journal_path))
    logs = store.symptoms_between(*ALL_TIME)
    store.close()
    assert [(s.pain, s.sleep_h) for s in logs] == [(1, 7.5)]


async def test_log_session_keeps_a_half_typed_sets_and_goes_on_after_it(journal_path: Path) -> None:
    app = make_app(journal_path)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        type_ahead(pilot, "l", "3", "x", "tab", "tab", *"11", "tab", *"12", "enter")
        await settle(pilot)
        dialog = app.screen
        assert isinstance(dialog, LogSessionDialog)
        assert invalid_rows(dialog) == ["sets", "rpe", "pain"]
        assert typed(dialog, "sets", "rpe", "pain") == ["3x", "11", "12"]
        assert app.focused is dialog.query_one("#sets")
        assert_cursor_at_end(app.focused)
        assert nothing_saved(journal_path)
        type_ahead(pilot, "6")
        await settle(pilot)
        assert typed(dialog, "sets") == ["3x6"], "3x then 6 makes 3x6"


async def test_log_run_keeps_every_value_and_takes_a_decimal_comma(journal_path: Path) -> None:
    app = make_app(journal_path)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        type_ahead(pilot, "r", "a", "b", "tab", "tab", *"8,2", "tab", "4", "tab", "z", "enter")
        await settle(pilot)
        dialog = app.screen
        assert isinstance(dialog, LogRunDialog)
        assert invalid_rows(dialog) == ["minutes", "strides"]
        assert typed(dialog, "minutes", "distance", "rpe", "strides") == ["ab", "8,2", "4", "z"]
        assert nothing_saved(journal_path)
        type_ahead(pilot, "backspace", "backspace", *"40", "tab", "tab", "tab", "tab", "backspace", "6", "enter")
        await settle(pilot)
        assert isinstance(app.screen, WeekScreen)
    store = Store.open(str(journal_path))
    runs = store.runs_between(*ALL_TIME)
    store.close()
    assert [(r.minutes, r.distance_km, r.rpe, r.strides) for r in runs] == [(40, 8.2, 4, 6)]


async def test_assessment_marks_every_bad_row_and_keeps_every_value(journal_path: Path) -> None:
    app = make_app(journal_path)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        type_ahead(pilot, "A", *"999", "tab", "2", "5", "tab", *"abc")
        await settle(pilot)
        dialog = app.screen
        assert isinstance(dialog, AssessmentDialog)
        assert app.focused is not None, "A opens with a field focused"
        await pilot.press("ctrl+s")
        await settle(pilot)
        assert invalid_rows(dialog) == ["sl-bridge-reps", "iso-hold-s"]
        assert typed(dialog, "sl-bridge-reps-left", "sl-bridge-reps-right", "iso-hold-s-left") == ["999", "25", "abc"]
        assert app.focused is dialog.query_one("#sl-bridge-reps-left")
        assert_cursor_at_end(app.focused)
        assert nothing_saved(journal_path)


def test_when_defaults_to_morning_unless_the_day_has_training_or_a_morning_check_in() -> None:
    assert default_when(trained=False, whens=[]) == "morning"
    assert default_when(trained=False, whens=["morning"]) == "evening"
    assert default_when(trained=True, whens=[]) == "after"
    assert default_when(trained=True, whens=["morning"]) == "after"


async def test_a_check_in_after_a_logged_session_is_an_after_one(journal_path: Path) -> None:
    app = make_app(journal_path)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        type_ahead(pilot, "l", *"2x5", "enter", "p")
        await settle(pilot)
        dialog = app.screen
        assert isinstance(dialog, CheckInDialog)
        assert dialog.query_one("#when", Select).value == "after"


async def test_a_planned_reassessment_opens_the_reassessment_dialog(journal_path: Path) -> None:
    store = Store.open(str(journal_path))
    from hamjournal.domain.models import PlanItem, Prescription

    store.import_journal(Journal(plan=(PlanItem(WED, "sl-bridge-reps", "assessment", Prescription(1, (1,))),)))
    store.close()
    app = make_app(journal_path)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        type_ahead(pilot, "enter", "2", "0", "tab", "2", "4", "enter")
        await settle(pilot)
        assert isinstance(app.screen, WeekScreen)
        day = app.screen.week.days[WED.weekday()]  # type: ignore[union-attr]
        labels = [(e.status, e.label) for e in day.entries]
    assert ("done", "Single-leg bridge L 20 / R 24") in labels, "the saved test shows on the day, done"


async def test_the_long_run_of_the_week_opens_log_run_as_long(journal_path: Path) -> None:
    build_fixed_journal(journal_path)  # Sunday is the long run day
    app = make_app(journal_path)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("right", "right", "right", "right")
        await settle(pilot)
        type_ahead(pilot, "r")
        await settle(pilot)
        dialog = app.screen
        assert isinstance(dialog, LogRunDialog)
        assert dialog.query_one("#kind", Select).value == "long"


def test_the_log_dialog_offers_the_runners_step_not_the_first_rung(journal_path: Path) -> None:
    days = [dt.date(2026, 11, 2) + dt.timedelta(days=3 * n) for n in range(7)]
    sessions = tuple(Session(d, "nordic", tuple(SetEntry(reps=6) for _ in range(3)), step="bodyweight", rpe=6)
                     for d in days)
    store = Store.open(str(journal_path))
    store.import_journal(Journal(profile=Profile(), sessions=sessions))
    store.close()
    journal = JournalService.open(str(journal_path))
    try:
        step, rx = journal.suggested_dose("nordic", journal.today())
        advice = {a.exercise: a for a in journal.advice().advice}
    finally:
        journal.close()
    assert step != "band-assisted" and step == (advice["nordic"].next_step or advice["nordic"].step)
    assert rx == advice["nordic"].next, "the same dose as `advice --json` shows as next"


async def test_profile_ctrl_s_saves_a_typed_race(journal_path: Path) -> None:
    build_fixed_journal(journal_path)
    app = make_app(journal_path)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("P")
        await settle(pilot)
        screen = app.screen
        assert isinstance(screen, ProfileScreen)
        assert not screen.query_one("#races", OptionList).can_focus, "an empty race list is no Tab stop"
        screen.query_one("#race-date").focus()
        await pilot.press(*"2027-04-12", "tab", *"City", "tab", *"10", "ctrl+s")
        await settle(pilot)
        assert isinstance(app.screen, WeekScreen)
    store = Store.open(str(journal_path))
    races = store.profile().races
    store.close()
    assert [(r.date, r.name, r.distance_km) for r in races] == [(dt.date(2027, 4, 12), "City", 10)]


async def test_profile_refuses_a_half_filled_race_and_keeps_it(journal_path: Path) -> None:
    build_fixed_journal(journal_path)
    app = make_app(journal_path)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("P")
        await settle(pilot)
        screen = app.screen
        assert isinstance(screen, ProfileScreen)
        screen.query_one("#race-name").focus()
        await pilot.press(*"Spring", "ctrl+s")
        await settle(pilot)
        assert app.screen is screen, "not saved"
        assert invalid_rows(screen) == ["race-date", "race-distance"], "every refused race field at once"
        assert app.focused is screen.query_one("#race-date")
        assert typed(screen, "race-name") == ["Spring"]
    store = Store.open(str(journal_path))
    races = store.profile().races
    store.close()
    assert races == ()


async def test_profile_marks_every_mistake_at_once_and_saves_nothing(journal_path: Path) -> None:
    """No running day ticked and a strain date in rehab mode that is not a date: both marked beside their rows."""
    build_fixed_journal(journal_path)
    store = Store.open(str(journal_path))
    before = store.profile()
    store.close()
    app = make_app(journal_path)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("P")
        await settle(pilot)
        screen = app.screen
        assert isinstance(screen, ProfileScreen)
        for day in ("mon", "tue", "wed", "thu", "fri", "sat", "sun"):
            screen.query_one(f"#running-{day}", Checkbox).value = False
        screen.query_one("#mode", Select).value = "rehab"
        await settle(pilot)
        screen.query_one("#injury-date", Input).value = "2026-13-01"
        await pilot.press("ctrl+s")
        await settle(pilot)
        assert app.screen is screen
        assert invalid_rows(screen) == ["running", "injury-date"]
        assert screen.query_one("#injury-date", Input).value == "2026-13-01"
    store = Store.open(str(journal_path))
    try:
        assert store.profile() == before
    finally:
        store.close()
