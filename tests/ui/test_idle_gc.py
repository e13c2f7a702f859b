"""Full garbage collections wait for a pause in the typing (ui/idle_gc.py): decided on a fake clock and fake
counts, never timed."""

from __future__ import annotations

import gc

import pytest

from hamjournal.ui.idle_gc import BACKSTOP_AFTER_YOUNG, FULL_AFTER_YOUNG, IDLE_AFTER_S, IdleCollector


class Clock:
    def __init__(self) -> None:
        self.now = 100.0

    def __call__(self) -> float:
        return self.now


@pytest.mark.parametrize(
    ("quiet_s", "young", "collects"),
    [
        (0.0, FULL_AFTER_YOUNG, False),  # a key just now: never in the middle of its work
        (IDLE_AFTER_S - 0.01, FULL_AFTER_YOUNG + 5, False),  # not quite a pause
        (IDLE_AFTER_S, FULL_AFTER_YOUNG - 1, False),  # a pause, but too little since the last full collection
        (IDLE_AFTER_S, FULL_AFTER_YOUNG, True),
        (60.0, FULL_AFTER_YOUNG * 3, True),
    ],
)
def test_a_full_collection_runs_only_in_a_pause_and_only_when_due(quiet_s: float, young: int, collects: bool) -> None:
    clock = Clock()
    ran: list[int] = []
    collector = IdleCollector(clock, lambda: young, lambda: ran.append(1))
    collector.input_seen()
    clock.now += quiet_s
    assert collector.tick() is collects
    assert (ran, collector.collections) == (([1], 1) if collects else ([], 0))


def test_a_key_ends_the_pause() -> None:
    clock = Clock()
    collector = IdleCollector(clock, lambda: FULL_AFTER_YOUNG, lambda: None)
    clock.now += IDLE_AFTER_S
    collector.input_seen()
    assert not collector.due()
    clock.now += IDLE_AFTER_S
    assert collector.due()


def test_start_moves_the_automatic_full_collection_back_and_stop_restores_it() -> None:
    before = gc.get_threshold()
    collector = IdleCollector()
    collector.start()
    try:
        assert gc.get_threshold() == (before[0], before[1], BACKSTOP_AFTER_YOUNG)
    finally:
        collector.stop()
    assert gc.get_threshold() == before


def test_nothing_runs_while_the_collector_is_off() -> None:
    """Start-up runs with the collector off (cli.main): an idle moment then must not collect either."""
    clock = Clock()
    collector = IdleCollector(clock, lambda: FULL_AFTER_YOUNG, lambda: None)
    clock.now += IDLE_AFTER_S
    gc.disable()
    try:
        assert not collector.due()
    finally:
        gc.enable()
    assert collector.due()
