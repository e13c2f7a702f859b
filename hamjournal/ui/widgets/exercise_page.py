"""An exercise's library page as Rich renderables: the detail screen shows it, the list previews its top.

Sections are grids with a bullet column so wrapped lines hang under the text, not under the bullet.
`RenderedOnce` keeps a drawn renderable for the next visit (the library's previews, the Advice screen's tables).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from rich.console import Console, ConsoleOptions, Group, RenderableType, RenderResult
from rich.segment import Segment
from rich.table import Table
from rich.text import Text
from textual.strip import Strip
from textual.visual import Visual

from hamjournal.domain.library.exercises import Exercise
from hamjournal.domain.library.tempo import EXPLOSIVE
from hamjournal.domain.models import Prescription

if TYPE_CHECKING:
    from textual.css.styles import RulesMap
    from textual.style import Style
    from textual.visual import RenderOptions


def dose_label(prescription: Prescription) -> str:
    """ "2x5 at 4-0-1-0" or "3x30s hold"."""
    if prescription.hold_s is not None:
        return f"{prescription.logged_notation} hold"
    text = prescription.logged_notation
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


def ladder_table(ex: Exercise, yours: str | None = None) -> Table:
    """The ladder, easiest first, with what changes at each step; marked is the runner's step when known
    ("you are here"), else the starting step."""
    marked = yours or ex.default_step
    rows: list[tuple[Text | str, str]] = []
    for number, step in enumerate(ex.ladder, start=1):
        here = step.slug == marked
        label = Text(f"{'▸' if here else ' '} {number}. {step.name}", style="bold" if here else "")
        note = (" (you are here)" if yours else " (start here)") if here else ""
        rows.append((label, step.change + note))
    return _pairs(rows)


def page_head(ex: Exercise, first_dose: Prescription | None, yours: str | None = None) -> RenderableType:
    """The top of the page, above the side view: name, summary, what it trains, how to start the player.

    `first_dose` is what s plays; `yours` the runner's ladder step (None: not known).
    """
    parts: list[RenderableType] = [
        Text(ex.name, style="bold"),
        Text(f"{ex.slug} · {summary_line(ex)}", style="dim"),
        Text(f"\n{ex.guide.trains}"),
    ]
    if first_dose is not None:
        at = f", {ex.step(yours).name.lower()}" if yours else ""
        parts.append(Text(f"Start the tempo player with s: {dose_label(first_dose)}{at}", style="italic"))
    return Group(*parts)


def exercise_page(ex: Exercise, yours: str | None = None) -> RenderableType:
    """The page below the side view: ladder, how to do it, dose by phase, safety and sources.

    `yours` is the runner's ladder step (None: not known, the first step is marked).
    """
    guide = ex.guide
    parts: list[RenderableType] = [_heading("Ladder (easiest first)"), ladder_table(ex, yours)]
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
    parts.append(Text("\nEnter opens the full page.", style="dim"))
    return Group(*parts)


class RenderedOnce(Visual):
    """A Rich renderable drawn once per width and kept: its height and its lines come from that one render.

    A Static with a Rich renderable renders it in full to measure its height, again to paint it, and again at
    every new width and every visit; the thresholds table alone (40-odd wrapped rows) costs several ms a render.
    Keep the instance (module level) and the next visit paints from the kept lines.
    """

    def __init__(self, renderable: RenderableType) -> None:
        self._renderable = renderable
        self._lines: dict[int, list[Strip]] = {}

    def _strips(self, width: int) -> list[Strip]:
        lines = self._lines.get(width)
        if lines is None:
            from textual._context import active_app

            app = active_app.get()
            options = app.console_options.update(highlight=False, width=width)
            segments = app.console.render(self._renderable, options)
            lines = [Strip(line) for line in Segment.split_and_crop_lines(segments, width, include_new_lines=False,
                                                                         pad=False)]
            self._lines[width] = lines
        return lines

    def render_strips(self, width: int, height: int | None, style: Style, options: RenderOptions) -> list[Strip]:
        # The widget's style under each segment's own, as Static does it (Widget.post_render).
        rich_style = style.rich_style
        return [strip.apply_style(rich_style) for strip in self._strips(width)[:height]]

    def get_optimal_width(self, rules: RulesMap, container_width: int) -> int:
        from rich.measure import Measurement
        from textual._context import active_app

        console = active_app.get().console
        options = console.options.update_width(container_width)
        return Measurement.get(console, options, self._renderable).maximum

    def get_height(self, rules: RulesMap, width: int) -> int:
        return len(self._strips(width))

    def __rich_console__(self, console: Console, options: ConsoleOptions) -> RenderResult:
        # Printed outside a widget (tests, a plain console) it is the renderable it keeps; Textual takes the
        # Visual methods above, since it checks for a Visual first.
        yield self._renderable
