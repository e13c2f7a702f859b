"""Athlete switcher (u): the journal's athletes in a small list; choosing one reopens the journal for them.

The switch itself (`switch_athlete`) is shared with the coach view: a worker opens the chosen athlete's
JournalService on the same engine, then the app is told (JournalOpened) and every week screen reads again.
"""

from __future__ import annotations

from functools import partial

from textual import on, work
from textual.app import App, ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.widgets import Label, OptionList
from textual.widgets.option_list import Option

from hamjournal.errors import HamjournalError
from hamjournal.ui.journal_access import journal_of
from hamjournal.ui.messages import JournalOpened
from hamjournal.ui.screens.base import JournalModal
from hamjournal.ui.vim_keys import VIM_BINDINGS
from hamjournal.ui.widgets.key_footer import KeyFooter
from hamjournal.ui.worker_failures import notify_failure


def switch_athlete(app: App[object], name: str) -> None:
    """Reopen the app's journal for athlete `name` in a worker; the week follows when it is open."""
    app.run_worker(partial(_reopen, app, name), thread=True, group="athlete", exclusive=True, exit_on_error=False)


def _reopen(app: App[object], name: str) -> None:
    hj = journal_of(app)
    journal = hj.journal
    if journal is None:
        return
    with notify_failure(app, timeout=10):
        # The old service shares the engine: it is dropped, not closed (closing would close the engine too).
        chosen = journal if journal.athlete == name else journal.for_athlete(name)
        hj.athlete = name
        app.post_message(JournalOpened(chosen))
        app.call_from_thread(app.notify, f"Showing {name}'s journal")


class AthleteSwitcher(JournalModal[str | None]):
    """Pick an athlete; dismisses with the name chosen (already being opened), or None on Esc."""

    CSS_PATH = "athlete_switcher.tcss"
    BINDINGS = [Binding("escape", "close", "Cancel"), *VIM_BINDINGS]

    def compose(self) -> ComposeResult:
        with Vertical(id="switcher") as box:
            box.border_title = "Athlete"
            box.border_subtitle = "Enter opens · Esc cancels"
            yield OptionList(id="athletes")
            yield Label("Reading the athletes …", id="switcher-hint")
        yield KeyFooter()

    def on_mount(self) -> None:
        self._load()

    @work(thread=True, exit_on_error=False)
    def _load(self) -> None:
        journal = self.hj.journal
        if journal is None:
            return
        try:
            names = [name for _, name in journal.store.athletes()]
        except HamjournalError as error:
            self.app.call_from_thread(self._show, [], str(error), None)
            return
        self.app.call_from_thread(self._show, names, "", journal.athlete)

    def _show(self, names: list[str], error: str, current: str | None) -> None:
        options = self.query_one(OptionList)
        options.add_options([Option(f"{name}  (open)" if name == current else name, id=name) for name in names])
        if current in names:
            options.highlighted = names.index(current)
        alone = "Only one athlete: `hamjournal athletes add NAME` adds more."
        hint = error or (alone if len(names) == 1 else f"{len(names)} athletes")
        self.query_one("#switcher-hint", Label).update(hint)
        options.focus()

    @on(OptionList.OptionSelected)
    def _chosen(self, event: OptionList.OptionSelected) -> None:
        name = event.option.id
        if name is None:
            return
        if self.hj.journal is not None and name != self.hj.journal.athlete:
            switch_athlete(self.app, name)
        self.dismiss(name)

    def action_close(self) -> None:
        """Back to the week, nothing changed."""
        self.dismiss(None)
