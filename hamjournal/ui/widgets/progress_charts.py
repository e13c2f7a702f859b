"""Drawing the progress charts onto plotext figures: one function per plot, named by the chart registry.

Imported with the progress screen (through `hamjournal.ui.chart_registry`); it imports neither plotext nor
textual-plotext, which draw only once the screen is composed. Each draw function takes
`(plt, scene, chart data, width)`. Every chart puts dates on a numeric axis (days since the window's first
Monday) with its own tick labels, so plotext never parses dates and the pictures do not depend on the locale
or the time zone."""

from __future__ import annotations

import bisect
import datetime as dt
import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from hamjournal.domain.dates import week_start
from hamjournal.domain.models import PAIRED_TESTS
from hamjournal.domain.progress.assessments import AssessmentsData
from hamjournal.domain.progress.asymmetry import TEST_NAMES, assessment_asymmetry, latest_assessments
from hamjournal.domain.progress.data import Frame
from hamjournal.domain.progress.nordic import NordicData
from hamjournal.domain.progress.pain import PainData
from hamjournal.domain.progress.running import RunningData
from hamjournal.domain.progress.sprint import SprintData
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


# The escape sequences plotext writes: SGR colour and style codes only.
_SGR = re.compile(r"\x1b\[([0-9;]*)m")
# (style before, SGR codes) -> style after. A chart uses a handful of colours, so this stays small.
_SGR_STYLES: dict[tuple[Any, str], Any] = {}


def text_from_ansi(ansi: str) -> Any:
    """plotext's ANSI output as a rich Text, styled as `Text.from_ansi` styles it, in a fraction of the time.

    `Text.from_ansi` decodes every escape code of every line anew: for a chart (a code per cell) that costs
    as much as plotext drawing it. Here each (style, codes) pair is decoded once by rich's own decoder and then
    reused, and the text is appended in runs between codes.
    """
    from rich.ansi import AnsiDecoder
    from rich.style import Style
    from rich.text import Text

    text = Text()
    style = Style.null()
    position = 0
    for match in _SGR.finditer(ansi):
        if match.start() > position:
            text.append(ansi[position : match.start()], style or None)
        key = (style, match.group(1))
        after = _SGR_STYLES.get(key)
        if after is None:
            decoder = AnsiDecoder()
            decoder.style = style
            decoder.decode_line(match.group(0))
            after = _SGR_STYLES[key] = decoder.style
        style = after
        position = match.end()
    if position < len(ansi):
        text.append(ansi[position:], style or None)
    return text


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


@dataclass(frozen=True)
class Scene:
    """What every chart is drawn with: the range's frame (window, buckets, markers), the theme's colours, and
    the screen's running unit ("min" or "km")."""

    frame: Frame
    colors: Palette
    run_unit: str = "min"


def x_of(frame: Frame, day: dt.date) -> int:
    """A date's position on the x axis."""
    return (day - frame.weeks[0]).days


def _date_ticks(plt: Any, frame: Frame, width: int, first: dt.date | None = None) -> None:
    """Date labels along the x axis, from `first` (default: the window's first Monday) to the window's end."""
    first = first or frame.weeks[0]
    last = frame.end
    span = max((last - first).days, 1)
    count = max(2, min(width // COLUMNS_PER_TICK, 12))
    step = max(1, round(span / (count - 1)))
    fmt = "%d %b" if span <= 370 else "%b %y"
    ticks = list(range(0, span + 1, step))
    plt.xticks(ticks, [(first + dt.timedelta(days=t)).strftime(fmt) for t in ticks])
    plt.xlim(0, span)


def _markers(plt: Any, frame: Frame, colors: Palette) -> None:
    for marker in frame.markers:
        plt.vertical_line(x_of(frame, marker.date), color=colors.get(MARKER_COLORS[marker.kind]))


def _series(
    frame: Frame, points: Sequence[tuple[dt.date, float | None]], dated: bool = False
) -> tuple[list[int], list[float]]:
    """x and y lists of the points that have a value. Points of a bucketed range sit in the middle of their
    bucket, as its bar does; day points, and `dated` ones (assessments: always their own day), on their day."""
    if frame.daily or dated:
        kept = [(x_of(frame, d), v) for d, v in points if v is not None]
    else:
        kept = [(_mid_x(frame, d), v) for d, v in points if v is not None]
    return [x for x, _ in kept], [v for _, v in kept]


def _mid_x(frame: Frame, bucket: dt.date) -> int:
    """The x of a bucket's middle. For long ranges never past today: the middle of the current bucket is often
    still to come, and a line point beyond the axis would be drawn past its end. (12 weeks keeps its weekly
    points on Thursdays, as it always has.)"""
    middle = x_of(frame, bucket) + _mid_bucket(frame, bucket)
    return middle if frame.daily else min(middle, x_of(frame, frame.end))


def _mid_bucket(frame: Frame, bucket: dt.date) -> int:
    """Days from a bucket's first Monday to its middle (3 for a week): half its own length, since the first
    bucket of a long range may be shorter than the others."""
    following = bisect.bisect_right(frame.weeks, bucket)
    end = frame.weeks[following] if following < len(frame.weeks) else week_start(frame.end) + dt.timedelta(weeks=1)
    return (end - bucket).days // 2


def _weekly(plt: Any, frame: Frame, values: Sequence[float], color: Any, label: str) -> None:
    """One value per bucket (a week, or several weeks' mean week): bars for a short range, a line for a long one.

    Short ranges (charted by day, at most MAX_CHART_POINTS days: about 18 weeks) get a bar a week. Long ones
    get a line: plotext fills bars through an outline search that grows with the square of the cells filled, so
    26 full weekly bars cost about three times a line through the same points (measured 31 against 10 ms), and
    more with every rep logged.
    """
    if frame.daily:
        xs = [x_of(frame, w) + _mid_bucket(frame, w) for w in frame.weeks]
        plt.bar(xs, list(values), color=color, width=0.6 * frame.bucket_weeks, label=label)
    else:
        plt.plot([_mid_x(frame, w) for w in frame.weeks], list(values), color=color, marker="braille", label=label)


def _resolution(frame: Frame) -> str:
    """ "week", or "4 weeks": what one bucketed point stands for."""
    return "week" if frame.bucket_weeks == 1 else f"{frame.bucket_weeks} weeks"


# Cells a title leaves for the axes' labels: plotext centres a title on the canvas and leaves out, silently, one
# that runs past the plot's edge; each chart gives shorter titles for narrow plots (80 columns, beside a side plot).
TITLE_MARGIN = 4


def fitting_title(width: int, *titles: str) -> str:
    """The first (longest) of `titles` that fits a plot `width` cells wide, else the last (shortest)."""
    return next((title for title in titles if len(title) <= width - TITLE_MARGIN), titles[-1])


def _prepare(plt: Any, width: int, *titles: str) -> None:
    plt.clear_figure()
    plt.title(fitting_title(width, *titles))


def _finish(plt: Any, scene: Scene, width: int) -> None:
    # Last, because plotext's bar() resets the x ticks to the bar positions.
    _date_ticks(plt, scene.frame, width)
    _markers(plt, scene.frame, scene.colors)


def draw_nordic(plt: Any, scene: Scene, chart: NordicData, width: int) -> None:
    """Weekly Nordic reps as bars, the ladder step used as a line on the right-hand axis."""
    frame, colors = scene.frame, scene.colors
    shape = "bars" if frame.daily else "line"
    _prepare(plt, width, f"Nordic: reps per week ({shape}) and ladder step (line, right)",
             f"Nordic reps a week ({shape}), step (line)", "Nordic reps and step")
    _weekly(plt, frame, chart.weekly_reps, colors.primary, "reps a week")
    xs, ys = _series(frame, chart.steps)
    if xs:
        plt.plot(xs, ys, yside="right", color=colors.accent, marker="braille", label="step")
    top = len(chart.ladder) - 1
    plt.yticks(list(range(top + 1)), [STEP_LABELS.get(s, s) for s in chart.ladder], yside="right")
    plt.ylim(0, top, yside="right")
    plt.ylim(0, max([*chart.weekly_reps, 10]))
    _finish(plt, scene, width)


def draw_pain(plt: Any, scene: Scene, chart: PainData, width: int) -> None:
    """Session pain and morning pain / stiffness by day, their 7-day averages and the mode's pain limit."""
    frame, colors = scene.frame, scene.colors
    if frame.daily:
        title = f"Pain and stiffness 0-10 (dots: days, lines: 7-day average; limit {chart.pain_limit})"
    else:
        title = f"Pain and stiffness per {_resolution(frame)} (x: session peak; lines: means; limit {chart.pain_limit})"
    _prepare(plt, width, title, f"Pain and stiffness 0-10 (limit {chart.pain_limit})", "Pain and stiffness")
    for points, color, label, marker in (
        (chart.session_pain, colors.error, "session pain", "x"),
        (chart.morning_pain, colors.warning, "morning pain", "•"),
        (chart.morning_stiffness, colors.primary, "morning stiffness", "+"),
    ):
        xs, ys = _series(frame, points)
        if xs:
            plt.scatter(xs, ys, color=color, marker=marker, label=label)
    for line, color in (
        (chart.session_pain_avg7, colors.error),
        (chart.morning_pain_avg7, colors.warning),
        (chart.morning_stiffness_avg7, colors.primary),
    ):
        xs, ys = _series(frame, line)
        if xs:
            plt.plot(xs, ys, color=color, marker="braille")
    plt.horizontal_line(chart.pain_limit, color=colors.error)
    plt.ylim(0, SCORE_MAX)
    _finish(plt, scene, width)


def draw_recovery(plt: Any, scene: Scene, chart: PainData, width: int) -> None:
    """Sleep hours and hamstring fatigue from the morning check-ins, beside the pain chart."""
    frame, colors = scene.frame, scene.colors
    _prepare(plt, width, "Sleep h and fatigue 0-10" + ("" if frame.daily else f", mean per {_resolution(frame)}"),
             "Sleep h and fatigue 0-10", "Sleep h, fatigue 0-10", "Sleep, fatigue")
    for points, color, label in ((chart.sleep_h, colors.success, "sleep h"), (chart.fatigue, colors.accent, "fatigue")):
        xs, ys = _series(frame, points)
        if xs:
            plt.plot(xs, ys, color=color, marker="braille", label=label)
    plt.ylim(0, SLEEP_AXIS_MAX)
    _finish(plt, scene, width)


def draw_running(plt: Any, scene: Scene, chart: RunningData, width: int) -> None:
    """Weekly minutes (or km, as the screen's unit says) as bars and session-RPE load as a line on the right."""
    frame, colors = scene.frame, scene.colors
    values = chart.weekly_km if scene.run_unit == "km" else chart.weekly_minutes
    label = "km a week" if scene.run_unit == "km" else "minutes a week"
    shape = "bars" if frame.daily else "line"
    _prepare(plt, width, f"Running: {label} ({shape}) and session-RPE load, AU (line, right)",
             f"Running: {label}, load (line)", "Running and load")
    _weekly(plt, frame, values, colors.primary, label)
    plt.plot([_mid_x(frame, w) for w in frame.weeks], list(chart.weekly_load), yside="right",
             color=colors.accent, marker="braille", label="load")
    plt.ylim(0, max([*values, 1]))
    plt.ylim(0, max([*chart.weekly_load, 1]), yside="right")
    _finish(plt, scene, width)


def draw_acwr(plt: Any, scene: Scene, chart: RunningData, width: int) -> None:
    """The 7:28-day EWMA load ratio, described against the usual 0.8-1.3 band (never a risk score).

    Long ranges chart only the recent window (`chart.acwr_start`): the ratio is a day-by-day description.
    """
    frame, colors = scene.frame, scene.colors
    first = chart.acwr_start
    kept = [((d - first).days, v) for d, v in chart.acwr]
    xs, ys = [x for x, _ in kept], [v for _, v in kept]
    recent = "" if first <= frame.weeks[0] else ", recent weeks"
    if xs:
        _prepare(plt, width, f"7:28-day load ratio (a description{recent})", "7:28-day load ratio", "Load ratio")
    else:
        _prepare(plt, width, "Load ratio: after 28 days of runs", "Load ratio: needs 28 days", "Load ratio")
    if xs:
        plt.plot(xs, ys, color=colors.accent, marker="braille", label="ratio")
    plt.ylim(0, max([*ys, 2.0]))
    plt.horizontal_line(ACWR_SWEET_LOW.value, color=colors.success)
    plt.horizontal_line(ACWR_SWEET_HIGH.value, color=colors.success)
    _date_ticks(plt, frame, width, first)


def draw_sprint(plt: Any, scene: Scene, chart: SprintData, width: int) -> None:
    """Sprint finish times from runs (line) and sprint-finish tests (crosses); lower is faster."""
    frame, colors = scene.frame, scene.colors
    per = "" if frame.daily else f", fastest per {_resolution(frame)}"
    _prepare(plt, width, f"Sprint finish, seconds (lower is faster{per})", "Sprint finish, s (lower is faster)",
             "Sprint finish, s")
    values: list[float] = []
    xs, ys = _series(frame, chart.runs)
    if xs:
        plt.plot(xs, ys, color=colors.primary, marker="braille", label="runs")
        plt.scatter(xs, ys, color=colors.primary, marker="•")
        values += ys
    xs, ys = _series(frame, chart.tests, dated=True)
    if xs:
        plt.scatter(xs, ys, color=colors.accent, marker="x", label="test")
        values += ys
    if values:
        pad = max(0.5, (max(values) - min(values)) * 0.1)
        plt.ylim(max(0, min(values) - pad), max(values) + pad)
    _finish(plt, scene, width)


def draw_asymmetry(plt: Any, scene: Scene, chart: AssessmentsData, width: int) -> None:
    """Between-leg difference (%) of each paired test over time, with the 15% prompt line."""
    frame, colors = scene.frame, scene.colors
    _prepare(plt, width, "Left vs right: difference between legs, % of the better leg",
             "Left vs right: difference, % of better leg", "Left vs right, %")
    cycle = (colors.primary, colors.accent, colors.success, colors.warning, colors.error)
    for i, test in enumerate(PAIRED_TESTS):
        points = [(d, a.percent) for d, a in chart.asymmetries if a.test == test]
        xs, ys = _series(frame, points, dated=True)
        if xs:
            plt.plot(xs, ys, color=cycle[i % len(cycle)], marker="braille", label=TEST_NAMES[test])
            plt.scatter(xs, ys, color=cycle[i % len(cycle)], marker="•")
    plt.horizontal_line(ASYMMETRY.value * 100, color=colors.error)
    top = max([a.percent for _, a in chart.asymmetries] + [ASYMMETRY.value * 100 * 2])
    plt.ylim(0, top)
    _finish(plt, scene, width)


def draw_latest_sides(plt: Any, scene: Scene, chart: AssessmentsData, width: int) -> None:
    """The latest symmetry (weaker leg as % of the stronger) of each paired test, with the 85% prompt line."""
    plt.clear_figure()
    plt.title("Latest symmetry %")
    latest = latest_assessments(chart.assessments)
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
        plt.bar(names, values, color=scene.colors.primary, width=0.5)
    plt.horizontal_line(100 - ASYMMETRY.value * 100, color=scene.colors.error)
    plt.ylim(0, 100)
