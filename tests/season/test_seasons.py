"""Season properties: the rules and the planner judged as a loop, a runner following the plan for months.

Each test simulates a season (tests/season/simulator.py) and checks one property of the decision-loop issue;
a failure prints what went wrong and the whole season as a table. Many fail on today's rules and planner:
they describe what the rewrite must do, so they are neither xfailed nor weakened.
To look at a season: `python -m tests.season.show --mornings ordinary --weeks 12 [--day N]` (see --help).
When the rules' or the planner's API changes, adapt `simulator.replan`, the one function that calls them.
"""

from __future__ import annotations

import functools
import os
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import pytest

from tests.season import checks
from tests.season.simulator import Events, SeasonResult, prevention_runner, rehab_runner, simulate
from tests.season.table import format_season_table

SUDDEN_DAY = 31  # a Wednesday in week 5 (a Nordic day), after a month of training
PAINFUL_NORDIC_WEEK = 4  # pain 6/10 during every Nordic from week 4, once the runner is into the ramp


@functools.cache
def season(name: str) -> SeasonResult:
    """The seasons the tests share, simulated once per test run."""
    seasons: dict[str, Callable[[], SeasonResult]] = {
        "clean": lambda: simulate(prevention_runner("clean", weeks=12)),
        "ordinary": lambda: simulate(prevention_runner("ordinary", weeks=12)),
        "sudden": lambda: simulate(prevention_runner("clean", weeks=12, events=Events(sudden_day=SUDDEN_DAY))),
        "painful-nordic": lambda: simulate(
            prevention_runner("clean", weeks=12, events=Events(nordic_pain_from_week=PAINFUL_NORDIC_WEEK))
        ),
        "rehab-deficit": lambda: simulate(rehab_runner(weeks=16, deficit=0.2, aslr_short_deg=15.0)),
        "half": lambda: simulate(prevention_runner("ordinary", weeks=14, race="half", race_week=12)),
        "10k": lambda: simulate(prevention_runner("clean", weeks=12, race="10k", race_week=10)),
    }
    return seasons[name]()


def assert_holds(result: SeasonResult, problems: list[str]) -> None:
    """Fail with the problems and the season table."""
    assert not problems, "\n".join([*problems, "", format_season_table(result)])


MORNINGS = ["clean", "ordinary"]


@pytest.mark.parametrize("name", MORNINGS)
def test_a_prevention_runner_reaches_petersens_full_dose_by_week_10(name: str) -> None:
    result = season(name)
    assert_holds(result, checks.full_dose_by(result, week=10))


@pytest.mark.parametrize("name", MORNINGS)
def test_a_prevention_runner_climbs_two_nordic_rungs_in_10_weeks(name: str) -> None:
    result = season(name)
    assert_holds(result, checks.ladder_climbed(result, rungs=2, week=10))


@pytest.mark.parametrize("name", MORNINGS)
def test_a_runner_who_follows_the_plan_regresses_on_a_handful_of_days_at_most(name: str) -> None:
    result = season(name)
    assert_holds(result, checks.few_regress_days(result, most=5))


@pytest.mark.parametrize("name", MORNINGS)
def test_a_runner_who_follows_the_plan_is_never_told_to_stop(name: str) -> None:
    result = season(name)
    assert_holds(result, checks.no_stop(result))


@pytest.mark.parametrize("name", [*MORNINGS, "half"])
def test_a_deload_lasts_one_week_and_the_usual_dose_returns(name: str) -> None:
    result = season(name)
    assert_holds(result, checks.deloads_last_one_week(result))


@pytest.mark.parametrize("name", [*MORNINGS, "painful-nordic", "half"])
def test_no_dose_is_planned_below_the_first_rung(name: str) -> None:
    result = season(name)
    assert_holds(result, checks.no_dose_below_floor(result))


def test_a_sudden_pain_stops_all_loading_the_same_evening() -> None:
    result = season("sudden")
    assert_holds(result, checks.stops_within_the_day(result, SUDDEN_DAY))


def test_pain_6_during_every_nordic_regresses_and_never_progresses() -> None:
    result = season("painful-nordic")
    assert_holds(result, checks.painful_nordic_never_progresses(result, PAINFUL_NORDIC_WEEK))


def test_a_rehab_runner_with_a_20_percent_deficit_never_gets_sprints() -> None:
    result = season("rehab-deficit")
    assert_holds(result, checks.no_sprints(result))


@pytest.mark.parametrize("name", ["half", "10k"])
def test_no_nordics_before_an_a_race_and_no_new_step_in_its_last_two_weeks(name: str) -> None:
    result = season(name)
    assert_holds(result, checks.race_rules(result))


@pytest.mark.parametrize("name", MORNINGS)
def test_the_runner_does_the_dose_the_advice_gave_when_it_was_planned(name: str) -> None:
    result = season(name)
    assert_holds(result, checks.same_dose_everywhere(result))


# --- the simulator itself: these hold today and must keep holding --------------------------------------------


@pytest.mark.parametrize("name", [*MORNINGS, "rehab-deficit"])
def test_the_simulated_runner_does_every_item_at_its_prescription(name: str) -> None:
    result = season(name)
    assert_holds(result, checks.done_as_prescribed(result))


@pytest.mark.parametrize("name", [*MORNINGS, "sudden"])
def test_a_replan_never_rewrites_today_or_the_past(name: str) -> None:
    result = season(name)
    assert_holds(result, checks.past_never_rewritten(result))


def test_a_season_is_the_same_every_time() -> None:
    again = simulate(prevention_runner("ordinary", weeks=12))
    assert format_season_table(again) == format_season_table(season("ordinary"))
    assert again.plan == season("ordinary").plan


def test_a_season_does_not_depend_on_the_hash_seed() -> None:
    # Set and dict orders of strings change with PYTHONHASHSEED: two processes must print the same season.
    root = Path(__file__).resolve().parents[2]
    outputs = []
    for seed in ("1", "2"):
        env = {**os.environ, "PYTHONHASHSEED": seed, "PYTHONPATH": str(root)}
        done = subprocess.run(
            [sys.executable, "-m", "tests.season.show", "--mornings", "ordinary", "--day", "20"],
            cwd=root, env=env, capture_output=True, text=True, check=True,
        )
        outputs.append(done.stdout)
    assert outputs[0] == outputs[1]
