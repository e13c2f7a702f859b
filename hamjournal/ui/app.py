"""HamJournalApp: paints the frame, opens the journal in a worker, and routes saves back to the week."""

from __future__ import annotations

import asyncio
import datetime as dt
import gc
import os
from collections.abc import Callable, Iterable
from functools import partial
from typing import TYPE_CHECKING

from rich.text import Text
from textual import on, work
from textual.app import App, SystemCommand
from textual.screen import Screen

from hamjournal import config
from hamjournal.domain.errors import InvalidInput
from hamjournal.errors import HamjournalError
from hamjournal.ui.actions import palette_actions
from hamjournal.ui.messages import JournalChanged, JournalFailed, JournalOpened, WeekLoaded
from hamjournal.ui.screens.week import WeekScreen
from hamjournal.ui.textual_fixes import fix_styles_cache_leak
from hamjournal.ui.widgets.size_guard import MIN_HEIGHT, MIN_WIDTH
from hamjournal.ui.worker_failures import notify_failure
from hamjournal.ui.worker_threads import FreshContextExecutor

if TYPE_CHECKING:
    from hamjournal.services import JournalService

# Before any widget is drawn: without it every screen visit left its drawing behind (see textual_fixes).
fix_styles_cache_leak()

# Seconds after start-up by which the cycle collector is on again even if no week was shown.
GC_RESUME_S = 10.0

# Set to 0 to stop the text cursor blinking (tests and screenshots set it, so pictures are stable).
ENV_CURSOR_BLINK = "HAMJOURNAL_CURSOR_BLINK"


def cursor_blink_from_env() -> bool:
    """False when HAMJOURNAL_CURSOR_BLINK is 0 / false / no."""
    return os.environ.get(ENV_CURSOR_BLINK, "1").strip().lower() not in ("0", "false", "no")


class HamJournalApp(App[None]):
    """The journal in the terminal: the week screen and its dialogs."""

    TITLE = "hamjournal"
    # The week screen's styles load with the app's: a screen's own CSS_PATH makes Textual parse every stylesheet
    # again when the screen is first shown, which at start-up cost the first paint a second parse of them all.
    CSS_PATH = ["app.tcss", "screens/week.tcss"]
    # Screens get these classes; app.tcss swaps the layout for a message below 80x24.
    HORIZONTAL_BREAKPOINTS = [(0, "-too-narrow"), (MIN_WIDTH, "-normal"), (120, "-wide")]
    VERTICAL_BREAKPOINTS = [(0, "-too-short"), (MIN_HEIGHT, "-tall")]

    def __init__(
        self,
        location: str,
        athlete: str | None = None,
        *,
        clock: Callable[[], dt.datetime] = dt.datetime.now,
        cursor_blink: bool | None = None,
        onboard: bool = True,
        replan: bool = True,
    ) -> None:
        super().__init__()
        self.onboard = onboard  # ask the profile questions when the journal is new
        self.replan_on_change = replan  # redo the plan after every save (tests of the week's own logic turn it off)
        self.location = location
        self.athlete = athlete
        self.clock = clock
        self.cursor_blink = cursor_blink_from_env() if cursor_blink is None else cursor_blink
        self.journal: JournalService | None = None
        self._dialogs_warm = False
        self.selected_day = self.today()
        self.sub_title = location
        # The exit message is one line that scripts can grep: neither wrapped nor cropped to the terminal.
        self.error_console.soft_wrap = True

    def today(self) -> dt.date:
        """Today (HAMJOURNAL_TODAY when set); a bad value is reported by the journal worker."""
        try:
            return config.today()
        except InvalidInput:
            return dt.date.today()

    def on_load(self) -> None:
        # Before any worker starts: see FreshContextExecutor for why the pool is ours.
        asyncio.get_running_loop().set_default_executor(FreshContextExecutor(thread_name_prefix="hamjournal"))

    def on_mount(self) -> None:
        # Paint first: the week screen shows "Opening …" while the journal (and sqlalchemy) load in a thread.
        self.push_screen(WeekScreen(self.today()))

    def on_ready(self) -> None:
        # Ready comes with the first layout, whose frame the screen draws next in its own queue: the journal
        # thread is queued behind that frame. Started earlier, its imports (sqlalchemy) would share the GIL with
        # the first paint and delay it.
        self.screen.call_later(self._open_journal)
        # Should the first week never arrive (the journal reported an error), the collector comes back anyway.
        self.set_timer(GC_RESUME_S, self.resume_gc)

    @work(thread=True, exit_on_error=False)
    def _open_journal(self) -> None:
        from hamjournal.services import JournalService

        try:
            config.today()  # a bad HAMJOURNAL_TODAY is a message, not a traceback
            journal = JournalService.open(self.location, athlete=self.athlete, any_athlete=True)
        except HamjournalError as error:
            self.post_message(JournalFailed(str(error)))
            return
        self.post_message(JournalOpened(journal))
        if self.onboard and not journal.is_onboarded() and journal.is_empty():
            from hamjournal.ui.screens.onboarding import OnboardingScreen

            self.call_from_thread(self.push_screen, OnboardingScreen())

    def resume_gc(self) -> None:
        """Turn the cycle collector back on when the command line started the app without it.

        What start-up built (modules, classes, the first screen) stays for the whole session: frozen, the
        collector never walks it again, so its pauses stay short whatever was loaded.
        """
        if not gc.isenabled():
            gc.freeze()
            gc.enable()

    @on(WeekLoaded)
    def _week_shown(self) -> None:
        # Once the first week is on screen (earlier, the imports would share the GIL with reading and drawing it).
        if not self._dialogs_warm:
            self.resume_gc()
            self._dialogs_warm = True
            self.call_after_refresh(self._warm_dialogs)
            self.call_after_refresh(self._daily_backup)

    @work(thread=True, exit_on_error=False, group="backup")
    def _daily_backup(self) -> None:
        # Once the week is drawn, so the copy never delays the first screen; a failure only warns.
        if self.journal is None:
            return
        with notify_failure(self, "Today's backup was not made: ", severity="warning"):
            self.journal.daily_backup()

    @work(thread=True, exit_on_error=False)
    def _warm_dialogs(self) -> None:
        # Warm the dialogs' modules off the UI thread, so the first `p` opens (and takes keys) at once.
        import hamjournal.ui.screens.check_in
        import hamjournal.ui.screens.log_run
        import hamjournal.ui.screens.log_session  # noqa: F401

    @on(JournalFailed)
    def _journal_failed(self, message: JournalFailed) -> None:
        # Never go on with a file we could not open: the message is printed to stderr after the app exits.
        self.exit(return_code=1, message=Text(message.message))

    @on(JournalOpened)
    def _journal_opened(self, message: JournalOpened) -> None:
        self.journal = message.journal
        self.journal.auto_replan = self.replan_on_change
        self.sub_title = message.journal.heading
        for screen in self._week_screens():
            screen.reload()
            screen.refresh_bindings()

    @on(JournalChanged)
    def _journal_changed(self, message: JournalChanged) -> None:
        # The service re-planned from tomorrow when it saved (today's items stay): only the weeks are read again.
        self.notify(message.summary)
        self._reload_weeks()

    def _reload_weeks(self) -> None:
        for screen in self._week_screens():
            screen.reload()

    def _week_screens(self) -> list[WeekScreen]:
        return [screen for screen in self.screen_stack if isinstance(screen, WeekScreen)]

    def get_system_commands(self, screen: Screen[object]) -> Iterable[SystemCommand]:
        yield from super().get_system_commands(screen)
        if isinstance(screen, WeekScreen):
            for action in palette_actions():
                yield SystemCommand(action.title, action.help, partial(screen.run_action, action.action))

    def on_unmount(self) -> None:
        if self.journal is not None:
            self.journal.close()
