"""Pilot tests of today's call strip on the week and of the Advice screen (a): keys a runner presses, then what
the strip and the screen say. The calls come from the rules on journals built for the purpose (advice_journals)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import replace
from pathlib import Path

from textual.geometry import Region
from textual.pilot import Pilot
from textual.widget import Widget
from textual.widgets import Input, Select

from hamjournal.domain.advice.report import Advice, AdviceReport, Flag, LoadSummary
from hamjournal.domain.models import Prescription
from hamjournal.ui.app import HamJournalApp
from hamjournal.ui.palette import screen_commands
from hamjournal.ui.screens.advice import DISCLAIMER, AdviceScreen
from hamjournal.ui.screens.check_in import CheckInDialog
from hamjournal.ui.screens.log_session import LogSessionDialog
from hamjournal.ui.screens.week import WeekScreen
from hamjournal.ui.widgets.advice_strip import AdviceStrip, call_text, stop_banner, strip_lines
from tests.ui.advice_journals import TODAY, mixed_journal, progressing_journal, write
from tests.ui.helpers import make_app, settle

SIZE = (100, 32)


def strip_of(app: HamJournalApp) -> AdviceStrip:
    """The week screen's advice strip."""
    return app.screen.query_one(AdviceStrip)


def call_for(app: HamJournalApp, name: str) -> str:
    """The strip's line for one exercise (by its short name), "" when it has none."""
    return next((line.text for line in strip_of(app).lines if line.text.startswith(f"{name} ")), "")


async def settle_until(pilot: Pilot[object], done: Callable[[], bool], rounds: int = 10) -> None:
    """Settle until `done()`: a save starts a chain of workers (save, re-plan, week, advice)."""
    for _ in range(rounds):
        await settle(pilot)
        if done():
            return


def shown_text(widget: Widget) -> str:
    """What a widget (or, for a container, each of its children) paints, as plain text lines; this reads Rich
    tables inside a Static too, even when they are scrolled out of view."""
    if widget.children:
        return "\n".join(shown_text(child) for child in widget.children)
    region = Region(0, 0, widget.size.width, widget.size.height)
    return "\n".join(strip.text.rstrip() for strip in widget.render_lines(region))


async def test_a_painful_nordic_turns_progress_into_regress(journal_path: Path) -> None:
    write(journal_path, progressing_journal())
    app = make_app(journal_path, replan=True)  # as in use: save, re-plan, read the week, then the advice
    async with app.run_test(size=SIZE) as pilot:
        await settle_until(pilot, lambda: bool(call_for(app, "Nordic")))
        assert "▲ progress → 3x8 band-assisted" in call_for(app, "Nordic")
        assert not strip_of(app).banner

        await pilot.press("l")
        await settle(pilot)
        dialog = app.screen
        assert isinstance(dialog, LogSessionDialog)
        # Today's first open item to log is the SL RDL (the tests are logged with A): choose the Nordic.
        assert dialog.query_one("#exercise", Select).value == "sl-rdl"
        dialog.query_one("#exercise", Select).value = "nordic"
        await pilot.pause()
        dialog.query_one("#sets", Input).focus()
        await pilot.pause()
        await pilot.press(*"3x8", "tab", "tab", "6", "tab", "6")  # sets, (tempo kept), RPE 6, pain 6
        assert dialog.query_one("#exercise", Select).value == "nordic"
        assert (dialog.query_one("#rpe", Input).value, dialog.query_one("#pain", Input).value) == ("6", "6")
        await pilot.press("enter")
        await settle_until(pilot, lambda: "regress" in call_for(app, "Nordic"))

        assert isinstance(app.screen, WeekScreen)
        nordic = call_for(app, "Nordic")
        assert "▼ regress" in nordic, nordic
        # The most urgent call comes first, and it is still no stop.
        assert strip_of(app).lines[0].text == nordic
        assert strip_of(app).lines[0].action == "regress"
        assert not strip_of(app).banner


async def test_a_sudden_pain_check_in_shows_the_stop_banner(journal_path: Path) -> None:
    write(journal_path, mixed_journal())
    app = make_app(journal_path, replan=True)  # as in use: save, re-plan, read the week, then the advice
    async with app.run_test(size=SIZE) as pilot:
        await settle_until(pilot, lambda: bool(strip_of(app).lines))
        assert not strip_of(app).banner
        assert not app.screen.query_one("#stop-banner").display

        await pilot.press("p", "2")
        dialog = app.screen
        assert isinstance(dialog, CheckInDialog)
        sudden = dialog.query_one("#sudden", Select)
        while app.screen.focused is not sudden:  # pain, stiffness, when, side, where, sudden
            await pilot.press("tab")
        await pilot.press("enter", "down", "enter")  # open the list, "Yes: sharp, sudden pain", choose it
        assert sudden.value == "yes"
        await pilot.press("ctrl+s")
        await settle_until(pilot, lambda: bool(strip_of(app).banner))

        assert isinstance(app.screen, WeekScreen)
        strip = strip_of(app)
        assert strip.banner.startswith("■ STOP hamstring loading — see a physiotherapist or doctor.")
        assert "sudden sharp pain" in strip.banner
        banner = app.screen.query_one("#stop-banner")
        assert banner.display
        # At the very top of the strip, above the week grid, across the whole strip.
        assert banner.region.y == strip.region.y
        assert banner.region.bottom <= app.screen.query_one("#days").region.y
        assert banner.region.width == strip.content_region.width
        # Every exercise is a stop, on one line, and nothing else is offered.
        assert [line.action for line in strip.lines] == ["stop"]
        assert all(name in strip.lines[0].text for name in ("Nordic", "SL RDL", "Bridge", "Iso hold"))


async def test_the_strip_shows_the_most_urgent_calls_first_and_counts_the_rest(journal_path: Path) -> None:
    write(journal_path, mixed_journal())
    app = make_app(journal_path)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle_until(pilot, lambda: bool(strip_of(app).lines))
        strip = strip_of(app)
        assert [line.action for line in strip.lines] == ["regress", "hold", "hold"]
        assert strip.left_out == 1  # Nordic's progress did not fit
        assert str(app.screen.query_one("#strip-more").render()) == "+1 more — press a"
        assert strip.region.height == 3
        # At 120x40 there is room for every call.
        await pilot.resize_terminal(120, 40)
        await settle(pilot)
        assert [line.action for line in strip.lines] == ["regress", "hold", "hold", "progress"]
        assert strip.left_out == 0
        assert str(app.screen.query_one("#strip-more").render()) == ""


async def test_the_advice_screen_gives_reasons_and_sources_and_esc_goes_back(journal_path: Path) -> None:
    write(journal_path, mixed_journal())
    app = make_app(journal_path)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        assert "Advice" in {command.title for command in screen_commands(app.screen)}
        await pilot.press("a")
        await settle_until(pilot, lambda: isinstance(app.screen, AdviceScreen) and app.screen.report is not None)
        screen = app.screen
        assert isinstance(screen, AdviceScreen)
        plain = screen.plain
        # Most urgent first, each with the rules' reasons and sources.
        regress, progress = "▼ Single-leg Romanian deadlift — regress", "▲ Nordic hamstring curl — progress"
        assert plain.index(regress) < plain.index(progress)
        assert "Pain 6/10 during your Single-leg Romanian deadlift on Monday 2026-11-23 is above your limit" in plain
        assert "Sources: Silbernagel 2007" in plain
        assert "Sources: Petersen 2011" in plain
        assert str(screen.query_one("#advice-disclaimer").render()) == DISCLAIMER

        calls = shown_text(screen.query_one("#advice-calls"))
        assert "Now           Bodyweight, 2x8 at 3-0-1-0" in calls
        assert "Next          Bodyweight, 2x6 at 3-0-1-0" in calls
        assert "To change it" in calls
        flags = shown_text(screen.query_one("#advice-flags"))
        assert "WARNING" in flags and "20% lower on the left" in flags
        load = shown_text(screen.query_one("#advice-load"))
        assert "does not predict injury" in load and "never a risk score" in load
        thresholds = shown_text(screen.query_one("#advice-thresholds"))
        assert "pain limit prevention" in thresholds and "Silbernagel 2007" in thresholds
        assert "pain limit rehab (not" in thresholds  # the other mode's limit is listed, marked
        assert "conv." in thresholds and "trial" in thresholds

        await pilot.press("escape")
        await settle(pilot)
        assert isinstance(app.screen, WeekScreen)


# -- the strip's wording, on reports built by hand (every action, including the ones no fixed journal shows) ---

NO_LOAD = LoadSummary(0, 0.0, 0.0, None, None, None, None, None, None)


def advice(
    slug: str, action: str, now: Prescription | None, then: Prescription | None, step: str = "bodyweight"
) -> Advice:
    """An Advice as the rules would give it (reasons and sources do not show in the strip)."""
    return Advice(slug, action, step, now, then, step if then is not None else None, ("because",), ("a source",))


def test_every_action_reads_without_colour() -> None:
    three_by_eight = Prescription(3, (8, 8, 8))
    assert call_text(advice("nordic", "progress", Prescription(3, (6, 6, 6)), three_by_eight)) == (
        "▲ progress → 3x8 bodyweight"
    )
    assert call_text(advice("nordic", "hold", three_by_eight, three_by_eight)) == "= hold 3x8 bodyweight"
    assert call_text(advice("nordic", "hold", None, three_by_eight)) == "= hold, start at 3x8 bodyweight"
    assert call_text(advice("nordic", "regress", three_by_eight, Prescription(2, (8, 8)))) == (
        "▼ regress → 2x8 bodyweight"
    )
    assert call_text(advice("nordic", "deload", Prescription(3, (12, 10, 8)), Prescription(2, (12, 10)))) == (
        "▽ deload → 12/10 bodyweight"
    )
    assert call_text(advice("iso-hold", "hold", Prescription(3, (1, 1, 1), 30), Prescription(3, (1, 1, 1), 30),
                            "bilateral")) == "= hold 3x30s bilateral"
    assert call_text(advice("nordic", "stop", three_by_eight, None)) == "■ STOP — see a professional"


def test_a_call_names_the_day_of_the_planned_session_it_describes() -> None:
    three_by_eight = Prescription(3, (8, 8, 8))
    today = dt.date(2026, 11, 25)
    planned = replace(advice("nordic", "hold", three_by_eight, three_by_eight), planned_on=today)
    assert call_text(planned, today) == "= hold 3x8 bodyweight today"
    friday = replace(planned, planned_on=dt.date(2026, 11, 27))
    assert call_text(friday, today) == "= hold 3x8 bodyweight Fri"


def test_stops_share_one_line_under_the_banner_and_are_counted_when_cut() -> None:
    stops = tuple(advice(slug, "stop", Prescription(2, (6, 6)), None) for slug in ("nordic", "bridge", "sl-rdl"))
    danger = Flag("red-flag", "danger", "Pain 8/10 (morning) on Tuesday 2026-11-24 is 7/10 or more.")
    report = AdviceReport(TODAY, stops, (danger, danger), NO_LOAD)
    lines, left_out = strip_lines(report, 3)
    assert [(line.text, line.action) for line in lines] == [
        ("■ STOP — see a professional: Nordic, Bridge, SL RDL", "stop")
    ]
    assert left_out == 0
    assert stop_banner(report) == (
        "■ STOP hamstring loading — see a physiotherapist or doctor. "
        "Pain 8/10 (morning) on Tuesday 2026-11-24 is 7/10 or more. (+1 more)"
    )


def test_the_strip_orders_by_urgency_and_counts_what_it_leaves_out() -> None:
    dose = Prescription(2, (6, 6))
    report = AdviceReport(TODAY, (
        advice("nordic", "progress", dose, dose), advice("bridge", "hold", dose, dose),
        advice("sl-rdl", "deload", dose, dose), advice("calf-raise", "regress", dose, dose),
    ), (), NO_LOAD)
    lines, left_out = strip_lines(report, 2)
    assert [line.action for line in lines] == ["regress", "deload"]
    assert left_out == 2
    assert stop_banner(report) is None
