"""The errors a runner is shown, as one family, so a screen catches them without knowing which layer raised them.

Pure Python with no imports of ours: the domain (bad input), the store (the journal file) and the UI all import
this module, and the domain must stay free of textual and sqlalchemy.
"""


class HamjournalError(Exception):
    """Something the runner must be told; `message` says what happened and what to do, and is what is shown."""

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message

    def __str__(self) -> str:
        return self.message


class JournalError(HamjournalError):
    """The journal cannot be opened or written; the message names the file and the way out.

    The store raises its own kinds of it (hamjournal.store.errors); the UI catches this name, not the store's.
    """

    exit_status = 1
    """The command line's exit status for it (the README's table): 1, the journal cannot be used."""
