"""Full garbage collections while the runner is not typing, never inside the work a key started.

Python runs a full (oldest-generation) collection on its own after every tenth young one. In the app a full
collection walks everything the journal and the screens hold: 30-55 ms on a 10-year journal, measured with
`gc.callbacks` through a real terminal, and it landed inside a screen switch in about one switch in four,
which made that switch take twice as long. Here the app runs a full collection itself once nothing has been
typed for a moment, which resets Python's count, so its automatic one (kept as a backstop for a runner who
never pauses) rarely comes during a key's work.
"""

from __future__ import annotations

import gc
import time
from collections.abc import Callable

# Look for an idle moment this often (seconds).
IDLE_CHECK_S = 0.5
# No key or mouse event for this long (seconds) is an idle moment.
IDLE_AFTER_S = 0.75
# A full collection when idle, once this many young (generation 1) collections have run since the last full
# one: well before Python's own at 10, so the keys after a pause start from a count near zero.
FULL_AFTER_YOUNG = 3
# The backstop: Python's own full collection stays at its default (after 10 young collections since the last
# full one) for a runner who never pauses. Pushed further back, the garbage that waits for it raised the resident
# set: after 20 rounds of every screen with no pause (benchmarks/visits.py) 88 MB at 10 or 20, 95 MB at 30, 127 MB
# at 100. An idle collection resets the count, so with pauses the automatic one rarely falls inside a key's work.
BACKSTOP_AFTER_YOUNG = 10


class IdleCollector:
    """Moves full collections to idle moments; `input_seen` on every key, `tick` on a timer."""

    def __init__(
        self,
        clock: Callable[[], float] = time.monotonic,
        young_since_full: Callable[[], int] = lambda: gc.get_count()[2],
        collect: Callable[[], object] = gc.collect,
    ) -> None:
        self._clock = clock
        self._young_since_full = young_since_full
        self._collect = collect
        self._last_input = clock()
        self.collections = 0  # full collections run here (for tests and benchmarks)
        self._before: tuple[int, int, int] | None = None

    def start(self) -> None:
        """Push Python's own full collection back to the backstop (generations 0 and 1 as they were)."""
        self._before = gc.get_threshold()
        young, middle, _old = self._before
        gc.set_threshold(young, middle, BACKSTOP_AFTER_YOUNG)

    def stop(self) -> None:
        """Python's own thresholds again (the app is closing; a test process goes on)."""
        if self._before is not None:
            gc.set_threshold(*self._before)
            self._before = None

    def input_seen(self) -> None:
        """A key or mouse event: not idle now."""
        self._last_input = self._clock()

    def due(self) -> bool:
        """True when the runner has paused and enough young collections have run since the last full one."""
        if not gc.isenabled():  # start-up runs without the collector (see cli.main)
            return False
        idle = self._clock() - self._last_input >= IDLE_AFTER_S
        return idle and self._young_since_full() >= FULL_AFTER_YOUNG

    def tick(self) -> bool:
        """Run a full collection if one is due; True if it ran."""
        if not self.due():
            return False
        self._collect()
        self.collections += 1
        return True
