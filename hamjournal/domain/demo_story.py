"""The demo journal's story over the weeks: which week is a deload, the spike and the bad week after it, and
the Nordic dose and step each week (demo.py writes the log and the plan from it).
"""

from __future__ import annotations

import datetime as dt
import math
from dataclasses import dataclass

from hamjournal.domain.library.exercises import get_exercise

DELOAD_EVERY = 5
MON, TUE, WED, THU, FRI, SAT, SUN = range(7)
# Week (from the programme start) at which the runner has earned each Nordic step.
NORDIC_LADDER: tuple[tuple[int, str], ...] = (
    (0, "band-assisted"),
    (6, "incline"),
    (14, "bodyweight"),
    (60, "fast-lean"),
)


@dataclass(frozen=True)
class Story:
    """The fixed points of the journal: when it starts, the bad week and the races."""

    start: dt.date
    today: dt.date
    bad_week: int | None
    b_race: dt.date

    @classmethod
    def for_weeks(cls, start: dt.date, today: dt.date, weeks: int) -> Story:
        bad: int | None = None
        if weeks >= 4:
            # A bit past the middle, so there is a build-up before it and a recovery after it.
            bad = weeks * 7 // 12
            if is_deload(bad):
                bad -= 1
        # The B race goes on a recent Sunday clear of the spike, the bad week and the recovery week.
        current = weeks - 1
        back = next(n for n in range(2, 6) if bad is None or abs(current - n - bad) > 1)
        b_race = monday(today) + dt.timedelta(days=SUN) - dt.timedelta(weeks=back)
        return cls(start, today, bad, b_race)

    def week(self, day: dt.date) -> int:
        """Programme week of a day, 0 = the first week."""
        return (day - self.start).days // 7

    def is_spike(self, day: dt.date) -> bool:
        """The Sunday long run that jumps, the day before the bad week starts."""
        return self.bad_week is not None and day.weekday() == SUN and self.week(day) == self.bad_week - 1

    def in_bad_week(self, day: dt.date) -> bool:
        """True inside the week that hurts."""
        return self.week(day) == self.bad_week


def monday(day: dt.date) -> dt.date:
    return day - dt.timedelta(days=day.weekday())


def is_deload(week: int) -> bool:
    return (week + 1) % DELOAD_EVERY == 0


def petersen(week: int) -> tuple[tuple[int, ...], ...]:
    """Reps per set of each Nordic session in programme week `week` (Petersen 2011), then maintenance."""
    if week == 0:
        return ((5, 5),)
    if week == 1:
        return ((6, 6), (6, 6))
    if week == 2:
        return tuple((reps,) * 3 for reps in (6, 7, 8))
    if week == 3:
        return tuple((reps,) * 3 for reps in (8, 9, 10))
    if week < 10:
        return ((12, 10, 8),) * 3
    return ((12, 10, 8),)


def deloaded(reps: tuple[int, ...]) -> tuple[int, ...]:
    # A deload keeps the session and cuts about 40% of the sets (rules-reference, "deload").
    return reps[: max(1, round(len(reps) * 0.6))]


def ladder_step(ladder: tuple[tuple[int, str], ...], week: int) -> str:
    return [step for first, step in ladder if week >= first][-1]


@dataclass(frozen=True)
class NordicDose:
    step: str
    reps: tuple[int, ...]
    deload: bool
    regressed: bool


def nordic_dose(story: Story, week: int, index: int) -> NordicDose:
    """Step and reps of the index-th Nordic session of a week, with the bad week's step back down."""
    reps = petersen(week)[index]
    deload = is_deload(week)
    if deload:
        reps = deloaded(reps)
    step = ladder_step(NORDIC_LADDER, week)
    bad = story.bad_week
    # The first session of the bad week hurts at the usual step; the rest of that week and the next go one lower.
    regressed = bad is not None and ((week == bad and index > 0) or week == bad + 1)
    if regressed:
        ladder = [s.slug for s in get_exercise("nordic").ladder]
        step = ladder[max(0, ladder.index(step) - 1)]
    return NordicDose(step, reps, deload, regressed)


def saturating(week: int, weeks_to_most: float = 20.0) -> float:
    """0 at the start, near 1 after a few months: strength gains that level off."""
    return 1.0 - math.exp(-week / weeks_to_most)
