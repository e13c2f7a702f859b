"""Base screens that carry the too-small message, so every screen (and dialog) behaves the same below 80x24."""

from __future__ import annotations

from typing import Any, TypeVar

from textual import events, on
from textual.screen import ModalScreen, Screen
from textual.widget import Widget

from hamjournal.ui.journal_access import HasJournal, journal_of
from hamjournal.ui.widgets.size_guard import MIN_HEIGHT, MIN_WIDTH, SizeGuard

ResultType = TypeVar("ResultType")


def keep_focus_over_resize(screen: Screen, saved: Widget | None, width: int, height: int) -> Widget | None:
    """Remember the focus when the terminal gets too small and give it back when it is big enough again.

    Below the minimum the layout is hidden, which drops the focus; without this, Enter would do nothing
    after a resize until the runner tabbed back into a field. Returns what to remember.
    """
    if width < MIN_WIDTH or height < MIN_HEIGHT:
        return screen.focused or saved
    if saved is not None and screen.focused is None and saved.is_attached:
        screen.call_after_refresh(screen.set_focus, saved)
    return None


def guard_if_too_small(screen: Screen, width: int, height: int) -> None:
    """Mount the screen's SizeGuard the first time the terminal is below 80x24.

    Only then: mounted with every screen, it cost each screen switch a second mount and layout pass.
    """
    if (width < MIN_WIDTH or height < MIN_HEIGHT) and not screen.query_children(SizeGuard):
        screen.mount(SizeGuard())


def _resized(screen: Screen[Any], kept: Widget | None, event: events.Resize) -> Widget | None:
    """Both kinds of screen on a resize: the size guard, and the focus kept over a shrink (returned)."""
    guard_if_too_small(screen, event.size.width, event.size.height)
    return keep_focus_over_resize(screen, kept, event.size.width, event.size.height)


class JournalScreen(Screen[ResultType]):
    """A full screen of the app."""

    _focus_before_shrink: Widget | None = None

    @property
    def hj(self) -> HasJournal:
        """The app, as the journal's owner (see journal_access)."""
        return journal_of(self)

    @on(events.Mount)
    def _mount_size_guard(self) -> None:
        guard_if_too_small(self, *self.app.size)

    @on(events.Resize)
    def _keep_focus(self, event: events.Resize) -> None:
        self._focus_before_shrink = _resized(self, self._focus_before_shrink, event)


class JournalModal(ModalScreen[ResultType]):
    """A dialog over the week screen, with JournalScreen's journal access and size handling.

    Not a subclass of JournalScreen: a screen class before ModalScreen in the bases makes the dialog opaque.
    """

    _focus_before_shrink: Widget | None = None

    @property
    def hj(self) -> HasJournal:
        """The app, as the journal's owner (see journal_access)."""
        return journal_of(self)

    @on(events.Mount)
    def _mount_size_guard(self) -> None:
        guard_if_too_small(self, *self.app.size)

    @on(events.Resize)
    def _keep_focus(self, event: events.Resize) -> None:
        self._focus_before_shrink = _resized(self, self._focus_before_shrink, event)
