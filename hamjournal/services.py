"""Use-cases: what a runner does, in the words of the app ("log a session", "this week", "advice today").

The CLI and the UI call these; they hold no SQL and no training rules. Every write is committed before
the call returns.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import replace

from hamjournal import config
from hamjournal.domain import entries
from hamjournal.domain.models import Assessment, Journal, PlanItem, Profile, Run, Session, SymptomLog
from hamjournal.domain.week import WeekView, build_week, week_start
from hamjournal.store.repo import ImportSummary, Store

# How far back the logging form looks for the step and tempo to suggest.
LAST_SESSION_LOOKBACK_DAYS = 120


class JournalService:
    """A runner's journal: logging, the week, import and export, on top of one Store."""

    def __init__(self, store: Store, today: Callable[[], dt.date] = config.today) -> None:
        self.store = store
        self._today = today

    @classmethod
    def open(cls, location: str | None = None, athlete: str | None = None, create: bool = True) -> JournalService:
        """Open the journal at --db / HAMJOURNAL_DB / the default file."""
        return cls(Store.open(config.journal_location(location), athlete=athlete, create=create))

    @property
    def label(self) -> str:
        """The journal's file (or URL), for messages."""
        return self.store.label

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
        if not entries.given(fields.get("step")):
            draft = replace(draft, step=self.suggested_step(draft.exercise, draft.date) or draft.step)
        if not entries.given(fields.get("tempo")):
            draft = replace(draft, tempo=self.suggested_tempo(draft.exercise, draft.date) or draft.tempo)
        return self.store.add_session(draft)

    def edit_session(self, session_id: int, exercise: str, sets: str, **fields: object) -> Session:
        """Replace a logged session with newly validated values."""
        draft = entries.make_session(self.today(), exercise, sets, **fields)  # type: ignore[arg-type]
        return self.store.update_session(replace(draft, id=session_id))

    def check_in(self, pain: object, **fields: object) -> SymptomLog:
        """Validate and save a pain / stiffness check-in."""
        return self.store.add_symptom(entries.make_symptom(self.today(), pain, **fields))  # type: ignore[arg-type]

    def edit_check_in(self, log_id: int, pain: object, **fields: object) -> SymptomLog:
        """Replace a check-in with newly validated values."""
        draft = entries.make_symptom(self.today(), pain, **fields)  # type: ignore[arg-type]
        return self.store.update_symptom(replace(draft, id=log_id))

    def log_run(self, minutes: object, **fields: object) -> Run:
        """Validate and save a run."""
        return self.store.add_run(entries.make_run(self.today(), minutes, **fields))  # type: ignore[arg-type]

    def edit_run(self, run_id: int, minutes: object, **fields: object) -> Run:
        """Replace a run with newly validated values."""
        draft = entries.make_run(self.today(), minutes, **fields)  # type: ignore[arg-type]
        return self.store.update_run(replace(draft, id=run_id))

    def log_assessment(self, test: str, **fields: object) -> Assessment:
        """Validate and save a reassessment result."""
        return self.store.add_assessment(entries.make_assessment(self.today(), test, **fields))  # type: ignore[arg-type]

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

    def get_session(self, session_id: int) -> Session:
        """One logged session."""
        return self.store.get_session(session_id)

    def get_check_in(self, log_id: int, day: dt.date) -> SymptomLog:
        """One check-in, looked up within its day."""
        return _find(self.store.symptoms_between(day, day), log_id, "check-in")

    def get_run(self, run_id: int, day: dt.date) -> Run:
        """One run, looked up within its day."""
        return _find(self.store.runs_between(day, day), run_id, "run")

    # -- suggestions for the logging form -------------------------------------------------------------

    def planned_for(self, day: dt.date) -> list[PlanItem]:
        """Plan items (not skipped) on a day."""
        return [p for p in self.store.plan_between(day, day) if p.status == "planned"]

    def last_session(self, exercise: str, before: dt.date) -> Session | None:
        """The most recent session of an exercise on or before a day, within the lookback window."""
        start = before - dt.timedelta(days=LAST_SESSION_LOOKBACK_DAYS)
        found = self.store.sessions_between(start, before, exercise=exercise)
        return found[-1] if found else None

    def suggested_step(self, exercise: str, day: dt.date) -> str | None:
        """The step to log: the day's plan, else the last session's."""
        for item in self.planned_for(day):
            if item.exercise == exercise and item.step:
                return item.step
        last = self.last_session(exercise, day)
        return last.step if last else None

    def suggested_tempo(self, exercise: str, day: dt.date) -> str | None:
        """The tempo to log: the day's plan, else the last session's."""
        for item in self.planned_for(day):
            if item.exercise == exercise and item.prescription.tempo:
                return item.prescription.tempo
        last = self.last_session(exercise, day)
        return last.tempo if last else None

    # -- the week -------------------------------------------------------------------------------------

    def week(self, day: dt.date | None = None) -> WeekView:
        """The calendar for the week holding `day` (default today): only that week is read."""
        today = self.today()
        start = week_start(day or today)
        end = start + dt.timedelta(days=6)
        return build_week(
            start,
            today,
            self.store.profile(),
            self.store.plan_between(start, end),
            self.store.sessions_between(start, end),
            self.store.runs_between(start, end),
            self.store.symptoms_between(start, end),
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

    # -- the whole journal ----------------------------------------------------------------------------

    def export_journal(self) -> Journal:
        """Everything, for export and backups."""
        return self.store.export_journal()

    def import_journal(self, journal: Journal, replace_all: bool = False) -> ImportSummary:
        """Add a validated journal, all or nothing."""
        return self.store.import_journal(journal, replace_all=replace_all)


def _find(records: list, record_id: int, what: str):  # type: ignore[no-untyped-def]
    from hamjournal.store.errors import EntryNotFound

    for record in records:
        if record.id == record_id:
            return record
    raise EntryNotFound(f"{what} {record_id} is not in the journal (deleted meanwhile?)")
