"""AppHeader: Textual's Header that lets go of the app when its screen closes."""

from __future__ import annotations

from textual import events, on
from textual.content import Content
from textual.widgets import Header
from textual.widgets._header import HeaderTitle

# Where textual.reactive keeps the callbacks registered with `watch` (textual 8.x, pinned in pyproject.toml).
_WATCHERS_ATTRIBUTE = "__watchers"

# Cells of the header the title cannot use: the icon on the left and as much on the right (it is centred).
HEADER_SIDES = 16


def shorten_location(text: str, width: int) -> str:
    """A journal's path (or "athlete · path") in `width` cells: whole trailing folders after "…/", so the end
    (the file's name) always shows and nothing ends in a cut word. Unchanged when it fits or has no folders."""
    if len(text) <= width or "/" not in text:
        return text
    prefix, _, path = text.rpartition(" · ") if " · " in text else ("", "", text)
    lead = f"{prefix} · " if prefix else ""
    parts = path.split("/")
    for start in range(1, len(parts)):
        candidate = f"{lead}…/{'/'.join(parts[start:])}"
        if len(candidate) <= width:
            return candidate
    return f"{lead}{parts[-1]}"


class AppHeader(Header):
    """The title bar of every screen.

    Textual's Header watches the app's title and sub-title and never unregisters: the app keeps every closed
    screen's header (and through it the whole screen) alive until its title next changes, which in this app
    is almost never. Each visit of the library, the advice or a chart added a screen's worth of objects to
    memory and to every later garbage collection. This header removes its callbacks when it is unmounted.
    """

    def format_title(self) -> Content:
        """The app's title and the journal's location, the location shortened from the left to fit."""
        title, location = self.screen_title, self.screen_sub_title
        width = self.size.width - HEADER_SIDES
        if width > 0 and location:
            location = shorten_location(location, width - len(title) - len(" — "))
        return self.app.format_title(title, location)

    @on(events.Resize)
    def _fit_title(self) -> None:
        self.query_one(HeaderTitle).update(self.format_title())

    @on(events.Unmount)
    def _stop_watching_the_app(self) -> None:
        watchers: dict[str, list[tuple[object, object]]] = getattr(self.app, _WATCHERS_ATTRIBUTE, {})
        for name in ("title", "sub_title"):
            if name in watchers:
                watchers[name][:] = [(node, callback) for node, callback in watchers[name] if node is not self]
