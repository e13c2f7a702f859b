"""A movement's stick figure drawn in braille dots, sized to the widget, in the theme's colours.

The player and the library's demo loop call `show(fraction)` many times a second; the drawing is redone only
when the pose moves by at least one step of `FRACTION_STEP` or the widget's size changes, and is kept as
Strips that Textual paints line by line. Below the app's 80x24 minimum the figure falls back to plain
characters (`| / \\ _ O`), which read better than braille at a few cells.
"""

from __future__ import annotations

from rich.segment import Segment
from rich.style import Style
from textual.strip import Strip
from textual.widget import Widget

from hamjournal.domain.library.pose import Movement
from hamjournal.ui.widgets.pose_raster import BODY, FAR, braille_rows, draw, frame_for, text_rows
from hamjournal.ui.widgets.size_guard import MIN_HEIGHT, MIN_WIDTH

# 1/200 of the movement: a 4 s lowering at 10 frames a second moves 1/40 a frame, so every frame is drawn.
FRACTION_STEP = 1 / 200


class PoseCanvas(Widget):
    """The figure of `movement` at a fraction of the way through it (0 = setup pose, 1 = the other end)."""

    COMPONENT_CLASSES = {"pose-canvas--body", "pose-canvas--far", "pose-canvas--gear"}
    DEFAULT_CSS = """
    PoseCanvas {
        width: 1fr;
        height: 8;
    }
    PoseCanvas > .pose-canvas--body {
        color: $accent;
    }
    PoseCanvas > .pose-canvas--far {
        color: $primary;
    }
    PoseCanvas > .pose-canvas--gear {
        color: $text-muted;
    }
    """

    def __init__(
        self, movement: Movement | None, fraction: float = 0.0, *, id: str | None = None, classes: str | None = None
    ) -> None:
        super().__init__(id=id, classes=classes)
        self.movement = movement
        self.fraction = fraction
        self.display = movement is not None
        self._strips: list[Strip] = []
        self._drawn_for: tuple[object, ...] | None = None

    def show(self, fraction: float) -> None:
        """Draw the pose at `fraction`; a change smaller than FRACTION_STEP is not redrawn."""
        if abs(fraction - self.fraction) < FRACTION_STEP and self._drawn_for is not None:
            return
        self.fraction = fraction
        self.refresh()

    def set_movement(self, movement: Movement | None, fraction: float = 0.0) -> None:
        """Draw another movement (the library's preview follows the highlighted exercise)."""
        self.movement = movement
        self.fraction = fraction
        self.display = movement is not None
        self._drawn_for = None
        self.refresh()

    @property
    def text_fallback(self) -> bool:
        """True when the terminal is below 80x24 and the figure is drawn in plain characters."""
        size = self.app.size
        return size.width < MIN_WIDTH or size.height < MIN_HEIGHT

    def _styles(self) -> dict[int, Style]:
        body = self.get_component_rich_style("pose-canvas--body")
        far = self.get_component_rich_style("pose-canvas--far")
        gear = self.get_component_rich_style("pose-canvas--gear")
        return {BODY: body, FAR: far, 0: gear, 3: gear}

    def _draw(self, width: int, height: int) -> list[Strip]:
        movement = self.movement
        if movement is None or width < 4 or height < 2:
            return []
        base = self.rich_style
        if self.text_fallback:
            frame = frame_for(movement, width, height, braille=False)
            lines = text_rows(movement, self.fraction, frame)
            return [Strip([Segment(line.ljust(width), base)], width) for line in lines]
        frame = frame_for(movement, width, height)
        styles = {kind: base + style for kind, style in self._styles().items()}
        strips = []
        for row in braille_rows(draw(movement, self.fraction, frame), frame):
            segments: list[Segment] = []
            run, run_kind = "", -1
            for char, kind in row:
                if kind != run_kind and run:
                    segments.append(Segment(run, styles[run_kind]))
                    run = ""
                run += char
                run_kind = kind
            if run:
                segments.append(Segment(run, styles[run_kind]))
            strips.append(Strip(segments, width))
        return strips

    def render_line(self, y: int) -> Strip:
        width, height = self.size
        key = (self.fraction, width, height, self.text_fallback, self.movement)
        if key != self._drawn_for:
            self._strips = self._draw(width, height)
            self._drawn_for = key
        if y < len(self._strips):
            return self._strips[y]
        return Strip.blank(width, self.rich_style)

    def notify_style_update(self) -> None:
        super().notify_style_update()
        # A theme change recolours the figure: draw it again with the new styles.
        self._drawn_for = None
