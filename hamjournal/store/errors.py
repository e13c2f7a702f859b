"""Errors about the journal file itself, each naming the file and what to do.

Each is a JournalError, defined in hamjournal.errors so that the UI can catch it without importing the store.
"""

from hamjournal.errors import JournalError

__all__ = [
    "AthleteNotChosen",
    "BadLocation",
    "EntryNotFound",
    "JournalBusy",
    "JournalError",
    "JournalTooNew",
    "JournalUnwritable",
    "NotAJournal",
    "StaleEntry",
    "UnknownAthlete",
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


class BadLocation(JournalError):
    """--db / HAMJOURNAL_DB is a malformed database URL: bad input (exit 2); the message masks its secrets."""

    exit_status = 2


class UnknownAthlete(JournalError):
    """--athlete names no athlete of the journal: bad input (exit 2), in every command alike."""

    exit_status = 2


class AthleteNotChosen(JournalError):
    """The journal holds several athletes and none was named; `names` lists them (exit 2: name one)."""

    exit_status = 2

    def __init__(self, message: str, names: list[str]) -> None:
        super().__init__(message)
        self.names = names
