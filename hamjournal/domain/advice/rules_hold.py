"""Hold tier: keep the usual dose.

Pain during at P or one below it (prevention 4-5, rehab 3-4) or RPE 9-10 on a day of the last 7 at the usual
dose; 8-14 days without the exercise (one step lower is allowed); this week's mean morning stiffness at least
1 point above last week's; a running warning this week (once the journal covers its window); sleep under 6 h
on 3 of the last 5 nights; hamstring fatigue of 7/10 or more on 2 of the last 3 mornings (conv.).
"""

from __future__ import annotations

from collections.abc import Callable

from hamjournal.domain.advice.context import Context, Day, Track
from hamjournal.domain.advice.doses import lapse_dose
from hamjournal.domain.advice.report import Action, Flag, FlagKind, FlagLevel
from hamjournal.domain.advice.running import run_flags
from hamjournal.domain.advice.series import count_days, weekly_means
from hamjournal.domain.advice.signals import Signal, day_name, describe
from hamjournal.domain.thresholds import (
    FATIGUE_HIGH,
    FATIGUE_HIGH_MORNINGS,
    FATIGUE_WINDOW_DAYS,
    HOLD_PAIN_BAND,
    LAPSE_DAYS,
    RECENT_DAYS,
    RPE_HOLD,
    SHORT_LAPSE_DAYS,
    SLEEP_SHORT_H,
    SLEEP_SHORT_NIGHTS,
    SLEEP_WINDOW_DAYS,
    STIFFNESS_WEEK_RISE,
)


def _recent(ctx: Context, track: Track) -> list[Day]:
    since = ctx.ago(RECENT_DAYS.value)
    return [d for d in track.block() if d.date >= since] if track.days else []


def _hold(text: str, source: str, flag: Flag | None = None) -> Signal:
    return Signal(Action.HOLD, text, source, flag)


def pain_near_limit(ctx: Context, track: Track) -> Signal | None:
    """Pain during at P or one below it on a recent day at the usual dose."""
    limit = ctx.limit
    low = limit.value - HOLD_PAIN_BAND.value
    days = [d for d in _recent(ctx, track) if d.pain is not None and low <= d.pain <= limit.value]
    if not days:
        return None
    day = days[-1]
    text = (
        f"Pain {day.pain}/10 during your {track.exercise.name} on {day_name(day.date)} is acceptable but close to "
        f"your limit of {limit.value}/10: hold the dose."
    )
    return _hold(text, limit.source, Flag(FlagKind.PAIN_LIMIT, FlagLevel.CAUTION, text, track.slug))


def very_hard(ctx: Context, track: Track) -> Signal | None:
    """RPE 9-10 on a recent day at the usual dose."""
    days = [d for d in _recent(ctx, track) if d.rpe is not None and d.rpe >= RPE_HOLD.value]
    if not days:
        return None
    day = days[-1]
    text = (
        f"Your {track.exercise.name} on {day_name(day.date)} felt very hard (RPE {day.rpe}/10): hold until it "
        "feels easier."
    )
    return _hold(text, RPE_HOLD.label)


def short_lapse(ctx: Context, track: Track) -> Signal | None:
    """8-14 days without the exercise: hold; restarting one step lower is fine too."""
    if not track.days:
        return None
    gap = (ctx.today - track.last.date).days
    if gap < SHORT_LAPSE_DAYS.value or gap > LAPSE_DAYS.value:
        return None
    lower = lapse_dose(track.slug, track.step, track.current, gap)
    text = (
        f"No {track.exercise.name} since {day_name(track.last.date)} ({gap} days): hold this dose; restarting one "
        f"step lower ({describe(track.exercise, *lower)}) is fine too."
    )
    return _hold(text, LAPSE_DAYS.source, Flag(FlagKind.LAPSE, FlagLevel.CAUTION, text, track.slug))


def stiffness_up(ctx: Context, track: Track) -> Signal | None:
    """This week's mean morning stiffness at least 1 point above last week's."""
    this, last = weekly_means(ctx.today, ctx.morning_stiffness, 1)
    if this is None or last is None or this - last < STIFFNESS_WEEK_RISE.value:
        return None
    text = f"Your average morning stiffness this week ({this:.1f}/10) is above last week's ({last:.1f}/10)."
    return _hold(text, "Silbernagel 2007", Flag(FlagKind.STIFFNESS_RISING, FlagLevel.CAUTION, text))


def running_warning(ctx: Context, track: Track) -> Signal | None:
    """A running warning this week (a run > 30% longer, or > 30% more distance over 2 weeks), once covered."""
    warnings = [f.flag for f in run_flags(ctx) if f.covered and f.flag.level == FlagLevel.WARNING]
    if not warnings:
        return None
    first = warnings[0]
    source = "Nielsen 2014" if first.kind == FlagKind.VOLUME_JUMP else "BJSM 2025 (Frandsen et al.)"
    return _hold(first.message, source, first)


def short_sleep(ctx: Context, track: Track) -> Signal | None:
    """Sleep under 6 h on 3 of the last 5 nights."""
    window = int(SLEEP_WINDOW_DAYS.value)
    short, _ = count_days(ctx.today, ctx.sleep_h, window, lambda h: h < SLEEP_SHORT_H.value)
    if short < SLEEP_SHORT_NIGHTS.value:
        return None
    text = (
        f"Your sleep has been short: under {SLEEP_SHORT_H.value} h on {short} of the last {window} nights. "
        "Hold the dose until you sleep more."
    )
    return _hold(text, SLEEP_SHORT_H.label)


def high_fatigue(ctx: Context, track: Track) -> Signal | None:
    """Hamstring fatigue of 7/10 or more on 2 of the last 3 mornings."""
    window = int(FATIGUE_WINDOW_DAYS.value)
    high, _ = count_days(ctx.today, ctx.fatigue, window, lambda v: v >= FATIGUE_HIGH.value)
    if high < FATIGUE_HIGH_MORNINGS.value:
        return None
    text = (
        f"Your hamstrings have felt tired: fatigue {FATIGUE_HIGH.value}/10 or more on {high} of the last {window} "
        "mornings. Hold the dose until it eases."
    )
    return _hold(text, FATIGUE_HIGH.label)


HOLD_RULES: tuple[Callable[[Context, Track], Signal | None], ...] = (
    pain_near_limit, very_hard, short_lapse, stiffness_up, running_warning, short_sleep, high_fatigue,
)
