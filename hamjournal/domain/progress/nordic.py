"""The Nordic chart: reps a week, the ladder step used, deload weeks, and its sentence."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from hamjournal.domain.library.exercises import EXERCISES
from hamjournal.domain.progress.buckets import bucket_index, per_week
from hamjournal.domain.progress.data import ProgressInputs
from hamjournal.domain.progress.rows import DayRows
from hamjournal.domain.progress.sentences import sentence, volume_trend
from hamjournal.domain.progress.series import step_index, step_series


@dataclass(frozen=True)
class NordicData:
    """Reps a week for each of the frame's weeks (a bucket's mean week for long ranges), the hardest ladder
    step used each day (or bucket) as a ladder index, the ladder's step slugs, and the deload weeks."""

    weekly_reps: tuple[float, ...]
    steps: tuple[tuple[dt.date, int], ...]
    ladder: tuple[str, ...]
    deload_weeks: tuple[dt.date, ...]
    summary: str


def build(inputs: ProgressInputs) -> NordicData:
    """The Nordic chart's data and sentence."""
    frame, rows = inputs.frame, inputs.rows
    if isinstance(rows, DayRows):
        nordic = [v for v in rows.volumes if v.exercise == "nordic" and frame.start <= v.date <= frame.end]
        reps = tuple(v for _, v in inputs.totals.weekly_reps)
        steps = tuple(step_series(nordic, "nordic"))
    else:
        weekly = [v for v in rows.volumes if v.exercise == "nordic"]
        reps = per_week(frame.weeks, frame.end, ((v.week, float(v.reps)) for v in weekly))
        hardest: dict[int, int] = {}
        for row in weekly:
            index = step_index("nordic", row.step)
            if index is not None:
                bucket = bucket_index(frame.weeks, row.week)
                hardest[bucket] = max(index, hardest.get(bucket, index))
        steps = tuple((frame.weeks[i], s) for i, s in sorted(hardest.items()))
    ladder = tuple(s.slug for s in EXERCISES["nordic"].ladder)
    return NordicData(reps, steps, ladder, inputs.deload_weeks, _summary(inputs, steps, ladder))


def _summary(inputs: ProgressInputs, steps: tuple[tuple[dt.date, int], ...], ladder: tuple[str, ...]) -> str:
    """ "Nordic volume +40% in 6 weeks (25 to 35 reps a week); now at step 3 of 6, incline; 1 deload week."."""
    step_text = None
    if steps:
        _, index = steps[-1]
        step = EXERCISES["nordic"].ladder[index]
        step_text = f"now at step {index + 1} of {len(ladder)}, {step.name.lower()}"
    deloads = inputs.deload_weeks
    deload_text = f"{len(deloads)} deload week{'s' if len(deloads) != 1 else ''}"
    return sentence(
        [
            volume_trend("Nordic volume", inputs.totals.weekly_reps, inputs.frame.today, "reps"),
            step_text,
            deload_text if deloads else None,
        ],
        f"No Nordic sessions {inputs.frame.in_range}.",
    )
