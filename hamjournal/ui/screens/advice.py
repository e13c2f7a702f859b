"""Advice (a): today's call for every exercise with its reasons, the flags, running load and every threshold.

The screen shows the rules' AdviceReport as it is: the reasons are the domain's sentences (each names the
logged numbers behind it), the thresholds are the domain's table with its sources. Nothing here decides.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from rich.console import Group, RenderableType
from rich.style import Style as RichStyle
from rich.table import Table
from rich.text import Text
from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.message import Message
from textual.widgets import Static

from hamjournal.errors import HamjournalError
from hamjournal.ui.screens.base import JournalScreen
from hamjournal.ui.widgets.advice_strip import MARKS, current_advice, dose_text, ordered, stop_banner
from hamjournal.ui.widgets.app_header import AppHeader
from hamjournal.ui.widgets.exercise_page import RenderedOnce
from hamjournal.ui.widgets.key_footer import KeyFooter

if TYPE_CHECKING:
    from hamjournal.domain.advice.report import Advice, AdviceReport, Flag, LoadSummary
    from hamjournal.domain.models import Prescription
    from hamjournal.domain.thresholds import Threshold

DISCLAIMER = (
    "This is training guidance from your log, not a diagnosis. "
    "Pain that is sharp, sudden or getting worse needs a physiotherapist or doctor."
)
LOADING = "Working out today's advice …"
NO_ADVICE = "Nothing planned or logged in the last {weeks} weeks: log a session (l on the week) to get advice."
NO_FLAGS = "No flags: nothing in your log needs a second look."
EVIDENCE = {"trial": "trial", "convention": "conv."}
EVIDENCE_LEGEND = "trial = from a study; conv. = clinical convention, not a trial result."
LABEL_WIDTH = 13
# While the journal is still opening (a pressed at start-up), look again this often.
RETRY_S = 0.2


@dataclass
class AdviceReady(Message):
    """Today's advice and the runner's mode, read in the worker."""

    report: AdviceReport
    mode: str


def step_name(slug: str, step: str | None) -> str:
    """The ladder step's name ("Band-assisted"), or the slug when the library does not know it."""
    from hamjournal.domain.library.exercises import EXERCISES

    exercise = EXERCISES.get(slug)
    if exercise is None or step is None:
        return step or ""
    names = {s.slug: s.name for s in exercise.ladder}
    return names.get(step, step)


def exercise_name(slug: str) -> str:
    """The library's full name: "Nordic hamstring curl"."""
    from hamjournal.domain.library.exercises import EXERCISES

    exercise = EXERCISES.get(slug)
    return exercise.name if exercise else slug


def dose_line(slug: str, step: str | None, rx: Prescription | None, missing: str = "—") -> str:
    """ "Band-assisted, 3x6 at 4-0-1-0", or `missing` when there is no dose."""
    if rx is None:
        return missing
    tempo = f" at {rx.tempo}" if rx.tempo else ""
    return f"{step_name(slug, step)}, {dose_text(rx)}{tempo}"


def call_title(advice: Advice) -> str:
    """ "▲ Nordic hamstring curl — progress"; a stop says what to do."""
    mark = MARKS.get(advice.action, "?")
    action = "STOP, see a physiotherapist or doctor" if advice.action == "stop" else advice.action
    return f"{mark} {exercise_name(advice.exercise)} — {action}"


def call_body(advice: Advice) -> Table:
    """Now, next, every reason, what would change the call, and the sources, as label / text rows."""
    table = Table.grid(padding=(0, 1), expand=True)
    table.add_column(width=LABEL_WIDTH, no_wrap=True, style="bold")
    table.add_column(ratio=1)
    table.add_row("Now", dose_line(advice.exercise, advice.step, advice.current, "not logged recently"))
    after = "none: no hamstring loading until a professional has looked" if advice.action == "stop" else "—"
    following = dose_line(advice.exercise, advice.next_step or advice.step, advice.next, after)
    if advice.planned_on is not None:
        following += f" · planned {advice.planned_on:%a %d %b}"
    table.add_row("Next", following)
    for index, reason in enumerate(advice.reasons):
        table.add_row("Why" if index == 0 else "", f"• {reason}")
    if advice.what_would_change:
        table.add_row("To change it", advice.what_would_change)
    table.add_row("Sources", "; ".join(advice.sources) or "—")
    return table


def flags_table(flags: tuple[Flag, ...]) -> Table | Text:
    """Each flag with its level in words (readable without colour); the load ratio is under Running load."""
    shown = [f for f in flags if f.kind != "acwr"]
    if not shown:
        return Text(NO_FLAGS)
    table = Table.grid(padding=(0, 1), expand=True)
    table.add_column(width=LABEL_WIDTH, no_wrap=True)
    table.add_column(ratio=1)
    for flag in shown:
        level = Text(flag.level.upper() if flag.level in ("danger", "warning") else flag.level)
        level.stylize("bold reverse" if flag.level == "danger" else "bold" if flag.level == "warning" else "")
        about = f"{exercise_name(flag.exercise)}: " if flag.exercise else ""
        table.add_row(level, f"{about}{flag.message}")
    return table


def load_table(load: LoadSummary) -> Table:
    """Distances and the acute:chronic ratio, the ratio only as the rules' description."""
    from hamjournal.domain.thresholds import ACWR_MIN_DAYS, LONGEST_RUN_WINDOW_DAYS, VOLUME_JUMP_WINDOW_DAYS

    table = Table.grid(padding=(0, 1), expand=True)
    table.add_column(width=LABEL_WIDTH, no_wrap=True, style="bold")
    table.add_column(ratio=1)
    table.add_row("Last 7 days", f"{load.km_last_7_days:.1f} km (the 7 days before: {load.km_previous_7_days:.1f} km)")
    days = f"{LONGEST_RUN_WINDOW_DAYS.value:g} days"
    longest = load.longest_run_30_days_km
    table.add_row("Longest run", f"{'none' if longest is None else f'{longest:g} km'} in the last {days}")
    window = f"{VOLUME_JUMP_WINDOW_DAYS.value:g} days"
    change = load.two_week_change
    table.add_row(
        "2-week change",
        f"no runs in the {window} before" if change is None
        else f"{change:+.0%} distance, last {window} against the {window} before",
    )
    ratio = load.acwr_description or (
        f"Described after {ACWR_MIN_DAYS.value:g} days of run data (you have {load.data_days})."
    )
    table.add_row("Load ratio", f"{ratio} A description, never a risk score.")
    return table


def threshold_value(item: Threshold) -> str:
    """ "5/10", "80% of prescribed reps", "RPE 9 (0-10)", "14 days", "1.3 ratio"."""
    value, unit = item.value, item.unit
    if isinstance(value, float) and unit != "ratio":
        return f"{value:.0%} {unit}"
    if unit.startswith("RPE"):
        return f"RPE {value:g} ({unit.removeprefix('RPE').strip()})"
    return f"{value:g}{unit}" if unit.startswith("/") else f"{value:g} {unit}"


def thresholds_table(mode: str) -> Table:
    """Every number the rules use, its source and whether it is a trial result or convention.

    The pain limit of the other mode is listed too, dimmed, so the runner sees both and which one applies.
    """
    from hamjournal.domain.thresholds import THRESHOLDS, pain_limit

    other_mode = {pain_limit(m) for m in ("prevention", "rehab")} - {pain_limit(mode)}
    table = Table(expand=True, box=None, padding=(0, 1), show_edge=False, header_style="bold")
    table.add_column("Threshold", ratio=3)
    table.add_column("Value", ratio=3)
    table.add_column("Source", ratio=3)
    table.add_column("Evidence", no_wrap=True)
    for item in THRESHOLDS:
        name = item.name.replace("_", " ")
        if item in other_mode:
            name += " (not your mode)"
        style = "dim" if item in other_mode else ""
        table.add_row(name, threshold_value(item), item.source, EVIDENCE.get(item.evidence, item.evidence), style=style)
    return table


# The thresholds table depends only on the mode: drawn once per mode and width for every visit of the screen.
_THRESHOLDS: dict[str, RenderedOnce] = {}


def thresholds_visual(mode: str) -> RenderedOnce:
    """The thresholds table for a mode, kept across visits."""
    if mode not in _THRESHOLDS:
        _THRESHOLDS[mode] = RenderedOnce(thresholds_table(mode))
    return _THRESHOLDS[mode]


# Each call's title colour, a theme variable (the same ones the strip's CSS uses); hold keeps the text colour.
TITLE_COLOURS: dict[str, str] = {
    "progress": "text-success",
    "regress": "text-warning",
    "deload": "text-accent",
    "stop": "text-error",
}


def calls_renderable(report: AdviceReport, colours: dict[str, str]) -> RenderableType:
    """Every call, most urgent first: its title (bold, coloured by action) over its body, a blank line between.

    One renderable for all the calls, shown in one widget: with a widget per title and per body (two per
    exercise) every layout of the screen, and a visit has several, paid for each of them. `colours` maps theme
    variable names to colours (the app's theme_variables), as the CSS classes of those widgets did.
    """
    parts: list[RenderableType] = []
    for index, advice in enumerate(ordered(report)):
        if index:
            parts.append(Text(""))
        colour = colours.get(TITLE_COLOURS.get(advice.action, ""))
        parts.append(Text(call_title(advice), style=RichStyle(bold=True, color=colour)))
        parts.append(call_body(advice))
    return Group(*parts)


# The last report's calls and flags, drawn: the service hands out the same report until the journal changes, so
# the next visit reuses them (one slot: a new report or a new theme replaces it).
_REPORT_TABLES: list[tuple[AdviceReport, str, RenderedOnce, RenderableType]] = []


def report_tables(report: AdviceReport, theme: str, colours: dict[str, str]) -> tuple[RenderedOnce, RenderableType]:
    """The calls and the flags of a report, kept for the same report object and theme."""
    if _REPORT_TABLES and _REPORT_TABLES[0][0] is report and _REPORT_TABLES[0][1] == theme:
        return _REPORT_TABLES[0][2], _REPORT_TABLES[0][3]
    calls = RenderedOnce(calls_renderable(report, colours))
    flags = flags_table(report.flags)
    shown = RenderedOnce(flags) if isinstance(flags, Table) else flags
    _REPORT_TABLES[:] = [(report, theme, calls, shown)]
    return calls, shown


class AdviceScreen(JournalScreen[None]):
    """Today's advice in full; Esc, q or a goes back to the week."""

    CSS_PATH = "advice.tcss"
    BINDINGS = [Binding("escape,q,a", "close", "Back")]
    KEPT = True  # built once per app (see kept_screens); each visit shows the advice of that moment

    def __init__(self) -> None:
        super().__init__()
        self.report: AdviceReport | None = None

    def compose(self) -> ComposeResult:
        yield AppHeader()
        with VerticalScroll(id="advice-page"):
            yield Static(DISCLAIMER, id="advice-disclaimer")
            yield Static("", id="advice-banner")
            yield Static(LOADING, id="advice-status")
            calls = Static("", id="advice-calls")
            calls.display = False  # until there are calls to show: an empty Static would still take a line
            yield calls
            yield Static("Flags", classes="advice-section")
            yield Static("", id="advice-flags")
            yield Static("Running load", classes="advice-section")
            yield Static("", id="advice-load")
            yield Static("Thresholds in force", classes="advice-section")
            yield Static(EVIDENCE_LEGEND, id="advice-legend")
            yield Static("", id="advice-thresholds")
        yield KeyFooter()

    def on_mount(self) -> None:
        self.sub_title = "Today's advice"
        self.query_one("#advice-page").focus()  # arrows and page keys scroll at once
        self._load_when_open()

    def revisit(self) -> None:
        """A later visit: from the top, with today's advice (the journal may have changed meanwhile)."""
        page = self.query_one("#advice-page", VerticalScroll)
        page.scroll_home(animate=False)
        page.focus()
        self._load_when_open()

    def _load_when_open(self) -> None:
        journal = self.hj.journal
        if journal is None:
            self.set_timer(RETRY_S, self._load_when_open)
            return
        cached = current_advice(journal)
        if cached is not None:
            # The week's strip worked it out already and nothing was written since: shown before the first
            # layout, so the screen is laid out once, with its content.
            self._show(*cached)
        else:
            self._show_loading()
            self._load()

    def _show_loading(self) -> None:
        """Nothing of an earlier visit's advice while today's is worked out."""
        self.report = None
        self.query_one("#advice-banner").display = False
        status = self.query_one("#advice-status", Static)
        status.update(LOADING)
        status.display = True
        self.query_one("#advice-calls").display = False
        for name in ("#advice-flags", "#advice-load", "#advice-thresholds"):
            self.query_one(name, Static).update("")

    def journal_updated(self) -> None:
        """Another program wrote to the journal (a red flag, a session): work the advice out again."""
        self._load()

    @work(thread=True, exclusive=True, group="advice-screen", exit_on_error=False)
    def _load(self) -> None:
        journal = self.hj.journal
        if journal is None:
            return
        try:
            report = journal.advice()
            mode = journal.profile().mode
        except HamjournalError as error:
            self.app.call_from_thread(self._failed, str(error))
            return
        self.post_message(AdviceReady(report, mode))

    def _failed(self, error: str) -> None:
        self.query_one("#advice-status", Static).update(f"Today's advice could not be worked out: {error}")

    @on(AdviceReady)
    def _ready(self, message: AdviceReady) -> None:
        self._show(message.report, message.mode)

    def _show(self, report: AdviceReport, mode: str) -> None:
        self.report = report
        self.sub_title = f"Advice for {report.date:%a} {report.date.day} {report.date:%b %Y}"
        banner = stop_banner(report)
        self.query_one("#advice-banner").display = banner is not None
        self.query_one("#advice-banner", Static).update(banner or "")
        status = self.query_one("#advice-status", Static)
        from hamjournal.domain.advice.context import HISTORY_DAYS

        status.update(NO_ADVICE.format(weeks=HISTORY_DAYS // 7))
        status.display = not report.advice
        calls, flags = report_tables(report, self.app.theme, self.app.theme_variables)
        calls_widget = self.query_one("#advice-calls", Static)
        calls_widget.display = bool(report.advice)
        calls_widget.update(calls)
        self.query_one("#advice-flags", Static).update(flags)
        self.query_one("#advice-load", Static).update(RenderedOnce(load_table(report.load)))
        self.query_one("#advice-thresholds", Static).update(thresholds_visual(mode))

    @property
    def plain(self) -> str:
        """The advice as plain text: titles, then every reason and source (what a test or a screen reader reads)."""
        if self.report is None:
            return ""
        lines: list[str] = []
        for advice in ordered(self.report):
            lines.append(call_title(advice))
            lines += list(advice.reasons)
            lines.append("Sources: " + "; ".join(advice.sources))
        return "\n".join(lines)

    def action_close(self) -> None:
        """Back to the week."""
        self.dismiss(None)
