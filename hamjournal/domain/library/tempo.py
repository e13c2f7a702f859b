"""Tempo notation ("3-1-X-0": lower, pause, lift, pause in seconds, X = explosive) and the tempo player's
schedule: which phase, set and rep a runner is in after so many seconds."""

from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass
from enum import StrEnum
from functools import lru_cache
from typing import Protocol

from hamjournal.domain.errors import InvalidInput
from hamjournal.domain.models import Prescription

MAX_PHASE_S = 20
EXPLOSIVE = "X"
# An explosive lift still takes time; the player counts it as one second.
EXPLOSIVE_S = 1

_PART = re.compile(r"^(\d{1,2}|x)$", re.IGNORECASE)
ALLOWED = "write four parts in seconds, lower-pause-up-pause, e.g. 4-0-1-0 or 3-1-X-0 (X = explosive)"


@dataclass(frozen=True)
class Tempo:
    """A parsed tempo; None in a phase means explosive."""

    lower: int | None
    bottom: int | None
    up: int | None
    top: int | None

    def seconds(self) -> tuple[int, int, int, int]:
        """Each phase in whole seconds, explosive counted as EXPLOSIVE_S."""
        return tuple(EXPLOSIVE_S if p is None else p for p in (self.lower, self.bottom, self.up, self.top))  # type: ignore[return-value]

    def __str__(self) -> str:
        return format_tempo(self)


def parse_tempo(text: str) -> Tempo:
    """Parse "4-0-1-0" or "3-1-X-0"; raise InvalidInput with what is allowed."""
    raw = str(text).strip()
    parts = raw.split("-")
    if len(parts) != 4 or not all(_PART.match(p.strip()) for p in parts):
        raise InvalidInput(f"tempo '{text}' not understood: {ALLOWED}", "tempo")
    values: list[int | None] = []
    for part in parts:
        part = part.strip()
        if part.lower() == "x":
            values.append(None)
            continue
        number = int(part)
        if number > MAX_PHASE_S:
            raise InvalidInput(f"tempo '{text}': {number} s in one phase is too long, use 0 to {MAX_PHASE_S}", "tempo")
        values.append(number)
    return Tempo(*values)


def format_tempo(tempo: Tempo) -> str:
    """Back to notation: "3-1-X-0"."""
    return "-".join(EXPLOSIVE if p is None else str(p) for p in (tempo.lower, tempo.bottom, tempo.up, tempo.top))


# --- The phase schedule: what the tempo player shows at a given moment -----------------------------------
#
# The schedule is a pure function of elapsed seconds. The screen owns the clock (e.g. time.monotonic() at
# start) and passes the elapsed seconds in, so the count shown can never drift from the schedule. To pause,
# the caller stops advancing elapsed time (keep the elapsed value frozen and resume from it); to skip, it
# jumps elapsed to `next_boundary(plan, elapsed)`. Negative or NaN elapsed time is a caller bug and raises
# ValueError rather than being clamped, so a broken clock shows up in tests instead of a frozen screen.

DEFAULT_REST_S = 60  # about 1 minute between Nordic sets is enough (rules reference, tempo and dose)
MAX_REST_S = 600


class Phase(StrEnum):
    """What the runner is doing now; the value is the label shown on screen."""

    LOWER = "LOWER"
    PAUSE = "PAUSE"  # the pause at the bottom, the tempo's second number
    UP = "UP"
    PAUSE_TOP = "PAUSE TOP"  # the pause at the top, the tempo's fourth number
    HOLD = "HOLD"  # an isometric hold
    REST = "REST"  # between sets, never after the last one
    DONE = "DONE"


class _HasPrescription(Protocol):
    # Read-only members, so a frozen dataclass (Prescription) fits.
    @property
    def sets(self) -> int: ...
    @property
    def reps(self) -> tuple[int, ...]: ...
    @property
    def hold_s(self) -> int | None: ...
    @property
    def tempo(self) -> str | None: ...


@dataclass(frozen=True)
class PlayerPlan:
    """What the tempo player plays: sets of reps at a tempo, or sets of holds, with rest between sets.

    `reps` has one count per set; for holds it is ignored and each set is one hold of `hold_s` seconds.
    A plan that cannot be played (no sets, a rep with no time) raises InvalidInput when built, so the
    schedule functions never meet an empty plan. `make_plan` and `plan_from_prescription` accept looser input.
    """

    sets: int
    reps: tuple[int, ...]
    tempo: Tempo
    rest_s: int = DEFAULT_REST_S
    hold_s: int | None = None

    def __post_init__(self) -> None:
        if self.sets < 1:
            raise InvalidInput(f"a plan needs at least 1 set, not {self.sets}", "sets")
        if not 0 <= self.rest_s <= MAX_REST_S:
            raise InvalidInput(f"rest of {self.rest_s} s is not allowed: use 0 to {MAX_REST_S} s", "rest")
        if self.hold_s is not None:
            if self.hold_s < 1:
                raise InvalidInput(f"a hold of {self.hold_s} s cannot be played: use 1 s or more", "hold_s")
            return
        if len(self.reps) != self.sets:
            raise InvalidInput(f"{self.sets} sets need {self.sets} rep counts, got {len(self.reps)}", "reps")
        if any(count < 1 for count in self.reps):
            raise InvalidInput("every set needs at least 1 rep", "reps")
        if sum(self.tempo.seconds()) == 0:
            raise InvalidInput(f"tempo '{format_tempo(self.tempo)}' gives a rep no time: {ALLOWED}", "tempo")

    @property
    def holds(self) -> bool:
        """True when the sets are isometric holds counted in seconds."""
        return self.hold_s is not None

    def reps_in_set(self, set_number: int) -> int:
        """Reps in a set (1-based); a hold counts as one rep."""
        return 1 if self.holds else self.reps[set_number - 1]

    @property
    def prescription(self) -> Prescription:
        """What the plan plays, as a dose: for its set notation ("2x5", "3x30s")."""
        return Prescription(self.sets, self.reps, self.hold_s, format_tempo(self.tempo))


@dataclass(frozen=True)
class PhaseState:
    """Where the player is at one moment.

    `set` and `rep` are 1-based; during REST they name the set and rep just finished, at DONE the last ones.
    `seconds_left` counts down to the next phase; `fraction` runs 0 -> 1 through the phase (for a bar);
    `position` is where the body is between the start pose (0.0, the top of a rep or the rest pose of a hold)
    and the end pose (1.0, the bottom of a rep or the holding pose), for `figures.figure_at`.
    """

    phase: Phase
    set: int
    rep: int
    seconds_left: float
    fraction: float
    elapsed_s: float
    done: bool
    duration_s: int
    position: float


@dataclass(frozen=True)
class _Segment:
    start: int
    duration: int
    phase: Phase
    set: int
    rep: int


def make_plan(
    sets: int,
    reps: tuple[int, ...] | int = (),
    tempo: Tempo | str = "3-0-1-0",
    rest_s: int = DEFAULT_REST_S,
    hold_s: int | None = None,
) -> PlayerPlan:
    """A PlayerPlan from loose input: `reps` may be one count for every set, `tempo` may be notation."""
    parsed = tempo if isinstance(tempo, Tempo) else parse_tempo(tempo)
    if hold_s is not None:
        return PlayerPlan(sets, (1,) * max(sets, 0), parsed, rest_s, hold_s)
    counts = (reps,) * max(sets, 0) if isinstance(reps, int) else tuple(reps)
    if len(counts) == 1 and sets > 1:
        counts = counts * sets
    return PlayerPlan(sets, counts, parsed, rest_s, None)


def plan_from_prescription(
    prescription: _HasPrescription, rest_s: int = DEFAULT_REST_S, default_tempo: str = "3-0-1-0"
) -> PlayerPlan:
    """A PlayerPlan from a Prescription (or anything with sets, reps, hold_s, tempo)."""
    return make_plan(
        prescription.sets,
        prescription.reps,
        prescription.tempo or default_tempo,
        rest_s,
        prescription.hold_s,
    )


@lru_cache(maxsize=32)
def _segments(plan: PlayerPlan) -> tuple[_Segment, ...]:
    """Every non-empty phase in order; zero-second phases never appear."""
    segments: list[_Segment] = []
    clock = 0

    def add(duration: int, phase: Phase, set_number: int, rep: int) -> None:
        nonlocal clock
        if duration > 0:
            segments.append(_Segment(clock, duration, phase, set_number, rep))
            clock += duration

    lower, bottom, up, top = plan.tempo.seconds()
    for set_number in range(1, plan.sets + 1):
        reps = plan.reps_in_set(set_number)
        if plan.hold_s is not None:
            add(plan.hold_s, Phase.HOLD, set_number, 1)
        else:
            for rep in range(1, reps + 1):
                add(lower, Phase.LOWER, set_number, rep)
                add(bottom, Phase.PAUSE, set_number, rep)
                add(up, Phase.UP, set_number, rep)
                add(top, Phase.PAUSE_TOP, set_number, rep)
        if set_number < plan.sets:
            add(plan.rest_s, Phase.REST, set_number, reps)
    return tuple(segments)


@lru_cache(maxsize=32)
def _starts(plan: PlayerPlan) -> tuple[int, ...]:
    return tuple(s.start for s in _segments(plan))


def total_duration(plan: PlayerPlan) -> int:
    """Seconds from the first phase to DONE."""
    segments = _segments(plan)
    return segments[-1].start + segments[-1].duration


def phase_boundaries(plan: PlayerPlan) -> list[tuple[int, Phase]]:
    """(start second, phase) of every phase in order, ending with (total, DONE); starts strictly increase."""
    return [(s.start, s.phase) for s in _segments(plan)] + [(total_duration(plan), Phase.DONE)]


def _check_elapsed(elapsed_s: float) -> None:
    if not elapsed_s >= 0:  # also catches NaN
        raise ValueError(f"elapsed time must be 0 or more seconds, got {elapsed_s}")


def _position(phase: Phase, fraction: float) -> float:
    # Tempo notation starts at the top: lowering goes start -> end pose, lifting comes back.
    if phase is Phase.LOWER:
        return fraction
    if phase is Phase.UP:
        return 1.0 - fraction
    return 1.0 if phase in (Phase.PAUSE, Phase.HOLD) else 0.0


def phase_at(plan: PlayerPlan, elapsed_s: float) -> PhaseState:
    """The player's state `elapsed_s` seconds after start; a phase owns [start, end), so a boundary is the new phase."""
    _check_elapsed(elapsed_s)
    segments = _segments(plan)
    total = total_duration(plan)
    if elapsed_s >= total:
        last = segments[-1]
        return PhaseState(Phase.DONE, last.set, last.rep, 0.0, 1.0, float(elapsed_s), True, 0, 0.0)
    index = bisect_right(_starts(plan), elapsed_s) - 1
    seg = segments[index]
    into = elapsed_s - seg.start
    fraction = into / seg.duration
    return PhaseState(
        phase=seg.phase,
        set=seg.set,
        rep=seg.rep,
        seconds_left=float(seg.duration - into),
        fraction=fraction,
        elapsed_s=float(elapsed_s),
        done=False,
        duration_s=seg.duration,
        position=_position(seg.phase, fraction),
    )


def next_boundary(plan: PlayerPlan, elapsed_s: float) -> float:
    """The elapsed time at which the next phase starts (the total once in the last phase or done): for skip."""
    _check_elapsed(elapsed_s)
    for start, _phase in phase_boundaries(plan):
        if start > elapsed_s:
            return float(start)
    return float(total_duration(plan))
