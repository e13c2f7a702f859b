"""Today's call on the week screen: one line per exercise from the rules' AdviceReport, the most urgent first.

The strip only displays what `JournalService.advice()` decided; it holds no training rule. Every call reads
without colour (a mark and a word: "▲ progress", "= hold", "▼ regress", "▽ deload", "■ STOP"), and the CSS
classes `-progress` … `-stop` add colour on top. A stop puts a reversed, bold banner above the calls.

The strip is small on purpose: at 80x24 it takes three lines and the week grid keeps the rest; calls that do
not fit are counted ("+2 more — press a") and the Advice screen (a) shows them all, with the reasons.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import TYPE_CHECKING

from textual import on, work
from textual.app import ComposeResult
from textual.containers import Horizontal, Vertical
from textual.message import Message
from textual.screen import Screen
from textual.widgets import Static
from textual.worker import get_current_worker

from hamjournal.domain.action_order import ACTION_ORDER
from hamjournal.ui.journal_access import journal_of
from hamjournal.ui.widgets.labels import name_width, short_name
from hamjournal.ui.worker_failures import notify_failure

if TYPE_CHECKING:
    # Type names only: the rules (and the store) load in the worker, after the first paint.
    from hamjournal.domain.advice.report import Advice, AdviceReport
    from hamjournal.domain.models import Prescription

MARKS: dict[str, str] = {"progress": "▲", "hold": "=", "regress": "▼", "deload": "▽", "stop": "■"}
STOP_HEADLINE = "■ STOP hamstring loading — see a physiotherapist or doctor."
MORE_HINT = "+{count} more — press a"

# Lines for the whole strip (banner included): 3 at 24 rows, one more every 8 rows above that.
MIN_LINES = 3
ROWS_PER_LINE = 8
BANNER_LINES = 2  # the banner is cut to two lines; the Advice screen has the full text


def line_budget(screen_height: int) -> int:
    """How many lines the strip may take on a screen this tall."""
    return max(MIN_LINES, screen_height // ROWS_PER_LINE)


def dose_text(rx: Prescription | None) -> str:
    """A dose in set notation, sets always shown: "3x8", "12/10/8", "1x12", "3x30s"; "" for none."""
    return "" if rx is None else rx.notation


def call_text(advice: Advice, today: dt.date | None = None) -> str:
    """What to do, without the exercise's name: "▲ progress → 3x8 band-assisted", "= hold 3x10 floor"."""
    mark = MARKS.get(advice.action, "?")
    if advice.action == "stop":
        return f"{mark} STOP — see a professional"
    step = advice.next_step or advice.step
    dose = f"{dose_text(advice.next or advice.current)} {step}".strip()
    if advice.planned_on is not None:
        # The next planned session's own dose and day: what the week grid shows for it.
        dose += " today" if advice.planned_on == today else f" {advice.planned_on:%a}"
    if advice.action == "hold":
        # A hold keeps the dose; an exercise not logged yet has no current dose, only where to start.
        return f"{mark} hold {dose}" if advice.current is not None else f"{mark} hold, start at {dose}"
    return f"{mark} {advice.action} → {dose}"


def ordered(report: AdviceReport) -> list[Advice]:
    """The report's calls, most urgent first (the rules' order kept within one action)."""
    rank = {action: index for index, action in enumerate(ACTION_ORDER)}
    return sorted(report.advice, key=lambda a: rank.get(a.action, len(rank)))


def stop_banner(report: AdviceReport) -> str | None:
    """The banner when any call is a stop: the headline and the first danger flag's own words."""
    if not any(a.action == "stop" for a in report.advice):
        return None
    dangers = [f.message for f in report.flags if f.level == "danger"]
    if not dangers:
        return STOP_HEADLINE
    more = f" (+{len(dangers) - 1} more)" if len(dangers) > 1 else ""
    return f"{STOP_HEADLINE} {dangers[0]}{more}"


@dataclass(frozen=True)
class Line:
    """One line of the strip: its text, the action that colours it and how many calls it stands for."""

    text: str
    action: str
    calls: int = 1


def strip_lines(report: AdviceReport, budget: int) -> tuple[list[Line], int]:
    """The call lines that fit in `budget` lines, and how many calls were left out.

    Stops are one line for every exercise they cover: the banner above says what to do.
    """
    calls = ordered(report)
    stops = [a for a in calls if a.action == "stop"]
    lines: list[Line] = []
    if stops:
        names = ", ".join(short_name(a.exercise) for a in stops)
        lines.append(Line(f"{MARKS['stop']} STOP — see a professional: {names}", "stop", len(stops)))
    width = name_width()
    lines += [
        Line(f"{short_name(a.exercise):<{width}}  {call_text(a, report.date)}", a.action)
        for a in calls if a.action != "stop"
    ]
    room = max(1, budget - (BANNER_LINES if stops else 0))
    return lines[:room], sum(line.calls for line in lines[room:])


def current_advice(journal: object) -> tuple[AdviceReport, str] | None:
    """The journal's advice and the runner's mode when nothing was written since (reads nothing), else None.

    Shared by this strip and the Advice screen, so a press of `a` right after the strip is drawn shows at once.
    """
    from hamjournal.domain.errors import InvalidInput

    cached_advice = getattr(journal, "cached_advice", None)
    if cached_advice is None:
        return None
    try:
        return cached_advice()
    except InvalidInput:  # a bad HAMJOURNAL_TODAY: the worker reports it
        return None


@dataclass
class AdviceLoaded(Message):
    """Today's advice has been worked out."""

    report: AdviceReport


class AdviceStrip(Vertical):
    """Today's calls under the week line; hidden until the journal has advice to give."""

    DEFAULT_CSS = """
    AdviceStrip {
        height: auto;
        display: none;
        padding: 0 1;
    }
    AdviceStrip.-shown {
        display: block;
    }
    AdviceStrip #stop-banner {
        display: none;
        width: 100%;
        max-height: 2;
        background: $error;
        color: $text;
        text-style: bold;
    }
    AdviceStrip.-stop #stop-banner {
        display: block;
    }
    AdviceStrip #strip-body {
        height: auto;
    }
    AdviceStrip #strip-label {
        width: 7;
        text-style: bold;
    }
    AdviceStrip #strip-calls {
        width: 1fr;
        height: auto;
    }
    AdviceStrip .call {
        text-wrap: nowrap;
        text-overflow: ellipsis;
    }
    AdviceStrip .call.-progress {
        color: $text-success;
    }
    AdviceStrip .call.-hold {
        color: $foreground;
    }
    AdviceStrip .call.-regress {
        color: $text-warning;
        text-style: bold;
    }
    AdviceStrip .call.-deload {
        color: $text-accent;
    }
    AdviceStrip .call.-stop {
        color: $text-error;
        text-style: bold;
    }
    AdviceStrip #strip-more {
        width: auto;
        height: 100%;
        content-align: right bottom;
        text-style: italic;
    }
    """

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.report: AdviceReport | None = None
        self.lines: list[Line] = []
        """The call lines shown now (what a test or a screen reader reads)."""
        self.left_out = 0
        self._budget = MIN_LINES

    def compose(self) -> ComposeResult:
        yield Static("", id="stop-banner")
        with Horizontal(id="strip-body"):
            yield Static("Today", id="strip-label")
            yield Vertical(id="strip-calls")
            yield Static("", id="strip-more")

    def on_mount(self) -> None:
        # A taller terminal gives the strip more lines; only the screen's size says so (the strip's own height
        # follows its content), so listen to the screen's layout and redraw when the budget changes.
        self.screen.screen_layout_refresh_signal.subscribe(self, self._screen_laid_out)

    def _screen_laid_out(self, screen: Screen[object]) -> None:
        budget = line_budget(screen.size.height)
        if budget != self._budget:
            self._budget = budget
            self._draw()

    @property
    def banner(self) -> str:
        """The stop banner's text, "" when there is none."""
        if self.report is None:
            return ""
        return stop_banner(self.report) or ""

    def load(self) -> None:
        """Work out today's advice again (after the week is read, so after every save and re-plan).

        Moving between weeks changes nothing the advice depends on: while the journal's advice is still current
        (no write since, same day) it is taken as it is, with no query and no worker.
        """
        journal = journal_of(self).journal
        if journal is None:
            return
        cached = current_advice(journal)
        if cached is None:
            self._load()
        elif cached[0] is not self.report:
            self.report = cached[0]
            self._budget = line_budget(self.screen.size.height)
            self._draw()

    @work(thread=True, exclusive=True, group="advice-strip", exit_on_error=False)
    def _load(self) -> None:
        journal = journal_of(self).journal
        if journal is None:
            return
        with notify_failure(self, "Today's advice could not be worked out: ", timeout=10):
            report = journal.advice()
            if not get_current_worker().is_cancelled:  # a newer read is on its way
                self.post_message(AdviceLoaded(report))
            # The Advice screen (a) shows this same report: load its module here, off the UI thread, so the first
            # press of a does not pay for the import.
            import hamjournal.ui.screens.advice  # noqa: F401

    @on(AdviceLoaded)
    def _loaded(self, message: AdviceLoaded) -> None:
        message.stop()
        self.report = message.report
        self._budget = line_budget(self.screen.size.height)
        self._draw()

    def _draw(self) -> None:
        if self.report is None:
            return
        self.lines, self.left_out = strip_lines(self.report, self._budget)
        banner = stop_banner(self.report)
        self.set_class(bool(self.report.advice), "-shown")
        self.set_class(banner is not None, "-stop")
        self.query_one("#stop-banner", Static).update(banner or "")
        self.query_one("#strip-more", Static).update(MORE_HINT.format(count=self.left_out) if self.left_out else "")
        # Line widgets are reused and only ever added, never removed: no await between a removal and a mount.
        box = self.query_one("#strip-calls", Vertical)
        pool = list(box.query_children(Static))
        if len(pool) < len(self.lines):
            extra = [Static("", classes="call", markup=False) for _ in range(len(self.lines) - len(pool))]
            box.mount_all(extra)
            pool += extra
        for index, widget in enumerate(pool):
            line = self.lines[index] if index < len(self.lines) else None
            widget.display = line is not None
            widget.set_classes(f"call -{line.action}" if line else "call")
            widget.update(line.text if line else "")
