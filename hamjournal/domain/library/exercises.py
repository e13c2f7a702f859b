"""The exercise registry: EXERCISES by slug, views of it that never go stale, lookups and the JSON and text of a record.

The records themselves are in exercise_records.py, and what a record is (Exercise, Step) in exercise_model.py;
both are imported here so `from hamjournal.domain.library.exercises import EXERCISES, Exercise` keeps working.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Mapping, Sequence, Set
from typing import Any, TypeVar, overload

from hamjournal.domain.errors import InvalidInput
from hamjournal.domain.library.exercise_model import Exercise, Step
from hamjournal.domain.library.exercise_records import EXERCISES

__all__ = ["EXERCISES", "SLUGS", "Exercise", "Step", "exercise_dict", "exercises_json", "field_of",
           "format_exercise_text", "get_exercise", "slugs_where"]

T = TypeVar("T")


# Views of the registry, read on every use so they never go stale (a test may register an extra exercise).


class _Slugs(Sequence[str]):
    """The slugs of EXERCISES, in registry order."""

    @overload
    def __getitem__(self, index: int) -> str: ...
    @overload
    def __getitem__(self, index: slice) -> Sequence[str]: ...
    def __getitem__(self, index: int | slice) -> str | Sequence[str]:
        return tuple(EXERCISES)[index]

    def __len__(self) -> int:
        return len(EXERCISES)

    def __iter__(self) -> Iterator[str]:
        return iter(tuple(EXERCISES))

    def __repr__(self) -> str:
        return repr(tuple(EXERCISES))


class _SlugsWhere(Set[str]):
    """The slugs of the exercises that pass a test, as a set: `DRILL_SLUGS & booked`."""

    def __init__(self, keep: Callable[[Exercise], bool]) -> None:
        self._keep = keep

    @classmethod
    def _from_iterable(cls, it: Any) -> frozenset[str]:  # type: ignore[override]  # Set's operators build a plain frozenset
        return frozenset(it)

    def __contains__(self, slug: object) -> bool:
        exercise = EXERCISES.get(slug) if isinstance(slug, str) else None
        return exercise is not None and self._keep(exercise)

    def __iter__(self) -> Iterator[str]:
        return iter([slug for slug, exercise in tuple(EXERCISES.items()) if self._keep(exercise)])

    def __len__(self) -> int:
        return sum(1 for _ in self)

    def __repr__(self) -> str:
        return repr(frozenset(self))


class _Field(Mapping[str, T]):
    """slug -> one field of its record, for code that looks the field up by slug."""

    def __init__(self, read: Callable[[Exercise], T]) -> None:
        self._read = read

    def __getitem__(self, slug: str) -> T:
        return self._read(EXERCISES[slug])

    def __iter__(self) -> Iterator[str]:
        return iter(tuple(EXERCISES))

    def __len__(self) -> int:
        return len(EXERCISES)

    def __repr__(self) -> str:
        return repr(dict(self))


def slugs_where(keep: Callable[[Exercise], bool]) -> Set[str]:
    """A live set of the slugs whose exercise passes `keep`."""
    return _SlugsWhere(keep)


def field_of(read: Callable[[Exercise], T]) -> Mapping[str, T]:
    """A live read-only mapping slug -> `read(exercise)`."""
    return _Field(read)


SLUGS: Sequence[str] = _Slugs()


def get_exercise(slug: str) -> Exercise:
    """The exercise for a slug, or InvalidInput listing the slugs that exist."""
    key = str(slug).strip().lower()
    if key not in EXERCISES:
        raise InvalidInput(f"exercise '{slug}' is unknown: use one of {', '.join(SLUGS)}", "exercise")
    return EXERCISES[key]


def exercise_dict(ex: Exercise) -> dict[str, Any]:
    """One exercise as plain JSON-ready data (the shape of `hamjournal exercises --json`)."""
    return {
        "slug": ex.slug,
        "name": ex.name,
        "kind": ex.kind,
        "contraction": ex.contraction,
        "dominance": ex.dominance,
        "trains": ex.guide.trains,
        "tempo": ex.default_tempo,
        "holds": ex.holds,
        "steps": [{"slug": s.slug, "name": s.name, "change": s.change} for s in ex.ladder],
        "default_step": ex.default_step,
        "setup": list(ex.guide.setup),
        "movement": list(ex.guide.movement),
        "cues": list(ex.guide.cues),
        "faults": list(ex.guide.faults),
        "dose": dict(ex.guide.dose),
        "safety": list(ex.guide.safety),
        "sources": list(ex.guide.sources),
    }


def exercises_json() -> list[dict[str, Any]]:
    """The whole library, in slug order, as a list of JSON-ready dicts."""
    return [exercise_dict(EXERCISES[slug]) for slug in SLUGS]


def _section(title: str, items: tuple[str, ...], numbered: bool = False) -> list[str]:
    lines = [f"  {title}:"]
    for number, item in enumerate(items, start=1):
        lines.append(f"    {number}. {item}" if numbered else f"    - {item}")
    return lines


def format_exercise_text(ex: Exercise) -> str:
    """A plain-text page for one exercise, for `hamjournal exercises` and the library screen."""
    tempo = ex.default_tempo or "run by feel"
    lines = [
        f"{ex.name} ({ex.slug})",
        f"  {ex.kind}, {ex.contraction}, {ex.dominance}-dominant, tempo {tempo}"
        + (", counted in seconds held" if ex.holds else ""),
        f"  Trains: {ex.guide.trains}",
        "  Ladder (easiest first, * = start here):",
    ]
    for step in ex.ladder:
        marker = "*" if step.slug == ex.default_step else " "
        lines.append(f"   {marker} {step.slug}: {step.name} - {step.change}")
    lines += _section("Setup", ex.guide.setup)
    lines += _section("Movement", ex.guide.movement, numbered=True)
    lines += _section("Cues", ex.guide.cues)
    lines += _section("Common faults", ex.guide.faults)
    lines.append("  Dose:")
    lines += [f"    {phase}: {text}" for phase, text in ex.guide.dose]
    lines += _section("Safety", ex.guide.safety)
    lines += _section("Sources", ex.guide.sources)
    return "\n".join(lines)
