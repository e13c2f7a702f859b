"""Use-cases of the plan and the advice: the stored plan as the record, re-plans from tomorrow, today's calls.

A mixin of JournalService (services.py), which gives it the store, the clock and `_changed`; it holds no SQL and
no training rules: those are the store's and the domain's.
"""

from __future__ import annotations

import contextlib
import datetime as dt
from dataclasses import replace
from typing import TYPE_CHECKING, TypeVar

from hamjournal.domain.dates import week_start
from hamjournal.domain.models import PlanItem, Run, SymptomLog

if TYPE_CHECKING:
    from hamjournal.domain.advice.report import AdviceReport
    from hamjournal.domain.planner.plan import Plan
    from hamjournal.store.plan_state import PlanState
    from hamjournal.store.repo import Store

_T = TypeVar("_T")

# The plan: weeks a re-plan saves, how far back it looks for the last reassessment (beyond the 6-week cadence),
# and the window in which a plan item is looked up by id when its day is not given.
REPLAN_WEEKS = 4
PLAN_ASSESSMENT_LOOKBACK_DAYS = 365
PLAN_EDIT_WINDOW = dt.timedelta(days=120)
# The plan's own order of a day's items: tests first, then strength (Nordics first), then run drills.
_KIND_ORDER = {"assessment": 0, "strength": 1, "run-drill": 2}


class PlanningMixin:
    """The plan and the advice of one athlete's journal."""

    store: Store
    auto_replan: bool
    _advice_cache: tuple[tuple[dt.date, int], AdviceReport, str] | None
    _rules_cache: tuple[tuple[dt.date, int], AdviceReport] | None

    if TYPE_CHECKING:

        def today(self) -> dt.date: ...

        def _changed(self, result: _T) -> _T: ...

    # -- the plan -------------------------------------------------------------------------------------

    def plan(self, weeks: int = 4) -> Plan:
        """The plan from today for `weeks` weeks: the stored record (made afresh first when it is stale).

        Today's items are the ones the runner was shown this morning; the days after come from the latest
        re-plan, which every write makes. `plan`, `week` and the app therefore show the same items and doses.
        """
        weeks = max(1, weeks)
        self.ensure_plan(weeks)
        today = self.today()
        # The same computation as the re-plan, from today, for the weeks' blocks and the notes; the items
        # themselves are the stored ones.
        generated = self._generate(today, weeks)
        if not self.auto_replan:
            return generated  # re-planning is off (tests of the week's own logic): the plan as it would be made
        end = generated.weeks[-1].end
        stored = sorted(self.store.plan_between(today, end), key=plan_order)
        return replace(generated, start=today, items=tuple(stored))

    def ensure_plan(self, weeks: int = REPLAN_WEEKS) -> PlanState | None:
        """Re-plan when the stored plan was not made today or does not reach `weeks` weeks (a read after a
        new day, or a journal never planned), and return the plan's state. A journal that cannot be written is
        shown as it is; with `auto_replan` off (tests of the week's own logic) the stored plan is shown as it is."""
        from hamjournal.domain.planner.record import is_stale
        from hamjournal.errors import HamjournalError
        from hamjournal.store.plan_state import read_plan_state

        today = self.today()
        state = read_plan_state(self.store)
        horizon = week_start(today) + dt.timedelta(weeks=max(1, weeks), days=-1)
        fresh = state is not None and not is_stale(today, state.made_on) and state.through >= horizon
        if fresh or not self.auto_replan:
            return state
        with contextlib.suppress(HamjournalError):
            self.replan(max(weeks, REPLAN_WEEKS))
            return read_plan_state(self.store)
        return state

    def replan(self, weeks: int = REPLAN_WEEKS) -> int:
        """Re-plan from tomorrow (from today when no plan covered today yet) and save; returns items saved.

        Manual and skipped items, today's items and the past stay as they are.
        """
        from hamjournal.domain.planner.record import replan_start
        from hamjournal.store.plan_state import PlanState, read_plan_state, replace_plan_from

        today = self.today()
        state = read_plan_state(self.store)
        if state is not None:
            through: dt.date | None = state.through
        else:
            # A plan saved before the journal kept its note (an older hamjournal, an import): the items it holds
            # from today on were shown already, so they stand as today's.
            ahead = [p.date for p in self.store.plan_between(today, today + PLAN_EDIT_WINDOW) if p.origin == "auto"]
            through = max(ahead, default=None)
        start = replan_start(today, through)
        plan = self._generate(start, weeks)
        return replace_plan_from(
            self.store, start, plan.generated, PlanState(today, plan.weeks[-1].end, plan.stopped)
        )

    def _generate(self, start: dt.date, weeks: int) -> Plan:
        """The plan from `start` (today or tomorrow) with today's advice; nothing saved, every query bounded."""
        from hamjournal.domain.planner.constants import PROGRAMME_WINDOW_DAYS
        from hamjournal.domain.planner.record import next_plan

        today = self.today()
        window_start = start - dt.timedelta(days=int(PROGRAMME_WINDOW_DAYS.value) - 1)
        monday = week_start(start)
        horizon = monday + dt.timedelta(weeks=max(1, weeks), days=-1)
        tests_since = today - dt.timedelta(days=PLAN_ASSESSMENT_LOOKBACK_DAYS)
        return next_plan(
            start,
            today,
            self.store.profile(),
            self._rules_advice(),
            self.store.sessions_between(window_start, today),
            self.store.assessments_between(tests_since, today),
            self.store.plan_between(min(monday, today), horizon),
            weeks=weeks,
            window_start=window_start,
            training_start=self.store.first_session_day(),
        )

    def get_plan_item(self, item_id: int, day: dt.date | None = None) -> PlanItem:
        """One plan item, looked up on its day (or within the editing window around today)."""
        today = self.today()
        start, end = (day, day) if day is not None else (today - PLAN_EDIT_WINDOW, today + PLAN_EDIT_WINDOW)
        return find_entry(self.store.plan_between(start, end), item_id, "plan item")

    def move_plan_item(self, item_id: int, new_date: dt.date, day: dt.date | None = None) -> PlanItem:
        """Move a plan item to another day (today or later); it becomes the runner's own (origin manual)."""
        from hamjournal.domain.errors import InvalidInput

        today = self.today()
        if new_date < today:
            raise InvalidInput(
                f"date {new_date.isoformat()} is in the past: move a planned session to today or later", "date"
            )
        item = self.get_plan_item(item_id, day)
        moved = replace(item, date=new_date, origin="manual", status="planned")
        return self._changed(self.store.update_plan_item(moved))

    def skip_plan_item(self, item_id: int, day: dt.date | None = None, skipped: bool = True) -> PlanItem:
        """Skip a planned item (or, with skipped=False, plan it again); a re-plan keeps it as it is."""
        item = self.get_plan_item(item_id, day)
        return self._changed(self.store.update_plan_item(replace(item, status="skipped" if skipped else "planned")))

    def add_plan_item(self, day: object, exercise: str, step: str | None, sets_text: str) -> PlanItem:
        """Add a session of the runner's own to the plan (origin manual), validated like a logged one."""
        from hamjournal.domain.planner.edit import make_manual_item

        return self._changed(self.store.add_plan_item(make_manual_item(self.today(), day, exercise, step, sets_text)))

    # -- advice ---------------------------------------------------------------------------------------

    def advice(self) -> AdviceReport:
        """Today's advice for every exercise planned or logged recently, each `next` being the dose of that
        exercise's next planned session (the one the week screen and `plan` show); only the rules' window is read.
        """
        from hamjournal.domain.planner.record import with_planned
        from hamjournal.domain.thresholds import PLAN_LOOKAHEAD_DAYS

        cached = self.cached_advice()
        if cached is not None:
            return cached[0]
        today = self.today()
        self.ensure_plan()
        key = (today, self.store.changes)  # taken before reading: a write meanwhile makes this entry stale
        report = with_planned(
            self._rules_advice(),
            self.store.plan_between(today, today + dt.timedelta(days=int(PLAN_LOOKAHEAD_DAYS.value))),
            self.store.sessions_between(today, today),
        )
        self._advice_cache = (key, report, self.store.profile().mode)
        return report

    def _rules_advice(self) -> AdviceReport:
        """The rules' call on everything logged so far: what a re-plan plans from (cached per write and day)."""
        from hamjournal.domain.advice.context import HISTORY_DAYS
        from hamjournal.domain.advice.engine import advise
        from hamjournal.domain.thresholds import PLAN_LOOKAHEAD_DAYS

        today = self.today()
        key = (today, self.store.changes)
        if self._rules_cache is not None and self._rules_cache[0] == key:
            return self._rules_cache[1]
        start = today - dt.timedelta(days=HISTORY_DAYS - 1)
        report = advise(
            today,
            self.store.profile(),
            self.store.sessions_between(start, today),
            self.store.symptoms_between(start, today),
            self.store.runs_between(start, today),
            self.store.assessments_between(start, today),
            self.store.plan_between(start, today + dt.timedelta(days=int(PLAN_LOOKAHEAD_DAYS.value))),
            training_start=self.store.first_session_day(),
        )
        self._rules_cache = (key, report)
        return report

    def cached_advice(self) -> tuple[AdviceReport, str] | None:
        """Today's advice and the runner's mode as last worked out, when nothing was written since; reads nothing."""
        cached = self._advice_cache
        if cached is None or cached[0] != (self.today(), self.store.changes):
            return None
        return cached[1], cached[2]


def plan_order(item: PlanItem) -> tuple[object, ...]:
    """The plan's own order of items: by day, tests first, then strength (Nordics first), then run drills."""
    return (item.date, _KIND_ORDER.get(item.kind, 3), item.exercise != "nordic", item.exercise)


_Record = TypeVar("_Record", SymptomLog, Run, PlanItem)


def find_entry(records: list[_Record], record_id: int, what: str) -> _Record:
    """The record with this id among those read, or EntryNotFound (deleted meanwhile, on another machine?)."""
    from hamjournal.store.errors import EntryNotFound

    for record in records:
        if record.id == record_id:
            return record
    raise EntryNotFound(f"{what} {record_id} is not in the journal (deleted meanwhile?)")
