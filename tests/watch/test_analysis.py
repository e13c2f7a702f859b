"""The analysis of a recorded run, table-driven at each threshold's boundary (pure domain, no files)."""

from __future__ import annotations

import datetime as dt

import pytest

from hamjournal.domain.models import Run
from hamjournal.domain.recording import thresholds as th
from hamjournal.domain.recording.analysis import (
    analyse,
    count_strides,
    finish_time,
    guess_kind,
    moving_seconds,
    smooth,
    usual_run_minutes,
)
from hamjournal.domain.recording.matching import same_run
from hamjournal.domain.recording.model import Lap, Recording
from tests.watch.fixtures import EASY, distances, easy_run, intervals_run, race_5k, steady, strides_run

START = dt.datetime(2026, 11, 2, 7, 0, tzinfo=dt.UTC)


def recording(speeds: list[float], name: str = "", laps: tuple[Lap, ...] = ()) -> Recording:
    times = [float(i) for i in range(len(speeds) + 1)]
    return Recording(START, "running", times, distances(speeds), [*speeds, speeds[-1]], name=name, laps=laps)


def strides_of(speeds: list[float]) -> int:
    times = [float(i) for i in range(len(speeds))]
    return count_strides(times, smooth(times, speeds, th.SMOOTHING_WINDOW.value))


@pytest.mark.parametrize(
    ("speed", "gap", "moving"),
    [
        (3.0, 1, 10.0),  # running
        (th.MOVING_SPEED.value, 1, 10.0),  # at the floor: still moving
        (th.MOVING_SPEED.value - 0.01, 1, 0.0),  # just below: standing
        (3.0, th.MAX_SAMPLE_GAP.value, 100.0),  # the longest gap that is not a pause
        (3.0, th.MAX_SAMPLE_GAP.value + 1, 0.0),  # a pause
    ],
)
def test_moving_time_counts_gaps_at_running_speed(speed: float, gap: int, moving: float) -> None:
    times = [float(i * gap) for i in range(11)]
    assert moving_seconds(times, [speed] * 11) == pytest.approx(moving)


@pytest.mark.parametrize(
    ("stride_s", "count", "found"),
    [
        (20, 6, 6),  # the usual set
        (15, 6, 6),
        (30, 4, 4),
        (12, 6, 6),  # still a stride once smoothed (>= STRIDE_MIN_S)
        (6, 6, 0),  # a 6 s burst is a surge, not a stride
        (45, 4, 0),  # 45 s near top speed is an interval rep
        (20, 1, 0),  # one lone burst: not a set of strides
        (20, 2, 2),  # two are
    ],
)
def test_strides_are_short_bursts_near_top_speed(stride_s: int, count: int, found: int) -> None:
    assert strides_of(strides_run(count, stride_s)) == found


def test_a_steady_run_and_intervals_have_no_strides() -> None:
    assert strides_of(easy_run(30)) == 0
    assert strides_of(intervals_run()) == 0


def test_bursts_without_recovery_between_are_one() -> None:
    # 6 x 20 s fast with only 10 s easy between: one long burst (too long for a stride).
    speeds = steady(600, EASY)
    for _ in range(6):
        speeds += [6.0] * 20 + [EASY] * 10
    assert strides_of(speeds + steady(120, EASY)) == 0


@pytest.mark.parametrize(
    ("speeds", "name", "usual", "kind"),
    [
        (easy_run(40), "", 40.0, "easy"),
        (easy_run(56), "", 40.0, "long"),  # 1.4 x 40 = 56 min: the boundary is long
        (easy_run(55), "", 40.0, "easy"),
        (easy_run(90), "", None, "long"),  # no history: 90 min is long
        (easy_run(89), "", None, "easy"),
        (intervals_run(5), "", 40.0, "intervals"),
        (intervals_run(2), "", 40.0, "easy"),  # two reps are not a session of repeats
        (easy_run(30), "Sunday parkrun", 40.0, "race"),
        (easy_run(30), "City 10K Race", 40.0, "race"),
    ],
)
def test_the_kind_of_run(speeds: list[float], name: str, usual: float | None, kind: str) -> None:
    rec = recording(speeds, name)
    assert guess_kind(rec, moving_seconds(rec.times_s, rec.speed_ms) / 60, usual) == kind


def test_a_lap_named_race_makes_a_race() -> None:
    rec = recording(easy_run(20), laps=(Lap(0, 1200, 3600, "race"),))
    assert guess_kind(rec, 20, 40.0) == "race"


@pytest.mark.parametrize(
    ("finish_m", "expected_s"),
    # 400 m: the 200 m sprint, the last second before it (0.6 m, the fixture's rounding to 4800 m) and 199.4 m at 3.8.
    [(200, 32.0), (100, 16.0), (400, 32.0 + 1.0 + 199.4 / 3.8)],
)
def test_finish_time_over_the_last_metres(finish_m: float, expected_s: float) -> None:
    speeds = race_5k()  # the last 200 m at 6.25 m/s = 32 s, before that 3.8 m/s
    times = [float(i) for i in range(len(speeds) + 1)]
    assert finish_time(times, distances(speeds), finish_m) == pytest.approx(expected_s, abs=0.5)


def test_standing_after_the_line_does_not_count_and_a_short_run_has_no_finish() -> None:
    speeds = race_5k() + [0.0] * 60
    times = [float(i) for i in range(len(speeds) + 1)]
    assert finish_time(times, distances(speeds), 200) == pytest.approx(32.0, abs=0.5)
    assert finish_time([0.0, 1.0, 2.0], [0.0, 150.0, 300.0], 200) is None


def test_analyse_a_race_gives_minutes_km_finish_and_no_strides() -> None:
    facts = analyse(recording(race_5k(), "5K race"))
    assert facts.kind == "race"
    assert facts.km == pytest.approx(5.0, abs=0.01)
    assert facts.minutes == pytest.approx(1295 / 60, abs=0.1)
    assert facts.finish_s == pytest.approx(32.0, abs=0.5)
    assert facts.strides == 0


def test_the_usual_run_needs_enough_runs() -> None:
    assert usual_run_minutes([40, 45, 50, 35]) is None
    assert usual_run_minutes([40, 45, 50, 35, 60]) == 45


DAY = dt.date(2026, 11, 2)
AT = dt.datetime(2026, 11, 2, 7, 0)


@pytest.mark.parametrize(
    ("stored", "same"),
    [
        (Run(DAY, 40, start=AT + dt.timedelta(seconds=60), distance_km=8.0), True),  # a minute apart
        (Run(DAY, 40, start=AT + dt.timedelta(seconds=61), distance_km=8.0), False),
        (Run(DAY, 40, start=AT, distance_km=8.16), True),  # 2% longer
        (Run(DAY, 40, start=AT, distance_km=8.2), False),
        (Run(DAY, 40, distance_km=8.1), True),  # typed: same day, distance within 2%
        (Run(DAY + dt.timedelta(days=1), 40, distance_km=8.0), False),  # typed on another day
        (Run(DAY, 41, distance_km=None), True),  # typed without km: minutes within 5%
        (Run(DAY, 43, distance_km=None), False),
    ],
)
def test_the_same_run_recorded_or_typed(stored: Run, same: bool) -> None:
    candidate = Run(DAY, 40.0, distance_km=8.0, start=AT, source="a.fit")
    assert same_run(candidate, stored) is same
