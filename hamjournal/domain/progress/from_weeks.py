"""The inputs of a long window (6 months, a year, ten years), from the store's week rows.

The store sums each Monday week in SQL (`WeekVolume`, `WeekPain`, `WeekCheckin`, `WeekRun`: one row per week
with data, never one per day or per entry); the charts fold those weeks into at most MAX_CHART_POINTS buckets
(`buckets`). Everything a sentence or a marker needs is computed from the weeks themselves, so it is exact
whatever the bucket size:

- deload weeks are detected on the weekly Nordic sums, as for short ranges;
- the load ratio needs days: it is charted over the recent ACWR_RECENT_RANGE window only, from day rows;
- the sprint sentence takes the runs' first and fastest finish from the store (`sprint_first`, `sprint_best`).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence

from hamjournal.domain.models import Assessment, Profile
from hamjournal.domain.progress.buckets import (
    bucket_starts,
    bucket_weeks,
    overall_mean,
    weekly_day_means,
    weekly_totals,
)
from hamjournal.domain.progress.data import Frame, ProgressInputs, WeekTotals
from hamjournal.domain.progress.markers import detected_deload_weeks, markers, reassessment_due
from hamjournal.domain.progress.ranges import weeks
from hamjournal.domain.progress.rows import DayRun, WeekCheckin, WeekPain, WeekRows, WeekRun, WeekVolume
from hamjournal.domain.thresholds import pain_limit


def inputs_from_weeks(
    range_key: str,
    start: dt.date,
    end: dt.date,
    today: dt.date,
    profile: Profile,
    volumes: Sequence[WeekVolume],
    session_pain: Sequence[WeekPain],
    morning: Sequence[WeekCheckin],
    runs: Sequence[WeekRun],
    recent_runs: Sequence[DayRun],
    first_load_day: dt.date | None,
    sprint_first: tuple[dt.date, float] | None,
    sprint_best: tuple[dt.date, float] | None,
    assessments: Sequence[Assessment],
    plan_deload_days: Sequence[dt.date],
    last_assessed: dt.date | None,
    first_logged: dt.date | None,
) -> ProgressInputs:
    """What the charts of a long window are built from (see the module docstring).

    `start` is a Monday. `morning` holds the morning check-ins. `recent_runs` are day rows from
    ACWR_WARMUP_DAYS before `acwr_start` (the later of `start` and the recent ACWR_RECENT_RANGE window) to
    `end`; the ratio is charted from `acwr_start` on.
    """
    mondays = weeks(start, end)
    size = bucket_weeks(start, end)
    weekly_reps = weekly_totals(mondays, ((v.week, float(v.reps)) for v in volumes if v.exercise == "nordic"))
    deloads = detected_deload_weeks(weekly_reps, today, plan_deload_days)

    inside = [a for a in assessments if start <= a.date <= end]
    shown = tuple(sorted(inside, key=lambda a: (a.date, a.id or 0)))
    frame = Frame(
        range_key,
        start,
        end,
        today,
        tuple(bucket_starts(start, end, size)),
        tuple(markers(profile, start, end, deloads)),
        bucket_weeks=size,
        daily=False,
    )
    totals = WeekTotals(
        weekly_reps=weekly_reps,
        weekly_morning_pain=weekly_day_means(mondays, ((c.week, c.pain_sum, c.days) for c in morning)),
        weekly_morning_stiffness=weekly_day_means(
            mondays, ((c.week, c.stiffness_sum, c.stiffness_days) for c in morning)
        ),
        weekly_minutes=weekly_totals(mondays, ((r.week, r.minutes) for r in runs)),
        sleep_mean=overall_mean((c.sleep_sum, c.sleep_days) for c in morning),
        fatigue_mean=overall_mean((c.fatigue_sum, c.fatigue_days) for c in morning),
        sprint_first=sprint_first,
        sprint_best=sprint_best,
    )
    return ProgressInputs(
        frame=frame,
        pain_limit=int(pain_limit(profile.mode).value),
        deload_weeks=tuple(deloads),
        assessments=shown,
        reassessment_due=reassessment_due(last_assessed, today, first_logged),
        first_load_day=first_load_day,
        totals=totals,
        rows=WeekRows(tuple(volumes), tuple(session_pain), tuple(morning), tuple(runs), tuple(recent_runs)),
    )
