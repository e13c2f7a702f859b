"""A fix for a Textual bug that made every screen visit leave its rendered lines behind (textual 8.2, issue 6665).

`textual._styles_cache.StylesCache.get_inner_outer` is an instance method under `functools.lru_cache(1024)`: the
cache's keys hold the StylesCache of every widget ever drawn (up to 1024 of them), and each StylesCache holds
that widget's rendered strips. So a closed screen's widgets were freed but their drawings were not: about
12,000 objects per visit of the library, the advice or the charts, until 1024 widgets' worth had piled up.

The method's result depends only on the two colours, so the fix caches on the colours alone. It is applied once,
when the app module is imported, and only while Textual still has the bug (the method is still an lru_cache
wrapper taking the instance): once Textual fixes it upstream, this does nothing.
"""

from __future__ import annotations

from collections.abc import Callable
from functools import lru_cache
from typing import Any

from textual._styles_cache import StylesCache
from textual.color import Color

# The same size as Textual's own cache: colour pairs a theme uses are few.
INNER_OUTER_CACHE_SIZE = 1024


def fix_styles_cache_leak() -> bool:
    """Replace StylesCache.get_inner_outer with a colour-keyed cache; True when the fix was applied (or already)."""
    method: Any = StylesCache.__dict__.get("get_inner_outer")
    if getattr(method, "_hamjournal_fix", False):
        return True
    original: Callable[..., Any] | None = getattr(method, "__wrapped__", None)
    if original is None or not hasattr(method, "cache_info"):
        return False  # Textual changed the method: nothing of ours to fix

    @lru_cache(INNER_OUTER_CACHE_SIZE)
    def inner_outer(base_background: Color, background: Color) -> Any:
        # The body never reads the instance: None stands in for it, so no cache key keeps a widget's drawing.
        return original(None, base_background, background)

    def get_inner_outer(self: StylesCache, base_background: Color, background: Color) -> Any:
        return inner_outer(base_background, background)

    get_inner_outer._hamjournal_fix = True  # type: ignore[attr-defined]
    setattr(StylesCache, "get_inner_outer", get_inner_outer)  # noqa: B010 (the attribute is typed as the lru wrapper)
    method.cache_clear()  # what the old cache held is let go too
    return True


def keep_unfiltered_strips() -> bool:
    """Make `Strip.apply_filter` return the strip itself when the filter leaves its segments as they are.

    Textual builds a new Strip (seven small caches) for every line and every line filter, even when the filter
    changes nothing. The app's VisibleText filter (ui/visible_filter.py) runs on every line and changes almost
    none, so without this every dialog open built about twice the strips it draws (profiled: Strip.__init__ was
    the largest single cost of opening the reassessment dialog). A filter signals "unchanged" by returning the
    very list it was given; Textual's own filters always return new lists, so they behave as before. Applied once,
    when the app module is imported; returns False (doing nothing) if Textual's Strip no longer has the shape
    this relies on.
    """
    from textual.strip import Strip

    method: Any = Strip.__dict__.get("apply_filter")
    if getattr(method, "_hamjournal_fix", False):
        return True
    if method is None or "_filter_cache" not in getattr(Strip, "__slots__", ()):
        return False

    def apply_filter(self: Strip, filter: Any, background: Color) -> Strip:
        cached = self._filter_cache.get((filter, background))
        if cached is not None:
            return cached
        segments = filter.apply(self._segments, background)
        if segments is self._segments:
            return self  # unchanged: no new strip, and no cache entry pointing back at itself
        cached = Strip(segments, self._cell_length)
        self._filter_cache[(filter, background)] = cached
        return cached

    apply_filter._hamjournal_fix = True  # type: ignore[attr-defined]
    setattr(Strip, "apply_filter", apply_filter)  # noqa: B010
    return True
