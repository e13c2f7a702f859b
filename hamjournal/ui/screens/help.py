"""Help (?): every key and what it does, from the same registry the bindings come from."""

from __future__ import annotations

from rich.table import Table
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.widgets import Static

from hamjournal.ui.actions import ACTIONS, NAVIGATION, key_label
from hamjournal.ui.screens.base import JournalModal
from hamjournal.ui.widgets.key_footer import KeyFooter

ARROWS = {"left": "←", "right": "→", "up": "↑", "down": "↓"}

DIALOG_KEYS: tuple[tuple[str, str], ...] = (
    ("Enter", "in a dialog: save (also ctrl+s)"),
    ("Tab / shift+Tab", "in a dialog: next / previous field"),
    ("Esc", "in a dialog: cancel, nothing is saved"),
    ("y / n", "when asked to delete: yes / no"),
    ("ctrl+p", "command palette: every action by name"),
    ("ctrl+q", "quit"),
)


def key_table() -> Table:
    """Two columns: the key, what it does."""
    table = Table.grid(padding=(0, 2))
    table.add_column(style="bold", no_wrap=True)
    table.add_column()
    for key, _action, text in NAVIGATION:
        table.add_row(ARROWS.get(key, key), text)
    for action in ACTIONS:
        table.add_row(key_label(action), f"{action.title}: {action.help}")
    for key, text in DIALOG_KEYS:
        table.add_row(key, text)
    table.add_row("", "")
    table.add_row("Marks", "○ planned  ✓ done  ✗ missed  – skipped  • check-in")
    return table


class HelpScreen(JournalModal[None]):
    """The list of keys; Esc, q or ? closes it."""

    CSS_PATH = "help.tcss"
    BINDINGS = [Binding("escape,q,question_mark", "close", "Close")]

    def compose(self) -> ComposeResult:
        with VerticalScroll(id="help") as box:
            box.border_title = "Keys"
            box.border_subtitle = "Esc closes"
            yield Static(key_table())
        yield KeyFooter()

    def action_close(self) -> None:
        """Back to the week."""
        self.dismiss(None)
