"""What every chart of one range shares, what its builders receive, and the container of the built charts.

The progress screen's data for a range is made in two steps: the rows read for the window become
`ProgressInputs` (`from_days.inputs_from_days` for a short window, `from_weeks.inputs_from_weeks` for a long
one), then each chart's `build` function (one module per chart: `nordic`, `pain`, `running`, `sprint`,
`assessments`) turns those into its own data class, sentence included. `build_progress` runs the builders the
caller names (the progress screen's chart registry) and keeps the results in a `ProgressData`.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any, Protocol

from hamjournal.domain.models import Assessment
from hamjournal.domain.progress.markers import Marker
from hamjournal.domain.progress.ranges import RANGE_PHRASES
from hamjournal.domain.progress.rows import DayRows, WeekRows
from hamjournal.domain.progress.sentences import score_trend, sentence, volume_trend


@dataclass(frozen=True)
class Frame:
    """The window every chart of a range is drawn on, and the dates marked on all of them.

    `weeks` holds the first Monday of each bucket of `bucket_weeks` weeks (the first bucket may be shorter: it
    starts with the window). With `daily`, points are days; without, they are buckets.
    """

    range_key: str
    start: dt.date
    end: dt.date
    today: dt.date
    weeks: tuple[dt.date, ...]
    markers: tuple[Marker, ...] = ()
    bucket_weeks: int = 1
    daily: bool = True

    @property
    def in_range(self) -> str:
        """The range as the end of a sentence: "No runs logged in the last 12 weeks."."""
        return RANGE_PHRASES.get(self.range_key, "in this range")


@dataclass(frozen=True)
class WeekTotals:
    """What the sentences need beyond the charted series, at week resolution whatever the chart's buckets.

    Trends compare whole weeks (TREND_EDGE_WEEKS at each end), so they read the same at every range and chart
    resolution. Means are over logged days; the sprint extremes are the runs' own (tests are added by the
    sprint chart): the earliest (ties: fastest) and the fastest (ties: earliest).
    """

    weekly_reps: Sequence[tuple[dt.date, float]]
    weekly_morning_pain: Sequence[tuple[dt.date, float | None]]
    weekly_morning_stiffness: Sequence[tuple[dt.date, float | None]]
    weekly_minutes: Sequence[tuple[dt.date, float]]
    sleep_mean: float | None
    fatigue_mean: float | None
    sprint_first: tuple[dt.date, float] | None
    sprint_best: tuple[dt.date, float] | None


@dataclass(frozen=True)
class ProgressInputs:
    """Everything a chart's `build` function may use: the frame, what all charts share, and the window's rows.

    `rows` is `DayRows` for a window charted by day and `WeekRows` for one charted by bucket (`frame.daily`).
    `assessments` are those inside the window, by date and id.
    """

    frame: Frame
    pain_limit: int
    deload_weeks: tuple[dt.date, ...]
    assessments: tuple[Assessment, ...]
    reassessment_due: dt.date | None
    first_load_day: dt.date | None
    totals: WeekTotals
    rows: DayRows | WeekRows


class ChartData(Protocol):
    """What every chart's data class has: the sentence shown under the chart."""

    @property
    def summary(self) -> str: ...


ChartBuilder = Callable[[ProgressInputs], ChartData]


@dataclass(frozen=True)
class ProgressData:
    """The progress screen's data for one range: the frame and each chart's data, by chart name."""

    frame: Frame
    charts: Mapping[str, Any]
    reassessment_due: dt.date | None
    # The one-line summary of the whole range (Nordic volume and morning stiffness).
    trend: str

    @property
    def summaries(self) -> dict[str, str]:
        """The sentence under each chart, by chart name."""
        return {name: chart.summary for name, chart in self.charts.items()}


def build_progress(inputs: ProgressInputs, builders: Mapping[str, ChartBuilder]) -> ProgressData:
    """Build each chart named in `builders` from the window's inputs."""
    totals, today = inputs.totals, inputs.frame.today
    trend = sentence(
        [
            volume_trend("Nordic volume", totals.weekly_reps, today, "reps"),
            score_trend("morning stiffness", totals.weekly_morning_stiffness, today),
        ],
        "Not enough complete weeks yet to show a trend.",
    )
    charts = {name: build(inputs) for name, build in builders.items()}
    return ProgressData(inputs.frame, charts, inputs.reassessment_due, trend)
