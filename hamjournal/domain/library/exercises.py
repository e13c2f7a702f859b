"""The exercise registry: one record per exercise, carrying everything the app knows about it.

Slugs are stable identifiers in the database, the CLI and JSON. Variants of one exercise (band-assisted,
incline, partial range, weighted) are steps on its ladder, not new slugs. Ladders run from easiest to
hardest; `default_step` is where a runner new to the exercise starts. Each record points at its coaching text
(`guides.py`), its dose table (`dose_tables.py`) and its stick figure (`figures.py`); nothing else keeps a
list of slugs, so adding an exercise is adding one record here (and its guide, and a figure if it has one).
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Mapping, Sequence, Set
from dataclasses import dataclass
from typing import Any, TypeVar, overload

from hamjournal.domain.errors import InvalidInput
from hamjournal.domain.library import dose_tables
from hamjournal.domain.library.dose_tables import CONVENTION_SOURCE, DoseLevel
from hamjournal.domain.library.figures import FIGURES
from hamjournal.domain.library.guides import GUIDES, Guide

T = TypeVar("T")


@dataclass(frozen=True)
class Step:
    """One rung of an exercise's ladder."""

    slug: str
    name: str
    change: str


@dataclass(frozen=True, kw_only=True)
class Exercise:
    """An exercise the journal knows: identity, names, kind of work, ladder, doses, coaching text and figure."""

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
    figure: tuple[str, ...] = ()  # side-view frames from start to end pose; () = no figure
    # The dose follows a programme week by week (Petersen's Nordic ramp), so a step up keeps the dose instead of
    # restarting at the entry dose.
    programme: bool = False

    @property
    def trains(self) -> str:
        """One sentence on what the exercise trains."""
        return self.guide.trains

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


def _ladder(*steps: tuple[str, str, str]) -> tuple[Step, ...]:
    return tuple(Step(*s) for s in steps)


# The one registry: every exercise the journal knows, in the order lists show them. Everything else about
# an exercise (doses, short names, drills, the CLI and screen lists) is read from these records.
EXERCISES: dict[str, Exercise] = {
    exercise.slug: exercise
    for exercise in (
        Exercise(
            slug="nordic",
            name="Nordic hamstring curl",
            short_name="Nordic",
            calendar_name="Nordic",
            kind="strength",
            contraction="eccentric",
            dominance="knee",
            default_tempo="4-0-1-0",
            holds=False,
            ladder=_ladder(
                ("hands-partial", "Hands-supported, partial range", "lower a short way, catch on the hands early"),
                ("band-assisted", "Band-assisted", "a band around the chest takes part of the weight"),
                ("incline", "Incline", "shins raised on a ramp so the break point comes later"),
                ("bodyweight", "Full bodyweight", "full range, no help, hands only to push back up"),
                ("fast-lean", "Faster lean / partner push", "lean in faster or a partner pushes at the back"),
                ("weighted", "Weighted", "hold a plate at the chest"),
            ),
            default_step="band-assisted",
            doses=dose_tables.NORDIC,
            dose_source="Petersen 2011",
            programme=True,
            guide=GUIDES["nordic"],
            figure=FIGURES["nordic"],
        ),
        Exercise(
            slug="sl-rdl",
            name="Single-leg Romanian deadlift",
            short_name="SL RDL",
            calendar_name="Single-leg RDL",
            kind="strength",
            contraction="eccentric",
            dominance="hip",
            default_tempo="3-0-1-0",
            holds=False,
            ladder=_ladder(
                ("supported", "Hand-supported", "fingertips on a wall or rail for balance"),
                ("bodyweight", "Bodyweight", "free-standing, no load"),
                ("light", "Light load", "a light dumbbell or kettlebell in the opposite hand"),
                ("heavy", "Heavy load", "a load that makes 6-8 reps hard"),
            ),
            default_step="supported",
            doses=dose_tables.HINGE,
            guide=GUIDES["sl-rdl"],
            figure=FIGURES["sl-rdl"],
        ),
        Exercise(
            slug="bridge",
            name="Hamstring bridge",
            short_name="Bridge",
            kind="strength",
            contraction="concentric",
            dominance="hip",
            default_tempo="2-1-1-0",
            holds=False,
            ladder=_ladder(
                ("short-lever", "Short lever", "heels close to the hips, both legs"),
                ("long-lever", "Long lever", "heels further away, knees nearly straight"),
                ("march", "Bridge march", "hold the bridge and lift one foot at a time"),
            ),
            default_step="short-lever",
            doses=dose_tables.BRIDGE,
            guide=GUIDES["bridge"],
            figure=FIGURES["bridge"],
        ),
        Exercise(
            slug="sl-bridge",
            name="Single-leg hamstring bridge",
            short_name="SL bridge",
            kind="strength",
            contraction="concentric",
            dominance="hip",
            default_tempo="2-1-1-0",
            holds=False,
            ladder=_ladder(
                ("floor", "Heel on the floor", "one leg, heel on the floor"),
                ("box", "Heel on a box", "heel on a step or box for more range"),
                ("long-lever", "Long lever", "heel further away on the box, knee nearly straight"),
            ),
            default_step="floor",
            doses=dose_tables.BRIDGE,
            guide=GUIDES["sl-bridge"],
        ),
        Exercise(
            slug="iso-hold",
            name="Isometric hamstring hold",
            short_name="Iso hold",
            calendar_name="Isometric hold",
            kind="strength",
            contraction="isometric",
            dominance="both",
            default_tempo="0-0-0-0",
            holds=True,
            ladder=_ladder(
                ("bilateral", "Both legs", "heels on a box, hips up, hold"),
                ("single-leg", "Single leg", "one heel on the box, hold"),
                ("long-lever", "Single leg, long lever", "heel further away, knee more straight"),
                ("loaded", "Loaded", "a plate on the hips"),
            ),
            default_step="bilateral",
            doses=dose_tables.ISO,
            guide=GUIDES["iso-hold"],
            figure=FIGURES["iso-hold"],
        ),
        Exercise(
            slug="split-squat",
            name="Split squat",
            short_name="Split sq",
            kind="strength",
            contraction="mixed",
            dominance="knee",
            default_tempo="3-0-1-0",
            holds=False,
            ladder=_ladder(
                ("bodyweight", "Bodyweight", "static lunge stance, no load"),
                ("loaded", "Loaded", "dumbbells at the sides"),
                ("rear-foot", "Rear-foot elevated", "back foot on a bench"),
            ),
            default_step="bodyweight",
            doses=dose_tables.SPLIT_SQUAT,
            guide=GUIDES["split-squat"],
            figure=FIGURES["split-squat"],
        ),
        Exercise(
            slug="hip-hinge",
            name="Hip hinge / Romanian deadlift",
            short_name="Hinge",
            kind="strength",
            contraction="eccentric",
            dominance="hip",
            default_tempo="3-0-1-0",
            holds=False,
            ladder=_ladder(
                ("dowel", "Dowel drill", "a stick along the spine to learn the hinge"),
                ("light", "Light load", "a light bar or kettlebell"),
                ("heavy", "Heavy load", "a load that makes 6-8 reps hard"),
            ),
            default_step="dowel",
            doses=dose_tables.HINGE,
            guide=GUIDES["hip-hinge"],
        ),
        Exercise(
            slug="slider-curl",
            name="Slider leg curl",
            short_name="Slider",
            kind="strength",
            contraction="eccentric",
            dominance="knee",
            default_tempo="3-0-1-0",
            holds=False,
            ladder=_ladder(
                ("eccentric-both", "Both legs, lowering only", "slide out on both legs, walk back in"),
                ("both", "Both legs", "slide out and curl back in on both legs"),
                ("single-leg", "Single leg", "slide out and curl back on one leg"),
            ),
            default_step="eccentric-both",
            doses=dose_tables.HINGE,
            guide=GUIDES["slider-curl"],
        ),
        Exercise(
            slug="askling-extender",
            name="Askling Extender",
            short_name="Extender",
            kind="strength",
            contraction="eccentric",
            dominance="knee",
            default_tempo="2-0-1-0",
            holds=False,
            ladder=_ladder(
                ("slow", "Slow", "slow, controlled knee extensions in hip flexion"),
                ("full", "Full speed", "quick extensions to a tolerable stretch"),
            ),
            default_step="slow",
            doses=dose_tables.ASKLING,
            dose_source="Askling 2013",
            guide=GUIDES["askling-extender"],
        ),
        Exercise(
            slug="askling-diver",
            name="Askling Diver",
            short_name="Diver",
            kind="strength",
            contraction="eccentric",
            dominance="hip",
            default_tempo="3-0-1-0",
            holds=False,
            ladder=_ladder(
                ("slow", "Slow", "slow dive with arms reaching forward"),
                ("full", "Full speed", "quicker dive to a tolerable stretch"),
            ),
            default_step="slow",
            doses=dose_tables.ASKLING,
            dose_source="Askling 2013",
            guide=GUIDES["askling-diver"],
        ),
        Exercise(
            slug="askling-glider",
            name="Askling Glider",
            short_name="Glider",
            kind="strength",
            contraction="eccentric",
            dominance="hip",
            default_tempo="3-0-1-0",
            holds=False,
            ladder=_ladder(
                ("short", "Short glide", "short slide on a low-friction floor"),
                ("long", "Long glide", "longer slide with faster return"),
            ),
            default_step="short",
            doses=dose_tables.ASKLING,
            dose_source="Askling 2013",
            guide=GUIDES["askling-glider"],
        ),
        Exercise(
            slug="calf-raise",
            name="Calf raise",
            short_name="Calf",
            kind="strength",
            contraction="mixed",
            dominance="-",
            default_tempo="2-1-1-0",
            holds=False,
            ladder=_ladder(
                ("both", "Both legs", "both legs on a step"),
                ("single-leg", "Single leg", "one leg on a step"),
                ("loaded", "Single leg, loaded", "one leg with a dumbbell"),
            ),
            default_step="both",
            doses=dose_tables.CALF,
            guide=GUIDES["calf-raise"],
        ),
        Exercise(
            slug="hip-thrust",
            name="Hip thrust",
            short_name="Thrust",
            kind="strength",
            contraction="concentric",
            dominance="hip",
            default_tempo="2-1-1-0",
            holds=False,
            ladder=_ladder(
                ("bodyweight", "Bodyweight", "shoulders on a bench, no load"),
                ("loaded", "Loaded", "a bar or plate across the hips"),
                ("single-leg", "Single leg", "one leg, bodyweight or light load"),
            ),
            default_step="bodyweight",
            doses=dose_tables.BRIDGE,
            guide=GUIDES["hip-thrust"],
        ),
        Exercise(
            slug="strides",
            name="Strides",
            short_name="Strides",
            kind="run-drill",
            contraction="mixed",
            dominance="-",
            default_tempo=None,
            holds=False,
            ladder=_ladder(
                ("relaxed", "Relaxed (70%)", "about 70% of top speed, smooth"),
                ("fast", "Fast (85%)", "about 85% of top speed"),
                ("near-max", "Near-maximal (95%)", "close to top speed, relaxed form"),
            ),
            default_step="relaxed",
            doses=dose_tables.STRIDES,
            guide=GUIDES["strides"],
        ),
        Exercise(
            slug="incline-accelerations",
            name="Incline accelerations",
            short_name="Hill acc",
            kind="run-drill",
            contraction="mixed",
            dominance="-",
            default_tempo=None,
            holds=False,
            ladder=_ladder(
                ("gentle", "Gentle hill", "a gentle slope, build over 10-15 s"),
                ("steep", "Steeper hill", "a steeper slope, quicker build"),
            ),
            default_step="gentle",
            doses=dose_tables.ACCELERATIONS,
            guide=GUIDES["incline-accelerations"],
        ),
    )
}


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
