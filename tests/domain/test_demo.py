"""The demo journal: deterministic, valid Journal JSON, and the story a runner would recognise."""

from __future__ import annotations

import datetime as dt
import statistics
import subprocess
import sys
from collections import defaultdict
from functools import cache

import pytest

from hamjournal.domain.demo import demo_journal
from hamjournal.domain.errors import InvalidInput
from hamjournal.domain.formats.journal_json import journal_from_dict, journal_to_dict
from hamjournal.domain.library.exercises import get_exercise
from hamjournal.domain.models import Journal, Session

TODAY = dt.date(2026, 11, 25)  # a Wednesday: a Nordic day in the maintenance phase


@cache
def journal(weeks: int = 12, today: dt.date = TODAY, seed: int = 7) -> Journal:
    return demo_journal(today, weeks, seed)


def nordics(j: Journal) -> list[Session]:
    return [s for s in j.sessions if s.exercise == "nordic"]


def logged_dates(j: Journal) -> list[dt.date]:
    return [r.date for group in (j.sessions, j.symptoms, j.runs, j.assessments) for r in group]


def step_index(session: Session) -> int:
    return get_exercise("nordic").step_index(session.step or "")


def test_same_seed_same_journal_other_seed_other_journal() -> None:
    assert demo_journal(TODAY, 12, 7) == demo_journal(TODAY, 12, 7)
    assert demo_journal(TODAY, 12, 8) != demo_journal(TODAY, 12, 7)


@pytest.mark.parametrize("weeks", [1, 2, 4, 12, 520])
def test_round_trips_through_journal_json(weeks: int) -> None:
    data = journal_to_dict(journal(weeks))
    assert journal_to_dict(journal_from_dict(data, TODAY)) == data


@pytest.mark.parametrize("weeks", [0, 521, -3])
def test_weeks_out_of_range_are_refused(weeks: int) -> None:
    with pytest.raises(InvalidInput, match="weeks"):
        demo_journal(TODAY, weeks)


@pytest.mark.parametrize("weeks", [1, 12, 520])
def test_nothing_after_today_and_today_is_only_the_morning_check_in(weeks: int) -> None:
    j = journal(weeks)
    dates = logged_dates(j)
    assert max(dates) == TODAY
    assert min(dates) >= TODAY - dt.timedelta(weeks=weeks)
    today_records = [r for group in (j.sessions, j.runs, j.assessments) for r in group if r.date == TODAY]
    assert today_records == []
    assert [s.when for s in j.symptoms if s.date == TODAY] == ["morning"]
    assert any(s.date == TODAY - dt.timedelta(days=1) for s in j.symptoms)


def test_todays_nordic_is_planned_not_done() -> None:
    j = journal()
    assert [p.exercise for p in j.plan if p.date == TODAY] == ["nordic"]
    monday = TODAY - dt.timedelta(days=TODAY.weekday())
    assert min(p.date for p in j.plan) == monday
    assert max(p.date for p in j.plan) <= monday + dt.timedelta(weeks=3)
    assert all(p.why for p in j.plan)
    assert {p.kind for p in j.plan} == {"strength", "run-drill"}


def test_petersen_ramp_at_the_start() -> None:
    by_week: dict[int, list[Session]] = defaultdict(list)
    start = min(logged_dates(journal()))
    for s in nordics(journal()):
        by_week[(s.date - start).days // 7].append(s)
    first = by_week[0]
    assert len(first) == 1 and [e.reps for e in first[0].sets] == [5, 5]
    assert first[0].step == "band-assisted" and first[0].tempo == "4-0-1-0"
    assert all(len(s.sets) == 2 and s.sets[0].reps == 6 for s in by_week[1])
    assert all(len(s.sets) == 3 for s in by_week[2] + by_week[3])


def test_nordic_step_progresses_over_time() -> None:
    for weeks in (12, 520):
        sessions = nordics(journal(weeks))
        assert step_index(sessions[-1]) > step_index(sessions[0])


def test_has_a_deload_week_with_fewer_sets() -> None:
    start = min(logged_dates(journal()))
    most_sets: dict[int, int] = defaultdict(int)
    for s in nordics(journal()):
        week = (s.date - start).days // 7
        most_sets[week] = max(most_sets[week], len(s.sets))
    deloads = [
        w for w in most_sets if most_sets[w] < most_sets.get(w - 1, 0) and most_sets[w] < most_sets.get(w + 1, 0)
    ]
    assert deloads, most_sets


def test_has_a_bad_week_with_pain_worse_mornings_and_a_regress() -> None:
    j = journal()
    sessions = nordics(j)
    painful = [i for i, s in enumerate(sessions) if (s.pain_during or 0) >= 5]
    assert painful
    first = sessions[painful[0]]
    week_after = [s for s in sessions if first.date < s.date <= first.date + dt.timedelta(days=7)]
    assert any(step_index(s) < step_index(first) for s in week_after)
    mornings = [s for s in j.symptoms if s.when == "morning"]
    bad_week = [s.pain for s in mornings if first.date <= s.date < first.date + dt.timedelta(days=5)]
    assert min(bad_week) > statistics.median(s.pain for s in mornings)


def test_morning_check_ins_are_mostly_calm() -> None:
    mornings = [s for s in journal(520).symptoms if s.when == "morning"]
    assert sum(s.pain <= 2 for s in mornings) / len(mornings) > 0.95
    assert all(6.5 <= (s.sleep_h or 0) <= 8.5 for s in mornings)
    assert len(mornings) > 0.85 * 520 * 7


def test_long_run_spike_before_the_bad_week() -> None:
    longs = [r for r in journal().runs if r.kind == "long"]
    spikes = [
        r
        for r in longs
        if r.minutes
        > 1.3 * max((p.minutes for p in longs if r.date - dt.timedelta(days=30) <= p.date < r.date), default=1e9)
    ]
    assert len(spikes) == 1
    pain = min(s.date for s in nordics(journal()) if (s.pain_during or 0) >= 5)
    assert 0 < (pain - spikes[0].date).days <= 7


def test_weekly_running_pattern_and_strides() -> None:
    runs = journal(520).runs
    assert len(runs) >= 3000
    kinds = defaultdict(set)
    for r in runs:
        kinds[r.kind].add(r.date.weekday())
    assert kinds["long"] == {6} and kinds["intervals"] | kinds["tempo"] == {1}
    assert any(r.strides for r in runs if r.date.weekday() == 0)
    assert any(r.finish_s for r in runs)


def test_reassessments_show_progress() -> None:
    j = journal(12)
    by_test: dict[str, list] = defaultdict(list)
    for a in j.assessments:
        by_test[a.test].append(a)
    assert len(by_test["sl-bridge-reps"]) == 3  # weeks 1, 6 and 11
    bridge = by_test["sl-bridge-reps"]
    gap = [abs(a.right - a.left) / a.right for a in bridge]
    assert gap[-1] < gap[0]
    assert by_test["nordic-lowering-s"][-1].value > by_test["nordic-lowering-s"][0].value
    assert by_test["sprint-finish-s"][-1].value < by_test["sprint-finish-s"][0].value


def test_profile_has_an_a_race_ahead_and_a_past_b_race() -> None:
    races = {r.priority: r for r in journal().profile.races}
    assert races["A"].name == "City 10K" and 63 <= (races["A"].date - TODAY).days <= 77
    assert races["B"].date < TODAY
    assert any(r.kind == "race" and r.date == races["B"].date for r in journal().runs)


def test_domain_imports_no_ui_or_database() -> None:
    code = (
        "import sys, hamjournal.domain.demo, hamjournal.domain.formats.journal_json;"
        "bad = [m for m in ('textual', 'sqlalchemy') if m in sys.modules]; print(bad); sys.exit(1 if bad else 0)"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=False)
    assert done.returncode == 0, done.stdout + done.stderr
