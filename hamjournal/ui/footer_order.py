"""Which keys the footer shows first, per screen: the most used first, so at 80 columns the rare ones drop off.

One row per screen, keyed by the screen's class name (or a base class's, such as FormDialog); keys as Textual
names them ("enter", "left_square_bracket").
A shown binding not listed here comes after the listed ones, in the screen's own order. The help key (`?`) is not
listed: the footer always ends with "? more" wherever `?` opens help. The order comes from a runner's morning:
check-in, log, run, then reading (advice, library, charts), then moving between weeks and cleaning up.
"""

from __future__ import annotations

FOOTER_PRIORITY: dict[str, tuple[str, ...]] = {
    "WeekScreen": ("l", "p", "r", "enter", "a", "s", "e", "c", "left_square_bracket", "right_square_bracket", "t",
                   "x"),
    "ProgressScreen": ("1", "2", "3", "4", "5", "w", "m", "y", "h", "A", "escape"),
    "ExercisesScreen": ("enter", "slash", "s", "escape", "down", "up"),
    "ExerciseDetailScreen": ("s", "escape"),
    "TempoPlayerScreen": ("space", "l", "n", "plus", "minus", "T", "b", "escape"),
    "AdviceScreen": ("escape",),
    "CoachScreen": ("enter", "r", "escape"),
    "HelpScreen": ("slash", "escape"),
    "FormDialog": ("enter", "ctrl+s", "escape"),
    "ProfileScreen": ("ctrl+s", "escape"),
}


def footer_rank(screen: type, keys: list[str]) -> int | None:
    """Where an entry with these keys sits in the screen's row (its best key), or None when not listed.

    A screen without a row of its own uses its nearest base class's (every form uses FormDialog's).
    """
    row = next((FOOTER_PRIORITY[cls.__name__] for cls in screen.__mro__ if cls.__name__ in FOOTER_PRIORITY), ())
    ranks = [row.index(key) for key in keys if key in row]
    return min(ranks) if ranks else None
