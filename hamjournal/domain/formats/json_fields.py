"""Reading one JSON object field by field, strictly, with errors that name the record and field.

Import files are read all-or-nothing: the first bad value stops the import with one message such as
`sessions[3].pain_during: 11 is not allowed: use a whole number from 0 to 10`. The range checks themselves
live in `validation.py`; this module adds JSON types (a string "3" is not a pain score), nulls,
unknown and missing keys, and the path.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable, Iterable
from typing import TypeVar

from hamjournal.domain import validation
from hamjournal.domain.errors import InvalidInput

T = TypeVar("T")

_ISO_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")


def child(path: str, key: str) -> str:
    """The path of a key inside an object at `path` ("" is the file's root)."""
    return f"{path}.{key}" if path else key


def item(path: str, index: int) -> str:
    """The path of one element of a list."""
    return f"{path}[{index}]"


def kind_of(value: object) -> str:
    """How a JSON value reads to a person: 'a string', 'a list'..."""
    if value is None:
        return "null"
    if isinstance(value, bool):
        return "a true/false value"
    if isinstance(value, int | float):
        return "a number"
    if isinstance(value, str):
        return "a string"
    if isinstance(value, list):
        return "a list"
    if isinstance(value, dict):
        return "an object"
    return type(value).__name__


def show(value: object) -> str:
    """A value as it appears in a message: strings quoted, JSON spelling for null and booleans."""
    if value is None:
        return "null"
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, str):
        return f"'{value}'"
    if isinstance(value, list | dict):
        return kind_of(value)
    return str(value)


def as_list(value: object, path: str, what: str) -> list[object]:
    """A JSON array, or an error that says what was expected."""
    if not isinstance(value, list):
        raise InvalidInput(f"{path}: expected a list of {what}, found {kind_of(value)}", path)
    return value


class Fields:
    """One JSON object being read; every accessor raises InvalidInput naming `path.key`."""

    def __init__(
        self, data: object, path: str, what: str, required: Iterable[str], optional: Iterable[str] = ()
    ) -> None:
        self.path = path or "journal"
        self._prefix = path
        if not isinstance(data, dict):
            raise InvalidInput(f"{self.path}: expected {what} as an object {{...}}, found {kind_of(data)}", path)
        self.data: dict[str, object] = data
        required = tuple(required)
        allowed = required + tuple(optional)
        for key in data:
            if key not in allowed:
                raise InvalidInput(
                    f"{child(path, str(key))}: unknown key in {what}: use only {', '.join(allowed)}",
                    child(path, str(key)),
                )
        for key in required:
            if key not in data:
                raise InvalidInput(
                    f"{child(path, key)}: missing: {what} needs {', '.join(required)}", child(path, key)
                )

    def at(self, key: str) -> str:
        """The full path of a key, for messages and nested records."""
        return child(self._prefix, key)

    def has(self, key: str) -> bool:
        """True when the key is present and not null."""
        return self.data.get(key) is not None

    def raw(self, key: str) -> object:
        """The value as stored; None for a missing optional key."""
        return self.data.get(key)

    def fail(self, key: str, message: str) -> InvalidInput:
        """An error for this key; `message` is what follows the path."""
        return InvalidInput(f"{self.at(key)}: {message}", self.at(key))

    def check(self, key: str, validate: Callable[..., T], *args: object) -> T:
        """Run a `validation.py`-style check (value, field, ...) and put the path on its message."""
        try:
            return validate(self.raw(key), key, *args)
        except InvalidInput as error:
            raise self.rephrase(key, error) from None

    def rephrase(self, key: str, error: InvalidInput) -> InvalidInput:
        """Turn "pain 11 is not allowed..." into "symptoms[0].pain: 11 is not allowed...".

        Domain checks start their message with the field name; the path replaces it.
        """
        message = error.message
        for lead in (key, error.field):
            if lead and message.startswith(lead + " "):
                message = message[len(lead) + 1 :]
                break
        return self.fail(key, message)

    def _null(self, key: str, nullable: bool, allowed: str) -> bool:
        """True when the value is null and that is allowed; an error when null is not allowed."""
        if self.raw(key) is not None:
            return False
        if nullable:
            return True
        raise self.fail(key, f"null is not allowed: use {allowed}")

    def _number_type(self, key: str, allowed: str) -> None:
        value = self.raw(key)
        if isinstance(value, bool) or not isinstance(value, int | float):
            raise self.fail(key, f"{show(value)} is {kind_of(value)}: use {allowed}")

    def score(self, key: str, low: int = 0, high: int = 10, nullable: bool = False) -> int | None:
        """A whole-number score (pain, RPE, stiffness, fatigue)."""
        allowed = f"a whole number from {low} to {high}"
        if self._null(key, nullable, allowed):
            return None
        self._number_type(key, allowed)
        return self.check(key, validation.check_score, low, high)

    def integer(self, key: str, low: int, high: int, nullable: bool = False) -> int | None:
        """A whole number inside bounds (reps, sets, strides, grade)."""
        allowed = f"a whole number from {low} to {high}"
        if self._null(key, nullable, allowed):
            return None
        self._number_type(key, allowed)
        return self.check(key, validation.check_int_range, low, high)

    def number(
        self, key: str, low: float, high: float, unit: str = "", nullable: bool = False, above: bool = False
    ) -> float | None:
        """A measured number (minutes, km, hours, seconds); `above` excludes `low` itself."""
        allowed = f"a number {'above' if above else 'from'} {low:g} to {high:g}{unit}"
        if self._null(key, nullable, allowed):
            return None
        self._number_type(key, allowed)
        return self.check(key, validation.check_range, low, high, unit, not above)

    def choice(self, key: str, allowed: Iterable[str], nullable: bool = False) -> str | None:
        """One word of a fixed set, spelled exactly as export writes it."""
        options = tuple(allowed)
        if self._null(key, nullable, f"one of {', '.join(options)}"):
            return None
        value = self.raw(key)
        if not isinstance(value, str) or value not in options:
            raise self.fail(key, f"{show(value)} is not allowed: use one of {', '.join(options)}")
        return value

    def boolean(self, key: str) -> bool:
        """A JSON true/false; "yes" or 1 are not booleans."""
        value = self.raw(key)
        if not isinstance(value, bool):
            raise self.fail(key, f"{show(value)} is {kind_of(value)}: use true or false")
        return value

    def text(self, key: str, nullable: bool = False) -> str | None:
        """Free text (a note, a name), bounded by `validation.check_note`."""
        value = self.raw(key)
        if value is None and nullable:
            return None
        if not isinstance(value, str):
            raise self.fail(key, f"{show(value)} is {kind_of(value)}: use text in quotes")
        return self.check(key, validation.check_note)

    def word(self, key: str, nullable: bool = False) -> str | None:
        """A string identifier (slug, step, tempo) before its own check."""
        value = self.raw(key)
        if value is None and nullable:
            return None
        if not isinstance(value, str):
            raise self.fail(key, f"{show(value)} is {kind_of(value)}: use text in quotes")
        return value

    def date(self, key: str, today: dt.date | None = None) -> dt.date:
        """An ISO date, YYYY-MM-DD exactly; with `today`, not after it (a logged record)."""
        value = self.raw(key)
        if not isinstance(value, str) or not _ISO_DATE.match(value):
            raise self.fail(key, f"{show(value)} is not a date: write it as YYYY-MM-DD, e.g. 2026-11-24")
        day = self.check(key, validation.parse_date)
        if today is not None:
            try:
                validation.check_not_future(day, today, key)
            except InvalidInput as error:
                raise self.rephrase(key, error) from None
        return day

    def start_time(self, key: str, day: dt.date) -> dt.datetime:
        """A run's start on the runner's clock, YYYY-MM-DDTHH:MM:SS, on the run's own date."""
        value = self.raw(key)
        try:
            parsed = dt.datetime.fromisoformat(value) if isinstance(value, str) and "T" in value else None
        except ValueError:
            parsed = None
        if parsed is None or parsed.tzinfo is not None:
            raise self.fail(key, f"{show(value)} is not a start time: write it as YYYY-MM-DDTHH:MM:SS")
        if parsed.date() != day:
            raise self.fail(key, f"{show(value)} is not on the run's date {day.isoformat()}: use a time of that day")
        return parsed

    def choices(self, key: str, allowed: Iterable[str]) -> tuple[str, ...]:
        """A list of distinct words of a fixed set (e.g. weekdays)."""
        options = tuple(allowed)
        values = as_list(self.raw(key), self.at(key), f"words ({', '.join(options)})")
        seen: list[str] = []
        for index, value in enumerate(values):
            if not isinstance(value, str) or value not in options:
                raise InvalidInput(
                    f"{item(self.at(key), index)}: {show(value)} is not allowed: use one of {', '.join(options)}",
                    item(self.at(key), index),
                )
            if value in seen:
                raise InvalidInput(
                    f"{item(self.at(key), index)}: {show(value)} is listed twice: list each one once",
                    item(self.at(key), index),
                )
            seen.append(value)
        return tuple(seen)
