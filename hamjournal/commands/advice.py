"""`advice [--json]`: a thin adapter over JournalService.advice(); the rules are the domain's."""

from __future__ import annotations

import argparse
from typing import TYPE_CHECKING

from hamjournal.commands import open_service
from hamjournal.domain.library.exercises import EXERCISES
from hamjournal.domain.models import Prescription

if TYPE_CHECKING:
    from hamjournal.domain.advice.report import AdviceReport


def advice(args: argparse.Namespace) -> int:
    """Print today's advice as text, or as the design's Advice JSON with --json."""
    # Reading advice must not create a journal: a missing file is reported instead.
    service = open_service(args, create=False)
    try:
        found = service.advice()
    finally:
        service.close()
    print(found.to_json() if args.json else format_advice(found))
    return 0


def format_advice(found: AdviceReport) -> str:
    """Flags first (they can override everything), then per exercise: the action, the dose, the reasons."""
    lines = [f"Advice for {found.date:%a %d %b %Y}"]
    for flag in found.flags:
        lines.append(f"  [{flag.level}] {flag.message}")
    if not found.advice:
        lines.append("Nothing planned or logged in the last weeks: log a session to get advice.")
    for item in found.advice:
        ex = EXERCISES.get(item.exercise)
        lines.append("")
        lines.append(f"{ex.name if ex else item.exercise}: {item.action.upper()}")
        now = f"{item.step} {_dose(item.current)}".strip()
        then = f"{item.next_step or item.step} {_dose(item.next)}".strip()
        if item.planned_on is not None:
            then += " today" if item.planned_on == found.date else f" on {item.planned_on:%a %d %b}"
        lines.append(f"  now {now}; next {then}" if item.next is not None else f"  now {now}")
        lines += [f"  - {reason}" for reason in item.reasons]
        if item.what_would_change:
            lines.append(f"  What would change it: {item.what_would_change}")
        if item.sources:
            lines.append(f"  Sources: {'; '.join(item.sources)}")
    return "\n".join(lines)


def _dose(rx: Prescription | None) -> str:
    return "" if rx is None else rx.notation
