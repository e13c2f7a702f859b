"""The plan as text: a heading with the block and the race, then week by week, one line per item."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from itertools import groupby

from hamjournal.domain.formats.ics import summary
from hamjournal.domain.planner.blocks import SeasonWeek
from hamjournal.domain.planner.plan import Plan

MARKS = {"strength": "○", "run-drill": "»", "assessment": "◇"}


def block_line(plan: Plan) -> str:
    """ "Base block, week 16 of 19 · City 10K on Sun 7 Feb 2027 (11 weeks)"."""
    block = plan.block
    text = f"{block.name.capitalize()} block, week {block.week} of {block.weeks}"
    if block.race and block.race_date:
        weeks = (block.race_date - plan.start).days // 7
        text += f" · {block.race} on {block.race_date:%a %d %b %Y} ({weeks} weeks)"
    elif block.name in ("base", "build"):
        text += " · no A race: rolling base and build blocks"
    return text


def week_heading(week: SeasonWeek) -> str:
    """ "Week of 30 Nov · base 17/19 · isometric emphasis · deload"."""
    parts = [f"Week of {week.start:%d %b}", f"{week.block} {week.block_week}/{week.block_weeks}"]
    parts.append(f"{week.emphasis} emphasis")
    if week.deload:
        parts.append("race week" if week.race_week else ("taper" if week.block == "taper" else "deload"))
    return " · ".join(parts)


def format_plan(plan: Plan) -> str:
    """The whole plan, readable in a terminal or an email."""
    lines = [f"Plan from {plan.start:%a %d %b %Y} · {block_line(plan)}"]
    lines += [f"! {note}" for note in plan.notes]
    by_week = {w.start: w for w in plan.weeks}
    for start, group in groupby(plan.items, key=lambda i: _monday(i.date, plan.weeks)):
        week = by_week.get(start)
        lines.append("")
        lines.append(week_heading(week) if week else f"Week of {start:%d %b}")
        for item in group:
            own = " (yours)" if item.origin == "manual" else ""
            skipped = " (skipped)" if item.status == "skipped" else ""
            lines.append(f"  {MARKS.get(item.kind, '·')} {item.date:%a %d %b}  {summary(item)}{own}{skipped}")
            if item.why:
                lines.append(f"        {item.why}")
    if not plan.items:
        lines.append("")
        lines.append("Nothing planned.")
    lines.append("")
    lines.append("Marks: ○ strength  » run drill  ◇ reassessment")
    return "\n".join(lines)


def _monday(day: dt.date, weeks: Sequence[SeasonWeek]) -> dt.date:
    for week in weeks:
        if week.start <= day <= week.end:
            return week.start
    return day
