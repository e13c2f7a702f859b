"""RPE of a run (R): a run from the watch comes without RPE; this asks for it, for the selected day's run."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from typing import TYPE_CHECKING, Any

from textual.containers import VerticalScroll

from hamjournal.domain.errors import InvalidInput
from hamjournal.domain.week import run_label
from hamjournal.ui.screens.form import FormDialog, text_input
from hamjournal.ui.screens.log_session import day_text
from hamjournal.ui.widgets.form_row import FormRow

if TYPE_CHECKING:
    from hamjournal.services import JournalService


class RunRpeDialog(FormDialog):
    """Set the RPE (0-10) of the selected day's first run that has none."""

    CSS_PATH = ["form.tcss"]
    AUTO_FOCUS = "#rpe"

    def __init__(self) -> None:
        super().__init__()
        self.run_id: int | None = None
        self._day: dt.date | None = None

    @property
    def day(self) -> dt.date:
        """The week screen's selected day when the dialog opened."""
        if self._day is None:
            self._day = self.hj.selected_day
        return self._day

    def title_text(self) -> str:
        return f"RPE of the run · {day_text(self.day)}"

    def rows(self) -> Iterable[FormRow]:
        yield FormRow("RPE 0-10", text_input(placeholder="how hard it felt: 0 rest, 10 all-out", name="rpe"), "rpe")

    def load(self, journal: JournalService) -> dict[str, Any] | None:
        waiting = [run for run in journal.runs_on(self.day) if run.rpe is None]
        if not waiting:
            raise InvalidInput(f"No run without RPE on {day_text(self.day)}: edit a run's RPE with Enter")
        self.run_id = waiting[0].id
        return {"rpe": ""} | {"_label": run_label(waiting[0])}

    def fill(self, values: dict[str, Any]) -> None:
        label = values.pop("_label", None)
        if label:
            self.query_one(VerticalScroll).border_title = f"RPE of the {label} · {day_text(self.day)}"
        super().fill(values)

    def save(self, journal: JournalService, values: dict[str, Any]) -> str:
        if self.run_id is None:
            raise InvalidInput(f"No run without RPE on {day_text(self.day)}: edit a run's RPE with Enter")
        run = journal.set_run_rpe(self.run_id, self.day, values["rpe"])
        return f"RPE {run.rpe} for the {run_label(run)} of {day_text(run.date)} (load {run.load:g})"
