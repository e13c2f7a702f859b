"""One day of the week calendar: the date, then each entry with its mark."""

from __future__ import annotations

from typing import TYPE_CHECKING

from rich.text import Text
from textual.reactive import reactive
from textual.widget import Widget

from hamjournal.ui.widgets.labels import compact_parts

if TYPE_CHECKING:
    # Type names only: the domain loads in the journal worker, after the first paint.
    from hamjournal.domain.week import DayEntry, DayView


def entry_lines(entry: DayEntry, width: int) -> list[str]:
    """ "✓ Nordic 3x6" when it fits the column, else "✓ Nordic" over "  3x6"."""
    name, dose = compact_parts(entry)
    one_line = f"{entry.mark} {name} {dose}".rstrip()
    if len(one_line) <= width or not dose:
        return [one_line]
    return [f"{entry.mark} {name}", f"  {dose}"]


class DayColumn(Widget):
    """A narrow column: "Wed 25", a rule ("today" on today), then the day's entries."""

    day: reactive[DayView | None] = reactive(None)
    cursor: reactive[int | None] = reactive(None)

    def __init__(self, index: int, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.index = index

    def show(self, day: DayView, cursor: int | None) -> None:
        """Draw a day; `cursor` is the highlighted entry when this is the selected day."""
        self.day = day
        self.cursor = cursor
        self.set_class(day.is_today, "-today")
        self.set_class(cursor is not None, "-selected")

    def render(self) -> Text:
        width = max(1, self.size.width)
        if self.day is None:
            return Text("")
        day = self.day
        lines = [Text(f"{day.date:%a} {day.date.day}", style="bold")]
        lines.append(Text("today".center(width, "━"), style="bold") if day.is_today else Text("─" * width, style="dim"))
        for number, entry in enumerate(day.entries):
            for text in entry_lines(entry, width):
                line = Text(text)
                if entry.status in ("missed", "skipped"):
                    line.stylize("dim")
                if number == self.cursor:
                    line.stylize("reverse")
                lines.append(line)
        if not day.entries:
            lines.append(Text("·", style="dim"))
        for line in lines:
            line.truncate(width, overflow="ellipsis")
            line.no_wrap = True
        return Text("\n").join(lines)
