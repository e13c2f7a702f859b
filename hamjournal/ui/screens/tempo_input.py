"""The small dialog behind T on the tempo player: type a new tempo (or hold length) and press Enter."""

from __future__ import annotations

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.widgets import Input, Static

from hamjournal.domain.errors import InvalidInput
from hamjournal.domain.library.sets import MAX_HOLD_S
from hamjournal.domain.library.tempo import ALLOWED, format_tempo, parse_tempo
from hamjournal.ui.screens.base import JournalModal


def parse_hold(text: str) -> int:
    """Seconds of a hold, "30" or "30s"; InvalidInput with what is allowed."""
    raw = text.strip().lower().removesuffix("s").strip()
    if not raw.isdigit() or not 1 <= int(raw) <= MAX_HOLD_S:
        raise InvalidInput(f"hold '{text}' not understood: write whole seconds from 1 to {MAX_HOLD_S}, e.g. 30", "hold")
    return int(raw)


class TempoDialog(JournalModal[str | None]):
    """Dismisses with the new tempo in notation ("5-0-1-0") or hold seconds ("45"), or None on Escape."""

    DEFAULT_CSS = """
    TempoDialog { align: center middle; }
    TempoDialog > Vertical {
        width: 60; height: auto; border: round $primary; background: $panel; padding: 0 1;
    }
    TempoDialog #tempo-error { color: $error; height: auto; }
    TempoDialog .hint { color: $text-muted; }
    """
    BINDINGS = [Binding("escape", "cancel", "Cancel")]

    def __init__(self, current: str, holds: bool) -> None:
        super().__init__()
        self.current = current
        self.holds = holds

    def compose(self) -> ComposeResult:
        with Vertical() as box:
            box.border_title = "Hold length (seconds)" if self.holds else "Tempo"
            # Empty with the current value as placeholder: typing replaces it, no selection to get wrong.
            yield Input(placeholder=f"{self.current} now", id="tempo-value", compact=True)
            yield Static("", id="tempo-error")
            hint = "Whole seconds, e.g. 45." if self.holds else ALLOWED[0].upper() + ALLOWED[1:] + "."
            yield Static(f"{hint}\nEnter plays it from the start of this rep · Esc keeps {self.current}",
                         classes="hint")

    def on_mount(self) -> None:
        self.query_one(Input).cursor_blink = False

    @on(Input.Submitted)
    def _submitted(self, event: Input.Submitted) -> None:
        event.stop()
        if not event.value.strip():
            self.dismiss(None)
            return
        try:
            value = str(parse_hold(event.value)) if self.holds else format_tempo(parse_tempo(event.value))
        except InvalidInput as error:
            self.query_one("#tempo-error", Static).update(error.message)
            return
        self.dismiss(value)

    def action_cancel(self) -> None:
        """Keep the tempo as it was."""
        self.dismiss(None)
