"""Is a recorded run in the journal already? (Re-importing a folder must add nothing.)

A run from a file matches a stored run when
- both have a start time: the starts are within SAME_START_S and the distances within SAME_DISTANCE_FRACTION;
- the stored run was typed (it has no start time): it is on the same local date and its distance is within
  SAME_DISTANCE_FRACTION, or, when it was typed without a distance, its minutes are within
  SAME_MINUTES_FRACTION.
Where one side has no distance, minutes decide (within SAME_MINUTES_FRACTION).
"""

from __future__ import annotations

from collections.abc import Iterable

from hamjournal.domain.models import Run
from hamjournal.domain.recording import thresholds as th


def find_same_run(candidate: Run, stored: Iterable[Run]) -> Run | None:
    """The stored run that is `candidate` recorded (or typed) before, or None."""
    for run in stored:
        if same_run(candidate, run):
            return run
    return None


def same_run(candidate: Run, stored: Run) -> bool:
    """True when `stored` is the same run as `candidate` (see the module's rules)."""
    if candidate.start is not None and stored.start is not None:
        if abs((candidate.start - stored.start).total_seconds()) > th.SAME_START_S.value:
            return False
    elif candidate.date != stored.date:
        return False
    if candidate.distance_km is not None and stored.distance_km is not None:
        return _within(candidate.distance_km, stored.distance_km, th.SAME_DISTANCE_FRACTION.value)
    return _within(candidate.minutes, stored.minutes, th.SAME_MINUTES_FRACTION.value)


def _within(a: float, b: float, fraction: float) -> bool:
    return abs(a - b) <= fraction * max(abs(a), abs(b))
