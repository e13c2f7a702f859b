"""Running flags, each only once the journal covers its window, and the running load summary.

- Single-run spike: a run of the last 7 days more than 10% longer than the longest of the 30 days before it
  is a caution, more than 30% a warning that holds strength progression. It needs 3 weeks of logged running
  before the run, so that a few long runs are known.
- Two-week jump: more than 30% more distance in the last 14 days than the 14 before is a warning (needs 4
  weeks of logged running).
- Acute:chronic ratio: descriptive only, after 28 days of data, never a division by zero (load.py).
Until a window is covered a flag that would fire stays silent and the reasons say "not enough running
history yet".
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from hamjournal.domain import load as load_maths
from hamjournal.domain.advice.context import Context
from hamjournal.domain.advice.report import Flag, FlagKind, FlagLevel, LoadSummary
from hamjournal.domain.advice.signals import NOT_ENOUGH_RUNNING, day_name
from hamjournal.domain.models import Run
from hamjournal.domain.thresholds import (
    ASYMMETRY,
    ASYMMETRY_EXTRA_SETS,
    LONGEST_RUN_WINDOW_DAYS,
    RUN_FLAG_DAYS,
    RUN_SPIKE_CAUTION,
    RUN_SPIKE_HISTORY_DAYS,
    RUN_SPIKE_WARNING,
    VOLUME_JUMP,
    VOLUME_JUMP_HISTORY_DAYS,
    VOLUME_JUMP_WINDOW_DAYS,
)

# Tests whose left/right numbers are counts or seconds: only these get the asymmetry prompt.
REP_BASED_TESTS: dict[str, str] = {"sl-bridge-reps": "Single-leg bridge reps", "iso-hold-s": "Isometric hold time"}
_WEEK = 7


@dataclass(frozen=True)
class RunFlag:
    """A running flag that would fire, and whether the journal covers its window yet."""

    flag: Flag
    covered: bool


def _first_run(ctx: Context) -> dt.date | None:
    return min((r.date for r in ctx.runs), default=None)


def spike_flags(ctx: Context) -> list[RunFlag]:
    """Run-spike flags of the last 7 days (caution > 10%, warning > 30%), with their coverage."""
    first = _first_run(ctx)
    since = ctx.ago(RUN_FLAG_DAYS.value - 1)
    out = []
    for run in ctx.runs:
        spike = load_maths.run_spike(ctx.runs, run) if run.date >= since else None
        if spike is None or spike <= RUN_SPIKE_CAUTION.value:
            continue
        covered = first is not None and (run.date - first).days >= RUN_SPIKE_HISTORY_DAYS.value
        out.append(RunFlag(_spike_flag(ctx, run, spike), covered))
    return out


def _spike_flag(ctx: Context, run: Run, spike: float) -> Flag:
    warning = spike > RUN_SPIKE_WARNING.value
    limit = RUN_SPIKE_WARNING if warning else RUN_SPIKE_CAUTION
    longest = load_maths.longest_run_km(ctx.runs, run.date)
    text = (
        f"Your run of {run.distance_km:g} km on {day_name(run.date)} was {spike:.0%} longer than your longest run "
        f"of the {LONGEST_RUN_WINDOW_DAYS.value} days before ({longest:g} km), more than {limit.value:.0%} "
        f"({limit.label})."
    )
    return Flag(FlagKind.RUN_SPIKE, FlagLevel.WARNING if warning else FlagLevel.CAUTION, text)


def jump_flag(ctx: Context) -> RunFlag | None:
    """The two-week distance jump (> 30%), with its coverage."""
    change = load_maths.two_week_distance_change(ctx.runs, ctx.today)
    if change is None or change <= VOLUME_JUMP.value:
        return None
    first = _first_run(ctx)
    covered = first is not None and (ctx.today - first).days + 1 >= VOLUME_JUMP_HISTORY_DAYS.value
    window = int(VOLUME_JUMP_WINDOW_DAYS.value)
    recent = load_maths.distance_between(ctx.runs, ctx.ago(window - 1), ctx.today)
    text = (
        f"You ran {recent:g} km in the last {window} days, {change:.0%} more than the {window} days before, "
        f"above {VOLUME_JUMP.value:.0%} ({VOLUME_JUMP.label})."
    )
    return RunFlag(Flag(FlagKind.VOLUME_JUMP, FlagLevel.WARNING, text), covered)


def run_flags(ctx: Context) -> list[RunFlag]:
    """Every running flag that would fire this week."""
    jump = jump_flag(ctx)
    return [*spike_flags(ctx), *([jump] if jump is not None else [])]


def running_note(ctx: Context) -> str | None:
    """The reason shown while a running flag would fire but its window is not covered yet."""
    if any(not f.covered for f in run_flags(ctx)):
        return (
            f"Running: {NOT_ENOUGH_RUNNING} to judge a longer run or a jump in distance "
            f"({RUN_SPIKE_HISTORY_DAYS.value // _WEEK} weeks of logged running before a run, "
            f"{VOLUME_JUMP_HISTORY_DAYS.value // _WEEK} for the 2-week jump)."
        )
    return None


def asymmetry_flags(ctx: Context) -> list[Flag]:
    """Rep-based tests 15% or more apart: a prompt for one extra set on the weaker side, not a risk figure."""
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
                FlagKind.ASYMMETRY, FlagLevel.CAUTION,
                f"{label} on {latest.date.isoformat()}: left {left:g}, right {right:g} ({gap:.0%} lower on the "
                f"{weaker}). Add {ASYMMETRY_EXTRA_SETS.value} extra single-leg set on the {weaker} side; this is a "
                "prompt, not a risk figure.",
            ))
    return flags


def load_summary(ctx: Context) -> LoadSummary:
    """Distances, the longest run, and the acute:chronic ratio once it exists."""
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
