"""`demo`: a generated, realistic journal in its own file (DATA_DIR/demo.db), then the app on it.

The demo never touches the runner's journal: it always writes config.demo_location(), replacing whatever an
earlier demo left there, and it refuses --db so a typo cannot replace a real journal with demo data.
"""

from __future__ import annotations

import argparse
from pathlib import Path

from hamjournal import config
from hamjournal.commands import CommandFailed
from hamjournal.domain import validation
from hamjournal.domain.entries import given

DEFAULT_WEEKS = 16
MAX_WEEKS = 520


def demo(args: argparse.Namespace) -> int:
    """Regenerate the demo journal; open the app on it, or with --no-open print its path."""
    if args.db:
        raise CommandFailed(
            f"demo always writes its own file ({config.demo_location()}) and never --db, so no journal is "
            "overwritten with demo data; set HAMJOURNAL_DATA_DIR to put it elsewhere",
            2,
        )
    weeks = validation.check_int_range(args.weeks, "weeks", 1, MAX_WEEKS) if given(args.weeks) else DEFAULT_WEEKS
    location = write_demo(weeks)
    if args.no_open:
        print(location)
        return 0
    from hamjournal.commands.app import open_app

    return open_app(location, None)


def write_demo(weeks: int) -> str:
    """Generate `weeks` weeks of demo data ending today into the demo file; returns its path."""
    from hamjournal.domain.demo import demo_journal
    from hamjournal.services import JournalService

    today = config.today()
    location = config.demo_location()
    real = config.journal_location()
    if not config.is_url(real) and Path(real).expanduser().resolve() == Path(location).expanduser().resolve():
        raise CommandFailed(
            f"HAMJOURNAL_DB points at the demo file {location}; the demo will not replace a journal with demo "
            "data: point HAMJOURNAL_DB elsewhere or set HAMJOURNAL_DATA_DIR",
            2,
        )
    journal = demo_journal(today, weeks)
    # The demo has one athlete of its own: HAMJOURNAL_ATHLETE names someone in the real journal.
    service = JournalService.open(location, athlete=None)
    try:
        service.import_journal(journal, replace_all=True)
    finally:
        service.close()
    return location
