"""AppHeader: Textual's Header that lets go of the app when its screen closes."""

from __future__ import annotations

from textual import events, on
from textual.widgets import Header

# Where textual.reactive keeps the callbacks registered with `watch` (textual 8.x, pinned in pyproject.toml).
_WATCHERS_ATTRIBUTE = "__watchers"


class AppHeader(Header):
    """The title bar of every screen.

    Textual's Header watches the app's title and sub-title and never unregisters: the app keeps every closed
    screen's header (and through it the whole screen) alive until its title next changes, which in this app
    is almost never. Each visit of the library, the advice or a chart added a screen's worth of objects to
    memory and to every later garbage collection. This header removes its callbacks when it is unmounted.
    """

    @on(events.Unmount)
    def _stop_watching_the_app(self) -> None:
        watchers: dict[str, list[tuple[object, object]]] = getattr(self.app, _WATCHERS_ATTRIBUTE, {})
        for name in ("title", "sub_title"):
            if name in watchers:
                watchers[name][:] = [(node, callback) for node, callback in watchers[name] if node is not self]
