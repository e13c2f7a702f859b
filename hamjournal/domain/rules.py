"""The advice engine: progress, hold, regress, deload or stop, per exercise, with reasons and sources.

`advise` reads the runner's recent log and answers for every exercise planned (last 8 weeks or next 7 days)
or logged (last 8 weeks). Decision order, first match wins (rules-reference.md section 2):

1. stop     - a sudden pain or "pop" or any pain >= 7/10 in the last 14 days, or morning pain rising two weeks
              in a row in spite of a deload. Applies to every exercise.
2. regress  - more than 14 days without the exercise (two moves down); pain during above P, the next
              morning above the usual level, or fewer than 80% of prescribed reps in a session of the last
              7 days at the current dose.
   deload   - a scheduled deload week, or one brought forward (two regress signals within 7 days, morning
              stiffness or morning pain rising two weeks in a row).
3. hold     - 8-14 days off (one move down allowed); pain at P or P-1 or RPE 9-10 in a session of the last
              7 days at the current dose; this week's morning stiffness above last week's; a run warning.
4. progress - at least 2 sessions of the last 14 days at the current step and dose, spanning at least 7 days,
              all complete, pain <= 3/10, next morning not above the usual level, RPE <= 8.
   Otherwise hold, saying what would change it.

Definitions the reference leaves open:
- The "usual level" of morning pain is the median of the daily morning pain over the 14 days up to and
  including the session day; the "next morning" is the morning check-in the day after the session. Either
  missing means the signal is unknown, which neither regresses nor blocks progress.
- The prescription of a session is the plan item for that day, else the previous session's dose (cut for a
  deload week). A session logged at a different step, or exactly at a lower dose level, is taken as a
  deliberate change (it has no prescription to fall short of).
- Sessions of one exercise on one day are merged; the weaker side decides the dose done.
- Weeks for trends are rolling 7-day blocks ending today. Deload weeks come from the plan when it has items
  this week (Monday-Sunday), else every Nth week (profile.deload_every, 4-6) counted from `training_start`
  (the first logged session, which the caller can get cheaply) or the first session after the last break of
  more than 14 days inside the window.

Only records dated inside the window (HISTORY_DAYS up to today; plan items also up to 7 days ahead) are read,
so adding older history never changes the advice.
"""

from __future__ import annotations

import datetime as dt
import itertools
import json
import statistics
from collections.abc import Iterable
from dataclasses import dataclass, field, replace
from typing import Any

from hamjournal.domain import load as load_maths
from hamjournal.domain.library.doses import (
    deload_prescription,
    dose_source,
    entry_dose,
    is_level,
    lapse_target,
    match_level,
    prescription_from_sets,
    progress_target,
    regress_target,
    volume,
)
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
    ADVICE_WINDOW_DAYS,
    ASYMMETRY,
    ASYMMETRY_EXTRA_SETS,
    COMPLETED_REPS_FRACTION,
    DELOAD_EVERY_MAX,
    DELOAD_EVERY_MIN,
    DELOAD_SET_CUT,
    HOLD_PAIN_BAND,
    LAPSE_DAYS,
    LONGEST_RUN_WINDOW_DAYS,
    MORNING_BASELINE_DAYS,
    PLAN_LOOKAHEAD_DAYS,
    PROGRESS_COMPLETE_FRACTION,
    PROGRESS_MIN_SESSIONS,
    PROGRESS_MIN_SPAN_DAYS,
    PROGRESS_PAIN_MAX,
    PROGRESS_RPE_MAX,
    PROGRESS_WINDOW_DAYS,
    RECENT_DAYS,
    REGRESS_REPEAT_COUNT,
    REGRESS_REPEAT_DAYS,
    RPE_HOLD,
    RUN_FLAG_DAYS,
    RUN_SPIKE_CAUTION,
    RUN_SPIKE_WARNING,
    SHORT_LAPSE_DAYS,
    STOP_PAIN,
    STOP_WINDOW_DAYS,
    TREND_WEEKS,
    VOLUME_JUMP,
    VOLUME_JUMP_WINDOW_DAYS,
    Threshold,
    pain_limit,
)

HISTORY_DAYS: int = int(ADVICE_WINDOW_DAYS.value)
"""Days of history (up to and including today) the rules read; callers may pass more, it is ignored."""

ACTIONS: tuple[str, ...] = ("progress", "hold", "regress", "deload", "stop")
FLAG_KINDS: tuple[str, ...] = (
    "red-flag", "pain-limit", "morning-worse", "stiffness-rising", "lapse", "scheduled-deload",
    "run-spike", "volume-jump", "asymmetry", "acwr",
)
FLAG_LEVELS: tuple[str, ...] = ("info", "caution", "warning", "danger")
# Tests whose left/right numbers are counts or seconds: only these get the asymmetry prompt.
REP_BASED_TESTS: dict[str, str] = {"sl-bridge-reps": "Single-leg bridge reps", "iso-hold-s": "Isometric hold time"}

_WEEK = 7  # days in a week: a calendar fact, not a threshold
_WEEKDAYS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")
_PROGRESS_NEEDS = (
    f"{PROGRESS_MIN_SESSIONS.value} sessions at least {PROGRESS_MIN_SPAN_DAYS.value} days apart with all reps done, "
    f"pain {PROGRESS_PAIN_MAX.value}/10 or less and RPE {PROGRESS_RPE_MAX.value} or less, and you progress."
)
_STOP_TEXT = "Stop hamstring loading and see a physiotherapist or doctor before you train it again."


# --- output ------------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Advice:
    """What to do next with one exercise, and why."""

    exercise: str
    action: str
    step: str
    current: Prescription | None
    next: Prescription | None
    next_step: str | None
    reasons: tuple[str, ...]
    sources: tuple[str, ...]
    what_would_change: str | None = None
    # True when a hold is for a reason (pain near the limit, RPE, stiffness, sleep, a run warning), not only
    # "not enough sessions yet": the planner then keeps the usual dose instead of following the programme.
    dose_held: bool = False
    # The day of the next planned session that `next` describes (set from the stored plan), or None.
    planned_on: dt.date | None = None

    def to_dict(self) -> dict[str, Any]:
        """The design's advice item, plus next_step and what_would_change."""
        return {
            "exercise": self.exercise,
            "action": self.action,
            "step": self.step,
            "current": _prescription_dict(self.current),
            "next": _prescription_dict(self.next),
            "next_step": self.next_step,
            "reasons": list(self.reasons),
            "sources": list(self.sources),
            "what_would_change": self.what_would_change,
            "planned_on": None if self.planned_on is None else self.planned_on.isoformat(),
        }


@dataclass(frozen=True)
class Flag:
    """Something the runner should notice; `exercise` is set when the flag is about one exercise."""

    kind: str
    level: str
    message: str
    exercise: str | None = None

    def to_dict(self) -> dict[str, Any]:
        """The design's flag item (exercise added when set)."""
        out: dict[str, Any] = {"kind": self.kind, "level": self.level, "message": self.message}
        if self.exercise is not None:
            out["exercise"] = self.exercise
        return out


@dataclass(frozen=True)
class LoadSummary:
    """Running load as a description: distances, longest run, and the acute:chronic ratio when it exists."""

    data_days: int
    km_last_7_days: float
    km_previous_7_days: float
    longest_run_30_days_km: float | None
    two_week_change: float | None
    acute_load: float | None
    chronic_load: float | None
    acwr: float | None
    acwr_description: str | None

    def to_dict(self) -> dict[str, Any]:
        """Plain values for JSON."""
        return {
            "data_days": self.data_days,
            "km_last_7_days": round(self.km_last_7_days, 2),
            "km_previous_7_days": round(self.km_previous_7_days, 2),
            "longest_run_30_days_km": self.longest_run_30_days_km,
            "two_week_change": _rounded(self.two_week_change),
            "acute_load": _rounded(self.acute_load),
            "chronic_load": _rounded(self.chronic_load),
            "acwr": _rounded(self.acwr),
            "acwr_description": self.acwr_description,
        }


@dataclass(frozen=True)
class AdviceReport:
    """Today's advice for every exercise, the flags, and the running load summary."""

    date: dt.date
    advice: tuple[Advice, ...]
    flags: tuple[Flag, ...]
    load: LoadSummary

    def to_dict(self) -> dict[str, Any]:
        """The design's Advice JSON shape as a dict (with an extra "load" key)."""
        return {
            "date": self.date.isoformat(),
            "advice": [a.to_dict() for a in self.advice],
            "flags": [f.to_dict() for f in self.flags],
            "load": self.load.to_dict(),
        }

    def to_json(self) -> str:
        """The design's Advice JSON (`hamjournal advice --json`)."""
        return json.dumps(self.to_dict(), ensure_ascii=False)

    def for_exercise(self, slug: str) -> Advice | None:
        """The advice for one exercise, if it is covered."""
        return next((a for a in self.advice if a.exercise == slug), None)


def _prescription_dict(p: Prescription | None) -> dict[str, Any] | None:
    if p is None:
        return None
    return {"sets": p.sets, "reps": list(p.reps), "hold_s": p.hold_s, "tempo": p.tempo}


def _rounded(value: float | None) -> float | None:
    return None if value is None else round(value, 3)


# --- the day record the rules reason about -----------------------------------------------------------------


@dataclass(frozen=True)
class _Day:
    """All sessions of one exercise on one date, with what was prescribed and what it amounts to."""

    date: dt.date
    exercise: str
    step: str
    pain: int | None
    rpe: int | None
    done: Prescription
    prescribed: Prescription | None
    prescribed_from: str
    completion: float | None
    dose: Prescription
    level: int


@dataclass(frozen=True)
class _Signal:
    """One reason to act, tied to the numbers that triggered it."""

    text: str
    source: str
    flag: Flag | None = None


@dataclass
class _Context:
    """Everything computed once per `advise` call."""

    today: dt.date
    profile: Profile
    limit: Threshold
    sessions: tuple[Session, ...]
    symptoms: tuple[SymptomLog, ...]
    runs: tuple[Run, ...]
    assessments: tuple[Assessment, ...]
    plan: tuple[PlanItem, ...]
    anchor: dt.date | None
    every: int
    morning_pain: dict[dt.date, int] = field(default_factory=dict)
    morning_stiffness: dict[dt.date, int] = field(default_factory=dict)

    def ago(self, days: int | float) -> dt.date:
        return self.today - dt.timedelta(days=int(days))

    def is_deload_week(self, day: dt.date) -> bool:
        """Deload weeks: the plan's, when it has items that week; else every Nth week from the anchor."""
        monday = day - dt.timedelta(days=day.weekday())
        sunday = monday + dt.timedelta(days=_WEEK - 1)
        planned = [p for p in self.plan if monday <= p.date <= sunday]
        if planned:
            return any(p.deload for p in planned)
        if self.anchor is None or day < self.anchor:
            return False
        week = (day - self.anchor).days // _WEEK + 1
        return week % self.every == 0

    def cycle_week(self, day: dt.date) -> int | None:
        if self.anchor is None or day < self.anchor:
            return None
        return (day - self.anchor).days // _WEEK + 1


# --- entry point -------------------------------------------------------------------------------------------


def advise(
    today: dt.date,
    profile: Profile,
    sessions: Iterable[Session],
    symptoms: Iterable[SymptomLog],
    runs: Iterable[Run],
    assessments: Iterable[Assessment] = (),
    plan: Iterable[PlanItem] = (),
    *,
    training_start: dt.date | None = None,
) -> AdviceReport:
    """Today's advice for every exercise planned or logged recently, with flags and a load summary.

    Records older than HISTORY_DAYS (or dated after today; plan items up to 7 days ahead) are ignored.
    `training_start` is the date of the runner's first logged session; it anchors the deload cycle.
    """
    ctx = _context(today, profile, sessions, symptoms, runs, assessments, plan, training_start)
    days_by_exercise = {slug: _days(ctx, slug) for slug in _covered(ctx)}
    flags: list[Flag] = []

    stop = _stop_signals(ctx)
    deload = [] if stop else _deload_signals(ctx, days_by_exercise)
    shared_hold = [] if stop else _shared_hold_signals(ctx)
    for signal in [*stop, *deload, *shared_hold]:
        if signal.flag is not None:
            flags.append(signal.flag)
    flags.extend(_run_caution_flags(ctx))

    advice = []
    for slug, days in days_by_exercise.items():
        item, own_flags = _advise_exercise(ctx, EXERCISES[slug], days, stop, deload, shared_hold)
        advice.append(item)
        flags.extend(own_flags)
    flags.extend(_asymmetry_flags(ctx))
    summary = _load_summary(ctx)
    if summary.acwr_description is not None:
        flags.append(Flag("acwr", "info", summary.acwr_description))
    return AdviceReport(today, tuple(advice), tuple(_unique(flags)), summary)


def _context(
    today: dt.date,
    profile: Profile,
    sessions: Iterable[Session],
    symptoms: Iterable[SymptomLog],
    runs: Iterable[Run],
    assessments: Iterable[Assessment],
    plan: Iterable[PlanItem],
    training_start: dt.date | None,
) -> _Context:
    start = today - dt.timedelta(days=HISTORY_DAYS - 1)
    horizon = today + dt.timedelta(days=int(PLAN_LOOKAHEAD_DAYS.value))

    def inside(day: dt.date) -> bool:
        return start <= day <= today

    # Sorting on the full record makes the result independent of the order the caller passes.
    kept_sessions = tuple(sorted((s for s in sessions if inside(s.date) and s.exercise in EXERCISES), key=repr))
    kept_sessions = tuple(sorted(kept_sessions, key=lambda s: s.date))
    kept_symptoms = tuple(sorted((s for s in symptoms if inside(s.date)), key=repr))
    kept_runs = tuple(sorted((r for r in runs if inside(r.date)), key=repr))
    kept_assessments = tuple(sorted((a for a in assessments if inside(a.date)), key=repr))
    kept_plan = tuple(sorted((p for p in plan if start <= p.date <= horizon and p.exercise in EXERCISES), key=repr))
    every = min(max(int(profile.deload_every), int(DELOAD_EVERY_MIN.value)), int(DELOAD_EVERY_MAX.value))
    ctx = _Context(
        today, profile, pain_limit(profile.mode), kept_sessions, kept_symptoms, kept_runs, kept_assessments,
        kept_plan, _deload_anchor(today, kept_sessions, training_start), every,
    )
    for log in kept_symptoms:
        if log.when != "morning":
            continue
        ctx.morning_pain[log.date] = max(ctx.morning_pain.get(log.date, 0), log.pain)
        if log.stiffness is not None:
            ctx.morning_stiffness[log.date] = max(ctx.morning_stiffness.get(log.date, 0), log.stiffness)
    return ctx


def _deload_anchor(today: dt.date, sessions: tuple[Session, ...], training_start: dt.date | None) -> dt.date | None:
    """Where the deload cycle starts counting, or None when the runner is on a break."""
    dates = sorted({s.date for s in sessions})
    if not dates or (today - dates[-1]).days > LAPSE_DAYS.value:
        return None
    restart = dates[0]
    for before, after in itertools.pairwise(dates):
        # A break longer than a lapse restarts the cycle: the runner is rebuilding, not due a deload.
        if (after - before).days > LAPSE_DAYS.value:
            restart = after
    if restart == dates[0] and training_start is not None and training_start <= dates[0]:
        return training_start
    return restart


def _covered(ctx: _Context) -> list[str]:
    wanted = {s.exercise for s in ctx.sessions} | {p.exercise for p in ctx.plan}
    return [slug for slug in SLUGS if slug in wanted]


# --- building days -----------------------------------------------------------------------------------------


def _days(ctx: _Context, slug: str) -> tuple[_Day, ...]:
    exercise = EXERCISES[slug]
    grouped: dict[dt.date, list[Session]] = {}
    for session in ctx.sessions:
        if session.exercise == slug:
            grouped.setdefault(session.date, []).append(session)
    days: list[_Day] = []
    for date in sorted(grouped):
        day = _make_day(ctx, exercise, date, grouped[date], days[-1] if days else None)
        days.append(day)
    return tuple(days)


def _make_day(ctx: _Context, exercise: Exercise, date: dt.date, sessions: list[Session], before: _Day | None) -> _Day:
    step = _step_of(exercise, sessions)
    done = _weaker_side(exercise.slug, [e for s in sessions for e in s.sets])
    pains = [s.pain_during for s in sessions if s.pain_during is not None]
    rpes = [s.rpe for s in sessions if s.rpe is not None]
    planned = [p for p in ctx.plan if p.date == date and p.exercise == exercise.slug and p.status != "skipped"]
    prescribed: Prescription | None = None
    source = ""
    if planned:
        prescribed, source = planned[0].prescription, "plan"
    elif before is not None and before.step == step:
        deliberate = is_level(exercise.slug, done) and match_level(exercise.slug, done) < before.level
        if not deliberate:
            previous = before.dose
            prescribed = deload_prescription(previous) if ctx.is_deload_week(date) else previous
            source = "previous session"
    completion = None
    if prescribed is not None and volume(prescribed) > 0:
        completion = volume(done) / volume(prescribed)
    failed = completion is not None and completion < PROGRESS_COMPLETE_FRACTION.value
    dose = prescribed if failed and prescribed is not None else done
    return _Day(
        date, exercise.slug, step, max(pains, default=None), max(rpes, default=None), done, prescribed, source,
        completion, dose, match_level(exercise.slug, dose),
    )


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


def _block(days: tuple[_Day, ...]) -> tuple[_Day, ...]:
    """The most recent days at the same step and dose level: the runner's current dose."""
    if not days:
        return ()
    last = days[-1]
    block = [last]
    for day in reversed(days[:-1]):
        if day.step != last.step or day.level != last.level:
            break
        block.append(day)
    return tuple(reversed(block))


# --- signals -----------------------------------------------------------------------------------------------


def _stop_signals(ctx: _Context) -> list[_Signal]:
    since = ctx.ago(STOP_WINDOW_DAYS.value - 1)
    signals: list[_Signal] = []
    for log in ctx.symptoms:
        if log.date < since:
            continue
        if log.sudden:
            text = f"You logged a sudden sharp pain in the back of the thigh on {_day_name(log.date)}."
            signals.append(_Signal(text, STOP_PAIN.label, Flag("red-flag", "danger", text)))
        elif log.pain >= STOP_PAIN.value:
            text = (
                f"Pain {log.pain}/10 ({log.when}) on {_day_name(log.date)} is {STOP_PAIN.value}/10 or more."
            )
            signals.append(_Signal(text, STOP_PAIN.label, Flag("red-flag", "danger", text)))
    for session in ctx.sessions:
        if session.date >= since and session.pain_during is not None and session.pain_during >= STOP_PAIN.value:
            text = (
                f"Pain {session.pain_during}/10 during your {EXERCISES[session.exercise].name} on "
                f"{_day_name(session.date)} is {STOP_PAIN.value}/10 or more."
            )
            signals.append(_Signal(text, STOP_PAIN.label, Flag("red-flag", "danger", text)))
    pain_weeks = _weekly_means(ctx, ctx.morning_pain)
    deloaded = any(ctx.is_deload_week(ctx.ago(n)) for n in range(int(TREND_WEEKS.value) * _WEEK))
    if _rising_weeks(pain_weeks, int(TREND_WEEKS.value)) and deloaded:
        text = (
            f"Morning pain rose two weeks in a row ({_weeks_text(pain_weeks)}) in spite of a deload."
        )
        signals.append(_Signal(text, "Silbernagel 2007", Flag("morning-worse", "danger", text)))
    return signals


def _deload_signals(ctx: _Context, days_by_exercise: dict[str, tuple[_Day, ...]]) -> list[_Signal]:
    signals: list[_Signal] = []
    cut = f"keep the sessions and cut sets by about {DELOAD_SET_CUT.value:.0%}"
    if ctx.is_deload_week(ctx.today):
        week = ctx.cycle_week(ctx.today)
        why = "your plan has a deload this week" if week is None or _plan_this_week(ctx) else (
            f"this is week {week} of your training, and you deload every {ctx.every}th week"
        )
        text = f"Deload week: {why}; {cut}."
        signals.append(_Signal(text, "practitioner survey (conv.)", Flag("scheduled-deload", "info", text)))
    since = ctx.ago(REGRESS_REPEAT_DAYS.value)
    fired = [
        (day, sig) for days in days_by_exercise.values() for day in days if day.date >= since
        for sig in _regress_day_signals(ctx, day)[:1]
    ]
    if len(fired) >= REGRESS_REPEAT_COUNT.value:
        listing = "; ".join(
            f"{EXERCISES[day.exercise].name} on {_day_name(day.date)}" for day, _ in fired
        )
        text = f"Deload brought forward: a regress signal fired {len(fired)} times within 7 days ({listing}); {cut}."
        signals.append(_Signal(text, "practitioner survey (conv.)", Flag("scheduled-deload", "warning", text)))
    weeks = int(TREND_WEEKS.value)
    stiffness = _weekly_means(ctx, ctx.morning_stiffness)
    if _rising_weeks(stiffness, weeks):
        text = f"Morning stiffness rose two weeks in a row ({_weeks_text(stiffness)}): deload now; {cut}."
        signals.append(_Signal(text, "Silbernagel 2007", Flag("stiffness-rising", "warning", text)))
    pain = _weekly_means(ctx, ctx.morning_pain)
    if _rising_weeks(pain, weeks):
        # Soreness building is the reference's reason to deload early; if it still rises after, it's a stop.
        text = f"Morning pain rose two weeks in a row ({_weeks_text(pain)}): deload now; {cut}."
        signals.append(_Signal(text, "Silbernagel 2007", Flag("morning-worse", "warning", text)))
    return signals


def _shared_hold_signals(ctx: _Context) -> list[_Signal]:
    signals: list[_Signal] = []
    stiffness = _weekly_means(ctx, ctx.morning_stiffness)
    if _rising_weeks(stiffness, 1) and not _rising_weeks(stiffness, int(TREND_WEEKS.value)):
        text = (
            f"Your average morning stiffness this week ({stiffness[0]:.1f}/10) is above last week's "
            f"({stiffness[1]:.1f}/10)."
        )
        signals.append(_Signal(text, "Silbernagel 2007", Flag("stiffness-rising", "caution", text)))
    since = ctx.ago(RUN_FLAG_DAYS.value - 1)
    spikes = [(r, load_maths.run_spike(ctx.runs, r)) for r in ctx.runs if r.date >= since]
    worst = max(((r, s) for r, s in spikes if s is not None), key=lambda pair: pair[1], default=None)
    if worst is not None and worst[1] > RUN_SPIKE_WARNING.value:
        run, spike = worst
        longest = load_maths.longest_run_km(ctx.runs, run.date)
        text = (
            f"Your run of {run.distance_km:g} km on {_day_name(run.date)} was {spike:.0%} longer than your longest run "
            f"of the {LONGEST_RUN_WINDOW_DAYS.value} days before ({longest:g} km), more than "
            f"{RUN_SPIKE_WARNING.value:.0%}."
        )
        signals.append(_Signal(text, RUN_SPIKE_WARNING.label, Flag("run-spike", "warning", text)))
    change = load_maths.two_week_distance_change(ctx.runs, ctx.today)
    if change is not None and change > VOLUME_JUMP.value:
        window = int(VOLUME_JUMP_WINDOW_DAYS.value)
        recent = load_maths.distance_between(ctx.runs, ctx.ago(window - 1), ctx.today)
        text = (
            f"You ran {recent:g} km in the last {window} days, {change:.0%} more than the {window} days before, "
            f"above {VOLUME_JUMP.value:.0%}."
        )
        signals.append(_Signal(text, VOLUME_JUMP.label, Flag("volume-jump", "warning", text)))
    return signals


def _run_caution_flags(ctx: _Context) -> list[Flag]:
    since = ctx.ago(RUN_FLAG_DAYS.value - 1)
    flags = []
    for run in ctx.runs:
        spike = load_maths.run_spike(ctx.runs, run) if run.date >= since else None
        if spike is not None and RUN_SPIKE_CAUTION.value < spike <= RUN_SPIKE_WARNING.value:
            flags.append(Flag(
                "run-spike", "caution",
                f"Your run of {run.distance_km:g} km on {_day_name(run.date)} was {spike:.0%} longer than your longest "
                f"of the {LONGEST_RUN_WINDOW_DAYS.value} days before, more than {RUN_SPIKE_CAUTION.value:.0%} "
                "(BJSM 2025 (Frandsen et al.)).",
            ))
    return flags


def _regress_day_signals(ctx: _Context, day: _Day) -> list[_Signal]:
    """Regress signals of one day: pain above P, next morning above the usual level, under 80% of reps."""
    name = EXERCISES[day.exercise].name
    out: list[_Signal] = []
    limit = ctx.limit
    if day.pain is not None and day.pain > limit.value:
        text = (
            f"Pain {day.pain}/10 during your {name} on {_day_name(day.date)} is above your limit of {limit.value}/10."
        )
        out.append(_Signal(text, limit.source, Flag("pain-limit", "warning", text, day.exercise)))
    morning = _morning_after(ctx, day.date)
    if morning is not None:
        after, usual = morning
        if after > usual:
            text = (
                f"The morning after your {name} on {_day_name(day.date)} your pain was {after}/10, above your usual "
                f"{usual:g}/10 (median of the {MORNING_BASELINE_DAYS.value} days before)."
            )
            out.append(_Signal(text, "Silbernagel 2007", Flag("morning-worse", "warning", text, day.exercise)))
    if day.completion is not None and day.prescribed is not None and day.completion < COMPLETED_REPS_FRACTION.value:
        unit = "seconds" if day.prescribed.hold_s is not None else "reps"
        text = (
            f"On {_day_name(day.date)} you did {volume(day.done)} of {volume(day.prescribed)} prescribed {unit} "
            f"({day.completion:.0%}, {_show(day.done)} against {_show(day.prescribed)} from your "
            f"{day.prescribed_from}), fewer than {COMPLETED_REPS_FRACTION.value:.0%}."
        )
        out.append(_Signal(text, COMPLETED_REPS_FRACTION.label))
    return out


def _hold_day_signals(ctx: _Context, day: _Day) -> list[_Signal]:
    name = EXERCISES[day.exercise].name
    out: list[_Signal] = []
    limit = ctx.limit
    low = limit.value - HOLD_PAIN_BAND.value
    if day.pain is not None and low <= day.pain <= limit.value:
        text = (
            f"Pain {day.pain}/10 during your {name} on {_day_name(day.date)} is acceptable but close to your limit "
            f"of {limit.value}/10: hold the dose."
        )
        out.append(_Signal(text, limit.source, Flag("pain-limit", "caution", text, day.exercise)))
    if day.rpe is not None and day.rpe >= RPE_HOLD.value:
        text = f"Your {name} on {_day_name(day.date)} felt very hard (RPE {day.rpe}/10): hold until it feels easier."
        out.append(_Signal(text, RPE_HOLD.label))
    return out


def _progress_misses(ctx: _Context, day: _Day) -> list[str]:
    """Why one day at the current dose does not count towards progress."""
    misses = []
    if day.completion is not None and day.completion < PROGRESS_COMPLETE_FRACTION.value:
        misses.append(f"on {_day_name(day.date)} not every rep was done ({day.completion:.0%})")
    if day.pain is not None and day.pain > PROGRESS_PAIN_MAX.value:
        misses.append(
            f"pain was {day.pain}/10 on {_day_name(day.date)} (progress needs {PROGRESS_PAIN_MAX.value}/10 or less)"
        )
    if day.rpe is not None and day.rpe > PROGRESS_RPE_MAX.value:
        misses.append(f"RPE was {day.rpe} on {_day_name(day.date)} (progress needs {PROGRESS_RPE_MAX.value} or less)")
    morning = _morning_after(ctx, day.date)
    if morning is not None and morning[0] > morning[1]:
        misses.append(f"the morning after {_day_name(day.date)} was above your usual pain")
    return misses


# --- one exercise ------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class _Maker:
    """Builds the Advice of one exercise from an action, a target and the signals behind it."""

    slug: str
    step: str
    current: Prescription

    def __call__(
        self,
        action: str,
        target: tuple[str, Prescription] | None,
        signals: list[_Signal],
        change: str | None,
        extra: tuple[str, ...] = (),
    ) -> Advice:
        sources = _ordered([*(s.source for s in signals), *extra])
        return Advice(
            self.slug, action, self.step, self.current, None if target is None else target[1],
            None if target is None else target[0], tuple(s.text for s in signals), sources, change,
        )



def _advise_exercise(
    ctx: _Context,
    exercise: Exercise,
    days: tuple[_Day, ...],
    stop: list[_Signal],
    deload: list[_Signal],
    shared_hold: list[_Signal],
) -> tuple[Advice, list[Flag]]:
    slug = exercise.slug
    if not days:
        return _start_advice(ctx, exercise, stop), []
    last = days[-1]
    step, current = last.step, last.dose
    source = dose_source(slug)
    make = _Maker(slug, step, current)

    if stop:
        until = max(_signal_dates(ctx), default=ctx.today) + dt.timedelta(days=int(STOP_WINDOW_DAYS.value))
        signals = [*stop, _Signal(_STOP_TEXT, STOP_PAIN.label)]
        change = f"A professional's all-clear; the stop stands until {until.isoformat()} unless new pain is logged."
        return make("stop", None, signals, change), []

    gap = (ctx.today - last.date).days
    if gap > LAPSE_DAYS.value:
        target = lapse_target(slug, step, current, gap)
        text = (
            f"No {exercise.name} since {_day_name(last.date)} ({gap} days, more than {LAPSE_DAYS.value}): "
            f"restart two steps lower, at {_describe(exercise, *target)}."
        )
        flag = Flag("lapse", "warning", text, slug)
        change = "Two sessions a week apart at the restart dose, pain-free, and you climb again."
        return make("regress", target, [_Signal(text, LAPSE_DAYS.source)], change, (source,)), [flag]

    block = _block(days)
    recent = [d for d in block if d.date >= ctx.ago(RECENT_DAYS.value)]
    regress = [s for d in recent for s in _regress_day_signals(ctx, d)]
    if regress:
        target = regress_target(slug, step, current)
        regress.append(_Signal(f"Next: {_describe(exercise, *target)}.", source))
        change = (
            f"A session at the lower dose with pain {ctx.limit.value}/10 or less, all reps done and a settled "
            "next morning, and you hold there."
        )
        return make("regress", target, regress, change), [s.flag for s in regress if s.flag]

    if deload:
        target = (step, deload_prescription(current))
        change = "After the deload week you return to your usual dose."
        return make("deload", target, [*deload], change, (source,)), []

    hold = [s for d in recent for s in _hold_day_signals(ctx, d)]
    hold_flags = [s.flag for s in hold if s.flag]
    if gap >= SHORT_LAPSE_DAYS.value:
        lower = lapse_target(slug, step, current, gap)
        text = (
            f"No {exercise.name} since {_day_name(last.date)} ({gap} days): hold this dose; restarting one step "
            f"lower ({_describe(exercise, *lower)}) is fine too."
        )
        hold.insert(0, _Signal(text, LAPSE_DAYS.source))
        hold_flags.insert(0, Flag("lapse", "caution", text, slug))
    hold.extend(shared_hold)
    if hold:
        change = (
            f"Sessions at pain {PROGRESS_PAIN_MAX.value}/10 or less and RPE {PROGRESS_RPE_MAX.value} or less, "
            "with no running or stiffness flag, and you can progress."
        )
        return replace(make("hold", (step, current), hold, change, (source,)), dose_held=True), hold_flags

    return _progress_or_wait(ctx, exercise, block, make, source), []


def _progress_or_wait(
    ctx: _Context, exercise: Exercise, block: tuple[_Day, ...], make: _Maker, source: str
) -> Advice:
    slug = exercise.slug
    last = block[-1]
    window = [d for d in block if d.date >= ctx.ago(PROGRESS_WINDOW_DAYS.value)]
    misses = [m for d in window for m in _progress_misses(ctx, d)]
    span = (window[-1].date - window[0].date).days if window else 0
    dose_text = _describe(exercise, last.step, last.dose)
    if misses:
        text = f"Not yet ready to progress from {dose_text}: " + "; ".join(misses) + "."
        change = _PROGRESS_NEEDS
        return make("hold", (last.step, last.dose), [_Signal(text, "Silbernagel 2007")], change, (source,))
    if len(window) >= PROGRESS_MIN_SESSIONS.value and span >= PROGRESS_MIN_SPAN_DAYS.value:
        target = progress_target(slug, last.step, last.dose)
        if target[0] == last.step and match_level(slug, target[1]) <= last.level:
            text = f"You are at the top of the {exercise.name} ladder ({dose_text}): keep it as maintenance."
            return make("hold", (last.step, last.dose), [_Signal(text, source)], None)
        text = (
            f"{len(window)} sessions at {dose_text} from {_day_name(window[0].date)} to "
            f"{_day_name(window[-1].date)}, all reps done, pain {PROGRESS_PAIN_MAX.value}/10 or less, RPE "
            f"{PROGRESS_RPE_MAX.value} or less: move on to {_describe(exercise, *target)}."
        )
        return make("progress", target, [_Signal(text, source)], None, ("Silbernagel 2007",))
    needed = max(int(PROGRESS_MIN_SESSIONS.value) - len(window), 0)
    ready_on = window[0].date + dt.timedelta(days=int(PROGRESS_MIN_SPAN_DAYS.value))
    more = max(needed, 1 if ready_on > last.date else 0)
    text = f"{_sessions(len(window))} so far at {dose_text}, since {_day_name(window[0].date)}: keep this dose."
    change = (
        f"{_sessions(more, 'more ')} like these, on or after {ready_on.isoformat()}, with pain "
        f"{PROGRESS_PAIN_MAX.value}/10 or less and RPE {PROGRESS_RPE_MAX.value} or less, and you progress."
    )
    return make("hold", (last.step, last.dose), [_Signal(text, source)], change)


def _sessions(count: int, lead: str = "") -> str:
    """ "1 session", "2 more sessions"."""
    return f"{count} {lead}session{'' if count == 1 else 's'}"


def _start_advice(ctx: _Context, exercise: Exercise, stop: list[_Signal]) -> Advice:
    planned = sorted((p for p in ctx.plan if p.exercise == exercise.slug), key=lambda p: p.date)
    upcoming = [p for p in planned if p.date >= ctx.today]
    item = upcoming[0] if upcoming else (planned[-1] if planned else None)
    step = item.step if item is not None and item.step else exercise.default_step
    if step not in {s.slug for s in exercise.ladder}:
        step = exercise.default_step
    start = item.prescription if item is not None else entry_dose(exercise.slug)
    if stop:
        signals = [*stop, _Signal(_STOP_TEXT, STOP_PAIN.label)]
        return Advice(exercise.slug, "stop", step, None, None, None, tuple(s.text for s in signals),
                      _ordered([s.source for s in signals]), "A professional's all-clear.")
    text = (
        f"No {exercise.name} logged in the last {HISTORY_DAYS // 7} weeks: start at {_describe(exercise, step, start)}."
    )
    return Advice(
        exercise.slug, "hold", step, None, start, step, (text,), (dose_source(exercise.slug),), _PROGRESS_NEEDS
    )


# --- helpers -----------------------------------------------------------------------------------------------


def _morning_after(ctx: _Context, day: dt.date) -> tuple[int, float] | None:
    """(pain the next morning, usual morning pain) or None when either is unknown."""
    after = ctx.morning_pain.get(day + dt.timedelta(days=1))
    first = day - dt.timedelta(days=int(MORNING_BASELINE_DAYS.value) - 1)
    prior = [pain for date, pain in ctx.morning_pain.items() if first <= date <= day]
    if after is None or not prior:
        return None
    return after, statistics.median(prior)


def _weekly_means(ctx: _Context, series: dict[dt.date, int]) -> list[float | None]:
    """Mean of a daily series over rolling 7-day weeks ending today: [this week, last week, the one before]."""
    means: list[float | None] = []
    for week in range(int(TREND_WEEKS.value) + 1):
        end = ctx.ago(_WEEK * week)
        values = [v for d, v in series.items() if end - dt.timedelta(days=_WEEK - 1) <= d <= end]
        means.append(statistics.fmean(values) if values else None)
    return means


def _rising_weeks(means: list[float | None], weeks: int) -> bool:
    """True when the weekly mean rose `weeks` weeks in a row up to this week."""
    chain = means[: weeks + 1]
    if len(chain) < weeks + 1 or any(m is None for m in chain):
        return False
    return all(newer > older for newer, older in itertools.pairwise(chain))  # type: ignore[operator]


def _weeks_text(means: list[float | None]) -> str:
    shown = [f"{m:.1f}" for m in reversed(means) if m is not None]
    return " -> ".join(shown) + " /10 weekly average"


def _asymmetry_flags(ctx: _Context) -> list[Flag]:
    flags = []
    for test, label in REP_BASED_TESTS.items():
        results = [a for a in ctx.assessments if a.test == test and a.left and a.right]
        if not results:
            continue
        latest = max(results, key=lambda a: a.date)
        left, right = float(latest.left or 0), float(latest.right or 0)
        stronger = max(left, right)
        gap = (stronger - min(left, right)) / stronger
        if gap >= ASYMMETRY.value:
            weaker = "left" if left < right else "right"
            flags.append(Flag(
                "asymmetry", "caution",
                f"{label} on {latest.date.isoformat()}: left {left:g}, right {right:g} ({gap:.0%} lower on the "
                f"{weaker}). Add {ASYMMETRY_EXTRA_SETS.value} extra single-leg set on the {weaker} side; this is a "
                "prompt, not a risk figure.",
            ))
    return flags


def _load_summary(ctx: _Context) -> LoadSummary:
    runs = ctx.runs
    loads = load_maths.acute_chronic(runs, ctx.today)
    ratio = load_maths.acute_chronic_ratio(runs, ctx.today)
    return LoadSummary(
        data_days=load_maths.data_days(runs, ctx.today),
        km_last_7_days=load_maths.distance_between(runs, ctx.ago(_WEEK - 1), ctx.today),
        km_previous_7_days=load_maths.distance_between(runs, ctx.ago(2 * _WEEK - 1), ctx.ago(_WEEK)),
        longest_run_30_days_km=load_maths.longest_run_km(runs, ctx.today + dt.timedelta(days=1)),
        two_week_change=load_maths.two_week_distance_change(runs, ctx.today),
        acute_load=None if loads is None else loads[0],
        chronic_load=None if loads is None else loads[1],
        acwr=ratio,
        acwr_description=None if ratio is None else load_maths.describe_acwr(ratio),
    )


def _signal_dates(ctx: _Context) -> list[dt.date]:
    since = ctx.ago(STOP_WINDOW_DAYS.value - 1)
    dates = [s.date for s in ctx.symptoms if s.date >= since and (s.sudden or s.pain >= STOP_PAIN.value)]
    dates += [
        s.date for s in ctx.sessions
        if s.date >= since and s.pain_during is not None and s.pain_during >= STOP_PAIN.value
    ]
    return dates


def _plan_this_week(ctx: _Context) -> bool:
    monday = ctx.today - dt.timedelta(days=ctx.today.weekday())
    return any(monday <= p.date <= monday + dt.timedelta(days=_WEEK - 1) for p in ctx.plan)


def _day_name(day: dt.date) -> str:
    return f"{_WEEKDAYS[day.weekday()]} {day.isoformat()}"


def _show(p: Prescription) -> str:
    return p.logged_notation


def _describe(exercise: Exercise, step: str, p: Prescription) -> str:
    return f"{exercise.step(step).name.lower()}, {_show(p)}"


def _ordered(items: Iterable[str]) -> tuple[str, ...]:
    return tuple(dict.fromkeys(i for i in items if i))


def _unique(flags: list[Flag]) -> list[Flag]:
    return list(dict.fromkeys(flags))
