"""Messages the screens and workers exchange; plain dataclasses so they are easy to read and to test."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from textual.message import Message

if TYPE_CHECKING:
    # Type names only: services (and so sqlalchemy) must not load before the first paint.
    from hamjournal.domain.week import WeekView
    from hamjournal.services import JournalService


@dataclass
class JournalOpened(Message):
    """The journal file is open and ready."""

    journal: JournalService


@dataclass
class JournalFailed(Message):
    """The journal could not be opened; the app must not go on with it."""

    message: str


@dataclass
class WeekLoaded(Message):
    """A week's calendar has been read."""

    week: WeekView
    empty: bool


@dataclass
class JournalChanged(Message):
    """Something was saved or deleted: the plan is redone, the week is read again and the runner is told."""

    summary: str
    replanned: bool = False  # True when the sender re-planned already (the profile screen)


@dataclass
class JournalUpdated(Message):
    """Another program wrote to the journal ("changed"), or its file was replaced and reopened ("replaced")."""

    how: str
