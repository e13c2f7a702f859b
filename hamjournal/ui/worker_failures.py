"""One way for a worker to tell the runner that its journal work failed: a notification, never a traceback."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from typing import TYPE_CHECKING

from hamjournal.errors import HamjournalError

if TYPE_CHECKING:
    from textual.dom import DOMNode
    from textual.notifications import SeverityLevel


@contextmanager
def notify_failure(
    node: DOMNode, prefix: str = "", *, severity: SeverityLevel = "error", timeout: float | None = None
) -> Iterator[None]:
    """In a worker thread: a HamjournalError raised in the block becomes a notification, "{prefix}{error}".

    The block ends at the error and the code after the `with` runs on, so put what must only follow a success
    inside the block. `timeout` None keeps the app's default. Other exceptions (bugs) pass through.
    """
    try:
        yield
    except HamjournalError as error:
        app = node.app
        app.call_from_thread(app.notify, f"{prefix}{error}", severity=severity, timeout=timeout)
