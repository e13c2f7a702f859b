"""Use-cases: what a runner does, in the words of the app ("log a session", "this week", "advice today").

The CLI and the UI call these; they hold no SQL and no training rules. Every write is committed before
the call returns.
"""

from __future__ import annotations

import contextlib
import datetime as dt
from collections.abc import Callable
from dataclasses import replace
from pathlib import Path
from typing import TYPE_CHECKING, TypeVar

from hamjournal import config
from hamjournal.domain import entries
from hamjournal.domain.dates import week_start
from hamjournal.domain.models import Assessment, Journal, PlanItem, Profile, Run, Session, SymptomLog
from hamjournal.store.repo import ImportSummary, Store

if TYPE_CHECKING:
    from collections.abc import Mapping

    # The week and progress maths load when first asked for, so `hamjournal log ...` does not pay for them.
    from hamjournal.domain.advice.report import AdviceReport
    from hamjournal.domain.planner.plan import Plan
    from hamjournal.domain.progress.data import ChartBuilder, ProgressData
    from hamjournal.domain.week import WeekView

_T = TypeVar("_T")

# How far back the logging form looks for the step and tempo to suggest.
LAST_SESSION_LOOKBACK_DAYS = 120
# The plan: weeks a re-plan saves, how far back it looks for the last reassessment (beyond the 6-week cadence),
# and the window in which a plan item is looked up by id when its day is not given.
REPLAN_WEEKS = 4
PLAN_ASSESSMENT_LOOKBACK_DAYS = 365
PLAN_EDIT_WINDOW = dt.timedelta(days=120)
# The plan's own order of a day's items: tests first, then strength (Nordics first), then run drills.
_KIND_ORDER = {"assessment": 0, "strength": 1, "run-drill": 2}


class JournalService:
    """A runner's journal: logging, the week, import and export, on top of one Store."""

    def __init__(self, store: Store, today: Callable[[], dt.date] = config.today) -> None:
        self.store = store
        self._today = today
        # The last advice worked out, keyed by (today, the store's write count): the week's strip and the Advice
        # screen share it, and nothing is read again until a write or a new day.
        self._advice_cache: tuple[tuple[dt.date, int], AdviceReport, str] | None = None
        self._rules_cache: tuple[tuple[dt.date, int], AdviceReport] | None = None
        # Every write re-plans from tomorrow, whoever made it (the CLI or the app), so both leave the journal in
        # the same state. Tests of the week's own logic turn it off.
        self.auto_replan = True

    @classmethod
    def open(
        cls, location: str | None = None, athlete: str | None = None, create: bool = True, any_athlete: bool = False
    ) -> JournalService:
        """Open the journal at --db / HAMJOURNAL_DB / the default file.

        With any_athlete, a journal of several athletes opened without a name opens for its first athlete
        (the app, which can switch) instead of refusing (the CLI, which must not guess whose entry it logs).
        """
        from hamjournal.store.errors import AthleteNotChosen

        where = config.journal_location(location)
        try:
            return cls(Store.open(where, athlete=athlete, create=create))
        except AthleteNotChosen as error:
            if not any_athlete:
                raise
            return cls(Store.open(where, athlete=error.names[0], create=create))

    @property
    def label(self) -> str:
        """The journal's file (or URL), for messages."""
        return self.store.label

    @property
    def athlete(self) -> str:
        """Whose journal this is (the athlete's name in a squad journal; "me" in a runner's own)."""
        return self.store.athlete_name

    @property
    def heading(self) -> str:
        """The journal for the app's header: its file or URL, led by the athlete's name in a squad journal."""
        from hamjournal.store.engine import DEFAULT_ATHLETE

        return self.label if self.athlete == DEFAULT_ATHLETE else f"{self.athlete} · {self.label}"

    def for_athlete(self, name: str) -> JournalService:
        """The same journal, on the same connections, for another athlete (the app's switcher, the coach view)."""
        other = JournalService(self.store.for_athlete(name), self._today)
        other.auto_replan = self.auto_replan
        return other

    def today(self) -> dt.date:
        """Today, as the injected clock says."""
        return self._today()

    def close(self) -> None:
        """Release the database."""
        self.store.close()

    # -- logging --------------------------------------------------------------------------------------

    def log_session(self, exercise: str, sets: str, **fields: object) -> Session:
        """Validate and save a session; step and tempo default to the plan, then the last session."""
        today = self.today()
        draft = entries.make_session(today, exercise, sets, **fields)  # type: ignore[arg-type]
        step_given, tempo_given = entries.given(fields.get("step")), entries.given(fields.get("tempo"))
        if not (step_given and tempo_given):
            step, tempo = self.suggested_step_and_tempo(draft.exercise, draft.date)
            if not step_given:
                draft = replace(draft, step=step or draft.step)
            if not tempo_given:
                draft = replace(draft, tempo=tempo or draft.tempo)
        return self._changed(self.store.add_session(draft))

    def edit_session(
        self, session_id: int, exercise: str, sets: str, revision: int | None = None, **fields: object
    ) -> Session:
        """Replace a logged session with newly validated values (refused with StaleEntry if `revision`, the one
        it was read with, is no longer the stored one)."""
        draft = entries.make_session(self.today(), exercise, sets, **fields)  # type: ignore[arg-type]
        return self._changed(self.store.update_session(replace(draft, id=session_id, revision=revision)))

    def check_in(self, pain: object, **fields: object) -> SymptomLog:
        """Validate and save a pain / stiffness check-in."""
        return self._changed(self.store.add_symptom(entries.make_symptom(self.today(), pain, **fields)))  # type: ignore[arg-type]

    def edit_check_in(self, log_id: int, pain: object, revision: int | None = None, **fields: object) -> SymptomLog:
        """Replace a check-in with newly validated values (StaleEntry if changed since read at `revision`)."""
        draft = entries.make_symptom(self.today(), pain, **fields)  # type: ignore[arg-type]
        return self._changed(self.store.update_symptom(replace(draft, id=log_id, revision=revision)))

    def log_run(self, minutes: object, **fields: object) -> Run:
        """Validate and save a run."""
        return self._changed(self.store.add_run(entries.make_run(self.today(), minutes, **fields)))  # type: ignore[arg-type]

    def edit_run(self, run_id: int, minutes: object, revision: int | None = None, **fields: object) -> Run:
        """Replace a run with newly validated values (StaleEntry if changed since read at `revision`)."""
        draft = entries.make_run(self.today(), minutes, **fields)  # type: ignore[arg-type]
        return self._changed(self.store.update_run(replace(draft, id=run_id, revision=revision)))

    def log_assessment(self, test: str, **fields: object) -> Assessment:
        """Validate and save a reassessment result."""
        return self._changed(
            self.store.add_assessment(entries.make_assessment(self.today(), test, **fields))  # type: ignore[arg-type]
        )

    def delete_entry(self, kind: str, entry_id: int) -> None:
        """Delete a logged session, check-in, run, assessment or plan item."""
        deleters = {
            "session": self.store.delete_session,
            "check-in": self.store.delete_symptom,
            "run": self.store.delete_run,
            "assessment": self.store.delete_assessment,
            "plan": self.store.delete_plan_item,
        }
        deleters[kind](entry_id)
        self._changed(None)

    def get_session(self, session_id: int) -> Session:
        """One logged session."""
        return self.store.get_session(session_id)

    def get_check_in(self, log_id: int, day: dt.date) -> SymptomLog:
        """One check-in, looked up within its day."""
        return _find(self.store.symptoms_between(day, day), log_id, "check-in")

    def get_run(self, run_id: int, day: dt.date) -> Run:
        """One run, looked up within its day."""
        return _find(self.store.runs_between(day, day), run_id, "run")

    def _changed(self, result: _T) -> _T:
        """After a committed write: re-plan from tomorrow, so the CLI and the app leave the same journal.

        The write stands whatever happens here; a plan that cannot be made now is made at the next read.
        """
        from hamjournal.errors import HamjournalError

        if self.auto_replan and (self.store.is_onboarded() or not self.store.is_empty()):
            with contextlib.suppress(HamjournalError):
                self.replan()
        return result

    # -- suggestions for the logging form -------------------------------------------------------------

    def planned_for(self, day: dt.date) -> list[PlanItem]:
        """Plan items (not skipped) on a day."""
        return [p for p in self.store.plan_between(day, day) if p.status == "planned"]

    def last_session(self, exercise: str, before: dt.date) -> Session | None:
        """The most recent session of an exercise on or before a day, within the lookback window."""
        start = before - dt.timedelta(days=LAST_SESSION_LOOKBACK_DAYS)
        found = self.store.sessions_between(start, before, exercise=exercise)
        return found[-1] if found else None

    def suggested_step_and_tempo(self, exercise: str, day: dt.date) -> tuple[str | None, str | None]:
        """The step and tempo to log: each from the day's plan, else from the last session (read once)."""
        planned = [item for item in self.planned_for(day) if item.exercise == exercise]
        step = next((item.step for item in planned if item.step), None)
        tempo = next((item.prescription.tempo for item in planned if item.prescription.tempo), None)
        if step is None or tempo is None:
            last = self.last_session(exercise, day)
            if last is not None:
                step, tempo = step or last.step, tempo or last.tempo
        return step, tempo

    # -- the week -------------------------------------------------------------------------------------

    def week(self, day: dt.date | None = None) -> WeekView:
        """The calendar for the week holding `day` (default today): only that week is read."""
        from hamjournal.domain.week import build_week

        today = self.today()
        start = week_start(day or today)
        end = start + dt.timedelta(days=6)
        stopped = False
        if end >= today and (self.store.is_onboarded() or not self.store.is_empty()):
            from hamjournal.store.plan_state import read_plan_state

            self.ensure_plan()
            state = read_plan_state(self.store)
            stopped = state is not None and state.stopped
        return build_week(
            start,
            today,
            self.store.profile(),
            sorted(self.store.plan_between(start, end), key=_plan_order),
            self.store.sessions_between(start, end),
            self.store.runs_between(start, end),
            self.store.symptoms_between(start, end),
            since=min(self.store.first_date() or today, today),
            stopped=stopped,
        )

    def is_empty(self) -> bool:
        """Nothing logged or planned yet: the app shows how to start."""
        return self.store.is_empty()

    def profile(self) -> Profile:
        """The runner's profile."""
        return self.store.profile()

    def save_profile(self, profile: Profile) -> None:
        """Save the runner's profile."""
        self.store.save_profile(profile)

    def is_onboarded(self) -> bool:
        """True once the runner has answered the onboarding questions (or imported a profile)."""
        return self.store.is_onboarded()

    # -- the plan -------------------------------------------------------------------------------------

    def plan(self, weeks: int = 4) -> Plan:
        """The plan from today for `weeks` weeks: the stored record (made afresh first when it is stale).

        Today's items are the ones the runner was shown this morning; the days after come from the latest
        re-plan, which every write makes. `plan`, `week` and the app therefore show the same items and doses.
        """
        from dataclasses import replace as replace_

        weeks = max(1, weeks)
        self.ensure_plan(weeks)
        today = self.today()
        # The same computation as the re-plan, from today, for the weeks' blocks and the notes; the items
        # themselves are the stored ones.
        generated = self._generate(today, weeks)
        end = generated.weeks[-1].end
        stored = sorted(
            (p for p in self.store.plan_between(today, end)),
            key=_plan_order,
        )
        return replace_(generated, start=today, items=tuple(stored))

    def ensure_plan(self, weeks: int = REPLAN_WEEKS) -> None:
        """Re-plan when the stored plan was not made today or does not reach `weeks` weeks (a read after a
        new day, or a journal never planned). A journal that cannot be written is shown as it is; with
        `auto_replan` off (tests of the week's own logic) the stored plan is shown as it is."""
        from hamjournal.domain.planner.record import is_stale
        from hamjournal.errors import HamjournalError
        from hamjournal.store.plan_state import read_plan_state

        if not self.auto_replan:
            return
        today = self.today()
        state = read_plan_state(self.store)
        horizon = week_start(today) + dt.timedelta(weeks=max(1, weeks), days=-1)
        if state is not None and not is_stale(today, state.made_on) and state.through >= horizon:
            return
        with contextlib.suppress(HamjournalError):
            self.replan(max(weeks, REPLAN_WEEKS))

    def replan(self, weeks: int = REPLAN_WEEKS) -> int:
        """Re-plan from tomorrow (from today when no plan covered today yet) and save; returns items saved.

        Manual and skipped items, today's items and the past stay as they are.
        """
        from hamjournal.domain.planner.record import replan_start
        from hamjournal.store.plan_state import PlanState, read_plan_state, replace_plan_from

        today = self.today()
        state = read_plan_state(self.store)
        start = replan_start(today, None if state is None else state.through)
        plan = self._generate(start, weeks)
        through = plan.weeks[-1].end
        return replace_plan_from(self.store, start, plan.generated, PlanState(today, through, plan.stopped))

    def _generate(self, start: dt.date, weeks: int) -> Plan:
        """The plan from `start` (today or tomorrow) with today's advice; nothing saved, every query bounded."""
        from hamjournal.domain.planner.constants import PROGRAMME_WINDOW_DAYS
        from hamjournal.domain.planner.record import next_plan
        from hamjournal.store import series

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
            training_start=series.first_session_day(self.store),
        )

    def get_plan_item(self, item_id: int, day: dt.date | None = None) -> PlanItem:
        """One plan item, looked up on its day (or within the editing window around today)."""
        today = self.today()
        start, end = (day, day) if day is not None else (today - PLAN_EDIT_WINDOW, today + PLAN_EDIT_WINDOW)
        return _find(self.store.plan_between(start, end), item_id, "plan item")

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
        from hamjournal.store import series

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
            training_start=series.first_session_day(self.store),
        )
        self._rules_cache = (key, report)
        return report

    def cached_advice(self) -> tuple[AdviceReport, str] | None:
        """Today's advice and the runner's mode as last worked out, when nothing was written since; reads nothing."""
        cached = self._advice_cache
        if cached is None or cached[0] != (self.today(), self.store.changes):
            return None
        return cached[1], cached[2]

    # -- the whole journal ----------------------------------------------------------------------------

    def export_journal(self) -> Journal:
        """Everything, for export and backups."""
        return self.store.export_journal()

    def import_journal(self, journal: Journal, replace_all: bool = False) -> ImportSummary:
        """Add a validated journal, all or nothing."""
        return self._changed(self.store.import_journal(journal, replace_all=replace_all))

    def daily_backup(self) -> Path | None:
        """Today's rolling backup, once a day (keeps 7): a copy of a journal file, or for a server journal every
        athlete's Journal JSON; None when made already.

        Raises JournalError when the copy cannot be written: the caller shows it as a warning.
        """
        from hamjournal.store import backup

        if config.is_url(self.label):
            return backup.daily_server_backup(self.store.engine, self.label, config.backup_dir(), self.today())
        return backup.daily_backup(Path(self.label), config.backup_dir(), self.today())

    # -- progress, reassessment and the report -------------------------------------------------------

    def progress_series(self, range_key: str, charts: Mapping[str, ChartBuilder]) -> ProgressData:
        """The data of each chart in `charts` (name -> build function) for a range ("12w", "6m", "1y", "all"):
        only that window is read.

        A window of up to MAX_CHART_POINTS days is read a row per day; a longer one a row per week, summed in
        SQL, plus the days of the recent load-ratio window: what is read is bounded by what the chart shows.
        """
        from hamjournal.domain.progress import ranges
        from hamjournal.domain.progress.data import build_progress
        from hamjournal.domain.progress.series import ACWR_WARMUP_DAYS, ROLLING_DAYS
        from hamjournal.store import series

        today = self.today()
        first = self.store.first_date()
        start, end = ranges.range_window(range_key, today, first)
        common = {
            "assessments": series.assessments(self.store, start, end),
            "plan_deload_days": series.deload_days(self.store, start, end),
            "last_assessed": series.last_assessed(self.store, today),
            "first_logged": first,
            "first_load_day": series.first_load_day(self.store, end),
        }
        if not ranges.points_are_days(start, end):
            from hamjournal.domain.progress.from_weeks import inputs_from_weeks

            acwr_start = ranges.acwr_window_start(start, today)
            sprint_first, sprint_best = series.sprint_extremes(self.store, start, end)
            weekly = inputs_from_weeks(
                range_key,
                start,
                end,
                today,
                self.store.profile(),
                volumes=series.weekly_volume(self.store, start, end, exercise="nordic"),
                session_pain=series.weekly_session_pain(self.store, start, end),
                morning=series.weekly_checkins(self.store, start, end, when="morning"),
                runs=series.weekly_runs(self.store, start, end),
                recent_runs=series.daily_runs(self.store, acwr_start - dt.timedelta(days=ACWR_WARMUP_DAYS), end),
                sprint_first=sprint_first,
                sprint_best=sprint_best,
                **common,
            )
            return build_progress(weekly, charts)
        from hamjournal.domain.progress.from_days import inputs_from_days

        # Averages and the load ratio need a little history before the first day shown, not all of it.
        lead = start - dt.timedelta(days=ROLLING_DAYS - 1)
        warm = start - dt.timedelta(days=ACWR_WARMUP_DAYS)
        daily = inputs_from_days(
            range_key,
            start,
            end,
            today,
            self.store.profile(),
            volumes=series.daily_volume(self.store, start, end, exercise="nordic"),
            session_pain=series.daily_session_pain(self.store, lead, end),
            checkins=series.daily_checkins(self.store, lead, end),
            runs=series.daily_runs(self.store, warm, end),
            **common,
        )
        return build_progress(daily, charts)

    def reassessment_due(self) -> dt.date | None:
        """The date a reassessment became due (4 weeks after the last one), or None when none is due."""
        from hamjournal.domain.progress import markers
        from hamjournal.store import series

        today = self.today()
        return markers.reassessment_due(series.last_assessed(self.store, today), today, self.store.first_date())

    def report(self, weeks: int = 4) -> str:
        """The text report of the last `weeks` Monday weeks: adherence, volume, trends, assessments, advice."""
        from hamjournal.domain import report as report_
        from hamjournal.store import series

        today = self.today()
        start, end = report_.report_window(today, weeks)
        figures = report_.build_report(
            today,
            weeks,
            self.store.profile(),
            week_counts=[self.week(start + dt.timedelta(weeks=n)).counts() for n in range(weeks)],
            volumes=series.daily_volume(self.store, start, end),
            session_pain=series.daily_session_pain(self.store, start, end),
            checkins=series.daily_checkins(self.store, start, end),
            assessments=series.assessments(self.store, start, end),
            reassessment_due=self.reassessment_due(),
            advice=report_.advice_lines(self.advice()),
        )
        return report_.format_report(figures)


def _plan_order(item: PlanItem) -> tuple[object, ...]:
    """The plan's own order of items: by day, tests first, then strength (Nordics first), then run drills."""
    return (item.date, _KIND_ORDER.get(item.kind, 3), item.exercise != "nordic", item.exercise)


def _find(records: list, record_id: int, what: str):  # type: ignore[no-untyped-def]
    from hamjournal.store.errors import EntryNotFound

    for record in records:
        if record.id == record_id:
            return record
    raise EntryNotFound(f"{what} {record_id} is not in the journal (deleted meanwhile?)")
