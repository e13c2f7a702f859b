"""The selected day in full: each entry's detail text, the selected one highlighted."""

from __future__ import annotations

import textwrap
from typing import TYPE_CHECKING

from rich.table import Table
from rich.text import Text
from textual.widgets import Static

from hamjournal.ui.widgets.labels import compact_label

if TYPE_CHECKING:
    # A type name only: the domain loads in the journal worker, after the first paint.
    from hamjournal.domain.week import DayEntry, DayView

EMPTY_DAY = "Nothing planned or logged. l logs a session, p a check-in, r a run."
MARK_WIDTH = 4  # "▸ ○ " before each entry's text


def wrapped_height(text: str, width: int) -> int:
    """How many lines `text` takes when wrapped at word boundaries to `width` cells."""
    return max(1, len(textwrap.wrap(text, max(1, width))))


def fitted_rows(entries: list[DayEntry], cursor: int | None, width: int, height: int) -> list[tuple[int, str]]:
    """(entry number, text) to show so the selected entry is always whole in `height` lines of `width` cells.

    Every entry in full when they fit; else the others in their short form ("Nordic 3x6"); if even that is too
    tall (a crowded day at 80x24), the rows start nearer the selected entry, so it is never the one cut off.
    """
    full = [(number, entry.detail) for number, entry in enumerate(entries)]
    text_width = width - MARK_WIDTH
    if width <= 0 or height <= 0 or sum(wrapped_height(text, text_width) for _, text in full) <= height:
        return full
    rows = [(number, entry.detail if number == cursor else compact_label(entry))
            for number, entry in enumerate(entries)]
    first = 0
    while first < (cursor or 0) and sum(wrapped_height(text, text_width) for _, text in rows[first:]) > height:
        first += 1
    return rows[first:]


class DetailPane(Static):
    """Below the calendar: "Wednesday 25 Nov 2026" and one line per entry (long ones wrap under themselves)."""

    plain = ""
    """The entries' text without styling (what a screen reader or a test reads)."""

    _shown: tuple[DayView, int | None] | None = None

    def show(self, day: DayView, cursor: int | None) -> None:
        """Show a day's entries in full, `cursor` highlighted (the others shortened when they would not fit)."""
        self._shown = (day, cursor)
        self.plain = "\n".join(f"{entry.mark} {entry.detail}" for entry in day.entries)
        self.border_title = f"{day.date:%A} {day.date.day} {day.date:%b %Y}" + (" · today" if day.is_today else "")
        if not day.entries:
            self.update(Text(EMPTY_DAY, style="dim"))
            return
        table = Table.grid(expand=True)
        table.add_column(width=MARK_WIDTH, no_wrap=True)
        table.add_column(ratio=1)
        width, height = self.content_size
        for number, text in fitted_rows(list(day.entries), cursor, width, height):
            selected = number == cursor
            # Text, not str: a str cell is read as markup, and a note holding "[/]" would fail to render.
            mark = Text(("▸ " if selected else "  ") + day.entries[number].mark)
            table.add_row(mark, Text(text), style="reverse" if selected else "")
        self.update(table)

    def on_resize(self) -> None:
        if self._shown is not None:
            self.show(*self._shown)
