"""Log run (r): minutes, kind, distance, RPE, strides, sprint-finish time, note."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from typing import TYPE_CHECKING, Any

from hamjournal.domain import entries
from hamjournal.domain.models import RUN_KINDS
from hamjournal.domain.week import run_label
from hamjournal.ui.screens.form import FormDialog, choice, text_input
from hamjournal.ui.screens.log_session import day_text
from hamjournal.ui.widgets.form_row import FormRow

if TYPE_CHECKING:
    from hamjournal.services import JournalService


class LogRunDialog(FormDialog):
    """Log (or edit) a run or cross-training session."""

    CSS_PATH = ["form.tcss", "log_run.tcss"]
    AUTO_FOCUS = "#minutes"

    def __init__(self, day: dt.date, run_id: int | None = None, kind: str | None = None) -> None:
        super().__init__()
        self.day = day
        self.run_id = run_id
        self.is_edit = run_id is not None
        self.kind = kind if kind in RUN_KINDS else "easy"
        self.revision: int | None = None  # as read: saving over a change made elsewhere meanwhile is refused

    def title_text(self) -> str:
        return f"{'Edit run' if self.run_id else 'Log run'} · {day_text(self.day)}"

    STAND_INS = {"minutes": "1"}

    def rows(self) -> Iterable[FormRow]:
        yield FormRow("Minutes", text_input(placeholder="e.g. 40", name="minutes"), "minutes")
        yield FormRow("Kind", choice(((k.capitalize(), k) for k in RUN_KINDS),
                                              self.initial_value("kind", self.kind), "kind"), "kind")
        yield FormRow("Distance km", text_input(placeholder="optional, e.g. 8.2", name="distance"), "distance")
        yield FormRow("RPE 0-10", text_input(placeholder="how hard, 0-10", name="rpe"), "rpe")
        yield FormRow("Strides", text_input(placeholder="how many, optional", name="strides"), "strides")
        yield FormRow("Sprint finish s", text_input(placeholder="seconds, optional", name="finish"), "finish")
        yield FormRow("Date", text_input(self.day.isoformat(), "YYYY-MM-DD", "date"), "date")
        yield FormRow("Note", text_input(name="note"), "note")

    def load(self, journal: JournalService) -> dict[str, Any] | None:
        if self.run_id is None:
            return {}  # a new run: the kind (easy, or the planned run's) is given when the dialog is made
        run = journal.get_run(self.run_id, self.day)
        self.revision = run.revision
        return {
            "minutes": run.minutes,
            "kind": run.kind,
            "distance": run.distance_km,
            "rpe": run.rpe,
            "strides": run.strides,
            "finish": run.finish_s,
            "date": run.date.isoformat(),
            "note": run.note,
        }

    def validate(self, values: dict[str, Any]) -> None:
        entries.make_run(self.hj.today(), values["minutes"], **_fields(values))

    def save(self, journal: JournalService, values: dict[str, Any]) -> str:
        fields = _fields(values)
        if self.run_id is not None:
            run = journal.edit_run(self.run_id, values["minutes"], revision=self.revision, **fields)
        else:
            run = journal.log_run(values["minutes"], **fields)
        return f"Saved {run_label(run)} on {day_text(run.date)}"


def _fields(values: dict[str, Any]) -> dict[str, Any]:
    """The form's values as the service's run fields."""
    return {
        "kind": values["kind"],
        "km": values["distance"],
        "rpe": values["rpe"],
        "strides": values["strides"],
        "finish_s": values["finish"],
        "date": values["date"],
        "note": values["note"],
    }
