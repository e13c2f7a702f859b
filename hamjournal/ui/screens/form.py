"""The logging dialogs' common behaviour: rows, Enter saves in a worker, errors beside the field."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from typing import TYPE_CHECKING, Any, Protocol, TypeVar

from textual import on, work
from textual.app import App, ComposeResult
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.widget import Widget
from textual.widgets import Checkbox, Input, Label, Select, Static

from hamjournal.domain.errors import InvalidInput
from hamjournal.errors import HamjournalError
from hamjournal.ui.messages import JournalChanged
from hamjournal.ui.screens.base import JournalModal
from hamjournal.ui.widgets.form_row import FormRow
from hamjournal.ui.widgets.key_footer import KeyFooter

_R = TypeVar("_R")

if TYPE_CHECKING:
    from hamjournal.services import JournalService

FORM_HINT = "Enter saves · Tab next field · Esc cancels"

# Domain field names (InvalidInput.field) that differ from the row they belong to.
FIELD_ALIASES: dict[str, str] = {"finish time": "finish", "load": "sets", "test": "form"}


class FormDialog(JournalModal[str | None]):
    """A dialog that builds one journal entry; dismisses with a "Saved …" summary, or None when cancelled."""

    BINDINGS = [
        Binding("escape", "cancel", "Cancel"),
        Binding("ctrl+s", "submit", "Save"),
    ]
    TITLE_TEXT = ""

    def __init__(self) -> None:
        super().__init__()
        self.saving = False

    def rows(self) -> Iterable[FormRow]:
        """The dialog's rows, in focus order."""
        raise NotImplementedError

    def save(self, journal: JournalService, values: dict[str, Any]) -> str:
        """Validate and write through the journal (runs in a worker thread); return "Nordic 3x6 on Wed 25 Nov"."""
        raise NotImplementedError

    def load(self, journal: JournalService) -> dict[str, Any] | None:
        """Values to fill in, read in a worker when the dialog opens (an entry to edit, a plan); None for none."""
        return None

    def compose(self) -> ComposeResult:
        with VerticalScroll(classes="form-dialog") as dialog:
            dialog.border_title = self.title_text()
            yield from self.rows()
            yield Static("", id="form-error", classes="form-error")
            yield Label(FORM_HINT, classes="form-hint")
        yield KeyFooter()

    def title_text(self) -> str:
        """The dialog's title."""
        return self.TITLE_TEXT

    def on_mount(self) -> None:
        for field in self.query(Input):
            field.cursor_blink = self.hj.cursor_blink
        self._load()

    @work(thread=True, group="form-load", exit_on_error=False)
    def _load(self) -> None:
        journal = self.hj.journal
        if journal is None:
            return
        try:
            values = self.load(journal)
        except HamjournalError as error:
            self.app.call_from_thread(self.show_error, None, str(error))
            return
        if values:
            self.app.call_from_thread(self.fill, values)

    def fill(self, values: dict[str, Any]) -> None:
        """Put values into the fields by row name (Inputs get text, Selects a value, Checkboxes a bool)."""
        for name, value in values.items():
            widget = self.field(name)
            if widget is None:
                continue
            if isinstance(widget, Input):
                widget.value = "" if value is None else _as_text(value)
                if widget.has_focus:
                    widget.select_all()
            elif isinstance(widget, Select):
                if value is not None:
                    widget.value = value
            elif isinstance(widget, Checkbox):
                widget.value = bool(value)

    def field(self, name: str) -> Widget | None:
        """The input widget of a row."""
        rows = self.query(f"#row-{name}")
        return rows.first(FormRow).field if rows else None

    def values(self) -> dict[str, Any]:
        """Every row's current value, read on the UI thread."""
        values: dict[str, Any] = {}
        for row in self.query(FormRow):
            widget = row.field
            if isinstance(widget, Input):
                values[row.field_name] = widget.value
            elif isinstance(widget, Select):
                values[row.field_name] = None if widget.value is Select.NULL else widget.value
            elif isinstance(widget, Checkbox):
                values[row.field_name] = widget.value
        return values

    # -- saving -------------------------------------------------------------------------------------------

    @on(Input.Submitted)
    def _enter(self, event: Input.Submitted) -> None:
        event.stop()
        self.action_submit()

    def action_submit(self) -> None:
        """Validate and save in a worker; the dialog stays open until the journal says yes."""
        if self.saving or self.hj.journal is None:
            return
        self.saving = True
        self._save(self.values())

    @work(thread=True, group="form-save", exit_on_error=False)
    def _save(self, values: dict[str, Any]) -> None:
        journal = self.hj.journal
        assert journal is not None
        save_or_show(self, lambda: self.save(journal, values), self._saved)

    def _saved(self, summary: str) -> None:
        self.saving = False
        self.app.post_message(JournalChanged(summary))
        self.dismiss(summary)

    def show_error(self, field: str | None, message: str) -> None:
        """Show a message beside the field it is about (or under the form) and focus that field."""
        self.saving = False
        self.clear_errors()
        name = FIELD_ALIASES.get(field or "", (field or "").lower())
        rows = self.query(f"#row-{name}") if name else None
        if rows:
            row = rows.first(FormRow)
            row.show_error(message)
            row.field.focus()
        else:
            self.query_one("#form-error", Static).update(message)
            self.query_one("#form-error").add_class("-shown")

    def clear_errors(self) -> None:
        """Hide every validation message."""
        for row in self.query(FormRow):
            row.clear_error()
        self.query_one("#form-error", Static).update("")
        self.query_one("#form-error").remove_class("-shown")

    def action_cancel(self) -> None:
        """Close without saving."""
        self.dismiss(None)


class ShowsErrors(Protocol):
    """A form that shows a refused save beside its field (FormDialog, the profile screen)."""

    @property
    def app(self) -> App[Any]: ...

    def show_error(self, field: str | None, message: str) -> None: ...


def save_or_show(form: ShowsErrors, save: Callable[[], _R], saved: Callable[[_R], None]) -> None:
    """In a save worker: run `save`, then `saved` with its result on the app's thread; a refused input is shown
    beside its field and a journal error under the form, and nothing else happens."""
    try:
        result = save()
    except InvalidInput as error:
        form.app.call_from_thread(form.show_error, error.field, error.message)
        return
    except HamjournalError as error:
        form.app.call_from_thread(form.show_error, None, str(error))
        return
    form.app.call_from_thread(saved, result)


def text_input(value: str = "", placeholder: str = "", name: str = "") -> Input:
    """A one-line input for a dialog row."""
    return Input(value=value, placeholder=placeholder, id=name or None, compact=True)


def choice(options: Iterable[tuple[str, str]], value: str | None, name: str, blank: bool = False) -> Select[str]:
    """A one-line Select for a dialog row."""
    kwargs: dict[str, Any] = {} if value is None else {"value": value}
    return Select(list(options), id=name, compact=True, allow_blank=blank, **kwargs)


def _as_text(value: object) -> str:
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value)
