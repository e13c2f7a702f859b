"""The running chart: minutes (or km) and session-RPE load a week, the acute:chronic load ratio beside it."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from hamjournal.domain.progress.buckets import per_week
from hamjournal.domain.progress.data import ProgressInputs
from hamjournal.domain.progress.ranges import acwr_window_start
from hamjournal.domain.progress.rows import DayRows
from hamjournal.domain.progress.sentences import sentence, volume_trend
from hamjournal.domain.progress.series import acwr_series, weekly_sums


@dataclass(frozen=True)
class RunningData:
    """Minutes, km and load a week for each of the frame's weeks (a bucket's mean week for long ranges), and
    the load ratio by day from `acwr_start` (the window's start, or the recent window of a long range)."""

    weekly_minutes: tuple[float, ...]
    weekly_km: tuple[float, ...]
    weekly_load: tuple[float, ...]
    acwr: tuple[tuple[dt.date, float], ...]
    acwr_start: dt.date
    summary: str


def build(inputs: ProgressInputs) -> RunningData:
    """The running chart's data and sentence."""
    frame, rows = inputs.frame, inputs.rows
    start, end = frame.start, frame.end
    if isinstance(rows, DayRows):
        in_runs = [r for r in rows.runs if start <= r.date <= end]
        minutes = tuple(v for _, v in weekly_sums({r.date: r.minutes for r in in_runs}, start, end))
        km = tuple(v for _, v in weekly_sums({r.date: r.km for r in in_runs}, start, end))
        loads = tuple(v for _, v in weekly_sums({r.date: r.load for r in in_runs}, start, end))
        acwr_start, day_runs = start, rows.runs
    else:
        minutes = per_week(frame.weeks, end, ((r.week, r.minutes) for r in rows.runs))
        km = per_week(frame.weeks, end, ((r.week, r.km) for r in rows.runs))
        loads = per_week(frame.weeks, end, ((r.week, r.load) for r in rows.runs))
        acwr_start, day_runs = acwr_window_start(start, frame.today), rows.recent_runs
    acwr = tuple(acwr_series(day_runs, inputs.first_load_day, acwr_start, end))
    acwr_text = (
        f"acute:chronic load ratio {acwr[-1][1]:.2f} on {acwr[-1][0]:%d %b} (a description, not a risk score)"
        if acwr
        else "load ratio shown once 28 days of runs with an RPE exist"
    )
    summary = sentence(
        [
            volume_trend("running", inputs.totals.weekly_minutes, frame.today, "min"),
            acwr_text if any(minutes) else None,
        ],
        f"No runs logged {frame.in_range}.",
    )
    return RunningData(minutes, km, loads, acwr, acwr_start, summary)
