"""Open a dialog with its data already read: the keys typed meanwhile wait in the key gate, then reach it.

The dialog's values (an entry to edit, the day's plan, the runner's current step, the profile) are read in a
worker BEFORE the dialog is pushed, so its first frame is final (no "Band-assisted" that turns into the plan's
step a second later) and the field that takes the first key is focused as it is composed.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Any, Protocol, TypeVar

from hamjournal.errors import HamjournalError
from hamjournal.ui.journal_access import HasJournal, journal_of

if TYPE_CHECKING:
    from textual.dom import DOMNode
    from textual.screen import Screen

    from hamjournal.services import JournalService
    from hamjournal.ui.screens.form import FormDialog

_T = TypeVar("_T")


def open_dialog(
    opener: DOMNode,
    read: Callable[[JournalService], _T],
    build: Callable[[_T], Screen[Any]],
    callback: Callable[[Any], None] | None = None,
) -> None:
    """Read the dialog's data in a worker, then push `build(data)`; keys typed meanwhile are held for it.

    A dialog that is not a gate opener (no `gate_owner`) opens the gate as soon as it is pushed. When the read
    fails, the runner is told why and the held keys are dropped (typed for a dialog that never came, they must
    not land on the week screen as commands).
    """
    hj = journal_of(opener)
    app = opener.app
    owner = object()
    hj.key_gate.close(owner)

    def push(data: _T) -> None:
        dialog = build(data)
        if hasattr(dialog, "gate_owner"):
            dialog.gate_owner = owner
            app.push_screen(dialog, callback)
        else:
            app.push_screen(dialog, callback)
            hj.key_gate.open(owner)

    def failed(message: str) -> None:
        dropped = hj.key_gate.discard(owner)
        lost = f" ({dropped} key{'s' if dropped != 1 else ''} typed meanwhile not used)" if dropped else ""
        app.notify(f"{message}{lost}", severity="error")

    def work() -> None:
        journal = hj.journal
        if journal is None:
            app.call_from_thread(failed, "The journal is still opening: try again in a moment")
            return
        try:
            data = read(journal)
        except HamjournalError as error:
            app.call_from_thread(failed, str(error))
            return
        except Exception:
            # A bug: never leave the keyboard held. The traceback still goes to the worker's error handling.
            app.call_from_thread(failed, "The dialog could not be opened")
            raise
        app.call_from_thread(push, data)

    opener.run_worker(work, thread=True, group="open-dialog", exit_on_error=False)


def open_form(opener: DOMNode, dialog: FormDialog, callback: Callable[[Any], None] | None = None) -> None:
    """Open a form dialog with its values read first (its `load`, in a worker): see open_dialog."""

    def read(journal: JournalService) -> dict[str, Any]:
        return dialog.load(journal) or {}

    def build(values: dict[str, Any]) -> FormDialog:
        dialog.initial = values
        return dialog

    open_dialog(opener, read, build, callback)


class OpensTheGate(Protocol):
    """A dialog opened with `open_dialog` or `open_form` that takes the keys held while its data was read."""

    gate_owner: object | None

    @property
    def hj(self) -> HasJournal: ...


def release_held_keys(dialog: OpensTheGate) -> None:
    """The keys held while the dialog's data was read go on, in order: to the dialog, called once it has the
    focus (on mount), or to the screen below, called as it closes (on unmount) should it never have mounted."""
    if dialog.gate_owner is not None:
        dialog.hj.key_gate.open(dialog.gate_owner)
        dialog.gate_owner = None
