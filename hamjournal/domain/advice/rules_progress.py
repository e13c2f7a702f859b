"""Progress tier: one step, when nothing above fired.

At least 2 non-deload sessions at the current step and dose (of the last 14 days; a deload week inside adds its
week, since deload weeks neither count toward a progression nor reset it) spanning at least 7 days, every one
complete, pain during 3/10 or less, next mornings in the safe zone (2/10 or less, or no more than 1 above
usual), RPE 8 or less. Otherwise hold, saying what would change it.
"""

from __future__ import annotations

import datetime as dt

from hamjournal.domain.advice.context import Context, Day, Track
from hamjournal.domain.advice.report import Action
from hamjournal.domain.advice.signals import Signal, day_name, describe, sessions_text
from hamjournal.domain.library.doses import dose_source, match_level, progress_target
from hamjournal.domain.thresholds import (
    DELOAD_LENGTH_DAYS,
    MORNING_SAFE_ABOVE_USUAL,
    MORNING_SAFE_PAIN,
    PROGRESS_MIN_SESSIONS,
    PROGRESS_MIN_SPAN_DAYS,
    PROGRESS_PAIN_MAX,
    PROGRESS_RPE_MAX,
    PROGRESS_WINDOW_DAYS,
)

PROGRESS_NEEDS = (
    f"{PROGRESS_MIN_SESSIONS.value} sessions at least {PROGRESS_MIN_SPAN_DAYS.value} days apart with all reps done, "
    f"pain {PROGRESS_PAIN_MAX.value}/10 or less and RPE {PROGRESS_RPE_MAX.value} or less, and you progress."
)


def counted_days(ctx: Context, track: Track) -> list[Day]:
    """The non-deload days at the current usual dose that count toward a progression."""
    block = track.block()
    window = int(PROGRESS_WINDOW_DAYS.value)
    if any(d.deload_week or d.deload for d in block if d.date >= ctx.ago(window + DELOAD_LENGTH_DAYS.value)):
        window += int(DELOAD_LENGTH_DAYS.value)
    since = ctx.ago(window)
    return [d for d in block if d.date >= since and not (d.deload_week or d.deload)]


def misses(ctx: Context, day: Day) -> list[str]:
    """Why one day does not count toward a progression (empty: it counts)."""
    out = []
    if not day.complete:
        out.append(f"on {day_name(day.date)} not every rep was done ({day.completion:.0%})")
    if day.pain is not None and day.pain > PROGRESS_PAIN_MAX.value:
        out.append(
            f"pain was {day.pain}/10 on {day_name(day.date)} (progress needs {PROGRESS_PAIN_MAX.value}/10 or less)"
        )
    if day.rpe is not None and day.rpe > PROGRESS_RPE_MAX.value:
        out.append(f"RPE was {day.rpe} on {day_name(day.date)} (progress needs {PROGRESS_RPE_MAX.value} or less)")
    morning = ctx.morning_after(day.date)
    if morning is not None:
        after, usual = morning
        if after > MORNING_SAFE_PAIN.value and after - usual > MORNING_SAFE_ABOVE_USUAL.value:
            out.append(
                f"the morning after {day_name(day.date)} was {after}/10 (the safe zone is {MORNING_SAFE_PAIN.value}/10 "
                f"or less, or no more than {MORNING_SAFE_ABOVE_USUAL.value} above your usual {usual:g})"
            )
    return out


def _keep(track: Track) -> str:
    """What a wait keeps: the dose, or for a programme exercise (the Nordic) the step, as the ramp sets the dose."""
    if track.exercise.programme:
        return "keep this step (Petersen's programme sets each week's dose)"
    return "keep this dose"


def progress_or_wait(ctx: Context, track: Track) -> Signal:
    """Progress one step when the counted sessions allow it; else hold, saying what would change it."""
    slug, step, current = track.slug, track.step, track.current
    source = dose_source(slug)
    days = counted_days(ctx, track)
    dose_text = describe(track.exercise, step, current)
    missed = [m for d in days for m in misses(ctx, d)]
    if missed:
        text = f"Not yet ready to progress from {dose_text}: " + "; ".join(missed) + "."
        return Signal(Action.HOLD, text, "Silbernagel 2007", target=(step, current), change=PROGRESS_NEEDS)
    span = (days[-1].date - days[0].date).days if days else 0
    if len(days) >= PROGRESS_MIN_SESSIONS.value and span >= PROGRESS_MIN_SPAN_DAYS.value:
        target = progress_target(slug, step, current)
        if target[0] == step and match_level(slug, target[1]) <= match_level(slug, current):
            text = f"You are at the top of the {track.exercise.name} ladder ({dose_text}): keep it as maintenance."
            return Signal(Action.HOLD, text, source, target=(step, current))
        text = (
            f"{len(days)} sessions at {dose_text} from {day_name(days[0].date)} to {day_name(days[-1].date)}, all "
            f"reps done, pain {PROGRESS_PAIN_MAX.value}/10 or less, RPE {PROGRESS_RPE_MAX.value} or less: move on "
            f"to {describe(track.exercise, *target)}."
        )
        return Signal(Action.PROGRESS, text, source, target=target)
    if not days:
        text = f"No session at {dose_text} counts toward a progression yet (deload weeks do not): {_keep(track)}."
        return Signal(Action.HOLD, text, source, target=(step, current), change=PROGRESS_NEEDS)
    needed = max(int(PROGRESS_MIN_SESSIONS.value) - len(days), 0)
    ready_on = days[0].date + dt.timedelta(days=int(PROGRESS_MIN_SPAN_DAYS.value))
    more = max(needed, 1 if ready_on > days[-1].date else 0)
    text = f"{sessions_text(len(days))} so far at {dose_text}, since {day_name(days[0].date)}: {_keep(track)}."
    change = (
        f"{sessions_text(more, 'more ')} like these, on or after {ready_on.isoformat()}, with pain "
        f"{PROGRESS_PAIN_MAX.value}/10 or less and RPE {PROGRESS_RPE_MAX.value} or less, and you progress."
    )
    return Signal(Action.HOLD, text, source, target=(step, current), change=change)
