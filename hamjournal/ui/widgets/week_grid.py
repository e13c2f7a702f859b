"""The week calendar: seven narrow day columns, drawn by one widget.

Seven column widgets (and their container) cost seven times the layout, styling and line rendering of one,
on every frame that shows the week: at start-up that was a visible share of the first paint. One widget
draws the same picture: the columns split the width as Textual splits `1fr` columns, each keeps one cell of
space on its right, the selected day has the boost background and today's column the accent colour.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from rich.segment import Segment
from rich.style import Style
from rich.text import Text
from textual.strip import Strip
from textual.widget import Widget

from hamjournal.ui.widgets.labels import compact_parts, shorter_doses

if TYPE_CHECKING:
    # Type names only: the domain loads in the journal worker, after the first paint.
    from hamjournal.domain.week import DayEntry, DayView, WeekView

DAYS = 7
GAP = 1  # blank cells at the right of each column, between it and the next


def entry_lines(entry: DayEntry, width: int) -> list[str]:
    """ "✓ Nordic 3x6" when it fits the column, else "✓ Nordic" over "  3x6"."""
    name, dose = compact_parts(entry)
    one_line = f"{entry.mark} {name} {dose}".rstrip()
    if len(one_line) <= width or not dose:
        return [one_line]
    # A shorter form of the dose rather than a cut one ("50′ 10.2km", "50′ 10km", "50′"); the pane has it all.
    forms = [dose, *shorter_doses(dose)]
    for indent in ("  ", " "):  # under the name where it fits; one cell to the left before only the minutes
        for form in forms:
            if len(indent + form) <= width:
                return [f"{entry.mark} {name}", indent + form]
    return [f"{entry.mark} {name}", forms[-1]]


def column_spans(width: int, columns: int = DAYS) -> list[tuple[int, int]]:
    """(start, width) of each column: cumulative whole cells, as Textual lays out equal `1fr` widths."""
    edges = [index * width // columns for index in range(columns + 1)]
    return [(edges[index], edges[index + 1] - edges[index]) for index in range(columns)]


def day_lines(day: DayView, width: int, cursor: int | None) -> list[Text]:
    """One day's column: "Wed 25", a rule ("today" on today), then each entry; every line fits `width`."""
    lines = [Text(f"{day.date:%a} {day.date.day}", style="bold")]
    lines.append(Text("today".center(width, "━"), style="bold") if day.is_today else Text("─" * width, style="dim"))
    for number, entry in enumerate(day.entries):
        for text in entry_lines(entry, width):
            line = Text(text)
            if entry.status in ("missed", "skipped"):
                line.stylize("dim")
            if number == cursor:
                line.stylize("reverse")
            lines.append(line)
    if not day.entries:
        lines.append(Text("·", style="dim"))
    for line in lines:
        line.truncate(width, overflow="ellipsis")
        line.end = ""  # a line of the grid, not of a terminal: no newline segment when rendered
    return lines


class WeekGrid(Widget):
    """Monday to Sunday side by side; `show` draws a week with one day (and one of its entries) selected."""

    COMPONENT_CLASSES = {"week-grid--selected", "week-grid--today"}
    DEFAULT_CSS = """
    WeekGrid {
        height: 1fr;
        & > .week-grid--selected {
            background: $boost;
        }
        & > .week-grid--today {
            color: $accent;
        }
    }
    """

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.week: WeekView | None = None
        self.selected = 0
        self.cursor: int | None = None
        self._rows: list[Strip] | None = None  # drawn lines, until the week, the selection or the size changes

    def show(self, week: WeekView, selected: int, cursor: int | None) -> None:
        """Draw `week` with day `selected` (0 = Monday) highlighted and its entry `cursor` marked."""
        self.week = week
        self.selected = selected
        self.cursor = cursor
        self._rows = None
        self.refresh()

    def on_resize(self) -> None:
        self._rows = None

    def render_line(self, y: int) -> Strip:
        if self._rows is None:
            self._rows = self._render_rows()
        width = self.size.width
        if y < len(self._rows):
            return self._rows[y]
        return Strip.blank(width, self.rich_style)

    def _render_rows(self) -> list[Strip]:
        """Every line of the grid as a strip: each column's line in its own style, padded to the column."""
        width, height = self.size
        if self.week is None:
            return []
        base = self.rich_style
        selected_style = self.get_component_rich_style("week-grid--selected")
        today_style = self.get_component_rich_style("week-grid--today", partial=True)
        console = self.app.console
        columns: list[tuple[int, list[list[Segment]], Style]] = []
        for index, (_start, span) in enumerate(column_spans(width)):
            day = self.week.days[index]
            lines = day_lines(day, max(1, span - GAP), self.cursor if index == self.selected else None)
            style = selected_style if index == self.selected else base
            if day.is_today:
                style += today_style
            rendered = [list(line.render(console)) for line in lines]
            columns.append((span, rendered, style))
        rows: list[Strip] = []
        for y in range(height):
            # Segments are styled and padded here, not through a Strip per cell: this runs for every line of
            # every week shown.
            segments: list[Segment] = []
            for span, rendered, style in columns:
                used = 0
                if y < len(rendered):
                    for segment in rendered[y]:
                        segments.append(Segment(segment.text, style + segment.style if segment.style else style))
                        used += segment.cell_length
                if used < span:
                    segments.append(Segment(" " * (span - used), style))
            rows.append(Strip(segments, width))
        return rows
