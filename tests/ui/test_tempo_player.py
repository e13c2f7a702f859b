"""The tempo player driven by a fake clock: phases change at the right seconds, pause freezes, n skips,
and the end opens the log dialog prefilled so Enter (after an optional RPE) saves the session."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from textual.widgets import Digits, Input, Static

from hamjournal.domain.models import Prescription
from hamjournal.store.repo import Store
from hamjournal.ui.screens.log_session import LogSessionDialog
from hamjournal.ui.screens.tempo_player import TempoPlayerScreen
from hamjournal.ui.widgets.big_word import BigWord
from hamjournal.ui.widgets.pose_canvas import PoseCanvas
from tests.ui.journals import WED, build_fixed_journal
from tests.ui.player_support import FakeClock, journal_app, settle, wait_for_journal

TODAY = dt.date(2026, 11, 25)


def shown(screen: TempoPlayerScreen) -> tuple[str, str, str]:
    """(phase word, countdown digits, counters line) as the runner sees them."""
    return (
        screen.query_one("#phase", BigWord).word,
        screen.query_one("#seconds", Digits).value,
        str(screen.query_one("#counters", Static).render()),
    )


def sessions_in(path: Path, day: dt.date) -> list:
    """Read the journal through a fresh connection, as another process would."""
    store = Store.open(str(path))
    try:
        return store.sessions_between(day, day)
    finally:
        store.close()


async def test_a_short_set_counts_pauses_skips_and_logs(journal_path: Path) -> None:
    # 2 sets of 2 reps at 2-0-1-0 with 3 s rest after a 2 s lead-in. Plan seconds: set 1 LOWER 0-2, UP 2-3,
    # LOWER 3-5, UP 5-6, REST 6-9; set 2 LOWER 9-11, UP 11-12, LOWER 12-14, UP 14-15; DONE at 15.
    clock = FakeClock()
    app = journal_app(journal_path)
    async with app.run_test(size=(100, 32)) as pilot:
        await wait_for_journal(pilot)
        player = TempoPlayerScreen(
            "nordic", "band-assisted", Prescription(2, (2, 2), tempo="2-0-1-0"), TODAY,
            clock=clock, rest_s=3, lead_in_s=2,
        )
        app.push_screen(player)
        await settle(pilot)
        assert shown(player) == ("READY", "2", "Set 1 of 2 · Rep 1 of 2 · get into position")

        clock.now += 2.5  # 0.5 s into the first lowering
        await settle(pilot)
        assert shown(player) == ("LOWER", "2", "Set 1 of 2 · Rep 1 of 2")
        frame_lowering = player.query_one(PoseCanvas).fraction

        clock.now += 1.7  # plan 2.2: lifting
        await settle(pilot)
        assert shown(player)[:2] == ("UP", "1")
        assert player.query_one(PoseCanvas).fraction != frame_lowering  # the figure moves with the phase

        await pilot.press("space")
        clock.now += 10  # paused: nothing moves however long the runner rests
        await settle(pilot)
        assert shown(player)[:2] == ("UP", "1")
        assert "PAUSED" in str(player.query_one("#status", Static).render())
        await pilot.press("space")
        clock.now += 0.9  # plan 3.1: the paused 10 s were not counted
        await settle(pilot)
        assert shown(player) == ("LOWER", "2", "Set 1 of 2 · Rep 2 of 2")

        await pilot.press("n")  # skip to plan 5: UP of rep 2
        await settle(pilot)
        assert shown(player) == ("UP", "1", "Set 1 of 2 · Rep 2 of 2")
        await pilot.press("n")  # plan 6: the rest before set 2
        await settle(pilot)
        assert shown(player) == ("REST", "3", "Rest after set 1 of 2 · next: set 2, 2 reps")

        clock.now += 3  # plan 9
        await settle(pilot)
        assert shown(player) == ("LOWER", "2", "Set 2 of 2 · Rep 1 of 2")
        assert not isinstance(app.screen, LogSessionDialog)

        clock.now += 6  # plan 15: done
        await settle(pilot)
        assert shown(player)[0] == "DONE"
        dialog = app.screen
        assert isinstance(dialog, LogSessionDialog)
        assert dialog.query_one("#sets", Input).value == "2x2"
        assert dialog.query_one("#tempo", Input).value == "2-0-1-0"
        assert dialog.query_one("#date", Input).value == "2026-11-25"
        assert dialog.focused is dialog.query_one("#rpe", Input)

        await pilot.press("7", "enter")
        await settle(pilot)
        assert not isinstance(app.screen, (LogSessionDialog, TempoPlayerScreen))

    [session] = sessions_in(journal_path, TODAY)
    assert (session.exercise, session.step, session.tempo, session.rpe) == ("nordic", "band-assisted", "2-0-1-0", 7)
    assert [s.reps for s in session.sets] == [2, 2]
    assert session.pain_during is None


async def test_a_hold_counts_seconds_and_enter_alone_saves(journal_path: Path) -> None:
    clock = FakeClock()
    app = journal_app(journal_path)
    async with app.run_test(size=(80, 24)) as pilot:
        await wait_for_journal(pilot)
        player = TempoPlayerScreen("iso-hold", None, Prescription(2, (1, 1), hold_s=5), clock=clock, rest_s=4,
                                   lead_in_s=0)
        app.push_screen(player)
        await settle(pilot)
        assert shown(player) == ("HOLD", "5", "Set 1 of 2 · Hold 5 s")
        clock.now += 3.2
        await settle(pilot)
        assert shown(player)[:2] == ("HOLD", "2")
        clock.now += 2
        await settle(pilot)
        assert shown(player) == ("REST", "4", "Rest after set 1 of 2 · next: set 2, a 5 s hold")
        clock.now += 9
        await settle(pilot)
        assert isinstance(app.screen, LogSessionDialog)
        await pilot.press("enter")
        await settle(pilot)

    [session] = sessions_in(journal_path, TODAY)
    assert (session.exercise, session.step, session.rpe) == ("iso-hold", "bilateral", None)
    assert [s.hold_s for s in session.sets] == [5, 5]


async def test_tempo_keys_restart_the_rep_at_the_new_tempo(journal_path: Path) -> None:
    clock = FakeClock()
    app = journal_app(journal_path)
    async with app.run_test(size=(100, 32)) as pilot:
        await wait_for_journal(pilot)
        player = TempoPlayerScreen("nordic", None, Prescription(1, (3,), tempo="4-0-1-0"), clock=clock, lead_in_s=0)
        app.push_screen(player)
        await settle(pilot)
        clock.now += 6  # rep 2, 1 s into its lowering
        await settle(pilot)
        assert shown(player) == ("LOWER", "3", "Set 1 of 1 · Rep 2 of 3")

        await pilot.press("plus")  # 5 s lowering, rep 2 starts again
        await settle(pilot)
        assert shown(player) == ("LOWER", "5", "Set 1 of 1 · Rep 2 of 3")
        assert "1x3 at 5-0-1-0" in str(player.query_one("#player-title", Static).render())
        await pilot.press("minus", "minus")
        await settle(pilot)
        assert shown(player)[:2] == ("LOWER", "3")

        await pilot.press("T")
        await settle(pilot)
        await pilot.press(*"9-9", "enter")  # not a tempo: the dialog says why and stays
        await settle(pilot)
        assert "not understood" in str(app.screen.query_one("#tempo-error", Static).render())
        field = app.screen.query_one("#tempo-value", Input)
        field.value = "6-1-X-0"
        await pilot.press("enter")
        await settle(pilot)
        assert app.screen is player
        assert shown(player) == ("LOWER", "6", "Set 1 of 1 · Rep 2 of 3")
        assert "1x3 at 6-1-X-0" in str(player.query_one("#player-title", Static).render())


async def test_bell_rings_at_phase_changes_only_when_on(journal_path: Path) -> None:
    clock = FakeClock()
    app = journal_app(journal_path)
    rings: list[float] = []
    async with app.run_test(size=(100, 32)) as pilot:
        await wait_for_journal(pilot)
        app.bell = lambda: rings.append(clock.now)  # type: ignore[method-assign]
        player = TempoPlayerScreen("nordic", None, Prescription(1, (2,), tempo="2-0-1-0"), clock=clock, lead_in_s=0)
        app.push_screen(player)
        await settle(pilot)
        clock.now += 2.5  # LOWER -> UP with the bell off
        await settle(pilot)
        assert rings == []
        await pilot.press("b")
        clock.now += 0.2  # still UP: no ring within a phase
        await settle(pilot)
        assert rings == []
        clock.now += 1  # UP -> LOWER of rep 2
        await settle(pilot)
        assert len(rings) == 1


async def test_l_logs_what_was_done_and_escape_leaves_without_logging(journal_path: Path) -> None:
    clock = FakeClock()
    app = journal_app(journal_path)
    async with app.run_test(size=(100, 32)) as pilot:
        await wait_for_journal(pilot)
        player = TempoPlayerScreen("nordic", None, Prescription(2, (3, 3), tempo="1-0-1-0"), clock=clock, lead_in_s=0)
        app.push_screen(player)
        await settle(pilot)
        clock.now += 4.5  # 2 reps of set 1 finished, the third under way
        await settle(pilot)
        await pilot.press("l")
        await settle(pilot)
        assert app.screen.query_one("#sets", Input).value == "2"
        await pilot.press("escape")  # cancel the log: back on the player, paused
        await settle(pilot)
        assert app.screen is player and player.stopwatch.paused
        await pilot.press("space")
        clock.now += 1
        await settle(pilot)
        assert shown(player)[2] == "Set 1 of 2 · Rep 3 of 3"
        await pilot.press("escape")
        await settle(pilot)
        assert not isinstance(app.screen, TempoPlayerScreen)
    assert sessions_in(journal_path, TODAY) == []


async def test_s_on_the_week_plays_the_planned_item(journal_path: Path) -> None:
    build_fixed_journal(journal_path)
    app = journal_app(journal_path)
    async with app.run_test(size=(100, 32)) as pilot:
        await wait_for_journal(pilot)
        await pilot.press("s")
        await settle(pilot)
        player = app.screen
        assert isinstance(player, TempoPlayerScreen)
        assert player.day == WED
        title = str(player.query_one("#player-title", Static).render())
        assert title == "Nordic hamstring curl · Incline · 3x5 at 4-0-1-0"
