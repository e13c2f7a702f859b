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
