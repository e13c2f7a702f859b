"""`exercises`: the exercise library as a table, one exercise's full page, or JSON."""

from __future__ import annotations

import argparse
import json

from hamjournal.domain.entries import given
from hamjournal.domain.library.exercises import (
    EXERCISES,
    SLUGS,
    exercise_dict,
    exercises_json,
    format_exercise_text,
    get_exercise,
)


def exercises(args: argparse.Namespace) -> int:
    """Print the library (or one exercise with SLUG) as text or as JSON."""
    if given(args.slug):
        ex = get_exercise(args.slug)
        print(json.dumps(exercise_dict(ex), indent=2, ensure_ascii=False) if args.json else format_exercise_text(ex))
        return 0
    if args.json:
        print(json.dumps(exercises_json(), indent=2, ensure_ascii=False))
        return 0
    print(format_table())
    return 0


def format_table() -> str:
    """One line per exercise: slug, name, tempo, and its ladder from easiest to hardest."""
    width = max(len(slug) for slug in SLUGS)
    name_width = max(len(EXERCISES[slug].name) for slug in SLUGS)
    lines = [f"{'slug':<{width}}  {'exercise':<{name_width}}  {'tempo':<8}  steps (easiest first, * = start)"]
    for slug in SLUGS:
        ex = EXERCISES[slug]
        steps = " > ".join(f"{s.slug}*" if s.slug == ex.default_step else s.slug for s in ex.ladder)
        tempo = ex.default_tempo or "by feel"
        lines.append(f"{slug:<{width}}  {ex.name:<{name_width}}  {tempo:<8}  {steps}")
    lines.append("`hamjournal exercises SLUG` shows how to do one; --json gives everything.")
    return "\n".join(lines)
