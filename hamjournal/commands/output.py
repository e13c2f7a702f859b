"""What a command prints passes through `visible` (hamjournal.domain.safe_text) on its way to the terminal.

One choke point rather than a call in every print: a note, a race name, an athlete's name or a file name
reaches the week, the report, the plan, the advice, the library and every message, and none of them may send
a terminal an escape sequence. JSON output is kept exact (the characters a terminal obeys are written as
\\uNNNN, the same data once parsed); an export piped to a file or a program is written as stored, and only
escaped when it goes to a terminal.
"""

from __future__ import annotations

import argparse
import contextlib
import sys
from collections.abc import Callable, Iterator
from typing import TextIO

from hamjournal.domain.safe_text import json_safe, visible

# Commands that hand the terminal to the app: Textual draws the screen itself, from widgets that show user
# text through `visible` (see the widgets); wrapping its stream would garble its own escape sequences.
APP_COMMANDS = frozenset({"", "demo"})


class _Rendered:
    """A text stream that renders what is written to it before passing it on."""

    def __init__(self, stream: TextIO, render: Callable[[str], str]) -> None:
        self._stream = stream
        self._render = render

    def write(self, text: str) -> int:
        """Write `text` rendered; returns the length given, as a stream's write does."""
        self._stream.write(self._render(text))
        return len(text)

    def __getattr__(self, name: str) -> object:
        return getattr(self._stream, name)


def _lines(text: str) -> str:
    return visible(text, keep_lines=True)


def stdout_render(args: argparse.Namespace) -> Callable[[str], str] | None:
    """How this command's standard output is rendered: None for as stored."""
    command = args.command or ""
    if getattr(args, "json", False):
        return json_safe
    if command == "export":
        fmt = (getattr(args, "format", None) or "json").strip().lower()
        if fmt == "json":
            return json_safe
        # CSV and iCalendar are faithful when piped (`export --format csv > f.csv`), shown safely on a screen.
        return _lines if _is_terminal(sys.stdout) else None
    return _lines


@contextlib.contextmanager
def guarded(args: argparse.Namespace) -> Iterator[None]:
    """Render this command's stdout and stderr safely while it runs (not for the app: see APP_COMMANDS)."""
    if (args.command or "") in APP_COMMANDS:
        yield
        return
    out, err = sys.stdout, sys.stderr
    render = stdout_render(args)
    if render is not None:
        sys.stdout = _Rendered(out, render)
    sys.stderr = _Rendered(err, _lines)
    try:
        yield
    finally:
        sys.stdout, sys.stderr = out, err


def _is_terminal(stream: TextIO) -> bool:
    try:
        return stream.isatty()
    except (AttributeError, ValueError):
        return False
