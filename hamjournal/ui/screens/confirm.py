"""A yes/no question before something is deleted: "Delete Nordic 3x6 on Tue 24 Nov? y/n"."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.widgets import Label

from hamjournal.ui.screens.base import JournalModal
from hamjournal.ui.widgets.key_footer import KeyFooter


class ConfirmDialog(JournalModal[bool]):
    """Dismisses with True on y, False on n or Escape."""

    CSS_PATH = "confirm.tcss"
    BINDINGS = [
        Binding("y", "answer(True)", "Yes, delete"),
        Binding("n", "answer(False)", "No"),
        Binding("escape", "answer(False)", "Cancel", show=False),
    ]

    def __init__(self, question: str) -> None:
        super().__init__()
        self.question = question

    def compose(self) -> ComposeResult:
        with Vertical(id="confirm"):
            yield Label(f"{self.question} y/n", id="question")
            yield Label("y deletes it · n or Esc keeps it", id="confirm-hint")
        yield KeyFooter()

    def action_answer(self, yes: bool) -> None:
        """Close with the answer."""
        self.dismiss(yes)
