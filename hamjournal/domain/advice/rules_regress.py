"""Regress tier (shares a tier with deload): one step or one dose level down.

Per day, first match: pain during above P; the next morning 3/10 or more AND at least 2 above usual; fewer
than 80% of the reps prescribed for that day. One reading is one signal however many rules it touches, so a
day gives at most one regress signal. The exercise regresses when a day of the last 7 at its current usual
dose has one; a lapse of more than 14 days restarts two steps lower.
"""

from __future__ import annotations

from collections.abc import Callable

from hamjournal.domain.advice.context import Context, Day, Track
from hamjournal.domain.advice.doses import lapse_dose, regress_dose
from hamjournal.domain.advice.report import Action, Flag, FlagKind, FlagLevel
from hamjournal.domain.advice.signals import Signal, day_name, describe, show
from hamjournal.domain.library.doses import volume
from hamjournal.domain.library.exercises import EXERCISES
from hamjournal.domain.thresholds import (
    COMPLETED_REPS_FRACTION,
    LAPSE_DAYS,
    MORNING_BASELINE_DAYS,
    MORNING_REGRESS_ABOVE_USUAL,
    MORNING_REGRESS_PAIN,
    RECENT_DAYS,
)

DayRule = Callable[[Context, Day], Signal | None]


def pain_above_limit(ctx: Context, day: Day) -> Signal | None:
    """Pain during the exercise above P (prevention 5/10, rehab 4/10)."""
    limit = ctx.limit
    if day.pain is None or day.pain <= limit.value:
        return None
    text = (
        f"Pain {day.pain}/10 during your {EXERCISES[day.exercise].name} on {day_name(day.date)} is above your "
        f"limit of {limit.value}/10."
    )
    return Signal(Action.REGRESS, text, limit.source, Flag(FlagKind.PAIN_LIMIT, FlagLevel.WARNING, text, day.exercise),
                  day=day.date)


def morning_worse(ctx: Context, day: Day) -> Signal | None:
    """The next morning 3/10 or more and at least 2 above the usual level (a one-point wobble is noise)."""
    morning = ctx.morning_after(day.date)
    if morning is None:
        return None
    after, usual = morning
    if after < MORNING_REGRESS_PAIN.value or after - usual < MORNING_REGRESS_ABOVE_USUAL.value:
        return None
    text = (
        f"The morning after your {EXERCISES[day.exercise].name} on {day_name(day.date)} your pain was {after}/10, "
        f"{after - usual:g} above your usual {usual:g}/10 (median of the {MORNING_BASELINE_DAYS.value} days before)."
    )
    return Signal(Action.REGRESS, text, "Silbernagel 2007",
                  Flag(FlagKind.MORNING_WORSE, FlagLevel.WARNING, text, day.exercise), day=day.date)


def reps_short(ctx: Context, day: Day) -> Signal | None:
    """Fewer than 80% of the reps (or hold seconds) prescribed for that day; a deload done in full is 100%."""
    if day.completion is None or day.prescribed is None or day.completion >= COMPLETED_REPS_FRACTION.value:
        return None
    unit = "seconds" if day.prescribed.hold_s is not None else "reps"
    text = (
        f"On {day_name(day.date)} you did {volume(day.done)} of {volume(day.prescribed)} prescribed {unit} "
        f"({day.completion:.0%}, {show(day.done)} against {show(day.prescribed)} from your {day.prescribed_from}), "
        f"fewer than {COMPLETED_REPS_FRACTION.value:.0%}."
    )
    return Signal(Action.REGRESS, text, COMPLETED_REPS_FRACTION.label, day=day.date)


DAY_RULES: tuple[DayRule, ...] = (pain_above_limit, morning_worse, reps_short)


def day_signal(ctx: Context, day: Day) -> Signal | None:
    """The one regress signal of a day (first match), or None."""
    for rule in DAY_RULES:
        signal = rule(ctx, day)
        if signal is not None:
            return signal
    return None


def recent_regress(ctx: Context, track: Track) -> Signal | None:
    """A regress signal on a day of the last 7 at the current usual dose: one dose level (or step) down."""
    if not track.days:
        return None
    since = ctx.ago(RECENT_DAYS.value)
    fired = [s for d in track.block() if d.date >= since and (s := day_signal(ctx, d)) is not None]
    if not fired:
        return None
    latest = fired[-1]
    target = regress_dose(track.slug, track.step, track.current)
    change = (
        f"A session at the lower dose with pain {ctx.limit.value}/10 or less, all reps done and a settled "
        "next morning, and you hold there."
    )
    text = latest.text if len(fired) == 1 else f"{latest.text} (and {len(fired) - 1} more day(s) this week)"
    return Signal(Action.REGRESS, text, latest.source, latest.flag, target, change, latest.day)


def long_lapse(ctx: Context, track: Track) -> Signal | None:
    """More than 14 days without the exercise: restart two steps lower."""
    if not track.days:
        return None
    gap = (ctx.today - track.last.date).days
    if gap <= LAPSE_DAYS.value:
        return None
    target = lapse_dose(track.slug, track.step, track.current, gap)
    text = (
        f"No {track.exercise.name} since {day_name(track.last.date)} ({gap} days, more than {LAPSE_DAYS.value}): "
        f"restart two steps lower, at {describe(track.exercise, *target)}."
    )
    change = "Two sessions a week apart at the restart dose, pain-free, and you climb again."
    return Signal(Action.REGRESS, text, LAPSE_DAYS.source, Flag(FlagKind.LAPSE, FlagLevel.WARNING, text, track.slug),
                  target, change)


REGRESS_RULES: tuple[Callable[[Context, Track], Signal | None], ...] = (recent_regress, long_lapse)
