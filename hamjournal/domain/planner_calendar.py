"""Where a session may go in the runner's week: day types, placement conflicts and the "why" of a date.

Hamstring strength goes after easy runs or on light days. Conflicts, heaviest first: the long-run day, a hard
day, a race day, another heavy strength day (profile.strength_days, e.g. gym legs), the day before a long run,
hard day or race, and for Nordics a session the day after another. The placement picks the days with the least
total conflict, so when the constraints cannot all be met the lightest one gives way and the "why" says which.
"""

from __future__ import annotations

import datetime as dt
import itertools
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from hamjournal.domain.models import WEEKDAYS, Profile, Race

DAY_NAMES = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")
ONE_DAY = dt.timedelta(days=1)

# Conflict weights: only their order matters. A "severe" conflict (a long-run, hard or race day) is accepted
# only when the runner's whole week has too few days without one.
LONG_RUN = 1000
RACE_DAY = 900
HARD_DAY = 800
SEVERE = HARD_DAY
OTHER_STRENGTH = 300
BACK_TO_BACK = 200
EVE_OF_HARD = 100
# Preferences, much smaller than any conflict: a Nordic day for accessories, an easy-run day for strength.
SAME_DAY_AS_NORDIC = -3
AFTER_EASY_RUN = -1


@dataclass(frozen=True)
class Conflict:
    """One constraint a placement breaks."""

    weight: int
    text: str


@dataclass(frozen=True)
class Day:
    """One date as the runner's week makes it: runs, hard sessions, other strength work, races."""

    date: dt.date
    weekday: str
    is_run: bool
    is_long: bool
    is_hard: bool
    is_strength: bool
    race: Race | None

    @property
    def name(self) -> str:
        """ "Wednesday"."""
        return DAY_NAMES[self.date.weekday()]

    @property
    def is_easy_run(self) -> bool:
        """An easy run: a running day that is neither long nor hard, and no race."""
        return self.is_run and not self.is_long and not self.is_hard and self.race is None

    @property
    def is_heavy(self) -> bool:
        """A day whose eve should stay free of hamstring strength."""
        return self.is_long or self.is_hard or self.race is not None


def day_of(date: dt.date, profile: Profile) -> Day:
    """How the profile's week makes a date."""
    weekday = WEEKDAYS[date.weekday()]
    race = next((r for r in profile.races if r.date == date), None)
    return Day(
        date=date,
        weekday=weekday,
        is_run=weekday in profile.running_days or weekday == profile.long_run_day,
        is_long=weekday == profile.long_run_day,
        is_hard=weekday in profile.hard_days,
        is_strength=weekday in profile.strength_days,
        race=race,
    )


def strength_conflicts(day: Day, next_day: Day) -> list[Conflict]:
    """What hamstring strength on `day` would break, heaviest first."""
    out: list[Conflict] = []
    if day.is_long:
        out.append(Conflict(LONG_RUN, "on the long-run day"))
    if day.race is not None:
        out.append(Conflict(RACE_DAY, f"on the day of the {day.race.name}"))
    if day.is_hard:
        out.append(Conflict(HARD_DAY, f"on {day.name}'s hard day"))
    if day.is_strength:
        out.append(Conflict(OTHER_STRENGTH, f"on your other strength day ({day.name})"))
    if next_day.is_heavy:
        out.append(Conflict(EVE_OF_HARD, f"the day before {_heavy_text(next_day)}"))
    return out


def cost(conflicts: Iterable[Conflict]) -> int:
    """The total weight of a placement's conflicts."""
    return sum(c.weight for c in conflicts)


@dataclass(frozen=True)
class Slot:
    """A candidate day with its conflicts and preference."""

    day: Day
    conflicts: tuple[Conflict, ...]
    bonus: int = 0

    @property
    def cost(self) -> int:
        return cost(self.conflicts) + self.bonus


@dataclass(frozen=True)
class Placement:
    """Chosen days and, per day, the constraints that gave way."""

    days: tuple[Day, ...]
    gave_way: dict[dt.date, tuple[str, ...]]


def place(
    slots: Sequence[Slot],
    count: int,
    *,
    spaced_from: Iterable[dt.date] = (),
    min_gap: int = 1,
    spacing_text: str = "",
) -> Placement:
    """Choose up to `count` slots with the least total conflict, then the widest spacing, then the earliest.

    `spaced_from` are dates already holding this kind of session (done, kept); chosen days closer than
    `min_gap` days to each other or to them cost BACK_TO_BACK each (the text names the other day).
    """
    taken = sorted(set(spaced_from))
    count = min(count, len(slots))
    if count <= 0:
        return Placement((), {})
    best: tuple[tuple[int, int, tuple[dt.date, ...]], tuple[Slot, ...]] | None = None
    for combo in itertools.combinations(slots, count):
        dates = [s.day.date for s in combo]
        total = sum(s.cost for s in combo) + BACK_TO_BACK * len(_close_pairs(dates, taken, min_gap))
        every = sorted([*dates, *taken])
        widest = min((b - a).days for a, b in itertools.pairwise(every)) if len(every) > 1 else 99
        key = (total, -widest, tuple(dates))
        if best is None or key < best[0]:
            best = (key, combo)
    assert best is not None
    chosen = best[1]
    dates = [s.day.date for s in chosen]
    gave_way: dict[dt.date, tuple[str, ...]] = {}
    for slot in chosen:
        notes = [c.text for c in slot.conflicts]
        for a, b in _close_pairs(dates, taken, min_gap):
            if spacing_text and slot.day.date in (a, b):
                other = b if slot.day.date == a else a
                if other in dates and slot.day.date < other:
                    continue  # the pair is told once, on its later day
                side = "after" if other < slot.day.date else "before"
                notes.append(f"the day {side} {DAY_NAMES[other.weekday()]}'s {spacing_text}")
        if notes:
            gave_way[slot.day.date] = tuple(notes)
    return Placement(tuple(s.day for s in chosen), gave_way)


def _close_pairs(dates: Sequence[dt.date], taken: Sequence[dt.date], min_gap: int) -> list[tuple[dt.date, dt.date]]:
    pairs = [(a, b) for a, b in itertools.combinations(sorted(dates), 2) if (b - a).days < min_gap]
    pairs += [(t, d) for d in dates for t in taken if abs((d - t).days) < min_gap]
    return pairs


def where_text(day: Day) -> str:
    """ "after Wednesday's easy run", "Friday, no run"."""
    if day.race is not None:
        return f"{day.name}, after the {day.race.name}"
    if day.is_long:
        return f"after {day.name}'s long run"
    if day.is_hard:
        return f"after {day.name}'s hard session"
    if day.is_run:
        return f"after {day.name}'s easy run"
    return f"{day.name}, no run"


def ahead_text(day: Day, profile: Profile) -> str | None:
    """How far the next long run, hard day or race is: "2 days before the long run" (None if not this week)."""
    for gap in range(1, 8):
        later = day_of(day.date + dt.timedelta(days=gap), profile)
        if later.is_heavy:
            if gap == 1:
                return f"the day before {_heavy_text(later)}"
            return f"{gap} days before {_heavy_text(later)}"
    return None


def _heavy_text(day: Day) -> str:
    if day.race is not None:
        return f"the {day.race.name}"
    if day.is_long:
        return "the long run"
    return f"{day.name}'s hard session"
