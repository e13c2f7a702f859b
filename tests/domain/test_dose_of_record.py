"""The prescription of record: plan item, then the advice's next dose, then the last session's step."""

from __future__ import annotations

import datetime as dt

import pytest

from hamjournal.domain.advice.report import Action, Advice
from hamjournal.domain.dose_of_record import dose_of_record
from hamjournal.domain.models import PlanItem, Prescription

DAY = dt.date(2026, 12, 2)
PLANNED = Prescription(3, (8, 8, 8), tempo="4-0-1-0")
NEXT = Prescription(3, (6, 6, 6), tempo="4-0-1-0")


def item(exercise: str) -> PlanItem:
    return PlanItem(date=DAY, exercise=exercise, kind="strength", prescription=PLANNED, step="band-assisted")


def call(exercise: str, next_dose: Prescription | None, next_step: str | None) -> Advice:
    return Advice(exercise=exercise, action=Action.PROGRESS, step="band-assisted", current=PLANNED, next=next_dose,
                  next_step=next_step, reasons=("a reason",), sources=("Petersen 2011",))


@pytest.mark.parametrize(
    ("planned", "advice", "last", "expected"),
    [
        ([item("nordic")], [call("nordic", NEXT, "bodyweight")], "hands", ("band-assisted", PLANNED)),
        ([item("sl-bridge")], [call("nordic", NEXT, "bodyweight")], "hands", ("bodyweight", NEXT)),
        ([], [call("nordic", NEXT, None)], "hands", ("band-assisted", NEXT)),  # same step, a new dose
        ([], [call("nordic", None, None)], "hands", ("hands", None)),  # a call with no next dose (stop)
        ([], [], "hands", ("hands", None)),
        ([], [], None, (None, None)),  # nothing yet: the ladder's own first rung
    ],
)
def test_the_first_source_that_has_the_exercise_gives_the_dose(
    planned: list[PlanItem], advice: list[Advice], last: str | None, expected: tuple[str | None, Prescription | None]
) -> None:
    assert dose_of_record("nordic", planned, advice, lambda: last) == expected


def test_the_last_session_is_read_only_when_needed() -> None:
    def unread() -> str:
        raise AssertionError("the last session was read although the plan had the exercise")

    assert dose_of_record("nordic", [item("nordic")], [], unread) == ("band-assisted", PLANNED)
