"""The pain chart: session pain, morning pain and stiffness with their averages, sleep and fatigue beside it."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from hamjournal.domain.progress.buckets import bucket_index, means_by_bucket
from hamjournal.domain.progress.data import ProgressInputs
from hamjournal.domain.progress.rows import DayRows
from hamjournal.domain.progress.sentences import score_trend, sentence
from hamjournal.domain.progress.series import rolling_mean

Points = tuple[tuple[dt.date, float], ...]
Line = tuple[tuple[dt.date, float | None], ...]


@dataclass(frozen=True)
class PainData:
    """Pain, stiffness and recovery, with the mode's pain limit.

    Charted by day, points are days and the *_avg7 lines 7-day means; by bucket, points are buckets:
    session_pain the peak, the others the mean of the logged days, and *_avg7 the bucket means.
    """

    session_pain: tuple[tuple[dt.date, int], ...]
    session_pain_avg7: Line
    morning_pain: Points
    morning_pain_avg7: Line
    morning_stiffness: Points
    morning_stiffness_avg7: Line
    sleep_h: Points
    fatigue: Points
    pain_limit: int
    summary: str


def build(inputs: ProgressInputs) -> PainData:
    """The pain chart's data and sentence."""
    frame, rows = inputs.frame, inputs.rows
    start, end = frame.start, frame.end
    if isinstance(rows, DayRows):
        inside = lambda d: start <= d <= end  # noqa: E731 - a one-line filter reads best inline
        pain_by_day = {p.date: float(p.max_pain) for p in rows.session_pain}
        morning = [c for c in rows.checkins if c.when == "morning"]
        m_pain = {c.date: c.avg_pain for c in morning}
        m_stiff = {c.date: c.avg_stiffness for c in morning if c.avg_stiffness is not None}
        sleep = {c.date: c.avg_sleep_h for c in morning if c.avg_sleep_h is not None}
        fatigue = {c.date: c.avg_fatigue for c in morning if c.avg_fatigue is not None}
        return _with_summary(
            inputs,
            session_pain=tuple((p.date, p.max_pain) for p in rows.session_pain if inside(p.date)),
            session_pain_avg7=tuple(rolling_mean(pain_by_day, start, end)),
            morning_pain=tuple(sorted((d, v) for d, v in m_pain.items() if inside(d))),
            morning_pain_avg7=tuple(rolling_mean(m_pain, start, end)),
            morning_stiffness=tuple(sorted((d, v) for d, v in m_stiff.items() if inside(d))),
            morning_stiffness_avg7=tuple(rolling_mean(m_stiff, start, end)),
            sleep_h=tuple(sorted((d, v) for d, v in sleep.items() if inside(d))),
            fatigue=tuple(sorted((d, v) for d, v in fatigue.items() if inside(d))),
        )
    starts = frame.weeks
    peaks: dict[int, int] = {}
    for p in rows.session_pain:
        bucket = bucket_index(starts, p.week)
        peaks[bucket] = max(p.max_pain, peaks.get(bucket, p.max_pain))
    m_pain_means = tuple(means_by_bucket(starts, ((c.week, c.pain_sum, c.days) for c in rows.morning)))
    m_stiff_means = tuple(
        means_by_bucket(starts, ((c.week, c.stiffness_sum, c.stiffness_days) for c in rows.morning))
    )
    return _with_summary(
        inputs,
        session_pain=tuple((starts[i], p) for i, p in sorted(peaks.items())),
        session_pain_avg7=tuple(
            means_by_bucket(starts, ((p.week, p.daily_peak_sum, p.days) for p in rows.session_pain))
        ),
        morning_pain=m_pain_means,
        morning_pain_avg7=m_pain_means,
        morning_stiffness=m_stiff_means,
        morning_stiffness_avg7=m_stiff_means,
        sleep_h=tuple(means_by_bucket(starts, ((c.week, c.sleep_sum, c.sleep_days) for c in rows.morning))),
        fatigue=tuple(means_by_bucket(starts, ((c.week, c.fatigue_sum, c.fatigue_days) for c in rows.morning))),
    )


def _with_summary(
    inputs: ProgressInputs,
    *,
    session_pain: tuple[tuple[dt.date, int], ...],
    session_pain_avg7: Line,
    morning_pain: Points,
    morning_pain_avg7: Line,
    morning_stiffness: Points,
    morning_stiffness_avg7: Line,
    sleep_h: Points,
    fatigue: Points,
) -> PainData:
    """The data with its sentence: trends over whole weeks, the peak session pain, the recovery means."""
    totals, today, limit = inputs.totals, inputs.frame.today, inputs.pain_limit
    peak = f"session pain peaked at {max(v for _, v in session_pain)}/10 (limit {limit})" if session_pain else None
    recovery = []
    if totals.sleep_mean is not None:
        recovery.append(f"sleep averaged {totals.sleep_mean:.1f} h")
    if totals.fatigue_mean is not None:
        recovery.append(f"fatigue {totals.fatigue_mean:.1f}/10")
    summary = sentence(
        [
            score_trend("morning pain", totals.weekly_morning_pain, today),
            score_trend("morning stiffness", totals.weekly_morning_stiffness, today),
            peak,
            ", ".join(recovery) or None,
        ],
        f"No pain or stiffness logged {inputs.frame.in_range}.",
    )
    return PainData(
        session_pain,
        session_pain_avg7,
        morning_pain,
        morning_pain_avg7,
        morning_stiffness,
        morning_stiffness_avg7,
        sleep_h,
        fatigue,
        limit,
        summary,
    )
