"""The text report's figures on a hand-built journal: adherence, volume, weekly table, trend, assessments."""

from __future__ import annotations

import datetime as dt

import pytest

from hamjournal.domain.models import Assessment, PlanItem, Prescription, Profile, Session, SetEntry
from hamjournal.domain.progress.rows import DayCheckin, DayPain, DayVolume
from hamjournal.domain.report import adherence, build_report, format_report, report_window, volume_by_exercise
from hamjournal.domain.week import build_week

D = dt.date
TODAY = D(2026, 11, 25)  # Wednesday of the week of 23 Nov
RX = Prescription(3, (6, 6, 6))


def item(day: D, exercise: str = "nordic", status: str = "planned") -> PlanItem:
    return PlanItem(day, exercise, "strength", RX, step="band-assisted", status=status)


PLAN = [
    item(D(2026, 11, 2)),  # done
    item(D(2026, 11, 4), "sl-bridge"),  # done
    item(D(2026, 11, 9)),  # missed
    item(D(2026, 11, 11), status="skipped"),  # skipped
    item(D(2026, 11, 16)),  # done (two sessions that day; one item)
    item(D(2026, 11, 16)),  # done by the second session
    item(D(2026, 11, 23)),  # done
    item(D(2026, 11, 27)),  # after today: not due yet
]
VOLUMES = [
    DayVolume(D(2026, 11, 2), "nordic", 1, 2, 10, steps=("band-assisted",)),
    DayVolume(D(2026, 11, 4), "sl-bridge", 1, 3, 30, steps=("floor",)),
    DayVolume(D(2026, 11, 16), "nordic", 2, 6, 36, steps=("incline", "band-assisted")),
    DayVolume(D(2026, 11, 18), "iso-hold", 1, 3, 0, hold_s=90, steps=("bilateral",)),
    DayVolume(D(2026, 11, 23), "nordic", 1, 3, 18, steps=("incline",)),
    DayVolume(D(2026, 10, 26), "nordic", 1, 3, 99, steps=("incline",)),  # before the window
]
SESSIONS_PER_DAY = {
    (D(2026, 11, 2), "nordic"): 1,
    (D(2026, 11, 4), "sl-bridge"): 1,
    (D(2026, 11, 16), "nordic"): 2,
    (D(2026, 11, 18), "iso-hold"): 1,
    (D(2026, 11, 23), "nordic"): 1,
}


def logged(per_day: dict[tuple[D, str], int]) -> list[Session]:
    """Sessions as the journal holds them, from (day, exercise) -> how many."""
    return [
        Session(day, exercise, (SetEntry(6),), id=n * 10 + k)
        for n, ((day, exercise), count) in enumerate(sorted(per_day.items()))
        for k in range(count)
    ]


def week_counts(plan: list[PlanItem], per_day: dict[tuple[D, str], int], weeks: int = 4) -> list[dict[str, int]]:
    """The week screen's counts of each report week: what the report's adherence is built from."""
    start = report_window(TODAY, weeks)[0]
    sessions = logged(per_day)
    out = []
    for n in range(weeks):
        monday = start + dt.timedelta(weeks=n)
        sunday = monday + dt.timedelta(days=6)
        view = build_week(
            monday, TODAY, Profile(running_days=()), [p for p in plan if monday <= p.date <= sunday],
            [s for s in sessions if monday <= s.date <= sunday], [], [],
        )
        out.append(view.counts())
    return out


PAIN = [DayPain(D(2026, 11, 2), 1, 2, 2.0), DayPain(D(2026, 11, 16), 2, 4, 3.0)]
CHECKINS = [
    DayCheckin(D(2026, 11, 3), "morning", 1, 1.0, 1, 3.0),
    DayCheckin(D(2026, 11, 5), "morning", 1, 2.0, 2, 3.2),
    DayCheckin(D(2026, 11, 10), "morning", 1, 1.0, 1, 2.0),
    DayCheckin(D(2026, 11, 17), "morning", 1, 0.0, 0, 1.4),
    DayCheckin(D(2026, 11, 17), "evening", 1, 6.0, 6, 6.0),  # evenings are not morning figures
    DayCheckin(D(2026, 11, 24), "morning", 1, 0.0, 0, 1.0),
]
ASSESSMENTS = [
    Assessment(D(2026, 11, 8), "sl-bridge-reps", left=22, right=25),
    Assessment(D(2026, 11, 8), "nordic-lowering-s", value=4.5),
    Assessment(D(2026, 11, 8), "h-test-insecurity", left=0, right=20),
]


def make(advice: list[str] | None = None, mode: str = "prevention"):  # type: ignore[no-untyped-def]
    return build_report(
        TODAY, 4, Profile(mode=mode), week_counts(PLAN, SESSIONS_PER_DAY), VOLUMES, PAIN, CHECKINS, ASSESSMENTS,
        reassessment_due=None, advice=advice,
    )


def test_window_is_whole_monday_weeks_ending_today() -> None:
    assert report_window(TODAY, 4) == (D(2026, 11, 2), TODAY)
    assert report_window(D(2026, 11, 23), 1) == (D(2026, 11, 23), D(2026, 11, 23))


def test_adherence_counts_as_the_week_screen_counts() -> None:
    result = adherence(week_counts(PLAN, SESSIONS_PER_DAY))
    # 7 items due: 5 done, 1 skipped, 1 missed; the iso-hold session of 18 Nov fulfils no item.
    assert (result.planned, result.done, result.skipped, result.missed, result.unplanned) == (7, 5, 1, 1, 1)
    assert result.percent == pytest.approx(500 / 7)


@pytest.mark.parametrize(
    ("sessions", "done", "unplanned"),
    [
        ({}, 0, 0),
        ({(D(2026, 11, 2), "sl-bridge"): 1}, 0, 1),  # another exercise does not fulfil a Nordic item
        ({(D(2026, 11, 3), "nordic"): 1}, 1, 0),  # a Nordic done a day late fulfils the week's open item
        ({(D(2026, 11, 9), "nordic"): 1}, 0, 1),  # but not one of another week
        ({(D(2026, 11, 2), "nordic"): 3}, 1, 2),  # three sessions fulfil the one item; two are extra
    ],
)
def test_adherence_matches_sessions_to_items_of_their_week(sessions: dict, done: int, unplanned: int) -> None:  # type: ignore[type-arg]
    result = adherence(week_counts([item(D(2026, 11, 2))], sessions))
    assert (result.done, result.unplanned) == (done, unplanned)


def test_nothing_planned_has_no_percentage() -> None:
    assert adherence([]).percent is None


def test_volume_per_exercise_in_library_order_with_steps_easiest_first() -> None:
    volume = {v.exercise: v for v in volume_by_exercise(VOLUMES[:-1])}
    assert list(volume) == ["nordic", "sl-bridge", "iso-hold"]
    assert (volume["nordic"].sessions, volume["nordic"].sets, volume["nordic"].reps) == (4, 11, 64)
    assert volume["nordic"].steps == ("band-assisted", "incline")
    assert volume["iso-hold"].hold_s == 90


def test_report_figures() -> None:
    report = make()
    assert (report.start, report.end, report.pain_limit) == (D(2026, 11, 2), TODAY, 5)
    assert [v.reps for v in report.volume if v.exercise == "nordic"] == [64]  # 26 Oct is outside
    rows = [
        (r.monday, r.nordic_reps, r.max_session_pain, r.morning_pain, r.morning_stiffness) for r in report.week_rows
    ]
    assert rows == [  # the evening check-in of 17 Nov is not a morning figure
        (D(2026, 11, 2), 10, 2, 1.5, 3.1),
        (D(2026, 11, 9), 0, None, 1.0, 2.0),
        (D(2026, 11, 16), 36, 4, 0.0, 1.4),
        (D(2026, 11, 23), 18, None, 0.0, 1.0),
    ]
    # Three complete weeks: the first is compared with the last complete one (the current week is unfinished).
    assert report.trend == (
        "Nordic volume +260% in 3 weeks (10 to 36 reps a week); morning pain down from 1.5 to 0.0; "
        "morning stiffness down from 3.1 to 1.4; session pain peaked at 4/10 (limit 5)."
    )


def test_rehab_mode_reports_the_rehab_limit() -> None:
    assert make(mode="rehab").pain_limit == 4


def test_text_report() -> None:
    text = format_report(make(advice=["Nordic hamstring curl: hold at incline: pain 5/10 during."]))
    assert text.splitlines()[0] == (
        "hamjournal report: 4 weeks, Mon 02 Nov 2026 to Wed 25 Nov 2026 (prevention mode, pain limit 5/10)"
    )
    assert "  5 of 7 planned sessions done (71%); 1 skipped, 1 missed." in text
    assert "  Nordic hamstring curl: 4 sessions, 11 sets, 64 reps; steps band-assisted, incline" in text
    assert "  Isometric hamstring hold: 1 session, 3 sets, 90 s held; steps bilateral" in text
    assert "Single-leg bridge: left 22 reps, right 25 reps: left weaker by 12% (symmetry 88%)" in text
    assert "H-test insecurity: left 0/100, right 20/100: right weaker by 100%" in text
    assert "Nordic lowering time: 4.5 s" in text
    assert text.endswith("Advice today\n  Nordic hamstring curl: hold at incline: pain 5/10 during.")


def test_text_report_without_advice_leaves_the_section_out_and_says_when_empty() -> None:
    empty = build_report(TODAY, 2, Profile(), [], [], [], [], [])
    text = format_report(empty)
    assert "Advice today" not in text
    assert "Nothing was planned in these weeks." in text
    assert "No sessions logged in these weeks." in text
    assert "No assessments in these weeks." in text
