"""Trend clauses and sentences: "Nordic volume +40% in 6 weeks (25 to 35 reps a week)"."""

from __future__ import annotations

import datetime as dt
import statistics
from collections.abc import Iterable, Sequence

from hamjournal.domain.progress.ranges import is_complete_week

# Trends compare the first weeks with data against the last complete weeks, averaged over this many weeks.
TREND_EDGE_WEEKS = 2
# Changes smaller than these read as "steady" rather than as a trend.
STEADY_PERCENT = 5.0
STEADY_SCORE_DELTA = 0.3


def _edges(
    weekly: Sequence[tuple[dt.date, float | None]], today: dt.date, skip_zero: bool
) -> tuple[float, float, int] | None:
    """Mean of the first weeks with data and of the last complete weeks with data, and the weeks between."""
    usable = [
        (w, v) for w, v in weekly if v is not None and is_complete_week(w, today) and not (skip_zero and v <= 0)
    ]
    if len(usable) < 2:
        return None
    edge = min(TREND_EDGE_WEEKS, len(usable) // 2)
    first, last = usable[:edge], usable[-edge:]
    span = (last[-1][0] - first[0][0]).days // 7 + 1
    return (
        statistics.fmean(v for _, v in first),
        statistics.fmean(v for _, v in last),
        span,
    )


def volume_trend(label: str, weekly: Sequence[tuple[dt.date, float]], today: dt.date, unit: str) -> str | None:
    """ "Nordic volume +40% in 6 weeks (25 to 35 reps a week)", or None without two complete weeks."""
    edges = _edges(weekly, today, skip_zero=True)
    if edges is None:
        return None
    first, last, span = edges
    change = (last - first) / first * 100
    if abs(change) < STEADY_PERCENT:
        return f"{label} steady at about {last:.0f} {unit} a week"
    return f"{label} {change:+.0f}% in {span} weeks ({first:.0f} to {last:.0f} {unit} a week)"


def score_trend(label: str, weekly: Sequence[tuple[dt.date, float | None]], today: dt.date) -> str | None:
    """ "morning stiffness down from 3.1 to 1.4", or None without two complete weeks of data."""
    edges = _edges(weekly, today, skip_zero=False)
    if edges is None:
        return None
    first, last, _ = edges
    if abs(last - first) < STEADY_SCORE_DELTA:
        return f"{label} steady at {last:.1f}"
    direction = "down" if last < first else "up"
    return f"{label} {direction} from {first:.1f} to {last:.1f}"


def sentence(parts: Iterable[str | None], empty: str) -> str:
    """Join clauses with semicolons into one sentence, capitalised and ending with a full stop."""
    kept = [p for p in parts if p]
    if not kept:
        return empty
    text = "; ".join(kept)
    return text[0].upper() + text[1:] + ("" if text.endswith(".") else ".")
