"""The inputs of a window charted by day (at most MAX_CHART_POINTS days), from the store's day rows."""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from collections.abc import Sequence

from hamjournal.domain.models import Assessment, Profile
from hamjournal.domain.progress.data import Frame, ProgressInputs, WeekTotals
from hamjournal.domain.progress.markers import detected_deload_weeks, markers, reassessment_due
from hamjournal.domain.progress.ranges import weeks
from hamjournal.domain.progress.rows import DayCheckin, DayPain, DayRows, DayRun, DayVolume
from hamjournal.domain.progress.series import mean_inside, weekly_means, weekly_sums
from hamjournal.domain.thresholds import pain_limit


def inputs_from_days(
    range_key: str,
    start: dt.date,
    end: dt.date,
    today: dt.date,
    profile: Profile,
    volumes: Sequence[DayVolume],
    session_pain: Sequence[DayPain],
    checkins: Sequence[DayCheckin],
    runs: Sequence[DayRun],
    first_load_day: dt.date | None,
    assessments: Sequence[Assessment],
    plan_deload_days: Sequence[dt.date],
    last_assessed: dt.date | None,
    first_logged: dt.date | None,
) -> ProgressInputs:
    """What the charts of a short window are built from (see `ranges.points_are_days`; longer windows go
    through `from_weeks.inputs_from_weeks`).

    `plan_deload_days` are days with a Nordic plan item marked as a deload. `session_pain` and `checkins` may
    start ROLLING_DAYS - 1 days before `start` and `runs` up to ACWR_WARMUP_DAYS before it, so averages and
    the load ratio are full from the first day shown.
    """
    inside = lambda d: start <= d <= end  # noqa: E731 - a one-line filter reads best inline
    nordic_daily: dict[dt.date, float] = defaultdict(float)
    for row in volumes:
        if row.exercise == "nordic" and inside(row.date):
            nordic_daily[row.date] += row.reps
    weekly_reps = weekly_sums(nordic_daily, start, end)
    deloads = detected_deload_weeks(weekly_reps, today, plan_deload_days)

    morning = [c for c in checkins if c.when == "morning"]
    m_pain = {c.date: c.avg_pain for c in morning}
    m_stiff = {c.date: c.avg_stiffness for c in morning if c.avg_stiffness is not None}
    sleep = {c.date: c.avg_sleep_h for c in morning if c.avg_sleep_h is not None}
    fatigue = {c.date: c.avg_fatigue for c in morning if c.avg_fatigue is not None}
    in_runs = [r for r in runs if inside(r.date)]
    sprint_runs = [(r.date, r.best_finish_s) for r in in_runs if r.best_finish_s is not None]

    shown = tuple(sorted((a for a in assessments if inside(a.date)), key=lambda a: (a.date, a.id or 0)))
    frame = Frame(range_key, start, end, today, tuple(weeks(start, end)), tuple(markers(profile, start, end, deloads)))
    totals = WeekTotals(
        weekly_reps=weekly_reps,
        weekly_morning_pain=weekly_means(m_pain, start, end),
        weekly_morning_stiffness=weekly_means(m_stiff, start, end),
        weekly_minutes=weekly_sums({r.date: r.minutes for r in in_runs}, start, end),
        sleep_mean=mean_inside(sleep, start, end),
        fatigue_mean=mean_inside(fatigue, start, end),
        sprint_first=min(sprint_runs, default=None),
        sprint_best=min(sprint_runs, key=lambda p: (p[1], p[0]), default=None),
    )
    return ProgressInputs(
        frame=frame,
        pain_limit=int(pain_limit(profile.mode).value),
        deload_weeks=tuple(deloads),
        assessments=shown,
        reassessment_due=reassessment_due(last_assessed, today, first_logged),
        first_load_day=first_load_day,
        totals=totals,
        rows=DayRows(tuple(volumes), tuple(session_pain), tuple(checkins), tuple(runs)),
    )
