"""The bookkeeping under the week planner: what each day already holds, and placing and adding one session.

Every kind of session counts what the week already holds (logged this week, or kept by the runner: added,
moved or skipped) before it places more, and never books an exercise twice on one day.
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from hamjournal.domain.models import Injury, PlanItem, Prescription, Profile
from hamjournal.domain.planner.blocks import SeasonWeek
from hamjournal.domain.planner.calendar import (
    AFTER_EASY_RUN,
    OTHER_STRENGTH,
    SAME_DAY_AS_NORDIC,
    SEVERE,
    TEST_ON_STRENGTH_DAY,
    Conflict,
    Day,
    Placement,
    Slot,
    ahead_text,
    day_of,
    place,
    strength_conflicts,
    where_text,
)
from hamjournal.domain.planner.dose import Programme, deload_dose, nordic_start
from hamjournal.domain.planner.rehab import StageGate

if TYPE_CHECKING:
    from hamjournal.domain.advice.report import AdviceReport
    from hamjournal.domain.planner.plan import HistorySummary


# A reassessment is a maximal effort: keep it off a Nordic day and the day after one.
TEST_ON_NORDIC_DAY = Conflict(50, "a Nordic session the same day")
TEST_AFTER_NORDIC = Conflict(30, "the day after Nordics")
ON_TEST_DAY = Conflict(50, "on your reassessment day")


@dataclass
class WeekBook:
    """What the weeks being planned already hold, and how one session is placed on and added to a day.

    The base of WeekPlanner (week.py); it remembers what is booked so later weeks space from earlier ones.
    """

    today: dt.date
    profile: Profile
    advice: AdviceReport | None
    history: HistorySummary
    kept: Sequence[PlanItem]
    programme: Programme
    gate: StageGate | None
    injury: Injury | None
    race_windows: frozenset[dt.date]
    # A deload the advice brought forward cuts the strength items up to this day (a week from when it was
    # called); the scheduled deload weeks come from the season's cycle.
    deload_until: dt.date | None = None
    items: list[PlanItem] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)
    booked: dict[dt.date, set[str]] = field(default_factory=lambda: defaultdict(set))
    used: dict[dt.date, set[str]] = field(default_factory=lambda: defaultdict(set))
    nordic_days: set[dt.date] = field(default_factory=set)
    last_assessment: dt.date | None = None
    deload_reason: str = ""
    new_step_from: dt.date | None = None
    baseline_waits: bool = False

    def __post_init__(self) -> None:
        # `booked`: exercises on a day (no second one); `used`: what counts against a week's sessions.
        for day, exercise in self.history.logged:
            self.booked[day].add(exercise)
            self.used[day].add(exercise)
        for item in self.kept:
            # Kept items of days before `today` (a re-plan from tomorrow keeps today's) still space later ones.
            self.used[item.date].add(item.exercise)
            self.booked[item.date].add(item.exercise)
        self.nordic_days = {d for d in self.history.nordic_dates}
        self.nordic_days |= {k.date for k in self.kept if k.exercise == "nordic" and k.status == "planned"}
        kept_tests = [k.date for k in self.kept if k.kind == "assessment"]
        dates = [d for d in (self.history.last_assessment, *kept_tests) if d is not None]
        self.last_assessment = max(dates) if dates else None
        self.nordic = nordic_start(
            self.advice, self.profile.nordic_ability, bool(self.history.nordic_dates), self.history.nordic_step,
            self.profile.mode == "rehab",
        )

    # -- helpers ------------------------------------------------------------------------------------------------

    def _used(self, days: Sequence[Day], exercises: Iterable[str]) -> int:
        wanted = set(exercises)
        return sum(1 for d in days if wanted & self.used[d.date])

    def _place(
        self,
        days: Sequence[Day],
        candidates: Sequence[Day],
        count: int,
        *,
        spaced: Iterable[dt.date] = (),
        min_gap: int = 1,
        label: str = "",
        prefer_nordic: bool = False,
        test: bool = False,
        avoid_tests: bool = False,
        allow_severe: bool | None = None,
        strict: bool = False,
        extra_cost: Callable[[Sequence[dt.date]], int] | None = None,
    ) -> Placement:
        """Place `count` hamstring-strength sessions; long-run, hard and race days only if the runner's usual
        week has too few days without them (or as `allow_severe` says). `strict`: the spacing never gives way."""
        # Only the runner's usual week can force a severe day; a race window or the days already gone drop
        # sessions instead.
        if allow_severe is None:
            full_week_ok = [d for d in days if not (d.is_long or d.is_hard)]
            allow_severe = len(full_week_ok) < count
        slots = []
        for day in candidates:
            following = day_of(day.date + dt.timedelta(days=1), self.profile)
            conflicts = strength_conflicts(
                day, following, other_strength=TEST_ON_STRENGTH_DAY if test else OTHER_STRENGTH
            )
            if test:
                if day.date in self.nordic_days:
                    conflicts.append(TEST_ON_NORDIC_DAY)
                if day.date - dt.timedelta(days=1) in self.nordic_days:
                    conflicts.append(TEST_AFTER_NORDIC)
            if avoid_tests and any(i.kind == "assessment" and i.date == day.date for i in self.items):
                conflicts.append(ON_TEST_DAY)
            if not allow_severe and any(c.weight >= SEVERE for c in conflicts):
                continue
            bonus = AFTER_EASY_RUN if day.is_easy_run else 0
            if prefer_nordic and ("nordic" in self.booked[day.date]):
                bonus += SAME_DAY_AS_NORDIC
            slots.append(Slot(day, tuple(conflicts), bonus))
        nearby = [d for d in spaced if abs((d - days[0].date).days) <= 9]
        return place(
            slots, count, spaced_from=nearby, min_gap=min_gap, spacing_text=label, strict=strict, extra_cost=extra_cost
        )

    def _add(
        self,
        day: Day,
        exercise: str,
        step: str | None,
        dose: Prescription,
        deload: bool,
        week: SeasonWeek,
        parts: Sequence[str | None],
        gave_way: tuple[str, ...] | None,
        kind: str = "strength",
        usual: Prescription | None = None,
    ) -> None:
        called = self.deload_until is not None and day.date < self.deload_until
        cut = (deload or called) and kind == "strength"
        if cut and step is not None:
            step, rx = deload_dose(exercise, step, usual or dose, dose)
        else:
            rx = dose
        ahead = ahead_text(day, self.profile)
        reasons: list[str | None] = [where_text(day), None if gave_way and ahead in gave_way else ahead]
        reasons += parts
        if cut:
            reasons.append(self.deload_reason if deload else "deload (today's advice): fewer sets, same sessions")
        if gave_way:
            reasons.append("no better day was free: " + ", ".join(gave_way))
        self.items.append(
            PlanItem(
                date=day.date,
                exercise=exercise,
                kind=kind,
                prescription=rx,
                step=step,
                deload=cut,
                why="; ".join(r for r in reasons if r),
            )
        )
        self.booked[day.date].add(exercise)
        self.used[day.date].add(exercise)
