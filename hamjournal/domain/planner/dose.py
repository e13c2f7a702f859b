"""What the planner prescribes: the Nordic programme week from the log, and each exercise's step and dose.

Petersen 2011 sets how often and the most a runner does in a week (1 session of 2x5, 2 of 2x6, then 3 a week
up to 12/10/8, then 1 a week); the rules' advice sets the ladder step and whether the dose may climb:
progress -> the next dose or step, hold -> the same, regress -> lower, deload -> fewer sets, stop -> nothing.
A runner new to the Nordic starts at week 1 on the step their ability allows.
"""

from __future__ import annotations

import datetime as dt
import itertools
from collections.abc import Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

from hamjournal.domain.advice.doses import deload_target, smallest
from hamjournal.domain.library.doses import dose_levels, entry_dose, match_level, nordic_programme_week
from hamjournal.domain.library.exercises import get_exercise
from hamjournal.domain.models import Prescription
from hamjournal.domain.planner.constants import PROGRAMME_WINDOW_DAYS
from hamjournal.domain.thresholds import LAPSE_DAYS

if TYPE_CHECKING:
    from hamjournal.domain.advice.report import Advice, AdviceReport

# Petersen 2011: sessions in programme weeks 1..10; from week 11 on, maintenance once a week.
MAINTENANCE_WEEK = 11
PROGRAMME_SESSIONS: tuple[int, ...] = tuple(nordic_programme_week(n)[0] for n in range(1, MAINTENANCE_WEEK))
# The step a runner new to the Nordic starts on, by what they can do today (profile.nordic_ability).
ABILITY_STEPS: dict[str, str] = {"none": "band-assisted", "partial": "incline", "full": "bodyweight"}
REHAB_FIRST_STEP = "hands-partial"


@dataclass(frozen=True)
class Programme:
    """Where the runner is in Petersen's programme at the start of this week."""

    week: int  # 1..10, or MAINTENANCE_WEEK
    remaining: int  # sessions of that programme week not done before this Monday

    @property
    def is_maintenance(self) -> bool:
        return self.week >= MAINTENANCE_WEEK


def programme(
    nordic_dates: Sequence[dt.date], today: dt.date, window_start: dt.date | None
) -> Programme:
    """The programme week from the sessions done before this Monday in the current run of Nordics.

    `remaining` counts that programme week's sessions not yet done before Monday; the planner takes off the
    sessions done or kept this week.

    The run starts after the last break of more than 14 days (the rules' lapse); a run that began before the
    window the caller read (20 weeks) has long finished the 10-week ramp and is maintenance.
    """
    first = today - dt.timedelta(days=today.weekday())
    dates = sorted({d for d in nordic_dates if d <= today})
    if not dates or (today - dates[-1]).days > LAPSE_DAYS.value:
        return Programme(1, PROGRAMME_SESSIONS[0])
    start = dates[0]
    for before, after in itertools.pairwise(dates):
        if (after - before).days > LAPSE_DAYS.value:
            start = after
    began_before_window = (
        start == dates[0] and window_start is not None and (start - window_start).days <= LAPSE_DAYS.value
        and (today - window_start).days >= int(PROGRAMME_WINDOW_DAYS.value) - 1
    )
    if began_before_window:
        return Programme(MAINTENANCE_WEEK, 1)
    before_monday = sum(1 for d in dates if start <= d < first)
    total = 0
    for week, sessions in enumerate(PROGRAMME_SESSIONS, start=1):
        total += sessions
        if before_monday < total:
            return Programme(week, total - before_monday)
    return Programme(MAINTENANCE_WEEK, 1)


def programme_sessions(week: int) -> int:
    """Sessions a week in programme week `week` (maintenance: 1)."""
    return nordic_programme_week(min(week, MAINTENANCE_WEEK))[0]


def programme_text(week: int, sessions: int) -> str:
    """ "Petersen week 3: 3 sessions this week"."""
    if week >= MAINTENANCE_WEEK:
        return "maintenance: 1 session a week keeps the gains"
    return f"Petersen week {week}: {sessions} session{'s' if sessions != 1 else ''} this week"


@dataclass(frozen=True)
class Advised:
    """An exercise's step and dose as the advice leaves it, and the action behind it (None: not advised).

    `usual` is the runner's usual dose (never a deload cut): a deload week cuts from it, and the week after the
    usual dose returns. `ramp`: the dose may follow the programme (Petersen's ramp) rather than stay put.
    """

    step: str
    dose: Prescription
    action: str | None
    logged: bool = False
    usual: Prescription | None = None
    ramp: bool = True


def advised(advice: AdviceReport | None, slug: str, fallback_step: str | None = None) -> Advised:
    """Step and dose for an exercise from today's advice (its default step and entry dose when none)."""
    exercise = get_exercise(slug)
    item: Advice | None = advice.for_exercise(slug) if advice is not None else None
    if item is None:
        return Advised(fallback_step or exercise.default_step, entry_dose(slug), None)
    entry = entry_dose(slug)
    usual = item.current or item.next or entry
    if item.action in ("progress", "regress"):
        dose = item.next or usual
        return Advised(item.next_step or item.step, dose, item.action, True, usual, item.action == "progress")
    # hold, deload (the week's deload cuts the usual dose once), stop: the usual step and dose.
    ramp = item.action == "hold" and not item.dose_held
    return Advised(item.step, usual, item.action, item.current is not None, usual, ramp)


def deload_dose(slug: str, step: str, usual: Prescription, advised: Prescription) -> tuple[str, Prescription]:
    """A deload week's step and dose: the advice's own deload of the usual dose (about 40% fewer sets, never
    below the first rung: a step down instead), or the advised dose when that is smaller (a regress the same
    week). Reductions never stack: the smallest wins."""
    return smallest(slug, [deload_target(slug, step, usual), (step, advised)])


def nordic_start(
    advice: AdviceReport | None, ability: str, has_history: bool, last_step: str | None, rehab: bool
) -> Advised:
    """The Nordic step and dose this week starts from."""
    item = advice.for_exercise("nordic") if advice is not None else None
    new_step = REHAB_FIRST_STEP if rehab else ABILITY_STEPS.get(ability, ABILITY_STEPS["none"])
    if not has_history:
        return Advised(new_step, entry_dose("nordic"), None)
    if item is not None and item.current is not None:
        return advised(advice, "nordic")
    if advice is None and last_step is not None:
        # No advice computed (a caller that only wants the calendar): carry on from the last step.
        return Advised(last_step, entry_dose("nordic"), None)
    # Sessions older than the rules' window only: the runner restarts as a newcomer would.
    return Advised(new_step, entry_dose("nordic"), None)


def nordic_week_dose(start: Advised, plan_week: int, programme_week: int) -> Prescription:
    """The Nordic dose in plan week `plan_week` (0 = the week being planned first).

    Petersen's programme sets the week's dose (2x5, 2x6, 3x6, 3x8, 3x10, 12/10/8); the advice can only hold it
    back. When the advice lets the dose ramp (progress, a plain hold, no advice) the week gets the programme's
    dose, or the advised one when that is higher (a runner who came in strong is not cut back); a hold for a
    reason keeps the usual dose, and a regress takes the advised lower dose, each climbing one
    level a week in the weeks after (a re-plan after every save makes those later weeks afresh).
    """
    _, ceiling = nordic_programme_week(min(programme_week, MAINTENANCE_WEEK))
    levels = dose_levels("nordic")
    top = match_level("nordic", ceiling)
    if start.ramp:
        # Never below where the advice put the runner: the ramp adds, it does not take away without a reason.
        level = max(top, match_level("nordic", start.dose))
    else:
        climb = plan_week if start.action == "hold" else max(0, plan_week - 1)
        level = min(match_level("nordic", start.dose) + climb, top)
    if level == top:
        return ceiling
    level = min(level, len(levels) - 1)
    return levels[level].prescription(get_exercise("nordic").default_tempo)


def dose_text(dose: Prescription) -> str:
    """ "3x6", "12/10/8", "3x30s"."""
    return dose.notation


def action_text(item: Advised) -> str | None:
    """What the advice changed, for the "why" of the first week."""
    if item.action == "progress":
        return f"advice: progress to {item.step} {dose_text(item.dose)}"
    if item.action == "regress":
        return f"advice: one step down to {item.step} {dose_text(item.dose)} until it settles"
    return None
