"""Import runs (i): what is new in the profile's watch folder, with a progress bar, then a summary."""

from __future__ import annotations

from pathlib import Path

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.widgets import ProgressBar, Static

from hamjournal.errors import HamjournalError
from hamjournal.ui.messages import JournalChanged
from hamjournal.ui.screens.base import JournalModal
from hamjournal.ui.worker_threads import run_past_close

NO_FOLDER = "No watch folder in your profile yet: press P and fill in 'Watch folder' (a watch or export folder)"


class ImportRunsScreen(JournalModal[None]):
    """Reads the profile's watch folder in a worker; the bar advances a file at a time; Esc hides the dialog
    (the import goes on and still reports)."""

    CSS_PATH = "import_runs.tcss"
    BINDINGS = [Binding("escape", "dismiss_dialog", "Hide", show=False)]

    def compose(self) -> ComposeResult:
        with Vertical(id="import-runs"):
            yield Static("Import runs from the watch folder", id="import-title")
            yield Static("Looking for watch files…", id="import-status")
            yield ProgressBar(id="import-bar", show_eta=False)

    def on_mount(self) -> None:
        self._import()

    def _import(self) -> None:
        run_past_close(self, self._read_folder, "import-runs")

    def _read_folder(self) -> None:
        journal = self.hj.journal
        if journal is None:
            return
        try:
            folder = journal.profile().watch_folder
            if not folder:
                self.app.call_from_thread(self._finish, NO_FOLDER, False)
                return
            self.app.call_from_thread(self._status, f"Reading {folder}")
            report = journal.import_runs([Path(folder)], progress=self._progress_from_thread)
        except HamjournalError as error:
            self.app.call_from_thread(self._finish, str(error), False)
            return
        summary = report.summary()
        if report.refused:
            path, reason = report.refused[0]
            summary += f". Refused: {path.name}: {reason}"
            if len(report.refused) > 1:
                summary += f" (and {len(report.refused) - 1} more: `hamjournal import-runs` lists them)"
        self.app.call_from_thread(self._finish, summary, bool(report.added))

    def _progress_from_thread(self, done: int, total: int) -> None:
        self.app.call_from_thread(self._progress, done, total)

    def _progress(self, done: int, total: int) -> None:
        if not self.is_attached:  # hidden with Esc: the import goes on without a bar
            return
        self.query_one(ProgressBar).update(total=total, progress=done)
        self._status(f"{done} of {total} files read")

    def _status(self, text: str) -> None:
        if not self.is_attached:
            return
        self.query_one("#import-status", Static).update(text)

    def _finish(self, summary: str, changed: bool) -> None:
        if changed:
            self.app.post_message(JournalChanged(summary))
        else:
            self.app.notify(summary)
        if self.is_attached and self.app.screen is self:
            self.dismiss(None)

    def action_dismiss_dialog(self) -> None:
        """Hide the dialog; the worker goes on and its summary still arrives."""
        self.dismiss(None)
