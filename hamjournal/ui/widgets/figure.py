"""Side-view stick figures (`Exercise.figure`): one moving pose for the player, start and end for the library."""

from __future__ import annotations

from rich.console import Console, ConsoleOptions, RenderResult
from rich.table import Table
from rich.text import Text
from textual.reactive import reactive
from textual.widget import Widget

from hamjournal.domain.library.figures import FIGURE_HEIGHT, end_figure, figure_at, start_figure


class StartEndFigures:
    """The start and end poses side by side under their names; where the width is too small for both, the
    start pose alone (a squeezed figure is unreadable, a missing end pose is only less complete)."""

    GAP = 2

    def __init__(self, start: str, end: str) -> None:
        self.start = start
        self.end = end

    def _width(self, figure: str) -> int:
        return max(len(line) for line in figure.split("\n"))

    def __rich_console__(self, console: Console, options: ConsoleOptions) -> RenderResult:
        both = self._width(self.start) + self.GAP + self._width(self.end)
        grid = Table.grid(padding=(0, self.GAP))
        grid.add_column(no_wrap=True)
        if options.max_width >= both:
            grid.add_column(no_wrap=True)
            grid.add_row(Text("start", style="bold"), Text("end", style="bold"))
            grid.add_row(Text(self.start), Text(self.end))
        else:
            grid.add_row(Text("start", style="bold"))
            grid.add_row(Text(self.start))
        yield grid


def start_end_table(frames: tuple[str, ...]) -> StartEndFigures | None:
    """The start and end poses of an exercise's figure (`Exercise.figure`), or None when it has no figure."""
    start, end = start_figure(frames), end_figure(frames)
    if start is None or end is None:
        return None
    return StartEndFigures(start, end)


class PoseView(Widget):
    """The pose nearest `position` of the way from start (0.0) to end (1.0); hidden for an exercise with no
    figure. The height is the figure height, so a frame change never moves the rest of the screen."""

    DEFAULT_CSS = f"""
    PoseView {{
        width: auto;
        height: {FIGURE_HEIGHT};
    }}
    """

    # The frame text, not the position: a repaint happens only when the drawing changes.
    frame: reactive[str] = reactive("", layout=True)

    def __init__(self, frames: tuple[str, ...], *, id: str | None = None, classes: str | None = None) -> None:
        super().__init__(id=id, classes=classes)
        self.frames = frames
        first = figure_at(self.frames, 0.0)
        self.display = first is not None
        self.set_reactive(PoseView.frame, first or "")

    def show(self, position: float) -> None:
        """Draw the pose for a position between start (0.0) and end (1.0)."""
        self.frame = figure_at(self.frames, position) or ""

    def render(self) -> Text:
        return Text(self.frame, no_wrap=True)
