"""The player's sums without a terminal: countdown text, what counts as done, and tempo changes."""

from __future__ import annotations

import pytest

from hamjournal.domain.library.tempo import make_plan
from hamjournal.domain.models import SetEntry
from hamjournal.ui.screens.player_clock import Stopwatch
from hamjournal.ui.screens.player_view import (
    countdown_text,
    player_view,
    restart_point,
    sets_done,
    with_lowering,
)


@pytest.mark.parametrize(
    ("seconds", "text"),
    [(4.0, "4"), (3.01, "4"), (0.2, "1"), (0.0, "0"), (59.5, "1:00"), (60.0, "1:00"), (61.0, "1:01"), (125, "2:05")],
)
def test_countdown_rounds_up_and_turns_to_minutes(seconds: float, text: str) -> None:
    assert countdown_text(seconds) == text


def test_lead_in_counts_down_before_the_first_rep() -> None:
    plan = make_plan(2, 5, "4-0-1-0")
    view = player_view(plan, 1.0, 5)
    assert (view.word, view.countdown, view.position) == ("READY", "4", 0.0)
    assert (player_view(plan, 5.0, 5).word, player_view(plan, 5.0, 5).countdown) == ("LOWER", "4")


@pytest.mark.parametrize(
    ("elapsed", "done"),
    [
        (0.0, ()),  # nothing finished
        (4.5, (SetEntry(reps=2),)),  # 1-0-1-0: two reps finished, the third under way
        (6.0, (SetEntry(reps=3),)),  # the rest after set 1: the whole set counts
        (8.5, (SetEntry(reps=3),)),  # set 2 started, no rep finished yet
        (99.0, (SetEntry(reps=3), SetEntry(reps=3))),  # done
    ],
)
def test_sets_done_counts_finished_reps_only(elapsed: float, done: tuple[SetEntry, ...]) -> None:
    plan = make_plan(2, 3, "1-0-1-0", rest_s=2)
    assert sets_done(plan, elapsed) == done


def test_sets_done_on_a_hold_counts_the_seconds_held() -> None:
    plan = make_plan(2, 1, "0-0-0-0", rest_s=10, hold_s=30)
    assert sets_done(plan, 12.5) == (SetEntry(reps=None, hold_s=12),)


def test_lowering_changes_stay_in_range() -> None:
    plan = make_plan(1, 5, "1-0-1-0")
    assert with_lowering(plan, -1).tempo.lower == 1
    assert with_lowering(plan, 30).tempo.lower == 20
    assert with_lowering(make_plan(1, 5, "X-0-1-0"), 1).tempo.lower == 2
    hold = make_plan(3, 1, "0-0-0-0", hold_s=30)
    assert (with_lowering(hold, 1).hold_s, with_lowering(hold, -9).hold_s) == (35, 5)


def test_tempo_change_restarts_the_rep_and_keeps_the_rest() -> None:
    old = make_plan(2, 3, "4-0-1-0", rest_s=60)  # rep = 5 s; set 1 ends at 15, rest 15-75
    new = with_lowering(old, 2)  # rep = 7 s; set 1 ends at 21, rest 21-81
    assert restart_point(old, new, 7.0) == 7.0  # rep 2 started at 5 in old, at 7 in new
    assert restart_point(old, new, 0.5) == 0.0
    assert restart_point(old, new, 45.0) == 51.0  # halfway through the rest stays halfway
    assert restart_point(old, new, 76.0) == 81.0  # set 2, rep 1 starts again
    assert restart_point(old, new, 500.0) == 102.0  # done stays done: 2 x 3 x 7 s + 60 s rest


def test_stopwatch_pause_and_jump() -> None:
    now = [100.0]
    watch = Stopwatch(lambda: now[0])
    now[0] = 103.0
    watch.pause()
    now[0] = 200.0
    assert watch.elapsed() == 3.0
    watch.resume()
    now[0] = 201.5
    assert watch.elapsed() == 4.5
    watch.jump_to(10.0)
    assert watch.elapsed() == 10.0
    watch.toggle()
    watch.jump_to(12.0)
    now[0] = 300.0
    assert (watch.paused, watch.elapsed()) == (True, 12.0)
