"""Add to the plan (n or +): a session of the runner's own, on the selected day; the plan is redone around it."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from typing import TYPE_CHECKING, Any

from textual import on
from textual.widgets import Select

from hamjournal.domain.library.exercises import EXERCISES
from hamjournal.ui.screens.form import FormDialog, text_input
from hamjournal.ui.screens.log_session import day_text, exercise_rows, ladder_options
from hamjournal.ui.widgets.form_row import FormRow
from hamjournal.ui.widgets.labels import short_name

if TYPE_CHECKING:
    from hamjournal.services import JournalService


class AddPlanItemDialog(FormDialog):
    """Exercise, step, sets and day of a session the runner plans by hand (origin "manual")."""

    CSS_PATH = ["form.tcss"]
    AUTO_FOCUS = "#sets"

    def __init__(self, day: dt.date, exercise: str = "nordic") -> None:
        super().__init__()
        self.day = day
        self.exercise = exercise if exercise in EXERCISES else "nordic"

    def title_text(self) -> str:
        return f"Add to the plan · {day_text(self.day)}"

    def rows(self) -> Iterable[FormRow]:
        yield from exercise_rows(self.exercise)
        yield FormRow("Date", text_input(self.day.isoformat(), "YYYY-MM-DD, today or later", "date"), "date")

    @on(Select.Changed, "#exercise")
    def _exercise_changed(self, event: Select.Changed) -> None:
        if isinstance(event.value, str) and event.value != self.exercise:
            self.exercise = event.value
            steps = self.query_one("#step", Select)
            steps.set_options(ladder_options(event.value))
            steps.value = EXERCISES[event.value].default_step

    def save(self, journal: JournalService, values: dict[str, Any]) -> str:
        item = journal.add_plan_item(values["date"], values["exercise"] or "", values["step"], values["sets"])
        return f"Planned {short_name(item.exercise)} {values['sets'].strip()} on {day_text(item.date)}"

