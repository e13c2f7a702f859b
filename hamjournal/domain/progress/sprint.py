"""The sprint chart: sprint-finish times from runs and from sprint-finish tests; lower is faster."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from hamjournal.domain.progress.buckets import bucket_index
from hamjournal.domain.progress.data import ProgressInputs
from hamjournal.domain.progress.rows import DayRows
from hamjournal.domain.progress.sentences import sentence


@dataclass(frozen=True)
class SprintData:
    """The best finish of each day (or bucket) with runs, and the sprint-finish test results on their days."""

    runs: tuple[tuple[dt.date, float], ...]
    tests: tuple[tuple[dt.date, float], ...]
    summary: str


def build(inputs: ProgressInputs) -> SprintData:
    """The sprint chart's data and sentence."""
    frame, rows = inputs.frame, inputs.rows
    if isinstance(rows, DayRows):
        runs = tuple(
            (r.date, r.best_finish_s)
            for r in rows.runs
            if frame.start <= r.date <= frame.end and r.best_finish_s is not None
        )
    else:
        fastest: dict[int, float] = {}
        for r in rows.runs:
            if r.best_finish_s is not None:
                bucket = bucket_index(frame.weeks, r.week)
                fastest[bucket] = min(r.best_finish_s, fastest.get(bucket, r.best_finish_s))
        runs = tuple((frame.weeks[i], s) for i, s in sorted(fastest.items()))
    tests = tuple(
        (a.date, a.value) for a in inputs.assessments if a.test == "sprint-finish-s" and a.value is not None
    )
    return SprintData(runs, tests, _summary(inputs, tests))


def _summary(inputs: ProgressInputs, tests: tuple[tuple[dt.date, float], ...]) -> str:
    """ "Best sprint finish 14.2 s on 12 Nov, from 15.1 s on 02 Sep.": the runs' extremes and the tests."""
    totals = inputs.totals
    runs_first = () if totals.sprint_first is None else (totals.sprint_first,)
    runs_best = () if totals.sprint_best is None else (totals.sprint_best,)
    text = None
    if runs_first or tests:
        best_day, best = min(runs_best + tests, key=lambda p: (p[1], p[0]))
        first_day, first = min(runs_first + tests)
        text = f"best sprint finish {best:g} s on {best_day:%d %b}"
        if first_day != best_day:
            text += f", from {first:g} s on {first_day:%d %b}"
    return sentence([text], f"No sprint finishes logged {inputs.frame.in_range}.")
