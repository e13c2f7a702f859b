"""`report [--weeks N]`: a text summary of the last N Monday weeks (default 4).

Adherence (planned items done), volume per exercise, week-by-week Nordic reps, pain and stiffness, the
assessments with their left/right asymmetry, and today's advice. Only the weeks asked for are read.
"""

from __future__ import annotations

import argparse
from collections.abc import Sequence
from typing import TYPE_CHECKING, Any

from hamjournal.commands import open_service
from hamjournal.domain import validation
from hamjournal.domain.entries import given
from hamjournal.domain.report import DEFAULT_WEEKS, MAX_WEEKS

if TYPE_CHECKING:
    from hamjournal.services import JournalService

HELP = "a text summary: adherence, volume, pain and stiffness trend, assessments, current advice"


def add_parser(subparsers: Any, parents: Sequence[argparse.ArgumentParser] = ()) -> argparse.ArgumentParser:
    """Add the `report` command to the CLI's subparsers (pass the common --db/--athlete parent)."""
    parser = subparsers.add_parser("report", parents=list(parents), help=HELP, description=HELP)
    # Taken as text and checked by the domain, so "--weeks x" gets the one-line message and exit 2.
    parser.add_argument("--weeks", metavar="N", help=f"weeks to cover, 1 to {MAX_WEEKS} (default {DEFAULT_WEEKS})")
    return parser


def run(args: argparse.Namespace, service: JournalService) -> int:
    """Print the report for --weeks on an already opened journal; returns the exit status."""
    weeks = weeks_from(args)
    print(service.report(weeks))
    return 0


def weeks_from(args: argparse.Namespace) -> int:
    """--weeks as a whole number from 1 to MAX_WEEKS, or the default (bad values raise InvalidInput)."""
    raw = getattr(args, "weeks", None)
    return validation.check_int_range(raw, "weeks", 1, MAX_WEEKS) if given(raw) else DEFAULT_WEEKS


def report(args: argparse.Namespace) -> int:
    """`hamjournal report`: open the journal (never creating one), print the report, close it."""
    # Checked before opening so bad input writes nothing and touches no file.
    weeks_from(args)
    service = open_service(args, create=False)
    try:
        return run(args, service)
    finally:
        service.close()
