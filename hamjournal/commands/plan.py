"""`plan [--json] [--weeks N]`: the generated plan from today on; and the plan as iCalendar for `export`.

Computing the plan saves nothing: the app saves it (JournalService.replan) after each change. The JSON is the
design's Plan JSON (extra keys: items' origin and status, weeks, notes, stopped). Nothing heavy is imported
until the command runs, so building the CLI parser stays cheap.
"""

from __future__ import annotations

import argparse
from collections.abc import Sequence
from typing import TYPE_CHECKING, Any

from hamjournal.commands import open_service

if TYPE_CHECKING:
    from hamjournal.services import JournalService

DEFAULT_WEEKS = 4
MAX_WEEKS = 52
HELP = "the generated plan from today on: Nordics, accessories, drills and reassessments, by week"


def add_parser(subparsers: Any, parents: Sequence[argparse.ArgumentParser] = ()) -> argparse.ArgumentParser:
    """Add `plan` to the CLI's subparsers (pass the common --db/--athlete parent)."""
    parser = subparsers.add_parser("plan", parents=list(parents), help=HELP, description=HELP)
    parser.add_argument("--json", action="store_true", help="print the Plan JSON")
    parser.add_argument("--weeks", metavar="N", help=f"weeks to plan, 1 to {MAX_WEEKS} (default {DEFAULT_WEEKS})")
    return parser


def plan(args: argparse.Namespace) -> int:
    """The `plan` command: open the journal (never creating one), print the plan."""
    service = open_service(args, create=False)
    try:
        return run(args, service)
    finally:
        service.close()


def run(args: argparse.Namespace, service: JournalService) -> int:
    """Print the plan of --weeks weeks as text, or as JSON with --json."""
    from hamjournal.domain.entries import given
    from hamjournal.domain.planner.text import format_plan
    from hamjournal.domain.validation import check_int_range

    raw = getattr(args, "weeks", None)
    weeks = check_int_range(raw, "weeks", 1, MAX_WEEKS) if given(raw) else DEFAULT_WEEKS
    found = service.plan(weeks)
    print(found.to_json(indent=2) if getattr(args, "json", False) else format_plan(found))
    return 0


def export_ics(service: JournalService, weeks: int = DEFAULT_WEEKS) -> str:
    """The plan from today (generated and the runner's own items) as an iCalendar file's text."""
    from hamjournal.domain.formats.ics import plan_to_ics

    found = service.plan(weeks)
    return plan_to_ics(found.items, service.today())
