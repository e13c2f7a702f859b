"""Bounds on a Journal JSON file, checked before it is parsed, so a hostile file costs little to refuse.

A ten-year journal exported is about 4 MB and nests five levels deep (root, section, record, sets, set); the
limits leave room for far more and still refuse what would exhaust memory or Python's recursion: a file of
gigabytes, thousands of nested brackets, or a number of thousands of digits.
"""

from __future__ import annotations

import math
import re
import sys

from hamjournal.domain.errors import InvalidInput
from hamjournal.domain.validation import MAX_SIGNIFICANT_DIGITS

# Size of a file `import` reads: 16x a ten-year journal.
MAX_IMPORT_BYTES = 64 * 1024 * 1024
# Nesting of objects and arrays: Journal JSON uses five levels.
MAX_JSON_DEPTH = 16
# Characters of one number: more is no measurement (and int() of thousands of digits is slow).
MAX_JSON_NUMBER_CHARS = 24

_STRING = re.compile(r'"(?:[^"\\]|\\.)*"', re.DOTALL)
_BRACKET = re.compile(r"[\[\]{}]")


def describe_bytes(size: int) -> str:
    """ "64 MiB", "1.5 KiB", "12 bytes"."""
    for unit, scale in (("GiB", 1 << 30), ("MiB", 1 << 20), ("KiB", 1 << 10)):
        if size >= scale:
            return f"{size / scale:.3g} {unit}"
    return f"{size} bytes"


def check_depth(text: str) -> None:
    """Refuse JSON text nested deeper than MAX_JSON_DEPTH, counting brackets outside strings."""
    depth = 0
    for match in _BRACKET.finditer(_STRING.sub('""', text)):
        depth += 1 if match.group() in "[{" else -1
        if depth > MAX_JSON_DEPTH:
            raise InvalidInput(
                f"not a journal: objects and lists are nested more than {MAX_JSON_DEPTH} levels deep "
                "(Journal JSON uses 5)",
                "journal",
            )


def strict_int(text: str) -> int:
    """json.loads' parse_int: an integer of at most MAX_JSON_NUMBER_CHARS characters."""
    if len(text) > MAX_JSON_NUMBER_CHARS:
        raise InvalidInput(
            f"not a journal: a number {len(text)} digits long; numbers have at most {MAX_JSON_NUMBER_CHARS}",
            "journal",
        )
    return int(text)


def strict_float(text: str) -> float:
    """json.loads' parse_float: finite, not underflowing to zero, not rounded away from what was written."""
    if len(text) > MAX_JSON_NUMBER_CHARS:
        raise InvalidInput(
            f"not a journal: a number {len(text)} characters long; numbers have at most {MAX_JSON_NUMBER_CHARS}",
            "journal",
        )
    number = float(text)
    mantissa = text.lower().split("e")[0]
    digits = mantissa.lstrip("+-").replace(".", "").lstrip("0")
    significant = len(digits.rstrip("0")) if "." in mantissa else len(digits)
    underflow = number == 0.0 and digits.strip("0") != ""
    tiny = number != 0.0 and abs(number) < sys.float_info.min
    # More digits are fine when they are exactly how Python writes this double (an export of a computed value
    # such as 0.30000000000000004): nothing is rounded away. 4.9999999999999999 reads as 5.0: refused.
    rounded = significant > MAX_SIGNIFICANT_DIGITS and repr(number) != text
    if not math.isfinite(number) or underflow or tiny or rounded:
        raise InvalidInput(
            f"not a journal: the number {text} cannot be stored as written: use a finite number of at most "
            f"{MAX_SIGNIFICANT_DIGITS} significant digits",
            "journal",
        )
    return number
