"""The logging dialogs' common behaviour: rows, Enter saves in a worker, errors beside the field."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping
from typing import TYPE_CHECKING, Any, Protocol, TypeVar

from textual import work
from textual.app import App, ComposeResult
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.widget import Widget
from textual.widgets import Checkbox, Input, Label, Select, Static

from hamjournal.domain.errors import InvalidInput
from hamjournal.errors import HamjournalError
from hamjournal.ui.dialog_open import release_held_keys
from hamjournal.ui.messages import JournalChanged
from hamjournal.ui.screens.base import JournalModal
from hamjournal.ui.widgets.form_row import FormRow
from hamjournal.ui.widgets.key_footer import KeyFooter
from hamjournal.ui.worker_threads import run_past_close

_R = TypeVar("_R")

if TYPE_CHECKING:
    from hamjournal.services import JournalService

FORM_HINT = "Enter saves · Tab next field · Esc cancels"

# Domain field names (InvalidInput.field) that differ from the row they belong to.
FIELD_ALIASES: dict[str, str] = {"finish time": "finish", "load": "sets", "test": "form"}


class FormDialog(JournalModal[str | None]):
    """A dialog that builds one journal entry; dismisses with a "Saved …" summary, or None when cancelled.

    Opened through `dialog_open.open_form`, its values are read (`load`) before it is pushed and are in its
    fields from the first frame; keys typed meanwhile wait in the app's key gate and arrive once a field has
    the focus. Pushed directly (tests, the coach view), it reads its values in a worker after it mounts.
    """

    BINDINGS = [
        Binding("escape", "cancel", "Cancel"),
        Binding("ctrl+s", "save_request", "Save"),
        # Priority bindings run the moment the app takes the key, in typing order. Without them a Tab reached
        # the app's focus_next only after travelling up the DOM, by when a digit typed next had gone to the old
        # field ("p 1 Tab 2" saved pain 12); and Enter saved before the field had taken the keys before it.
        Binding("tab", "next_field", "Next field", show=False, priority=True),
        Binding("shift+tab", "previous_field", "Previous field", show=False, priority=True),
        Binding("enter", "enter_saves", "Save", show=False, priority=True),
    ]
    TITLE_TEXT = ""
    # True for a dialog that edits an entry: its values are the runner's own, so typing goes after them.
    is_edit = False
    # Values that pass validation, put in place of a refused field to find the next refused one (see problems).
    STAND_INS: Mapping[str, str] = {}

    def __init__(self) -> None:
        super().__init__()
        self.saving = False
        # The values to show, read before the dialog is pushed (None: not read yet, see on_mount).
        self.initial: dict[str, Any] | None = None
        # The key gate's owner that opened this dialog: the gate opens once a field here has the focus.
        self.gate_owner: object | None = None

    def rows(self) -> Iterable[FormRow]:
        """The dialog's rows, in focus order."""
        raise NotImplementedError

    def save(self, journal: JournalService, values: dict[str, Any]) -> str:
        """Validate and write through the journal (runs in a worker thread); return "Nordic 3x6 on Wed 25 Nov"."""
        raise NotImplementedError

    def load(self, journal: JournalService) -> dict[str, Any] | None:
        """Values to fill in (an entry to edit, the day's plan): read in a worker before the dialog is pushed
        (dialog_open.open_form), or after it mounts when pushed directly; None for none."""
        return None

    def initial_value(self, name: str, default: Any) -> Any:
        """The value read for a field (see load), else `default`."""
        value = (self.initial or {}).get(name)
        return default if value is None else value

    def validate(self, values: dict[str, Any]) -> None:
        """Raise InvalidInput for a refused value, as the save would (pure: no journal); the default checks nothing."""

    def compose(self) -> ComposeResult:
        with VerticalScroll(classes="form-dialog") as dialog:
            dialog.border_title = self.title_text()
            rows = list(self.rows())
            _put_values(rows, self.initial or {})
            yield from rows
            yield Static("", id="form-error", classes="form-error")
            yield Label(FORM_HINT, classes="form-hint")
        yield KeyFooter()

    def title_text(self) -> str:
        """The dialog's title."""
        return self.TITLE_TEXT

    def on_mount(self) -> None:
        for field in self.query(Input):
            field.cursor_blink = self.hj.cursor_blink
        if self.focused is None:
            # AUTO_FOCUS applies only once the app has had a key or the terminal's focus; the first key must not
            # depend on that.
            target = self.query(self.AUTO_FOCUS) if self.AUTO_FOCUS else None
            first = target.first() if target else next((w for w in self.query(Input) if w.focusable), None)
            if first is not None:
                self.set_focus(first, scroll_visible=False)
        if isinstance(self.focused, Input) and self.focused.value and not self.is_edit:
            # A suggested value (the plan's sets) is replaced by the first key typed, or kept with Enter.
            self.focused.select_all()
        if self.initial is None:
            self._load()
        release_held_keys(self)

    def on_unmount(self) -> None:
        # Whatever happened, the keyboard is not left held by this dialog.
        release_held_keys(self)
        self.hj.key_gate.open(self)

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
                widget.cursor_position = len(widget.value)
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

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action == "enter_saves":
            # Enter in a text field saves; on a choice it opens or ticks it, as everywhere else (ctrl+s saves).
            return self.focused is None or isinstance(self.focused, Input)
        return True

    def action_enter_saves(self) -> None:
        """Enter in a text field: save (see action_save_request)."""
        self.action_save_request()

    def action_save_request(self) -> None:
        """Enter or ctrl+s: hold the keys typed after it and save once the field has what was typed before it."""
        if self.saving:
            return
        self.hj.key_gate.close(self)
        self.hj.key_gate.after_pending_keys(self.action_submit)

    def action_next_field(self) -> None:
        """Tab: the next field, once the keys typed before it are in this one (the keys after it wait)."""
        self._focus_in_order(self.app.action_focus_next)

    def action_previous_field(self) -> None:
        """Shift+Tab: the previous field, in typing order as Tab."""
        self._focus_in_order(self.app.action_focus_previous)

    def _focus_in_order(self, move: Callable[[], object]) -> None:
        owner = object()
        gate = self.hj.key_gate
        gate.close(owner)

        def moved() -> None:
            move()
            gate.open(owner)

        gate.after_pending_keys(moved)

    def action_submit(self) -> None:
        """Check every field, then save in a worker; the dialog stays open until the journal says yes.

        Every refused field is marked at once, beside itself, and the cursor goes to the first (see show_errors).
        """
        if self.saving or self.hj.journal is None:
            self.hj.key_gate.open(self)
            return
        values = self.values()
        found = self.problems(values)
        if found:
            self.show_errors(found)
            return
        self.saving = True
        self._save(values)

    def problems(self, values: dict[str, Any]) -> list[tuple[str | None, str]]:
        """Every refused field as (row name, message), in screen order: validation stops at the first refusal,
        so each refused value is replaced by a stand-in that passes and the rest is checked again."""
        found: dict[str | None, str] = {}
        trial = dict(values)
        while True:
            try:
                self.validate(trial)
            except InvalidInput as error:
                name = row_name(error.field)
                if name in found or name not in trial:
                    found.setdefault(name, error.message)
                    break
                found[name] = error.message
                trial[name] = self.STAND_INS.get(name, "")
            else:
                break
        order = [row.field_name for row in self.query(FormRow)]
        return sorted(found.items(), key=lambda item: order.index(item[0]) if item[0] in order else len(order))

    def _save(self, values: dict[str, Any]) -> None:
        journal = self.hj.journal
        assert journal is not None
        run_past_close(self, lambda: save_or_show(self, lambda: self.save(journal, values), self._saved), "form-save")

    def _saved(self, summary: str) -> None:
        self.saving = False
        self.app.post_message(JournalChanged(summary))
        self.dismiss(summary)
        # Keys typed after Enter go to the screen below, now on top again (`l` opens the next dialog).
        self.hj.key_gate.open(self)

    def show_error(self, field: str | None, message: str) -> None:
        """Show a message beside the field it is about (or under the form) and focus that field."""
        self.show_errors([(row_name(field), message)])

    def show_errors(self, found: list[tuple[str | None, str]]) -> None:
        """Mark every refused field beside itself; the cursor goes to the first, at the end of its text, with
        nothing selected (so "3x" then "6" makes "3x6"). The keys typed meanwhile then go on into that field."""
        self.saving = False
        self.clear_errors()
        first: Widget | None = None
        for name, message in found:
            rows = self.query(f"#row-{name}") if name else None
            if rows:
                row = rows.first(FormRow)
                row.show_error(message)
                first = first or row.field
            else:
                self.query_one("#form-error", Static).update(message)
                self.query_one("#form-error").add_class("-shown")
        if first is not None:
            focus_at_end(first)
        self.hj.key_gate.open(self)

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
    """A one-line input for a dialog row; focusing it keeps its text as it is (nothing selected)."""
    return Input(value=value, placeholder=placeholder, id=name or None, compact=True, select_on_focus=False)


def row_name(field: str | None) -> str | None:
    """The row a domain field name (InvalidInput.field) belongs to: "finish time" -> "finish"."""
    if not field:
        return None
    return FIELD_ALIASES.get(field, field.lower())


def focus_at_end(widget: Widget) -> None:
    """Focus a field (the left input of a pair) with the cursor after its text, scrolled into view."""
    field = widget if isinstance(widget, Input) else next(iter(widget.query(Input)), None)
    if field is None:
        widget.focus()
        return
    field.focus()  # scrolled into view
    field.cursor_position = len(field.value)


def _put_values(rows: list[FormRow], values: Mapping[str, Any]) -> None:
    """Put values into the rows' text fields and checkboxes before they are mounted, so the first frame shows
    them. A Select shows a value only when made with it: rows() make theirs with `initial_value`."""
    for row in rows:
        if row.field_name not in values:
            continue
        value, widget = values[row.field_name], row.field
        if isinstance(widget, Input):
            widget.value = "" if value is None else _as_text(value)
        elif isinstance(widget, Checkbox):
            widget.value = bool(value)


def choice(options: Iterable[tuple[str, str]], value: str | None, name: str, blank: bool = False) -> Select[str]:
    """A one-line Select for a dialog row."""
    kwargs: dict[str, Any] = {} if value is None else {"value": value}
    return Select(list(options), id=name, compact=True, allow_blank=blank, **kwargs)


def _as_text(value: object) -> str:
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value)
