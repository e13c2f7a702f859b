"""What `advise` returns: per-exercise Advice, Flags and the running LoadSummary, and their JSON shape.

Semantics of an Advice (design.md "Advice JSON", extended here):
- `step` + `current`: the runner's USUAL step and dose - the last dose done in full (or chosen deliberately),
  never a deload cut and never a failed session's partial dose. None for an exercise not logged yet.
- `next_step` + `next`: the dose of the next session after this call. deload -> the cut of `current`;
  hold -> `current`; progress / regress / lapse -> the target, after the no-stacking minimum (when several
  reductions apply the smallest dose wins); stop -> None.
"""

from __future__ import annotations

import datetime as dt
import json
from dataclasses import dataclass
from enum import StrEnum
from typing import Any

from hamjournal.domain.models import Prescription


class Action(StrEnum):
    """The call for one exercise (the JSON strings of the design)."""

    PROGRESS = "progress"
    HOLD = "hold"
    REGRESS = "regress"
    DELOAD = "deload"
    STOP = "stop"


class FlagKind(StrEnum):
    """What a flag is about (the JSON strings of the design)."""

    RED_FLAG = "red-flag"
    PAIN_LIMIT = "pain-limit"
    MORNING_WORSE = "morning-worse"
    STIFFNESS_RISING = "stiffness-rising"
    LAPSE = "lapse"
    SCHEDULED_DELOAD = "scheduled-deload"
    RUN_SPIKE = "run-spike"
    VOLUME_JUMP = "volume-jump"
    ASYMMETRY = "asymmetry"
    ACWR = "acwr"


class FlagLevel(StrEnum):
    """How loud a flag is, quietest first."""

    INFO = "info"
    CAUTION = "caution"
    WARNING = "warning"
    DANGER = "danger"


ACTIONS: tuple[str, ...] = tuple(a.value for a in Action)
FLAG_KINDS: tuple[str, ...] = tuple(k.value for k in FlagKind)
FLAG_LEVELS: tuple[str, ...] = tuple(level.value for level in FlagLevel)


@dataclass(frozen=True)
class Advice:
    """What to do next with one exercise, and why (see the module docstring for current/next)."""

    exercise: str
    action: Action
    step: str
    current: Prescription | None
    next: Prescription | None
    next_step: str | None
    reasons: tuple[str, ...]
    sources: tuple[str, ...]
    what_would_change: str | None = None
    # True when a hold is for a reason (the hold tier: pain near the limit, RPE, stiffness, sleep, fatigue, a run
    # warning), not only "not enough sessions yet": the planner then keeps the usual dose instead of following
    # the programme's ramp.
    dose_held: bool = False
    # The day of the next planned session that `next` describes (set from the stored plan), or None.
    planned_on: dt.date | None = None

    def to_dict(self) -> dict[str, Any]:
        """The design's advice item, plus next_step, what_would_change and planned_on."""
        return {
            "exercise": self.exercise,
            "action": str(self.action),
            "step": self.step,
            "current": prescription_dict(self.current),
            "next": prescription_dict(self.next),
            "next_step": self.next_step,
            "reasons": list(self.reasons),
            "sources": list(self.sources),
            "what_would_change": self.what_would_change,
            "planned_on": None if self.planned_on is None else self.planned_on.isoformat(),
        }


@dataclass(frozen=True)
class Flag:
    """Something the runner should notice; `exercise` is set when the flag is about one exercise."""

    kind: FlagKind
    level: FlagLevel
    message: str
    exercise: str | None = None

    def to_dict(self) -> dict[str, Any]:
        """The design's flag item (exercise added when set)."""
        out: dict[str, Any] = {"kind": str(self.kind), "level": str(self.level), "message": self.message}
        if self.exercise is not None:
            out["exercise"] = self.exercise
        return out


@dataclass(frozen=True)
class LoadSummary:
    """Running load as a description: distances, longest run, and the acute:chronic ratio when it exists."""

    data_days: int
    km_last_7_days: float
    km_previous_7_days: float
    longest_run_30_days_km: float | None
    two_week_change: float | None
    acute_load: float | None
    chronic_load: float | None
    acwr: float | None
    acwr_description: str | None

    def to_dict(self) -> dict[str, Any]:
        """Plain values for JSON."""
        return {
            "data_days": self.data_days,
            "km_last_7_days": round(self.km_last_7_days, 2),
            "km_previous_7_days": round(self.km_previous_7_days, 2),
            "longest_run_30_days_km": self.longest_run_30_days_km,
            "two_week_change": _rounded(self.two_week_change),
            "acute_load": _rounded(self.acute_load),
            "chronic_load": _rounded(self.chronic_load),
            "acwr": _rounded(self.acwr),
            "acwr_description": self.acwr_description,
        }


@dataclass(frozen=True)
class AdviceReport:
    """Today's advice for every exercise, the flags, and the running load summary."""

    date: dt.date
    advice: tuple[Advice, ...]
    flags: tuple[Flag, ...]
    load: LoadSummary

    def to_dict(self) -> dict[str, Any]:
        """The design's Advice JSON shape as a dict (with an extra "load" key)."""
        return {
            "date": self.date.isoformat(),
            "advice": [a.to_dict() for a in self.advice],
            "flags": [f.to_dict() for f in self.flags],
            "load": self.load.to_dict(),
        }

    def to_json(self) -> str:
        """The design's Advice JSON (`hamjournal advice --json`)."""
        return json.dumps(self.to_dict(), ensure_ascii=False)

    def for_exercise(self, slug: str) -> Advice | None:
        """The advice for one exercise, if it is covered."""
        return next((a for a in self.advice if a.exercise == slug), None)


def prescription_dict(p: Prescription | None) -> dict[str, Any] | None:
    """A prescription as plain JSON values."""
    if p is None:
        return None
    return {"sets": p.sets, "reps": list(p.reps), "hold_s": p.hold_s, "tempo": p.tempo}


def _rounded(value: float | None) -> float | None:
    return None if value is None else round(value, 3)
