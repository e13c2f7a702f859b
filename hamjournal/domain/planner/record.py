"""The stored plan as the record: where a re-plan may start and which stored items it must count.

What the runner was shown for today is what they do today: a save (a check-in, a session, a run) re-plans from
tomorrow on and never removes, moves or shrinks an item of today or of the past. Only a day that no plan has
covered yet (a new journal, or a runner back after the plan ran out) is planned from today.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Sequence
from dataclasses import replace
from typing import TYPE_CHECKING

from hamjournal.domain.models import Assessment, PlanItem, Profile, Session

if TYPE_CHECKING:
    from hamjournal.domain.advice.report import AdviceReport
    from hamjournal.domain.planner.plan import Plan

ONE_DAY = dt.timedelta(days=1)


def replan_start(today: dt.date, planned_through: dt.date | None) -> dt.date:
    """The first day a re-plan may write: tomorrow, unless no plan has covered today yet."""
    if planned_through is None or planned_through < today:
        return today
    return today + ONE_DAY


def is_stale(today: dt.date, made_on: dt.date | None) -> bool:
    """True when the stored plan was not made today (a new day, or never): reading it re-plans first."""
    return made_on is None or made_on != today


def kept_for_replan(stored: Iterable[PlanItem], start: dt.date, today: dt.date) -> list[PlanItem]:
    """The stored items a re-plan from `start` keeps and books around.

    The runner's own items (manual) and skipped ones always stay. Generated items of today that a re-plan
    from tomorrow does not rewrite count too, so the week is not booked twice. Past days are represented by
    what was logged on them: a session planned and missed there may be made up later in the week.
    """
    return [
        item for item in stored
        if item.origin == "manual" or item.status == "skipped" or today <= item.date < start
    ]


def next_plan(
    start: dt.date,
    today: dt.date,
    profile: Profile,
    advice: AdviceReport | None,
    sessions: Sequence[Session],
    assessments: Sequence[Assessment],
    stored: Iterable[PlanItem],
    *,
    weeks: int,
    window_start: dt.date | None,
    training_start: dt.date | None,
) -> Plan:
    """The plan a re-plan on `today` makes from `start` (tomorrow, or today for a day never planned).

    `advice` is today's, with everything logged so far; `sessions` are those of the programme window up to
    today, `stored` the stored items of the plan's weeks. The app's service and the season simulator both call
    this, so what a simulated runner is told is what a real one is told.
    """
    from hamjournal.domain.planner.plan import make_plan, summarize

    history = summarize(start, profile, sessions, assessments, window_start=window_start, training_start=training_start)
    return make_plan(start, profile, advice, history, weeks=weeks, kept=kept_for_replan(stored, start, today))


def with_planned(report: AdviceReport, plan: Iterable[PlanItem], sessions: Iterable[Session]) -> AdviceReport:
    """The advice with each exercise's `next` taken from its next planned session: one dose, whoever shows it.

    The next session is the first open item from today on (an item of today already done does not count). Its
    step and dose are what the week screen, `plan` and the log dialog show; the advice says the same. When it is
    today's item, planned before today's entries were made, a call that would lower it says it applies from the
    session after (today's items change only on a stop or by the runner's own edit).
    """
    today = report.date
    done_today = {s.exercise for s in sessions if s.date == today}
    upcoming = sorted(
        (p for p in plan if p.date >= today and p.status == "planned" and p.kind != "assessment"
         and not (p.date == today and p.exercise in done_today)),
        key=lambda p: (p.date, p.id or 0),
    )
    first: dict[str, PlanItem] = {}
    for planned_item in upcoming:
        first.setdefault(planned_item.exercise, planned_item)
    advice = []
    for item in report.advice:
        planned = first.get(item.exercise)
        if planned is None or item.action == "stop":
            advice.append(item)
            continue
        reasons = item.reasons
        if planned.date == today and item.action in ("regress", "deload") and planned.prescription != item.next:
            reasons = (*reasons, "Today's session stays as planned this morning; the change applies from the next one.")
        advice.append(
            replace(item, next=planned.prescription, next_step=planned.step or item.next_step, reasons=reasons,
                    planned_on=planned.date)
        )
    return replace(report, advice=tuple(advice))
