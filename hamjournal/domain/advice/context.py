"""The one immutable context an `advise` call reasons over, computed once per call.

It holds the window of records (HISTORY_DAYS up to today; plan items up to 7 days ahead), the morning series,
the deload calendar, and for every covered exercise its days: all sessions of one exercise on one date merged
(the weaker side decides the dose done), each with what was prescribed that day and the runner's USUAL dose
after it.

The usual dose moves only when a session was done in full (or at a deliberately chosen lower dose level or
another ladder step); a deload session (in a deload week and lighter than usual, or exactly at the deload
dose) and a failed session leave it as it was. So a deload dose never becomes "usual" and is never cut again.

What was prescribed for a day: the plan item of that day when there is one; else the usual dose before it,
cut when that day was a deload session. A session exactly at a lower dose level of the same step, or at
another step, is a deliberate change: nothing was prescribed for it to fall short of.
"""

from __future__ import annotations

import datetime as dt
import statistics
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field, replace

from hamjournal.domain.advice.deload import deload_every, is_deload_week, training_anchor
from hamjournal.domain.advice.doses import deload_target
from hamjournal.domain.library.doses import is_level, match_level, prescription_from_sets, volume
from hamjournal.domain.library.exercises import EXERCISES, SLUGS, Exercise
from hamjournal.domain.models import (
    Assessment,
    PlanItem,
    Prescription,
    Profile,
    Run,
    Session,
    SetEntry,
    SymptomLog,
)
from hamjournal.domain.thresholds import (
    ADVICE_RECENT_DAYS,
    ADVICE_WINDOW_DAYS,
    MORNING_BASELINE_DAYS,
    PLAN_LOOKAHEAD_DAYS,
    PROGRESS_COMPLETE_FRACTION,
    USUAL_MIN_CHECKINS,
    Threshold,
    pain_limit,
)

HISTORY_DAYS: int = int(ADVICE_WINDOW_DAYS.value)
"""Days of history (up to and including today) the rules read; callers may pass more, it is ignored."""


@dataclass(frozen=True)
class Day:
    """All sessions of one exercise on one date, what was prescribed, and the usual dose after it."""

    date: dt.date
    exercise: str
    step: str
    pain: int | None
    rpe: int | None
    done: Prescription
    prescribed: Prescription | None
    prescribed_from: str
    completion: float | None
    deload_week: bool
    deload: bool  # a deload session: lighter than usual in a deload week, or exactly the deload dose
    usual_step: str
    usual: Prescription

    @property
    def complete(self) -> bool:
        """Every prescribed rep (or second) done; a session with nothing prescribed counts as complete."""
        return self.completion is None or self.completion >= PROGRESS_COMPLETE_FRACTION.value


@dataclass(frozen=True)
class Track:
    """One exercise's days in the window, oldest first."""

    exercise: Exercise
    days: tuple[Day, ...]

    @property
    def slug(self) -> str:
        """The exercise slug."""
        return self.exercise.slug

    @property
    def last(self) -> Day:
        """The latest day (only call when `days` is not empty)."""
        return self.days[-1]

    @property
    def step(self) -> str:
        """The usual step now."""
        return self.last.usual_step

    @property
    def current(self) -> Prescription:
        """The usual dose now."""
        return self.last.usual

    def block(self) -> tuple[Day, ...]:
        """The latest days at the current usual step and dose level (deload days inside it included)."""
        key = self._key(self.last)
        out: list[Day] = []
        for day in reversed(self.days):
            if self._key(day) != key:
                break
            out.append(day)
        return tuple(reversed(out))

    def _key(self, day: Day) -> tuple[str, int]:
        return day.usual_step, match_level(self.slug, day.usual)


@dataclass(frozen=True)
class Context:
    """Everything computed once per `advise` call."""

    today: dt.date
    profile: Profile
    limit: Threshold
    every: int
    anchor: dt.date | None
    sessions: tuple[Session, ...]
    symptoms: tuple[SymptomLog, ...]
    runs: tuple[Run, ...]
    assessments: tuple[Assessment, ...]
    plan: tuple[PlanItem, ...]
    morning_pain: Mapping[dt.date, int]
    morning_stiffness: Mapping[dt.date, int]
    sleep_h: Mapping[dt.date, float]
    fatigue: Mapping[dt.date, int]
    tracks: tuple[Track, ...]
    # Dates on which a regress signal fired (any exercise): filled in by the engine once the context exists.
    regress_days: frozenset[dt.date] = field(default_factory=frozenset)

    def ago(self, days: int | float) -> dt.date:
        """The date `days` before today."""
        return self.today - dt.timedelta(days=int(days))

    def is_deload_week(self, day: dt.date) -> bool:
        """Is `day` in a deload week (the plan's, else the scheduled cycle)?"""
        return is_deload_week(day, self.anchor, self.every, self.plan)

    def usual_morning(self, day: dt.date) -> float:
        """Median morning pain of the 14 days before `day`; 0 with fewer than 7 check-ins there."""
        first = day - dt.timedelta(days=int(MORNING_BASELINE_DAYS.value))
        prior = [pain for date, pain in self.morning_pain.items() if first <= date < day]
        if len(prior) < USUAL_MIN_CHECKINS.value:
            return 0.0
        return float(statistics.median(prior))

    def morning_after(self, day: dt.date) -> tuple[int, float] | None:
        """(pain the morning after `day`, the usual level before that morning), or None without a check-in."""
        after_day = day + dt.timedelta(days=1)
        after = self.morning_pain.get(after_day)
        if after is None:
            return None
        return after, self.usual_morning(after_day)

    def next_session_day(self, track: Track) -> dt.date:
        """When the next session of an exercise falls: its next plan item after the last one logged (from today
        on), else today. The deload calendar is read for that day, since `next` is that session's dose."""
        after = track.last.date if track.days else None
        upcoming = [
            p.date for p in self.plan
            if p.exercise == track.slug and p.status != "skipped" and p.date >= self.today
            and (after is None or p.date > after)
        ]
        return min(upcoming, default=self.today)

    def track(self, slug: str) -> Track | None:
        """The track of one exercise, if it is covered."""
        return next((t for t in self.tracks if t.slug == slug), None)


def build_context(
    today: dt.date,
    profile: Profile,
    sessions: Iterable[Session],
    symptoms: Iterable[SymptomLog],
    runs: Iterable[Run],
    assessments: Iterable[Assessment],
    plan: Iterable[PlanItem],
    training_start: dt.date | None,
) -> Context:
    """The context of one call: records inside the window, sorted so the caller's order never matters."""
    start = today - dt.timedelta(days=HISTORY_DAYS - 1)
    horizon = today + dt.timedelta(days=int(PLAN_LOOKAHEAD_DAYS.value))

    def inside(day: dt.date) -> bool:
        return start <= day <= today

    kept_sessions = tuple(sorted((s for s in sessions if inside(s.date) and s.exercise in EXERCISES), key=repr))
    kept_sessions = tuple(sorted(kept_sessions, key=lambda s: s.date))
    kept_symptoms = tuple(sorted((s for s in symptoms if inside(s.date)), key=repr))
    kept_runs = tuple(sorted((r for r in runs if inside(r.date)), key=repr))
    kept_assessments = tuple(sorted((a for a in assessments if inside(a.date)), key=repr))
    kept_plan = tuple(sorted((p for p in plan if start <= p.date <= horizon and p.exercise in EXERCISES), key=repr))
    pain: dict[dt.date, int] = {}
    stiffness: dict[dt.date, int] = {}
    sleep: dict[dt.date, float] = {}
    fatigue: dict[dt.date, int] = {}
    for log in kept_symptoms:
        # Sleep is the night before whenever it was logged; the other series are morning readings.
        if log.sleep_h is not None:
            sleep[log.date] = min(sleep.get(log.date, log.sleep_h), log.sleep_h)
        if log.when != "morning":
            continue
        pain[log.date] = max(pain.get(log.date, 0), log.pain)
        if log.stiffness is not None:
            stiffness[log.date] = max(stiffness.get(log.date, 0), log.stiffness)
        if log.fatigue is not None:
            fatigue[log.date] = max(fatigue.get(log.date, 0), log.fatigue)
    anchor = training_anchor(today, (s.date for s in kept_sessions), training_start)
    every = deload_every(profile)
    ctx = Context(
        today, profile, pain_limit(profile.mode), every, anchor, kept_sessions, kept_symptoms, kept_runs,
        kept_assessments, kept_plan, pain, stiffness, sleep, fatigue, (),
    )
    recent = today - dt.timedelta(days=int(ADVICE_RECENT_DAYS.value))
    wanted = {s.exercise for s in kept_sessions if s.date >= recent}
    wanted |= {p.exercise for p in kept_plan if p.date >= today and p.status == "planned"}
    tracks = tuple(Track(EXERCISES[slug], _days(ctx, EXERCISES[slug])) for slug in SLUGS if slug in wanted)
    return replace(ctx, tracks=tracks)


def _days(ctx: Context, exercise: Exercise) -> tuple[Day, ...]:
    grouped: dict[dt.date, list[Session]] = {}
    for session in ctx.sessions:
        if session.exercise == exercise.slug:
            grouped.setdefault(session.date, []).append(session)
    days: list[Day] = []
    for date in sorted(grouped):
        days.append(_make_day(ctx, exercise, date, grouped[date], days[-1] if days else None))
    return tuple(days)


def _make_day(ctx: Context, exercise: Exercise, date: dt.date, sessions: list[Session], before: Day | None) -> Day:
    slug = exercise.slug
    step = _step_of(exercise, sessions)
    done = _weaker_side(slug, [e for s in sessions for e in s.sets])
    pains = [s.pain_during for s in sessions if s.pain_during is not None]
    rpes = [s.rpe for s in sessions if s.rpe is not None]
    deload_week = ctx.is_deload_week(date)
    planned = [p for p in ctx.plan if p.date == date and p.exercise == slug and p.status != "skipped"]
    if before is None:
        # The first session in the window sets the usual dose; a plan item still says what was asked for.
        prescribed = planned[0].prescription if planned else None
        return _day(date, slug, step, pains, rpes, done, prescribed, "plan" if planned else "", deload_week, False,
                    step, done)
    usual_step, usual = before.usual_step, before.usual
    cut_step, cut = deload_target(slug, usual_step, usual)
    up = exercise.step_index(step) - exercise.step_index(usual_step)
    lighter = up < 0 or volume(done) < volume(usual)
    # Outside a deload week only the exact cut on the same step reads as a deload (one brought forward).
    exactly_cut = step == cut_step == usual_step and done.reps == cut.reps and done.hold_s == cut.hold_s
    deload = lighter and (deload_week or exactly_cut)
    if planned:
        # The plan item says what the session was: a regress done at its lower dose is no deload, whatever week.
        prescribed, source = planned[0].prescription, "plan"
        deload = planned[0].deload and lighter
    elif deload and step == cut_step:
        prescribed, source = cut, "deload of your usual dose"
    elif step != usual_step or deload or (is_level(slug, done) and match_level(slug, done) < match_level(slug, usual)):
        prescribed, source = None, ""  # a deliberate change: another step or a lower dose level
    else:
        prescribed, source = usual, "usual dose"
    day = _day(date, slug, step, pains, rpes, done, prescribed, source, deload_week, deload, usual_step, usual)
    if deload:
        # A deload never becomes the usual dose; a step up taken during the deload keeps the usual dose.
        return replace(day, usual_step=step) if up > 0 else day
    if prescribed is None or day.complete:
        return replace(day, usual_step=step, usual=done)
    return day  # a failed or partial session keeps the usual dose


def _day(
    date: dt.date, slug: str, step: str, pains: list[int], rpes: list[int], done: Prescription,
    prescribed: Prescription | None, source: str, deload_week: bool, deload: bool, usual_step: str,
    usual: Prescription,
) -> Day:
    completion = None
    if prescribed is not None and volume(prescribed) > 0:
        completion = volume(done) / volume(prescribed)
    return Day(date, slug, step, max(pains, default=None), max(rpes, default=None), done, prescribed, source,
               completion, deload_week, deload, usual_step, usual)


def _step_of(exercise: Exercise, sessions: list[Session]) -> str:
    steps = [s.step for s in sessions if s.step and s.step in {x.slug for x in exercise.ladder}]
    if not steps:
        return exercise.default_step
    return max(steps, key=exercise.step_index)


def _weaker_side(slug: str, entries: list[SetEntry]) -> Prescription:
    by_side: dict[str, list[SetEntry]] = {}
    for entry in entries:
        by_side.setdefault(entry.side, []).append(entry)
    options = [prescription_from_sets(slug, group) for _, group in sorted(by_side.items())]
    return min(options, key=volume)
