"""Plan editing on the week screen: move a planned item a day (shift+←/→), skip it (-), add one (n or +).

A mixin for WeekScreen, so the week screen keeps one job. Writes run in workers; each posts JournalChanged,
after which the app re-plans around the change (moved, skipped and added items are kept by every re-plan).
"""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING

from textual import work

from hamjournal.ui.messages import JournalChanged
from hamjournal.ui.widgets.labels import compact_label
from hamjournal.ui.worker_failures import notify_failure

if TYPE_CHECKING:
    from textual.app import App

    from hamjournal.domain.week import DayEntry
    from hamjournal.ui.journal_access import HasJournal

ONE_DAY = dt.timedelta(days=1)


class PlanEditing:
    """Actions of the week screen that change hamjournal's own plan."""

    # Provided by WeekScreen.
    start: dt.date
    day_index: int
    if TYPE_CHECKING:
        app: App[object]

        # Read-only properties there, so they are declared as properties here.
        @property
        def selected_entry(self) -> DayEntry | None: ...

        @property
        def selected_date(self) -> dt.date: ...

        @property
        def hj(self) -> HasJournal: ...

    def _planned_entry(self, verb: str) -> DayEntry | None:
        """The selected plan item that is not done, or None after telling the runner why not."""
        from hamjournal.domain.week import DONE  # not at module level: the week screen imports this before its paint

        entry = self.selected_entry
        notify = self.notify  # type: ignore[attr-defined]
        if entry is None or entry.kind != "plan" or entry.ref_id is None:
            notify(f"Select a planned session (↑/↓) to {verb} it; n adds one.")
            return None
        if entry.status == DONE:
            notify(f"{compact_label(entry)} is done already: there is nothing to {verb}.")
            return None
        return entry

    def action_move_item_back(self) -> None:
        """Move the selected planned item one day earlier."""
        self._move(-1)

    def action_move_item_forward(self) -> None:
        """Move the selected planned item one day later."""
        self._move(1)

    def _move(self, days: int) -> None:
        entry = self._planned_entry("move")
        if entry is None or entry.ref_id is None:
            return
        day = self.selected_date
        self._move_item(entry.ref_id, day, day + days * ONE_DAY, compact_label(entry))

    @work(thread=True, group="write", exit_on_error=False)
    def _move_item(self, item_id: int, day: dt.date, new_day: dt.date, label: str) -> None:
        journal = self.hj.journal
        if journal is None:
            return
        with notify_failure(self.app, timeout=8):
            journal.move_plan_item(item_id, new_day, day)
            self.app.call_from_thread(self._follow, new_day)
            self.app.post_message(JournalChanged(f"Moved {label} to {new_day:%a} {new_day.day} {new_day:%b}"))

    def _follow(self, new_day: dt.date) -> None:
        """Keep the moved item selected: select its new day (the next or previous week if it crossed over)."""
        monday = new_day - dt.timedelta(days=new_day.weekday())
        if monday != self.start:
            self._show_week(monday, new_day.weekday())  # type: ignore[attr-defined]
        else:
            self.day_index = new_day.weekday()
            self._draw()  # type: ignore[attr-defined]

    def action_skip_item(self) -> None:
        """Skip the selected planned item, or plan a skipped one again."""
        entry = self._planned_entry("skip")
        if entry is None or entry.ref_id is None:
            return
        from hamjournal.domain.week import MISSED, PLANNED

        skip = entry.status in (PLANNED, MISSED)
        self._skip_item(entry.ref_id, self.selected_date, skip, compact_label(entry))

    @work(thread=True, group="write", exit_on_error=False)
    def _skip_item(self, item_id: int, day: dt.date, skip: bool, label: str) -> None:
        journal = self.hj.journal
        if journal is None:
            return
        with notify_failure(self.app, timeout=8):
            journal.skip_plan_item(item_id, day, skipped=skip)
            verb = "Skipped" if skip else "Planned again"
            self.app.post_message(JournalChanged(f"{verb}: {label} on {day:%a} {day.day} {day:%b}"))

    def action_add_item(self) -> None:
        """Open the dialog that adds a session of the runner's own to the selected day."""
        from hamjournal.ui.dialog_open import open_form
        from hamjournal.ui.screens.plan_item import AddPlanItemDialog

        entry = self.selected_entry
        exercise = entry.exercise if entry is not None and entry.exercise else "nordic"
        open_form(self, AddPlanItemDialog(self.selected_date, exercise))  # type: ignore[arg-type]

