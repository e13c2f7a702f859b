"""Blocks of the season: base, build, peak and taper toward the next A race, or rolling base/build without one.

Weeks run Monday to Sunday. Deload weeks follow the rules' cadence (every `profile.deload_every`th week, 4-6,
counted from the start of the runner's current training run, by `advice.deload.training_anchor`), so the plan
and the advice agree. A taper (and the week after an A race) is treated as a deload: fewer sets, same sessions.
The emphasis of the accessory work rotates eccentric -> isometric -> concentric from one deload cycle to the
next, not week by week: an exercise done every week can climb its ladder, while one that came back only every
third week would meet the rules' lapse (more than 14 days off: restart lower) every time. Taper, race and
recovery weeks use isometric work, which leaves the least soreness.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from hamjournal.domain.advice.deload import training_anchor as training_anchor  # the one anchor, shared
from hamjournal.domain.models import Profile, Race
from hamjournal.domain.planner.constants import (
    BUILD_WEEKS,
    HALF_RACE_KM,
    PEAK_WEEKS,
    SHORT_RACE_KM,
    TAPER_WEEKS_HALF,
    TAPER_WEEKS_LONG,
    TAPER_WEEKS_SHORT,
)
from hamjournal.domain.thresholds import DELOAD_EVERY_MAX, DELOAD_EVERY_MIN

BLOCKS: tuple[str, ...] = ("base", "build", "peak", "taper", "recovery", "rehab")
EMPHASES: tuple[str, ...] = ("eccentric", "isometric", "concentric")
_WEEK = 7


@dataclass(frozen=True)
class SeasonWeek:
    """One Monday-to-Sunday week of the season."""

    start: dt.date
    block: str
    block_week: int
    block_weeks: int
    cycle_week: int
    deload: bool
    emphasis: str
    race: Race | None = None  # the A race the block leads to
    race_week: bool = False

    @property
    def end(self) -> dt.date:
        """The Sunday."""
        return self.start + dt.timedelta(days=_WEEK - 1)

    @property
    def deload_reason(self) -> str | None:
        """Why the week is light, in a runner's words."""
        if not self.deload:
            return None
        if self.block == "taper":
            return "race week: low-volume maintenance" if self.race_week else "taper: fewer sets, same sessions"
        if self.block == "recovery":
            return "the week after your A race: fewer sets"
        return f"deload week {self.cycle_week}: fewer sets, same sessions"


def monday(day: dt.date) -> dt.date:
    """The Monday of the week holding `day`."""
    return day - dt.timedelta(days=day.weekday())


def deload_every(profile: Profile) -> int:
    """The profile's deload cadence, clamped to 4-6 weeks as the rules clamp it."""
    return min(max(int(profile.deload_every), int(DELOAD_EVERY_MIN.value)), int(DELOAD_EVERY_MAX.value))


def next_a_race(profile: Profile, on_or_after: dt.date) -> Race | None:
    """The first A race on or after a day."""
    races = sorted((r for r in profile.races if r.priority == "A" and r.date >= on_or_after), key=lambda r: r.date)
    return races[0] if races else None


def taper_weeks(race: Race) -> int:
    """Taper length in weeks, the race week included: 1 up to 10 km, 2 up to the half, 3 beyond."""
    if race.distance_km <= SHORT_RACE_KM:
        return int(TAPER_WEEKS_SHORT.value)
    if race.distance_km <= HALF_RACE_KM:
        return int(TAPER_WEEKS_HALF.value)
    return int(TAPER_WEEKS_LONG.value)


def season(
    today: dt.date, weeks: int, profile: Profile, anchor: dt.date | None
) -> tuple[SeasonWeek, ...]:
    """`weeks` weeks from the one holding today, each with its block, deload flag and emphasis."""
    first = monday(today)
    origin = monday(anchor) if anchor is not None and anchor <= today else first
    every = deload_every(profile)
    out = []
    for index in range(weeks):
        start = first + dt.timedelta(weeks=index)
        out.append(_week(start, origin, every, profile))
    return tuple(out)


def _week(start: dt.date, origin: dt.date, every: int, profile: Profile) -> SeasonWeek:
    cycle = (start - origin).days // _WEEK  # 0-based weeks since the training run began
    cycle_week = cycle + 1
    # The deload week closes its cycle, so a cycle's weeks are cycle_week 1..every.
    emphasis = EMPHASES[(cycle // every) % len(EMPHASES)]
    scheduled_deload = cycle_week % every == 0
    if profile.mode == "rehab":
        return SeasonWeek(start, "rehab", cycle_week, cycle_week, cycle_week, scheduled_deload, emphasis)
    end = start + dt.timedelta(days=_WEEK - 1)
    # The week after an A race (whose race fell last week) recovers before anything else begins.
    last_week = start - dt.timedelta(days=_WEEK)
    if any(r.priority == "A" and last_week <= r.date < start for r in profile.races):
        return SeasonWeek(start, "recovery", 1, 1, cycle_week, True, "isometric")
    race = next_a_race(profile, start)
    if race is None:
        # Rolling blocks, as long as the deload cycle, ending on its deload week: base, build, base, build ...
        # counted from the training run's start, or afresh from base after the recovery week of an A race.
        since = (start - origin).days // _WEEK
        past = [r.date for r in profile.races if r.priority == "A" and r.date < start]
        if past:
            since = min(since, (start - monday(max(past))).days // _WEEK - 2)
        name = "base" if (since // every) % 2 == 0 else "build"
        return SeasonWeek(start, name, since % every + 1, every, cycle_week, scheduled_deload, emphasis)
    weeks_out = (monday(race.date) - start).days // _WEEK  # 0 = the race week
    taper = taper_weeks(race)
    peak, build = int(PEAK_WEEKS.value), int(BUILD_WEEKS.value)
    if weeks_out < taper:
        return SeasonWeek(start, "taper", taper - weeks_out, taper, cycle_week, True, "isometric", race,
                          race.date <= end)
    if weeks_out < taper + peak:
        return SeasonWeek(start, "peak", taper + peak - weeks_out, peak, cycle_week, scheduled_deload, emphasis, race)
    if weeks_out < taper + peak + build:
        week = taper + peak + build - weeks_out
        return SeasonWeek(start, "build", week, build, cycle_week, scheduled_deload, emphasis, race)
    # Base runs from the start of the training run (or this week) to the build.
    base_weeks = max(weeks_out - (taper + peak + build) + 1 + cycle, 1)
    return SeasonWeek(start, "base", cycle + 1, base_weeks, cycle_week, scheduled_deload, emphasis, race)
