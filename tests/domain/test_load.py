"""Running load: session RPE, EWMA acute:chronic ratio, distances, spikes and jumps."""

from __future__ import annotations

import datetime as dt

import pytest

from hamjournal.domain import load
from hamjournal.domain.models import Run

TODAY = dt.date(2026, 11, 24)


def daily(days: int, rpe: int = 5, minutes: float = 60, km: float | None = None) -> list[Run]:
    return [Run(TODAY - dt.timedelta(days=n), minutes, rpe=rpe, distance_km=km) for n in range(days)]


def test_session_load_foster() -> None:
    assert load.session_load(7, 60) == 420
    assert Run(TODAY, 60, rpe=7).load == 420


@pytest.mark.parametrize(("n", "decay"), [(7, 0.25), (28, 2 / 29)])
def test_ewma_lambda(n: int, decay: float) -> None:
    assert load.ewma_lambda(n) == pytest.approx(decay)


def test_ewma_step() -> None:
    assert load.ewma([100, 0], 7) == [100.0, 75.0]
    assert load.ewma([], 7) == []


def test_constant_load_for_60_days_gives_one() -> None:
    assert load.acute_chronic_ratio(daily(60), TODAY) == pytest.approx(1.0)


@pytest.mark.parametrize(("days", "shown"), [(27, False), (28, True), (29, True)])
def test_ratio_only_after_28_days(days: int, shown: bool) -> None:
    assert (load.acute_chronic_ratio(daily(days), TODAY) is not None) is shown


def test_zero_load_gives_none_not_zero_division() -> None:
    assert load.acute_chronic_ratio(daily(60, rpe=0), TODAY) is None


def test_no_runs_gives_none() -> None:
    assert load.acute_chronic_ratio([], TODAY) is None
    assert load.acute_chronic([], TODAY) is None


def test_doubling_the_last_week_raises_the_ratio() -> None:
    runs = daily(60, minutes=30) + daily(7, minutes=30)
    ratio = load.acute_chronic_ratio(runs, TODAY)
    assert ratio is not None and ratio > load.ACWR_SWEET_HIGH.value


def test_runs_without_rpe_add_no_load() -> None:
    runs = [Run(TODAY, 60, rpe=None), Run(TODAY, 30, rpe=4)]
    assert load.daily_loads(runs, TODAY, TODAY) == [120.0]


def test_daily_loads_fill_gaps_with_zero() -> None:
    runs = [Run(TODAY - dt.timedelta(days=2), 10, rpe=5)]
    assert load.daily_loads(runs, TODAY - dt.timedelta(days=3), TODAY) == [0.0, 50.0, 0.0, 0.0]


@pytest.mark.parametrize(
    ("ratio", "words"),
    [(0.79, "below"), (0.8, "sweet spot"), (1.3, "sweet spot"), (1.31, "more load"), (1.49, "more load"),
     (1.5, "much more")],
)
def test_describe_acwr_is_descriptive(ratio: float, words: str) -> None:
    text = load.describe_acwr(ratio)
    assert words in text
    assert "does not predict injury" in text


@pytest.mark.parametrize(("days_before", "counted"), [(1, True), (30, True), (31, False), (0, False)])
def test_longest_run_window(days_before: int, counted: bool) -> None:
    runs = [Run(TODAY - dt.timedelta(days=days_before), 60, distance_km=12.0)]
    assert (load.longest_run_km(runs, TODAY) == 12.0) is counted


@pytest.mark.parametrize(("km", "spike"), [(11.0, 0.10), (13.0, 0.30), (10.0, 0.0), (20.0, 1.0)])
def test_run_spike_is_exact(km: float, spike: float) -> None:
    base = Run(TODAY - dt.timedelta(days=10), 60, distance_km=10.0)
    new = Run(TODAY, 60, distance_km=km)
    assert load.run_spike([base, new], new) == spike


def test_run_spike_without_a_base() -> None:
    new = Run(TODAY, 60, distance_km=10.0)
    assert load.run_spike([new], new) is None
    assert load.run_spike([new], Run(TODAY, 60)) is None


@pytest.mark.parametrize(("recent", "change"), [(26.0, 0.30), (26.2, 0.31), (20.0, 0.0), (10.0, -0.5)])
def test_two_week_change(recent: float, change: float) -> None:
    runs = [Run(TODAY - dt.timedelta(days=20), 60, distance_km=20.0), Run(TODAY, 60, distance_km=recent)]
    assert load.two_week_distance_change(runs, TODAY) == pytest.approx(change)


@pytest.mark.parametrize(("base_day", "counted"), [(14, True), (27, True), (28, False), (13, False)])
def test_two_week_base_window(base_day: int, counted: bool) -> None:
    runs = [Run(TODAY - dt.timedelta(days=base_day), 60, distance_km=10.0), Run(TODAY, 60, distance_km=10.0)]
    change = load.two_week_distance_change(runs, TODAY)
    assert (change == 0.0) is counted


def test_two_week_change_without_base_is_none() -> None:
    assert load.two_week_distance_change([Run(TODAY, 60, distance_km=10.0)], TODAY) is None


def test_weekly_distance() -> None:
    runs = [Run(TODAY - dt.timedelta(days=n), 30, distance_km=5.0) for n in range(10)]
    assert load.weekly_distance(runs, TODAY - dt.timedelta(days=6)) == 35.0
    assert load.data_days(daily(3), TODAY) == 3
