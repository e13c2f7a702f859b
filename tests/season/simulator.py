"""A season simulator: a runner who follows hamjournal's plan day by day, and what the app told them each day.

Pure domain (no store, no textual, no sqlalchemy) with an injected clock: every day D of the season the runner
1. gives a morning check-in (when they give one that day),
2. does every open plan item of D exactly at its prescription (strength: the item's sets x reps or holds, step
   and tempo, with pain during and RPE drawn; run drills: the count; assessments: the runner's true values),
3. runs the profile's run of the day (easy, long, hard, or a race on its date),
4. and in the evening the app re-plans (`replan`, the one adapter onto the rules and the planner).

Everything random comes from one seeded `random.Random`, so a season is the same on every run.
"""

from __future__ import annotations

import datetime as dt
import random
from dataclasses import dataclass, field, replace
from typing import TYPE_CHECKING, Any

from hamjournal.domain.models import (
    PAIRED_TESTS,
    WEEKDAYS,
    Assessment,
    Injury,
    PlanItem,
    Profile,
    Race,
    Run,
    Session,
    SetEntry,
    SymptomLog,
)

if TYPE_CHECKING:
    from hamjournal.domain.advice.report import AdviceReport
    from hamjournal.domain.planner.blocks import SeasonWeek

DEFAULT_START = dt.date(2027, 1, 4)  # a Monday, so season weeks are the plan's Monday weeks
REPLAN_WEEKS = 4  # what the app saves on a re-plan (planning.REPLAN_WEEKS)
ASSESSMENT_LOOKBACK_DAYS = 365  # planning.PLAN_ASSESSMENT_LOOKBACK_DAYS


# --- the runner ------------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Draw:
    """A discrete distribution of whole numbers (pain, stiffness, RPE): values and their weights."""

    values: tuple[int, ...]
    weights: tuple[float, ...] = ()

    def __call__(self, rng: random.Random) -> int:
        """One value drawn with `rng` (always drawn, even for a constant, so seasons stay in step)."""
        weights = self.weights or (1.0,) * len(self.values)
        return rng.choices(self.values, weights)[0]


ZERO = Draw((0,))
MORNINGS: dict[str, Draw] = {
    "clean": ZERO,
    "ordinary": Draw((0, 1, 2), (0.5, 0.35, 0.15)),
}
STIFFNESS: dict[str, Draw] = {
    "clean": ZERO,
    "ordinary": Draw((0, 1, 2), (0.5, 0.35, 0.15)),
}


@dataclass(frozen=True)
class RunDay:
    """One kind of run: minutes, km and RPE."""

    minutes: float
    km: float
    rpe: int


@dataclass(frozen=True)
class Events:
    """What happens to the runner beyond the ordinary.

    - sudden_day: day number (1 = the first day) of a sudden sharp pain, logged after that day's sessions
    - nordic_pain_from_week: from this season week on (1-based), pain `nordic_pain`/10 during every Nordic
    """

    sudden_day: int | None = None
    nordic_pain_from_week: int | None = None
    nordic_pain: int = 6


@dataclass(frozen=True)
class TrueValues:
    """What the runner would score on each test (left, right), or a single value; logged when a test is planned."""

    paired: dict[str, tuple[float, float]] = field(
        default_factory=lambda: {
            "sl-bridge-reps": (25.0, 25.0),
            "iso-hold-s": (45.0, 45.0),
            "aslr-deg": (80.0, 80.0),
            "hop-cm": (150.0, 150.0),
            "h-test-insecurity": (0.0, 0.0),
        }
    )
    single: dict[str, float] = field(
        default_factory=lambda: {"nordic-lowering-s": 4.0, "nordic-break-deg": 45.0, "sprint-finish-s": 14.0}
    )


def with_deficit(values: TrueValues, side: str, strength: float, aslr_deg: float) -> TrueValues:
    """The same runner with one leg `strength` (0.2 = 20%) weaker on bridge reps and holds and `aslr_deg` short."""
    index = 0 if side == "left" else 1
    paired = dict(values.paired)
    for test in ("sl-bridge-reps", "iso-hold-s", "hop-cm"):
        pair = list(paired[test])
        pair[index] = round(pair[index] * (1.0 - strength))
        paired[test] = (pair[0], pair[1])
    aslr = list(paired["aslr-deg"])
    aslr[index] -= aslr_deg
    paired["aslr-deg"] = (aslr[0], aslr[1])
    return replace(values, paired=paired)


@dataclass(frozen=True)
class Runner:
    """A simulated runner: their profile, how their mornings and sessions feel, their runs, and the events."""

    name: str
    profile: Profile
    start: dt.date = DEFAULT_START
    weeks: int = 12
    seed: int = 1
    mornings: Draw = ZERO
    stiffness: Draw = ZERO
    sleep_h: tuple[float, float] = (7.0, 8.0)
    checkin_rate: float = 1.0  # share of days with a morning check-in
    pain_during: Draw = ZERO
    rpe: Draw = Draw((6, 7))
    easy: RunDay = RunDay(45, 8.0, 4)
    long: RunDay = RunDay(95, 16.0, 5)
    hard: RunDay = RunDay(50, 10.0, 8)
    truth: TrueValues = field(default_factory=TrueValues)
    events: Events = Events()
    # Weeks of the same running logged before day 1 (a watch import); 0 = a journal started on day 1.
    run_history_weeks: int = 0

    @property
    def end(self) -> dt.date:
        """The last day of the season."""
        return self.start + dt.timedelta(weeks=self.weeks, days=-1)


RACES: dict[str, tuple[str, float]] = {"10k": ("City 10K", 10.0), "half": ("City Half", 21.1)}


def prevention_runner(
    mornings: str = "clean",
    weeks: int = 12,
    seed: int = 1,
    race: str | None = None,
    race_week: int | None = None,
    events: Events = Events(),
    start: dt.date = DEFAULT_START,
) -> Runner:
    """A prevention runner (Nordic ability "none") running Mon, Tue (hard), Thu, Sat and Sun (long).

    With `race` ("10k" or "half") an A race on the Sunday of `race_week` (default: two weeks before the end).
    """
    races: tuple[Race, ...] = ()
    if race is not None:
        name, km = RACES[race]
        week = race_week if race_week is not None else max(1, weeks - 2)
        races = (Race(_sunday_of_week(start, week), name, km, "A"),)
    profile = Profile(
        mode="prevention",
        running_days=("mon", "tue", "thu", "sat", "sun"),
        long_run_day="sun",
        hard_days=("tue",),
        races=races,
        nordic_ability="none",
    )
    return Runner(
        name=f"prevention, {mornings} mornings" + (f", {race} A race" if race else ""),
        profile=profile,
        start=start,
        weeks=weeks,
        seed=seed,
        mornings=MORNINGS[mornings],
        stiffness=STIFFNESS[mornings],
        events=events,
    )


def rehab_runner(
    weeks: int = 16,
    seed: int = 1,
    mornings: str = "clean",
    deficit: float = 0.2,
    aslr_short_deg: float = 15.0,
    injured_days_before: int = 7,
    start: dt.date = DEFAULT_START,
) -> Runner:
    """A runner back from a grade-1 left strain (`injured_days_before` the start), one leg `deficit` weaker."""
    injury = Injury(start - dt.timedelta(days=injured_days_before), side="left", grade=1)
    profile = Profile(
        mode="rehab",
        running_days=("mon", "wed", "fri", "sun"),
        long_run_day="sun",
        hard_days=(),
        injuries=(injury,),
        nordic_ability="none",
    )
    return Runner(
        name=f"rehab, {deficit:.0%} weaker left leg, ASLR {aslr_short_deg:g} deg short, {mornings} mornings",
        profile=profile,
        start=start,
        weeks=weeks,
        seed=seed,
        mornings=MORNINGS[mornings],
        stiffness=STIFFNESS[mornings],
        pain_during=Draw((0, 1, 2), (0.6, 0.3, 0.1)),
        rpe=Draw((5, 6)),
        easy=RunDay(30, 5.0, 3),
        long=RunDay(40, 6.5, 4),
        truth=with_deficit(TrueValues(), "left", deficit, aslr_short_deg),
    )


def _sunday_of_week(start: dt.date, week: int) -> dt.date:
    """The Sunday of season week `week` (1-based; weeks are Monday weeks, the first holding `start`)."""
    monday = start - dt.timedelta(days=start.weekday())
    return monday + dt.timedelta(weeks=week - 1, days=6)


# --- the record of a season ------------------------------------------------------------------------------------


@dataclass(frozen=True)
class DayRecord:
    """One day of the season: what was planned, what was done, and the evening's advice and plan."""

    date: dt.date
    number: int  # 1 = the first day
    planned: tuple[PlanItem, ...]  # the stored plan items of the day, as the runner found them in the morning
    planned_with: AdviceReport  # the advice the day's items were planned with (the evening before)
    shown_with: AdviceReport  # that advice as the app showed it that evening (next = the next planned session)
    checkin: SymptomLog | None
    sessions: tuple[Session, ...]
    assessments: tuple[Assessment, ...]
    runs: tuple[Run, ...]
    events: tuple[SymptomLog, ...]  # extra check-ins (a sudden pain)
    advice: AdviceReport  # the evening's advice, with everything of the day logged
    ahead: tuple[PlanItem, ...]  # the stored plan from tomorrow on, after the evening re-plan
    notes: tuple[str, ...]
    stopped: bool

    @property
    def week(self) -> int:
        """The season week (1-based)."""
        return (self.number - 1) // 7 + 1


@dataclass
class State:
    """The journal as the app would hold it: the log, and the stored plan (the record of what was planned)."""

    profile: Profile
    sessions: list[Session] = field(default_factory=list)
    symptoms: list[SymptomLog] = field(default_factory=list)
    runs: list[Run] = field(default_factory=list)
    assessments: list[Assessment] = field(default_factory=list)
    plan: list[PlanItem] = field(default_factory=list)
    weeks: dict[dt.date, SeasonWeek] = field(default_factory=dict)  # the plan's view of each Monday week


@dataclass(frozen=True)
class Replanned:
    """What one evening re-plan gave: the advice it was made with, the advice as the app then shows it (each
    `next` from the next planned session), the plan's notes, stop."""

    advice: AdviceReport
    shown: AdviceReport
    notes: tuple[str, ...]
    stopped: bool


@dataclass(frozen=True)
class SeasonResult:
    """A whole simulated season."""

    runner: Runner
    days: tuple[DayRecord, ...]
    weeks: dict[dt.date, SeasonWeek]
    plan: tuple[PlanItem, ...]  # the stored plan at the end: the record of every day's items

    def week_days(self, week: int) -> tuple[DayRecord, ...]:
        """The days of season week `week` (1-based)."""
        return tuple(d for d in self.days if d.week == week)

    @property
    def week_count(self) -> int:
        """Season weeks simulated."""
        return max((d.week for d in self.days), default=0)


# --- the one adapter onto the rules and the planner -----------------------------------------------------------


def replan(state: State, day: dt.date) -> Replanned:
    """The evening re-plan after the day's writes, as the app must do it (design.md, the decision-loop issue).

    Advice is computed on `day` with everything logged so far; the plan is made from TOMORROW on with the stored
    items of this week up to today (done or not) and the runner's manual/skipped ones kept, so the week's counts
    include today's items; only auto items from tomorrow on are replaced. Items dated today and before are never
    rewritten. This is the one function to adapt when the rules' or the planner's API changes.
    """
    from hamjournal.domain.advice.context import HISTORY_DAYS
    from hamjournal.domain.advice.engine import advise
    from hamjournal.domain.planner.blocks import monday
    from hamjournal.domain.planner.constants import PROGRAMME_WINDOW_DAYS
    from hamjournal.domain.planner.record import next_plan, with_planned
    from hamjournal.domain.thresholds import PLAN_LOOKAHEAD_DAYS

    tomorrow = day + dt.timedelta(days=1)
    first_session = min((s.date for s in state.sessions), default=None)
    rules_start = day - dt.timedelta(days=HISTORY_DAYS - 1)
    horizon = day + dt.timedelta(days=int(PLAN_LOOKAHEAD_DAYS.value))
    report = advise(
        day,
        state.profile,
        [s for s in state.sessions if rules_start <= s.date <= day],
        [s for s in state.symptoms if rules_start <= s.date <= day],
        [r for r in state.runs if rules_start <= r.date <= day],
        [a for a in state.assessments if rules_start <= a.date <= day],
        [p for p in state.plan if rules_start <= p.date <= horizon],
        training_start=first_session,
    )
    window_start = tomorrow - dt.timedelta(days=int(PROGRAMME_WINDOW_DAYS.value) - 1)
    tests_since = day - dt.timedelta(days=ASSESSMENT_LOOKBACK_DAYS)
    plan = next_plan(
        tomorrow,
        day,
        state.profile,
        report,
        [s for s in state.sessions if window_start <= s.date <= day],
        [a for a in state.assessments if tests_since <= a.date <= day],
        [p for p in state.plan if p.date >= min(monday(tomorrow), day)],
        weeks=REPLAN_WEEKS,
        window_start=window_start,
        training_start=first_session,
    )
    kept_stored = [p for p in state.plan if p.date <= day or p.origin == "manual" or p.status == "skipped"]
    state.plan = sorted([*kept_stored, *(i for i in plan.generated if i.date >= tomorrow)], key=_plan_order)
    for week in plan.weeks:
        state.weeks[week.start] = week
    shown = with_planned(report, state.plan, [s for s in state.sessions if s.date == day])
    return Replanned(report, shown, plan.notes, plan.stopped)


def _plan_order(item: PlanItem) -> tuple[Any, ...]:
    return (item.date, item.kind, item.exercise)


# --- a day, and the season ------------------------------------------------------------------------------------


def simulate(runner: Runner) -> SeasonResult:
    """Run the season: the first plan the evening before day 1, then every day check-in, plan items, runs, re-plan."""
    rng = random.Random(runner.seed)
    state = State(profile=runner.profile)
    for back in range(runner.run_history_weeks * 7, 0, -1):
        state.runs.extend(_runs(runner, runner.start - dt.timedelta(days=back)))
    evening = replan(state, runner.start - dt.timedelta(days=1))  # the first ever plan, from day 1
    days: list[DayRecord] = []
    for number in range(1, runner.weeks * 7 + 1):
        day = runner.start + dt.timedelta(days=number - 1)
        planned = tuple(p for p in state.plan if p.date == day)
        checkin = _checkin(runner, rng, day)
        if checkin is not None:
            state.symptoms.append(checkin)
        sessions, tests = _do_items(runner, rng, day, number, planned)
        state.sessions.extend(sessions)
        state.assessments.extend(tests)
        runs = _runs(runner, day)
        state.runs.extend(runs)
        events: tuple[SymptomLog, ...] = ()
        if runner.events.sudden_day == number:
            events = (SymptomLog(day, 6, when="after", sudden=True, location="proximal", note="sudden sharp pain"),)
            state.symptoms.extend(events)
        planned_with, shown_with = evening.advice, evening.shown
        evening = replan(state, day)
        days.append(
            DayRecord(
                date=day,
                number=number,
                planned=planned,
                planned_with=planned_with,
                shown_with=shown_with,
                checkin=checkin,
                sessions=sessions,
                assessments=tests,
                runs=runs,
                events=events,
                advice=evening.advice,
                ahead=tuple(p for p in state.plan if p.date > day),
                notes=evening.notes,
                stopped=evening.stopped,
            )
        )
    return SeasonResult(runner, tuple(days), dict(state.weeks), tuple(state.plan))


def _checkin(runner: Runner, rng: random.Random, day: dt.date) -> SymptomLog | None:
    gives = rng.random() < runner.checkin_rate
    pain, stiffness = runner.mornings(rng), runner.stiffness(rng)
    sleep = round(rng.uniform(*runner.sleep_h), 1)
    if not gives:
        return None
    return SymptomLog(day, pain, when="morning", stiffness=stiffness, sleep_h=sleep)


def _do_items(
    runner: Runner, rng: random.Random, day: dt.date, number: int, planned: tuple[PlanItem, ...]
) -> tuple[tuple[Session, ...], tuple[Assessment, ...]]:
    sessions: list[Session] = []
    tests: list[Assessment] = []
    week = (number - 1) // 7 + 1
    for item in planned:
        if item.status != "planned":
            continue
        if item.kind == "assessment":
            tests.append(_assessment(runner, day, item.exercise))
            continue
        pain, rpe = runner.pain_during(rng), runner.rpe(rng)
        painful_from = runner.events.nordic_pain_from_week
        if item.exercise == "nordic" and painful_from is not None and week >= painful_from:
            pain = runner.events.nordic_pain
        rx = item.prescription
        if item.kind == "run-drill":
            sets: tuple[SetEntry, ...] = (SetEntry(reps=sum(rx.reps) or 1),)
        elif rx.hold_s is not None:
            sets = tuple(SetEntry(reps=None, hold_s=rx.hold_s) for _ in range(rx.sets))
        else:
            sets = tuple(SetEntry(reps=r) for r in rx.reps)
        sessions.append(
            Session(day, item.exercise, sets, step=item.step, tempo=rx.tempo, rpe=rpe, pain_during=pain)
        )
    return tuple(sessions), tuple(tests)


def _assessment(runner: Runner, day: dt.date, test: str) -> Assessment:
    if test in PAIRED_TESTS:
        left, right = runner.truth.paired[test]
        return Assessment(day, test, left=left, right=right)
    return Assessment(day, test, value=runner.truth.single[test])


def _runs(runner: Runner, day: dt.date) -> tuple[Run, ...]:
    profile = runner.profile
    race = next((r for r in profile.races if r.date == day), None)
    if race is not None:
        return (Run(day, round(race.distance_km * 5.0), kind="race", distance_km=race.distance_km, rpe=9),)
    weekday = WEEKDAYS[day.weekday()]
    if weekday == profile.long_run_day:
        kind, spec = "long", runner.long
    elif weekday in profile.hard_days:
        kind, spec = "intervals", runner.hard
    elif weekday in profile.running_days:
        kind, spec = "easy", runner.easy
    else:
        return ()
    return (Run(day, spec.minutes, kind=kind, distance_km=spec.km, rpe=spec.rpe),)
