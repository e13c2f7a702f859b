"""An exercise's start, middle and end poses side by side; while the demo plays, the middle one moves.

The strip draws nothing by itself over time: the screen that holds it owns the clock and calls `play_at`
with the demo's frame, so the page and the tempo player share one way of timing a movement.
"""

from __future__ import annotations

from textual.app import ComposeResult
from textual.containers import Horizontal, Vertical
from textual.widgets import Static

from hamjournal.domain.library.demo_loop import DemoFrame
from hamjournal.domain.library.pose import Movement
from hamjournal.ui.widgets.pose_canvas import PoseCanvas

MIN_ROWS, MAX_ROWS = 8, 14


def strip_poses(movement: Movement) -> tuple[tuple[str, float], ...]:
    """(label, fraction) of the three poses shown: setup, half way, other end. A stride shows the first
    quarter of its cycle instead (the landing, the pull through, the other knee driving): the second half
    is the first with the legs swapped, which looks the same in one colour."""
    if movement.cycle:
        return ((movement.start_label, 0.0), ("pulling through", 0.125), (movement.end_label, 0.25))
    return ((movement.start_label, 0.0), ("half way", 0.5), (movement.end_label, 1.0))


class PoseStrip(Horizontal):
    """Three figures of one movement under their labels."""

    DEFAULT_CSS = """
    PoseStrip {
        height: auto;
        margin: 1 0 0 0;
    }
    PoseStrip > Vertical {
        width: 1fr;
        height: auto;
    }
    PoseStrip .pose-label {
        width: 1fr;
        height: 1;  /* one row, so the three floors line up whatever the labels' lengths */
        text-overflow: ellipsis;
        text-align: center;
        text-style: bold;
    }
    PoseStrip #pose-middle-label.-playing {
        color: $accent;
    }
    PoseStrip PoseCanvas {
        height: 8;
    }
    """

    def __init__(self, movement: Movement, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.movement = movement
        self.poses = strip_poses(movement)

    def compose(self) -> ComposeResult:
        for (label, fraction), name in zip(self.poses, ("start", "middle", "end"), strict=True):
            with Vertical():
                yield Static(label, id=f"pose-{name}-label", classes="pose-label")
                yield PoseCanvas(self.movement, fraction, id=f"pose-{name}")

    def fit_height(self, screen_rows: int) -> None:
        """Figures 8 rows tall on an 80x24 screen, up to 14 on a tall one (a third of its rows)."""
        rows = max(MIN_ROWS, min(MAX_ROWS, screen_rows // 3))
        for canvas in self.query(PoseCanvas):
            canvas.styles.height = rows

    def play_at(self, frame: DemoFrame) -> None:
        """Show the looping demo in the middle figure, its caption ("LOWER 4 s") above it."""
        self.query_one("#pose-middle", PoseCanvas).show(frame.fraction)
        label = self.query_one("#pose-middle-label", Static)
        label.add_class("-playing")
        if str(label.render()) != f"▶ {frame.caption}":
            label.update(f"▶ {frame.caption}")

    def stop(self) -> None:
        """Back to the still half-way pose."""
        label, fraction = self.poses[1]
        self.query_one("#pose-middle", PoseCanvas).show(fraction)
        middle = self.query_one("#pose-middle-label", Static)
        middle.remove_class("-playing")
        middle.update(label)
