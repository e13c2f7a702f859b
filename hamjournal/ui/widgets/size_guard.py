"""The message shown instead of a squeezed layout when the terminal is below 80x24."""

from __future__ import annotations

from textual.widget import Widget

MIN_WIDTH = 80
MIN_HEIGHT = 24


def too_small_message(width: int, height: int) -> str:
    """ "hamjournal needs a terminal of at least 80x24 (now 70x20)"."""
    return f"hamjournal needs a terminal of at least {MIN_WIDTH}x{MIN_HEIGHT} (now {width}x{height})"


class SizeGuard(Widget):
    """Hidden unless the screen carries a too-small class (see App.HORIZONTAL_BREAKPOINTS and app.tcss).

    Every screen mounts one, so whatever was open stays open underneath and comes back on resize.
    """

    def render(self) -> str:
        width, height = self.app.size
        return too_small_message(width, height)

    def on_resize(self) -> None:
        self.refresh()
