"""Screens built once and kept between visits: the library, the advice and the charts.

Building one of these screens (its widgets, their styles, the first layout) cost more than the switch itself:
through a real terminal on the 10-year journal, the library took 41-65 ms to appear where the week switch took
34-46 ms, and 18-27 ms once the screen was kept (benchmarks/terminal.py). A kept screen is installed in the
app on its first visit and pushed again on the next; just before that, `revisit` brings it up to date (the
journal may have changed while it was hidden) and back to where a fresh screen would start. One instance per
screen per app, so memory does not grow with visits.
"""

from __future__ import annotations

from typing import Protocol, runtime_checkable

from textual.app import App
from textual.screen import Screen


@runtime_checkable
class Revisitable(Protocol):
    """A screen that can be shown again: `revisit` runs before each later visit's first frame."""

    def revisit(self) -> None:
        """Bring the screen up to date and back to its starting view."""


def open_kept(app: App[object], screen_class: type[Screen[object]], name: str) -> None:
    """Push the app's kept instance of `screen_class` (under `name`), building it on the first visit."""
    if app.is_screen_installed(name):
        screen = app.get_screen(name)
        if isinstance(screen, Revisitable):
            screen.revisit()
    else:
        app.install_screen(screen_class(), name)
    app.push_screen(name)
