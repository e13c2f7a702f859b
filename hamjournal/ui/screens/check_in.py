"""Check-in (p): pain and stiffness 0-10, when, side, location, sudden pain, sleep and hamstring fatigue.

Built for the morning: p, 1, Tab, 2, Enter logs "pain 1, stiffness 2" for the selected day in five keys.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from typing import TYPE_CHECKING, Any

from hamjournal.domain import entries
from hamjournal.domain.models import CHECKIN_TIMES, LOCATIONS, SIDES
from hamjournal.ui.screens.form import FormDialog, choice, text_input
from hamjournal.ui.screens.log_session import day_text
from hamjournal.ui.widgets.form_row import FormRow

if TYPE_CHECKING:
    from hamjournal.services import JournalService

WHEN_LABELS = {"morning": "Morning", "after": "After a session", "evening": "Evening", "during-run": "During a run"}
SIDE_LABELS = {"both": "Both legs", "left": "Left", "right": "Right"}
SUDDEN_CHOICES = (("No", "no"), ("Yes: sharp, sudden pain (a possible strain)", "yes"))


def default_when(trained: bool, whens: Iterable[str]) -> str:
    """The "When" a new check-in of a day starts with, from what that day holds already (never the clock).

    - a session or run logged that day: "after" (a check-in then is most often about the training);
    - else the day's first check-in is the morning one, whatever the hour: the morning reading is the one the
      pain-monitoring model compares day to day (Silbernagel 2007), and a runner who sleeps late or checks in
      at 12:30 must not file it as "after a session" that never happened (the old rule: the clock's noon);
    - a second check-in on a day without training: "evening".
    """
    if trained:
        return "after"
    return "evening" if "morning" in set(whens) else "morning"


class CheckInDialog(FormDialog):
    """Log (or edit) a pain / stiffness check-in."""

    CSS_PATH = ["form.tcss", "check_in.tcss"]
    AUTO_FOCUS = "#pain"

    def __init__(self, day: dt.date, log_id: int | None = None) -> None:
        super().__init__()
        self.day = day
        self.log_id = log_id
        self.is_edit = log_id is not None
        self.revision: int | None = None  # as read: saving over a change made elsewhere meanwhile is refused

    def title_text(self) -> str:
        return f"{'Edit check-in' if self.log_id else 'Check-in'} · {day_text(self.day)}"

    STAND_INS = {"pain": "0"}

    def rows(self) -> Iterable[FormRow]:
        when = self.initial_value("when", "morning")  # the day's own default is read first (load)
        yield FormRow("Pain 0-10", text_input(placeholder="0 = none, 10 = worst", name="pain"), "pain")
        yield FormRow("Stiffness 0-10", text_input(placeholder="0 = none", name="stiffness"), "stiffness")
        yield FormRow("When", choice(((WHEN_LABELS[w], w) for w in CHECKIN_TIMES), when, "when"), "when")
        yield FormRow("Side", choice(((SIDE_LABELS[s], s) for s in ("both", *SIDES[:2])),
                                              self.initial_value("side", "both"), "side"), "side")
        yield FormRow("Where", choice(((p.capitalize(), p) for p in LOCATIONS),
                                                self.initial_value("location", None), "location", blank=True),
                      "location")
        # A Select, not a Checkbox: "No" / "Yes" reads the same with NO_COLOR, a compact checkbox does not.
        yield FormRow("Sudden pain", choice(SUDDEN_CHOICES, self.initial_value("sudden", "no"), "sudden"), "sudden")
        yield FormRow("Slept (hours)", text_input(placeholder="optional, e.g. 7.5", name="sleep"), "sleep")
        yield FormRow("Ham fatigue 0-10", text_input(placeholder="optional", name="fatigue"), "fatigue")
        yield FormRow("Date", text_input(self.day.isoformat(), "YYYY-MM-DD", "date"), "date")
        yield FormRow("Note", text_input(name="note"), "note")

    def load(self, journal: JournalService) -> dict[str, Any] | None:
        if self.log_id is None:
            sessions, runs, check_ins = journal.logged_on(self.day)
            return {"when": default_when(bool(sessions or runs), (c.when for c in check_ins))}
        log = journal.get_check_in(self.log_id, self.day)
        self.revision = log.revision
        return {
            "pain": log.pain,
            "stiffness": log.stiffness,
            "when": log.when,
            "side": log.side,
            "location": log.location,
            "sudden": "yes" if log.sudden else "no",
            "sleep": log.sleep_h,
            "fatigue": log.fatigue,
            "date": log.date.isoformat(),
            "note": log.note,
        }

    def validate(self, values: dict[str, Any]) -> None:
        entries.make_symptom(self.hj.today(), values["pain"], **_fields(values))

    def save(self, journal: JournalService, values: dict[str, Any]) -> str:
        fields = _fields(values)
        if self.log_id is not None:
            log = journal.edit_check_in(self.log_id, values["pain"], revision=self.revision, **fields)
        else:
            log = journal.check_in(values["pain"], **fields)
        stiff = f", stiffness {log.stiffness}" if log.stiffness is not None else ""
        return f"Saved {log.when} check-in: pain {log.pain}{stiff} on {day_text(log.date)}"


def _fields(values: dict[str, Any]) -> dict[str, Any]:
    """The form's values as the service's check-in fields."""
    return {
        "stiffness": values["stiffness"],
        "when": values["when"],
        "side": values["side"],
        "location": values["location"],
        "sudden": values["sudden"] == "yes",
        "sleep_h": values["sleep"],
        "fatigue": values["fatigue"],
        "date": values["date"],
        "note": values["note"],
    }
