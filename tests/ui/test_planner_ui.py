"""Pilot tests of onboarding, the profile and plan editing: press the keys a runner presses, then read the file."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from textual.widgets import Static

from hamjournal.store.repo import Store
from hamjournal.ui.screens.block_view import BlockViewScreen
from hamjournal.ui.screens.onboarding import OnboardingScreen
from hamjournal.ui.screens.plan_item import AddPlanItemDialog
from hamjournal.ui.screens.profile import ProfileScreen
from hamjournal.ui.screens.week import WeekScreen
from tests.ui.helpers import make_app, settle
from tests.ui.journals import THU, WED, build_fixed_journal
from tests.ui.planner_support import build_demo

SIZE = (100, 32)
TODAY = dt.date(2026, 11, 25)
ALL_TIME = (dt.date(2000, 1, 1), dt.date(2100, 1, 1))


def keys(text: str) -> list[str]:
    """Key names that type `text` (a space is the "space" key)."""
    return ["space" if c == " " else c for c in text]


def read_store(path: Path) -> Store:
    return Store.open(str(path))


async def test_onboarding_answers_are_saved_and_make_the_first_plan(journal_path: Path) -> None:
    app = make_app(journal_path, onboard=True)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        assert isinstance(app.screen, OnboardingScreen)
        # Running days start at the usual Mon Tue Thu Sat Sun: untick Monday, tick Wednesday.
        await pilot.press("space", "tab", "tab", "space")
        # Hard days: tick Thursday as well as Tuesday (Tab past the rest of the running row).
        await pilot.press(*["tab"] * 8, "space")
        await pilot.press("ctrl+s")
        await settle(pilot)
        assert isinstance(app.screen, WeekScreen)
    store = read_store(journal_path)
    try:
        profile = store.profile()
        plan = store.plan_between(*ALL_TIME)
        onboarded = store.is_onboarded()
    finally:
        store.close()
    assert onboarded
    assert profile.running_days == ("tue", "wed", "thu", "sat", "sun")
    assert profile.hard_days == ("tue", "thu")
    assert plan and all(p.date >= TODAY for p in plan)
    assert not [p for p in plan if p.kind == "strength" and p.date.weekday() in (1, 3, 6)]


async def test_onboarding_explains_a_mistake_and_saves_nothing(journal_path: Path) -> None:
    app = make_app(journal_path, onboard=True)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        for _ in range(7):  # untick every running day that is ticked
            if app.screen.focused.value:  # type: ignore[union-attr]
                await pilot.press("space")
            await pilot.press("tab")
        await pilot.press("ctrl+s")
        await settle(pilot)
        assert isinstance(app.screen, OnboardingScreen)
        message = str(app.screen.query_one("#row-running .form-error", Static).render())
        assert message == "no running day ticked: tick the days you usually run"
    store = read_store(journal_path)
    try:
        assert not store.is_onboarded()
    finally:
        store.close()


async def test_onboarding_is_not_shown_for_a_journal_in_use(journal_path: Path) -> None:
    build_fixed_journal(journal_path)
    app = make_app(journal_path, onboard=True)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        assert isinstance(app.screen, WeekScreen)


async def test_profile_adds_an_a_race_and_rehab_mode(journal_path: Path) -> None:
    build_fixed_journal(journal_path)
    app = make_app(journal_path)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("P")
        await settle(pilot)
        assert isinstance(app.screen, ProfileScreen)
        app.screen.query_one("#race-date").focus()
        await pilot.press(*"2027-03-14", "tab", *keys("Spring Half"), "tab", *"21.1", "enter")
        app.screen.query_one("#mode").value = "rehab"  # type: ignore[attr-defined]
        await pilot.pause()
        app.screen.query_one("#injury-date").focus()
        await pilot.press(*"2026-11-10", "ctrl+s")
        await settle(pilot)
        assert isinstance(app.screen, WeekScreen)
    store = read_store(journal_path)
    try:
        profile = store.profile()
    finally:
        store.close()
    assert [(r.name, r.distance_km, r.priority) for r in profile.races] == [("Spring Half", 21.1, "A")]
    assert profile.mode == "rehab" and profile.injuries[-1].date == dt.date(2026, 11, 10)


async def test_moving_a_planned_session_with_shift_right(journal_path: Path) -> None:
    build_fixed_journal(journal_path)
    app = make_app(journal_path, replan=True)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        screen = app.screen
        assert isinstance(screen, WeekScreen) and screen.selected_entry is not None
        assert screen.selected_entry.exercise == "nordic" and screen.selected_date == WED
        await pilot.press("shift+right")
        await settle(pilot)
        assert screen.selected_date == THU
    store = read_store(journal_path)
    try:
        moved = [p for p in store.plan_between(*ALL_TIME) if p.exercise == "nordic" and p.step == "incline"]
    finally:
        store.close()
    assert [(p.date, p.origin) for p in moved] == [(THU, "manual")]


async def test_skip_and_add_plan_items(journal_path: Path) -> None:
    build_fixed_journal(journal_path)
    app = make_app(journal_path, replan=True)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("minus")  # skip: "-", since k moves up
        await settle(pilot)
        await pilot.press("right", "n")
        await settle(pilot)
        assert isinstance(app.screen, AddPlanItemDialog)
        await pilot.press(*"2x6", "enter")
        await settle(pilot)
        assert isinstance(app.screen, WeekScreen)
    store = read_store(journal_path)
    try:
        plan = store.plan_between(*ALL_TIME)
    finally:
        store.close()
    assert [p.status for p in plan if p.date == WED and p.exercise == "nordic"] == ["skipped"]
    added = [p for p in plan if p.origin == "manual" and p.date == THU]
    assert [(a.exercise, a.prescription.reps) for a in added] == [("nordic", (6, 6))]


async def test_block_view_shows_the_weeks_to_the_race(journal_path: Path) -> None:
    build_demo(journal_path)
    app = make_app(journal_path)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        await pilot.press("b")
        await settle(pilot)
        assert isinstance(app.screen, BlockViewScreen)
        line = str(app.screen.query_one("#block-line", Static).render())
        plan = app.screen.plan
    assert line.startswith("Base block, week 16 of 19 · City 10K on Sun 07 Feb 2027")
    assert plan is not None
    blocks = [w.block for w in plan.weeks]
    assert blocks[:12] == ["base"] * 4 + ["build"] * 4 + ["peak"] * 2 + ["taper", "recovery"]
    assert [w.race_week for w in plan.weeks].index(True) == 10
