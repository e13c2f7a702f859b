"""The line drawing behind the figures: braille cells, a figure that fits its box at every moment, one scale
for the whole movement (so the figure never changes size while it moves)."""

from __future__ import annotations

import pytest

from hamjournal.domain.library.exercises import EXERCISES
from hamjournal.domain.library.pose import HEAD_RADIUS_M, placed_points
from hamjournal.ui.widgets.pose_raster import BODY, GEAR, Frame, braille_rows, draw, frame_for

SIZES = [(25, 8), (36, 13), (54, 18)]  # a third of an 80-column page, of a 120x40 page, the player at 120x40


def test_braille_cells_set_the_dots_they_cover() -> None:
    frame = Frame(width=2, height=1, sub_x=2, sub_y=4, scale=1.0, origin=(0.0, 0.0))
    dots = {(0, 0): BODY, (1, 3): GEAR, (3, 1): BODY}
    row = braille_rows(dots, frame)[0]
    # (0,0) is dot 1 and (1,3) dot 8 of the first cell; (3,1) is dot 5 of the second.
    assert row == [(chr(0x2800 + 0x01 + 0x80), BODY), (chr(0x2800 + 0x10), BODY)]
    assert braille_rows({}, frame)[0] == [(" ", 0), (" ", 0)]


@pytest.mark.parametrize("size", SIZES, ids=lambda s: f"{s[0]}x{s[1]}")
@pytest.mark.parametrize("slug", list(EXERCISES))
def test_every_pose_fits_the_box_at_one_scale(slug: str, size: tuple[int, int]) -> None:
    movement = EXERCISES[slug].movement
    assert movement is not None
    frame = frame_for(movement, *size)
    width, height = size[0] * 2, size[1] * 4
    for step in range(21):
        fraction = step / 20
        assert any(kind != GEAR for kind in draw(movement, fraction, frame).values()), f"{slug} at {fraction}"
        # Every joint and the whole head land inside the box: draw() crops, so check before it would.
        for name, (px, py) in placed_points(movement, fraction).items():
            reach = HEAD_RADIUS_M if name == "head" else 0.0
            for dx, dy in ((-reach, 0), (reach, 0), (0, reach), (0, -reach)):
                x = (px + dx - frame.origin[0]) * frame.scale
                y = height - 1 - (py + dy - frame.origin[1]) * frame.scale
                assert -0.5 <= x < width - 0.5 and -0.5 <= y < height - 0.5, f"{slug}: {name} outside at {fraction}"
    # The scale comes from the movement and the size alone: one figure size for every fraction.
    assert frame_for(movement, *size) == frame
