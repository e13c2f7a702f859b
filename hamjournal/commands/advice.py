"""`advice [--json]`: a thin adapter over JournalService.advice(); the rules are the domain's."""

from __future__ import annotations

import argparse
from typing import TYPE_CHECKING

from hamjournal.commands import open_service
from hamjournal.domain.exercises import EXERCISES
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
        lines.append(f"  now {now}; next {then}" if item.next is not None else f"  now {now}")
        lines += [f"  - {reason}" for reason in item.reasons]
        if item.what_would_change:
            lines.append(f"  What would change it: {item.what_would_change}")
        if item.sources:
            lines.append(f"  Sources: {'; '.join(item.sources)}")
    return "\n".join(lines)


def _dose(rx: Prescription | None) -> str:
    if rx is None:
        return ""
    if rx.hold_s is not None:
        return f"{rx.sets}x{rx.hold_s}s"
    if rx.reps and len(set(rx.reps)) == 1:
        return f"{rx.sets}x{rx.reps[0]}"
    return "/".join(str(r) for r in rx.reps)
