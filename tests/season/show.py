"""Print a simulated season's table: `python -m tests.season.show [--mornings ordinary --weeks 12 ...]`.

For engineers changing the rules or the planner: see what a runner who follows the plan is told, week by week.
`--day N` (repeatable) adds the plan items, what was done and the evening's advice of day N.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence
from dataclasses import replace

from tests.season.simulator import (
    MORNINGS,
    RACES,
    DayRecord,
    Events,
    Runner,
    prevention_runner,
    rehab_runner,
    simulate,
)
from tests.season.table import format_season_table


def build_runner(args: argparse.Namespace) -> Runner:
    """The runner the options describe."""
    if args.mode == "rehab":
        return rehab_runner(weeks=args.weeks, seed=args.seed, mornings=args.mornings, deficit=args.deficit,
                            aslr_short_deg=args.aslr_short)
    events = Events(sudden_day=args.sudden_day, nordic_pain_from_week=args.nordic_pain_week)
    return prevention_runner(args.mornings, weeks=args.weeks, seed=args.seed, race=args.race,
                             race_week=args.race_week, events=events)


def format_day(day: DayRecord) -> str:
    """One day in full: check-in, plan items, what was done, runs, and each exercise's evening call."""
    lines = [f"day {day.number} {day.date} ({day.date:%a}), week {day.week}"]
    if day.checkin is not None:
        c = day.checkin
        lines.append(f"  morning: pain {c.pain}, stiffness {c.stiffness}, sleep {c.sleep_h} h")
    for item in day.planned:
        rx = item.prescription
        lines.append(f"  planned: {item.exercise} {item.step or ''} {rx.sets}x{rx.reps}"
                     f"{f' {rx.hold_s}s' if rx.hold_s else ''}{' deload' if item.deload else ''} - {item.why}")
    for session in day.sessions:
        lines.append(f"  done: {session.exercise} {session.step} {[s.reps or s.hold_s for s in session.sets]} "
                     f"pain {session.pain_during} RPE {session.rpe}")
    for test in day.assessments:
        lines.append(f"  test: {test.test} left {test.left} right {test.right} value {test.value}")
    for run in day.runs:
        lines.append(f"  run: {run.kind} {run.minutes:g} min {run.distance_km} km RPE {run.rpe}")
    for advice in day.advice.advice:
        nxt = "-" if advice.next is None else f"{advice.next_step} {advice.next.reps}"
        lines.append(f"  {advice.exercise}: {advice.action} -> {nxt}: {' | '.join(advice.reasons)}")
    lines += [f"  note: {note}" for note in day.notes]
    return "\n".join(lines)


def main(argv: Sequence[str] | None = None) -> int:
    """Parse the options, simulate, print."""
    parser = argparse.ArgumentParser(prog="python -m tests.season.show", description=__doc__)
    parser.add_argument("--mode", choices=("prevention", "rehab"), default="prevention")
    parser.add_argument("--mornings", choices=tuple(MORNINGS), default="clean")
    parser.add_argument("--weeks", type=int, default=12, help="12-26")
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--race", choices=tuple(RACES), default=None, help="an A race (prevention)")
    parser.add_argument("--race-week", type=int, default=None, help="season week of the race (its Sunday)")
    parser.add_argument("--sudden-day", type=int, default=None, help="day number of a sudden sharp pain")
    parser.add_argument("--nordic-pain-week", type=int, default=None, help="pain 6/10 every Nordic from this week")
    parser.add_argument("--deficit", type=float, default=0.2, help="rehab: weaker leg's shortfall (0.2 = 20%%)")
    parser.add_argument("--aslr-short", type=float, default=15.0, help="rehab: ASLR degrees short")
    parser.add_argument("--run-history-weeks", type=int, default=0, help="weeks of runs logged before day 1")
    parser.add_argument("--day", type=int, action="append", default=[], help="also print day N in full")
    args = parser.parse_args(argv)
    result = simulate(replace(build_runner(args), run_history_weeks=args.run_history_weeks))
    print(format_season_table(result))
    for number in args.day:
        if 1 <= number <= len(result.days):
            print()
            print(format_day(result.days[number - 1]))
    return 0


if __name__ == "__main__":
    sys.exit(main())
