"""A generated, realistic journal for `hamjournal demo`, screenshots and benchmarks.

The story: a runner with an old left-hamstring strain starts Petersen's Nordic programme on the first Monday
of the journal, climbs the Nordic ladder (band-assisted -> incline -> bodyweight -> faster lean), runs easy on
Monday, Thursday and Saturday with strides after the Monday and Thursday runs, goes hard on Tuesday and long
on Sunday, cross-trains midweek, bridges, holds and hinges once a week each, deloads every 5th week and
reassesses every 5 weeks. One Sunday long run jumps about 45%, and the week after it hurts: pain 5-6 during
Nordics, worse mornings, a step back down the ladder, then recovery.

Everything is dated on or before `today`; today holds only the morning check-in, so today's planned session
is still to do. The same (today, weeks, seed) always gives the same journal.
"""

from __future__ import annotations

import datetime as dt
import random
from dataclasses import dataclass, field

from hamjournal.domain.demo_story import (
    DELOAD_EVERY,
    FRI,
    MON,
    SAT,
    SUN,
    THU,
    TUE,
    WED,
    NordicDose,
    Story,
    deloaded,
    is_deload,
    ladder_step,
    monday,
    nordic_dose,
    petersen,
    saturating,
)
from hamjournal.domain.library.exercises import get_exercise
from hamjournal.domain.models import (
    Assessment,
    Injury,
    Journal,
    PlanItem,
    Prescription,
    Profile,
    Race,
    Run,
    Session,
    SetEntry,
    SymptomLog,
)
from hamjournal.domain.validation import check_int_range

MAX_WEEKS = 520
PLAN_WEEKS = 3  # the current week and the next two
NORDIC_TEMPO = "4-0-1-0"
ONE_DAY = dt.timedelta(days=1)
DAY_NAMES = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")

# Nordic days for 1, 2 or 3 sessions a week: away from the Tuesday hard session's eve where possible.
NORDIC_DAYS: dict[int, tuple[int, ...]] = {1: (WED,), 2: (MON, FRI), 3: (MON, WED, FRI)}
STRIDES_LADDER: tuple[tuple[int, str], ...] = ((0, "relaxed"), (8, "fast"), (30, "near-max"))
STRIDES = 6


def demo_journal(today: dt.date, weeks: int = 12, seed: int = 7) -> Journal:
    """A realistic journal of `weeks` weeks (1-520) ending today; deterministic for (today, weeks, seed)."""
    weeks = check_int_range(weeks, "weeks", 1, MAX_WEEKS)
    start = monday(today) - dt.timedelta(weeks=weeks - 1)
    story = Story.for_weeks(start, today, weeks)
    log = _Log(random.Random(seed), story)
    day = start
    while day <= today:
        log.day(day)
        day += ONE_DAY
    return Journal(
        profile=_demo_profile(today, start, weeks, story.b_race),
        sessions=tuple(log.sessions),
        symptoms=tuple(log.symptoms),
        runs=tuple(log.runs),
        assessments=tuple(log.assessments),
        plan=_demo_plan(today, story),
    )


# ---------------------------------------------------------------------------------------------- the log


@dataclass
class _Log:
    """Walks the days and writes what the runner did."""

    rng: random.Random
    story: Story
    sessions: list[Session] = field(default_factory=list)
    symptoms: list[SymptomLog] = field(default_factory=list)
    runs: list[Run] = field(default_factory=list)
    assessments: list[Assessment] = field(default_factory=list)

    def day(self, day: dt.date) -> None:
        """Everything logged on one day; today only the morning check-in."""
        self._morning(day)
        if day == self.story.today:
            return
        week, weekday = self.story.week(day), day.weekday()
        if weekday == MON and week % DELOAD_EVERY == 0:
            self._assess(day, week)
        self._run(day, week, weekday)
        self._nordic(day, week, weekday)
        self._accessory(day, week, weekday)

    # --- check-ins

    def _morning(self, day: dt.date) -> None:
        rng, story = self.rng, self.story
        recent = day >= story.today - ONE_DAY
        if story.in_bad_week(day):
            pain, stiffness = rng.choice((3, 4)), rng.choice((4, 5))
        elif story.bad_week is not None and story.week(day) == story.bad_week + 1:
            pain, stiffness = rng.choice((1, 2, 2)), rng.choice((2, 3, 3))
        else:
            # Most days most runners skip nothing; one check-in in ~12 is forgotten.
            if not recent and rng.random() < 0.08:
                return
            pain = rng.choices((0, 1, 2), weights=(55, 33, 12))[0]
            stiffness = rng.choice((1, 2, 2, 3))
        after_hard = day.weekday() in (WED, MON)  # the mornings after the hard and the long run
        fatigue = rng.choice((2, 3)) if after_hard else rng.choice((1, 1, 2))
        self.symptoms.append(
            SymptomLog(
                date=day,
                when="morning",
                pain=pain,
                stiffness=stiffness,
                side="left" if pain else "both",
                location=rng.choice(("proximal", "proximal", "middle")) if pain else None,
                sleep_h=round(rng.uniform(6.5, 8.5) * 2) / 2,
                fatigue=fatigue,
            )
        )

    def _after(self, day: dt.date, pain_during: int) -> None:
        bad = self.story.in_bad_week(day)
        if not bad and self.rng.random() > 0.3:
            return
        self.symptoms.append(
            SymptomLog(
                date=day,
                when="after",
                pain=max(0, pain_during - 1) if bad else min(pain_during, 2),
                stiffness=4 if bad else self.rng.choice((1, 2, 3)),
                side="left" if pain_during else "both",
                location="proximal" if pain_during else None,
            )
        )

    # --- runs

    def _run(self, day: dt.date, week: int, weekday: int) -> None:
        rng, story = self.rng, self.story
        if day == story.b_race:
            self.runs.append(Run(day, 22.4, "race", 5.0, 9, None, round(self._finish_trend(week) - 0.4, 1),
                                 "Parkside 5K (B race): 22:24, strong last 200 m"))
            return
        if rng.random() < 0.02 and not story.is_spike(day):
            return  # life happens
        bad = story.in_bad_week(day)
        if weekday in (MON, THU, SAT):
            minutes = float(rng.choice((35, 40, 45)) if weekday != SAT else rng.choice((30, 35, 40)))
            strides = STRIDES if weekday != SAT and not bad else None
            self.runs.append(Run(day, minutes, "easy", round(minutes / 5.5, 1), rng.choice((3, 4)), strides))
            if strides:
                self._strides(day, week)
        elif weekday == TUE:
            self._hard(day, week, bad)
        elif weekday == WED and rng.random() < 0.85:
            self.runs.append(Run(day, float(rng.choice((40, 45, 50))), "cross", None, 3, note="bike"))
        elif weekday == FRI and rng.random() < 0.4:
            self.runs.append(Run(day, float(rng.choice((30, 40))), "cross", None, 2, note="swim"))
        elif weekday == SUN:
            self._long(day, week)

    def _hard(self, day: dt.date, week: int, bad: bool) -> None:
        if bad:
            self.runs.append(Run(day, 30.0, "easy", 5.4, 3, note="swapped the intervals for easy running"))
            self.symptoms.append(SymptomLog(day, 3, "during-run", 4, "left", "proximal", note="tight, not sharp"))
            return
        if week % 2 == 0:
            finish = round(self._finish_trend(week) + self.rng.uniform(-0.3, 0.3), 1)
            note = "6 x 3 min, last 100 m flat out"
            self.runs.append(Run(day, 55.0, "intervals", 11.0, 8, finish_s=finish, note=note))
        else:
            self.runs.append(Run(day, 50.0, "tempo", 10.2, 7))

    def _long(self, day: dt.date, week: int) -> None:
        # Grows 2 min a week through a season, resets each year; deload weeks ease off.
        minutes = min(100, 60 + 2 * (week % 52)) + self.rng.choice((-3, 0, 3))
        note = ""
        if is_deload(week):
            minutes -= 10
        if self.story.is_spike(day):
            minutes = round(minutes * 1.45)
            note = "went long with the club, felt fine at the time"
        self.runs.append(Run(day, float(minutes), "long", round(minutes / 5.75, 1), 5, note=note))

    def _finish_trend(self, week: int) -> float:
        return 15.6 - 1.6 * saturating(week)

    # --- strength and drills

    def _nordic(self, day: dt.date, week: int, weekday: int) -> None:
        days = NORDIC_DAYS[len(petersen(week))]
        if weekday not in days:
            return
        index = days.index(weekday)
        dose = nordic_dose(self.story, week, index)
        bad = self.story.in_bad_week(day)
        if not bad and week > 0 and self.rng.random() < 0.05:
            return  # a missed session
        if bad:
            pain, note = (6, "pulling high on the left on the last set") if index == 0 else (5 if index == 1 else 4, "")
        elif dose.regressed:
            pain, note = self.rng.choice((2, 3)), "back on the easier step while it settles"
        else:
            pain, note = self.rng.choices((0, 1, 2, 3), weights=(30, 40, 25, 5))[0], ""
        rpe = 8 if bad else self.rng.choice((6, 7) if week < 2 else (7, 7, 8))
        entries = tuple(SetEntry(reps=r) for r in dose.reps)
        self.sessions.append(Session(day, "nordic", entries, dose.step, NORDIC_TEMPO, rpe, pain, note))
        self._after(day, pain)

    def _accessory(self, day: dt.date, week: int, weekday: int) -> None:
        if self.rng.random() < 0.08:
            return
        deload = is_deload(week)
        progress = saturating(week)
        if weekday == MON:
            if week < 4:
                self._session(day, "bridge", "short-lever", [SetEntry(10)] * (2 if deload else 3))
            else:
                step = "floor" if week < 12 else "box" if week < 30 else "long-lever"
                right = 10 + round(5 * progress)
                left = right - (1 if week < 10 else 0)  # the old strain side lags, then catches up
                pairs = 1 if deload else 2
                self._session(day, "sl-bridge", step, [SetEntry(left, "left"), SetEntry(right, "right")] * pairs)
        elif weekday == WED:
            hold = 30 + round(15 * progress)
            if week < 6:
                self._session(day, "iso-hold", "bilateral", [SetEntry(None, hold_s=hold)] * (2 if deload else 3))
            else:
                step = "single-leg" if week < 26 else "long-lever"
                sides = [SetEntry(None, "left", hold_s=hold), SetEntry(None, "right", hold_s=hold)]
                self._session(day, "iso-hold", step, sides * (1 if deload else 2))
        elif weekday == FRI and not self.story.in_bad_week(day):
            step = "supported" if week < 4 else "bodyweight" if week < 12 else "light" if week < 40 else "heavy"
            load = {"light": 8.0 + 4 * progress, "heavy": 16.0 + 4 * progress}.get(step, 0.0)
            reps = 8 + round(2 * progress)
            pair = [SetEntry(reps, "left", float(round(load))), SetEntry(reps, "right", float(round(load)))]
            pairs = 2 if week < 8 else 3
            self._session(day, "sl-rdl", step, pair * (len(deloaded((reps,) * pairs)) if deload else pairs))

    def _session(self, day: dt.date, slug: str, step: str, entries: list[SetEntry]) -> None:
        tempo = get_exercise(slug).default_tempo
        pain = self.rng.choices((0, 1), weights=(80, 20))[0]
        self.sessions.append(Session(day, slug, tuple(entries), step, tempo, self.rng.choice((5, 6, 7)), pain))

    def _strides(self, day: dt.date, week: int) -> None:
        step = ladder_step(STRIDES_LADDER, week)
        self.sessions.append(Session(day, "strides", (SetEntry(STRIDES),), step, None, 5, 0))

    # --- reassessments

    def _assess(self, day: dt.date, week: int) -> None:
        p = saturating(week)
        gap = 1 - p  # the between-leg difference closes as the programme goes on
        bridge_r = 24 + round(10 * p)
        hold_r = 35 + round(25 * p)
        aslr_r = 76 + round(6 * p)
        hop_r = 160 + round(20 * p)
        self.assessments += [
            Assessment(day, "sl-bridge-reps", left=float(bridge_r - round(4 * gap)), right=float(bridge_r)),
            Assessment(day, "nordic-lowering-s", value=round(2.5 + 5 * p, 1)),
            Assessment(day, "iso-hold-s", left=float(hold_r - round(6 * gap)), right=float(hold_r)),
            Assessment(day, "aslr-deg", left=float(aslr_r - round(5 * gap)), right=float(aslr_r)),
            Assessment(day, "hop-cm", left=float(hop_r - round(12 * gap)), right=float(hop_r)),
            Assessment(day, "sprint-finish-s", value=round(self._finish_trend(week), 1)),
        ]


# ----------------------------------------------------------------------------------- profile and plan


def _demo_profile(today: dt.date, start: dt.date, weeks: int, b_race: dt.date) -> Profile:
    # The A race about ten weeks out, on a Sunday.
    a_race = today + dt.timedelta(days=70)
    a_race += dt.timedelta(days=(SUN - a_race.weekday()) % 7)
    return Profile(
        units="metric",
        mode="prevention",
        running_days=("mon", "tue", "thu", "sat", "sun"),
        long_run_day="sun",
        hard_days=("tue",),
        strength_days=("mon", "wed", "fri"),
        injuries=(Injury(start - dt.timedelta(days=200), "left", 1, "strained sprinting at the end of a 10K"),),
        races=(Race(b_race, "Parkside 5K", 5.0, "B"), Race(a_race, "City 10K", 10.0, "A")),
        deload_every=DELOAD_EVERY,
        nordic_ability="partial" if weeks < 14 else "full",
    )


def _demo_plan(today: dt.date, story: Story) -> tuple[PlanItem, ...]:
    """Auto plan items from this Monday for PLAN_WEEKS weeks: Nordics on the Petersen days, strides after
    the Monday and Thursday easy runs. A stand-in for the real planner, so the demo shows a plan."""
    items: list[PlanItem] = []
    first = monday(today)
    for offset in range(7 * PLAN_WEEKS):
        day = first + dt.timedelta(days=offset)
        week, weekday = story.week(day), day.weekday()
        days = NORDIC_DAYS[len(petersen(week))]
        if weekday in days:
            dose = nordic_dose(story, week, days.index(weekday))
            items.append(
                PlanItem(
                    date=day,
                    exercise="nordic",
                    kind="strength",
                    prescription=Prescription(len(dose.reps), dose.reps, None, NORDIC_TEMPO),
                    step=dose.step,
                    deload=dose.deload,
                    why=_nordic_why(week, weekday, dose),
                )
            )
        if weekday in (MON, THU):
            items.append(
                PlanItem(
                    date=day,
                    exercise="strides",
                    kind="run-drill",
                    prescription=Prescription(1, (STRIDES,)),
                    step=ladder_step(STRIDES_LADDER, week),
                    why=f"after {DAY_NAMES[weekday]}'s easy run: {STRIDES} strides of about 20 s, walk back",
                )
            )
    return tuple(items)


def _nordic_why(week: int, weekday: int, dose: NordicDose) -> str:
    where = {
        MON: "after Monday's easy run",
        WED: "Wednesday, a cross-training day with no run",
        FRI: "Friday, no run that day",
    }[weekday]
    to_long = SUN - weekday
    reasons = [where, f"{to_long} days before the long run"]
    sessions = len(petersen(week))
    if week < 10:
        reasons.append(f"Petersen week {week + 1}: {sessions} session{'s' if sessions > 1 else ''} this week")
    else:
        reasons.append("maintenance: one session a week keeps the gains")
    if dose.deload:
        reasons.append("deload week: fewer sets")
    if dose.regressed:
        reasons.append("one step down until the pain settles")
    return "; ".join(reasons)
