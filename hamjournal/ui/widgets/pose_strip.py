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


def strip_poses(movement: Movement) -> tuple[tuple[str, float], ...]:
    """(label, fraction) of the three poses shown: setup, half way, other end; a stride shows the landing,
    the stance and the knee drive instead (its end is its start)."""
    if movement.cycle:
        return ((movement.start_label, 0.0), ("over the foot", 0.25), (movement.end_label, 0.75))
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
