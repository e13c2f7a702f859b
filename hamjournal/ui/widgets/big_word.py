"""A word in letters three rows tall, drawn like textual's `Digits`, so a phase name reads from the floor.

`Digits` only knows digits and A-F; the player needs LOWER, PAUSE, UP, HOLD, REST, DONE and READY.
"""

from __future__ import annotations

from rich.text import Text
from textual.reactive import reactive
from textual.widget import Widget

# Three rows per letter, each three cells wide; letters are joined with one blank column.
FONT: dict[str, tuple[str, str, str]] = {
    "A": ("┏━┓", "┣━┫", "╹ ╹"),
    "D": ("┏━╮", "┃ ┃", "┗━╯"),
    "E": ("┏━╸", "┣━ ", "┗━╸"),
    "G": ("┏━╸", "┃╺┓", "┗━┛"),
    "H": ("╻ ╻", "┣━┫", "╹ ╹"),
    "I": ("╺┳╸", " ┃ ", "╺┻╸"),
    "K": ("╻ ╻", "┣┻┓", "╹ ╹"),
    "L": ("╻  ", "┃  ", "┗━╸"),
    "N": ("┏┓╻", "┃┃┃", "╹┗┛"),
    "O": ("┏━┓", "┃ ┃", "┗━┛"),
    "P": ("┏━┓", "┣━┛", "╹  "),
    "R": ("┏━┓", "┣┳┛", "╹┗╸"),
    "S": ("┏━╸", "┗━┓", "╺━┛"),
    "T": ("╺┳╸", " ┃ ", " ╹ "),
    "U": ("╻ ╻", "┃ ┃", "┗━┛"),
    "W": ("╻ ╻", "┃┃┃", "┗┻┛"),
    "Y": ("╻ ╻", "┗┳┛", " ╹ "),
    " ": ("  ", "  ", "  "),
}


def big_lines(word: str) -> tuple[str, str, str]:
    """The three rows of `word`; a character without a glyph is drawn small on the middle row."""
    rows: list[list[str]] = [[], [], []]
    for char in word.upper():
        glyph = FONT.get(char, (" ", char, " "))
        for row, part in zip(rows, glyph, strict=True):
            row.append(part)
    return (" ".join(rows[0]), " ".join(rows[1]), " ".join(rows[2]))


class BigWord(Widget):
    """Shows `word` three rows tall, centred; `word` is a reactive so a new phase repaints it."""

    DEFAULT_CSS = """
    BigWord {
        width: 1fr;
        height: 3;
        content-align: center middle;
        text-style: bold;
    }
    """

    word: reactive[str] = reactive("")

    def __init__(self, word: str = "", *, id: str | None = None, classes: str | None = None) -> None:
        super().__init__(id=id, classes=classes)
        self.set_reactive(BigWord.word, word)

    def render(self) -> Text:
        return Text("\n".join(big_lines(self.word)), justify="center", no_wrap=True)
