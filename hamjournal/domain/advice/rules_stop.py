"""Stop tier: pain that needs a professional's look. It overrides every other call, for every exercise."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

from hamjournal.domain.advice.context import Context, Track
from hamjournal.domain.advice.report import Action, Flag, FlagKind, FlagLevel
from hamjournal.domain.advice.series import rose_every_week, weekly_means, weeks_text
from hamjournal.domain.advice.signals import Signal, day_name
from hamjournal.domain.library.exercises import EXERCISES
from hamjournal.domain.thresholds import (
    COMPLETED_REPS_FRACTION,
    STOP_MORNING_MEAN,
    STOP_PAIN,
    STOP_WINDOW_DAYS,
    TREND_WEEKS,
)

STOP_TEXT = "Stop hamstring loading and see a physiotherapist or doctor before you train it again."


def _red(text: str, source: str) -> Signal:
    return Signal(Action.STOP, text, source, Flag(FlagKind.RED_FLAG, FlagLevel.DANGER, text))


def _since(ctx: Context) -> dt.date:
    return ctx.ago(STOP_WINDOW_DAYS.value - 1)


def sudden_pain(ctx: Context, track: Track) -> Signal | None:
    """A sudden sharp pain or "pop" in the back of the thigh in the last 14 days."""
    logs = [s for s in ctx.symptoms if s.sudden and s.date >= _since(ctx)]
    if not logs:
        return None
    latest = max(logs, key=lambda s: s.date)
    return _red(f"You logged a sudden sharp pain in the back of the thigh on {day_name(latest.date)}.", STOP_PAIN.label)


def severe_pain(ctx: Context, track: Track) -> Signal | None:
    """Any pain of 7/10 or more (check-in or during a session) in the last 14 days."""
    since = _since(ctx)
    found: list[tuple[dt.date, str]] = [
        (s.date, f"Pain {s.pain}/10 ({s.when}) on {day_name(s.date)}")
        for s in ctx.symptoms if s.date >= since and s.pain >= STOP_PAIN.value
    ]
    found += [
        (s.date, f"Pain {s.pain_during}/10 during your {EXERCISES[s.exercise].name} on {day_name(s.date)}")
        for s in ctx.sessions if s.date >= since and s.pain_during is not None and s.pain_during >= STOP_PAIN.value
    ]
    if not found:
        return None
    _, what = max(found, key=lambda f: f[0])
    return _red(f"{what} is {STOP_PAIN.value}/10 or more.", STOP_PAIN.label)


def worse_after_deload(ctx: Context, track: Track) -> Signal | None:
    """Weekly mean morning pain rose two weeks in a row to 3/10 or more although a deload was done.

    A deload counts as done only when sessions were logged at the deload dose in the last two weeks (at least
    80% of it); a plan item flagged deload alone is not a deload done.
    """
    weeks = int(TREND_WEEKS.value)
    means = weekly_means(ctx.today, ctx.morning_pain, weeks)
    if not rose_every_week(means) or (means[0] or 0) < STOP_MORNING_MEAN.value:
        return None
    since = ctx.ago(weeks * 7 - 1)
    done = [
        d for t in ctx.tracks for d in t.days
        if d.date >= since and d.deload and (d.completion is None or d.completion >= COMPLETED_REPS_FRACTION.value)
    ]
    if not done:
        return None
    text = (
        f"Morning pain rose two weeks in a row ({weeks_text(means)}) to {STOP_MORNING_MEAN.value}/10 or more "
        f"although you did a deload (from {day_name(min(d.date for d in done))})."
    )
    return Signal(Action.STOP, text, "Silbernagel 2007",
                  Flag(FlagKind.MORNING_WORSE, FlagLevel.DANGER, text))


STOP_RULES: tuple[Callable[[Context, Track], Signal | None], ...] = (sudden_pain, severe_pain, worse_after_deload)


def stop_until(ctx: Context) -> dt.date:
    """The day the stop advice lapses unless new pain is logged: two weeks after the latest red flag."""
    since = _since(ctx)
    dates = [s.date for s in ctx.symptoms if s.date >= since and (s.sudden or s.pain >= STOP_PAIN.value)]
    dates += [s.date for s in ctx.sessions
              if s.date >= since and s.pain_during is not None and s.pain_during >= STOP_PAIN.value]
    return max(dates, default=ctx.today) + dt.timedelta(days=int(STOP_WINDOW_DAYS.value))
