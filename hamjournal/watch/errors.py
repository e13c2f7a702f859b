"""The one error a watch file can raise: it is refused, with a sentence saying why."""

from __future__ import annotations


class FileRefused(Exception):
    """A watch file that cannot become a run; `reason` completes "FILE: ..." in the import's report."""

    def __init__(self, reason: str) -> None:
        super().__init__(reason)
        self.reason = reason


class NotARun(FileRefused):
    """A sound activity of another sport: skipped (and counted as such), not refused."""

    def __init__(self, sport: str) -> None:
        super().__init__(f"skipped ({sport})")
        self.sport = sport
