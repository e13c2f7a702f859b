"""Log session (l): exercise, ladder step, sets, tempo, RPE, pain; prefilled from the day's plan."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Iterator
from typing import TYPE_CHECKING, Any

from textual import on
from textual.widgets import Input, Select

from hamjournal.domain import entries
from hamjournal.domain.library.exercise_model import Exercise
from hamjournal.domain.library.exercises import EXERCISES
from hamjournal.domain.library.sets import format_sets
from hamjournal.domain.models import PlanItem, Prescription
from hamjournal.ui.screens.form import FormDialog, choice, text_input
from hamjournal.ui.widgets.form_row import FormRow
from hamjournal.ui.widgets.labels import short_name

if TYPE_CHECKING:
    from hamjournal.services import JournalService

DEFAULT_EXERCISE = "nordic"


def prescribed_sets(rx: Prescription) -> str:
    """A plan's prescription in set notation: "2x5", "12/10/8", "3x30s"."""
    return rx.notation


def plan_values(item: PlanItem) -> dict[str, Any]:
    """The form's values for a planned item."""
    return dose_values(item.exercise, item.step, item.prescription)


def dose_values(exercise: str, step: str | None, rx: Prescription | None) -> dict[str, Any]:
    """The form's values for a step and dose of an exercise (no dose: the sets are left to the runner)."""
    values: dict[str, Any] = {"exercise": exercise, "step": step}
    if rx is not None:
        values["sets"] = prescribed_sets(rx)
        values["tempo"] = rx.tempo or EXERCISES[exercise].default_tempo or ""
    return values


def tempo_placeholder(exercise: Exercise) -> str:
    """What the empty tempo field says: drills (strides) have no lifting tempo."""
    return "none for a running drill" if exercise.is_drill else "4-0-1-0 (X = explosive)"


def day_text(day: dt.date) -> str:
    """ "Wed 25 Nov"."""
    return f"{day:%a} {day.day} {day:%b}"


class LogSessionDialog(FormDialog):
    """Log (or edit) one strength or drill session."""

    CSS_PATH = ["form.tcss", "log_session.tcss"]
    AUTO_FOCUS = "#sets"

    def __init__(
        self, day: dt.date, plan_id: int | None = None, session_id: int | None = None,
        prefill: dict[str, Any] | None = None,
    ) -> None:
        super().__init__()
        self.day = day
        self.plan_id = plan_id
        self.session_id = session_id
        self.is_edit = session_id is not None
        # Values already known (the tempo player's sets): RPE is what is left, so the cursor starts there.
        self.prefill = prefill
        if prefill:
            self.initial = dict(prefill)
            # textual types AUTO_FOCUS as a ClassVar, yet Screen._update_auto_focus reads it off the instance.
            self.AUTO_FOCUS = "#rpe"  # type: ignore[misc]
        self.exercise = DEFAULT_EXERCISE
        # Side and load are not on this form; an edit keeps what the session had.
        self.kept: dict[str, Any] = {}
        # The revision the edited session was read at: saving over a change made meanwhile elsewhere is refused.
        self.revision: int | None = None
        # Each exercise's step of the runner's (JournalService.suggested_steps), read with the form's values.
        self.runners_steps: dict[str, str | None] = {}

    def title_text(self) -> str:
        return f"{'Edit' if self.session_id else 'Log'} session · {day_text(self.day)}"

    STAND_INS = {"sets": "1"}

    def rows(self) -> Iterable[FormRow]:
        initial = self.initial or {}
        if initial.get("exercise") in EXERCISES:
            self.exercise = initial["exercise"]
        exercise = EXERCISES[self.exercise]
        if initial.get("step") not in {s.slug for s in exercise.ladder}:
            initial.pop("step", None)  # a step no longer on the ladder: the form offers the ladder's own
        yield from exercise_rows(self.exercise, initial.get("step"))
        yield FormRow("Tempo", text_input(exercise.default_tempo or "", tempo_placeholder(exercise), "tempo"), "tempo")
        yield FormRow("RPE 0-10", text_input(placeholder="how hard, 0-10", name="rpe"), "rpe")
        yield FormRow("Pain during 0-10", text_input(placeholder="0 = none", name="pain"), "pain")
        yield FormRow("Date", text_input(self.day.isoformat(), "YYYY-MM-DD", "date"), "date")
        yield FormRow("Note", text_input(name="note"), "note")

    def load(self, journal: JournalService) -> dict[str, Any] | None:
        if self.prefill:
            return self.prefill
        if self.session_id is not None:
            session = journal.get_session(self.session_id)
            self.revision = session.revision
            self.kept = {"side": session.sets[0].side, "load_kg": session.sets[0].load_kg or None}
            return {
                "exercise": session.exercise,
                "step": session.step,
                "sets": format_sets(session.sets),
                "tempo": session.tempo or "",
                "rpe": session.rpe,
                "pain": session.pain_during,
                "date": session.date.isoformat(),
                "note": session.note,
            }
        if self.plan_id is not None:
            for item in journal.planned_for(self.day):
                if item.id == self.plan_id:
                    return plan_values(item)
        self.runners_steps = journal.suggested_steps(self.day)
        step, rx = journal.suggested_dose(self.exercise, self.day)
        return dose_values(self.exercise, step, rx)

    def fill(self, values: dict[str, Any]) -> None:
        # The step list depends on the exercise, so switch the exercise first, by hand.
        if values.get("exercise") in EXERCISES:
            self._use_exercise(values["exercise"], values.get("step"))
            self.query_one("#exercise", Select).value = values["exercise"]
        super().fill({k: v for k, v in values.items() if k not in ("exercise", "step")})

    @on(Select.Changed, "#exercise")
    def _exercise_changed(self, event: Select.Changed) -> None:
        if isinstance(event.value, str) and event.value != self.exercise:
            # The runner's own step on the new exercise's ladder, never its first rung to a runner past it.
            self._use_exercise(event.value, self.runners_steps.get(event.value))

    def _use_exercise(self, slug: str, step: str | None) -> None:
        old, new = EXERCISES[self.exercise], EXERCISES[slug]
        self.exercise = slug
        steps = self.query_one("#step", Select)
        steps.set_options(ladder_options(slug))
        steps.value = step if step in {s.slug for s in new.ladder} else new.default_step
        tempo = self.query_one("#tempo", Input)
        if tempo.value in ("", old.default_tempo or ""):
            tempo.value = new.default_tempo or ""
        tempo.placeholder = tempo_placeholder(new)

    def validate(self, values: dict[str, Any]) -> None:
        trial = dict(values)
        if trial.get("sets") == "1" and EXERCISES[self.exercise].holds:
            trial["sets"] = "1x30s"  # the stand-in of a refused sets field, in the exercise's own unit
        entries.make_session(self.hj.today(), trial["exercise"] or "", trial["sets"], **self._fields(trial))

    def _fields(self, values: dict[str, Any]) -> dict[str, Any]:
        """The form's values as the service's session fields (with what an edit keeps)."""
        return {
            "step": values["step"],
            "tempo": values["tempo"],
            "rpe": values["rpe"],
            "pain": values["pain"],
            "date": values["date"],
            "note": values["note"],
            **self.kept,
        }

    def save(self, journal: JournalService, values: dict[str, Any]) -> str:
        fields = self._fields(values)
        exercise = values["exercise"] or ""
        if self.session_id is not None:
            session = journal.edit_session(self.session_id, exercise, values["sets"], revision=self.revision, **fields)
        else:
            session = journal.log_session(exercise, values["sets"], **fields)
        return f"Saved {short_name(session.exercise)} {format_sets(session.sets)} on {day_text(session.date)}"


def exercise_rows(slug: str, step: str | None = None) -> Iterator[FormRow]:
    """Exercise, Step (its ladder; `step`, else the ladder's own) and Sets: the rows a logged and a planned
    session share."""
    yield FormRow("Exercise", choice(((e.name, e.slug) for e in EXERCISES.values()), slug, "exercise"), "exercise")
    yield FormRow("Step", choice(ladder_options(slug), step or EXERCISES[slug].default_step, "step"), "step")
    yield FormRow("Sets", text_input(placeholder="3x6, 12/10/8 or 3x30s", name="sets"), "sets")


def ladder_options(slug: str) -> list[tuple[str, str]]:
    """(name, slug) of each step of an exercise's ladder, for the Step choice."""
    return [(step.name, step.slug) for step in EXERCISES[slug].ladder]
