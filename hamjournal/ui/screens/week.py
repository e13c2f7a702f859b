"""The week screen: seven day columns, the selected day in full below, every key of the app."""

from __future__ import annotations

import datetime as dt
import importlib
from typing import TYPE_CHECKING, ClassVar

from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.screen import Screen
from textual.widgets import Static

from hamjournal.config import mask_url
from hamjournal.domain.dates import week_start
from hamjournal.errors import HamjournalError
from hamjournal.ui.actions import ACTIONS, NAVIGATION
from hamjournal.ui.messages import WeekLoaded
from hamjournal.ui.screens.base import JournalScreen
from hamjournal.ui.screens.plan_editing import PlanEditing
from hamjournal.ui.widgets.app_header import AppHeader
from hamjournal.ui.widgets.key_footer import KeyFooter
from hamjournal.ui.widgets.labels import compact_label
from hamjournal.ui.worker_failures import notify_failure

if TYPE_CHECKING:
    # Type names only: the domain (and the services) load in the journal worker, after the first paint.
    from hamjournal.domain.week import DayEntry, WeekView

EMPTY_HINT = (
    "Your journal is empty.\n\n"
    "Press l to log a session, p for a check-in, r for a run; or run `hamjournal demo` to explore.\n\n"
    "? lists every key."
)

# From this width the footer also shows "^p palette".
WIDE_FOOTER = 100

# Keys that work before the journal is open: they only move the selection or show help.
ALWAYS_ALLOWED = {"previous_day", "next_day", "previous_entry", "next_entry", "previous_week", "next_week", "today"}


def week_line(week: WeekView, width: int | None = None, due: bool = False) -> str:
    """ "Week of 23 Nov 2026 · 3 done · 1 missed · 4 planned", then skipped, on hold and a due reassessment when
    there are any; in shorter words when `width` is too narrow for it all, so nothing is cut off at 80 columns."""
    counts = week.counts()
    forms: list[str] = []
    for date, hold, test in (
        (f"Week of {week.start.day} {week.start:%b %Y}", "on hold (stop)", "reassessment due (A)"),
        (f"Week of {week.start.day} {week.start:%b}", "on hold", "reassessment due (A)"),
        (f"{week.start.day} {week.start:%b}", "on hold", "test due (A)"),
    ):
        parts = [date, f"{counts['done']} done", f"{counts['missed']} missed", f"{counts['planned']} planned"]
        if counts["skipped"]:
            parts.append(f"{counts['skipped']} skipped")
        if counts["on_hold"]:
            parts.append(f"{counts['on_hold']} {hold}")
        if due:
            parts.append(test)
        forms.append(" · ".join(parts))
    return next((form for form in forms if width is None or len(form) <= width), forms[-1])


class WeekScreen(PlanEditing, JournalScreen[None]):
    """The hub: the calendar, the detail pane and the keys that open every dialog."""

    # Its styles (week.tcss) are loaded with the app's, see HamJournalApp.CSS_PATH.
    BINDINGS: ClassVar[list[BindingType]] = [
        *(Binding(key, action, text, show=False) for key, action, text in NAVIGATION),
        *(action.binding() for action in ACTIONS),
    ]

    def __init__(self, today: dt.date) -> None:
        super().__init__()
        self.start = week_start(today)
        self.day_index = today.weekday()
        self.entry_index = 0
        self.week: WeekView | None = None
        self.reassessment_due: dt.date | None = None  # when a reassessment became due, once read
        self._due_shown: dt.date | None = None  # the week whose line says a reassessment is due
        self.empty = False
        self._body_mounted = False

    def compose(self) -> ComposeResult:
        # The first frame is the frame alone: the calendar, the detail pane and the advice strip are mounted
        # once the journal is open (see _mount_body), so nothing is laid out or drawn twice at start-up.
        yield AppHeader()
        yield Static(f"Opening {mask_url(self.hj.location)} …", id="week-line")
        # The palette key's place is decided here for the terminal's width, so the first resize changes nothing.
        yield KeyFooter(show_command_palette=self.app.size.width >= WIDE_FOOTER)

    def on_mount(self) -> None:
        self.reload()

    def _mount_body(self) -> None:
        """The advice strip, the empty-journal hint, the calendar and the detail pane, below the week line."""
        if self._body_mounted:
            return
        self._body_mounted = True
        # Imported here: the first frame (before the journal opens) does not need them.
        from hamjournal.ui.widgets.advice_strip import AdviceStrip
        from hamjournal.ui.widgets.detail_pane import DetailPane
        from hamjournal.ui.widgets.week_grid import WeekGrid

        self.mount(
            AdviceStrip(id="advice-strip"),
            Static(EMPTY_HINT, id="empty-hint"),
            WeekGrid(id="days"),
            DetailPane(id="detail"),
            after="#week-line",
        )

    def on_resize(self) -> None:
        # At 80 columns the footer needs every cell for the keys; ctrl+p is listed in help (?) instead.
        self.query_one(KeyFooter).show_command_palette = self.size.width >= WIDE_FOOTER
        self._update_week_line()

    # -- reading the week (in a thread; results come back as a message) ---------------------------------

    def reload(self) -> None:
        """Read the shown week again (after a save, a delete or moving weeks)."""
        if self.hj.journal is not None:
            self._mount_body()  # laid out while the week is read
            self._read_week(self.start)

    @work(thread=True, exclusive=True, group="week", exit_on_error=False)
    def _read_week(self, start: dt.date) -> None:
        journal = self.hj.journal
        if journal is None:
            return
        with notify_failure(self, timeout=10):
            week = journal.week(start)
            empty = journal.is_empty()
            self.post_message(WeekLoaded(week, empty))

    @on(WeekLoaded)
    def _week_loaded(self, message: WeekLoaded) -> None:
        if message.week.start != self.start:
            return  # an older read finished after the runner moved on
        self.week = message.week
        self.empty = message.empty
        self._due_shown = None  # read again below, after a save too (a logged test is no longer due)
        self._update_week_line()
        self.set_class(self.empty, "-empty")
        self._draw()
        # After the grid's frame (its rules and queries would share the GIL with drawing the week): every save
        # and re-plan reads the week again, and so the advice.
        from hamjournal.ui.widgets.advice_strip import AdviceStrip

        self.call_after_refresh(self.query_one(AdviceStrip).load)
        if message.week.start <= message.week.today <= message.week.end:
            self.call_after_refresh(self._read_reassessment_due, message.week.start)

    @work(thread=True, exclusive=True, group="reassessment", exit_on_error=False)
    def _read_reassessment_due(self, start: dt.date) -> None:
        journal = self.hj.journal
        if journal is None:
            return
        try:
            due = journal.reassessment_due()
        except HamjournalError:
            return  # the week itself reports journal errors; this line is only a reminder
        if due is not None:
            self.app.call_from_thread(self._show_reassessment_due, start, due)

    def _show_reassessment_due(self, start: dt.date, due: dt.date) -> None:
        self.reassessment_due = due
        if self.week is None or self.week.start != start:
            return
        self._due_shown = start
        self._update_week_line()

    def _update_week_line(self) -> None:
        """The week line in words that fit the width (the Progress screen and `A` give a due test's date)."""
        if self.week is None:
            return
        line = self.query_one("#week-line", Static)
        due = self._due_shown == self.week.start
        line.update(week_line(self.week, self.size.width - line.styles.gutter.width, due))

    def _draw(self) -> None:
        if self.week is None:
            return
        from hamjournal.ui.widgets.detail_pane import DetailPane
        from hamjournal.ui.widgets.week_grid import WeekGrid

        day = self.week.days[self.day_index]
        self.entry_index = max(0, min(self.entry_index, len(day.entries) - 1))
        self.query_one(WeekGrid).show(self.week, self.day_index, self.entry_index)
        self.query_one(DetailPane).show(day, self.entry_index)
        self.hj.selected_day = day.date

    @property
    def selected_date(self) -> dt.date:
        """The highlighted day."""
        return self.start + dt.timedelta(days=self.day_index)

    @property
    def selected_entry(self) -> DayEntry | None:
        """The highlighted entry of the highlighted day, if the day has any."""
        if self.week is None or self.empty:
            return None
        entries = self.week.days[self.day_index].entries
        return entries[self.entry_index] if 0 <= self.entry_index < len(entries) else None

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action in ALWAYS_ALLOWED or action == "open_screen":
            return True
        # Logging waits for the journal to open; the key shows dimmed until then.
        return True if self.hj.journal is not None else None

    # -- moving around ------------------------------------------------------------------------------------

    def _show_week(self, start: dt.date, day_index: int) -> None:
        self.start = start
        self.day_index = day_index
        self.entry_index = 0
        self.hj.selected_day = self.selected_date
        if self.week is not None:
            self.query_one("#week-line", Static).update(f"Week of {start.day} {start:%b %Y} · reading …")
        self.reload()

    def action_previous_day(self) -> None:
        if self.day_index == 0:
            self._show_week(self.start - dt.timedelta(days=7), 6)
        else:
            self.day_index -= 1
            self.entry_index = 0
            self._draw()

    def action_next_day(self) -> None:
        if self.day_index == 6:
            self._show_week(self.start + dt.timedelta(days=7), 0)
        else:
            self.day_index += 1
            self.entry_index = 0
            self._draw()

    def action_previous_entry(self) -> None:
        self.entry_index = max(0, self.entry_index - 1)
        self._draw()

    def action_next_entry(self) -> None:
        self.entry_index += 1
        self._draw()

    def action_previous_week(self) -> None:
        self._show_week(self.start - dt.timedelta(days=7), self.day_index)

    def action_next_week(self) -> None:
        self._show_week(self.start + dt.timedelta(days=7), self.day_index)

    def action_today(self) -> None:
        today = self.hj.today()
        self._show_week(week_start(today), today.weekday())

    # -- logging ------------------------------------------------------------------------------------------

    def action_log_session(self) -> None:
        from hamjournal.ui.dialog_open import open_form
        from hamjournal.ui.screens.log_session import LogSessionDialog

        open_form(self, LogSessionDialog(self.selected_date, plan_id=self._plan_to_log()))

    def action_check_in(self) -> None:
        from hamjournal.ui.dialog_open import open_form
        from hamjournal.ui.screens.check_in import CheckInDialog

        open_form(self, CheckInDialog(self.selected_date))

    def action_log_run(self, kind: str | None = None) -> None:
        from hamjournal.ui.dialog_open import open_form
        from hamjournal.ui.screens.log_run import LogRunDialog

        open_form(self, LogRunDialog(self.selected_date, kind=kind or self._planned_run_kind()))

    def _planned_run_kind(self) -> str | None:
        """The kind of the day's run on the runner's week (long, hard, easy) when none is logged yet."""
        from hamjournal.domain.week import expected_run_kind

        day = None if self.week is None or self.empty else self.week.days[self.day_index]
        entry = next((e for e in day.entries if e.kind == "expected-run"), None) if day else None
        return expected_run_kind(entry) if entry is not None else None

    def _plan_to_log(self) -> int | None:
        """The plan item to prefill from: the selected one, else the day's first not yet done."""
        from hamjournal.domain.week import DONE, ON_HOLD  # loaded with the week's data, after the first paint

        def loggable(entry: DayEntry | None) -> bool:
            # A planned test is logged in the reassessment dialog (Enter or A), not as a session.
            return (entry is not None and entry.kind == "plan" and entry.status not in (DONE, ON_HOLD)
                    and entry.planned_kind != "assessment")

        entry = self.selected_entry
        if entry is not None and loggable(entry):
            return entry.ref_id
        if self.week is None or self.empty:
            return None
        for candidate in self.week.days[self.day_index].entries:
            if loggable(candidate):
                return candidate.ref_id
        return None

    def action_play_tempo(self) -> None:
        from hamjournal.domain.week import ON_HOLD
        from hamjournal.ui.screens.tempo_player import play_planned

        entry = self.selected_entry
        if entry is not None and entry.status == ON_HOLD:
            # A stop holds every loading session until a professional's all-clear: the player does not start it.
            self.notify("On hold: the advice says stop. See a physiotherapist or doctor before loading the "
                        "hamstrings again.", severity="warning")
            return
        play_planned(self, self.selected_date, self._plan_to_log())

    def action_edit_entry(self) -> None:
        entry = self.selected_entry
        if entry is None:
            self.notify("Nothing to edit on this day: l logs a session, p a check-in, r a run.")
            return
        from hamjournal.domain.week import expected_run_kind
        from hamjournal.ui.dialog_open import open_form

        day = self.selected_date
        if entry.session_id is not None:
            from hamjournal.ui.screens.log_session import LogSessionDialog

            open_form(self, LogSessionDialog(day, session_id=entry.session_id))
        elif entry.kind == "plan" and entry.planned_kind == "assessment":
            # A planned reassessment is logged in the reassessment dialog, not as a session.
            from hamjournal.ui.screens.assessment import AssessmentDialog

            open_form(self, AssessmentDialog(day=min(day, self.hj.today())))
        elif entry.kind == "plan":
            self.action_log_session()
        elif entry.kind == "check-in":
            from hamjournal.ui.screens.check_in import CheckInDialog

            open_form(self, CheckInDialog(day, log_id=entry.ref_id))
        elif entry.kind == "run":
            from hamjournal.ui.screens.log_run import LogRunDialog

            open_form(self, LogRunDialog(day, run_id=entry.ref_id))
        elif entry.kind == "expected-run":
            self.action_log_run(expected_run_kind(entry))
        elif entry.kind == "assessment":
            self.notify("A logged test is not edited: x deletes it, A logs it again.")

    def action_delete_entry(self) -> None:
        entry = self.selected_entry
        if entry is None:
            self.notify("Nothing to delete on this day.")
            return
        target = _deletable(entry)
        if target is None:
            self.notify(f"{compact_label(entry)} is planned, not logged: there is nothing to delete.")
            return
        from hamjournal.ui.screens.confirm import ConfirmDialog

        day = self.selected_date
        what = compact_label(entry) if entry.exercise else entry.label
        question = f"Delete {what} on {day:%a} {day.day} {day:%b}?"

        def answered(yes: bool | None) -> None:
            if yes:
                self._delete(*target, f"Deleted {what} on {day:%a} {day.day} {day:%b}")

        self.app.push_screen(ConfirmDialog(question), answered)

    @work(thread=True, group="write", exit_on_error=False)
    def _delete(self, kind: str, entry_id: int, revision: int | None, summary: str) -> None:
        from hamjournal.ui.messages import JournalChanged

        journal = self.hj.journal
        if journal is None:
            return
        with notify_failure(self, timeout=10):
            journal.delete_entry(kind, entry_id, revision)
            self.app.post_message(JournalChanged(summary))

    def action_open_screen(self, target: str) -> None:
        """Open a screen registered in actions.ACTIONS, importing its module on first use."""
        from hamjournal.ui.screens.form import FormDialog

        module_name, _, class_name = target.partition(":")
        screen_class: type[Screen[object]] = getattr(importlib.import_module(module_name), class_name)
        read_first = getattr(screen_class, "read_first", None)
        if read_first is not None:
            from hamjournal.ui.dialog_open import open_dialog

            open_dialog(self, read_first, screen_class)  # its data read first, the keys typed meanwhile held
            return
        if getattr(screen_class, "KEPT", False):
            from hamjournal.ui.kept_screens import open_kept

            open_kept(self.app, screen_class, target)  # built once, shown again on later visits
            return
        screen = screen_class()
        if isinstance(screen, FormDialog):
            from hamjournal.ui.dialog_open import open_form

            open_form(self, screen)  # its values read first, the keys typed meanwhile held for it
        else:
            self.app.push_screen(screen)


def _deletable(entry: DayEntry) -> tuple[str, int, int | None] | None:
    """(kind, id, revision read) for JournalService.delete_entry, or None for planned and expected items."""
    if entry.session_id is not None:
        return "session", entry.session_id, entry.revision
    if entry.kind in ("check-in", "run", "assessment") and entry.ref_id is not None:
        return entry.kind, entry.ref_id, entry.revision
    return None
