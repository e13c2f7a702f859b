"""The tempo player's stopwatch: elapsed seconds from an injected clock, with pause and jumps.

The player never counts ticks; it asks this stopwatch how long the set has run and asks `tempo.phase_at`
what that means. A slow tick or a busy machine can therefore only delay a repaint, never the count.
"""

from __future__ import annotations

from collections.abc import Callable


class Stopwatch:
    """Seconds since start, minus the time spent paused, plus any jumps (skips)."""

    def __init__(self, clock: Callable[[], float]) -> None:
        self._clock = clock
        self._origin = clock()
        self._paused_at: float | None = None

    @property
    def paused(self) -> bool:
        """True while the count is frozen."""
        return self._paused_at is not None

    def elapsed(self) -> float:
        """Seconds counted so far; frozen while paused."""
        now = self._paused_at if self._paused_at is not None else self._clock()
        # Rounded to the microsecond: after pauses and skips the float sums land a hair before a phase
        # boundary (14.999999999 instead of 15), which would show the old phase with "0" left for a tick.
        return round(max(0.0, now - self._origin), 6)

    def pause(self) -> None:
        """Freeze the count (no-op when already paused)."""
        if self._paused_at is None:
            self._paused_at = self._clock()

    def resume(self) -> None:
        """Go on counting from where the pause froze it; the paused time is never counted."""
        if self._paused_at is not None:
            self._origin += self._clock() - self._paused_at
            self._paused_at = None

    def toggle(self) -> bool:
        """Pause or resume; returns True when now paused."""
        if self.paused:
            self.resume()
        else:
            self.pause()
        return self.paused

    def jump_to(self, elapsed_s: float) -> None:
        """Make `elapsed()` return `elapsed_s` now (skip forward, or back to the start of a rep)."""
        self._origin += self.elapsed() - elapsed_s
