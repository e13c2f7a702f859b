"""The reassessment dialog: every test on one form, left and right side by side with their symmetry live.

Fill in the tests you did (any subset); blank rows are skipped. Every filled row is validated before anything
is written, so one bad value saves nothing and its message appears under its row.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from typing import TYPE_CHECKING, Any

from textual import on
from textual.app import ComposeResult
from textual.containers import Horizontal
from textual.widgets import Input, Label

from hamjournal.domain import entries
from hamjournal.domain.errors import InvalidInput
from hamjournal.domain.models import ASSESSMENT_TESTS, PAIRED_TESTS
from hamjournal.domain.progress.asymmetry import TEST_NAMES, TEST_UNITS, asymmetry
from hamjournal.domain.validation import decimal_point
from hamjournal.ui.screens.form import FormDialog, text_input
from hamjournal.ui.widgets.form_row import FormRow

if TYPE_CHECKING:
    from hamjournal.services import JournalService

REHAB_ONLY: frozenset[str] = frozenset({"h-test-insecurity"})
NOTHING_TO_SAVE = "nothing to save: fill in at least one test (blank rows are skipped)"
ROW_LABELS: dict[str, str] = {
    "sl-bridge-reps": "SL bridge reps",
    "iso-hold-s": "Iso hold s",
    "aslr-deg": "ASLR °",
    "hop-cm": "Hop cm",
    "h-test-insecurity": "H-test 0-100",
    "nordic-lowering-s": "Nordic lower s",
    "nordic-break-deg": "Nordic break °",
    "sprint-finish-s": "Sprint finish s",
}


class PairInput(Horizontal):
    """Left and right inputs of one paired test, and the symmetry of what has been typed so far."""

    def __init__(self, test: str) -> None:
        super().__init__(id=f"pair-{test}")
        self.test = test

    def compose(self) -> ComposeResult:
        yield text_input(placeholder="left", name=f"{self.test}-left")
        yield text_input(placeholder="right", name=f"{self.test}-right")
        yield Label("", classes="pair-symmetry", id=f"{self.test}-symmetry")

    @property
    def left(self) -> Input:
        """The left leg's input."""
        return self.query_one(f"#{self.test}-left", Input)

    @property
    def right(self) -> Input:
        """The right leg's input."""
        return self.query_one(f"#{self.test}-right", Input)

    def focus(self, scroll_visible: bool = True) -> PairInput:
        """Focusing the pair focuses its left input (errors focus the row's field)."""
        self.left.focus(scroll_visible)
        return self

    @on(Input.Changed)
    def _update_symmetry(self, event: Input.Changed) -> None:
        event.stop()
        self.query_one(".pair-symmetry", Label).update(symmetry_text(self.test, self.left.value, self.right.value))


def symmetry_text(test: str, left: str, right: str) -> str:
    """ "left weaker by 12% (symmetry 88%)" for two typed numbers; blank until both are numbers."""
    try:
        l_value, r_value = float(decimal_point(left.strip())), float(decimal_point(right.strip()))
    except ValueError:
        return ""
    if l_value < 0 or r_value < 0 or (l_value == 0 and r_value == 0):
        return ""
    return asymmetry(test, l_value, r_value).describe()


class AssessmentDialog(FormDialog):
    """Log a reassessment: the tests in ASSESSMENT_TESTS (the H-test only in rehab mode)."""

    CSS_PATH = ["form.tcss", "assessment.tcss"]
    TITLE_TEXT = "Reassessment"
    # The first test's left leg: the date is today's unless changed, so the first key is a result.
    AUTO_FOCUS = f"#{ASSESSMENT_TESTS[0]}-left" if ASSESSMENT_TESTS[0] in PAIRED_TESTS else f"#{ASSESSMENT_TESTS[0]}"

    def __init__(self, service: JournalService | None = None, day: dt.date | None = None) -> None:
        super().__init__()
        self._service = service
        self.day = day  # a planned test day (not today) fills in the date
        self.add_class("-wide")

    def rows(self) -> Iterable[FormRow]:
        """A date row, then one row per test."""
        rehab = (self.initial or {}).get("_mode") == "rehab"
        yield FormRow("Date", text_input(placeholder="YYYY-MM-DD (blank = today)", name="date"), "date")
        for test in ASSESSMENT_TESTS:
            label = ROW_LABELS[test]
            if test in PAIRED_TESTS:
                row = FormRow(label, PairInput(test), test)
            else:
                unit = TEST_UNITS[test].strip()
                row = FormRow(label, text_input(placeholder=f"{TEST_NAMES[test].lower()}, {unit}", name=test), test)
            if test in REHAB_ONLY:
                row.display = rehab
            yield row

    def load(self, journal: JournalService) -> dict[str, Any] | None:
        """The mode decides whether the H-test row shows; a planned test day before today fills in the date."""
        values: dict[str, Any] = {"_mode": journal.profile().mode}
        if self.day is not None and self.day != journal.today():
            values["date"] = self.day.isoformat()
        return values

    def problems(self, values: dict[str, Any]) -> list[tuple[str | None, str]]:
        """Every refused row at once (each test is checked on its own), in screen order."""
        today = self.hj.today()
        found: list[tuple[str | None, str]] = []
        date = values.get("date") or None
        try:
            entries.entry_date(date, today)
        except InvalidInput as error:
            found.append(("date", error.message))
            date = None
        filled = 0
        for test in ASSESSMENT_TESTS:
            fields = _test_fields(test, values.get(test), date)
            if fields is None:
                continue
            filled += 1
            try:
                entries.make_assessment(today, test, **fields)
            except InvalidInput as error:
                found.append((test, f"{TEST_NAMES[test]}: {error.message}"))
        if not filled and not found:
            found.append((None, NOTHING_TO_SAVE))
        return found

    def fill(self, values: dict[str, Any]) -> None:
        """Show the H-test in rehab mode; other values go into their fields."""
        mode = values.pop("_mode", None)
        if mode is not None:
            for test in REHAB_ONLY:
                self.query_one(f"#row-{test}", FormRow).display = mode == "rehab"
        super().fill(values)

    def values(self) -> dict[str, Any]:
        """The typed text of every visible row; paired rows give (left, right)."""
        values: dict[str, Any] = {"date": self.query_one("#date", Input).value}
        for test in ASSESSMENT_TESTS:
            if not self.query_one(f"#row-{test}", FormRow).display:
                continue
            if test in PAIRED_TESTS:
                pair = self.query_one(f"#pair-{test}", PairInput)
                values[test] = (pair.left.value, pair.right.value)
            else:
                values[test] = self.query_one(f"#{test}", Input).value
        return values

    def save(self, journal: JournalService, values: dict[str, Any]) -> str:
        """Validate every filled test, then save each one; returns what was saved."""
        today = journal.today()
        date = values.get("date") or None
        entries.entry_date(date, today)  # a bad date is reported on its own row before any test
        fields_by_test: list[tuple[str, dict[str, Any]]] = []
        for test in ASSESSMENT_TESTS:
            fields = _test_fields(test, values.get(test), date)
            if fields is None:
                continue
            try:
                entries.make_assessment(today, test, **fields)
            except InvalidInput as error:
                raise InvalidInput(f"{TEST_NAMES[test]}: {error.message}", test) from None
            fields_by_test.append((test, fields))
        if not fields_by_test:
            raise InvalidInput(NOTHING_TO_SAVE, "form")
        service = self._service or journal
        saved = [service.log_assessment(test, **fields) for test, fields in fields_by_test]
        names = ", ".join(TEST_NAMES[a.test].lower() for a in saved)
        return f"Saved {len(saved)} assessment{'s' if len(saved) != 1 else ''} on {saved[0].date:%a %d %b}: {names}"


def _test_fields(test: str, raw: Any, date: str | None) -> dict[str, Any] | None:
    """make_assessment's fields for a row as typed; None for a blank (or hidden) row."""
    if raw is None:
        return None
    if test in PAIRED_TESTS:
        left, right = raw
        if not (entries.given(left) or entries.given(right)):
            return None
        return {"left": left, "right": right, "date": date}
    if not entries.given(raw):
        return None
    return {"value": raw, "date": date}
