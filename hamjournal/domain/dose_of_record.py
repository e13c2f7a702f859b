"""The prescription of record for one exercise on one day: the one order of choice every screen and command uses.

The day's plan item first; else the advice's next dose (what `advice --json` shows as `next`); else the step
of the runner's last session, with no dose. A runner past the first rung is never offered it again.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable

from hamjournal.domain.advice.report import Advice
from hamjournal.domain.models import PlanItem, Prescription


def dose_of_record(
    exercise: str,
    planned: Iterable[PlanItem],
    advice: Iterable[Advice],
    last_step: Callable[[], str | None],
) -> tuple[str | None, Prescription | None]:
    """(step, dose) for `exercise`; `advice` is empty for a past day, `last_step` is read only when needed."""
    for item in planned:
        if item.exercise == exercise:
            return item.step, item.prescription
    for call in advice:
        if call.exercise == exercise and call.next is not None:
            return call.next_step or call.step, call.next
    return last_step(), None
