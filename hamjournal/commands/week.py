"""`week`: this week's plan and log as a text calendar or as JSON.

The JSON shape (stable; new keys may be added, none renamed)::

    {"from": "2026-11-23", "to": "2026-11-29", "today": "2026-11-25",
     "days": [{"date": "2026-11-23", "weekday": "mon", "today": false,
               "entries": [{"kind": "plan", "status": "done", "mark": "✓",
                            "label": "Nordic hamstring curl 3x6 · band-assisted",
                            "detail": "planned ...; did ...", "id": 12, "exercise": "nordic",
                            "session_id": 40}]}],
     "counts": {"done": 1, "missed": 0, "planned": 2, "skipped": 0, "on_hold": 0, "unplanned": 0},
     "logged": {"sessions": 1, "runs": 2, "check_ins": 3}}

- `days`: always seven, Monday first.
- `kind`: "plan" (an item of hamjournal's plan), "session" (logged, not planned), "run", "expected-run" (a
  running day of the profile with no run logged), "check-in".
- `status`: "done", "missed", "planned", "skipped", or "logged" (check-ins); `mark` is its calendar symbol.
- `id`: the plan item, session, run or check-in id (null for expected runs); `exercise`: the slug for plan
  items and sessions, else null; `session_id`: the session that fulfilled a plan item, or the session itself.
- `status` "on-hold" (mark ■): an open item of today or later while the advice says stop.
- `counts`: done = planned items done + sessions logged without a plan item; missed = past planned items
  neither done nor skipped; planned = open items from today on; skipped; on_hold; unplanned = the sessions of
  `done` that fulfil no plan item. The app's week line shows the same numbers. `logged`: what was logged this week.
"""

from __future__ import annotations

import argparse
import json
from typing import Any

from hamjournal.commands import open_service
from hamjournal.domain import validation
from hamjournal.domain.entries import given
from hamjournal.domain.week import LOGGED, WeekView


def week(args: argparse.Namespace) -> int:
    """Print the week holding --date (default today)."""
    day = validation.parse_date(args.date, "date") if given(args.date) else None
    # Reading a week must not create a journal: a missing file is reported instead.
    service = open_service(args, create=False)
    try:
        view = service.week(day)
    finally:
        service.close()
    if args.json:
        print(json.dumps(week_to_dict(view), indent=2, ensure_ascii=False))
    else:
        print(format_week(view))
    return 0


def week_to_dict(view: WeekView) -> dict[str, Any]:
    """The week as JSON-ready data (the shape in this module's docstring)."""
    logged = {"sessions": 0, "runs": 0, "check_ins": 0}
    days = []
    for day in view.days:
        items = []
        for entry in day.entries:
            if entry.session_id is not None:
                logged["sessions"] += 1
            elif entry.kind == "run":
                logged["runs"] += 1
            elif entry.kind == "check-in":
                logged["check_ins"] += 1
            items.append(
                {
                    "kind": entry.kind,
                    "status": entry.status,
                    "mark": entry.mark,
                    "label": entry.label,
                    "detail": entry.detail,
                    "id": entry.ref_id,
                    "exercise": entry.exercise,
                    "session_id": entry.session_id,
                }
            )
        days.append({"date": day.date.isoformat(), "weekday": day.weekday, "today": day.is_today, "entries": items})
    return {
        "from": view.start.isoformat(),
        "to": view.end.isoformat(),
        "today": view.today.isoformat(),
        "days": days,
        "counts": view.counts(),
        "logged": logged,
    }


def format_week(view: WeekView) -> str:
    """The week as a text calendar: one heading per day, one marked line per entry, then the tally."""
    lines = [f"Week {view.start:%d %b} – {view.end:%d %b %Y} ({view.start.isoformat()} to {view.end.isoformat()})"]
    for day in view.days:
        heading = f"{day.date:%a %d %b}"
        lines.append(f"{heading}  ← today" if day.is_today else heading)
        if not day.entries:
            lines.append("    nothing planned or logged")
        for entry in day.entries:
            text = entry.detail if entry.status == LOGGED or entry.kind == "run" else entry.label
            lines.append(f"  {entry.mark} {text}")
    tally = view.counts()
    held = f", {tally['on_hold']} on hold (stop)" if tally["on_hold"] else ""
    lines.append(
        f"Plan: {tally['done']} done, {tally['missed']} missed, {tally['planned']} to do, {tally['skipped']} skipped"
        + held
    )
    lines.append("Marks: ✓ done  ✗ missed  ○ planned  – skipped  • check-in" + ("  ■ on hold" if held else ""))
    return "\n".join(lines)
