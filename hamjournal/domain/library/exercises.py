"""The exercise slugs, their names and their ladders of steps.

Slugs are stable identifiers in the database, the CLI and JSON. Variants of one exercise (band-assisted,
incline, partial range, weighted) are steps on its ladder, not new slugs. Ladders run from easiest to
hardest; `default_step` is where a runner new to the exercise starts. The coaching text (setup, movement,
cues, faults, dose, safety, sources) lives in `guides.py` and is attached here as `Exercise.guide`.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from typing import Any

from hamjournal.domain.errors import InvalidInput
from hamjournal.domain.library.guides import GUIDES, Guide

# Default for Exercise.guide; every exercise in EXERCISES gets its real guide from GUIDES.
NO_GUIDE = Guide()


@dataclass(frozen=True)
class Step:
    """One rung of an exercise's ladder."""

    slug: str
    name: str
    change: str


@dataclass(frozen=True)
class Exercise:
    """An exercise the journal knows: identity, kind of work and ladder."""

    slug: str
    name: str
    kind: str  # "strength" or "run-drill"
    contraction: str  # "eccentric", "isometric", "concentric", "mixed"
    dominance: str  # "knee", "hip", "both", "-"
    default_tempo: str | None
    holds: bool
    ladder: tuple[Step, ...]
    default_step: str
    guide: Guide = NO_GUIDE

    @property
    def trains(self) -> str:
        """One sentence on what the exercise trains."""
        return self.guide.trains

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


_CORE: tuple[Exercise, ...] = (
    Exercise(
        "nordic", "Nordic hamstring curl", "strength", "eccentric", "knee", "4-0-1-0", False,
        _ladder(
            ("hands-partial", "Hands-supported, partial range", "lower a short way, catch on the hands early"),
            ("band-assisted", "Band-assisted", "a band around the chest takes part of the weight"),
            ("incline", "Incline", "shins raised on a ramp so the break point comes later"),
            ("bodyweight", "Full bodyweight", "full range, no help, hands only to push back up"),
            ("fast-lean", "Faster lean / partner push", "lean in faster or a partner pushes at the back"),
            ("weighted", "Weighted", "hold a plate at the chest"),
        ),
        "band-assisted",
    ),
    Exercise(
        "sl-rdl", "Single-leg Romanian deadlift", "strength", "eccentric", "hip", "3-0-1-0", False,
        _ladder(
            ("supported", "Hand-supported", "fingertips on a wall or rail for balance"),
            ("bodyweight", "Bodyweight", "free-standing, no load"),
            ("light", "Light load", "a light dumbbell or kettlebell in the opposite hand"),
            ("heavy", "Heavy load", "a load that makes 6-8 reps hard"),
        ),
        "supported",
    ),
    Exercise(
        "bridge", "Hamstring bridge", "strength", "concentric", "hip", "2-1-1-0", False,
        _ladder(
            ("short-lever", "Short lever", "heels close to the hips, both legs"),
            ("long-lever", "Long lever", "heels further away, knees nearly straight"),
            ("march", "Bridge march", "hold the bridge and lift one foot at a time"),
        ),
        "short-lever",
    ),
    Exercise(
        "sl-bridge", "Single-leg hamstring bridge", "strength", "concentric", "hip", "2-1-1-0", False,
        _ladder(
            ("floor", "Heel on the floor", "one leg, heel on the floor"),
            ("box", "Heel on a box", "heel on a step or box for more range"),
            ("long-lever", "Long lever", "heel further away on the box, knee nearly straight"),
        ),
        "floor",
    ),
    Exercise(
        "iso-hold", "Isometric hamstring hold", "strength", "isometric", "both", "0-0-0-0", True,
        _ladder(
            ("bilateral", "Both legs", "heels on a box, hips up, hold"),
            ("single-leg", "Single leg", "one heel on the box, hold"),
            ("long-lever", "Single leg, long lever", "heel further away, knee more straight"),
            ("loaded", "Loaded", "a plate on the hips"),
        ),
        "bilateral",
    ),
    Exercise(
        "split-squat", "Split squat", "strength", "mixed", "knee", "3-0-1-0", False,
        _ladder(
            ("bodyweight", "Bodyweight", "static lunge stance, no load"),
            ("loaded", "Loaded", "dumbbells at the sides"),
            ("rear-foot", "Rear-foot elevated", "back foot on a bench"),
        ),
        "bodyweight",
    ),
    Exercise(
        "hip-hinge", "Hip hinge / Romanian deadlift", "strength", "eccentric", "hip", "3-0-1-0", False,
        _ladder(
            ("dowel", "Dowel drill", "a stick along the spine to learn the hinge"),
            ("light", "Light load", "a light bar or kettlebell"),
            ("heavy", "Heavy load", "a load that makes 6-8 reps hard"),
        ),
        "dowel",
    ),
    Exercise(
        "slider-curl", "Slider leg curl", "strength", "eccentric", "knee", "3-0-1-0", False,
        _ladder(
            ("eccentric-both", "Both legs, lowering only", "slide out on both legs, walk back in"),
            ("both", "Both legs", "slide out and curl back in on both legs"),
            ("single-leg", "Single leg", "slide out and curl back on one leg"),
        ),
        "eccentric-both",
    ),
    Exercise(
        "askling-extender", "Askling Extender", "strength", "eccentric", "knee", "2-0-1-0", False,
        _ladder(
            ("slow", "Slow", "slow, controlled knee extensions in hip flexion"),
            ("full", "Full speed", "quick extensions to a tolerable stretch"),
        ),
        "slow",
    ),
    Exercise(
        "askling-diver", "Askling Diver", "strength", "eccentric", "hip", "3-0-1-0", False,
        _ladder(
            ("slow", "Slow", "slow dive with arms reaching forward"),
            ("full", "Full speed", "quicker dive to a tolerable stretch"),
        ),
        "slow",
    ),
    Exercise(
        "askling-glider", "Askling Glider", "strength", "eccentric", "hip", "3-0-1-0", False,
        _ladder(
            ("short", "Short glide", "short slide on a low-friction floor"),
            ("long", "Long glide", "longer slide with faster return"),
        ),
        "short",
    ),
    Exercise(
        "calf-raise", "Calf raise", "strength", "mixed", "-", "2-1-1-0", False,
        _ladder(
            ("both", "Both legs", "both legs on a step"),
            ("single-leg", "Single leg", "one leg on a step"),
            ("loaded", "Single leg, loaded", "one leg with a dumbbell"),
        ),
        "both",
    ),
    Exercise(
        "hip-thrust", "Hip thrust", "strength", "concentric", "hip", "2-1-1-0", False,
        _ladder(
            ("bodyweight", "Bodyweight", "shoulders on a bench, no load"),
            ("loaded", "Loaded", "a bar or plate across the hips"),
            ("single-leg", "Single leg", "one leg, bodyweight or light load"),
        ),
        "bodyweight",
    ),
    Exercise(
        "strides", "Strides", "run-drill", "mixed", "-", None, False,
        _ladder(
            ("relaxed", "Relaxed (70%)", "about 70% of top speed, smooth"),
            ("fast", "Fast (85%)", "about 85% of top speed"),
            ("near-max", "Near-maximal (95%)", "close to top speed, relaxed form"),
        ),
        "relaxed",
    ),
    Exercise(
        "incline-accelerations", "Incline accelerations", "run-drill", "mixed", "-", None, False,
        _ladder(
            ("gentle", "Gentle hill", "a gentle slope, build over 10-15 s"),
            ("steep", "Steeper hill", "a steeper slope, quicker build"),
        ),
        "gentle",
    ),
)

# Every exercise must have its coaching text: a KeyError here at import is a missing guide, caught by any test.
EXERCISES: dict[str, Exercise] = {e.slug: replace(e, guide=GUIDES[e.slug]) for e in _CORE}

SLUGS: tuple[str, ...] = tuple(EXERCISES)


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
