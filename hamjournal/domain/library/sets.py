"""Set notation: "3x6", "12/10/8", "5,5,4", "3x30s" (holds), "30s/30s/25s"."""

from __future__ import annotations

import re

from hamjournal.domain.errors import InvalidInput
from hamjournal.domain.models import SetEntry, Side, set_notation

MAX_SETS = 20
MAX_REPS = 100
MAX_HOLD_S = 600

ALLOWED = "write 3x6 (sets x reps), 12/10/8 or 5,5,4 (reps per set), or 3x30s (holds in seconds)"

_SETS_X = re.compile(r"^(\d+)\s*[x×*]\s*(\d+)(s?)$")
_ONE = re.compile(r"^(\d+)(s?)$")


def parse_sets(text: str, side: Side = "both", load_kg: float = 0.0) -> tuple[SetEntry, ...]:
    """Parse set notation into SetEntry records; raise InvalidInput with what is allowed."""
    raw = str(text).strip().lower().replace(" ", "")
    if not raw:
        raise InvalidInput(f"sets are empty: {ALLOWED}", "sets")
    match = _SETS_X.match(raw)
    if match:
        count, amount, seconds = int(match.group(1)), int(match.group(2)), bool(match.group(3))
        _check_count(count, text)
        return tuple(_entry(amount, seconds, text, side, load_kg) for _ in range(count))
    parts = re.split(r"[/,]", raw)
    entries = []
    for part in parts:
        one = _ONE.match(part)
        if not one:
            raise InvalidInput(f"sets '{text}' not understood: {ALLOWED}", "sets")
        entries.append(_entry(int(one.group(1)), bool(one.group(2)), text, side, load_kg))
    _check_count(len(entries), text)
    return tuple(entries)


def format_sets(sets: tuple[SetEntry, ...] | list[SetEntry]) -> str:
    """The shortest notation that parses back to the same reps or holds: "3x6", "12/10/8", "3x30s"."""
    return set_notation([f"{s.hold_s}s" if s.hold_s is not None else str(s.reps) for s in sets])


def _check_count(count: int, text: str) -> None:
    if not 1 <= count <= MAX_SETS:
        raise InvalidInput(f"sets '{text}' has {count} sets: log 1 to {MAX_SETS} sets", "sets")


def _entry(amount: int, seconds: bool, text: str, side: Side, load_kg: float) -> SetEntry:
    if seconds:
        if not 1 <= amount <= MAX_HOLD_S:
            raise InvalidInput(f"sets '{text}': a hold of {amount} s is not allowed, use 1 to {MAX_HOLD_S} s", "sets")
        return SetEntry(reps=None, side=side, load_kg=load_kg, hold_s=amount)
    if not 1 <= amount <= MAX_REPS:
        raise InvalidInput(f"sets '{text}': {amount} reps is not allowed, use 1 to {MAX_REPS} reps a set", "sets")
    return SetEntry(reps=amount, side=side, load_kg=load_kg)
