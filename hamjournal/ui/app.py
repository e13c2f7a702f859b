"""HamJournalApp: paints the frame, opens the journal in a worker, and routes saves back to the week."""

from __future__ import annotations

import asyncio
import datetime as dt
import gc
import os
from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING, Any

from rich.text import Text
from textual import events, on, work
from textual.app import App
from textual.binding import Binding
from textual.filter import LineFilter

from hamjournal import config
from hamjournal.domain.errors import InvalidInput
from hamjournal.domain.safe_text import visible
from hamjournal.errors import HamjournalError
from hamjournal.ui.idle_gc import IDLE_CHECK_S, IdleCollector
from hamjournal.ui.key_gate import PASS_THROUGH, GateBarrier, KeyGate
from hamjournal.ui.messages import JournalChanged, JournalFailed, JournalOpened, JournalUpdated, WeekLoaded
from hamjournal.ui.screens.week import WeekScreen
from hamjournal.ui.textual_fixes import fix_styles_cache_leak, keep_unfiltered_strips
from hamjournal.ui.vim_keys import VIM_BINDINGS, press_as
from hamjournal.ui.visible_filter import VisibleText
from hamjournal.ui.widgets.size_guard import MIN_HEIGHT, MIN_WIDTH
from hamjournal.ui.worker_failures import notify_failure
from hamjournal.ui.worker_threads import FreshContextExecutor

if TYPE_CHECKING:
    from textual.command import Provider
    from textual.screen import Screen
    from textual.timer import Timer

    from hamjournal.services import JournalService, JournalWatch

# One instance: Textual caches filtered lines per filter object.
VISIBLE_TEXT = VisibleText()

# Before any widget is drawn: without it every screen visit left its drawing behind (see textual_fixes).
fix_styles_cache_leak()
keep_unfiltered_strips()

# Seconds after start-up by which the cycle collector is on again even if no week was shown.
GC_RESUME_S = 10.0

# Set to 0 to stop the text cursor blinking (tests and screenshots set it, so pictures are stable).
ENV_CURSOR_BLINK = "HAMJOURNAL_CURSOR_BLINK"


def cursor_blink_from_env() -> bool:
    """False when HAMJOURNAL_CURSOR_BLINK is 0 / false / no."""
    return os.environ.get(ENV_CURSOR_BLINK, "1").strip().lower() not in ("0", "false", "no")


def screen_commands_provider() -> type[Provider]:
    """The palette's provider, imported when the palette first opens (textual.command is not needed before)."""
    from hamjournal.ui.palette import ScreenCommands

    return ScreenCommands


class HamJournalApp(App[None]):
    """The journal in the terminal: the week screen and its dialogs."""

    TITLE = "hamjournal"
    # The screen's own commands (with their keys) beside Textual's (theme, quit, screenshot).
    COMMANDS = App.COMMANDS | {screen_commands_provider}
    # The week screen's styles load with the app's: a screen's own CSS_PATH makes Textual parse every stylesheet
    # again when the screen is first shown, which at start-up cost the first paint a second parse of them all.
    CSS_PATH = ["app.tcss", "screens/week.tcss"]
    # Screens get these classes; app.tcss swaps the layout for a message below 80x24.
    HORIZONTAL_BREAKPOINTS = [(0, "-too-narrow"), (MIN_WIDTH, "-normal"), (120, "-wide")]
    VERTICAL_BREAKPOINTS = [(0, "-too-short"), (MIN_HEIGHT, "-tall")]
    # On every full screen: ? opens help on the keys of the screen it came from ("? more" in the footer).
    BINDINGS = [Binding("question_mark", "help", "Help", show=False, key_display="?"), *VIM_BINDINGS]

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
        self._watch: JournalWatch | None = None
        self._watch_timer: Timer | None = None
        self._dialogs_warm = False
        self.selected_day = self.today()
        # Keys typed while a dialog opens or saves wait here and then reach it in order (see key_gate).
        self.key_gate = KeyGate(self, self._take_key)
        # Full garbage collections wait for a pause in the typing (see idle_gc).
        self.idle_gc = IdleCollector()
        self._idle_timer: Timer | None = None
        # Keys typed before the journal is open (a runner who types `p` as the app starts) wait for it.
        self._opening = object()
        self.key_gate.close(self._opening)
        self.sub_title = config.mask_url(location)  # a URL's password never reaches the screen
        # The exit message is one line that scripts can grep: neither wrapped nor cropped to the terminal.
        self.error_console.soft_wrap = True

    def get_line_filters(self) -> Sequence[LineFilter]:
        """Textual's filters, then VisibleText: no rendered line sends user text's control characters."""
        return [*super().get_line_filters(), VISIBLE_TEXT]

    def today(self) -> dt.date:
        """Today (HAMJOURNAL_TODAY when set); a bad value is reported by the journal worker."""
        try:
            return config.today()
        except InvalidInput:
            return dt.date.today()

    async def on_event(self, event: events.Event) -> None:
        if isinstance(event, events.InputEvent):
            self.idle_gc.input_seen()
        if isinstance(event, events.Key) and not event.is_forwarded:
            if self.key_gate.hold(event):
                return
            await super().on_event(event)
            if event.key not in PASS_THROUGH:
                self.key_gate.sent()
            return
        await super().on_event(event)

    async def _take_key(self, event: events.Key) -> None:
        """A key the gate held, handled as if it had just been typed."""
        await super().on_event(event)

    def on_gate_barrier(self, message: GateBarrier) -> None:
        # Every key before the barrier has been handled (see key_gate.GateBarrier).
        message.then()

    def on_load(self) -> None:
        # Before any worker starts: see FreshContextExecutor for why the pool is ours.
        asyncio.get_running_loop().set_default_executor(FreshContextExecutor(thread_name_prefix="hamjournal"))

    def get_default_screen(self) -> Screen[Any]:
        """The week is the app's first screen itself, not pushed over an empty one: pushed, it cost the first
        paint an empty screen's layout, a second restyle and a second layout (9 layouts and 58 style passes
        before the first frame where a bare app has 1 and 22). It paints "Opening …" while the journal (and
        sqlalchemy) load in a thread."""
        return WeekScreen(self.today())

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

            profile = journal.profile()  # read here, so the questions show it from their first frame
            self.call_from_thread(self.push_screen, OnboardingScreen(profile))

    def resume_gc(self) -> None:
        """Turn the cycle collector back on when the command line started the app without it.

        What start-up built (modules, classes, the first screen) stays for the whole session: frozen, the
        collector never walks it again, so its pauses stay short whatever was loaded.
        """
        if not gc.isenabled():
            gc.freeze()
            gc.enable()
        if self._idle_timer is None:
            self.idle_gc.start()
            self._idle_timer = self.set_interval(IDLE_CHECK_S, self.idle_gc.tick)

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
        import hamjournal.ui.screens.assessment
        import hamjournal.ui.screens.check_in
        import hamjournal.ui.screens.log_run
        import hamjournal.ui.screens.log_session  # noqa: F401

        self.call_from_thread(self._warm_dialog_styles)

    def _warm_dialog_styles(self) -> None:
        # The dialogs' stylesheets, read once while the runner looks at the week: read when the first dialog is
        # pushed, they made Textual parse every stylesheet again between the key and the dialog.
        from hamjournal.ui.screens.assessment import AssessmentDialog
        from hamjournal.ui.screens.check_in import CheckInDialog
        from hamjournal.ui.screens.log_run import LogRunDialog
        from hamjournal.ui.screens.log_session import LogSessionDialog

        day = self.today()
        dialogs = (CheckInDialog(day), LogSessionDialog(day), LogRunDialog(day), AssessmentDialog())
        paths = [path for dialog in dialogs for path in dialog.css_path]
        new = [path for path in dict.fromkeys(paths) if not self.stylesheet.has_source(str(path), "")]
        for path in new:
            self.stylesheet.read(path)
        if new:
            self.stylesheet.reparse()
            self.stylesheet.update(self)

    @on(JournalFailed)
    def _journal_failed(self, message: JournalFailed) -> None:
        # Never go on with a file we could not open: the message is printed to stderr after the app exits.
        # Printed after the app exits, straight to the terminal: secrets masked, control characters shown.
        self.exit(return_code=1, message=Text(visible(config.mask_urls(message.message))))

    @on(JournalOpened)
    def _journal_opened(self, message: JournalOpened) -> None:
        self.journal = message.journal
        self.journal.auto_replan = self.replan_on_change
        self.sub_title = message.journal.heading
        for screen in self._week_screens():
            screen.reload()
            screen.refresh_bindings()
        self.key_gate.open(self._opening)
        self._start_watching(message.journal)

    # -- a live journal: writes made elsewhere, a file replaced by a restore ------------------------------

    def _start_watching(self, journal: JournalService) -> None:
        if self._watch is not None:
            self._watch.close()
        self._watch = journal.watch()
        interval = config.watch_interval()
        if interval > 0 and self._watch_timer is None:
            self._watch_timer = self.set_interval(interval, self._poll_in_thread)

    def _poll_in_thread(self) -> None:
        self.run_worker(self.check_journal, thread=True, group="watch", exclusive=True, exit_on_error=False)

    def check_journal(self) -> str:
        """Look once whether the journal changed elsewhere or was replaced; the screens follow if it did.

        Called about once a second in a worker (HAMJOURNAL_WATCH_S); tests call it directly.
        """
        from hamjournal.services import WATCH_SAME as SAME

        watch = self._watch
        if watch is None:
            return SAME
        try:
            how = watch.poll()
        except HamjournalError:
            return SAME  # the next save or read reports what is wrong with the journal
        if how != SAME:
            self.post_message(JournalUpdated(how))
        return how

    @on(JournalUpdated)
    def _journal_updated(self, message: JournalUpdated) -> None:
        from hamjournal.services import WATCH_REPLACED as REPLACED

        if message.how == REPLACED:
            self.notify(
                "The journal file was replaced (a restore?): reopened it, so what you see and save is the new one.",
                timeout=10,
            )
        self._reload_weeks()
        for screen in self.screen_stack:
            reload = getattr(screen, "journal_updated", None)
            if callable(reload):
                reload()

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

    def action_help(self) -> None:
        """Help, with the keys of the screen it is opened from first."""
        from hamjournal.ui.screens.help import HelpScreen

        if not isinstance(self.screen, HelpScreen):
            self.push_screen(HelpScreen(type(self.screen).__name__))

    async def action_press_as(self, key: str) -> None:
        """What `key` does on the current screen (j and k run Down and Up)."""
        await press_as(self.screen, key)


    def on_unmount(self) -> None:
        self.idle_gc.stop()
        if self._watch is not None:
            self._watch.close()
        if self.journal is not None:
            self.journal.close()
