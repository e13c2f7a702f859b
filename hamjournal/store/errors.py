"""Errors about the journal file itself, each naming the file and what to do.

Each is a JournalError, defined in hamjournal.errors so that the UI can catch it without importing the store.
"""

from hamjournal.errors import JournalError

__all__ = [
    "AthleteNotChosen",
    "EntryNotFound",
    "JournalBusy",
    "JournalError",
    "JournalTooNew",
    "JournalUnwritable",
    "NotAJournal",
    "StaleEntry",
]


class NotAJournal(JournalError):
    """The file exists but is not a hamjournal database (or is corrupt)."""


class JournalTooNew(JournalError):
    """The journal was written by a newer hamjournal."""


class JournalBusy(JournalError):
    """Another program held the journal locked for longer than we wait."""


class JournalUnwritable(JournalError):
    """The folder or file is read-only, or the disk is full."""


class StaleEntry(JournalError):
    """Someone else changed or deleted the entry since it was read."""


class EntryNotFound(JournalError):
    """The entry to edit or delete is not in the journal."""


class AthleteNotChosen(JournalError):
    """The journal holds several athletes and none was named; `names` lists them."""

    def __init__(self, message: str, names: list[str]) -> None:
        super().__init__(message)
        self.names = names
