"""The dose tables: each exercise's ordered dose levels within a ladder step, easiest first.

Plain data the exercise records in `exercises.py` point at; the moves between levels are in `doses.py`. The
Nordic follows Petersen 2011; the other doses are the reference's typical doses (conv.).
"""

from __future__ import annotations

from dataclasses import dataclass

from hamjournal.domain.models import Prescription

# The citation of every dose table without its own (an Exercise's default `dose_source`).
CONVENTION_SOURCE = "typical doses (conv.)"


@dataclass(frozen=True)
class DoseLevel:
    """One rung of dose within a ladder step; `hold_s` is set for isometric holds."""

    sets: int
    reps: tuple[int, ...]
    sessions_per_week: int
    label: str
    hold_s: int | None = None

    def prescription(self, tempo: str | None = None) -> Prescription:
        """This level as a Prescription."""
        return Prescription(sets=self.sets, reps=self.reps, hold_s=self.hold_s, tempo=tempo)


def _level(sets: int, reps: int, per_week: int, label: str) -> DoseLevel:
    return DoseLevel(sets, (reps,) * sets, per_week, label)


def _hold(sets: int, seconds: int, per_week: int) -> DoseLevel:
    return DoseLevel(sets, (1,) * sets, per_week, f"{sets} x {seconds} s", seconds)


def _count(count: int, per_week: int, distance: str) -> DoseLevel:
    return DoseLevel(1, (count,), per_week, f"{count} x {distance}")


NORDIC_MAINTENANCE = DoseLevel(3, (12, 10, 8), 1, "maintenance: 1 session a week of 12/10/8")

NORDIC = (
    DoseLevel(2, (5, 5), 1, "Petersen week 1: 1 session of 2x5"),
    DoseLevel(2, (6, 6), 2, "Petersen week 2: 2 sessions of 2x6"),
    DoseLevel(3, (6, 6, 6), 3, "Petersen week 3: 3 sessions of 3x6-8 (6)"),
    DoseLevel(3, (8, 8, 8), 3, "Petersen weeks 3-4: 3 sessions of 3x8"),
    DoseLevel(3, (10, 10, 10), 3, "Petersen week 4: 3 sessions of 3x8-10 (10)"),
    DoseLevel(3, (12, 10, 8), 3, "Petersen weeks 5-10: 3 sessions of 12/10/8"),
)
# Single-leg RDL and other hinges: 2-3 x 6-10 with about 3 s lowering (conv.).
HINGE = (
    _level(2, 6, 2, "2x6"), _level(2, 8, 2, "2x8"), _level(2, 10, 2, "2x10"),
    _level(3, 8, 2, "3x8"), _level(3, 10, 2, "3x10"),
)
# Loaded knee/hip work: 2-3 x 4-8 (conv.).
SPLIT_SQUAT = (_level(2, 6, 2, "2x6"), _level(2, 8, 2, "2x8"), _level(3, 6, 2, "3x6"), _level(3, 8, 2, "3x8"))
# Bodyweight bridges need more reps than the 4-8 of loaded work to be a stimulus (conv.).
BRIDGE = (_level(2, 8, 2, "2x8"), _level(2, 10, 2, "2x10"), _level(3, 10, 2, "3x10"), _level(3, 12, 2, "3x12"))
ISO = (_hold(3, 30, 2), _hold(3, 45, 2), _hold(4, 45, 2), _hold(5, 45, 2))
ASKLING = (_level(1, 6, 3, "1x6"), _level(2, 8, 3, "2x8"), _level(3, 10, 3, "3x10"), _level(3, 12, 3, "3x12"))
CALF = (_level(2, 10, 2, "2x10"), _level(2, 12, 2, "2x12"), _level(3, 12, 2, "3x12"), _level(3, 15, 2, "3x15"))
STRIDES = tuple(_count(n, 2, "~100 m") for n in (4, 5, 6, 7, 8))
ACCELERATIONS = tuple(_count(n, 1, "10-15 s uphill") for n in (4, 5, 6))
