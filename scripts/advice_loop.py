"""Loop check (not a test): a runner who obeys the advice, over 12 weeks, should mostly progress or hold.

Three Nordic days a week (Mon, Wed, Fri) plus a single-leg RDL on Mon and Thu. On each training day the runner
asks advise() and logs exactly the advised `next` dose at the advised `next_step`, pain during 0-2, RPE 6-7;
every morning is a check-in of pain 0-2 and stiffness 1-2 (seeded noise). Prints one line per call and a tally.

    .venv/bin/python scripts/advice_loop.py [--weeks 12] [--seed 1]
"""

from __future__ import annotations

import argparse
import collections
import datetime as dt
import random
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from hamjournal.domain.advice.engine import advise
from hamjournal.domain.dose import entry_dose
from hamjournal.domain.models import Profile, Session, SetEntry, SymptomLog

START = dt.date(2026, 1, 5)  # a Monday
DAYS = {"nordic": (0, 2, 4), "sl-rdl": (0, 3)}


def sets_of(p) -> tuple[SetEntry, ...]:
    """The SetEntry records of doing a prescription in full."""
    if p.hold_s is not None:
        return tuple(SetEntry(reps=None, hold_s=p.hold_s) for _ in range(p.sets))
    return tuple(SetEntry(reps=r) for r in p.reps)


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--weeks", type=int, default=12)
    parser.add_argument("--seed", type=int, default=1)
    args = parser.parse_args()
    rnd = random.Random(args.seed)
    profile = Profile()
    sessions: list[Session] = []
    symptoms: list[SymptomLog] = []
    tally: collections.Counter[str] = collections.Counter()
    for offset in range(args.weeks * 7):
        today = START + dt.timedelta(days=offset)
        symptoms.append(SymptomLog(today, rnd.choice((0, 0, 1, 1, 2)), stiffness=rnd.choice((1, 1, 2)), sleep_h=7.5))
        for slug, weekdays in DAYS.items():
            if today.weekday() not in weekdays:
                continue
            report = advise(today, profile, sessions, symptoms, (), training_start=START)
            item = report.for_exercise(slug)
            if item is None or item.next is None:
                step, dose, action = None, entry_dose(slug), "start"
            else:
                step, dose, action = item.next_step, item.next, str(item.action)
            tally[action] += 1
            shown = "/".join(str(r) for r in dose.reps)
            print(f"{today} w{offset // 7 + 1} {slug:7} {action:8} -> {step} {shown}")
            sessions.append(Session(today, slug, sets_of(dose), step=step, rpe=rnd.choice((6, 7)),
                                    pain_during=rnd.choice((0, 1, 2))))
    total = sum(tally.values())
    print("tally:", dict(tally))
    good = tally["progress"] + tally["hold"] + tally["start"] + tally["deload"]
    print(f"progress/hold/deload/start: {good}/{total}; regress {tally['regress']}, stop {tally['stop']}")
    return 0 if tally["stop"] == 0 and tally["regress"] == 0 else 1


if __name__ == "__main__":
    raise SystemExit(main())
