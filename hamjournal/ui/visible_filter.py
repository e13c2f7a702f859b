"""Every line the app draws passes through `visible`: user text can show control characters, never send them.

A note, race name or athlete name can hold ESC sequences (a screen wipe, a clipboard write); a widget that
shows user text would pass them to the terminal as they are. Rather than trust every widget to remember, the
app adds this line filter to Textual's own (see HamJournalApp.get_line_filters): it runs on each rendered line,
after layout, so it covers every widget, notification and header. Textual's own escape sequences are made by
the driver from styles, never carried in segment text, so only user text is touched. A control picture takes
a cell where the control character took none: the line is cut back to its laid-out width.
"""

from __future__ import annotations

from rich.segment import Segment
from textual.color import Color
from textual.filter import LineFilter

from hamjournal.domain.safe_text import is_visible, visible


class VisibleText(LineFilter):
    """Shows control characters in rendered text (ESC as "␛") instead of sending them to the terminal."""

    def apply(self, segments: list[Segment], background: Color) -> list[Segment]:
        """The line with control characters shown, at its original width."""
        if all(is_visible(segment.text) for segment in segments):
            return segments
        width = Segment.get_line_length(segments)
        shown = [Segment(visible(text), style, control) for text, style, control in segments]
        return list(Segment.adjust_line_length(shown, width))
