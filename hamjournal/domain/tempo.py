"""Tempo notation: four numbers in seconds, lowering-pause-lifting-pause, X for explosive ("3-1-X-0")."""

from __future__ import annotations

import re
from dataclasses import dataclass

from hamjournal.domain.errors import InvalidInput

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
