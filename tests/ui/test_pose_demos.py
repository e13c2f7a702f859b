"""The moving figures: the player's figure follows the count's own elapsed time, the page's demo loops at the
exercise's tempo, the library previews the start pose, and the drawing is the pose it claims to be.

Every clock here is a FakeClock moved by hand: nothing waits for real time to pass.
"""

from __future__ import annotations

import inspect
from pathlib import Path

import pytest
from textual.widgets import Static

from hamjournal.domain.library.demo_loop import demo_frame
from hamjournal.domain.library.exercises import get_exercise
from hamjournal.domain.library.pose import stride_cycle_s
from hamjournal.domain.models import Prescription
from hamjournal.ui.palette import screen_commands
from hamjournal.ui.screens.exercises import ExerciseDetailScreen, ExercisesScreen
from hamjournal.ui.screens.log_session import LogSessionDialog
from hamjournal.ui.screens.tempo_player import TempoPlayerScreen
from hamjournal.ui.widgets.pose_canvas import PoseCanvas
from hamjournal.ui.widgets.pose_raster import braille_rows, draw, frame_for
from hamjournal.ui.widgets.pose_strip import PoseStrip
from tests.ui.player_support import FakeClock, journal_app, settle, wait_for_journal


def drawn(canvas: PoseCanvas) -> list[str]:
    """The canvas's lines as painted."""
    return [canvas.render_line(y).text for y in range(canvas.size.height)]


def expected(canvas: PoseCanvas, fraction: float) -> list[str]:
    """The braille lines of the movement at `fraction`, drawn independently at the canvas's size."""
    movement = canvas.movement
    assert movement is not None
    frame = frame_for(movement, canvas.size.width, canvas.size.height)
    rows = braille_rows(draw(movement, fraction, frame), frame)
    return ["".join(char for char, _kind in row) for row in rows]


async def test_the_player_figure_follows_the_lowering_second_by_second(journal_path: Path) -> None:
    # A 4-0-1-0 Nordic rep, no lead-in: at 0, 1, 2, 3 and 4 s the figure is 0, 25, 50, 75 and 100% of the
    # way down, read from the same stopwatch as the count.
    clock = FakeClock()
    app = journal_app(journal_path)
    async with app.run_test(size=(100, 32)) as pilot:
        await wait_for_journal(pilot)
        player = TempoPlayerScreen(
            "nordic", "band-assisted", Prescription(1, (2,), tempo="4-0-1-0"), clock=clock, lead_in_s=0
        )
        app.push_screen(player)
        await settle(pilot)
        canvas = player.query_one("#pose", PoseCanvas)
        seen = []
        for second in range(5):
            clock.now = 1000.0 + second
            player.refresh_view()
            seen.append(canvas.fraction)
            await pilot.pause()
            assert drawn(canvas) == expected(canvas, second / 4), f"the drawing at {second} s"
        assert seen == [0.0, 0.25, 0.5, 0.75, 1.0]
        assert player.view is not None and player.view.word == "UP"  # 4 s is the lifting's start: still down
        clock.now = 1000.0 + 4.5  # half way up
        player.refresh_view()
        assert canvas.fraction == pytest.approx(0.5)


async def test_the_player_figure_waits_in_the_setup_pose_during_rest(journal_path: Path) -> None:
    # 2x1 bridges at 2-1-1-0 with 3 s rest: the lowering of a bridge starts from hips up (the movement's
    # end) and comes down to the setup pose; the rest waits hips down.
    clock = FakeClock()
    app = journal_app(journal_path)
    async with app.run_test(size=(100, 32)) as pilot:
        await wait_for_journal(pilot)
        player = TempoPlayerScreen(
            "bridge", "short-lever", Prescription(2, (1, 1), tempo="2-1-1-0"), clock=clock, rest_s=3, lead_in_s=1
        )
        app.push_screen(player)
        await settle(pilot)
        canvas = player.query_one("#pose", PoseCanvas)
        assert canvas.fraction == 0.0  # lead-in: lying, hips down
        for plan_s, fraction in ((0.0, 1.0), (1.0, 0.5), (2.5, 0.0), (3.5, 0.5), (5.0, 0.0)):
            clock.now = 1001.0 + plan_s
            player.refresh_view()
            assert canvas.fraction == pytest.approx(fraction), plan_s
        assert player.view is not None and player.view.word == "REST"


async def test_the_page_demo_loops_the_movement_at_the_tempo(journal_path: Path) -> None:
    clock = FakeClock()
    app = journal_app(journal_path)
    async with app.run_test(size=(100, 32)) as pilot:
        await wait_for_journal(pilot)
        page = ExerciseDetailScreen("nordic", clock=clock)
        app.push_screen(page)
        await settle(pilot)
        middle = page.query_one("#pose-middle", PoseCanvas)
        assert middle.fraction == 0.5  # still: the half-way pose
        await pilot.press("d")
        assert page.demo is not None
        for elapsed, fraction, caption in ((0, 0.0, "LOWER 4 s"), (3, 0.75, "LOWER 4 s"), (4.5, 0.5, "UP 1 s"),
                                           (5, 0.0, "LOWER 4 s"), (7, 0.5, "LOWER 4 s")):
            clock.now = 1000.0 + elapsed
            page.tick_demo()
            await pilot.pause()
            assert middle.fraction == pytest.approx(fraction), elapsed
            assert str(page.query_one("#pose-middle-label", Static).render()) == f"▶ {caption}"
        await pilot.press("d")  # stops: back to the still half-way pose
        assert page.demo is None and middle.fraction == 0.5
        assert str(page.query_one("#pose-middle-label", Static).render()) == "half way"
        # The same action from the command palette.
        demo = next(c for c in screen_commands(page) if c.title == "Demo")
        ran = demo.run()
        if inspect.isawaitable(ran):
            await ran
        assert page.demo is not None


def test_a_run_drill_loops_a_stride_at_its_effort() -> None:
    strides = get_exercise("strides")
    relaxed, near_max = stride_cycle_s(0.70), stride_cycle_s(0.95)
    assert demo_frame(strides, "relaxed", relaxed / 2).fraction == pytest.approx(0.5)
    assert demo_frame(strides, "near-max", near_max / 2).fraction == pytest.approx(0.5)
    assert demo_frame(strides, "relaxed", 0).caption.startswith("stride at 70%")
    hold = get_exercise("iso-hold")
    assert demo_frame(hold, "bilateral", 1).fraction == 1.0  # holding
    assert demo_frame(hold, "bilateral", 4).fraction == 0.0  # let down between holds
    with pytest.raises(ValueError, match="elapsed"):
        demo_frame(hold, "bilateral", -1)


async def test_the_library_previews_the_start_pose_of_the_highlighted_exercise(journal_path: Path) -> None:
    app = journal_app(journal_path)
    async with app.run_test(size=(100, 32)) as pilot:
        await wait_for_journal(pilot)
        app.push_screen(ExercisesScreen())
        await settle(pilot)
        pose = app.screen.query_one("#preview-pose", PoseCanvas)
        assert pose.movement is get_exercise("nordic").movement and pose.fraction == 0.0
        assert drawn(pose) == expected(pose, 0.0)
        await pilot.press("down", "down")
        await settle(pilot)
        assert pose.movement is get_exercise("bridge").movement and pose.fraction == 0.0
        await pilot.press("slash", *"zzz")  # letters filter only after /
        await settle(pilot)
        assert pose.display is False  # nothing matches: no figure


async def test_the_log_dialog_shows_no_figure(journal_path: Path) -> None:
    app = journal_app(journal_path)
    async with app.run_test(size=(100, 32)) as pilot:
        await wait_for_journal(pilot)
        await pilot.press("l")
        await settle(pilot)
        assert isinstance(app.screen, LogSessionDialog)
        assert not app.screen.query(PoseCanvas) and not app.screen.query(PoseStrip)


def test_below_80x24_the_figure_is_plain_text() -> None:
    from hamjournal.ui.widgets.pose_raster import text_rows

    movement = get_exercise("sl-rdl").movement
    assert movement is not None
    frame = frame_for(movement, 20, 8, braille=False)
    upright = text_rows(movement, 0.0, frame)
    tipped = text_rows(movement, 1.0, frame)
    assert len(upright) == 8 and all(len(line) <= 20 for line in upright)
    assert "O" in "".join(upright) and "|" in "".join(upright)  # the head, the standing leg
    assert upright[-1].strip().startswith("~")  # the floor
    assert not any("\u2800" <= char <= "\u28ff" for char in "".join(upright))
    assert upright != tipped
