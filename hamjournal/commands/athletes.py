"""`athletes`, `athletes add NAME`, `athletes rename OLD NEW`: who is in a (squad) journal."""

from __future__ import annotations

import argparse

from hamjournal import config


def athletes(args: argparse.Namespace) -> int:
    """List the athletes (one name a line, for scripts), or add or rename one."""
    from hamjournal.store import athletes as roster
    from hamjournal.store.engine import open_engine

    action = getattr(args, "athletes_action", None)
    # Listing must not create a journal; adding one is how a coach starts a squad journal.
    engine, label = open_engine(config.journal_location(getattr(args, "db", None)), create=action is not None)
    try:
        if action == "add":
            roster.add_athlete(engine, label, args.name)
            print(f"Added athlete {args.name.strip()} to {label}; log for them with --athlete {args.name.strip()!r}.")
        elif action == "rename":
            roster.rename_athlete(engine, label, args.old, args.new)
            print(f"Renamed athlete {args.old} to {args.new.strip()} in {label}.")
        else:
            for _, name in roster.athletes(engine, label):
                print(name)
    finally:
        engine.dispose()
    return 0
