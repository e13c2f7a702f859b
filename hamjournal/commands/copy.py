"""`copy --to TARGET`: move a whole journal (every athlete) to another file or database server, or back."""

from __future__ import annotations

import argparse

from hamjournal import config
from hamjournal.domain.errors import InvalidInput


def copy(args: argparse.Namespace) -> int:
    """Copy the journal at --db (or HAMJOURNAL_DB, or the default file) to --to, verified, all or nothing."""
    from hamjournal.store.copy import copy_journal

    target = (args.to or "").strip()
    if not target:
        raise InvalidInput(
            "--to is required: a journal file or a database URL, e.g. postgresql+psycopg://coach@localhost/club", "to"
        )
    source = config.journal_location(getattr(args, "db", None))
    summary = copy_journal(
        source,
        target if config.is_url(target) else _expand(target),
        replace=args.replace,
        announce=lambda line: print(line, flush=True),  # said before anything of the target is deleted
    )
    print(summary.describe())
    return 0


def _expand(path: str) -> str:
    from pathlib import Path

    return str(Path(path).expanduser())
