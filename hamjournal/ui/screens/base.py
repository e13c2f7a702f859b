"""Base screens that carry the too-small message, so every screen (and dialog) behaves the same below 80x24."""

from __future__ import annotations

from typing import TypeVar

from textual import events, on
from textual.screen import ModalScreen, Screen

from hamjournal.ui.widgets.size_guard import SizeGuard

ResultType = TypeVar("ResultType")


class JournalScreen(Screen[ResultType]):
    """A full screen of the app."""

    @on(events.Mount)
    def _mount_size_guard(self) -> None:
        self.mount(SizeGuard())


class JournalModal(ModalScreen[ResultType]):
    """A dialog over the week screen."""

    @on(events.Mount)
    def _mount_size_guard(self) -> None:
        self.mount(SizeGuard())
