"""Every chart of the progress screen in one place: its key, titles, data and drawing come from here.

To add a chart: write its data class and `build(inputs)` function (a module in `hamjournal.domain.progress`,
like `sprint`), a draw function `(plt, scene, data, width)` in `hamjournal.ui.widgets.progress_charts`, then
add one `Chart(...)` line to `CHARTS`. The key binding, the tab title (long and short), the footer and palette
entry, the data read for each range and the drawing follow from that line; the tabs are numbered in this order.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass
from typing import Any

from textual.binding import Binding

from hamjournal.domain.progress import assessments, nordic, pain, running, sprint
from hamjournal.domain.progress.data import ChartBuilder
from hamjournal.ui.widgets import progress_charts as draw

# A draw function: (plotext figure, scene, the chart's data, width in cells).
Draw = Callable[[Any, draw.Scene, Any, int], None]


# The chart keys share one footer slot (see Chart.binding).
CHART_KEYS = Binding.Group("Chart", compact=True)


@dataclass(frozen=True)
class Chart:
    """A chart of the progress screen, shown by pressing `key`."""

    key: str
    name: str  # the chart's id: the data's key in ProgressData.charts and the action's argument
    title: str  # its tab's name
    short: str  # its tab's name when the long ones would not fit on one line (80 columns), and its footer label
    build: ChartBuilder
    draw: Draw
    side: Draw | None = None  # a second plot beside the main one
    # Whether the sentence under it adds "A reassessment is due (since …): press A." (the assessments chart's
    # own sentence says so already).
    due_note: bool = True

    def binding(self) -> Binding:
        """The binding for the progress screen."""
        # One footer slot for the five ("12345 Chart"): the tab line above names each, and at 80 columns the
        # footer then has room for Esc Back.
        return Binding(self.key, f"chart({self.name!r})", self.short, tooltip=f"Chart: {self.title}", group=CHART_KEYS)


CHARTS: tuple[Chart, ...] = (
    Chart("1", "nordic", "Nordic", "Nordic", nordic.build, draw.draw_nordic),
    Chart("2", "pain", "Pain & stiffness", "Pain", pain.build, draw.draw_pain, draw.draw_recovery),
    Chart("3", "running", "Running", "Running", running.build, draw.draw_running, draw.draw_acwr),
    Chart("4", "sprint", "Sprint finish", "Sprint", sprint.build, draw.draw_sprint),
    Chart("5", "assessments", "Assessments", "Tests", assessments.build, draw.draw_asymmetry,
          draw.draw_latest_sides, due_note=False),
)
BY_NAME: Mapping[str, Chart] = {chart.name: chart for chart in CHARTS}


def builders() -> dict[str, ChartBuilder]:
    """Each chart's build function by name: what the journal is asked to compute for a range."""
    return {chart.name: chart.build for chart in CHARTS}
