"""One row of a dialog: a label, the field, and the validation message under it when there is one."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.containers import Horizontal, Vertical
from textual.widget import Widget
from textual.widgets import Label, Static


class FormRow(Vertical):
    """ "Pain 0-10  [   ]" with room for "pain 11 is not allowed: use a whole number from 0 to 10" below."""

    def __init__(self, label: str, field: Widget, name: str) -> None:
        super().__init__(id=f"row-{name}", classes="form-row")
        self.label = label
        self.field = field
        self.field_name = name

    def compose(self) -> ComposeResult:
        with Horizontal(classes="form-line"):
            yield Label(self.label, classes="form-label")
            yield self.field
        yield Static("", classes="form-error")

    def show_error(self, message: str) -> None:
        """Show a validation message under the field."""
        error = self.query_one(".form-error", Static)
        error.update(message)
        self.add_class("-invalid")

    def clear_error(self) -> None:
        """Hide the message."""
        self.query_one(".form-error", Static).update("")
        self.remove_class("-invalid")
