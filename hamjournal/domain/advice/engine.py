"""`advise`: today's call per exercise, by walking the tiers of rules over one context.

Tiers, first match wins: stop, then regress/deload (one tier: every reduction that applies is collected and
the smallest resulting dose wins, never their product), then hold, then progress (or hold, saying what would
change it). Each tier is a tuple of small named rules (rules_*.py) over the one Context; a new rule is one
function, one tuple entry and its thresholds in thresholds.py.

Only records dated inside the window (HISTORY_DAYS up to today; plan items also up to 7 days ahead) are read,
so adding older history never changes the advice. `training_start` (the first session ever logged) anchors
the deload cycle, as the planner anchors it (deload.py).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterable
from dataclasses import dataclass, replace

from hamjournal.domain.advice.context import HISTORY_DAYS, Context, Track, build_context
from hamjournal.domain.advice.doses import smallest
from hamjournal.domain.advice.report import Action, Advice, AdviceReport, Flag, FlagKind, FlagLevel
from hamjournal.domain.advice.rules_deload import DELOAD_RULES
from hamjournal.domain.advice.rules_hold import HOLD_RULES
from hamjournal.domain.advice.rules_progress import PROGRESS_NEEDS, progress_or_wait
from hamjournal.domain.advice.rules_regress import REGRESS_RULES, day_signal
from hamjournal.domain.advice.rules_stop import STOP_RULES, STOP_TEXT, stop_until
from hamjournal.domain.advice.running import asymmetry_flags, load_summary, run_flags, running_note
from hamjournal.domain.advice.signals import Signal, describe, ordered
from hamjournal.domain.library.doses import dose_source, entry_dose
from hamjournal.domain.library.exercises import EXERCISES, SLUGS
from hamjournal.domain.models import Assessment, PlanItem, Profile, Run, Session, SymptomLog
from hamjournal.domain.thresholds import PROGRESS_PAIN_MAX, PROGRESS_RPE_MAX, STOP_PAIN

Rule = Callable[[Context, Track], Signal | None]


@dataclass(frozen=True)
class Tier:
    """One tier of rules; the first tier with a signal decides the call."""

    name: str
    rules: tuple[Rule, ...]


TIERS: tuple[Tier, ...] = (
    Tier("stop", STOP_RULES),
    # Regress before deload in the tuple: on a tie of doses the more specific call (regress) is named.
    Tier("reduce", (*REGRESS_RULES, *DELOAD_RULES)),
    Tier("hold", HOLD_RULES),
)

_HOLD_CHANGE = (
    f"Sessions at pain {PROGRESS_PAIN_MAX.value}/10 or less and RPE {PROGRESS_RPE_MAX.value} or less, "
    "with no running, stiffness, sleep or fatigue flag, and you can progress."
)


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
    ctx = build_context(today, profile, sessions, symptoms, runs, assessments, plan, training_start)
    fired = {s.day for t in ctx.tracks for d in t.days if (s := day_signal(ctx, d)) is not None and s.day}
    ctx = replace(ctx, regress_days=frozenset(fired))
    flags: list[Flag] = []
    advice: list[Advice] = []
    for track in ctx.tracks:
        item, own = advise_track(ctx, track)
        advice.append(item)
        flags.extend(own)
    # Red flags show even when no exercise is covered (the stop rules read no exercise).
    no_track = Track(EXERCISES[SLUGS[0]], ())
    flags.extend(s.flag for rule in STOP_RULES if (s := rule(ctx, no_track)) is not None and s.flag is not None)
    stopped = any(a.action == Action.STOP for a in advice)
    if not stopped:
        flags.extend(f.flag for f in run_flags(ctx) if f.covered)
    flags.extend(asymmetry_flags(ctx))
    summary = load_summary(ctx)
    if summary.acwr_description is not None:
        flags.append(Flag(FlagKind.ACWR, FlagLevel.INFO, summary.acwr_description))
    return AdviceReport(today, tuple(advice), tuple(dict.fromkeys(flags)), summary)


def tier_signals(ctx: Context, track: Track) -> tuple[str, list[Signal]]:
    """The first tier with signals for this exercise, and its signals; ("progress", [...]) when none fired."""
    for tier in TIERS:
        signals = [s for rule in tier.rules if (s := rule(ctx, track)) is not None]
        if signals:
            return tier.name, signals
    return "progress", [progress_or_wait(ctx, track)]


def advise_track(ctx: Context, track: Track) -> tuple[Advice, list[Flag]]:
    """The Advice for one exercise and the flags behind it."""
    if not track.days:
        return _start_advice(ctx, track)
    name, signals = tier_signals(ctx, track)
    flags = [s.flag for s in signals if s.flag is not None]
    slug, step, current = track.slug, track.step, track.current
    source = dose_source(slug)
    texts = [s.text for s in signals]
    sources = [s.source for s in signals]
    if name == "stop":
        change = f"A professional's all-clear; the stop stands until {stop_until(ctx).isoformat()} unless new " \
                 "pain is logged."
        return Advice(slug, Action.STOP, step, current, None, None, (*texts, STOP_TEXT),
                      ordered([*sources, STOP_PAIN.label]), change), flags
    note = running_note(ctx)
    notes = [note] if note is not None else []
    if name == "reduce":
        targets = [s.target for s in signals if s.target is not None]
        target = smallest(slug, targets)
        winner = next(s for s in signals if s.target == target)
        texts.append(f"Next: {describe(track.exercise, *target)}.")
        if len(set(targets)) > 1:
            texts.append("Several reductions apply: the smallest dose wins, never their product.")
        return Advice(slug, winner.action, step, current, target[1], target[0], (*texts, *notes),
                      ordered([*sources, source]), winner.change), flags
    if name == "hold":
        return Advice(slug, Action.HOLD, step, current, current, step, (*texts, *notes), ordered([*sources, source]),
                      _HOLD_CHANGE, dose_held=True), flags
    signal = signals[0]
    target = signal.target or (step, current)
    extra = ("Silbernagel 2007",) if signal.action == Action.PROGRESS else ()
    return Advice(slug, signal.action, step, current, target[1], target[0], (*texts, *notes),
                  ordered([*sources, source, *extra]), signal.change), flags


def _start_advice(ctx: Context, track: Track) -> tuple[Advice, list[Flag]]:
    """An exercise planned but not logged in the window: start at the plan's dose (or the entry dose)."""
    exercise = track.exercise
    planned = sorted((p for p in ctx.plan if p.exercise == exercise.slug), key=lambda p: p.date)
    upcoming = [p for p in planned if p.date >= ctx.today]
    item = upcoming[0] if upcoming else (planned[-1] if planned else None)
    step = item.step if item is not None and item.step else exercise.default_step
    if step not in {s.slug for s in exercise.ladder}:
        step = exercise.default_step
    start = item.prescription if item is not None else entry_dose(exercise.slug)
    stop = [s for rule in STOP_RULES if (s := rule(ctx, track)) is not None]
    if stop:
        return Advice(exercise.slug, Action.STOP, step, None, None, None, (*(s.text for s in stop), STOP_TEXT),
                      ordered([*(s.source for s in stop), STOP_PAIN.label]), "A professional's all-clear."), \
            [s.flag for s in stop if s.flag is not None]
    text = (
        f"No {exercise.name} logged in the last {HISTORY_DAYS // 7} weeks: start at "
        f"{describe(exercise, step, start)}."
    )
    return Advice(exercise.slug, Action.HOLD, step, None, start, step, (text,), (dose_source(exercise.slug),),
                  PROGRESS_NEEDS), []
