"""The progress screen's chart widget: a PlotextPlot that draws its chart when it renders.

Its own module so the progress screen can name its type while importing textual-plotext only when the
screen is first composed (see `hamjournal.ui.screens.progress._plot_class`), never at start-up.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from textual_plotext import PlotextPlot

if TYPE_CHECKING:
    from collections.abc import Callable

    from textual.app import RenderResult

# Charts drawn lately, by what they show (see ChartPlot.draw_key): each visit of the progress screen composes new
# plots, and a chart with the same data at the same size and theme is taken from here instead of being built
# again by plotext (35-40 ms of a 12-week chart's switch, measured on the 520-week demo journal). Small: the
# ranges and charts a runner flips between; what it holds is chart data and text, never a widget.
RENDER_CACHE_SIZE = 12
_RENDERS: list[tuple[object, RenderResult]] = []


def _cached(key: object) -> RenderResult | None:
    for index, (cached_key, rendered) in enumerate(_RENDERS):
        if cached_key == key:
            _RENDERS.insert(0, _RENDERS.pop(index))
            return rendered
    return None


def _remember(key: object, rendered: RenderResult) -> None:
    _RENDERS.insert(0, (key, rendered))
    del _RENDERS[RENDER_CACHE_SIZE:]


class ChartPlot(PlotextPlot):
    """Calls `draw(width)` before a render, so ticks always fit the width on screen.

    Blank until there is something to draw (an empty plotext canvas costs as much as a chart), and a
    render of the same drawing at the same size and theme is reused: refreshes that change nothing
    (a new summary line, the footer) do not rebuild the chart.
    """

    draw: Callable[[int], None] | None = None
    # What `draw` draws, as plain data (equal keys draw equal charts): set, the render is shared between plots
    # and screens through _RENDERS; None, it is reused by this plot only.
    draw_key: object | None = None
    _last: tuple[object, RenderResult] | None = None

    def render(self) -> RenderResult:
        if self.draw is None:
            return ""
        key = (self.draw, self.size, self.app.theme)
        if self._last is not None and self._last[0] == key:
            return self._last[1]
        shared = None if self.draw_key is None else (self.draw_key, self.size, self.app.theme)
        if shared is not None and (found := _cached(shared)) is not None:
            self._last = (key, found)
            return found
        from hamjournal.ui.widgets.progress_charts import text_from_ansi

        width, height = self.size
        self.draw(width)
        # As PlotextPlot.render does, but with a quicker ANSI decoder (the same styles, see text_from_ansi).
        self._plot.plotsize(width, height)
        self._plot._set_size(width, height)
        self._plot.theme(self._get_plotext_theme_name(self.app.theme))
        rendered = text_from_ansi(self._plot.build())
        self._last = (key, rendered)
        if shared is not None:
            _remember(shared, rendered)
        return rendered

    def on_unmount(self) -> None:
        # PlotextPlot subscribes to the app's theme signal and never unsubscribes: the app would keep
        # every closed chart (and its last render) until the theme next changes.
        self.app.theme_changed_signal.unsubscribe(self)
