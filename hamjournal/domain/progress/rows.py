"""What the store's aggregate queries return: one row per day (short windows) or per Monday week (long ones).

Day rows are exact per day; week rows carry sums and day counts, so means over logged days stay exact whatever
the chart's bucket size (see `from_weeks`).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

# -- day-level rows -----------------------------------------------------------------------------------------


@dataclass(frozen=True)
class DayVolume:
    """One exercise on one day: how much was done and at which ladder step(s)."""

    date: dt.date
    exercise: str
    sessions: int
    sets: int
    reps: int
    hold_s: int = 0
    steps: tuple[str, ...] = ()


@dataclass(frozen=True)
class DayPain:
    """Pain during strength sessions on one day."""

    date: dt.date
    sessions: int
    max_pain: int
    avg_pain: float


@dataclass(frozen=True)
class DayCheckin:
    """The check-ins of one day at one time of day (morning, after, evening, during-run)."""

    date: dt.date
    when: str
    count: int
    avg_pain: float
    max_pain: int
    avg_stiffness: float | None = None
    avg_sleep_h: float | None = None
    avg_fatigue: float | None = None
    sudden: bool = False


@dataclass(frozen=True)
class DayRun:
    """The runs of one day: minutes, km, session-RPE load and the best sprint finish."""

    date: dt.date
    runs: int
    minutes: float
    km: float = 0.0
    load: float = 0.0
    best_finish_s: float | None = None


# -- week-level rows ----------------------------------------------------------------------------------------


@dataclass(frozen=True)
class WeekVolume:
    """One exercise at one ladder step in one Monday week (`step` None for sessions without a step)."""

    week: dt.date
    exercise: str
    step: str | None
    sessions: int
    sets: int
    reps: int
    hold_s: int = 0


@dataclass(frozen=True)
class WeekPain:
    """Pain during strength sessions in one week: the days with pain, their peak, and the sum of daily peaks."""

    week: dt.date
    days: int
    sessions: int
    max_pain: int
    daily_peak_sum: float


@dataclass(frozen=True)
class WeekCheckin:
    """One week's check-ins at one time of day, as sums of daily means and the days that had each value."""

    week: dt.date
    days: int
    pain_sum: float
    max_pain: int
    stiffness_sum: float = 0.0
    stiffness_days: int = 0
    sleep_sum: float = 0.0
    sleep_days: int = 0
    fatigue_sum: float = 0.0
    fatigue_days: int = 0


@dataclass(frozen=True)
class WeekRun:
    """One week's runs: how many, minutes, km, session-RPE load and the best sprint finish."""

    week: dt.date
    runs: int
    minutes: float
    km: float = 0.0
    load: float = 0.0
    best_finish_s: float | None = None


# -- the rows of one window, as the chart builders receive them ---------------------------------------------


@dataclass(frozen=True)
class DayRows:
    """A short window's day rows. `session_pain` and `checkins` may start ROLLING_DAYS - 1 days before the
    window and `runs` ACWR_WARMUP_DAYS before it, so averages and the load ratio are full from its first day."""

    volumes: tuple[DayVolume, ...]
    session_pain: tuple[DayPain, ...]
    checkins: tuple[DayCheckin, ...]
    runs: tuple[DayRun, ...]


@dataclass(frozen=True)
class WeekRows:
    """A long window's week rows. `morning` holds the morning check-ins; `recent_runs` are day rows for the
    load ratio, from ACWR_WARMUP_DAYS before its recent window (`ranges.acwr_window_start`) on."""

    volumes: tuple[WeekVolume, ...]
    session_pain: tuple[WeekPain, ...]
    morning: tuple[WeekCheckin, ...]
    runs: tuple[WeekRun, ...]
    recent_runs: tuple[DayRun, ...]
