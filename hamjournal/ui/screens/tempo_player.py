"""The tempo player: counts a set's phases in large letters and digits, with the figure moving in step.

The count comes from `tempo.phase_at(plan, elapsed)` on every tick, with elapsed read from an injected
clock, so the screen cannot drift from the schedule and tests drive it with a fake clock. When the last set
ends the log dialog opens prefilled with what was done.
"""

from __future__ import annotations

import datetime as dt
import time
from collections.abc import Callable
from dataclasses import replace
from typing import Any

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.screen import Screen
from textual.timer import Timer
from textual.widgets import Digits, ProgressBar, Static

from hamjournal.domain.library.exercises import get_exercise
from hamjournal.domain.library.pose import fraction_for
from hamjournal.domain.library.sets import format_sets
from hamjournal.domain.library.tempo import (
    DEFAULT_REST_S,
    PlayerPlan,
    format_tempo,
    next_boundary,
    parse_tempo,
    plan_from_prescription,
)
from hamjournal.domain.models import PlanItem, Prescription
from hamjournal.ui.screens.base import JournalScreen
from hamjournal.ui.screens.player_clock import Stopwatch
from hamjournal.ui.screens.player_view import (
    PlayerView,
    describe_plan,
    player_view,
    restart_point,
    sets_done,
    with_lowering,
)
from hamjournal.ui.widgets.app_header import AppHeader
from hamjournal.ui.widgets.big_word import BigWord
from hamjournal.ui.widgets.key_footer import KeyFooter
from hamjournal.ui.widgets.pose_canvas import PoseCanvas
from hamjournal.ui.worker_failures import notify_failure

TICK_S = 0.1
LEAD_IN_S = 5  # time to kneel or lie down after pressing play


class TempoPlayerScreen(JournalScreen[None]):
    """Plays `prescription` for an exercise; space pauses, n skips, +/- and T change the tempo, b the bell."""

    CSS_PATH = "tempo_player.tcss"
    # + and - lengthen the lowering, or the hold on an isometric exercise.
    _LOWERING = Binding.Group("Time", compact=True)
    BINDINGS = [
        Binding("space", "toggle_pause", "Pause"),
        Binding("n", "skip", "Next"),
        Binding("plus,equals_sign", "lowering(1)", "Slower", key_display="+", group=_LOWERING),
        Binding("minus", "lowering(-1)", "Faster", key_display="-", group=_LOWERING),
        Binding("T", "tempo", "Tempo"),
        Binding("b", "bell", "Bell"),
        Binding("l", "log", "Log now"),
        Binding("escape", "back", "Back"),
    ]

    def __init__(
        self,
        exercise: str,
        step: str | None,
        prescription: Prescription,
        day: dt.date | None = None,
        *,
        clock: Callable[[], float] = time.monotonic,
        rest_s: int = DEFAULT_REST_S,
        lead_in_s: float = LEAD_IN_S,
        bell: bool = False,
    ) -> None:
        super().__init__()
        self.exercise = get_exercise(exercise)
        self.step = step or self.exercise.default_step
        self.day = day
        self.plan: PlayerPlan = plan_from_prescription(
            prescription, rest_s=rest_s, default_tempo=self.exercise.default_tempo or "3-0-1-0"
        )
        self.lead_in_s = lead_in_s
        self.bell_on = bell
        self.stopwatch = Stopwatch(clock)
        self.view: PlayerView | None = None
        self.finished = False
        self._timer: Timer | None = None
        # What the text widgets show now: a Static's update lays the whole screen out again, and the ticks come
        # ten times a second, so a line is only updated when its text changes.
        self._shown: dict[str, str] = {}

    def compose(self) -> ComposeResult:
        yield AppHeader()
        yield Static(self._title(), id="player-title")
        with Horizontal(id="stage"):
            with Vertical(id="count"):
                yield BigWord(id="phase")
                yield Digits("", id="seconds")
                yield ProgressBar(total=1.0, show_eta=False, show_percentage=False, id="phase-bar")
                yield Static("", id="counters")
                yield Static("", id="clock")
            yield PoseCanvas(self.exercise.movement, id="pose")
        yield Static("", id="status")
        yield KeyFooter()

    def on_mount(self) -> None:
        self.sub_title = "Tempo player"
        self.refresh_view()
        self._timer = self.set_interval(TICK_S, self.refresh_view)

    # -- the count ------------------------------------------------------------------------------------------

    @property
    def plan_elapsed(self) -> float:
        """Seconds into the plan itself, the lead-in left out."""
        return max(0.0, self.stopwatch.elapsed() - self.lead_in_s)

    def refresh_view(self) -> None:
        """Recompute the state from the clock and copy what changed into the widgets."""
        view = player_view(self.plan, self.stopwatch.elapsed(), self.lead_in_s)
        previous, self.view = self.view, view
        if previous is not None and previous.key != view.key and self.bell_on:
            self.app.bell()
        self.query_one("#phase", BigWord).word = view.word
        digits = self.query_one("#seconds", Digits)
        if digits.value != view.countdown:
            digits.update(view.countdown)
        self.query_one("#phase-bar", ProgressBar).update(progress=view.fraction)
        self._set_text("#counters", view.counters)
        self._set_text("#clock", view.clock)
        self._show_pose(view)
        self._show_status()
        if view.done and not self.finished:
            self.finished = True
            self.stopwatch.pause()
            if self._timer is not None:
                self._timer.stop()
            self.open_log()

    def _show_pose(self, view: PlayerView) -> None:
        """Move the figure to where the count is: the same elapsed time, so it can never run ahead or behind."""
        movement = self.exercise.movement
        if movement is not None:
            self.query_one("#pose", PoseCanvas).show(fraction_for(movement, view.position, resting=view.resting))

    def _set_text(self, selector: str, text: str) -> None:
        """Show `text` in a Static, unless it shows it already."""
        if self._shown.get(selector) != text:
            self._shown[selector] = text
            self.query_one(selector, Static).update(text)

    def _title(self) -> str:
        step = self.exercise.step(self.step).name
        return f"{self.exercise.name} · {step} · {describe_plan(self.plan)}"

    def _show_status(self) -> None:
        paused = self.stopwatch.paused and not self.finished
        self.set_class(paused, "-paused")
        if self.finished:
            self._set_text("#status", "Done · l opens the log again · Esc leaves without logging")
            return
        parts = ["PAUSED · space goes on" if paused else "space pauses"]
        parts.append(f"bell {'on' if self.bell_on else 'off'}")
        if self.plan.holds:
            parts.append(f"+/- hold ({self.plan.hold_s} s)")
        else:
            parts.append(f"+/- lowering ({self.plan.tempo.seconds()[0]} s)")
        self._set_text("#status", " · ".join(parts))

    # -- keys -----------------------------------------------------------------------------------------------

    def action_toggle_pause(self) -> None:
        """Freeze or resume the count."""
        if not self.finished:
            self.stopwatch.toggle()
            self.refresh_view()

    def action_skip(self) -> None:
        """Jump to the start of the next phase (from the lead-in: to the first rep)."""
        if self.finished:
            return
        elapsed = self.stopwatch.elapsed()
        if elapsed < self.lead_in_s:
            self.stopwatch.jump_to(self.lead_in_s)
        else:
            self.stopwatch.jump_to(self.lead_in_s + next_boundary(self.plan, elapsed - self.lead_in_s))
        self.refresh_view()

    def action_lowering(self, delta: int) -> None:
        """Lower one second slower (+) or faster (-); on a hold, hold 5 s longer or shorter."""
        self.replan(with_lowering(self.plan, delta))

    def action_tempo(self) -> None:
        """Type a new tempo (or hold length); the rep under way starts again at it."""
        from hamjournal.ui.screens.tempo_input import TempoDialog

        current = str(self.plan.hold_s) if self.plan.holds else format_tempo(self.plan.tempo)

        def chosen(value: str | None) -> None:
            if value is None:
                return
            if self.plan.holds:
                self.replan(replace(self.plan, hold_s=int(value)))
            else:
                self.replan(replace(self.plan, tempo=parse_tempo(value)))

        self.app.push_screen(TempoDialog(current, self.plan.holds), chosen)

    def action_bell(self) -> None:
        """Ring the terminal bell at every phase change, or stop ringing it."""
        self.bell_on = not self.bell_on
        self._show_status()
        self.notify(f"Bell {'on: it rings at every phase change' if self.bell_on else 'off'}", timeout=2)

    def action_log(self) -> None:
        """Pause and log what has been done so far; cancelling the log leaves the player paused."""
        self.stopwatch.pause()
        self.refresh_view()
        self.open_log()

    def action_back(self) -> None:
        """Leave without logging."""
        self.dismiss()

    def replan(self, new_plan: PlayerPlan) -> None:
        """Play `new_plan` from the same place: done reps stay done, the rep under way restarts."""
        if self.finished or new_plan == self.plan:
            return
        elapsed = self.stopwatch.elapsed()
        if elapsed >= self.lead_in_s:
            self.stopwatch.jump_to(self.lead_in_s + restart_point(self.plan, new_plan, elapsed - self.lead_in_s))
        self.plan = new_plan
        self.query_one("#player-title", Static).update(self._title())
        self.refresh_view()

    # -- logging --------------------------------------------------------------------------------------------

    def logged_sets(self) -> str:
        """What was done, in set notation: the whole plan when finished, else the finished sets and reps."""
        done = sets_done(self.plan, self.plan_elapsed)
        return format_sets(done) if done else ""

    def open_log(self) -> None:
        """Open the log dialog prefilled with what was done; Enter saves it."""
        sets = self.logged_sets()
        if not sets:
            self.notify("Nothing done yet to log: the first rep is not finished.")
            return
        from hamjournal.ui.screens.log_session import LogSessionDialog

        prefill = {
            "exercise": self.exercise.slug,
            "step": self.step,
            "sets": sets,
            "tempo": format_tempo(self.plan.tempo) if not self.plan.holds else self.exercise.default_tempo,
        }
        day = self.day or _today(self)
        prefill["date"] = day.isoformat()
        self.app.push_screen(LogSessionDialog(day, prefill=prefill), self._logged)

    def _logged(self, summary: str | None) -> None:
        if summary is not None:
            self.dismiss()


def _today(screen: Screen[Any]) -> dt.date:
    today = getattr(screen.app, "today", None)
    return today() if callable(today) else dt.date.today()



def play_planned(screen: Screen[Any], day: dt.date, plan_id: int | None) -> None:
    """Open the player on a planned item of `day`: the item is read in a thread, then the player is pushed
    with its prescription. A plan for a later day is logged today: the journal takes no future dates."""
    app = screen.app
    journal = getattr(app, "journal", None)
    if plan_id is None or journal is None:
        screen.notify("Nothing planned to play on this day: e opens the library, where s plays any exercise.")
        return

    def read() -> None:
        with notify_failure(screen, timeout=10):
            item = next((p for p in journal.planned_for(day) if p.id == plan_id), None)
            app.call_from_thread(_push_planned, screen, item, min(day, _today(screen)))

    screen.run_worker(read, thread=True, group="play-tempo", exit_on_error=False)


def _push_planned(screen: Screen[object], item: PlanItem | None, day: dt.date) -> None:
    if item is None:
        screen.notify("That plan item is gone (changed meanwhile?): the week is read again.")
        return
    ex = get_exercise(item.exercise)
    if ex.default_tempo is None and item.prescription.tempo is None:
        screen.notify(f"{ex.name} are run by feel: there is no tempo to count. Log them with l.")
        return
    screen.app.push_screen(TempoPlayerScreen(item.exercise, item.step, item.prescription, day))
