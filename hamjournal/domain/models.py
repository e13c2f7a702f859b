"""The journal's plain data: what a runner logs and what the app plans.

Every record is a frozen dataclass so rules and planners can take history as input and never mutate it.
`id` is None until the store has saved the record.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Literal

Side = Literal["left", "right", "both"]
SIDES: tuple[Side, ...] = ("left", "right", "both")

Mode = Literal["prevention", "rehab"]
MODES: tuple[Mode, ...] = ("prevention", "rehab")

WEEKDAYS: tuple[str, ...] = ("mon", "tue", "wed", "thu", "fri", "sat", "sun")

CHECKIN_TIMES: tuple[str, ...] = ("morning", "after", "evening", "during-run")
LOCATIONS: tuple[str, ...] = ("proximal", "middle", "distal")
RUN_KINDS: tuple[str, ...] = ("easy", "long", "tempo", "intervals", "race", "cross")
PLAN_KINDS: tuple[str, ...] = ("strength", "run-drill", "assessment")
RACE_PRIORITIES: tuple[str, ...] = ("A", "B", "C")
NORDIC_ABILITIES: tuple[str, ...] = ("none", "partial", "full")

# Paired tests carry left/right; single ones carry value.
PAIRED_TESTS: tuple[str, ...] = (
    "sl-bridge-reps",
    "iso-hold-s",
    "aslr-deg",
    "hop-cm",
    "h-test-insecurity",
)
SINGLE_TESTS: tuple[str, ...] = ("nordic-lowering-s", "nordic-break-deg", "sprint-finish-s")
ASSESSMENT_TESTS: tuple[str, ...] = PAIRED_TESTS + SINGLE_TESTS
# What a runner calls each test; the one place every screen, report and plan takes the names from.
ASSESSMENT_NAMES: dict[str, str] = {
    "sl-bridge-reps": "Single-leg bridge",
    "iso-hold-s": "Isometric hold",
    "aslr-deg": "Active straight-leg raise",
    "hop-cm": "Single-leg hop",
    "h-test-insecurity": "H-test insecurity",
    "nordic-lowering-s": "Nordic lowering time",
    "nordic-break-deg": "Nordic break angle",
    "sprint-finish-s": "Sprint finish",
}


@dataclass(frozen=True)
class Injury:
    """A hamstring strain the runner had."""

    date: dt.date
    side: Side = "left"
    grade: int = 1
    note: str = ""


@dataclass(frozen=True)
class Race:
    """A race on the runner's calendar; A races shape the periodised plan."""

    date: dt.date
    name: str
    distance_km: float
    priority: str = "A"


@dataclass(frozen=True)
class Profile:
    """The runner's week and goals, from onboarding."""

    units: str = "metric"
    mode: Mode = "prevention"
    running_days: tuple[str, ...] = ("mon", "tue", "thu", "sat", "sun")
    long_run_day: str | None = "sun"
    hard_days: tuple[str, ...] = ("tue",)
    strength_days: tuple[str, ...] = ()
    injuries: tuple[Injury, ...] = ()
    races: tuple[Race, ...] = ()
    # Not in the JSON v1 example, but settings the rules and planner need; exported as extra keys.
    deload_every: int = 5
    nordic_ability: str = "none"
    # Where the runner's watch files appear (a mounted watch, a synced export folder); the week screen's
    # import key reads what is new there. Exported only when set.
    watch_folder: str | None = None


@dataclass(frozen=True)
class SetEntry:
    """One set: reps for dynamic work, hold_s for isometric holds."""

    reps: int | None
    side: Side = "both"
    load_kg: float = 0.0
    hold_s: int | None = None


@dataclass(frozen=True)
class Session:
    """A logged strength or drill session of one exercise."""

    date: dt.date
    exercise: str
    sets: tuple[SetEntry, ...]
    step: str | None = None
    tempo: str | None = None
    rpe: int | None = None
    pain_during: int | None = None
    note: str = ""
    id: int | None = None
    # The stored copy's edit count (None until saved): an edit carries it back so a change made meanwhile on
    # another machine is refused, not overwritten. Not part of the record's value: equality, import's duplicate
    # check and Journal JSON ignore it.
    revision: int | None = field(default=None, compare=False)

    @property
    def total_reps(self) -> int:
        """Reps over all sets (holds count as one rep each)."""
        return sum(s.reps if s.reps is not None else 1 for s in self.sets)


@dataclass(frozen=True)
class SymptomLog:
    """A pain / stiffness check-in: morning, after a session, evening or during a run."""

    date: dt.date
    pain: int
    when: str = "morning"
    stiffness: int | None = None
    side: Side = "both"
    location: str | None = None
    sudden: bool = False
    sleep_h: float | None = None
    fatigue: int | None = None
    note: str = ""
    id: int | None = None
    # The stored copy's edit count (None until saved): an edit carries it back so a change made meanwhile on
    # another machine is refused, not overwritten. Not part of the record's value: equality, import's duplicate
    # check and Journal JSON ignore it.
    revision: int | None = field(default=None, compare=False)


@dataclass(frozen=True)
class Run:
    """A logged run (or cross-training session)."""

    date: dt.date
    minutes: float
    kind: str = "easy"
    distance_km: float | None = None
    rpe: int | None = None
    strides: int | None = None
    finish_s: float | None = None
    note: str = ""
    id: int | None = None
    # The stored copy's edit count (None until saved): an edit carries it back so a change made meanwhile on
    # another machine is refused, not overwritten. Not part of the record's value: equality, import's duplicate
    # check and Journal JSON ignore it.
    revision: int | None = field(default=None, compare=False)
    # From a watch file (hamjournal import-runs): the start on the runner's clock, the average heart rate and
    # the file it came from. A typed run has none of them.
    start: dt.datetime | None = None
    avg_hr: int | None = None
    source: str = ""
    # SHA-256 of the file's bytes: a re-import skips a file it has read before without decoding it. Not part of
    # the run's value (Journal JSON leaves it out; equality ignores it).
    digest: str = field(default="", compare=False)

    @property
    def load(self) -> float | None:
        """Session-RPE load in arbitrary units (Foster 2001): RPE x minutes."""
        return None if self.rpe is None else self.rpe * self.minutes


@dataclass(frozen=True)
class Assessment:
    """A reassessment result; paired tests have left/right, single tests have value."""

    date: dt.date
    test: str
    left: float | None = None
    right: float | None = None
    value: float | None = None
    id: int | None = None


def set_notation(values: Sequence[str]) -> str:
    """Per-set amounts ("6", "30s") in the shortest notation that parses back: "3x6", "12/10/8", "6"; "-" for none.

    The one writer of set notation: logged sets (`sets.format_sets`) and doses (`Prescription.notation`) use it.
    """
    if not values:
        return "-"
    if len(set(values)) == 1 and len(values) > 1:
        return f"{len(values)}x{values[0]}"
    return "/".join(values)


@dataclass(frozen=True)
class Prescription:
    """What to do in one planned session."""

    sets: int
    reps: tuple[int, ...]
    hold_s: int | None = None
    tempo: str | None = None

    @property
    def notation(self) -> str:
        """The dose in set notation, the set count always said: "3x6", "12/10/8", "3x30s", "1x12".

        What plans, advice and calendars show; "" for a dose without reps or holds.
        """
        if self.hold_s is None and not self.reps:
            return ""
        if self.hold_s is not None or len(set(self.reps)) == 1:
            # The count is `sets`, which a hold without per-set reps still has.
            amount = f"{self.hold_s}s" if self.hold_s is not None else str(self.reps[0])
            return f"{self.sets}x{amount}"
        return set_notation(self.set_amounts)

    @property
    def logged_notation(self) -> str:
        """The same sets as the log writes them (`sets.format_sets`): one set is just "6" or "30s"."""
        return set_notation(self.set_amounts)

    @property
    def set_amounts(self) -> tuple[str, ...]:
        """What each set asks for: reps ("6") or a hold ("30s")."""
        if self.hold_s is not None:
            return (f"{self.hold_s}s",) * self.sets
        return tuple(str(r) for r in self.reps)


@dataclass(frozen=True)
class PlanItem:
    """One dated item of hamjournal's own plan (never the runner's runs).

    `origin` is "auto" for generated items and "manual" for items the runner added or moved; `status` is
    "planned" or "skipped". Re-planning keeps manual and skipped items and the past.
    """

    date: dt.date
    exercise: str
    kind: str
    prescription: Prescription
    step: str | None = None
    deload: bool = False
    why: str = ""
    origin: str = "auto"
    status: str = "planned"
    id: int | None = None
    # The stored copy's edit count (None until saved): an edit carries it back so a change made meanwhile on
    # another machine is refused, not overwritten. Not part of the record's value: equality, import's duplicate
    # check and Journal JSON ignore it.
    revision: int | None = field(default=None, compare=False)


@dataclass(frozen=True)
class Journal:
    """A whole journal: what export writes and import reads."""

    profile: Profile = field(default_factory=Profile)
    sessions: tuple[Session, ...] = ()
    symptoms: tuple[SymptomLog, ...] = ()
    runs: tuple[Run, ...] = ()
    assessments: tuple[Assessment, ...] = ()
    plan: tuple[PlanItem, ...] = ()
