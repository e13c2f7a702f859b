"""The progress screen and the assessment dialog, driven by keys, checked on screen and in the database."""

from __future__ import annotations

import datetime as dt
import subprocess
import sys
from pathlib import Path

import pytest
from textual.widgets import Input, Static

from hamjournal.store.repo import Store
from hamjournal.ui.screens.assessment import AssessmentDialog, symmetry_text
from hamjournal.ui.screens.progress import ProgressScreen
from tests.ui.helpers import make_app, settle
from tests.ui.progress_journal import TODAY, build_progress_journal


@pytest.fixture
def progress_path(journal_path: Path) -> Path:
    build_progress_journal(journal_path)
    return journal_path


def _text(screen: ProgressScreen, selector: str) -> str:
    return str(screen.query_one(selector, Static).render())


async def test_c_opens_charts_and_number_keys_switch_them(progress_path: Path) -> None:
    app = make_app(progress_path)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        await pilot.press("c")
        await settle(pilot)
        screen = app.screen
        assert isinstance(screen, ProgressScreen)
        assert screen.chart == "nordic"
        assert _text(screen, "#progress-summary").startswith("Nordic volume +")
        expected = {
            "2": ("pain", "Morning pain"),
            "3": ("running", "Running"),
            "4": ("sprint", "Best sprint finish"),
            "5": ("assessments", "Single-leg bridge L"),
            "1": ("nordic", "Nordic volume"),
        }
        for key, (chart, start) in expected.items():
            await pilot.press(key)
            await settle(pilot)
            assert screen.chart == chart
            assert _text(screen, "#progress-summary").startswith(start)
        assert screen.query_one("#side-plot").display is False  # the Nordic chart has no side plot
        assert "25 Oct" not in _text(screen, "#progress-marks")
        assert "Parkside 10K" in _text(screen, "#progress-marks")
        await pilot.press("escape")
        await settle(pilot)
        assert not isinstance(app.screen, ProgressScreen)


@pytest.mark.parametrize(
    ("key", "range_key", "start"),
    [
        ("m", "6m", dt.date(2026, 6, 1)),
        ("y", "1y", dt.date(2025, 12, 1)),
        ("h", "all", dt.date(2026, 8, 24)),
        ("w", "12w", dt.date(2026, 9, 7)),
    ],
)
async def test_range_keys_read_that_window(progress_path: Path, key: str, range_key: str, start: dt.date) -> None:
    app = make_app(progress_path)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        await app.push_screen(ProgressScreen())
        await settle(pilot)
        if key == "w":
            await pilot.press("y")  # leave 12 weeks first, so w has something to change
            await settle(pilot)
        await pilot.press(key)
        await settle(pilot)
        screen = app.screen
        assert isinstance(screen, ProgressScreen)
        assert screen.range_key == range_key
        assert screen.data is not None
        assert (screen.data.frame.start, screen.data.frame.end) == (start, TODAY)
        assert f"{start:%d %b %Y} – 25 Nov 2026" in _text(screen, "#progress-title")


async def test_other_ranges_are_read_ahead_and_a_year_is_charted_by_week(progress_path: Path) -> None:
    app = make_app(progress_path)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        await pilot.press("c")
        await settle(pilot)
        screen = app.screen
        assert isinstance(screen, ProgressScreen)
        # Read ahead once 12 weeks were on screen: y shows the year without a "Reading" line in between.
        await pilot.press("y")
        assert screen.data is not None and screen.data.frame.range_key == "1y"
        assert not _text(screen, "#progress-summary").startswith("Reading")
        data = screen.data
        assert not data.frame.daily and data.frame.bucket_weeks == 1 and len(data.frame.weeks) == 52
        reps = data.charts["nordic"].weekly_reps
        assert sum(reps) > 0 and reps[:30] == (0.0,) * 30  # 14-week journal
        assert data.charts["running"].acwr_start == dt.date(2026, 9, 7)  # the load ratio over the recent 12 weeks
        assert _text(screen, "#progress-summary").startswith("Nordic volume +")
        await pilot.press("2")
        await settle(pilot)
        assert _text(screen, "#progress-summary").startswith("Morning pain")
        assert "Parkside 10K" in _text(screen, "#progress-marks")


async def test_running_chart_switches_minutes_and_km(progress_path: Path) -> None:
    app = make_app(progress_path)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        await app.push_screen(ProgressScreen())
        await settle(pilot)
        await pilot.press("3", "u")
        await settle(pilot)
        screen = app.screen
        assert isinstance(screen, ProgressScreen)
        assert screen.run_unit == "km"
        assert screen.query_one("#side-plot").display is True


async def test_add_an_assessment_then_read_the_database(progress_path: Path) -> None:
    app = make_app(progress_path)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        await app.push_screen(ProgressScreen())
        await settle(pilot)
        await pilot.press("A")
        await settle(pilot)
        dialog = app.screen
        assert isinstance(dialog, AssessmentDialog)
        dialog.query_one("#sl-bridge-reps-left", Input).focus()
        await pilot.press(*"22", "tab", *"25")
        await settle(pilot)
        assert str(dialog.query_one("#sl-bridge-reps-symmetry").render()) == "left weaker by 12% (symmetry 88%)"
        dialog.query_one("#nordic-lowering-s", Input).focus()
        await pilot.press(*"6.5", "enter")
        await settle(pilot)
        assert isinstance(app.screen, ProgressScreen)
        await pilot.press("5")
        await settle(pilot)
        assert "Single-leg bridge L 22 reps / R 25 reps, left weaker by 12%" in _text(app.screen, "#progress-summary")
    store = Store.open(str(progress_path))
    try:
        today = store.assessments_between(TODAY, TODAY)
    finally:
        store.close()
    assert sorted((a.test, a.left, a.right, a.value) for a in today) == [
        ("nordic-lowering-s", None, None, 6.5),
        ("sl-bridge-reps", 22.0, 25.0, None),
    ]


async def test_a_bad_value_shows_its_message_and_writes_nothing(progress_path: Path) -> None:
    app = make_app(progress_path)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        await pilot.press("A")
        await settle(pilot)
        dialog = app.screen
        assert isinstance(dialog, AssessmentDialog)
        dialog.query_one("#sl-bridge-reps-left", Input).focus()
        await pilot.press(*"22", "tab", *"25")
        dialog.query_one("#hop-cm-left", Input).focus()
        await pilot.press(*"2000", "tab", *"150", "enter")
        await settle(pilot)
        assert app.screen is dialog
        message = str(dialog.query_one("#row-hop-cm .form-error", Static).render())
        assert message == "Single-leg hop: left '2000' is not allowed: use a number from 0 to 400 cm"
    store = Store.open(str(progress_path))
    try:
        assert store.assessments_between(TODAY, TODAY) == []
    finally:
        store.close()


async def test_h_test_row_shows_only_in_rehab_mode(progress_path: Path) -> None:
    from dataclasses import replace

    store = Store.open(str(progress_path))
    try:
        store.save_profile(replace(store.profile(), mode="rehab"))
    finally:
        store.close()
    app = make_app(progress_path)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        await pilot.press("A")
        await settle(pilot)
        assert app.screen.query_one("#row-h-test-insecurity").display is True
        assert app.screen.query_one("#row-sl-bridge-reps").display is True


@pytest.mark.parametrize(
    ("test", "left", "right", "text"),
    [
        ("sl-bridge-reps", "22", "25", "left weaker by 12% (symmetry 88%)"),
        ("hop-cm", "160", "150", "right weaker by 6% (symmetry 94%)"),
        ("h-test-insecurity", "0", "20", "right weaker by 100%"),
        ("hop-cm", "160", "", ""),
        ("hop-cm", "abc", "150", ""),
    ],
)
def test_live_symmetry_text(test: str, left: str, right: str, text: str) -> None:
    assert symmetry_text(test, left, right) == text


def test_the_progress_module_does_not_load_plotext_until_the_screen_composes() -> None:
    code = (
        "import sys, hamjournal.ui.screens.progress, hamjournal.ui.app; "
        "print('plotext' in sys.modules, 'textual_plotext' in sys.modules)"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True, cwd=Path.cwd())
    assert out.stdout.strip() == "False False"


@pytest.mark.parametrize("chart", [("draw_nordic", "nordic"), ("draw_pain", "pain"), ("draw_sprint", "sprint")])
def test_the_quick_ansi_decoder_styles_charts_as_rich_does(chart: tuple[str, str]) -> None:
    """The chart widget decodes plotext's output with its own decoder: every cell must keep rich's style."""
    import plotext
    from rich.console import Console
    from rich.text import Text

    from hamjournal.domain.models import Profile
    from hamjournal.domain.progress.ranges import range_window
    from hamjournal.ui.widgets import progress_charts as charts
    from tests.domain.progress_support import progress_from_days

    start, end = range_window("12w", TODAY)
    data = progress_from_days("12w", start, end, TODAY, Profile(), [], [], [], [], None, [], [], None, None)
    plotext.clf()
    plotext.plotsize(90, 20)
    draw, name = chart
    getattr(charts, draw)(plotext, charts.Scene(data.frame, charts.palette_from({})), data.charts[name], 90)
    ansi = plotext.build()
    console = Console(width=100, color_system="truecolor")

    def cells(text: Text) -> list[list[tuple[str, object]]]:
        return [[(s.text, s.style) for s in line] for line in console.render_lines(text, pad=False)]

    assert "\x1b[" in ansi
    assert cells(charts.text_from_ansi(ansi)) == cells(Text.from_ansi(ansi))


@pytest.mark.parametrize(
    ("width", "pain_tab"), [(78, "Pain"), (80, "Pain"), (81, "Pain & stiffness"), (118, "Pain & stiffness")]
)
def test_tab_names_shorten_when_the_long_ones_would_wrap(width: int, pain_tab: str) -> None:
    from hamjournal.ui.screens.progress import tab_titles

    assert tab_titles(width)["pain"] == pain_tab  # the long tab line is 81 cells with its gaps


async def test_at_80x24_the_tabs_and_the_range_line_both_show(progress_path: Path) -> None:
    app = make_app(progress_path)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        await pilot.press("c")
        await settle(pilot)
        screen = app.screen
        assert isinstance(screen, ProgressScreen)
        title = screen.query_one("#progress-title", Static)
        tabs, ranges = str(title.render()).splitlines()
        assert "5 Tests" in tabs and len(tabs) <= title.content_size.width
        assert ranges.strip().startswith("12 weeks") and "2026" in ranges


def test_each_bucket_is_drawn_at_its_own_middle_the_shorter_first_one_too() -> None:
    from hamjournal.domain.models import Profile
    from hamjournal.domain.progress.ranges import MAX_CHART_POINTS
    from hamjournal.domain.progress.rows import WeekVolume
    from hamjournal.ui.widgets.progress_charts import _mid_bucket
    from tests.domain.progress_support import progress_from_weeks

    week = dt.timedelta(weeks=1)
    monday = dt.date(2026, 11, 23)
    start = monday - MAX_CHART_POINTS * week  # 131 weeks: buckets of two, the first only one week long
    frame = progress_from_weeks(
        "all", start, dt.date(2026, 11, 25), dt.date(2026, 11, 25), Profile(),
        volumes=[WeekVolume(start, "nordic", "incline", 2, 6, 30)], session_pain=[], morning=[], runs=[],
        recent_runs=[], first_load_day=None, sprint_first=None, sprint_best=None, assessments=[],
        plan_deload_days=[], last_assessed=None, first_logged=start,
    ).frame
    assert frame.weeks[1] - frame.weeks[0] == week
    assert _mid_bucket(frame, frame.weeks[0]) == 3  # the middle of its one week, not of two
    assert _mid_bucket(frame, frame.weeks[1]) == 7 and _mid_bucket(frame, frame.weeks[-1]) == 7


def test_the_registry_names_every_chart_once_and_the_domain_builders_the_tests_use() -> None:
    from hamjournal.ui.chart_registry import CHARTS, builders
    from tests.domain.progress_support import ALL_CHARTS

    assert [c.key for c in CHARTS] == ["1", "2", "3", "4", "5"]
    assert builders() == ALL_CHARTS
    assert [b.key for b in ProgressScreen.BINDINGS[:5]] == ["1", "2", "3", "4", "5"]  # type: ignore[union-attr]
