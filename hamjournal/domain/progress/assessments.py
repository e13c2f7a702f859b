"""The assessments chart: the difference between legs of each paired test over time, the latest symmetry."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from hamjournal.domain.models import PAIRED_TESTS, Assessment
from hamjournal.domain.progress.asymmetry import (
    TEST_NAMES,
    TEST_UNITS,
    Asymmetry,
    assessment_asymmetry,
    latest_assessments,
)
from hamjournal.domain.progress.buckets import latest_per_bucket
from hamjournal.domain.progress.data import ProgressInputs
from hamjournal.domain.progress.rows import DayRows
from hamjournal.domain.progress.sentences import sentence


@dataclass(frozen=True)
class AssessmentsData:
    """The window's assessments (by date and id), the asymmetry points to chart (every paired result by day;
    by bucket, each test's latest result in each bucket), and the date a reassessment became due."""

    assessments: tuple[Assessment, ...]
    asymmetries: tuple[tuple[dt.date, Asymmetry], ...]
    reassessment_due: dt.date | None
    summary: str


def build(inputs: ProgressInputs) -> AssessmentsData:
    """The assessments chart's data and sentence."""
    shown = inputs.assessments
    if isinstance(inputs.rows, DayRows):
        asyms = tuple((a.date, x) for a in shown if (x := assessment_asymmetry(a)) is not None)
    else:
        asyms = latest_per_bucket(inputs.frame.weeks, shown)
    return AssessmentsData(shown, asyms, inputs.reassessment_due, _summary(inputs))


def _summary(inputs: ProgressInputs) -> str:
    """ "Single-leg bridge L 22 reps / R 25 reps, left weaker by 12% (symmetry 88%); reassessment due …"."""
    latest = latest_assessments(inputs.assessments)
    parts = []
    for test in PAIRED_TESTS:
        item = latest.get(test)
        asym = assessment_asymmetry(item) if item else None
        if item is not None and asym is not None:
            unit = TEST_UNITS[test]
            parts.append(f"{TEST_NAMES[test]} L {item.left:g}{unit} / R {item.right:g}{unit}, {asym.describe()}")
    due = inputs.reassessment_due
    due_text = f"reassessment due since {due:%d %b}" if due else None
    return sentence([*parts, due_text], f"No paired assessments {inputs.frame.in_range}.")
