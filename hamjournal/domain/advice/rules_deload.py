"""Deload tier (shares a tier with regress): one week, same sessions, sets cut about 40% from the USUAL dose.

Scheduled every Nth week (profile.deload_every, 4-6, counted from the shared anchor; or the plan's deload
items that week); brought forward when regress fired on 2 different days within 7 days, when morning
stiffness rose two weeks in a row by 1 point or more in all, or when stiffness was 4/10 or more on 5 of the
last 7 mornings. The week after, the usual dose returns (the cut is always taken from the usual dose).
"""

from __future__ import annotations

from collections.abc import Callable

from hamjournal.domain.advice.context import Context, Track
from hamjournal.domain.advice.deload import cycle_week, plan_says_deload
from hamjournal.domain.advice.doses import deload_target
from hamjournal.domain.advice.report import Action, Flag, FlagKind, FlagLevel
from hamjournal.domain.advice.series import count_days, rose_every_week, weekly_means, weeks_text
from hamjournal.domain.advice.signals import Signal, day_name
from hamjournal.domain.thresholds import (
    DELOAD_SET_CUT,
    REGRESS_REPEAT_COUNT,
    REGRESS_REPEAT_DAYS,
    STIFFNESS_HIGH,
    STIFFNESS_HIGH_MORNINGS,
    STIFFNESS_HIGH_WINDOW_DAYS,
    STIFFNESS_TREND_TOTAL,
    TREND_WEEKS,
)

_SOURCE = "practitioner survey (conv.)"
_CHANGE = "After the deload week you return to your usual dose."


def _cut_text() -> str:
    return f"keep the sessions and cut sets by about {DELOAD_SET_CUT.value:.0%} from your usual dose"


def _deload(track: Track, text: str, source: str, flag: Flag) -> Signal | None:
    # A deload cuts the hamstring strength work; run drills (strides) keep their count, as the planner plans them,
    # so no call says "deload" beside a dose that was not cut.
    if not track.days or track.exercise.is_drill:
        return None
    return Signal(Action.DELOAD, text, source, flag, deload_target(track.slug, track.step, track.current), _CHANGE)


def scheduled(ctx: Context, track: Track) -> Signal | None:
    """The next session falls in a deload week: the plan's, or every Nth week of the training run."""
    day = ctx.next_session_day(track)
    if not ctx.is_deload_week(day):
        return None
    week = cycle_week(day, ctx.anchor)
    if plan_says_deload(day, ctx.plan) or week is None:
        why = "your plan has a deload this week"
    else:
        why = f"this is week {week} of your training, and you deload every {ctx.every}th week"
    when = "" if day == ctx.today else f" (your next session, {day_name(day)})"
    text = f"Deload week{when}: {why}; {_cut_text()}."
    return _deload(track, text, _SOURCE, Flag(FlagKind.SCHEDULED_DELOAD, FlagLevel.INFO, text))


def repeated_regress(ctx: Context, track: Track) -> Signal | None:
    """Regress fired on 2 different days within 7 days (any exercise; one day counts once)."""
    since = ctx.ago(REGRESS_REPEAT_DAYS.value)
    days = sorted(d for d in ctx.regress_days if since <= d <= ctx.today)
    if len(days) < REGRESS_REPEAT_COUNT.value:
        return None
    listing = ", ".join(day_name(d) for d in days)
    text = (
        f"Deload brought forward: a regress signal fired on {len(days)} different days within "
        f"{REGRESS_REPEAT_DAYS.value} days ({listing}); {_cut_text()}."
    )
    return _deload(track, text, _SOURCE, Flag(FlagKind.SCHEDULED_DELOAD, FlagLevel.WARNING, text))


def stiffness_rising(ctx: Context, track: Track) -> Signal | None:
    """Weekly mean morning stiffness rose two weeks in a row, by 1 point or more in all."""
    means = weekly_means(ctx.today, ctx.morning_stiffness, int(TREND_WEEKS.value))
    if not rose_every_week(means) or (means[0] or 0) - (means[-1] or 0) < STIFFNESS_TREND_TOTAL.value:
        return None
    text = f"Morning stiffness rose two weeks in a row ({weeks_text(means)}): deload now; {_cut_text()}."
    return _deload(track, text, "Silbernagel 2007", Flag(FlagKind.STIFFNESS_RISING, FlagLevel.WARNING, text))


def stiffness_high(ctx: Context, track: Track) -> Signal | None:
    """Stiffness of 4/10 or more on 5 of the last 7 mornings: stiffness has stayed high."""
    window = int(STIFFNESS_HIGH_WINDOW_DAYS.value)
    high, _ = count_days(ctx.today, ctx.morning_stiffness, window, lambda v: v >= STIFFNESS_HIGH.value)
    if high < STIFFNESS_HIGH_MORNINGS.value:
        return None
    text = (
        f"Your morning stiffness has stayed high: {STIFFNESS_HIGH.value}/10 or more on {high} of the last {window} "
        f"mornings; {_cut_text()}."
    )
    return _deload(track, text, STIFFNESS_HIGH.label, Flag(FlagKind.STIFFNESS_RISING, FlagLevel.WARNING, text))


DELOAD_RULES: tuple[Callable[[Context, Track], Signal | None], ...] = (
    scheduled, repeated_regress, stiffness_rising, stiffness_high,
)
