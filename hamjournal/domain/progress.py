"""Progress over weeks and months: weekly buckets, rolling averages, asymmetry, deloads and trend sentences.

Pure: the store hands over aggregates bounded by the window shown and this module turns them into the series
the charts draw and the sentences under them. `today` is always passed in.

Two resolutions, chosen by `points_are_days`: a window of at most MAX_CHART_POINTS days (12 weeks, or "all" of
a young journal) is drawn a point per day from day-level rows (`build_progress`, here); a longer one is drawn
from week-level rows the store sums in SQL, a point per bucket of whole weeks (`progress_weekly`), so neither
the rows read nor the points drawn grow with the journal's age.
"""

from __future__ import annotations

import datetime as dt
import statistics
from collections import defaultdict
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field, replace

from hamjournal.domain import load
from hamjournal.domain.errors import InvalidInput
from hamjournal.domain.library.exercises import EXERCISES
from hamjournal.domain.models import ASSESSMENT_NAMES, PAIRED_TESTS, Assessment, Profile
from hamjournal.domain.thresholds import ACWR_MIN_DAYS, EWMA_ACUTE_N, EWMA_CHRONIC_N, pain_limit
from hamjournal.domain.week import week_start

# -- constants ----------------------------------------------------------------------------------------------

# Ranges the progress screen offers, as whole Monday weeks ending with the current week.
RANGE_WEEKS: dict[str, int] = {"12w": 12, "6m": 26, "1y": 52}
RANGE_KEYS: tuple[str, ...] = ("12w", "6m", "1y", "all")
RANGE_LABELS: dict[str, str] = {"12w": "12 weeks", "6m": "6 months", "1y": "1 year", "all": "all time"}
# "No runs logged …": the range as the end of a sentence ("in the last all time" read wrongly).
RANGE_PHRASES: dict[str, str] = {
    "12w": "in the last 12 weeks",
    "6m": "in the last 6 months",
    "1y": "in the last year",
    "all": "in the journal yet",
}

ROLLING_DAYS = 7
# At most this many points per chart line: about one per column of a wide terminal, beyond which points only
# pile up, and the bound that keeps a ten-year journal as quick to chart as a young one. A window of at most
# this many days is charted day by day (12 weeks = 84); a longer one by week, or by several weeks once it has
# more weeks than this (130 weeks = 2.5 years).
MAX_CHART_POINTS = 130
# Long ranges chart the acute:chronic load ratio over this recent window only: it describes the current load,
# needs day resolution, and the EWMA forgets within ACWR_WARMUP_DAYS, so older years would cost without showing.
ACWR_RECENT_RANGE = "12w"
# Reassess every 4 weeks: often enough to see change, rarely enough that the tests do not become training.
REASSESS_INTERVAL_DAYS = 28
# A week counts as a deload when its Nordic volume is at most this fraction of the median of its neighbours
# (a planned deload cuts about 40%, so 0.7 catches it and ignores ordinary week-to-week noise).
DELOAD_VOLUME_FRACTION = 0.7
DELOAD_NEIGHBOUR_WEEKS = 2
# Trends compare the first weeks with data against the last complete weeks, averaged over this many weeks.
TREND_EDGE_WEEKS = 2
# Changes smaller than these read as "steady" rather than as a trend.
STEADY_PERCENT = 5.0
STEADY_SCORE_DELTA = 0.3
# The EWMA of the chronic load forgets slowly: (1 - 2/29)^84 < 0.3%, so 12 weeks of run history before the
# window reproduce the ratio from the first run to within rounding without reading ten years of runs.
ACWR_WARMUP_DAYS = 84
# For h-test-insecurity a higher score is worse; for sprint times a lower time is better.
LOWER_IS_BETTER: frozenset[str] = frozenset({"h-test-insecurity", "sprint-finish-s"})

TEST_NAMES: dict[str, str] = ASSESSMENT_NAMES
TEST_UNITS: dict[str, str] = {
    "sl-bridge-reps": " reps",
    "iso-hold-s": " s",
    "aslr-deg": "°",
    "hop-cm": " cm",
    "h-test-insecurity": "/100",
    "nordic-lowering-s": " s",
    "nordic-break-deg": "°",
    "sprint-finish-s": " s",
}

# -- day-level rows (what the store's aggregate queries return) ---------------------------------------------


@dataclass(frozen=True)
class DayVolume:
    """One exercise on one day: how much was done and at which ladder step(s)."""

    date: dt.date
    exercise: str
    sessions: int
    sets: int
    reps: int
    hold_s: int = 0
    steps: tuple[str, ...] = ()


@dataclass(frozen=True)
class DayPain:
    """Pain during strength sessions on one day."""

    date: dt.date
    sessions: int
    max_pain: int
    avg_pain: float


@dataclass(frozen=True)
class DayCheckin:
    """The check-ins of one day at one time of day (morning, after, evening, during-run)."""

    date: dt.date
    when: str
    count: int
    avg_pain: float
    max_pain: int
    avg_stiffness: float | None = None
    avg_sleep_h: float | None = None
    avg_fatigue: float | None = None
    sudden: bool = False


@dataclass(frozen=True)
class DayRun:
    """The runs of one day: minutes, km, session-RPE load and the best sprint finish."""

    date: dt.date
    runs: int
    minutes: float
    km: float = 0.0
    load: float = 0.0
    best_finish_s: float | None = None


# -- dates and ranges ---------------------------------------------------------------------------------------


def range_window(key: str, today: dt.date, first_logged: dt.date | None = None) -> tuple[dt.date, dt.date]:
    """The [start, end] a range key shows: whole Monday weeks up to today ("all" starts at the first entry)."""
    if key == "all":
        first = first_logged if first_logged is not None and first_logged < today else today
        return week_start(first), today
    if key not in RANGE_WEEKS:
        raise InvalidInput(f"range '{key}' is unknown: use one of {', '.join(RANGE_KEYS)}", "range")
    return week_start(today) - dt.timedelta(weeks=RANGE_WEEKS[key] - 1), today


def acwr_window_start(start: dt.date, today: dt.date) -> dt.date:
    """The first day a long range charts the load ratio on: the later of `start` and the recent
    ACWR_RECENT_RANGE window (the ratio describes days; years of it would only be noise)."""
    return max(start, range_window(ACWR_RECENT_RANGE, today)[0])


def points_are_days(start: dt.date, end: dt.date) -> bool:
    """True when [start, end] is short enough to chart a point per day (at most MAX_CHART_POINTS days)."""
    return (end - start).days + 1 <= MAX_CHART_POINTS


def days(start: dt.date, end: dt.date) -> list[dt.date]:
    """Every date from start to end inclusive."""
    return [start + dt.timedelta(days=i) for i in range((end - start).days + 1)]


def weeks(start: dt.date, end: dt.date) -> list[dt.date]:
    """The Mondays of every week that touches [start, end]."""
    first, last = week_start(start), week_start(end)
    return [first + dt.timedelta(weeks=i) for i in range((last - first).days // 7 + 1)]


def is_complete_week(monday: dt.date, today: dt.date) -> bool:
    """True once the week's Sunday is today or past."""
    return monday + dt.timedelta(days=6) <= today


# -- series maths -------------------------------------------------------------------------------------------


def weekly_sums(values: Mapping[dt.date, float], start: dt.date, end: dt.date) -> list[tuple[dt.date, float]]:
    """Sum day values into Monday weeks covering [start, end]; weeks without data are 0."""
    totals: dict[dt.date, float] = {monday: 0.0 for monday in weeks(start, end)}
    for day, value in values.items():
        if start <= day <= end and value is not None:
            totals[week_start(day)] += value
    return sorted(totals.items())


def weekly_means(values: Mapping[dt.date, float], start: dt.date, end: dt.date) -> list[tuple[dt.date, float | None]]:
    """Mean of the day values in each Monday week covering [start, end]; None for weeks without data."""
    buckets: dict[dt.date, list[float]] = {monday: [] for monday in weeks(start, end)}
    for day, value in values.items():
        if start <= day <= end and value is not None:
            buckets[week_start(day)].append(value)
    return [(monday, statistics.fmean(vals) if vals else None) for monday, vals in sorted(buckets.items())]


def rolling_mean(
    values: Mapping[dt.date, float], start: dt.date, end: dt.date, window: int = ROLLING_DAYS
) -> list[tuple[dt.date, float | None]]:
    """For each day of [start, end], the mean of the logged values of the `window` days ending that day.

    Days without a log are left out of the mean rather than counted as zero (an unlogged morning is not a
    pain-free one); a day with no log in its whole window gets None. Pass values from `window - 1` days
    before start so the first days of the chart average a full window.
    """
    # One look-up per day, then a slice per day: linear in the range, so "all" of ten years stays quick.
    # fmean sums exactly (math.fsum), so the order of a window's values does not change its mean.
    span = days(start - dt.timedelta(days=window - 1), end)
    series = [values.get(day) for day in span]
    out: list[tuple[dt.date, float | None]] = []
    for i, day in enumerate(span[window - 1 :]):
        found = [value for value in series[i : i + window] if value is not None]
        out.append((day, statistics.fmean(found) if found else None))
    return out


def step_index(exercise: str, step: str | None) -> int | None:
    """A step's position on its exercise's ladder (0 = easiest), or None for an unknown step."""
    ex = EXERCISES.get(exercise)
    if ex is None or step is None:
        return None
    slugs = [s.slug for s in ex.ladder]
    return slugs.index(step) if step in slugs else None


def step_series(volumes: Iterable[DayVolume], exercise: str) -> list[tuple[dt.date, int]]:
    """The hardest ladder step used each day the exercise was done, as a ladder index."""
    out: list[tuple[dt.date, int]] = []
    for row in sorted((v for v in volumes if v.exercise == exercise), key=lambda v: v.date):
        indexes = [i for i in (step_index(exercise, s) for s in row.steps) if i is not None]
        if indexes:
            out.append((row.date, max(indexes)))
    return out


# -- asymmetry ----------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Asymmetry:
    """Left against right for one paired test.

    `percent` is (stronger - weaker) / stronger x 100, where "stronger" is the better leg: the higher value,
    or the lower one for tests where lower is better (H-test insecurity). `weaker` is None when both legs
    are equal. `symmetry` is the limb symmetry index (weaker / stronger x 100) for higher-is-better tests.
    """

    test: str
    left: float
    right: float
    weaker: str | None
    percent: float
    symmetry: float | None

    def describe(self) -> str:
        """ "left weaker by 12% (symmetry 88%)", or "left and right equal"."""
        if self.weaker is None:
            return "left and right equal"
        text = f"{self.weaker} weaker by {self.percent:.0f}%"
        if self.symmetry is not None:
            text += f" (symmetry {self.symmetry:.0f}%)"
        return text


def asymmetry(test: str, left: float, right: float) -> Asymmetry:
    """Which leg is weaker and by how much, for a paired test."""
    if left == right:
        return Asymmetry(test, left, right, None, 0.0, 100.0 if test not in LOWER_IS_BETTER else None)
    lower_better = test in LOWER_IS_BETTER
    if lower_better:
        # Insecurity: the leg with the higher score is the weaker one. The gap is measured against the worse
        # score, the only non-zero base (a secure leg scores 0); a symmetry index would be meaningless here.
        weaker = "left" if left > right else "right"
        worse, better = max(left, right), min(left, right)
        return Asymmetry(test, left, right, weaker, (worse - better) / worse * 100, None)
    weaker = "left" if left < right else "right"
    stronger, weak = max(left, right), min(left, right)
    return Asymmetry(test, left, right, weaker, (stronger - weak) / stronger * 100, weak / stronger * 100)


def latest_assessments(assessments: Iterable[Assessment]) -> dict[str, Assessment]:
    """The most recent result of each test (later id wins within a day)."""
    latest: dict[str, Assessment] = {}
    for item in sorted(assessments, key=lambda a: (a.date, a.id or 0)):
        latest[item.test] = item
    return latest


def assessment_asymmetry(item: Assessment) -> Asymmetry | None:
    """The asymmetry of a paired result, or None for single tests and incomplete pairs."""
    if item.test not in PAIRED_TESTS or item.left is None or item.right is None:
        return None
    return asymmetry(item.test, item.left, item.right)


# -- reassessment -------------------------------------------------------------------------------------------


def reassessment_due(
    last_assessed: dt.date | None, today: dt.date, first_logged: dt.date | None = None
) -> dt.date | None:
    """The date a reassessment became due, or None when none is due yet.

    Due 4 weeks after the last assessment. A runner who has logged training but never assessed is due a
    baseline from their first entry; an empty journal owes nothing.
    """
    if last_assessed is None:
        return first_logged if first_logged is not None and first_logged <= today else None
    due = last_assessed + dt.timedelta(days=REASSESS_INTERVAL_DAYS)
    return due if today >= due else None


# -- deloads and markers ------------------------------------------------------------------------------------


def detected_deload_weeks(
    weekly: Sequence[tuple[dt.date, float]], today: dt.date, planned: Iterable[dt.date] = ()
) -> list[dt.date]:
    """Mondays of deload weeks: planned as deloads, or with volume well below the weeks around them.

    A week with no volume at all is a gap, not a deload, and a dip needs trained weeks on both sides. The
    current week is judged only when planned, as its volume is not in yet.
    """
    planned_weeks = {week_start(d) for d in planned}
    found: set[dt.date] = {w for w, _ in weekly if w in planned_weeks}
    for i, (monday, volume) in enumerate(weekly):
        if volume <= 0 or not is_complete_week(monday, today):
            continue
        before = [v for _, v in weekly[max(0, i - DELOAD_NEIGHBOUR_WEEKS) : i] if v > 0]
        after = [v for _, v in weekly[i + 1 : i + 1 + DELOAD_NEIGHBOUR_WEEKS] if v > 0]
        # A dip needs training on both sides: a first week of a ramp-up or a last week before a gap is not one.
        if before and after and volume <= DELOAD_VOLUME_FRACTION * statistics.median(before + after):
            found.add(monday)
    return sorted(found)


@dataclass(frozen=True)
class Marker:
    """A date to mark on every chart: a strain, a race or a deload week."""

    date: dt.date
    kind: str  # "strain", "race", "deload"
    label: str


def markers(profile: Profile, start: dt.date, end: dt.date, deload_weeks: Iterable[dt.date] = ()) -> list[Marker]:
    """Strains, races and deload weeks inside [start, end], by date."""
    found = [
        Marker(i.date, "strain", f"{i.side} strain, grade {i.grade}")
        for i in profile.injuries
        if start <= i.date <= end
    ]
    found += [Marker(r.date, "race", r.name) for r in profile.races if start <= r.date <= end]
    found += [Marker(w, "deload", "deload week") for w in deload_weeks if start <= w <= end]
    return sorted(found, key=lambda m: (m.date, m.kind))


# -- trend sentences ----------------------------------------------------------------------------------------


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
        statistics.fmean(v for _, v in first),  # type: ignore[misc]
        statistics.fmean(v for _, v in last),  # type: ignore[misc]
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


# -- the whole picture for the progress screen --------------------------------------------------------------

CHARTS: tuple[str, ...] = ("nordic", "pain", "running", "sprint", "assessments")


@dataclass(frozen=True)
class ProgressData:
    """Everything the progress screen draws for one range, already computed."""

    range_key: str
    start: dt.date
    end: dt.date
    today: dt.date
    mode: str
    pain_limit: int
    weeks: tuple[dt.date, ...]
    nordic_weekly_reps: tuple[float, ...]
    nordic_steps: tuple[tuple[dt.date, int], ...]
    nordic_ladder: tuple[str, ...]
    session_pain: tuple[tuple[dt.date, int], ...]
    session_pain_avg7: tuple[tuple[dt.date, float | None], ...]
    morning_pain: tuple[tuple[dt.date, float], ...]
    morning_pain_avg7: tuple[tuple[dt.date, float | None], ...]
    morning_stiffness: tuple[tuple[dt.date, float], ...]
    morning_stiffness_avg7: tuple[tuple[dt.date, float | None], ...]
    sleep_h: tuple[tuple[dt.date, float], ...]
    fatigue: tuple[tuple[dt.date, float], ...]
    weekly_minutes: tuple[float, ...]
    weekly_km: tuple[float, ...]
    weekly_load: tuple[float, ...]
    acwr: tuple[tuple[dt.date, float], ...]
    sprint_runs: tuple[tuple[dt.date, float], ...]
    sprint_tests: tuple[tuple[dt.date, float], ...]
    assessments: tuple[Assessment, ...]
    asymmetries: tuple[tuple[dt.date, Asymmetry], ...]
    deload_weeks: tuple[dt.date, ...]
    markers: tuple[Marker, ...]
    reassessment_due: dt.date | None
    summaries: Mapping[str, str] = field(default_factory=dict)
    # Resolution: `weeks` holds the first Monday of each bucket of `bucket_weeks` weeks (the first bucket may be
    # shorter: it starts with the window), and the weekly_* values are per week (a bucket's mean week). With
    # `daily`, pain, sleep and sprint points are days and the *_avg7 lines 7-day means; without, they are
    # buckets: session_pain the peak, the others the mean of the logged days, and *_avg7 the bucket means.
    bucket_weeks: int = 1
    daily: bool = True
    # The first day of the load-ratio series (the window's start, or the recent window of a long range).
    acwr_start: dt.date | None = None

    @property
    def trend(self) -> str:
        """The one-line summary of the whole range (Nordic volume and morning stiffness)."""
        return self.summaries.get("trend", "")


def acwr_series(
    runs: Iterable[DayRun], first_load_day: dt.date | None, start: dt.date, end: dt.date
) -> list[tuple[dt.date, float]]:
    """The EWMA acute:chronic ratio for each day of [start, end] that has 28 days of run data behind it.

    `runs` should reach ACWR_WARMUP_DAYS before start; the EWMA starts at the first loaded day (or the start
    of that warm-up), as `load.acute_chronic` does. Descriptive only: never a risk score.
    """
    if first_load_day is None or first_load_day > end:
        return []
    begin = max(first_load_day, start - dt.timedelta(days=ACWR_WARMUP_DAYS))
    loads = {r.date: r.load for r in runs}
    series = [loads.get(d, 0.0) for d in days(begin, end)]
    acute = load.ewma(series, int(EWMA_ACUTE_N.value))
    chronic = load.ewma(series, int(EWMA_CHRONIC_N.value))
    out = []
    for day, a, c in zip(days(begin, end), acute, chronic, strict=True):
        enough = (day - first_load_day).days + 1 >= ACWR_MIN_DAYS.value
        if day >= start and enough and c > 0:
            out.append((day, a / c))
    return out


def build_progress(
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
) -> ProgressData:
    """Turn day-level rows into the progress screen's series, markers and sentences (windows charted by day,
    see `points_are_days`; longer ones go through `progress_weekly.build_progress_weekly`).

    `plan_deload_days` are days with a Nordic plan item marked as a deload. `session_pain` and `checkins` may
    start ROLLING_DAYS - 1 days before `start` and `runs` up to ACWR_WARMUP_DAYS before it, so averages and
    the load ratio are full from the first day shown.
    """
    inside = lambda d: start <= d <= end  # noqa: E731 - a one-line filter reads best inline
    mondays = tuple(weeks(start, end))
    nordic = [v for v in volumes if v.exercise == "nordic" and inside(v.date)]
    nordic_daily: dict[dt.date, float] = defaultdict(float)
    for row in nordic:
        nordic_daily[row.date] += row.reps
    weekly_reps = weekly_sums(nordic_daily, start, end)
    deloads = detected_deload_weeks(weekly_reps, today, plan_deload_days)

    pain_by_day = {p.date: float(p.max_pain) for p in session_pain}
    morning = [c for c in checkins if c.when == "morning"]
    m_pain = {c.date: c.avg_pain for c in morning}
    m_stiff = {c.date: c.avg_stiffness for c in morning if c.avg_stiffness is not None}
    sleep = {c.date: c.avg_sleep_h for c in morning if c.avg_sleep_h is not None}
    fatigue = {c.date: c.avg_fatigue for c in morning if c.avg_fatigue is not None}

    in_runs = [r for r in runs if inside(r.date)]
    minutes = weekly_sums({r.date: r.minutes for r in in_runs}, start, end)
    km = weekly_sums({r.date: r.km for r in in_runs}, start, end)
    loads = weekly_sums({r.date: r.load for r in in_runs}, start, end)
    acwr = acwr_series(runs, first_load_day, start, end)
    sprint_runs = tuple((r.date, r.best_finish_s) for r in in_runs if r.best_finish_s is not None)

    shown = tuple(sorted((a for a in assessments if inside(a.date)), key=lambda a: (a.date, a.id or 0)))
    sprint_tests = tuple((a.date, a.value) for a in shown if a.test == "sprint-finish-s" and a.value is not None)
    asyms = tuple((a.date, x) for a in shown if (x := assessment_asymmetry(a)) is not None)
    limit = int(pain_limit(profile.mode).value)

    data = ProgressData(
        range_key=range_key,
        start=start,
        end=end,
        today=today,
        mode=profile.mode,
        pain_limit=limit,
        weeks=mondays,
        nordic_weekly_reps=tuple(v for _, v in weekly_reps),
        nordic_steps=tuple(step_series(nordic, "nordic")),
        nordic_ladder=tuple(s.slug for s in EXERCISES["nordic"].ladder),
        session_pain=tuple((p.date, p.max_pain) for p in session_pain if inside(p.date)),
        session_pain_avg7=tuple(rolling_mean(pain_by_day, start, end)),
        morning_pain=tuple(sorted((d, v) for d, v in m_pain.items() if inside(d))),
        morning_pain_avg7=tuple(rolling_mean(m_pain, start, end)),
        morning_stiffness=tuple(sorted((d, v) for d, v in m_stiff.items() if inside(d))),
        morning_stiffness_avg7=tuple(rolling_mean(m_stiff, start, end)),
        sleep_h=tuple(sorted((d, v) for d, v in sleep.items() if inside(d))),
        fatigue=tuple(sorted((d, v) for d, v in fatigue.items() if inside(d))),
        weekly_minutes=tuple(v for _, v in minutes),
        weekly_km=tuple(v for _, v in km),
        weekly_load=tuple(v for _, v in loads),
        acwr=tuple(acwr),
        sprint_runs=sprint_runs,
        sprint_tests=sprint_tests,
        assessments=shown,
        asymmetries=asyms,
        deload_weeks=tuple(deloads),
        markers=tuple(markers(profile, start, end, deloads)),
        reassessment_due=reassessment_due(last_assessed, today, first_logged),
        acwr_start=start,
    )
    inputs = SummaryInputs(
        weekly_reps=weekly_reps,
        weekly_morning_pain=weekly_means(m_pain, start, end),
        weekly_morning_stiffness=weekly_means(m_stiff, start, end),
        weekly_minutes=minutes,
        sleep_mean=_mean_inside(sleep, start, end),
        fatigue_mean=_mean_inside(fatigue, start, end),
        sprint_first=min(sprint_runs, default=None),
        sprint_best=min(sprint_runs, key=lambda p: (p[1], p[0]), default=None),
    )
    return replace(data, summaries=summaries(data, inputs))


def _mean_inside(values: Mapping[dt.date, float], start: dt.date, end: dt.date) -> float | None:
    inside = [v for d, v in values.items() if start <= d <= end]
    return statistics.fmean(inside) if inside else None


@dataclass(frozen=True)
class SummaryInputs:
    """What the sentences need beyond the charted series, at week resolution whatever the chart's buckets.

    Trends compare whole weeks (TREND_EDGE_WEEKS at each end), so they read the same at every range and chart
    resolution. Means are over logged days; the sprint extremes are the runs' own (tests are added from
    `ProgressData.sprint_tests`): the earliest (ties: fastest) and the fastest (ties: earliest).
    """

    weekly_reps: Sequence[tuple[dt.date, float]]
    weekly_morning_pain: Sequence[tuple[dt.date, float | None]]
    weekly_morning_stiffness: Sequence[tuple[dt.date, float | None]]
    weekly_minutes: Sequence[tuple[dt.date, float]]
    sleep_mean: float | None
    fatigue_mean: float | None
    sprint_first: tuple[dt.date, float] | None
    sprint_best: tuple[dt.date, float] | None


def summaries(data: ProgressData, inputs: SummaryInputs) -> dict[str, str]:
    """The sentence under each chart and the one-line trend, from the charted data and the week-level inputs."""
    today = data.today
    in_range = RANGE_PHRASES.get(data.range_key, "in this range")
    stiffness_trend = score_trend("morning stiffness", inputs.weekly_morning_stiffness, today)
    nordic_trend = volume_trend("Nordic volume", inputs.weekly_reps, today, "reps")

    step_text = None
    if data.nordic_steps:
        _, index = data.nordic_steps[-1]
        step = EXERCISES["nordic"].ladder[index]
        step_text = f"now at step {index + 1} of {len(data.nordic_ladder)}, {step.name.lower()}"
    deload_text = f"{len(data.deload_weeks)} deload week{'s' if len(data.deload_weeks) != 1 else ''}"
    nordic = sentence(
        [nordic_trend, step_text, deload_text if data.deload_weeks else None],
        f"No Nordic sessions {in_range}.",
    )

    in_window = [(d, v) for d, v in data.session_pain]
    peak = f"session pain peaked at {max(v for _, v in in_window)}/10 (limit {data.pain_limit})" if in_window else None
    recovery = []
    if inputs.sleep_mean is not None:
        recovery.append(f"sleep averaged {inputs.sleep_mean:.1f} h")
    if inputs.fatigue_mean is not None:
        recovery.append(f"fatigue {inputs.fatigue_mean:.1f}/10")
    pain = sentence(
        [
            score_trend("morning pain", inputs.weekly_morning_pain, today),
            stiffness_trend,
            peak,
            ", ".join(recovery) or None,
        ],
        f"No pain or stiffness logged {in_range}.",
    )

    acwr_text = (
        f"acute:chronic load ratio {data.acwr[-1][1]:.2f} on {data.acwr[-1][0]:%d %b} (a description, not a risk score)"
        if data.acwr
        else "load ratio shown once 28 days of runs with an RPE exist"
    )
    running = sentence(
        [volume_trend("running", inputs.weekly_minutes, today, "min"), acwr_text if any(data.weekly_minutes) else None],
        f"No runs logged {in_range}.",
    )

    runs_first = () if inputs.sprint_first is None else (inputs.sprint_first,)
    runs_best = () if inputs.sprint_best is None else (inputs.sprint_best,)
    sprint_text = None
    if runs_first or data.sprint_tests:
        best_day, best = min(runs_best + data.sprint_tests, key=lambda p: (p[1], p[0]))
        first_day, first = min(runs_first + data.sprint_tests)
        sprint_text = f"best sprint finish {best:g} s on {best_day:%d %b}"
        if first_day != best_day:
            sprint_text += f", from {first:g} s on {first_day:%d %b}"
    sprint = sentence([sprint_text], f"No sprint finishes logged {in_range}.")

    latest = latest_assessments(data.assessments)
    assess_parts = []
    for test in PAIRED_TESTS:
        item = latest.get(test)
        asym = assessment_asymmetry(item) if item else None
        if item is not None and asym is not None:
            unit = TEST_UNITS[test]
            assess_parts.append(f"{TEST_NAMES[test]} L {item.left:g}{unit} / R {item.right:g}{unit}, {asym.describe()}")
    due = f"reassessment due since {data.reassessment_due:%d %b}" if data.reassessment_due else None
    assessments = sentence([*assess_parts, due], f"No paired assessments {in_range}.")
    trend = sentence([nordic_trend, stiffness_trend], "Not enough complete weeks yet to show a trend.")
    return {
        "nordic": nordic,
        "pain": pain,
        "running": running,
        "sprint": sprint,
        "assessments": assessments,
        "trend": trend,
    }
