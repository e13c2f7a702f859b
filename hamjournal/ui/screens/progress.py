"""The progress screen: Nordic volume and ladder step, pain and stiffness, running load, sprint finish, assessments.

Its charts are declared in `hamjournal.ui.chart_registry`: the chart keys, tabs, footer and what is read and
drawn all come from there.

Charts come from plotext through textual-plotext, imported when the screen is first composed, never at
start-up. Data for a range is read in a worker through the JournalService and kept per range, so switching
charts is instant and switching ranges reads only that window. Once the first range is on screen, a second
worker reads the other ranges one by one, so pressing m, y or h a moment later shows them at once; only the
chart on screen is drawn, at render time.
"""

from __future__ import annotations

import threading
from typing import TYPE_CHECKING

from textual import work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.reactive import reactive
from textual.widgets import Static
from textual.worker import get_current_worker

from hamjournal.domain.progress.ranges import RANGE_KEYS, RANGE_LABELS
from hamjournal.ui.chart_registry import BY_NAME, CHARTS, builders
from hamjournal.ui.screens.base import JournalScreen
from hamjournal.ui.widgets.key_footer import KeyFooter
from hamjournal.ui.widgets.progress_charts import Scene, palette_from

if TYPE_CHECKING:
    from hamjournal.domain.progress.data import ProgressData
    from hamjournal.services import JournalService
    from hamjournal.ui.widgets.chart_plot import ChartPlot

TAB_GAP = "  "
_RANGE = Binding.Group("Range", compact=True)
MARKER_WORDS: dict[str, str] = {"strain": "strain", "race": "race", "deload": "deload"}
# The reads ahead wait for the first range's frame, but not forever (a screen hidden before it refreshes).
READ_AHEAD_WAIT_S = 1.0


class ProgressScreen(JournalScreen[None]):
    """Charts of the journal over 12 weeks, 6 months, a year or everything."""

    CSS_PATH = "progress.tcss"
    KEPT = True  # built once per app (see kept_screens); each visit starts at 12 weeks on the journal as it is
    BINDINGS = [
        *(chart.binding() for chart in CHARTS),
        # One footer slot for the four ranges ("w m y h Range"), so the chart keys, A and Back fit at 80 columns.
        Binding("w", "range('12w')", "12 wk", tooltip="Range: the last 12 weeks", group=_RANGE),
        Binding("m", "range('6m')", "6 mo", tooltip="Range: the last 6 months", group=_RANGE),
        Binding("y", "range('1y')", "1 yr", tooltip="Range: the last year", group=_RANGE),
        Binding("h", "range('all')", "All", tooltip="Range: everything logged", group=_RANGE),
        # u, not k: j and k move like the arrows everywhere.
        Binding("u", "toggle_unit", "min/km", show=False, tooltip="Running chart: minutes or km"),
        # ↓ ↑ (and so j k) step through the charts in their tab order, wrapping round.
        Binding("down", "step_chart(1)", "Next chart", show=False, tooltip="The next chart (also j)"),
        Binding("up", "step_chart(-1)", "Previous chart", show=False, tooltip="The previous chart (also k)"),
        Binding("A", "assess", "Assess", key_display="A", tooltip="Log a reassessment"),
        Binding("escape,q", "close", "Back", tooltip="Back to the week"),
    ]

    chart: reactive[str] = reactive(CHARTS[0].name, init=False)
    range_key: reactive[str] = reactive("12w", init=False)
    run_unit: reactive[str] = reactive("min", init=False)

    def __init__(self, service: JournalService | None = None) -> None:
        super().__init__()
        self._service = service
        self._cache: dict[str, ProgressData] = {}
        # Bumped when the journal changes under the screen (a new assessment): older reads are dropped.
        self._generation = 0
        # The (range, generation) the read-ahead worker is reading now, if any (set in that worker's thread).
        self._reading_ahead: tuple[str, int] | None = None

    @property
    def service(self) -> JournalService | None:
        """The journal: given at construction (tests), else the app's open journal."""
        return self._service if self._service is not None else getattr(self.app, "journal", None)

    @property
    def data(self) -> ProgressData | None:
        """The data of the range shown, once read."""
        return self._cache.get(self.range_key)

    def compose(self) -> ComposeResult:
        # Imported here, not at module level: plotext costs start-up time the first screen must not pay.
        plot = _plot_class()
        with Vertical(id="progress"):
            yield Static("", id="progress-title")
            with Horizontal(id="plots"):
                yield plot(id="main-plot")
                yield plot(id="side-plot")
            yield Static("", id="progress-marks")
            yield Static("Reading the journal…", id="progress-summary")
        yield KeyFooter()

    def on_mount(self) -> None:
        self.app.theme_changed_signal.subscribe(self, lambda _theme: self.redraw())
        self._start()

    def _start(self) -> None:
        self._take_cached()
        self._show_title()
        if self.data is None:
            self.load()
        else:
            # What an earlier visit read: drawn now (redraw waits for the mount this handler is part of), so the
            # first frame has the chart; the ranges it had not read are read after that frame.
            self._draw_chart()
            self.call_after_refresh(self._prefetch_others)

    def _take_cached(self) -> None:
        """The ranges an earlier visit read, when nothing was written since: the first frame has the chart."""
        from hamjournal.domain.errors import InvalidInput

        cached = getattr(self.service, "cached_progress", None)
        if cached is None:
            return
        for key in RANGE_KEYS:
            try:
                data = cached(key, builders())
            except InvalidInput:  # a bad HAMJOURNAL_TODAY: the read reports it
                return
            if data is not None:
                self._cache[key] = data

    def revisit(self) -> None:
        """A later visit starts as the first did (first chart, 12 weeks, minutes), with the journal as it is now."""
        self._generation += 1  # a read the last visit started must not fill this one
        self._cache.clear()
        self.set_reactive(ProgressScreen.chart, CHARTS[0].name)
        self.set_reactive(ProgressScreen.range_key, "12w")
        self.set_reactive(ProgressScreen.run_unit, "min")
        self._start()

    def on_unmount(self) -> None:
        # The app's signal keeps its callbacks, which refer to this screen, until it is next published: without
        # this, every visit would keep the closed screen and its cached charts' data alive.
        self.app.theme_changed_signal.unsubscribe(self)
        # Textual's worker threads each keep the last worker they ran, and through it its screen, after the
        # screen has closed: the charts' data is let go here, so a closed screen holds only its widgets.
        self._cache.clear()

    # -- data ---------------------------------------------------------------------------------------------

    def load(self, force: bool = False) -> None:
        """Read the current range in a worker unless it is already cached."""
        if force:
            self._cache.clear()
            self._generation += 1  # a read started before the change must not refill the cache
        if self.range_key in self._cache:
            self.redraw()
            return
        self.query_one("#progress-summary", Static).update(f"Reading {RANGE_LABELS[self.range_key]}…")
        if self._reading_ahead != (self.range_key, self._generation):
            # Unless the worker reading ahead is on this very range already: a second read would only race it.
            self._read(self.range_key, self._generation)

    def _prefetch_others(self) -> None:
        """Read the ranges not yet cached in a background worker, once the shown one is on screen.

        The worker starts now, so anything waiting for the screen's workers waits for it too, but reads only
        after the next refresh: the frame with the first range is drawn without sharing the interpreter.
        """
        missing = [key for key in RANGE_KEYS if key not in self._cache]
        if missing and self.is_mounted:
            drawn = threading.Event()
            self._read_ahead(missing, self._generation, drawn)
            self.call_after_refresh(drawn.set)

    @work(thread=True, exclusive=True, group="progress-ahead", exit_on_error=False)
    def _read_ahead(self, keys: list[str], generation: int, drawn: threading.Event) -> None:
        service = self.service
        worker = get_current_worker()
        drawn.wait(READ_AHEAD_WAIT_S)
        for key in keys:
            if service is None or worker.is_cancelled or generation != self._generation:
                return
            if key in self._cache:
                continue
            self._reading_ahead = (key, generation)
            try:
                data = service.progress_series(key, builders())
            except Exception as error:  # a journal error must reach the runner if they are waiting for this range
                self.app.call_from_thread(self._failed_ahead, key, str(error))
                return
            finally:
                # Only this read's own mark: a newer worker (after an assessment) may have set its own meanwhile.
                if self._reading_ahead == (key, generation):
                    self._reading_ahead = None
            self.app.call_from_thread(self._loaded, data, generation)

    def _failed_ahead(self, key: str, message: str) -> None:
        if key == self.range_key and key not in self._cache:
            self._failed(message)

    @work(thread=True, exclusive=True, group="progress", exit_on_error=False)
    def _read(self, range_key: str, generation: int) -> None:
        service = self.service
        if service is None:
            self.app.call_from_thread(self._failed, "The journal is not open yet.")
            return
        try:
            data = service.progress_series(range_key, builders())
        except Exception as error:  # a journal error must reach the runner, not kill the screen
            self.app.call_from_thread(self._failed, str(error))
            return
        self.app.call_from_thread(self._loaded, data, generation)

    def _loaded(self, data: ProgressData, generation: int) -> None:
        if generation != self._generation or not self.is_mounted:
            return  # read before the journal changed, or for a screen already closed
        first = not self._cache
        self._cache[data.frame.range_key] = data
        if data.frame.range_key == self.range_key:
            self.redraw()
        if first:
            self._prefetch_others()

    def _failed(self, message: str) -> None:
        if self.is_mounted:
            self.query_one("#progress-summary", Static).update(message)

    # -- drawing ------------------------------------------------------------------------------------------

    def _show_title(self) -> None:
        titles = tab_titles(self.query_one("#progress-title").content_size.width or self.size.width)
        tabs = TAB_GAP.join(
            f"[reverse] {c.key} {titles[c.name]} [/]" if c.name == self.chart else f" {c.key} {titles[c.name]} "
            for c in CHARTS
        )
        ranges = " ".join(
            f"[reverse] {RANGE_LABELS[k]} [/]" if k == self.range_key else f" {RANGE_LABELS[k]} " for k in RANGE_KEYS
        )
        data = self.data
        window = f"  {data.frame.start:%d %b %Y} – {data.frame.end:%d %b %Y}" if data else ""
        self.query_one("#progress-title", Static).update(f"{tabs}\n{ranges}{window}")

    def on_resize(self) -> None:
        self._show_title()  # the tabs' names follow the width

    def redraw(self) -> None:
        """Draw the chosen chart of the current range, its marks and its sentence."""
        self._show_title()
        if self.is_mounted:
            self._draw_chart()

    def _draw_chart(self) -> None:
        data = self.data
        if data is None:
            return
        chart = BY_NAME[self.chart]
        scene = Scene(data.frame, palette_from(self.app.theme_variables), self.run_unit)
        chart_data = data.charts[chart.name]
        main = self.query_one("#main-plot", _plot_class())
        side = self.query_one("#side-plot", _plot_class())
        side.display = chart.side is not None
        # Each plot draws at render time, with the width it really has then: data can arrive before the
        # first layout, and hiding the side plot widens the main one, so a width read here could be stale.
        main.draw = lambda w: chart.draw(main.plt, scene, chart_data, max(w, 40))
        main.draw_key = (chart.name, "main", scene, chart_data)  # a later visit with equal data reuses the render
        if chart.side is not None:
            side_draw = chart.side
            side.draw = lambda w: side_draw(side.plt, scene, chart_data, max(w, 20))
            side.draw_key = (chart.name, "side", scene, chart_data)
        main.refresh()
        side.refresh()
        self.query_one("#progress-marks", Static).update(marks_line(data))
        summary = chart_data.summary
        if data.reassessment_due is not None and chart.due_note:
            summary += f"  A reassessment is due (since {data.reassessment_due:%d %b}): press A."
        self.query_one("#progress-summary", Static).update(summary)

    # -- keys ---------------------------------------------------------------------------------------------

    def action_chart(self, name: str) -> None:
        """Show one of the charts (see `chart_registry.CHARTS`)."""
        self.chart = name

    def action_step_chart(self, step: int) -> None:
        """The next (1) or previous (-1) chart in tab order, wrapping round."""
        names = [chart.name for chart in CHARTS]
        self.chart = names[(names.index(self.chart) + step) % len(names)]

    def action_range(self, key: str) -> None:
        """Show 12 weeks, 6 months, a year or everything."""
        self.range_key = key

    def action_toggle_unit(self) -> None:
        """Running chart: minutes or km a week."""
        self.run_unit = "km" if self.run_unit == "min" else "min"

    def watch_chart(self) -> None:
        self.redraw()

    def watch_range_key(self) -> None:
        self.load()

    def watch_run_unit(self) -> None:
        self.redraw()

    def action_assess(self) -> None:
        """Log a reassessment; the charts are read again once it is saved."""
        from hamjournal.ui.screens.assessment import AssessmentDialog

        def saved(result: str | None) -> None:
            if result:
                self.load(force=True)

        self.app.push_screen(AssessmentDialog(self._service), saved)

    def action_close(self) -> None:
        """Back to the week; the ranges read are let go (the service keeps them while nothing is written)."""
        self._cache.clear()
        self.dismiss(None)


def _plot_class() -> type[ChartPlot]:
    """The chart widget's class; textual-plotext is imported on first use."""
    from hamjournal.ui.widgets.chart_plot import ChartPlot

    return ChartPlot


def tab_titles(width: int) -> dict[str, str]:
    """The charts' long names when their tab line fits `width` cells, else the short ones.

    A tab line that wrapped pushed the range line (and the dates shown) out of its two-line header.
    """
    length = sum(len(f" {c.key} {c.title} ") for c in CHARTS)
    length += len(TAB_GAP) * (len(CHARTS) - 1)
    return {c.name: c.title if length <= width else c.short for c in CHARTS}


def marks_line(data: ProgressData) -> str:
    """ "Marked: 14 Sep deload week · 15 Nov race: Parkside 5K", or a note that nothing is marked."""
    if not data.frame.markers:
        return "Marked: no strains, races or deload weeks in this range."
    items = []
    for marker in data.frame.markers:
        text = f"{marker.date:%d %b} {marker.label}" if marker.kind == "deload" else (
            f"{marker.date:%d %b} {MARKER_WORDS[marker.kind]}: {marker.label}"
        )
        items.append(text)
    return "Marked (vertical lines): " + " · ".join(items)

