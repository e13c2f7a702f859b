"""Opening the Textual app: imported only here, only when the app is wanted, so other commands stay light."""

from __future__ import annotations

import argparse

from hamjournal import config
from hamjournal.commands import CommandFailed, athlete


def open_app(location: str, athlete_name: str | None) -> int:
    """Run the app on a journal until the runner quits it."""
    try:
        from hamjournal.ui.app import HamJournalApp
    except ImportError as error:
        raise CommandFailed(
            f"the app cannot start ({error}); the commands still work, see `hamjournal --help`"
        ) from None
    HamJournalApp(location=location, athlete=athlete_name).run()
    return 0


def app(args: argparse.Namespace) -> int:
    """`hamjournal` with no command: the app on the runner's journal."""
    return open_app(config.journal_location(args.db), athlete(args))
