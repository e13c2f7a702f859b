"""The command-line commands, one small module per group; `hamjournal.cli` parses and dispatches.

Each command is a function `run(args) -> int` taking the parsed argparse namespace. Bad input raises
InvalidInput (exit 2), journal trouble raises JournalError (exit 1), and anything else a command wants to
refuse raises CommandFailed with its own exit status. Modules here import the store lazily, and nothing here
imports textual, so `hamjournal log ...` starts fast.
"""

from __future__ import annotations

import argparse
import os
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from hamjournal.services import JournalService


class CommandFailed(Exception):
    """A command could not do its job for a reason that is neither bad input nor the journal file."""

    def __init__(self, message: str, status: int = 1) -> None:
        super().__init__(message)
        self.message = message
        self.status = status

    def __str__(self) -> str:
        return self.message


def athlete(args: argparse.Namespace) -> str | None:
    """The athlete to open: --athlete, then HAMJOURNAL_ATHLETE, else the journal's only athlete."""
    from hamjournal.config import ENV_ATHLETE

    chosen = getattr(args, "athlete", None) or os.environ.get(ENV_ATHLETE, "").strip()
    return chosen or None


def open_service(args: argparse.Namespace, create: bool = True) -> JournalService:
    """Open the journal named by --db / HAMJOURNAL_DB / the default file for the chosen athlete."""
    from hamjournal.services import JournalService

    return JournalService.open(getattr(args, "db", None), athlete=athlete(args), create=create)
