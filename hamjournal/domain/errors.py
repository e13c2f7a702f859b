"""The one error type the domain raises for bad input."""

from hamjournal.errors import HamjournalError


class InvalidInput(HamjournalError, ValueError):
    """Input a runner typed (or a file held) that is not allowed.

    The message is one sentence that says what was wrong and what is allowed; the CLI prints it as is
    and the UI shows it beside the field. Still a ValueError, as callers that parse values catch it so.
    """

    def __init__(self, message: str, field: str | None = None) -> None:
        super().__init__(message)
        self.field = field
