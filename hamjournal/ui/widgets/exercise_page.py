"""An exercise's library page as Rich renderables: the detail screen shows it, the list previews its top.

Sections are grids with a bullet column so wrapped lines hang under the text, not under the bullet.
"""

from __future__ import annotations

from rich.console import Group, RenderableType
from rich.table import Table
from rich.text import Text

from hamjournal.domain.exercises import Exercise
from hamjournal.domain.models import Prescription, SetEntry
from hamjournal.domain.sets import format_sets
from hamjournal.domain.tempo import EXPLOSIVE
from hamjournal.ui.widgets.figure import start_end_table


def dose_label(prescription: Prescription) -> str:
    """ "2x5 at 4-0-1-0" or "3x30s hold"."""
    if prescription.hold_s is not None:
        sets = tuple(SetEntry(reps=None, hold_s=prescription.hold_s) for _ in range(prescription.sets))
        return f"{format_sets(sets)} hold"
    text = format_sets(tuple(SetEntry(reps=count) for count in prescription.reps))
    return f"{text} at {prescription.tempo}" if prescription.tempo else text


def summary_line(ex: Exercise) -> str:
    """ "strength · eccentric · knee-dominant · tempo 4-0-1-0"."""
    parts = [ex.kind, ex.contraction]
    if ex.dominance == "both":
        parts.append("knee and hip")
    elif ex.dominance != "-":
        parts.append(f"{ex.dominance}-dominant")
    if ex.holds:
        parts.append("counted in seconds held")  # a hold's tempo is 0-0-0-0: nothing to tell
    else:
        parts.append(f"tempo {ex.default_tempo}" if ex.default_tempo else "run by feel")
    return " · ".join(parts)


def tempo_explained(ex: Exercise) -> str:
    """ "4-0-1-0: lower 4 s, pause 0 s at the bottom, up 1 s, pause 0 s at the top." """
    if ex.default_tempo is None:
        return "None: run by feel, relaxed and fast."
    if ex.holds:
        return f"{ex.default_tempo}: no movement; the player counts the seconds of each hold."
    parts = ex.default_tempo.split("-")
    lower, bottom, up, top = ("explosive" if part.upper() == EXPLOSIVE else f"{part} s" for part in parts)
    return f"{ex.default_tempo}: lower {lower}, pause {bottom} at the bottom, up {up}, pause {top} at the top."


def _heading(title: str) -> Text:
    return Text(f"\n{title}", style="bold underline")


def _bullets(items: tuple[str, ...], numbered: bool = False) -> Table:
    grid = Table.grid(padding=(0, 1))
    grid.add_column(no_wrap=True, justify="right")
    grid.add_column(ratio=1)
    for number, item in enumerate(items, start=1):
        grid.add_row(f"{number}." if numbered else "•", item)
    return grid


def _pairs(rows: list[tuple[Text | str, str]]) -> Table:
    grid = Table.grid(padding=(0, 2))
    grid.add_column(no_wrap=True)
    grid.add_column(ratio=1)
    for label, text in rows:
        grid.add_row(label, text)
    return grid


def ladder_table(ex: Exercise) -> Table:
    """The ladder, easiest first, the starting step marked, with what changes at each step."""
    rows: list[tuple[Text | str, str]] = []
    for number, step in enumerate(ex.ladder, start=1):
        start = step.slug == ex.default_step
        label = Text(f"{'▸' if start else ' '} {number}. {step.name}", style="bold" if start else "")
        rows.append((label, step.change + (" (start here)" if start else "")))
    return _pairs(rows)


def exercise_page(ex: Exercise, first_dose: Prescription | None) -> RenderableType:
    """The whole page: what it trains, figures, ladder, how to do it, dose by phase, safety and sources."""
    guide = ex.guide
    parts: list[RenderableType] = [
        Text(ex.name, style="bold"),
        Text(f"{ex.slug} · {summary_line(ex)}", style="dim"),
        Text(f"\n{guide.trains}"),
    ]
    if first_dose is not None:
        parts.append(Text(f"Start the tempo player with s: {dose_label(first_dose)}", style="italic"))
    figures = start_end_table(ex.slug)
    if figures is not None:
        parts += [_heading("Side view"), figures]
    parts += [_heading("Ladder (easiest first)"), ladder_table(ex)]
    parts += [_heading("Setup"), _bullets(guide.setup)]
    parts += [_heading("Movement"), _bullets(guide.movement, numbered=True)]
    parts += [_heading("Cues"), _bullets(guide.cues)]
    parts += [_heading("Common faults"), _bullets(guide.faults)]
    parts += [_heading("Default tempo"), Text(tempo_explained(ex))]
    parts += [_heading("Dose by phase"), _pairs([(Text(phase, style="bold"), text) for phase, text in guide.dose])]
    parts += [_heading("Safety"), _bullets(guide.safety)]
    parts += [_heading("Sources"), _bullets(guide.sources)]
    return Group(*parts)


def preview(ex: Exercise, first_dose: Prescription | None) -> RenderableType:
    """The top of the page, for the list's right-hand pane."""
    parts: list[RenderableType] = [
        Text(ex.name, style="bold"),
        Text(summary_line(ex), style="dim"),
        Text(f"\n{ex.guide.trains}"),
        Text(f"\nStarts at: {ex.step(ex.default_step).name}"),
    ]
    if first_dose is not None:
        parts.append(Text(f"First dose: {dose_label(first_dose)}"))
    figures = start_end_table(ex.slug)
    if figures is not None:
        parts += [Text(""), figures]
    parts.append(Text("\nEnter opens the full page.", style="dim"))
    return Group(*parts)
