"""What an exercise record is: the Exercise and its ladder's Steps (the records themselves are in
exercise_records.py, the lookups in exercises.py)."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from hamjournal.domain.errors import InvalidInput
from hamjournal.domain.library.dose_tables import CONVENTION_SOURCE, DoseLevel
from hamjournal.domain.library.guides import Guide

if TYPE_CHECKING:
    from hamjournal.domain.library.pose import Movement


@dataclass(frozen=True)
class Step:
    """One rung of an exercise's ladder."""

    slug: str
    name: str
    change: str


@dataclass(frozen=True, kw_only=True)
class Exercise:
    """An exercise the journal knows: identity, names, kind of work, ladder, doses, coaching text and demo movement."""

    slug: str
    name: str
    short_name: str  # a few letters for an eleven-column day of the week grid: "Nordic", "SL RDL"
    kind: str  # "strength" or "run-drill"
    contraction: str  # "eccentric", "isometric", "concentric", "mixed"
    dominance: str  # "knee", "hip", "both", "-"
    default_tempo: str | None
    holds: bool
    ladder: tuple[Step, ...]
    default_step: str
    doses: tuple[DoseLevel, ...]  # dose levels within a step, easiest first
    guide: Guide
    dose_source: str = CONVENTION_SOURCE  # the citation behind `doses`
    calendar_name: str | None = None  # a shorter name for a calendar cell (.ics) where `name` crowds it
    # The dose follows a programme week by week (Petersen's Nordic ramp), so a step up keeps the dose instead of
    # restarting at the entry dose.
    programme: bool = False

    @property
    def trains(self) -> str:
        """One sentence on what the exercise trains."""
        return self.guide.trains

    @property
    def movement(self) -> Movement | None:
        """The side-view demo (keyframes, anchor, equipment) from movements.py; None for an exercise without one."""
        # Imported here, not at the top: the week screen reads the library at start-up and never draws a figure.
        from hamjournal.domain.library.movements import MOVEMENTS

        return MOVEMENTS.get(self.slug)

    @property
    def is_drill(self) -> bool:
        """True for run drills (strides, accelerations), which the planner books on run days."""
        return self.kind == "run-drill"

    def step(self, slug: str) -> Step:
        """The ladder step with this slug."""
        for step in self.ladder:
            if step.slug == slug:
                return step
        allowed = ", ".join(s.slug for s in self.ladder)
        raise InvalidInput(f"step '{slug}' is not on the {self.name} ladder: use one of {allowed}", "step")

    def step_index(self, slug: str) -> int:
        """Position of a step on the ladder, 0 = easiest."""
        return self.ladder.index(self.step(slug))
