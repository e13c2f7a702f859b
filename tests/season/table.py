"""The season as one screen: a row per week (Nordic step and doses, Petersen's ramp, deloads, the calls, flags)."""

from __future__ import annotations

import datetime as dt
from collections import Counter
from collections.abc import Iterable

from hamjournal.domain.dose import nordic_programme_week
from hamjournal.domain.models import Session
from hamjournal.domain.sets import format_sets
from tests.season.simulator import DayRecord, SeasonResult

ACTIONS = ("progress", "hold", "regress", "deload", "stop")
# Flags every week has, or that other columns show already.
QUIET_FLAGS = frozenset({"acwr", "scheduled-deload"})
PETERSEN_WEEKS = 10
STEP_WIDTH = 14
DOSES_WIDTH = 26
FLAGS_WIDTH = 44
REASON_WIDTH = 150


def petersen_reps(week: int) -> int:
    """Nordic reps in Petersen's week `week` (sessions x reps, the low end of a range; maintenance after week 10)."""
    sessions, rx = nordic_programme_week(max(1, week))
    return sessions * sum(rx.reps)


def short_step(step: str | None) -> str:
    """A ladder step in a few letters ("band-assisted" -> "band"), so a week's steps fit one cell."""
    return (step or "?").split("-")[0][:7]


def dose_text(session: Session) -> str:
    """A session's sets as logged ("2x6", "12/10/8"), a single set as "1x5" so it reads as a dose."""
    text = format_sets(session.sets)
    return f"1x{text}" if len(session.sets) == 1 else text


def nordic_sessions(days: Iterable[DayRecord]) -> list[Session]:
    """The Nordic sessions done on these days."""
    return [s for d in days for s in d.sessions if s.exercise == "nordic"]


def calls(days: Iterable[DayRecord]) -> Counter[str]:
    """Evening calls across exercises: one per exercise per day."""
    return Counter(a.action for d in days for a in d.advice.advice)


def week_flags(days: Iterable[DayRecord]) -> Counter[str]:
    """Flag kinds of the evening advice (a kind counts once a day), quiet ones left out."""
    seen: Counter[str] = Counter()
    for day in days:
        # Sorted: a set's order changes with the hash seed, and ties in most_common() keep insertion order.
        seen.update(sorted({f.kind for f in day.advice.flags if f.kind not in QUIET_FLAGS}))
    return seen


def is_deload_week(days: Iterable[DayRecord]) -> bool:
    """A week whose planned items (as the runner found them) are deload doses."""
    return any(p.deload for d in days for p in d.planned)


def format_season_table(result: SeasonResult) -> str:
    """One row per week: week, block, Nordic step, doses done, reps vs Petersen's ramp, deload, calls, flags."""
    runner = result.runner
    lines = [
        f"Season: {runner.name}; {runner.weeks} weeks from {runner.start.isoformat()} (seed {runner.seed})",
        f"{'wk':>2} {'monday':<6} {'block':<8} {'nordic step':<{STEP_WIDTH}} {'nordic done':<{DOSES_WIDTH}} "
        f"{'reps/ramp':>9} {'dl':<2} {'prog':>4} {'hold':>4} {'regr':>4} {'delo':>4} {'stop':>4}  flags (days)",
    ]
    for week in range(1, result.week_count + 1):
        days = result.week_days(week)
        monday = days[0].date - dt.timedelta(days=days[0].date.weekday())
        info = result.weeks.get(monday)
        block = "-" if info is None else info.block + ("*" if info.race_week else "")
        nordics = nordic_sessions(days)
        steps = list(dict.fromkeys(short_step(s.step) for s in nordics)) or ["-"]
        doses = " ".join(dose_text(s) for s in nordics) or "-"
        reps = sum(s.total_reps for s in nordics)
        ramp = petersen_reps(week)
        counted = calls(days)
        flags = ", ".join(f"{kind} {n}" for kind, n in week_flags(days).most_common()) or "-"
        lines.append(
            f"{week:>2} {monday:%m-%d} {block:<8} {_cut('>'.join(steps), STEP_WIDTH):<{STEP_WIDTH}} "
            f"{_cut(doses, DOSES_WIDTH):<{DOSES_WIDTH}} {f'{reps}/{ramp}':>9} "
            f"{'D' if is_deload_week(days) else '-':<2} "
            + " ".join(f"{counted.get(a, 0):>4}" for a in ACTIONS)
            + f"  {_cut(flags, FLAGS_WIDTH)}"
        )
    lines.append("(block * = race week; steps a>b = both that week; dl D = deload doses planned; calls = one per "
                 f"exercise per evening; ramp = Petersen 2011 low end, weeks > {PETERSEN_WEEKS} maintenance)")
    lines.extend(_first_reasons(result))
    return "\n".join(lines)


def _first_reasons(result: SeasonResult) -> list[str]:
    """The first evening each of regress, deload and stop was called, with its first reason: why, at a glance."""
    out = []
    for action in ("regress", "deload", "stop"):
        for day in result.days:
            found = next((a for a in day.advice.advice if a.action == action), None)
            if found is not None:
                reason = found.reasons[0] if found.reasons else "(no reason given)"
                out.append(_cut(f"first {action}: {day.date} (day {day.number}) {found.exercise}: {reason}",
                                REASON_WIDTH))
                break
    return out


def _cut(text: str, width: int) -> str:
    return text if len(text) <= width else text[: width - 1] + "…"
