"""Drawing the progress charts onto plotext figures.

Imported only by the progress screen, after textual-plotext: nothing here runs before the screen is opened.
Every chart puts dates on a numeric axis (days since the window's first Monday) with its own tick labels,
so plotext never parses dates and the pictures do not depend on the locale or the time zone.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from hamjournal.domain.models import PAIRED_TESTS
from hamjournal.domain.progress import TEST_NAMES, ProgressData, assessment_asymmetry, latest_assessments
from hamjournal.domain.thresholds import ACWR_SWEET_HIGH, ACWR_SWEET_LOW, ASYMMETRY

# About one date label every this many columns keeps labels from running into each other.
COLUMNS_PER_TICK = 16
# Short ladder names for the right-hand axis of the Nordic chart.
STEP_LABELS: dict[str, str] = {
    "hands-partial": "hands",
    "band-assisted": "band",
    "incline": "incline",
    "bodyweight": "bodywt",
    "fast-lean": "fast",
    "weighted": "weight",
}
# Short test names for the bar labels of the side chart.
TEST_SHORT: dict[str, str] = {
    "sl-bridge-reps": "bridge",
    "iso-hold-s": "hold",
    "aslr-deg": "ASLR",
    "hop-cm": "hop",
    "h-test-insecurity": "H-test",
}
SLEEP_AXIS_MAX = 12
SCORE_MAX = 10
# Markers drawn on every chart: strains and races from the profile, deload weeks from the log and plan.
MARKER_COLORS: dict[str, str] = {"strain": "error", "race": "success", "deload": "secondary"}


@dataclass(frozen=True)
class Palette:
    """Chart colours taken from the app's theme, as plotext RGB tuples."""

    primary: Any
    secondary: Any
    accent: Any
    warning: Any
    error: Any
    success: Any
    muted: Any

    def get(self, name: str) -> Any:
        """A colour by theme variable name."""
        return getattr(self, name)


def palette_from(variables: Mapping[str, str]) -> Palette:
    """Turn the app's theme variables into chart colours, so the charts follow the theme."""
    from textual.color import Color

    def rgb(name: str, fallback: str) -> tuple[int, int, int]:
        return Color.parse(variables.get(name) or fallback).rgb

    return Palette(
        primary=rgb("primary", "#0178D4"),
        secondary=rgb("secondary", "#004578"),
        accent=rgb("accent", "#ffa62b"),
        warning=rgb("warning", "#ffa62b"),
        error=rgb("error", "#ba3c5b"),
        success=rgb("success", "#4EBF71"),
        muted=rgb("foreground-muted", "#808080"),
    )


def x_of(data: ProgressData, day: dt.date) -> int:
    """A date's position on the x axis."""
    return (day - data.weeks[0]).days


def _date_ticks(plt: Any, data: ProgressData, width: int) -> None:
    first, last = data.weeks[0], data.end
    span = max((last - first).days, 1)
    count = max(2, min(width // COLUMNS_PER_TICK, 12))
    step = max(1, round(span / (count - 1)))
    fmt = "%d %b" if span <= 370 else "%b %y"
    ticks = list(range(0, span + 1, step))
    plt.xticks(ticks, [(first + dt.timedelta(days=t)).strftime(fmt) for t in ticks])
    plt.xlim(0, span)


def _markers(plt: Any, data: ProgressData, colors: Palette) -> None:
    for marker in data.markers:
        plt.vertical_line(x_of(data, marker.date), color=colors.get(MARKER_COLORS[marker.kind]))


def _series(data: ProgressData, points: Sequence[tuple[dt.date, float | None]]) -> tuple[list[int], list[float]]:
    kept = [(x_of(data, d), v) for d, v in points if v is not None]
    return [x for x, _ in kept], [v for _, v in kept]


def _prepare(plt: Any, title: str) -> None:
    plt.clear_figure()
    plt.title(title)


def _finish(plt: Any, data: ProgressData, colors: Palette, width: int) -> None:
    # Last, because plotext's bar() resets the x ticks to the bar positions.
    _date_ticks(plt, data, width)
    _markers(plt, data, colors)


def draw_nordic(plt: Any, data: ProgressData, colors: Palette, width: int) -> None:
    """Weekly Nordic reps as bars, the ladder step used as a line on the right-hand axis."""
    _prepare(plt, "Nordic: reps per week (bars) and ladder step (line, right)")
    plt.bar([x_of(data, w) + 3 for w in data.weeks], list(data.nordic_weekly_reps), color=colors.primary,
            width=0.6, label="reps a week")
    xs, ys = _series(data, data.nordic_steps)
    if xs:
        plt.plot(xs, ys, yside="right", color=colors.accent, marker="braille", label="step")
    top = len(data.nordic_ladder) - 1
    plt.yticks(list(range(top + 1)), [STEP_LABELS.get(s, s) for s in data.nordic_ladder], yside="right")
    plt.ylim(0, top, yside="right")
    plt.ylim(0, max([*data.nordic_weekly_reps, 10]))
    _finish(plt, data, colors, width)


def draw_pain(plt: Any, data: ProgressData, colors: Palette, width: int) -> None:
    """Session pain and morning pain / stiffness by day, their 7-day averages and the mode's pain limit."""
    _prepare(plt, f"Pain and stiffness 0-10 (dots: days, lines: 7-day average; limit {data.pain_limit})")
    for points, color, label, marker in (
        (data.session_pain, colors.error, "session pain", "x"),
        (data.morning_pain, colors.warning, "morning pain", "•"),
        (data.morning_stiffness, colors.primary, "morning stiffness", "+"),
    ):
        xs, ys = _series(data, points)
        if xs:
            plt.scatter(xs, ys, color=color, marker=marker, label=label)
    for points, color in (
        (data.session_pain_avg7, colors.error),
        (data.morning_pain_avg7, colors.warning),
        (data.morning_stiffness_avg7, colors.primary),
    ):
        xs, ys = _series(data, points)
        if xs:
            plt.plot(xs, ys, color=color, marker="braille")
    plt.horizontal_line(data.pain_limit, color=colors.error)
    plt.ylim(0, SCORE_MAX)
    _finish(plt, data, colors, width)


def draw_recovery(plt: Any, data: ProgressData, colors: Palette, width: int) -> None:
    """Sleep hours and hamstring fatigue from the morning check-ins, beside the pain chart."""
    _prepare(plt, "Sleep h and fatigue 0-10")
    for points, color, label in ((data.sleep_h, colors.success, "sleep h"), (data.fatigue, colors.accent, "fatigue")):
        xs, ys = _series(data, points)
        if xs:
            plt.plot(xs, ys, color=color, marker="braille", label=label)
    plt.ylim(0, SLEEP_AXIS_MAX)
    _finish(plt, data, colors, width)


def draw_running(plt: Any, data: ProgressData, colors: Palette, width: int, unit: str) -> None:
    """Weekly minutes (or km) as bars and session-RPE load as a line on the right-hand axis."""
    values = data.weekly_km if unit == "km" else data.weekly_minutes
    label = "km a week" if unit == "km" else "minutes a week"
    _prepare(plt, f"Running: {label} (bars) and session-RPE load, AU (line, right)")
    plt.bar([x_of(data, w) + 3 for w in data.weeks], list(values), color=colors.primary, width=0.6, label=label)
    plt.plot([x_of(data, w) + 3 for w in data.weeks], list(data.weekly_load), yside="right", color=colors.accent,
             marker="braille", label="load")
    plt.ylim(0, max([*values, 1]))
    plt.ylim(0, max([*data.weekly_load, 1]), yside="right")
    _finish(plt, data, colors, width)


def draw_acwr(plt: Any, data: ProgressData, colors: Palette, width: int) -> None:
    """The 7:28-day EWMA load ratio, described against the usual 0.8-1.3 band (never a risk score)."""
    xs, ys = _series(data, data.acwr)
    _prepare(plt, "7:28-day load ratio (a description)" if xs else "Load ratio: after 28 days of runs")
    if xs:
        plt.plot(xs, ys, color=colors.accent, marker="braille", label="ratio")
    plt.ylim(0, max([*ys, 2.0]))
    plt.horizontal_line(ACWR_SWEET_LOW.value, color=colors.success)
    plt.horizontal_line(ACWR_SWEET_HIGH.value, color=colors.success)
    _date_ticks(plt, data, width)


def draw_sprint(plt: Any, data: ProgressData, colors: Palette, width: int) -> None:
    """Sprint finish times from runs (line) and sprint-finish tests (crosses); lower is faster."""
    _prepare(plt, "Sprint finish, seconds (lower is faster)")
    values: list[float] = []
    xs, ys = _series(data, data.sprint_runs)
    if xs:
        plt.plot(xs, ys, color=colors.primary, marker="braille", label="runs")
        plt.scatter(xs, ys, color=colors.primary, marker="•")
        values += ys
    xs, ys = _series(data, data.sprint_tests)
    if xs:
        plt.scatter(xs, ys, color=colors.accent, marker="x", label="test")
        values += ys
    if values:
        pad = max(0.5, (max(values) - min(values)) * 0.1)
        plt.ylim(max(0, min(values) - pad), max(values) + pad)
    _finish(plt, data, colors, width)


def draw_asymmetry(plt: Any, data: ProgressData, colors: Palette, width: int) -> None:
    """Between-leg difference (%) of each paired test over time, with the 15% prompt line."""
    _prepare(plt, "Left vs right: difference between legs, % of the better leg")
    cycle = (colors.primary, colors.accent, colors.success, colors.warning, colors.error)
    for i, test in enumerate(PAIRED_TESTS):
        points = [(d, a.percent) for d, a in data.asymmetries if a.test == test]
        xs, ys = _series(data, points)
        if xs:
            plt.plot(xs, ys, color=cycle[i % len(cycle)], marker="braille", label=TEST_NAMES[test])
            plt.scatter(xs, ys, color=cycle[i % len(cycle)], marker="•")
    plt.horizontal_line(ASYMMETRY.value * 100, color=colors.error)
    top = max([a.percent for _, a in data.asymmetries] + [ASYMMETRY.value * 100 * 2])
    plt.ylim(0, top)
    _finish(plt, data, colors, width)


def draw_latest_sides(plt: Any, data: ProgressData, colors: Palette, width: int) -> None:
    """The latest symmetry (weaker leg as % of the stronger) of each paired test, with the 85% prompt line."""
    plt.clear_figure()
    plt.title("Latest symmetry %")
    latest = latest_assessments(data.assessments)
    names, values = [], []
    for test in PAIRED_TESTS:
        item = latest.get(test)
        asym = assessment_asymmetry(item) if item is not None else None
        # Insecurity has no symmetry index (a secure leg scores 0): the chart on the left shows its gap.
        if asym is None or asym.symmetry is None:
            continue
        side = f" {asym.weaker[0].upper()}" if asym.weaker else ""
        names.append(f"{TEST_SHORT[test]}{side}")
        values.append(asym.symmetry)
    if names:
        plt.bar(names, values, color=colors.primary, width=0.5)
    plt.horizontal_line(100 - ASYMMETRY.value * 100, color=colors.error)
    plt.ylim(0, 100)
