"""Where a session may go in the runner's week: day types, placement rules and the "why" of a date.

Hamstring strength goes after easy runs or on light days (rules-reference section 2, Placement).
- Rules that never give way for Nordics (`nordic_bans` and a strict 48 h spacing in `place`): at least 48 h
  apart, also across weeks and against sessions already logged; never on the long-run day or the day before it,
  nor on the day of an A/B race or the day before it; not in the 2 days after any race (3 after a half marathon
  or longer); none in the 3 days before an A race. A session that cannot go anywhere is dropped, and the plan's
  notes say which rules left no day.
- Conflicts that may give way, heaviest first: the long-run day, a race day, a hard day (accepted only when the
  runner's usual week holds too few days without one), the day before a hard session, another strength day
  (profile.strength_days, e.g. gym legs: it may share a day with hamstring work rather than push it next to the
  long run), and for other strength work a session the day after another. The placement picks the days with the
  least total conflict, so the lightest one gives way and the "why" says which.
"""

from __future__ import annotations

import datetime as dt
import functools
import itertools
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass

from hamjournal.domain.models import WEEKDAYS, Profile, Race
from hamjournal.domain.planner.constants import (
    A_RACE_NORDIC_FREE_DAYS,
    A_RACE_STEP_FREEZE_DAYS,
    LONG_RUN_NORDIC_FREE_DAYS,
    RACE_NORDIC_FREE_DAYS,
    RACE_RECOVERY_DAYS,
    RACE_RECOVERY_DAYS_LONG,
    RACE_RECOVERY_LONG_KM,
)

DAY_NAMES = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")
ONE_DAY = dt.timedelta(days=1)

# Conflict weights: only their order matters. A "severe" conflict (a long-run, hard or race day) is accepted
# only when the runner's whole week has too few days without one. The day before a hard session is the last
# resort among the light ones (reference: "only when no other day is free"); another strength day may share.
LONG_RUN = 1000
RACE_DAY = 900
HARD_DAY = 800
SEVERE = HARD_DAY
BACK_TO_BACK = 200
EVE_OF_HARD = 100
OTHER_STRENGTH = 40
# A reassessment is a maximal effort: it wants fresh legs more than any session, so a gym day weighs more for it.
TEST_ON_STRENGTH_DAY = 300
# A week's last session so late that it takes away a day the next week needs for its sessions 48 h apart: worse
# than any conflict a week can choose, since it costs the next week a session.
CARRY_OVER = 10_000
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


def strength_conflicts(day: Day, next_day: Day, *, other_strength: int = OTHER_STRENGTH) -> list[Conflict]:
    """What hamstring strength on `day` would break, heaviest first (`other_strength`: the weight of sharing
    the day with the runner's other strength work)."""
    out: list[Conflict] = []
    if day.is_long:
        out.append(Conflict(LONG_RUN, "on the long-run day"))
    if day.race is not None:
        out.append(Conflict(RACE_DAY, f"on the day of the {day.race.name}"))
    if day.is_hard:
        out.append(Conflict(HARD_DAY, f"on {day.name}'s hard day"))
    if day.is_strength:
        out.append(Conflict(other_strength, f"on your other strength day ({day.name})"))
    if next_day.is_heavy:
        out.append(Conflict(EVE_OF_HARD, f"the day before {_heavy_text(next_day)}"))
    return out


def nordic_bans(date: dt.date, profile: Profile) -> tuple[str, ...]:
    """The rules that never give way which keep Nordics off `date` (empty: a Nordic may go there)."""
    out: list[str] = []
    for ahead in range(int(LONG_RUN_NORDIC_FREE_DAYS.value) + 1):
        if day_of(date + dt.timedelta(days=ahead), profile).is_long:
            out.append("the long-run day" if ahead == 0 else f"{_days(ahead)} before the long run")
    for race in sorted(profile.races, key=lambda r: r.date):
        until = (race.date - date).days
        if until >= 0:
            free = {"A": max(A_RACE_NORDIC_FREE_DAYS.value, RACE_NORDIC_FREE_DAYS.value),
                    "B": RACE_NORDIC_FREE_DAYS.value}.get(race.priority)
            if free is not None and until <= free:
                out.append(f"the day of the {race.name}" if until == 0 else f"{_days(until)} before the {race.name}")
            continue
        long_race = race.distance_km >= RACE_RECOVERY_LONG_KM.value
        recovery = (RACE_RECOVERY_DAYS_LONG if long_race else RACE_RECOVERY_DAYS).value
        if -until <= recovery:
            out.append(f"{_days(-until)} after the {race.name}")
    return tuple(out)


def _days(count: int) -> str:
    return "the day" if count == 1 else f"{count} days"


@functools.cache
def weekly_capacity(
    long_run_day: str | None,
    hard_days: tuple[str, ...],
    gap: int,
    *,
    severe: bool,
    blocked: frozenset[int] = frozenset(),
    cyclic: bool = False,
) -> int:
    """How many Nordic sessions, `gap` days apart, the runner's usual week holds (no races): off the long run and
    its eve, off hard days unless `severe`, off the `blocked` weekdays (0 = Monday). `cyclic`: the same days
    every week, so the gap counts across the weekend too."""
    allowed = []
    for weekday in range(7):
        near_long = any(
            WEEKDAYS[(weekday + ahead) % 7] == long_run_day for ahead in range(int(LONG_RUN_NORDIC_FREE_DAYS.value) + 1)
        )
        if weekday in blocked or near_long or (not severe and WEEKDAYS[weekday] in hard_days):
            continue
        allowed.append(weekday)
    for size in range(len(allowed), 0, -1):
        for combo in itertools.combinations(allowed, size):
            wrap = [combo[0] + 7 - combo[-1]] if cyclic and size > 1 else []
            if all(b - a >= gap for a, b in itertools.pairwise(combo)) and all(w >= gap for w in wrap):
                return size
    return 0


def carry_over_cost(
    profile: Profile, week_end: dt.date, dates: Sequence[dt.date], gap: int, next_sessions: int
) -> int:
    """CARRY_OVER when a week's last Nordic (of `dates`) takes a day the next usual week needs to hold
    `next_sessions` sessions `gap` days apart; 0 otherwise."""
    reach = gap - (week_end + ONE_DAY - max(dates)).days
    if reach <= 0:
        return 0
    long_day, hard = profile.long_run_day, profile.hard_days
    severe = weekly_capacity(long_day, hard, gap, severe=False, cyclic=True) < next_sessions
    free = weekly_capacity(long_day, hard, gap, severe=severe)
    left = weekly_capacity(long_day, hard, gap, severe=severe, blocked=frozenset(range(reach)))
    return CARRY_OVER if left < min(free, next_sessions) else 0


STEP_FREEZE_WEEKS = int(A_RACE_STEP_FREEZE_DAYS.value) // 7


def step_freeze_race(date: dt.date, profile: Profile) -> Race | None:
    """The A race whose last 2 weeks hold `date` (no new Nordic step starts then), if any."""
    freeze = int(A_RACE_STEP_FREEZE_DAYS.value)
    ahead = sorted((r for r in profile.races if r.priority == "A" and 0 < (r.date - date).days <= freeze),
                   key=lambda r: r.date)
    return ahead[0] if ahead else None


def no_room_text(
    open_days: Sequence[Day],
    bans: Mapping[dt.date, tuple[str, ...]],
    nordic_days: Iterable[dt.date],
    booked: Mapping[dt.date, set[str]],
    gap: int,
) -> str:
    """Which rule kept each day left free of Nordics: "no Nordics on Thursday (the day after the Half), ..."."""
    taken = sorted(set(nordic_days))
    reasons = []
    for day in open_days:
        near = [n for n in taken if n != day.date and abs((n - day.date).days) < gap]
        if bans[day.date]:
            reasons.append(f"{day.name} ({', '.join(bans[day.date])})")
        elif "nordic" in booked.get(day.date, set()):
            reasons.append(f"{day.name} (holds one)")
        elif near:
            reasons.append(f"{day.name} (less than {gap * 24} h from {DAY_NAMES[near[0].weekday()]}'s Nordics)")
        elif day.race is not None:
            reasons.append(f"{day.name} (the day of the {day.race.name})")
        else:
            reasons.append(f"{day.name} (a hard day: your usual week has room without it)")
    return "no Nordics on " + ", ".join(reasons) if reasons else "no days left"


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
    strict: bool = False,
    extra_cost: Callable[[Sequence[dt.date]], int] | None = None,
) -> Placement:
    """Choose up to `count` slots with the least total conflict, then the widest spacing, then the earliest.

    `spaced_from` are dates already holding this kind of session (done, kept); chosen days closer than
    `min_gap` days to each other or to them cost BACK_TO_BACK each (the text names the other day). With
    `strict` the spacing never gives way: fewer sessions are placed when `count` cannot be spaced. `extra_cost`
    adds a cost for a whole choice of dates (e.g. what it leaves for the next week).
    """
    taken = sorted(set(spaced_from))
    if strict:
        slots = [s for s in slots if all(abs((s.day.date - t).days) >= min_gap for t in taken)]
    count = min(count, len(slots))
    if count <= 0:
        return Placement((), {})
    best: tuple[tuple[int, int, tuple[dt.date, ...]], tuple[Slot, ...]] | None = None
    for size in range(count, 0, -1):
        for combo in itertools.combinations(slots, size):
            dates = [s.day.date for s in combo]
            close = _close_pairs(dates, taken, min_gap)
            if strict and close:
                continue
            total = sum(s.cost for s in combo) + BACK_TO_BACK * len(close)
            if extra_cost is not None:
                total += extra_cost(dates)
            every = sorted([*dates, *taken])
            widest = min((b - a).days for a, b in itertools.pairwise(every)) if len(every) > 1 else 99
            key = (total, -widest, tuple(dates))
            if best is None or key < best[0]:
                best = (key, combo)
        if best is not None:
            break
    if best is None:
        return Placement((), {})
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
