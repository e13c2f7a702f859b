"""Use-cases: what a runner does, in the words of the app ("log a session", "this week", "advice today").

The CLI and the UI call these; they hold no SQL and no training rules. Every write is committed before
the call returns.
"""

from __future__ import annotations

import contextlib
import datetime as dt
from collections.abc import Callable, Iterable
from dataclasses import replace
from functools import partial
from pathlib import Path
from typing import TYPE_CHECKING, TypeVar

from hamjournal import config
from hamjournal.domain import entries
from hamjournal.domain.dates import week_start
from hamjournal.domain.errors import InvalidInput
from hamjournal.domain.models import Assessment, Journal, PlanItem, Prescription, Profile, Run, Session, SymptomLog
from hamjournal.planning import PlanningMixin, find_entry, plan_order
from hamjournal.reporting import ReportingMixin
from hamjournal.store.repo import ImportSummary, Store
from hamjournal.store.watch import CHANGED as WATCH_CHANGED
from hamjournal.store.watch import REPLACED as WATCH_REPLACED
from hamjournal.store.watch import SAME as WATCH_SAME
from hamjournal.store.watch import JournalWatch

if TYPE_CHECKING:
    from typing_extensions import Unpack

    # The week and progress maths load when first asked for, so `hamjournal log ...` does not pay for them.
    from hamjournal.domain.advice.report import AdviceReport
    from hamjournal.domain.entries import AssessmentFields, RunFields, SessionFields, SymptomFields, Value
    from hamjournal.domain.week import WeekView
    from hamjournal.run_import import ImportOptions as RunImportOptions
    from hamjournal.run_import import ImportReport, Progress

_T = TypeVar("_T")
__all__ = ["WATCH_CHANGED", "WATCH_REPLACED", "WATCH_SAME", "JournalService", "JournalWatch"]

# How far back the logging form looks for the step and tempo to suggest.
LAST_SESSION_LOOKBACK_DAYS = 120


class JournalService(PlanningMixin, ReportingMixin):
    """A runner's journal: logging, the week, import and export, on top of one Store; the plan and the advice
    (planning.py) and the charts and the report (reporting.py) are its mixins."""

    def __init__(self, store: Store, today: Callable[[], dt.date] = config.today) -> None:
        self.store = store
        self._today = today
        # The last advice worked out, keyed by (today, the store's write count): the week's strip and the Advice
        # screen share it, and nothing is read again until a write or a new day.
        self._advice_cache: tuple[tuple[dt.date, int], AdviceReport, str] | None = None
        self._rules_cache: tuple[tuple[dt.date, int], AdviceReport] | None = None
        self._progress_cache = {}  # each range's chart data, keyed the same way (see ReportingMixin)
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

    def watch(self) -> JournalWatch:
        """A watch on the journal: polled, it says whether another program wrote to it (WATCH_CHANGED) or replaced
        it (WATCH_REPLACED, reopened already), or neither (WATCH_SAME)."""
        return JournalWatch(self.store)

    # -- logging --------------------------------------------------------------------------------------

    def log_session(self, exercise: str, sets: str, **fields: Unpack[SessionFields]) -> Session:
        """Validate and save a session; step and tempo default to the plan, then the last session."""
        today = self.today()
        draft = entries.make_session(today, exercise, sets, **fields)
        step_given, tempo_given = entries.given(fields.get("step")), entries.given(fields.get("tempo"))
        if not (step_given and tempo_given):
            step, tempo = self.suggested_step_and_tempo(draft.exercise, draft.date)
            if not step_given:
                draft = replace(draft, step=step or draft.step)
            if not tempo_given:
                draft = replace(draft, tempo=tempo or draft.tempo)
        return self._changed(self.store.add_session(draft))

    def edit_session(
        self, session_id: int, exercise: str, sets: str, revision: int | None = None, **fields: Unpack[SessionFields]
    ) -> Session:
        """Replace a logged session with newly validated values (refused with StaleEntry if `revision`, the one
        it was read with, is no longer the stored one)."""
        draft = entries.make_session(self.today(), exercise, sets, **fields)
        return self._changed(self.store.update_session(replace(draft, id=session_id, revision=revision)))

    def check_in(self, pain: Value, **fields: Unpack[SymptomFields]) -> SymptomLog:
        """Validate and save a pain / stiffness check-in."""
        return self._changed(self.store.add_symptom(entries.make_symptom(self.today(), pain, **fields)))

    def edit_check_in(
        self, log_id: int, pain: Value, revision: int | None = None, **fields: Unpack[SymptomFields]
    ) -> SymptomLog:
        """Replace a check-in with newly validated values (StaleEntry if changed since read at `revision`)."""
        draft = entries.make_symptom(self.today(), pain, **fields)
        return self._changed(self.store.update_symptom(replace(draft, id=log_id, revision=revision)))

    def log_run(self, minutes: Value, **fields: Unpack[RunFields]) -> Run:
        """Validate and save a run."""
        return self._changed(self.store.add_run(entries.make_run(self.today(), minutes, **fields)))

    def edit_run(self, run_id: int, minutes: Value, revision: int | None = None, **fields: Unpack[RunFields]) -> Run:
        """Replace a run with newly validated values (StaleEntry if changed since read at `revision`)."""
        draft = entries.make_run(self.today(), minutes, **fields)
        # What only a watch file gives (start, heart rate, source) is kept through an edit of the typed fields.
        stored = self.store.run_by_id(run_id)
        draft = replace(draft, start=stored.start, avg_hr=stored.avg_hr, source=stored.source, digest=stored.digest)
        if stored.start is not None and stored.date != draft.date:
            draft = replace(draft, start=dt.datetime.combine(draft.date, stored.start.time()))
        return self._changed(self.store.update_run(replace(draft, id=run_id, revision=revision)))

    def import_runs(
        self, paths: Iterable[Path], options: RunImportOptions | None = None, progress: Progress | None = None
    ) -> ImportReport:
        """Import the runs in watch files and folders (new ones only); re-plans once after the last."""
        from hamjournal.run_import import import_runs

        report = import_runs(self.store, paths, self.today(), options, progress)
        return self._changed(report) if report.added else report

    def set_run_rpe(self, run_id: int, day: dt.date, rpe: Value) -> Run:
        """Give a run (typically one from the watch, which has none) its RPE, 0-10; the rest stays as it was."""
        from hamjournal.domain.validation import check_score

        run = self.get_run(run_id, day)
        return self._changed(self.store.update_run(replace(run, rpe=check_score(rpe, "RPE"))))

    def log_assessment(self, test: str, **fields: Unpack[AssessmentFields]) -> Assessment:
        """Validate and save a reassessment result."""
        return self._changed(
            self.store.add_assessment(entries.make_assessment(self.today(), test, **fields))
        )

    def delete_entry(self, kind: str, entry_id: int, revision: int | None = None) -> None:
        """Delete a logged session, check-in, run, assessment or plan item.

        With the `revision` the entry was read at, a record changed since (on another machine) is not deleted:
        StaleEntry, as for an edit.
        """
        deleters = {
            "session": self.store.delete_session,
            "check-in": self.store.delete_symptom,
            "run": self.store.delete_run,
            "assessment": self.store.delete_assessment,
            "plan": self.store.delete_plan_item,
        }
        deleters[kind](entry_id, revision)
        self._changed(None)

    def get_session(self, session_id: int) -> Session:
        """One logged session."""
        return self.store.get_session(session_id)

    def get_check_in(self, log_id: int, day: dt.date) -> SymptomLog:
        """One check-in, looked up within its day."""
        return find_entry(self.store.symptoms_between(day, day), log_id, "check-in")

    def runs_on(self, day: dt.date) -> list[Run]:
        """The runs of one day, in the order logged."""
        return self.store.runs_between(day, day)

    def get_run(self, run_id: int, day: dt.date) -> Run:
        """One run, looked up within its day."""
        return find_entry(self.store.runs_between(day, day), run_id, "run")

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

    def logged_on(self, day: dt.date) -> tuple[list[Session], list[Run], list[SymptomLog]]:
        """A day's logged sessions, runs and check-ins (what a new check-in's "When" starts from)."""
        return (
            self.store.sessions_between(day, day),
            self.store.runs_between(day, day),
            self.store.symptoms_between(day, day),
        )

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

    def suggested_dose(self, exercise: str, day: dt.date) -> tuple[str | None, Prescription | None]:
        """The step and dose to log or play for an exercise on a day: the prescription of record
        (domain/dose_of_record.py); the advice counts only today or later, the last session's step comes as
        `hamjournal log` takes it. Never the first rung to a runner past it."""
        from hamjournal.domain.dose_of_record import dose_of_record

        advice = self.advice().advice if day >= self.today() else ()
        return dose_of_record(
            exercise, self.planned_for(day), advice, lambda: self.suggested_step_and_tempo(exercise, day)[0]
        )

    def suggested_steps(self, day: dt.date) -> dict[str, str | None]:
        """Each exercise's step to offer when the runner switches exercise in the log dialog: the step of
        `suggested_dose`, chosen by the same function, with the plan, the advice and the last sessions read once;
        None: no step of the runner's yet (the ladder's own first)."""
        from hamjournal.domain.dose_of_record import dose_of_record
        from hamjournal.domain.library.exercises import EXERCISES

        planned = self.planned_for(day)
        advice = self.advice().advice if day >= self.today() else ()
        last_steps: dict[str, str | None] | None = None

        def last_step(slug: str) -> str | None:
            nonlocal last_steps
            if last_steps is None:
                # One read of the lookback window, not one per exercise; later sessions overwrite earlier ones.
                start = day - dt.timedelta(days=LAST_SESSION_LOOKBACK_DAYS)
                last_steps = {session.exercise: session.step for session in self.store.sessions_between(start, day)}
            return last_steps.get(slug)

        return {slug: dose_of_record(slug, planned, advice, partial(last_step, slug))[0] for slug in EXERCISES}

    # -- the week -------------------------------------------------------------------------------------

    def week(self, day: dt.date | None = None) -> WeekView:
        """The calendar for the week holding `day` (default today): only that week is read."""
        from hamjournal.domain.week import build_week

        today = self.today()
        start = week_start(day or today)
        end = start + dt.timedelta(days=6)
        stopped = False
        if end >= today and (self.store.is_onboarded() or not self.store.is_empty()):
            state = self.ensure_plan()
            stopped = state is not None and state.stopped
        return build_week(
            start,
            today,
            self.store.profile(),
            sorted(self.store.plan_between(start, end), key=plan_order),
            self.store.sessions_between(start, end),
            self.store.runs_between(start, end),
            self.store.symptoms_between(start, end),
            since=min(self.store.first_date() or today, today),
            stopped=stopped,
            assessments=self.store.assessments_between(start, end),
        )

    def is_empty(self) -> bool:
        """Nothing logged or planned yet: the app shows how to start."""
        return self.store.is_empty()

    def profile(self) -> Profile:
        """The runner's profile."""
        return self.store.profile()

    def save_profile(self, profile: Profile) -> None:
        """Save the runner's profile; a watch folder must be a folder on this computer (InvalidInput if not),
        so an import later never starts from a path that cannot work."""
        folder = profile.watch_folder
        if folder and not Path(folder).expanduser().is_dir():
            raise InvalidInput(
                f"watch folder {folder} is not a folder on this computer: give the folder your watch files are "
                "in (a mounted watch or a synced export), or leave it empty", "watch-folder"
            )
        self.store.save_profile(profile)

    def is_onboarded(self) -> bool:
        """True once the runner has answered the onboarding questions (or imported a profile)."""
        return self.store.is_onboarded()

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
