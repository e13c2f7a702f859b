"""One week of the plan: Nordics first, then the reassessment, accessories and run drills, each on its best days.

Every kind of session counts what the week already holds (logged this week, or kept by the runner: added,
moved or skipped) before it places more, and never books an exercise twice on one day.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from hamjournal.domain.library.exercises import get_exercise, slugs_where
from hamjournal.domain.models import ASSESSMENT_NAMES, Prescription
from hamjournal.domain.planner.blocks import SeasonWeek
from hamjournal.domain.planner.booking import WeekBook
from hamjournal.domain.planner.calendar import (
    STEP_FREEZE_WEEKS,
    Day,
    Slot,
    carry_over_cost,
    day_of,
    no_room_text,
    nordic_bans,
    place,
    step_freeze_race,
    weekly_capacity,
)
from hamjournal.domain.planner.constants import (
    ACCESSORY_SESSIONS_FULL,
    ACCESSORY_SESSIONS_LIGHT,
    ASKLING_START_DAYS,
    NORDIC_GAP_DAYS,
    REASSESS_MAX_WEEKS,
    REASSESS_MIN_WEEKS,
    REHAB_DRILL_SESSIONS,
    REHAB_STAGE_PAIN_MAX,
    REHAB_STAGE_PAIN_OK,
    REHAB_STAGE_SESSIONS,
    REHAB_SYMMETRY,
)
from hamjournal.domain.planner.dose import (
    MAINTENANCE_WEEK,
    Advised,
    action_text,
    advised,
    nordic_week_dose,
    programme_sessions,
    programme_text,
)
from hamjournal.domain.planner.rehab import (
    ASKLING,
    MAXIMAL_TESTS,
    STAGES,
    RunStage,
    maximal_tests_from,
    maximal_tests_open,
)

# Accessory pairs by emphasis: a hip-dominant hamstring exercise and calf, knee or hip work.
ACCESSORIES: dict[str, tuple[str, str]] = {
    "eccentric": ("sl-rdl", "split-squat"),
    "isometric": ("iso-hold", "calf-raise"),
    "concentric": ("sl-bridge", "hip-thrust"),
}
ALL_ACCESSORIES = frozenset(slug for pair in ACCESSORIES.values() for slug in pair)
# Run drills a week by block: strides in every block; hill accelerations join the build.
DRILLS: dict[str, tuple[tuple[str, int], ...]] = {
    "base": (("strides", 2),),
    "build": (("strides", 1), ("incline-accelerations", 1)),
    "peak": (("strides", 2),),
    "taper": (("strides", 2),),
    "race": (("strides", 1),),
    "recovery": (("strides", 1),),
}
# Run drills are booked on run days and never twice on one day; which slugs they are is in their records.
DRILL_SLUGS = slugs_where(lambda exercise: exercise.is_drill)
TESTS_PREVENTION = ("sl-bridge-reps", "nordic-lowering-s")
TESTS_REHAB = ("aslr-deg", "sl-bridge-reps", "h-test-insecurity")
ASKLING_SESSIONS = 3
ISO_SESSIONS = 2
ASSESSMENT_RX = Prescription(1, (1,))


@dataclass
class WeekPlanner(WeekBook):
    """Plans week after week: Nordics first, then the reassessment, accessories and run drills (what is already
    booked, and placing one session, are WeekBook's)."""

    # -- the week ---------------------------------------------------------------------------------------------

    def plan_week(self, index: int, week: SeasonWeek) -> None:
        """Add one week's items."""
        days = [day_of(week.start + dt.timedelta(days=n), self.profile) for n in range(7)]
        open_days = [d for d in days if d.date >= self.today]
        deload = week.deload
        self.deload_reason = week.deload_reason or "deload (today's advice): fewer sets, same sessions"
        if self.profile.mode == "rehab":
            self._rehab(index, week, days, open_days, deload)
            return
        self._nordics(index, week, days, open_days, deload)
        self._assessment(index, week, days, open_days, TESTS_PREVENTION)
        self._accessories(index, week, days, open_days, deload)
        self._drills(week, open_days)

    def _rehab(self, index: int, week: SeasonWeek, days: list[Day], open_days: list[Day], deload: bool) -> None:
        assert self.gate is not None
        start = None if self.injury is None else self.injury.date + dt.timedelta(days=int(ASKLING_START_DAYS.value))
        askling_days = [d for d in open_days if start is None or d.date >= start]
        self._strength_sessions(
            index, week, days, open_days, ("iso-hold",), ISO_SESSIONS, deload, "isometric holds come first"
        )
        self._strength_sessions(
            index, week, days, askling_days, ASKLING, ASKLING_SESSIONS, deload,
            "Askling L-protocol (Askling 2013)",
        )
        if self.gate.open >= 2:
            self._nordics(index, week, days, open_days, deload)
        due = self.gate.tests_due if index == 0 else ()
        self._assessment(index, week, days, open_days, TESTS_REHAB, due_now=due)
        if self.gate.open >= 1:
            self._stage_drills(week, open_days, STAGES[self.gate.open - 1])
        if index == 0:
            self.notes.extend(f"Rehab: {change}." for change in self.gate.changes)
        if index == 0 and self.gate.waiting_for:
            following = self.gate.open + 1
            what = "running" if self.gate.open == 0 else f"running stage {following} ({STAGES[following - 1].effort})"
            if following == len(STAGES):
                what = f"no sprints yet: {what}"
            self.notes.append(f"Rehab: {what} waits: {'; '.join(self.gate.waiting_for)}.")

    # -- Nordics ----------------------------------------------------------------------------------------------

    def _nordics(self, index: int, week: SeasonWeek, days: list[Day], open_days: list[Day], deload: bool) -> None:
        prog_week = min(self.programme.week + index, MAINTENANCE_WEEK)
        full = self.programme.remaining if index == 0 else programme_sessions(prog_week)
        if week.race_week or week.block == "recovery":
            full = min(full, 1)
        elif week.block == "taper":
            full = min(full, 2)
        needed = full - self._used(days, {"nordic"})
        if needed <= 0:
            return
        gap = int(NORDIC_GAP_DAYS.value)
        bans = {d.date: nordic_bans(d.date, self.profile) for d in open_days}
        candidates = [d for d in open_days if not bans[d.date] and "nordic" not in self.booked[d.date]]
        # A hard day only when the runner's usual week cannot hold the sessions 48 h apart without one (this
        # week's, or next week's: a late session this week must not cost the next week one).
        usual = weekly_capacity(self.profile.long_run_day, self.profile.hard_days, gap, severe=False, cyclic=True)
        next_sessions = programme_sessions(min(prog_week + 1, MAINTENANCE_WEEK))
        placement = self._place(
            days, candidates, needed, spaced=self.nordic_days, min_gap=gap, label="Nordics", strict=True,
            allow_severe=usual < max(needed, next_sessions),
            extra_cost=lambda dates: carry_over_cost(self.profile, week.end, dates, gap, next_sessions),
        )
        reduced = week.race_week or week.block in ("taper", "recovery")
        sessions = full if reduced else programme_sessions(prog_week)
        for day in placement.days:
            start, held = self._nordic_step(day)
            dose = nordic_week_dose(start, index, prog_week)
            parts: list[str | None] = [programme_text(prog_week, sessions)]
            if index == 0 or held:
                parts.append(held or action_text(start))
            gave_way = placement.gave_way.get(day.date)
            if gave_way and (day.is_hard or day.race is not None):
                gave_way = (*gave_way, f"your usual week has too few other days for {max(needed, next_sessions)} "
                                       f"Nordic sessions {gap * 24} h apart")
            usual_dose = start.usual if index == 0 and start.logged else None
            self._add(day, "nordic", start.step, dose, deload, week, parts, gave_way, usual=usual_dose)
            self.nordic_days.add(day.date)
        if len(placement.days) < needed:
            missing = needed - len(placement.days)
            when = "in the days left this week" if index == 0 else f"in the week of {week.start:%d %b}"
            self.notes.append(
                f"{missing} Nordic session(s) did not fit {when}: "
                f"{no_room_text(open_days, bans, self.nordic_days, self.booked, gap)}."
            )

    def _nordic_step(self, day: Day) -> tuple[Advised, str | None]:
        """The step a Nordic on `day` starts from: the advice's, except that a new, harder step never starts in
        the last 2 weeks before an A race (the step holds; the dose may still follow the programme)."""
        current = self.history.nordic_step
        new = self.nordic
        if current is None or new.step == current or _nordic_index(new.step) <= _nordic_index(current):
            return new, None
        if self.new_step_from is not None and self.new_step_from < day.date:
            return new, None  # the new step already started before this race's last 2 weeks
        race = step_freeze_race(day.date, self.profile)
        if race is None:
            if self.new_step_from is None:
                self.new_step_from = day.date
            return new, None
        item = self.advice.for_exercise("nordic") if self.advice is not None else None
        dose = item.current if item is not None and item.current is not None else new.dose
        text = (
            f"the step holds at {current}: no new Nordic step in the last {STEP_FREEZE_WEEKS} weeks before the "
            f"{race.name} (the advice's {new.step} waits until after it)"
        )
        return Advised(current, dose, "hold", True), text

    # -- accessories and rehab strength -------------------------------------------------------------------------

    def _accessories(
        self, index: int, week: SeasonWeek, days: list[Day], open_days: list[Day], deload: bool
    ) -> None:
        if week.race_week or week.block == "recovery":
            return
        light = week.block in ("peak", "taper")
        count = int(ACCESSORY_SESSIONS_LIGHT.value if light else ACCESSORY_SESSIONS_FULL.value)
        pair = ACCESSORIES[week.emphasis]
        why = f"{week.emphasis} emphasis this week"
        self._strength_sessions(index, week, days, open_days, pair, count, deload, why, counted=ALL_ACCESSORIES)

    def _strength_sessions(
        self,
        index: int,
        week: SeasonWeek,
        days: list[Day],
        open_days: list[Day],
        exercises: Sequence[str],
        count: int,
        deload: bool,
        why: str,
        counted: Iterable[str] | None = None,
    ) -> None:
        """`count` sessions a week of `exercises` (all on one day each), minus the days that already hold one."""
        counted_set = frozenset(counted or exercises)
        self._rest_of_skipped_days(index, week, open_days, exercises, deload, why)
        needed = count - self._used(days, counted_set)
        if needed <= 0:
            return
        candidates = [
            d for d in open_days if d.date not in self.race_windows and not (counted_set & self.booked[d.date])
        ]
        # Sessions of the same exercises 48 h apart, like the Nordics; off a reassessment day (a maximal test).
        spaced = [d for d, booked in self.booked.items() if counted_set & booked]
        placement = self._place(
            days, candidates, needed, spaced=spaced, min_gap=2, label="session", prefer_nordic=True, avoid_tests=True
        )
        for day in placement.days:
            for slug in exercises:
                plan = advised(self.advice, slug)
                parts: list[str | None] = [why]
                if index == 0:
                    parts.append(action_text(plan))
                self._add(
                    day, slug, plan.step, plan.dose, deload, week, parts, placement.gave_way.get(day.date),
                    usual=plan.usual,
                )

    def _rest_of_skipped_days(
        self, index: int, week: SeasonWeek, open_days: list[Day], exercises: Sequence[str], deload: bool, why: str
    ) -> None:
        """A day where the runner skipped one exercise of a session keeps the session's other exercises.

        A skipped item counts as that day's session (it is not made up elsewhere), so without this a re-plan
        would drop its partners from the day: skipping Thursday's split squat must not take the SL RDL with it.
        """
        for day in open_days:
            skipped = {k.exercise for k in self.kept if k.date == day.date and k.status == "skipped"}
            if not skipped & set(exercises):
                continue
            for slug in exercises:
                if slug in self.booked[day.date]:
                    continue
                plan = advised(self.advice, slug)
                parts: list[str | None] = [why]
                if index == 0:
                    parts.append(action_text(plan))
                self._add(day, slug, plan.step, plan.dose, deload, week, parts, None, usual=plan.usual)

    # -- reassessment -------------------------------------------------------------------------------------------

    def _assessment(
        self,
        index: int,
        week: SeasonWeek,
        days: list[Day],
        open_days: list[Day],
        tests: Sequence[str],
        due_now: Sequence[str] = (),
    ) -> None:
        if any(k.kind == "assessment" and week.start <= k.date <= week.end for k in self.kept):
            return
        last = self.last_assessment
        low, high = week.start, week.end
        reason = "baseline: your first reassessment"
        if due_now and not (last is not None and (self.today - last).days < 7):
            tests, reason = due_now, "sprints wait for this test"
        elif last is not None:
            earliest = last + dt.timedelta(weeks=int(REASSESS_MIN_WEEKS.value))
            latest = last + dt.timedelta(weeks=int(REASSESS_MAX_WEEKS.value))
            must = week.end >= latest
            wanted = week.deload and not week.race_week and week.block != "taper"
            if week.end < earliest or not (must or wanted):
                return
            low, high = max(low, earliest), min(high, latest)
            weeks_since = (low - last).days // 7
            reason = f"reassessment, {weeks_since}+ weeks after the last" + (
                " (deload week: fresh legs)" if wanted else ""
            )
        elif index != 0 and not self.baseline_waits:
            return
        # Maximal tests: in rehab not before the 50-70% running stage, and never before day 14 after a strain.
        if not maximal_tests_open(self.gate):
            tests = [t for t in tests if t not in MAXIMAL_TESTS]
            reason += " (the maximal tests wait for the 50-70% running stage)"
        if not tests:
            return
        candidates = [d for d in open_days if low <= d.date <= high and d.date not in self.race_windows]
        tests_from = maximal_tests_from(self.profile, self.today)
        if tests_from is not None and MAXIMAL_TESTS & set(tests):
            candidates = [d for d in candidates if d.date >= tests_from]
            if not candidates:
                self.baseline_waits = last is None
                return
        placement = self._place(days, candidates, 1, test=True)
        for day in placement.days:
            for test in tests:
                why = [f"{reason}: {ASSESSMENT_NAMES.get(test, test)}"]
                self._add(day, test, None, ASSESSMENT_RX, False, week, why, placement.gave_way.get(day.date),
                          kind="assessment")
            self.last_assessment = day.date

    # -- run drills ---------------------------------------------------------------------------------------------

    def _drills(self, week: SeasonWeek, open_days: list[Day]) -> None:
        plan = DRILLS["race" if week.race_week else week.block]
        race = week.race if week.race_week else None
        for slug, count in plan:
            needed = count - self._used([day_of(week.start + dt.timedelta(days=n), self.profile) for n in range(7)],
                                        {slug})
            if needed <= 0:
                continue
            candidates = [
                d for d in open_days
                if d.is_easy_run and not (DRILL_SLUGS & self.booked[d.date]) and (race is None or d.date < race.date)
            ]
            if not candidates:
                if open_days and any(d.is_run for d in open_days):
                    self.notes.append("No easy-run day is free for strides: add them after any easy run.")
                continue
            slots = [Slot(d, (), (race.date - d.date).days if race else 0) for d in candidates]
            drill = advised(self.advice, slug)
            for day in place(slots, needed).days:
                count_text = _drill_text(slug, drill.dose)
                why = [count_text + (" before the race" if race else "")]
                self._add(day, slug, drill.step, drill.dose, False, week, why, None, kind="run-drill")

    def _stage_drills(self, week: SeasonWeek, open_days: list[Day], stage: RunStage) -> None:
        needed = int(REHAB_DRILL_SESSIONS.value) - self._used(
            [day_of(week.start + dt.timedelta(days=n), self.profile) for n in range(7)], {stage.exercise}
        )
        candidates = [d for d in open_days if not (DRILL_SLUGS & self.booked[d.date]) and not d.is_heavy]
        if needed <= 0 or not candidates:
            return
        slots = [Slot(d, (), 0 if d.is_easy_run else 1) for d in candidates]
        dose = Prescription(1, (stage.count,))
        sprints = (
            f", range and strength within {REHAB_SYMMETRY.value:.0%} of the other leg and an H-test of 0"
            if stage.number + 1 == len(STAGES) else ""
        )
        following = (
            f"stage {stage.number + 1} opens after {int(REHAB_STAGE_SESSIONS.value)} sessions with pain "
            f"{REHAB_STAGE_PAIN_OK.value}/10 or less{sprints}; pain above {REHAB_STAGE_PAIN_MAX.value}/10 is one "
            "stage back"
            if stage.number < len(STAGES)
            else "when this is pain-free and the H-test stays at 0, switch to prevention mode in your profile"
        )
        for day in place(slots, needed, spaced_from=(), min_gap=2).days:
            why = [f"running stage {stage.number} of {len(STAGES)}: {stage.count} {stage.what} at {stage.effort}",
                   following]
            self._add(day, stage.exercise, stage.step, dose, False, week, why, None, kind="run-drill")


def _nordic_index(step: str) -> int:
    ladder = [s.slug for s in get_exercise("nordic").ladder]
    return ladder.index(step) if step in ladder else -1


def _drill_text(slug: str, dose: Prescription) -> str:
    count = dose.reps[0] if dose.reps else 1
    if slug == "incline-accelerations":
        return f"{count} uphill accelerations of 10-15 s, walk down"
    return f"{count} strides of about 100 m, walk back"

