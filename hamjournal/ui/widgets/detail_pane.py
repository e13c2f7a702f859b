"""The selected day in full: each entry's detail text, the selected one highlighted."""

from __future__ import annotations

from typing import TYPE_CHECKING

from rich.table import Table
from rich.text import Text
from textual.widgets import Static

if TYPE_CHECKING:
    # A type name only: the domain loads in the journal worker, after the first paint.
    from hamjournal.domain.week import DayView

EMPTY_DAY = "Nothing planned or logged. l logs a session, p a check-in, r a run."


class DetailPane(Static):
    """Below the calendar: "Wednesday 25 Nov 2026" and one line per entry (long ones wrap under themselves)."""

    plain = ""
    """The entries' text without styling (what a screen reader or a test reads)."""

    def show(self, day: DayView, cursor: int | None) -> None:
        """Show a day's entries in full, `cursor` highlighted."""
        self.plain = "\n".join(f"{entry.mark} {entry.detail}" for entry in day.entries)
        self.border_title = f"{day.date:%A} {day.date.day} {day.date:%b %Y}" + (" · today" if day.is_today else "")
        if not day.entries:
            self.update(Text(EMPTY_DAY, style="dim"))
            return
        table = Table.grid(expand=True)
        table.add_column(width=4, no_wrap=True)
        table.add_column(ratio=1)
        for number, entry in enumerate(day.entries):
            selected = number == cursor
            # Text, not str: a str cell is read as markup, and a note holding "[/]" would fail to render.
            mark = Text(("▸ " if selected else "  ") + entry.mark)
            table.add_row(mark, Text(entry.detail), style="reverse" if selected else "")
        self.update(table)
