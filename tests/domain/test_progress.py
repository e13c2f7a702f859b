"""Progress maths: weekly buckets, rolling averages, asymmetry, ranges, deloads, reassessment, sentences."""

from __future__ import annotations

import datetime as dt

import pytest

from hamjournal.domain.errors import InvalidInput
from hamjournal.domain.models import Assessment, Injury, Profile, Race
from hamjournal.domain.progress.asymmetry import asymmetry
from hamjournal.domain.progress.markers import detected_deload_weeks, markers, reassessment_due
from hamjournal.domain.progress.ranges import range_window
from hamjournal.domain.progress.rows import DayCheckin, DayPain, DayRun, DayVolume
from hamjournal.domain.progress.sentences import score_trend, volume_trend
from hamjournal.domain.progress.series import acwr_series, rolling_mean, step_series, weekly_means, weekly_sums
from tests.domain.progress_support import progress_from_days

D = dt.date
TODAY = D(2026, 11, 25)  # a Wednesday
MON = D(2026, 11, 23)


# -- weeks --------------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("day", "monday"),
    [
        (D(2026, 11, 22), D(2026, 11, 16)),  # Sunday belongs to the week before
        (D(2026, 11, 23), D(2026, 11, 23)),  # Monday starts a week
        (D(2026, 11, 29), D(2026, 11, 23)),  # Sunday ends it
        (D(2026, 11, 30), D(2026, 11, 30)),
    ],
)
def test_days_fall_into_monday_weeks(day: D, monday: D) -> None:
    sums = dict(weekly_sums({day: 5.0}, D(2026, 11, 16), D(2026, 12, 6)))
    assert sums[monday] == 5.0
    assert sum(sums.values()) == 5.0


def test_weekly_sums_add_days_and_keep_empty_weeks_at_zero() -> None:
    values = {D(2026, 11, 2): 10.0, D(2026, 11, 4): 12.0, D(2026, 11, 8): 8.0, D(2026, 11, 23): 6.0}
    assert weekly_sums(values, D(2026, 11, 2), TODAY) == [
        (D(2026, 11, 2), 30.0),
        (D(2026, 11, 9), 0.0),
        (D(2026, 11, 16), 0.0),
        (D(2026, 11, 23), 6.0),
    ]


def test_weekly_sums_ignore_days_outside_the_window() -> None:
    values = {D(2026, 11, 1): 99.0, D(2026, 11, 3): 4.0, D(2026, 11, 26): 99.0}
    assert weekly_sums(values, D(2026, 11, 2), TODAY)[0] == (D(2026, 11, 2), 4.0)
    assert sum(v for _, v in weekly_sums(values, D(2026, 11, 2), TODAY)) == 4.0


def test_weekly_means_average_logged_days_only() -> None:
    values = {D(2026, 11, 2): 2.0, D(2026, 11, 3): 4.0}
    assert weekly_means(values, D(2026, 11, 2), D(2026, 11, 15)) == [(D(2026, 11, 2), 3.0), (D(2026, 11, 9), None)]


# -- rolling averages ---------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("values", "day", "expected"),
    [
        ({D(2026, 11, 19): 3.0, D(2026, 11, 25): 1.0}, TODAY, 2.0),  # both inside the 7 days ending today
        ({D(2026, 11, 18): 9.0, D(2026, 11, 25): 1.0}, TODAY, 1.0),  # 18 Nov is 7 days back: outside
        ({D(2026, 11, 20): 4.0}, TODAY, 4.0),  # unlogged days are not zeros
        ({D(2026, 11, 10): 4.0}, TODAY, None),  # nothing in the window
    ],
)
def test_seven_day_average(values: dict[D, float], day: D, expected: float | None) -> None:
    assert dict(rolling_mean(values, D(2026, 11, 23), TODAY))[day] == expected


def test_rolling_mean_covers_every_day_of_the_window() -> None:
    series = rolling_mean({}, D(2026, 11, 1), D(2026, 11, 30))
    assert series[0][0] == D(2026, 11, 1)
    assert len(series) == 30


# -- asymmetry ----------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("test", "left", "right", "weaker", "percent", "symmetry"),
    [
        ("sl-bridge-reps", 22, 25, "left", 12.0, 88.0),
        ("sl-bridge-reps", 25, 20, "right", 20.0, 80.0),
        ("hop-cm", 150, 150, None, 0.0, 100.0),
        ("aslr-deg", 68, 80, "left", 15.0, 85.0),
        # Insecurity: the higher score is the worse leg.
        ("h-test-insecurity", 40, 10, "left", 75.0, None),
        ("h-test-insecurity", 0, 30, "right", 100.0, None),
        ("h-test-insecurity", 0, 0, None, 0.0, None),
    ],
)
def test_asymmetry(
    test: str, left: float, right: float, weaker: str | None, percent: float, symmetry: float | None
) -> None:
    result = asymmetry(test, left, right)
    assert result.weaker == weaker
    assert result.percent == pytest.approx(percent)
    assert result.symmetry == (None if symmetry is None else pytest.approx(symmetry))


def test_asymmetry_says_which_side_is_weaker() -> None:
    assert asymmetry("sl-bridge-reps", 22, 25).describe() == "left weaker by 12% (symmetry 88%)"
    assert asymmetry("h-test-insecurity", 0, 20).describe() == "right weaker by 100%"
    assert asymmetry("hop-cm", 150, 150).describe() == "left and right equal"


# -- ranges -------------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("key", "first", "start"),
    [
        ("12w", None, D(2026, 9, 7)),  # 12 Monday weeks, the current one included
        ("6m", None, D(2026, 6, 1)),  # 26 weeks
        ("1y", None, D(2025, 12, 1)),  # 52 weeks
        ("all", D(2024, 3, 14), D(2024, 3, 11)),  # from the Monday of the first entry
        ("all", None, MON),  # an empty journal shows this week
    ],
)
def test_range_windows(key: str, first: D | None, start: D) -> None:
    begin, end = range_window(key, TODAY, first)
    assert (begin, end) == (start, TODAY)
    assert begin.weekday() == 0


def test_range_12w_holds_twelve_weeks() -> None:
    start, end = range_window("12w", TODAY)
    assert len(weekly_sums({}, start, end)) == 12


def test_unknown_range_is_refused() -> None:
    with pytest.raises(InvalidInput, match="12w, 6m, 1y, all"):
        range_window("3w", TODAY)


# -- reassessment -------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("days_since", "due"),
    [
        (0, None),
        (27, None),
        (28, D(2026, 11, 25)),
        (29, D(2026, 11, 24)),
        (60, D(2026, 10, 24)),
    ],
)
def test_reassessment_due_after_four_weeks(days_since: int, due: D | None) -> None:
    last = TODAY - dt.timedelta(days=days_since)
    assert reassessment_due(last, TODAY) == due


def test_never_assessed_is_due_from_the_first_entry_and_empty_journal_owes_nothing() -> None:
    assert reassessment_due(None, TODAY, first_logged=D(2026, 10, 1)) == D(2026, 10, 1)
    assert reassessment_due(None, TODAY, first_logged=None) is None


# -- deloads and markers ------------------------------------------------------------------------------------


FIRST_MONDAY = D(2026, 9, 7)


def _weeks(*volumes: float, first: D = FIRST_MONDAY) -> list[tuple[D, float]]:
    return [(first + dt.timedelta(weeks=i), v) for i, v in enumerate(volumes)]


@pytest.mark.parametrize(
    ("volumes", "deload_index"),
    [
        ((30, 30, 30, 18, 30, 30), [3]),  # 60% of the neighbours: a deload
        ((30, 30, 30, 24, 30, 30), []),  # 80%: ordinary noise
        ((30, 30, 30, 0, 30, 30), []),  # nothing at all is a gap, not a deload
        ((30, 30, 30, 21, 30, 30), [3]),  # exactly 70% counts
        ((15, 30, 30, 30), []),  # the first week of a ramp-up has nothing before it
        ((30, 30, 15, 0, 0), []),  # a last week before a gap has nothing after it
    ],
)
def test_deload_weeks_from_volume(volumes: tuple[float, ...], deload_index: list[int]) -> None:
    weekly = _weeks(*volumes)
    assert detected_deload_weeks(weekly, TODAY) == [weekly[i][0] for i in deload_index]


def test_planned_deload_counts_and_the_unfinished_week_is_not_judged_on_volume() -> None:
    weekly = _weeks(30, 30, 30, 30, 5, first=D(2026, 10, 26))  # the last week is this (unfinished) one
    assert detected_deload_weeks(weekly, TODAY) == []
    assert detected_deload_weeks(weekly, TODAY, planned=[D(2026, 11, 4)]) == [D(2026, 11, 2)]


def test_markers_keep_strains_races_and_deloads_inside_the_window() -> None:
    profile = Profile(
        injuries=(Injury(D(2026, 10, 1), "left", 1), Injury(D(2025, 1, 1), "right", 2)),
        races=(Race(D(2026, 11, 15), "Parkside 5K", 5), Race(D(2027, 4, 12), "City 10K", 10)),
    )
    found = markers(profile, D(2026, 9, 7), TODAY, [D(2026, 9, 14)])
    assert [(m.date, m.kind) for m in found] == [
        (D(2026, 9, 14), "deload"),
        (D(2026, 10, 1), "strain"),
        (D(2026, 11, 15), "race"),
    ]


# -- ladder steps -------------------------------------------------------------------------------------------


def test_step_series_gives_the_hardest_step_of_each_day_as_an_index() -> None:
    volumes = [
        DayVolume(D(2026, 11, 2), "nordic", 1, 2, 10, steps=("band-assisted",)),
        DayVolume(D(2026, 11, 9), "nordic", 2, 4, 20, steps=("band-assisted", "incline")),
        DayVolume(D(2026, 11, 9), "sl-rdl", 1, 2, 10, steps=("heavy",)),
        DayVolume(D(2026, 11, 16), "nordic", 1, 2, 10, steps=("not-a-step",)),
    ]
    assert step_series(volumes, "nordic") == [(D(2026, 11, 2), 1), (D(2026, 11, 9), 2)]


# -- trends -------------------------------------------------------------------------------------------------


def test_volume_trend_compares_first_and_last_complete_weeks() -> None:
    weekly = _weeks(20, 30, 30, 30, 35, 35, 999, first=D(2026, 10, 12))  # last week unfinished: ignored
    assert volume_trend("Nordic volume", weekly, TODAY, "reps") == (
        "Nordic volume +40% in 6 weeks (25 to 35 reps a week)"
    )


def test_volume_trend_steady_and_missing() -> None:
    assert volume_trend("Nordic volume", _weeks(30, 31, 30, 30), TODAY, "reps") == (
        "Nordic volume steady at about 30 reps a week"
    )
    assert volume_trend("Nordic volume", _weeks(30), TODAY, "reps") is None


@pytest.mark.parametrize(
    ("means", "text"),
    [
        ((3.0, 3.2, 1.4, 1.4), "morning stiffness down from 3.1 to 1.4"),
        ((1.0, 1.0, 2.0, 2.0), "morning stiffness up from 1.0 to 2.0"),
        ((1.0, 1.2, 1.1, 1.2), "morning stiffness steady at 1.1"),
    ],
)
def test_score_trend(means: tuple[float, ...], text: str) -> None:
    assert score_trend("morning stiffness", _weeks(*means), TODAY) == text


# -- load ratio ---------------------------------------------------------------------------------------------


def test_acwr_waits_for_28_days_and_is_one_for_constant_load() -> None:
    first = D(2026, 9, 1)
    runs = [DayRun(first + dt.timedelta(days=i), 1, 40, 8, 240) for i in range((TODAY - first).days + 1)]
    series = acwr_series(runs, first, D(2026, 9, 1), TODAY)
    assert series[0][0] == first + dt.timedelta(days=27)
    assert all(ratio == pytest.approx(1.0) for _, ratio in series)
    assert acwr_series([], None, D(2026, 9, 1), TODAY) == []


# -- the whole picture --------------------------------------------------------------------------------------


def test_build_progress_summarises_and_marks() -> None:
    start, end = range_window("12w", TODAY)
    volumes = [
        DayVolume(start + dt.timedelta(weeks=w, days=1), "nordic", 1, 3, reps, steps=("band-assisted",))
        for w, reps in enumerate([20, 30, 30, 30, 18, 30, 30, 30, 30, 35, 35, 0])
        if reps
    ]
    checkins = [
        DayCheckin(start + dt.timedelta(days=d), "morning", 1, 1.0, 1, 3.0 if d < 14 else 1.4, 7.5, 2.0)
        for d in range(0, (end - start).days + 1, 2)
    ]
    data = progress_from_days(
        "12w",
        start,
        end,
        TODAY,
        Profile(mode="rehab", races=(Race(D(2026, 11, 15), "Parkside 5K", 5),)),
        volumes=volumes,
        session_pain=[DayPain(D(2026, 11, 3), 1, 4, 4.0)],
        checkins=checkins,
        runs=[],
        first_load_day=None,
        assessments=[Assessment(D(2026, 10, 20), "sl-bridge-reps", left=22, right=25)],
        plan_deload_days=[],
        last_assessed=D(2026, 10, 20),
        first_logged=start,
    )
    assert data.charts["pain"].pain_limit == 4  # rehab mode
    assert len(data.frame.weeks) == 12 and sum(data.charts["nordic"].weekly_reps) == 318
    assert data.charts["nordic"].deload_weeks == (start + dt.timedelta(weeks=4),)
    assert [m.kind for m in data.frame.markers] == ["deload", "race"]
    assert data.reassessment_due == D(2026, 11, 17)
    assert data.summaries["nordic"].startswith("Nordic volume +40% in 11 weeks (25 to 35 reps a week)")
    assert "morning stiffness down from 3.0 to 1.4" in data.summaries["pain"]
    assert "session pain peaked at 4/10 (limit 4)" in data.summaries["pain"]
    assert "Single-leg bridge L 22 reps / R 25 reps, left weaker by 12%" in data.summaries["assessments"]
    assert data.summaries["running"] == "No runs logged in the last 12 weeks."
    assert data.trend == (
        "Nordic volume +40% in 11 weeks (25 to 35 reps a week); morning stiffness down from 3.0 to 1.4."
    )



@pytest.mark.parametrize(
    ("range_key", "days", "ending"),
    [("12w", 84, "in the last 12 weeks."), ("6m", 126, "in the last 6 months."), ("all", 28, "in the journal yet.")],
)
def test_an_empty_range_is_named_in_a_sentence_that_reads(range_key: str, days: int, ending: str) -> None:
    # Windows charted by day (the weekly path names its ranges through the same table).
    today = D(2026, 11, 25)
    data = progress_from_days(
        range_key, today - dt.timedelta(days=days - 1), today, today, Profile(), volumes=[], session_pain=[],
        checkins=[], runs=[], first_load_day=None, assessments=[], plan_deload_days=[], last_assessed=None,
        first_logged=today - dt.timedelta(days=days - 1),
    )
    assert data.summaries["running"] == f"No runs logged {ending}"
    assert data.summaries["sprint"] == f"No sprint finishes logged {ending}"


def test_every_progress_module_is_pure_and_imports_alone() -> None:
    """tests/domain/test_import_purity.py lists the domain's top-level modules only: the package's own modules
    are checked here, each in a clean interpreter (no textual, no sqlalchemy, no import cycle)."""
    import pathlib
    import pkgutil
    import subprocess
    import sys

    import hamjournal.domain.progress as package

    root = pathlib.Path(__file__).resolve().parents[2]
    for info in pkgutil.iter_modules(package.__path__):
        code = (
            f"import sys, hamjournal.domain.progress.{info.name}\n"
            "print(','.join(sorted(m for m in sys.modules if m.split('.')[0] in ('textual', 'sqlalchemy'))))\n"
        )
        done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=root)
        assert done.returncode == 0 and done.stdout.strip() == "", (info.name, done.stderr)
