"""Coach view (C): every athlete of a squad journal in one table, the ones told to stop first.

Per athlete: today's call per exercise, this week's plan done / planned, days since the last check-in, and
under the table the flags of the highlighted athlete. Enter opens that athlete's week. The data is read in a
thread worker, one bounded read per athlete (squad.squad_overview).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from rich.text import Text
from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.widgets import DataTable, Static

from hamjournal.errors import HamjournalError
from hamjournal.ui.screens.athlete_switcher import switch_athlete
from hamjournal.ui.screens.base import JournalScreen
from hamjournal.ui.widgets.app_header import AppHeader
from hamjournal.ui.widgets.key_footer import KeyFooter
from hamjournal.ui.widgets.labels import short_name

if TYPE_CHECKING:
    from hamjournal.squad import AthleteOverview

COLUMNS = (("Athlete", "athlete"), ("Week", "week"), ("Check-in", "check-in"), ("Today's call", "calls"))
NO_CALLS = "nothing planned or logged lately"


def week_text(row: AthleteOverview) -> str:
    """ "3/5": plan items done of those that count this week; "–" when nothing is planned."""
    return f"{row.done}/{row.planned}" if row.planned else "–"


def check_in_text(row: AthleteOverview) -> str:
    """ "today", "1 day", "4 days", "none"."""
    days = row.days_since_check_in
    if days is None:
        return "none"
    if days <= 0:
        return "today"
    return "1 day" if days == 1 else f"{days} days"


def calls_text(row: AthleteOverview) -> str:
    """ "STOP · stop Nordic, Bridge · hold Slider": grouped by call, the most urgent first (calls are sorted so),
    short enough for 80 columns; STOP leads when the athlete must stop."""
    groups: dict[str, list[str]] = {}
    for exercise, action in row.calls:
        groups.setdefault(action, []).append(short_name(exercise))
    calls = " · ".join(f"{action} {', '.join(names)}" for action, names in groups.items()) or NO_CALLS
    return f"STOP · {calls}" if row.stop else calls


def flags_text(row: AthleteOverview) -> str:
    """The highlighted athlete's calls in full and flags, one a line, for the pane under the table."""
    lines = [f"{row.name}: {calls_text(row)}"]
    lines += [f"• {message}" for message in row.flags] or ["No warnings today."]
    return "\n".join(lines)


class CoachScreen(JournalScreen[None]):
    """The squad at a glance; Enter opens the highlighted athlete's week, Esc goes back."""

    CSS_PATH = "coach.tcss"
    BINDINGS = [
        Binding("escape,q", "close", "Back"),
        Binding("enter", "open_athlete", "Open week", show=True, key_display="⏎"),
        Binding("r", "refresh", "Refresh"),
    ]

    def __init__(self) -> None:
        super().__init__()
        self.rows: list[AthleteOverview] = []

    def compose(self) -> ComposeResult:
        yield AppHeader()
        yield Static("Squad · reading every athlete …", id="coach-line")
        table: DataTable[str | Text] = DataTable(id="squad", cursor_type="row", zebra_stripes=False)
        for label, key in COLUMNS:
            table.add_column(label, key=key)
        yield table
        yield Static("", id="coach-flags")
        yield KeyFooter()

    def on_mount(self) -> None:
        self.action_refresh()

    def action_refresh(self) -> None:
        """Read every athlete again."""
        self._load()

    @work(thread=True, exclusive=True, group="coach", exit_on_error=False)
    def _load(self) -> None:
        from hamjournal.squad import squad_overview

        journal = self.hj.journal
        if journal is None:
            return
        try:
            rows = squad_overview(journal)
        except HamjournalError as error:
            self.app.call_from_thread(self.query_one("#coach-line", Static).update, str(error))
            return
        self.app.call_from_thread(self._show, rows)

    def _show(self, rows: list[AthleteOverview]) -> None:
        self.rows = rows
        table = self.query_one(DataTable)
        cells = [
            (row.name, week_text(row), check_in_text(row), Text(calls_text(row), style="bold" if row.stop else ""))
            for row in rows
        ]
        # Widths given outright: columns sized automatically are measured later, and a picture taken in
        # between showed the calls cut to the header's width.
        table.clear(columns=True)
        for index, (label, key) in enumerate(COLUMNS):
            width = max([len(label)] + [len(str(cell[index])) for cell in cells])
            table.add_column(label, key=key, width=width)
        for row, cell in zip(rows, cells, strict=True):
            table.add_row(*cell, key=row.name)
        stops = sum(row.stop for row in rows)
        line = f"Squad · {len(rows)} athlete{'s' if len(rows) != 1 else ''}"
        if stops:
            line += f" · {stops} told to stop"
        if rows:
            line += f" · {rows[0].today:%a} {rows[0].today.day} {rows[0].today:%b} · ⏎ opens a week"
        self.query_one("#coach-line", Static).update(line)
        self._show_flags(0)
        table.focus()

    @on(DataTable.RowHighlighted)
    def _highlighted(self, event: DataTable.RowHighlighted) -> None:
        self._show_flags(event.cursor_row)

    def _show_flags(self, index: int) -> None:
        text = flags_text(self.rows[index]) if 0 <= index < len(self.rows) else ""
        self.query_one("#coach-flags", Static).update(text)

    @on(DataTable.RowSelected)
    def _selected(self, event: DataTable.RowSelected) -> None:
        event.stop()
        self.action_open_athlete()

    def action_open_athlete(self) -> None:
        """Switch the app to the highlighted athlete and show their week."""
        table = self.query_one(DataTable)
        if not self.rows or not 0 <= table.cursor_row < len(self.rows):
            return
        name = self.rows[table.cursor_row].name
        if self.hj.journal is not None and name != self.hj.journal.athlete:
            switch_athlete(self.app, name)
        self.dismiss(None)

    def action_close(self) -> None:
        """Back to the week."""
        self.dismiss(None)
