"""Checks for every value a runner can type, each failing with one message that says what is allowed."""

from __future__ import annotations

import datetime as dt
import math
import re
from collections.abc import Iterable
from typing import TypeVar

from hamjournal.domain.errors import InvalidInput

# Bounds a human could plausibly log; anything outside is a typo, not a training session.
MAX_RUN_MINUTES = 1440
MAX_RUN_KM = 500.0
MAX_STRIDES = 50
MAX_FINISH_S = 3600.0
# Average heart rate of a run (beats per minute): anything outside is a sensor fault, not a runner.
MIN_HEART_RATE = 30
MAX_HEART_RATE = 250
MAX_SLEEP_H = 24.0
MAX_LOAD_KG = 500.0
MAX_NOTE_CHARS = 2000
# The days a journal can hold: week arithmetic, the planner (a race up to a year ahead, a plan of weeks) and
# the calendar export all step days and weeks either side of a date, which year 1 or 9999 would overflow.
# A training journal needs nothing near either end.
MIN_DATE = dt.date(1900, 1, 1)
MAX_DATE = dt.date(2199, 12, 31)
# A number typed by hand is short; 5,000 digits is a paste or an attack. Counted before conversion.
MAX_NUMBER_CHARS = 24
# Strict forms only: digits with an optional sign and one decimal point (no exponent, no "_", no "inf").
_NUMBER = re.compile(r"[+-]?(?:\d+(?:\.\d*)?|\.\d+)")
# Digits a measurement can carry: beyond these a decimal would be rounded when stored (4.9999999999999999
# becomes 5.0), so it is refused rather than silently changed.
MAX_SIGNIFICANT_DIGITS = 15

Choice = TypeVar("Choice", bound=str)


def parse_date(text: str, field: str = "date") -> dt.date:
    """Parse an ISO date (YYYY-MM-DD) inside the days a journal can hold (MIN_DATE to MAX_DATE)."""
    raw = str(text).strip()
    try:
        if len(raw) != 10:  # fromisoformat also takes "20261124" and week dates; the journal writes one form
            raise ValueError(raw)
        day = dt.date.fromisoformat(raw)
    except ValueError:
        raise InvalidInput(f"{field} '{text}' is not a date: write it as YYYY-MM-DD, e.g. 2026-11-24", field) from None
    return check_date_range(day, field)


def check_date_range(day: dt.date, field: str = "date") -> dt.date:
    """A date a journal can hold, from MIN_DATE to MAX_DATE."""
    if not MIN_DATE <= day <= MAX_DATE:
        raise InvalidInput(
            f"{field} {day.isoformat()} is out of range: use a date from {MIN_DATE.isoformat()} to "
            f"{MAX_DATE.isoformat()}",
            field,
        )
    return day


def check_not_future(day: dt.date, today: dt.date, field: str = "date") -> dt.date:
    """A log entry cannot be dated after today."""
    if day > today:
        raise InvalidInput(
            f"{field} {day.isoformat()} is in the future: log what you did, on or before {today.isoformat()}", field
        )
    return day


def check_score(value: object, field: str, low: int = 0, high: int = 10) -> int:
    """A whole-number score such as pain, stiffness, RPE or fatigue (0-10)."""
    number = _as_number(value, field, f"a whole number from {low} to {high}")
    if not float(number).is_integer() or not low <= number <= high:
        raise InvalidInput(f"{field} {_show(value)} is not allowed: use a whole number from {low} to {high}", field)
    return int(number)


def check_range(
    value: object, field: str, low: float, high: float, unit: str = "", inclusive_low: bool = True
) -> float:
    """A measured number (minutes, km, seconds, hours) inside plausible bounds."""
    number = _as_number(value, field, f"a number from {low:g} to {high:g}{unit}")
    too_low = number < low if inclusive_low else number <= low
    if too_low or number > high:
        lead = "from" if inclusive_low else "above"
        message = f"{field} {_show(value)} is not allowed: use a number {lead} {low:g} to {high:g}{unit}"
        raise InvalidInput(message, field)
    return float(number)


def check_int_range(value: object, field: str, low: int, high: int) -> int:
    """A whole number inside bounds (strides, sets, reps)."""
    number = _as_number(value, field, f"a whole number from {low} to {high}")
    if not float(number).is_integer() or not low <= number <= high:
        raise InvalidInput(f"{field} {_show(value)} is not allowed: use a whole number from {low} to {high}", field)
    return int(number)


def check_choice(value: object, field: str, allowed: Iterable[Choice]) -> Choice:
    """One of a fixed set of words (typed as the set's own words, e.g. a `Side` from SIDES)."""
    options = tuple(allowed)
    text = str(value).strip().lower() if value is not None else ""
    if text not in options:
        raise InvalidInput(f"{field} '{value}' is not allowed: use one of {', '.join(options)}", field)
    return options[options.index(text)]


def check_note(value: object, field: str = "note") -> str:
    """Free text, bounded so a pasted file cannot bloat the journal."""
    text = "" if value is None else str(value)
    if len(text) > MAX_NOTE_CHARS:
        raise InvalidInput(f"{field} is {len(text)} characters long: keep it to {MAX_NOTE_CHARS}", field)
    return text


def _as_number(value: object, field: str, allowed: str) -> float:
    if isinstance(value, bool):
        raise InvalidInput(f"{field} {_show(value)} is not a number: use {allowed}", field)
    if isinstance(value, int):
        if abs(value) >= 10**MAX_SIGNIFICANT_DIGITS:
            raise InvalidInput(f"{field} {_show(value)} is too large: use {allowed}", field)
        number = float(value)
    elif isinstance(value, float):
        number = value
    else:
        text = decimal_point(str(value).strip())
        if len(text) > MAX_NUMBER_CHARS:
            raise InvalidInput(f"{field} is a number {len(text)} characters long: use {allowed}", field)
        if not _NUMBER.fullmatch(text) or sum(c.isdigit() for c in text.lstrip("+-0.")) > MAX_SIGNIFICANT_DIGITS:
            raise InvalidInput(f"{field} {_show(value)} is not a number: use {allowed}", field)
        number = float(text)
    if math.isnan(number) or math.isinf(number):
        raise InvalidInput(f"{field} {_show(value)} is not a number: use {allowed}", field)
    return number


def decimal_point(text: str) -> str:
    """ "8,2" -> "8.2": a decimal comma, as many keyboards and locales write it (one comma, no point)."""
    if text.count(",") == 1 and "." not in text:
        return text.replace(",", ".")
    return text


def _show(value: object) -> str:
    return f"'{value}'" if isinstance(value, str) else str(value)
