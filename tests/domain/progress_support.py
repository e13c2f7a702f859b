"""Build the progress screen's data from rows, as the journal does, with every chart of the progress package."""

from __future__ import annotations

from typing import Any

from hamjournal.domain.progress import assessments, nordic, pain, running, sprint
from hamjournal.domain.progress.data import ChartBuilder, ProgressData, build_progress
from hamjournal.domain.progress.from_days import inputs_from_days
from hamjournal.domain.progress.from_weeks import inputs_from_weeks

# The builders the progress screen's registry names (`hamjournal.ui.chart_registry`; checked against it in
# tests/ui/test_progress_screen.py): domain tests do not import the UI.
ALL_CHARTS: dict[str, ChartBuilder] = {
    "nordic": nordic.build,
    "pain": pain.build,
    "running": running.build,
    "sprint": sprint.build,
    "assessments": assessments.build,
}


def progress_from_days(*args: Any, **kwargs: Any) -> ProgressData:
    """Every chart of a window charted by day (the arguments of `inputs_from_days`)."""
    return build_progress(inputs_from_days(*args, **kwargs), ALL_CHARTS)


def progress_from_weeks(*args: Any, **kwargs: Any) -> ProgressData:
    """Every chart of a window charted by bucket (the arguments of `inputs_from_weeks`)."""
    return build_progress(inputs_from_weeks(*args, **kwargs), ALL_CHARTS)
