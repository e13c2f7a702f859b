"""Shorter words rather than cut ones: the week line, day cells, the detail pane, chart titles and the header."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

import pytest

from hamjournal.domain.week import DayEntry
from hamjournal.ui.screens.week import week_line
from hamjournal.ui.widgets.app_header import shorten_location
from hamjournal.ui.widgets.detail_pane import fitted_rows
from hamjournal.ui.widgets.progress_charts import fitting_title
from hamjournal.ui.widgets.week_grid import entry_lines


@dataclass
class CountedWeek:
    """The two things week_line reads of a WeekView."""

    start: dt.date
    numbers: dict[str, int]

    def counts(self) -> dict[str, int]:
        return self.numbers


HELD = CountedWeek(dt.date(2026, 11, 23), {"done": 3, "missed": 1, "planned": 0, "skipped": 1, "on_hold": 4})


def test_week_line_in_full_when_it_fits() -> None:
    assert week_line(HELD, 200, due=True) == (
        "Week of 23 Nov 2026 · 3 done · 1 missed · 0 planned · 1 skipped · 4 on hold (stop) · reassessment due (A)"
    )


def test_week_line_keeps_the_due_test_beside_on_hold_at_80_columns() -> None:
    line = week_line(HELD, 78, due=True)
    assert len(line) <= 78
    assert "4 on hold" in line and line.endswith("due (A)")


@pytest.mark.parametrize(
    ("label", "width", "lines"),
    [
        ("Tempo run 50 min, 10.2 km", 14, ["✓ Tempo", "  50′ 10.2km"]),
        ("Tempo run 50 min, 10.2 km", 11, ["✓ Tempo", "  50′ 10km"]),
        ("Easy run 40 min, 7.3 km", 10, ["✓ Easy", "  40′ 7km"]),
        ("Long run 130 min, 25.4 km", 10, ["✓ Long", "  130′"]),
    ],
)
def test_day_cells_shorten_a_run_instead_of_cutting_it(label: str, width: int, lines: list[str]) -> None:
    entry = DayEntry("run", "done", label, label)
    assert entry_lines(entry, width) == lines
    assert all(len(line) <= width for line in entry_lines(entry, width))


def _plan(name: str, words: int) -> DayEntry:
    return DayEntry("plan", "planned", name, f"{name} " + " ".join(["because"] * words), exercise=None)


def test_detail_pane_keeps_the_selected_entry_whole_on_a_crowded_day() -> None:
    day = [_plan(f"Item {n}", 30) for n in range(4)]
    rows = fitted_rows(day, 3, 76, 6)
    numbers = [number for number, _ in rows]
    assert numbers[-1] == 3 and rows[-1][1] == day[3].detail  # the selected one, in full
    assert all(text == day[n].label for n, text in rows[:-1])  # the others in their short form
    assert fitted_rows(day[:1], 0, 76, 6) == [(0, day[0].detail)]  # room enough: all in full


def test_chart_titles_shorten_to_fit_the_plot() -> None:
    assert fitting_title(120, "A long title for a wide plot", "Short") == "A long title for a wide plot"
    assert fitting_title(20, "A long title for a wide plot", "Short") == "Short"


def test_the_header_shortens_a_long_path_from_the_left() -> None:
    path = "/home/runner/.local/share/hamjournal/journal.db"
    assert shorten_location(path, 80) == path
    assert shorten_location(path, 25) == "…/hamjournal/journal.db"
    assert shorten_location(f"bob · {path}", 30) == "bob · …/hamjournal/journal.db"
    assert shorten_location(path, 5) == "journal.db"
