"""A run as a watch recorded it: per-sample streams, laps and what the file says about the activity."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass, field

RUNNING_SPORTS = frozenset({"running", "run", "trail_running", "treadmill_running", "virtualrun", "trailrun"})


@dataclass(frozen=True)
class Lap:
    """A lap the watch (or the runner) marked; `name` holds a workout step or lap label when the file has one."""

    start_s: float
    duration_s: float
    distance_m: float | None = None
    name: str = ""


@dataclass(frozen=True)
class Recording:
    """One activity from one file, as plain streams of equal length (seconds from the start).

    `distance_m` is cumulative metres and `speed_ms` metres per second, one value per entry of `times_s`; a
    reader fills whichever the file lacks from the other (or from positions). `heart_rate` holds only the
    samples that had one. `utc_offset_s` is the offset of the runner's clock when the file says so (FIT's
    local timestamp, an ISO time with an offset), else None: the importer then uses the machine's time zone.
    """

    start_utc: dt.datetime
    sport: str
    times_s: Sequence[float]
    distance_m: Sequence[float]
    speed_ms: Sequence[float]
    heart_rate: Sequence[int] = ()
    laps: tuple[Lap, ...] = ()
    utc_offset_s: int | None = None
    sub_sport: str = ""
    name: str = ""
    is_race: bool = False
    has_positions: bool = False
    timer_s: float | None = None
    total_distance_m: float | None = field(default=None)

    @property
    def is_running(self) -> bool:
        """True for running of any kind (road, trail, treadmill)."""
        return self.sport.lower().replace(" ", "_") in RUNNING_SPORTS

    def local_start(self, fallback_offset_s: int) -> dt.datetime:
        """The start on the runner's clock (naive), with the file's offset or else `fallback_offset_s`."""
        offset = self.utc_offset_s if self.utc_offset_s is not None else fallback_offset_s
        return (self.start_utc + dt.timedelta(seconds=offset)).replace(tzinfo=None)

    @property
    def distance_total_m(self) -> float:
        """The distance run: the file's own total when it has one, else the last value of the stream."""
        if self.total_distance_m is not None:
            return self.total_distance_m
        return self.distance_m[-1] if self.distance_m else 0.0
