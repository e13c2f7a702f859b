"""Season properties (the decision-loop issue): each check returns what went wrong, in a runner's terms, or [].

The checks read a SeasonResult only, so they hold whatever the rules and planner look like inside.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable

from hamjournal.domain.library.doses import entry_dose, match_level, prescription_from_sets, volume
from hamjournal.domain.library.exercises import get_exercise
from hamjournal.domain.library.sets import format_sets
from hamjournal.domain.models import PlanItem, Prescription, SetEntry
from tests.season.simulator import DayRecord, SeasonResult
from tests.season.table import is_deload_week, nordic_sessions

FULL_DOSE_LEVEL = 4  # the Nordic's 3x10 level; 12/10/8 is above it (dose.py's Petersen ladder)
EASY_WEEKS = frozenset({"taper", "recovery"})  # blocks whose light weeks may follow a deload
RACE_NORDIC_FREE_DAYS = 3  # reference: no Nordics in the 3 days before an A race
RACE_NO_NEW_STEP_DAYS = 14  # reference: no new Nordic step in the last 2 weeks before an A race
SPRINT_STEP = ("strides", "near-max")  # the running stage of near-maximal running and sprints
LOADING_KINDS = frozenset({"strength", "run-drill", "assessment"})
SHOWN = 8  # problems listed per check


def _dose(rx: Prescription) -> str:
    if rx.hold_s is not None:
        return f"{rx.sets}x{rx.hold_s}s"
    if len(set(rx.reps)) == 1:
        return f"{rx.sets}x{rx.reps[0]}"
    return "/".join(str(r) for r in rx.reps)


def _listed(problems: list[str]) -> list[str]:
    if len(problems) <= SHOWN:
        return problems
    return [*problems[:SHOWN], f"... and {len(problems) - SHOWN} more"]


def _planned(days: Iterable[DayRecord]) -> list[PlanItem]:
    return [p for d in days for p in d.planned if p.status == "planned"]


# --- prevention: the programme is reached --------------------------------------------------------------------


def full_dose_by(result: SeasonResult, week: int = 10) -> list[str]:
    """Petersen's full dose (3x10 or 12/10/8) done at least once by the end of `week`."""
    done = nordic_sessions(d for d in result.days if d.week <= week)
    best = max(done, key=lambda s: (match_level("nordic", _as_rx(s.sets)), s.total_reps), default=None)
    if best is not None and match_level("nordic", _as_rx(best.sets)) >= FULL_DOSE_LEVEL:
        return []
    shown = "no Nordic at all" if best is None else f"{format_sets(best.sets)} on {best.date}"
    return [f"by week {week} the best Nordic dose done was {shown}; Petersen's full dose is 12/10/8 (at least 3x10)"]


def ladder_climbed(result: SeasonResult, rungs: int = 2, week: int = 10) -> list[str]:
    """At least `rungs` Nordic ladder steps above the first step done, by the end of `week`."""
    nordic = get_exercise("nordic")
    done = [s for s in nordic_sessions(d for d in result.days if d.week <= week) if s.step]
    if not done:
        return [f"no Nordic done by week {week}"]
    first = nordic.step_index(done[0].step or "")
    top = max(done, key=lambda s: nordic.step_index(s.step or ""))
    climbed = nordic.step_index(top.step or "") - first
    if climbed >= rungs:
        return []
    return [f"by week {week} the Nordic climbed {climbed} rung(s) (from {done[0].step} to at most {top.step}); "
            f"wanted {rungs}"]


def few_regress_days(result: SeasonResult, most: int = 5) -> list[str]:
    """At most `most` evenings with a regress call (any exercise)."""
    days = [d for d in result.days if any(a.action == "regress" for a in d.advice.advice)]
    if len(days) <= most:
        return []
    shown = [f"{d.date} ({', '.join(a.exercise for a in d.advice.advice if a.action == 'regress')})" for d in days]
    return [f"{len(days)} regress days (at most {most} wanted): " + "; ".join(_listed(shown))]


def no_stop(result: SeasonResult) -> list[str]:
    """No stop call on any evening."""
    days = [d for d in result.days if any(a.action == "stop" for a in d.advice.advice)]
    if not days:
        return []
    first = next(a for a in days[0].advice.advice if a.action == "stop")
    return [f"stop on {len(days)} evenings, first {days[0].date}: {first.reasons[0] if first.reasons else ''}"]


# --- deloads and floors ----------------------------------------------------------------------------------------


def deloads_last_one_week(result: SeasonResult) -> list[str]:
    """No two deload weeks in a row (unless one is a taper/race/recovery week); the usual dose returns after one."""
    problems = []
    deload = {w: is_deload_week(result.week_days(w)) for w in range(1, result.week_count + 1)}
    for week in range(2, result.week_count + 1):
        if deload[week] and deload[week - 1] and not (_easy(result, week) or _easy(result, week - 1)):
            problems.append(f"weeks {week - 1} and {week} are both deload weeks")
    for week in range(2, result.week_count):
        if not deload[week] or deload[week + 1] or _easy(result, week + 1):
            continue
        before = [w for w in range(1, week) if not deload[w]]
        usual = _nordic_level(result, before[-1]) if before else None
        after = _nordic_level(result, week + 1)
        if usual is not None and after is not None and after < usual:
            problems.append(f"week {week + 1}, after the deload of week {week}: Nordic planned at (step, level) "
                            f"{after}, below the usual {usual} of week {before[-1]}")
    return _listed(problems)


def _easy(result: SeasonResult, week: int) -> bool:
    days = result.week_days(week)
    info = result.weeks.get(days[0].date - dt.timedelta(days=days[0].date.weekday()))
    return info is not None and (info.block in EASY_WEEKS or info.race_week)


def _nordic_level(result: SeasonResult, week: int) -> tuple[int, int] | None:
    items = [p for p in _planned(result.week_days(week)) if p.exercise == "nordic"]
    if not items:
        return None
    return max(_rung(p) for p in items)


def no_dose_below_floor(result: SeasonResult) -> list[str]:
    """No strength item planned below its exercise's first rung (Nordic 2x5): fewer sets or less volume."""
    found: dict[tuple[str, str], list[dt.date]] = {}
    for item in _planned(result.days):
        if item.kind != "strength":
            continue
        floor = entry_dose(item.exercise)
        rx = item.prescription
        if rx.sets < floor.sets or volume(rx) < volume(floor):
            found.setdefault((item.exercise, _dose(rx)), []).append(item.date)
    return _listed([
        f"{exercise} {dose} planned {len(dates)}x from {dates[0]} (floor {_dose(entry_dose(exercise))})"
        for (exercise, dose), dates in found.items()
    ])


# --- events ----------------------------------------------------------------------------------------------------


def stops_within_the_day(result: SeasonResult, day_number: int) -> list[str]:
    """The evening of a sudden pain: stop for every exercise, and no loading planned from tomorrow."""
    day = result.days[day_number - 1]
    problems = [f"{a.exercise}: {a.action} on the evening of the sudden pain ({day.date})"
                for a in day.advice.advice if a.action != "stop"]
    if not day.advice.advice:
        problems.append(f"no advice at all on the evening of the sudden pain ({day.date})")
    loading = [p for p in day.ahead if p.status == "planned" and p.kind in LOADING_KINDS]
    problems += [f"{p.exercise} {_dose(p.prescription)} still planned on {p.date} after the sudden pain"
                 for p in loading]
    return _listed(problems)


def painful_nordic_never_progresses(result: SeasonResult, from_week: int) -> list[str]:
    """Pain 6/10 during every Nordic from `from_week`: the Nordic regresses, and never progresses after."""
    painful = nordic_sessions(d for d in result.days if d.week >= from_week)
    if not painful:
        return [f"no Nordic done from week {from_week}"]
    first = painful[0].date
    calls = [(d.date, a) for d in result.days if d.date >= first for a in d.advice.advice if a.exercise == "nordic"]
    problems = []
    regress = [day for day, a in calls if a.action == "regress"]
    if not regress or (regress[0] - first).days > 1:
        problems.append(f"pain 6/10 during the Nordic on {first}: the first regress came "
                        f"{'never' if not regress else regress[0]}")
    problems += [f"Nordic progress on {day} ({a.reasons[0] if a.reasons else ''}) with pain 6/10 every session"
                 for day, a in calls if a.action == "progress"]
    if regress:
        # Holds: once regressed, no later Nordic (deload cuts aside) is planned above the first one after it.
        later = [p for p in _planned(d for d in result.days if d.date > regress[0])
                 if p.exercise == "nordic" and not p.deload]
        if later:
            held = _rung(later[0])
            problems += [f"Nordic back up to {p.step} {_dose(p.prescription)} on {p.date}, after the regress to "
                         f"{later[0].step} {_dose(later[0].prescription)}" for p in later if _rung(p) > held]
    return _listed(problems)


def _rung(item: PlanItem) -> tuple[int, int]:
    """(ladder step, dose level) of a Nordic item: a lower step is a lower dose whatever its reps."""
    nordic = get_exercise("nordic")
    return nordic.step_index(item.step or nordic.default_step), match_level("nordic", item.prescription)


def no_sprints(result: SeasonResult) -> list[str]:
    """No near-maximal running or sprints planned at any time (the sprint stage's items)."""
    problems: dict[dt.date, str] = {}
    for day in result.days:
        for item in (*day.planned, *day.ahead):
            if (item.exercise, item.step) == SPRINT_STEP and item.status == "planned":
                problems.setdefault(item.date, f"{item.exercise} at {item.step} on {item.date} "
                                               f"(in the plan on {day.date})")
    return _listed([problems[d] for d in sorted(problems)])


def race_rules(result: SeasonResult) -> list[str]:
    """No Nordic in the 3 days before an A race (nor on it); no harder Nordic step in its last 2 weeks."""
    nordic = get_exercise("nordic")
    problems = []
    items = [p for p in _planned(result.days) if p.exercise == "nordic"]
    for race in (r for r in result.runner.profile.races if r.priority == "A"):
        close = race.date - dt.timedelta(days=RACE_NORDIC_FREE_DAYS)
        problems += [f"Nordic {_dose(p.prescription)} on {p.date}, {(race.date - p.date).days} day(s) before the "
                     f"{race.name} ({race.date})" for p in items if close <= p.date <= race.date]
        taper = race.date - dt.timedelta(days=RACE_NO_NEW_STEP_DAYS)
        before = [p for p in items if p.date < taper]
        top = max((nordic.step_index(p.step or nordic.default_step) for p in before), default=None)
        for p in items:
            index = nordic.step_index(p.step or nordic.default_step)
            if taper <= p.date <= race.date and top is not None and index > top:
                problems.append(f"new Nordic step {p.step} on {p.date}, in the last 2 weeks before the "
                                f"{race.name} ({race.date})")
    return _listed(problems)


# --- one dose everywhere ---------------------------------------------------------------------------------------


def same_dose_everywhere(result: SeasonResult) -> list[str]:
    """The dose a runner does is the one the app showed: each item = the shown advice's next (when it is that
    exercise's next session), and it goes the way the rules' call went (a regress or deload never plans more than
    the usual dose, a hold for a reason never more than usual, a progress never less)."""
    problems = []
    for day in result.days:
        for item in day.planned:
            if item.kind == "assessment" or item.status != "planned" or item.origin != "auto":
                continue
            shown = day.shown_with.for_exercise(item.exercise)
            if shown is not None and shown.planned_on == item.date and shown.next is not None:
                step = shown.next_step or shown.step
                if item.step != step or not _same(item.prescription, shown.next):
                    problems.append(f"{day.date} {item.exercise}: planned {item.step} {_dose(item.prescription)}, "
                                    f"the advice showed {step} {_dose(shown.next)}")
            call = day.planned_with.for_exercise(item.exercise)
            if call is None or call.current is None or call.step != item.step:
                continue
            planned, usual = volume(item.prescription), volume(call.current)
            lower_only = call.action in ("regress", "deload") or (call.action == "hold" and call.dose_held)
            if (lower_only and planned > usual) or (call.action == "progress" and planned < usual):
                problems.append(f"{day.date} {item.exercise}: planned {_dose(item.prescription)} after a "
                                f"{call.action} call from the usual {_dose(call.current)}")
    if not problems:
        return []
    return [f"{len(problems)} items differ from the advice they were planned with:", *_listed(problems)]


def _same(a: Prescription, b: Prescription) -> bool:
    return (a.sets, a.reps, a.hold_s) == (b.sets, b.reps, b.hold_s)


def _as_rx(sets: tuple[SetEntry, ...]) -> Prescription:
    return prescription_from_sets("nordic", sets)


# --- the simulator itself --------------------------------------------------------------------------------------


def past_never_rewritten(result: SeasonResult) -> list[str]:
    """The stored plan is the record: at the end, each day's items are those the runner found that morning."""
    problems = []
    for day in result.days:
        stored = tuple(p for p in result.plan if p.date == day.date)
        if stored != day.planned:
            problems.append(f"{day.date}: items changed after the day began")
    return _listed(problems)


def done_as_prescribed(result: SeasonResult) -> list[str]:
    """Every strength session logged matches its plan item (the runner follows the plan exactly)."""
    problems = []
    for day in result.days:
        items = {p.exercise: p for p in day.planned if p.kind == "strength" and p.status == "planned"}
        for session in day.sessions:
            item = items.get(session.exercise)
            if item is None:
                continue
            done = prescription_from_sets(session.exercise, session.sets)
            if not _same(done, item.prescription) or session.step != item.step:
                problems.append(f"{day.date} {session.exercise}: did {format_sets(session.sets)} at {session.step}, "
                                f"planned {_dose(item.prescription)} at {item.step}")
    return _listed(problems)
