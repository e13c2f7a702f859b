"""The three-frame ASCII player figure as it was before the pose model (git f9da192), for benchmarks/player.py.

Only the Nordic's frames and the widget that showed them, unchanged, so the benchmark can run the old figure
and the new one in the same run. Not used by the app.
"""

from __future__ import annotations

import math

from rich.text import Text
from textual.reactive import reactive
from textual.widget import Widget

FIGURE_HEIGHT = 9

_RAW: dict[str, tuple[str, ...]] = {
    "nordic": (
        r"""
          O
         /|\
          |
          |
          |
          |
 [#]======o
~~~~~~~~~~~~~~~~~~~~~~~~~~
""",
        r"""
                O
               /
              /|
             / |
            /
           /
 [#]======o
~~~~~~~~~~~~~~~~~~~~~~~~~~
""",
        r"""



            ___________O
 [#]======o/        ||
~~~~~~~~~~~~~~~~~~~~~~~~~~
""",
    ),
}


def _normalise(frames: tuple[str, ...]) -> tuple[str, ...]:
    split = [frame.strip("\n").split("\n") for frame in frames]
    width = max(len(line) for lines in split for line in lines)
    padded = []
    for lines in split:
        lines = [""] * (FIGURE_HEIGHT - len(lines)) + lines
        padded.append("\n".join(line.ljust(width) for line in lines))
    return tuple(padded)


NORDIC_FRAMES = _normalise(_RAW["nordic"])


def figure_at(frames: tuple[str, ...], fraction: float) -> str | None:
    """The frame nearest `fraction` of the way from start (0.0) to end (1.0)."""
    if not frames:
        return None
    if math.isnan(fraction):
        raise ValueError("figure fraction must be a number from 0 to 1, got NaN")
    clamped = min(1.0, max(0.0, fraction))
    return frames[round(clamped * (len(frames) - 1))]


class PoseView(Widget):
    """The pose nearest `position` of the way from start (0.0) to end (1.0); hidden for an exercise with no
    figure. The height is the figure height, so a frame change never moves the rest of the screen."""

    DEFAULT_CSS = f"""
    PoseView {{
        width: auto;
        height: {FIGURE_HEIGHT};
    }}
    """

    # The frame text, not the position: a repaint happens only when the drawing changes.
    frame: reactive[str] = reactive("", layout=True)

    def __init__(self, frames: tuple[str, ...], *, id: str | None = None, classes: str | None = None) -> None:
        super().__init__(id=id, classes=classes)
        self.frames = frames
        first = figure_at(self.frames, 0.0)
        self.display = first is not None
        self.set_reactive(PoseView.frame, first or "")

    def show(self, position: float) -> None:
        """Draw the pose for a position between start (0.0) and end (1.0)."""
        self.frame = figure_at(self.frames, position) or ""

    def render(self) -> Text:
        return Text(self.frame, no_wrap=True)
