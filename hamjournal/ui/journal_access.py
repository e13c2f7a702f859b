"""How screens and widgets reach the journal: the app typed as what they need of it, not as HamJournalApp.

A screen asks `journal_of(self)` (or `self.hj` on the base screens) instead of casting `self.app` itself, so the
UI has one typed door to the journal and screens need not import the app module (which imports them).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from typing import TYPE_CHECKING, Protocol, cast

if TYPE_CHECKING:
    from textual.dom import DOMNode

    from hamjournal.services import JournalService
    from hamjournal.ui.key_gate import KeyGate


class HasJournal(Protocol):
    """What screens use of the app: the open journal (None until the journal worker opened it) and its settings.

    HamJournalApp is the one implementation.
    """

    journal: JournalService | None
    location: str  # the journal's path or URL, as given
    athlete: str | None  # the athlete whose journal is open (None: the only one)
    selected_day: dt.date  # the day selected on the week screen; dialogs start from it
    cursor_blink: bool
    clock: Callable[[], dt.datetime]
    key_gate: KeyGate  # holds keys typed while a dialog opens or saves

    def today(self) -> dt.date:
        """Today (HAMJOURNAL_TODAY when set)."""
        ...


def journal_of(node: DOMNode) -> HasJournal:
    """The app that `node` belongs to, as the journal's owner.

    Screens and widgets of hamjournal only run in HamJournalApp, which has every attribute of HasJournal.
    """
    return cast("HasJournal", node.app)
