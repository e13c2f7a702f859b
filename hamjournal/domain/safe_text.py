"""Text a runner (or a file) gave us, made safe to show on a terminal.

A note, a race name or an athlete's name is stored exactly as given, but a terminal obeys some of the
characters it may hold: ESC starts sequences that set the clipboard (OSC 52), the window title or wipe the
screen, and the C1 controls (U+0080-U+009F) do the same on terminals that read 8-bit codes. Every place that
shows user text to a human (the CLI's text output, every error message, every widget) passes it through
`visible`, which shows those characters instead of sending them: C0 controls and DEL as their Unicode
control pictures (ESC as "␛"), C1 controls, lone surrogates and the bidirectional overrides (which reorder
what is shown, "Trojan source") as `\\xNN` / `\\uNNNN`. Pure Python: the CLI and the UI both use it.
"""

from __future__ import annotations

import re

# C0 controls 0x00-0x1F have pictures at U+2400 + code; DEL has U+2421.
_PICTURE_BASE = 0x2400
_DEL_PICTURE = "\u2421"
# Bidirectional embeddings, overrides and isolates, plus the line and paragraph separators some terminals
# treat as new lines: shown escaped so what is seen is what is stored.
_ESCAPED_FORMATS = "\u061c\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069"
_UNSAFE = re.compile(f"[\x00-\x1f\x7f-\x9f\ud800-\udfff{_ESCAPED_FORMATS}]")
# Keeps tabs, new lines and the carriage return of a CRLF line end (CSV's).
_UNSAFE_KEEP_LINES = re.compile(f"\r(?!\n)|[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\ud800-\udfff{_ESCAPED_FORMATS}]")
# In JSON text these characters can only occur inside strings, where \uNNNN is the same character.
_JSON_UNSAFE = re.compile(f"[\x7f-\x9f{_ESCAPED_FORMATS}]")


def _show(match: re.Match[str]) -> str:
    char = match.group()
    code = ord(char)
    if code < 0x20:
        return chr(_PICTURE_BASE + code)
    if code == 0x7F:
        return _DEL_PICTURE
    if code <= 0xFF:
        return f"\\x{code:02x}"
    return f"\\u{code:04x}"


def visible(text: str, keep_lines: bool = False) -> str:
    """`text` with every character a terminal would obey shown instead, e.g. ESC as "␛".

    With `keep_lines`, new lines and tabs stay as they are (a multi-line report); otherwise they are shown
    too, so the result is one line (a name, a note in a table cell, a value quoted in an error).
    """
    pattern = _UNSAFE_KEEP_LINES if keep_lines else _UNSAFE
    return pattern.sub(_show, text)


def json_safe(text: str) -> str:
    """JSON text with the characters a terminal obeys written as \\uNNNN escapes: the same data once parsed.

    json.dumps escapes C0 controls itself, but with ensure_ascii=False writes DEL, C1 controls and the
    bidirectional overrides as they are.
    """
    return _JSON_UNSAFE.sub(lambda match: f"\\u{ord(match.group()):04x}", text)


def is_visible(text: str) -> bool:
    """True when `visible(text)` would change nothing (one line, no control characters)."""
    return _UNSAFE.search(text) is None
