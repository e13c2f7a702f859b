"""The app's patch of Textual's Strip.apply_filter: a line filter that changes nothing keeps the strip."""

from __future__ import annotations

from rich.segment import Segment
from textual.color import Color
from textual.strip import Strip

import hamjournal.ui.app  # noqa: F401  (applies the fixes, as running the app does)
from hamjournal.ui.visible_filter import VisibleText

BACKGROUND = Color(0, 0, 0)


def test_a_line_without_control_characters_keeps_its_strip() -> None:
    strip = Strip([Segment("Nordic 3x6 · incline")])
    assert strip.apply_filter(VisibleText(), BACKGROUND) is strip


def test_a_line_with_an_escape_gets_a_new_strip_of_the_same_width() -> None:
    text = "note \x1b[2J"
    strip = Strip([Segment(text)])
    filtered = strip.apply_filter(VisibleText(), BACKGROUND)
    assert filtered is not strip
    assert "\x1b" not in filtered.text and "␛" in filtered.text
    assert filtered.cell_length == strip.cell_length
    assert strip.apply_filter(VisibleText(), BACKGROUND).text == filtered.text
