"""Short calendar labels: a day column is about eleven characters wide at 80 columns.

The domain's labels ("Nordic hamstring curl 3x6 · band-assisted") are right for the detail pane; a column
shows the exercise's short name and the dose ("Nordic" / "3x6") and the detail pane gives the rest.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    # Type names only: the week screen imports this module before its first paint, the domain after it.
    from collections.abc import Mapping

    from hamjournal.domain.week import DayEntry

_RUN = re.compile(r"^(\w+) run ([\d.]+) min(?:, ([\d.]+) km)?")
_CHECKIN = re.compile(r"^\w[\w-]*: pain (\d+)(?:, stiff (\d+))?")


# Reassessment days in a 10-column day: "Test" over one of these.
SHORT_TEST_NAMES: dict[str, str] = {
    "sl-bridge-reps": "SL bridge",
    "iso-hold-s": "Iso hold",
    "aslr-deg": "ASLR",
    "hop-cm": "Hop",
    "h-test-insecurity": "H-test",
    "nordic-lowering-s": "Nordic low",
    "nordic-break-deg": "Nordic brk",
    "sprint-finish-s": "Sprint",
}


def short_name(slug: str) -> str:
    """A few letters a runner recognises: "Nordic", "SL RDL" (the exercise's `short_name`)."""
    from hamjournal.domain.library.exercises import EXERCISES

    exercise = EXERCISES.get(slug)
    return exercise.short_name if exercise else slug


def name_width() -> int:
    """The widest short name, so a column of them lines up."""
    from hamjournal.domain.library.exercises import EXERCISES

    return max(len(exercise.short_name) for exercise in EXERCISES.values())


def __getattr__(name: str) -> Mapping[str, str]:
    # SHORT_NAMES (slug -> short name) is read from the exercise records on first use, not at import.
    if name == "SHORT_NAMES":
        from hamjournal.domain.library.exercises import field_of

        return field_of(lambda exercise: exercise.short_name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


def compact_parts(entry: DayEntry) -> tuple[str, str]:
    """What and how much, for a narrow column: ("Nordic", "3x6"), ("Easy", "40′ 8km"), ("pain 1", "stiff 2")."""
    if entry.kind in ("plan", "assessment") and entry.exercise in SHORT_TEST_NAMES:
        return "Test", SHORT_TEST_NAMES[entry.exercise]
    if entry.exercise:
        from hamjournal.domain.library.exercises import EXERCISES

        exercise = EXERCISES.get(entry.exercise)
        rest = entry.label
        if exercise and rest.startswith(exercise.name):
            rest = rest[len(exercise.name) :]
        return short_name(entry.exercise), rest.split(" · ")[0].strip()
    if entry.kind == "run":
        run = _RUN.match(entry.label)
        if run:
            kind = "Interval" if run.group(1) == "Intervals" else run.group(1)
            return kind, f"{run.group(2)}′" + (f" {run.group(3)}km" if run.group(3) else "")
    if entry.kind == "expected-run":
        return entry.label.replace(" (not logged)", ""), ""
    if entry.kind == "check-in":
        check = _CHECKIN.match(entry.label)
        if check:
            stiff = f"stiff {check.group(2)}" if check.group(2) else ""
            return f"pain {check.group(1)}" + (" !" if "SUDDEN" in entry.label else ""), stiff
    return entry.label, ""


_RUN_DOSE = re.compile(r"^(\d+)′ ([\d.]+)km$")


def shorter_doses(dose: str) -> list[str]:
    """Shorter forms of a column's dose, longest first, for a column too narrow for it: a run's distance
    rounded ("50′ 10km"), then its minutes alone ("50′"). Empty when there is none."""
    run = _RUN_DOSE.match(dose)
    if run is None:
        return []
    minutes, km = run.groups()
    rounded = f"{minutes}′ {round(float(km))}km"
    return [form for form in (rounded, f"{minutes}′") if form != dose]


def compact_label(entry: DayEntry) -> str:
    """One line: "Nordic 3x6", "Easy 40′ 8km", "pain 1 stiff 2"."""
    return " ".join(part for part in compact_parts(entry) if part)
