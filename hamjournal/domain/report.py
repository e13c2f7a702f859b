"""The text report (`hamjournal report`): adherence, volume, pain and stiffness trends, assessments, advice.

Pure: it takes the day-level rows of the last N Monday weeks and returns figures and text. The current
week is included as it stands so far.
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

from hamjournal.domain.library.exercises import EXERCISES
from hamjournal.domain.models import PAIRED_TESTS, Assessment, Profile
from hamjournal.domain.progress.asymmetry import TEST_NAMES, TEST_UNITS, assessment_asymmetry
from hamjournal.domain.progress.rows import DayCheckin, DayPain, DayVolume
from hamjournal.domain.progress.sentences import score_trend, sentence, volume_trend
from hamjournal.domain.progress.series import weekly_means, weekly_sums
from hamjournal.domain.thresholds import pain_limit
from hamjournal.domain.week import week_start

if TYPE_CHECKING:
    from hamjournal.domain.advice.report import AdviceReport

DEFAULT_WEEKS = 4
MAX_WEEKS = 520


@dataclass(frozen=True)
class Adherence:
    """The weeks' plan items that were due (up to today) and what became of them, counted as the week screen
    counts them (`WeekView.counts`), plus the sessions logged without a plan item."""

    planned: int
    done: int
    skipped: int
    unplanned: int = 0

    @property
    def missed(self) -> int:
        """Planned items neither done nor skipped."""
        return self.planned - self.done - self.skipped

    @property
    def percent(self) -> float | None:
        """Done as a share of planned, or None when nothing was planned."""
        return None if self.planned == 0 else self.done / self.planned * 100


@dataclass(frozen=True)
class ExerciseVolume:
    """One exercise's totals over the report window."""

    exercise: str
    sessions: int
    sets: int
    reps: int
    hold_s: int
    steps: tuple[str, ...]


@dataclass(frozen=True)
class WeekRow:
    """One Monday week of the report's table."""

    monday: dt.date
    nordic_reps: int
    max_session_pain: int | None
    morning_pain: float | None
    morning_stiffness: float | None


@dataclass(frozen=True)
class Report:
    """Everything `hamjournal report` prints, as figures."""

    start: dt.date
    end: dt.date
    weeks: int
    mode: str
    pain_limit: int
    adherence: Adherence
    volume: tuple[ExerciseVolume, ...]
    week_rows: tuple[WeekRow, ...]
    trend: str
    assessments: tuple[Assessment, ...]
    reassessment_due: dt.date | None
    advice: tuple[str, ...] | None = None


def report_window(today: dt.date, weeks: int) -> tuple[dt.date, dt.date]:
    """The last `weeks` Monday weeks, the current one included, ending today."""
    return week_start(today) - dt.timedelta(weeks=weeks - 1), today


def adherence(week_counts: Sequence[Mapping[str, int]]) -> Adherence:
    """Adherence over the weeks' counts (`WeekView.counts()` of each week): one count, whoever shows it.

    Items later than today are not yet due; a session done a day late fulfils its item, as on the week screen.
    """
    done = sum(c["done"] - c.get("unplanned", 0) for c in week_counts)
    missed = sum(c["missed"] for c in week_counts)
    skipped = sum(c["skipped"] for c in week_counts)
    unplanned = sum(c.get("unplanned", 0) for c in week_counts)
    return Adherence(done + missed + skipped, done, skipped, unplanned)


def volume_by_exercise(volumes: Sequence[DayVolume]) -> tuple[ExerciseVolume, ...]:
    """Totals per exercise, in library order, with the steps used (easiest first)."""
    totals: dict[str, dict[str, int]] = defaultdict(lambda: {"sessions": 0, "sets": 0, "reps": 0, "hold_s": 0})
    steps: dict[str, set[str]] = defaultdict(set)
    for row in volumes:
        t = totals[row.exercise]
        t["sessions"] += row.sessions
        t["sets"] += row.sets
        t["reps"] += row.reps
        t["hold_s"] += row.hold_s
        steps[row.exercise].update(row.steps)
    order = {slug: i for i, slug in enumerate(EXERCISES)}
    out = []
    for slug in sorted(totals, key=lambda s: (order.get(s, len(order)), s)):
        ladder = [s.slug for s in EXERCISES[slug].ladder] if slug in EXERCISES else []
        used = sorted(steps[slug], key=lambda s: (ladder.index(s) if s in ladder else len(ladder), s))
        out.append(ExerciseVolume(slug, **totals[slug], steps=tuple(used)))
    return tuple(out)


def build_report(
    today: dt.date,
    weeks: int,
    profile: Profile,
    week_counts: Sequence[Mapping[str, int]],
    volumes: Sequence[DayVolume],
    session_pain: Sequence[DayPain],
    checkins: Sequence[DayCheckin],
    assessments: Sequence[Assessment],
    reassessment_due: dt.date | None = None,
    advice: Sequence[str] | None = None,
) -> Report:
    """Compute the report's figures for the last `weeks` Monday weeks up to today.

    `week_counts` are the week screen's counts of each of those weeks (`WeekView.counts()`), oldest first.
    """
    start, end = report_window(today, weeks)
    nordic_daily: dict[dt.date, float] = defaultdict(float)
    for row in volumes:
        if row.exercise == "nordic" and start <= row.date <= end:
            nordic_daily[row.date] += row.reps
    weekly_reps = weekly_sums(nordic_daily, start, end)
    pain_weekly_max: dict[dt.date, int] = {}
    for p in session_pain:
        if start <= p.date <= end:
            monday = week_start(p.date)
            pain_weekly_max[monday] = max(pain_weekly_max.get(monday, 0), p.max_pain)
    morning = [c for c in checkins if c.when == "morning" and start <= c.date <= end]
    m_pain = weekly_means({c.date: c.avg_pain for c in morning}, start, end)
    m_stiff = weekly_means({c.date: c.avg_stiffness for c in morning if c.avg_stiffness is not None}, start, end)
    rows = tuple(
        WeekRow(monday, int(reps), pain_weekly_max.get(monday), mp, ms)
        for (monday, reps), (_, mp), (_, ms) in zip(weekly_reps, m_pain, m_stiff, strict=True)
    )
    limit = int(pain_limit(profile.mode).value)
    in_window = [p.max_pain for p in session_pain if start <= p.date <= end]
    trend = sentence(
        [
            volume_trend("Nordic volume", weekly_reps, today, "reps"),
            score_trend("morning pain", m_pain, today),
            score_trend("morning stiffness", m_stiff, today),
            f"session pain peaked at {max(in_window)}/10 (limit {limit})" if in_window else None,
        ],
        "Not enough logged to show a trend yet.",
    )
    return Report(
        start=start,
        end=end,
        weeks=weeks,
        mode=profile.mode,
        pain_limit=limit,
        adherence=adherence(week_counts),
        volume=volume_by_exercise([v for v in volumes if start <= v.date <= end]),
        week_rows=rows,
        trend=trend,
        assessments=tuple(a for a in assessments if start <= a.date <= end),
        reassessment_due=reassessment_due,
        advice=tuple(advice) if advice is not None else None,
    )


def _fmt(value: float | None, spec: str = ".1f") -> str:
    return "-" if value is None else format(value, spec)


def _assessment_line(item: Assessment) -> str:
    name, unit = TEST_NAMES.get(item.test, item.test), TEST_UNITS.get(item.test, "")
    if item.test in PAIRED_TESTS and item.left is not None and item.right is not None:
        asym = assessment_asymmetry(item)
        detail = f": {asym.describe()}" if asym else ""
        return f"  {item.date:%d %b} {name}: left {item.left:g}{unit}, right {item.right:g}{unit}{detail}"
    return f"  {item.date:%d %b} {name}: {item.value:g}{unit}"


def format_report(report: Report) -> str:
    """The report as plain text for the terminal."""
    lines = [
        f"hamjournal report: {report.weeks} week{'s' if report.weeks != 1 else ''}, "
        f"{report.start:%a %d %b %Y} to {report.end:%a %d %b %Y} "
        f"({report.mode} mode, pain limit {report.pain_limit}/10)",
        "",
        "Adherence",
    ]
    adh = report.adherence
    extra = f" {adh.unplanned} more logged without a plan item." if adh.unplanned else ""
    if adh.planned == 0:
        lines.append("  Nothing was planned in these weeks." + extra)
    else:
        lines.append(
            f"  {adh.done} of {adh.planned} planned sessions done ({adh.percent:.0f}%); "
            f"{adh.skipped} skipped, {adh.missed} missed.{extra}"
        )
    lines += ["", "Volume per exercise"]
    if not report.volume:
        lines.append("  No sessions logged in these weeks.")
    for vol in report.volume:
        name = EXERCISES[vol.exercise].name if vol.exercise in EXERCISES else vol.exercise
        amount = f"{vol.hold_s} s held" if vol.hold_s and not vol.reps else f"{vol.reps} reps"
        steps = f"; steps {', '.join(vol.steps)}" if vol.steps else ""
        lines.append(
            f"  {name}: {vol.sessions} session{'s' if vol.sessions != 1 else ''}, {vol.sets} sets, {amount}{steps}"
        )
    lines += [
        "",
        "Week by week",
        f"  {'week of':<10} {'Nordic reps':>11} {'session pain max':>16} {'morning pain':>12} {'stiffness':>9}",
    ]
    for row in report.week_rows:
        lines.append(
            f"  {row.monday:%d %b %y} {row.nordic_reps:>11} {_fmt(row.max_session_pain, 'd'):>16} "
            f"{_fmt(row.morning_pain):>12} {_fmt(row.morning_stiffness):>9}"
        )
    lines += ["", "Pain and stiffness", f"  {report.trend}", "", "Assessments"]
    if not report.assessments:
        lines.append("  No assessments in these weeks.")
    lines += [_assessment_line(a) for a in sorted(report.assessments, key=lambda a: (a.date, a.test))]
    if report.reassessment_due is not None:
        lines.append(f"  A reassessment has been due since {report.reassessment_due:%a %d %b %Y}.")
    if report.advice is not None:
        lines += ["", "Advice today"]
        lines += [f"  {line}" for line in report.advice] or ["  No advice: nothing planned or logged recently."]
    return "\n".join(lines)


def advice_lines(advice: AdviceReport) -> list[str]:
    """Today's advice as report lines: one per exercise with its first reason, then the flags."""
    lines = []
    for item in advice.advice:
        name = EXERCISES[item.exercise].name if item.exercise in EXERCISES else item.exercise
        reason = f": {item.reasons[0]}" if item.reasons else ""
        lines.append(f"{name}: {item.action} at {item.step}{reason}")
    lines += [f"[{flag.level}] {flag.message}" for flag in advice.flags]
    return lines
