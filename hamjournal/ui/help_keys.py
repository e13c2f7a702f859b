"""What help lists: the keys of each screen, grouped by screen, one row per action, and the search over them.

The rows come from the same places the bindings do (actions.ACTIONS for the week, each screen's BINDINGS), so
help cannot drift from the keys. Help shows the screens already imported at once and imports the others in a
worker (see HelpScreen), never at start-up.
"""

from __future__ import annotations

import importlib
import sys
from collections.abc import Callable, Iterable
from dataclasses import dataclass

from textual.binding import Binding, BindingType

from hamjournal.ui.actions import ACTIONS, NAVIGATION, key_label

ARROWS = {"left": "←", "right": "→", "up": "↑", "down": "↓"}

# (screen class name, heading, "module:Class" whose BINDINGS are listed); the week comes from actions.ACTIONS.
SCREENS: tuple[tuple[str, str, str], ...] = (
    ("ExercisesScreen", "Exercise library (e)", "hamjournal.ui.screens.exercises:ExercisesScreen"),
    ("ExerciseDetailScreen", "Exercise page", "hamjournal.ui.screens.exercises:ExerciseDetailScreen"),
    ("TempoPlayerScreen", "Tempo player (s)", "hamjournal.ui.screens.tempo_player:TempoPlayerScreen"),
    ("ProgressScreen", "Progress charts (c)", "hamjournal.ui.screens.progress:ProgressScreen"),
    ("AdviceScreen", "Advice (a)", "hamjournal.ui.screens.advice:AdviceScreen"),
    ("BlockViewScreen", "Season (b)", "hamjournal.ui.screens.block_view:BlockViewScreen"),
    ("CoachScreen", "Coach view (C)", "hamjournal.ui.screens.coach:CoachScreen"),
)

EVERYWHERE: tuple[tuple[str, str], ...] = (
    ("j k", "move down / up, like ↓ ↑ (lists, the week, charts, the library, help)"),
    ("?", "help: every key, grouped by screen; / searches it"),
    ("ctrl+p", "command palette: every action by name or by a word of what it does, with its key"),
    ("ctrl+q", "quit"),
)

DIALOG_KEYS: tuple[tuple[str, str], ...] = (
    ("⏎ ctrl+s", "save"),
    ("Tab ⇧Tab", "next / previous field"),
    ("Esc", "cancel, nothing is saved"),
    ("y n", "when asked to delete: yes / no"),
)

MARKS = ("Marks", "○ planned  ✓ done  ✗ missed  – skipped  • check-in  ■ on hold")


@dataclass(frozen=True)
class KeyGroup:
    """The keys of one screen (or of every dialog), one row per action: (keys, what they do)."""

    screen: str
    title: str
    rows: tuple[tuple[str, str], ...]

    def matching(self, query: str) -> KeyGroup | None:
        """The rows where every word of `query` is in the keys, the text or the heading; None if no row is."""
        words = query.lower().split()
        if not words:
            return self
        title = self.title.lower()
        rows = tuple(row for row in self.rows
                     if all(word in f"{title} {row[0].lower()} {row[1].lower()}" for word in words))
        return KeyGroup(self.screen, self.title, rows) if rows else None


def week_group() -> KeyGroup:
    """The week screen: moving, then every action once, its keys side by side ("⏎ E", "x delete")."""
    arrows = {text: ARROWS[key] for key, _, text in NAVIGATION}
    rows: list[tuple[str, str]] = [
        (f"{arrows['Previous day']} {arrows['Next day']}", "previous / next day"),
        (f"{arrows['Previous entry in the day']} {arrows['Next entry in the day']} j k",
         "previous / next entry of the day"),
    ]
    keys: dict[str, list[str]] = {}
    text: dict[str, str] = {}
    for action in ACTIONS:
        keys.setdefault(action.action, []).append(key_label(action))
        text.setdefault(action.action, action.help)
    rows.extend((" ".join(keys[action]), text[action]) for action in keys)
    return KeyGroup("WeekScreen", "Week (the first screen)", tuple(rows))


def binding_rows(bindings: Iterable[BindingType], display: Callable[[Binding], str]) -> tuple[tuple[str, str], ...]:
    """One row per action of a screen's BINDINGS: its keys side by side, its tooltip (else its label)."""
    keys: dict[str, list[str]] = {}
    text: dict[str, str] = {}
    for binding in Binding.make_bindings(bindings):
        if binding.action.startswith("app."):
            continue  # j/k and other app keys are listed once, under "Everywhere"
        label = display(binding)
        if label not in keys.setdefault(binding.action, []):
            keys[binding.action].append(label)
        text.setdefault(binding.action, binding.tooltip or binding.description)
    # One row per key too: a key with two actions (Escape leaves a filter, else goes back) gets both texts.
    rows: dict[str, str] = {}
    for action in keys:
        label = " ".join(keys[action])
        rows[label] = f"{rows[label]}; {text[action]}" if label in rows else text[action]
    return tuple(rows.items())


def key_groups(
    display: Callable[[Binding], str], first: str = "WeekScreen", loaded_only: bool = False
) -> tuple[list[KeyGroup], bool]:
    """Every screen's keys, the screen help was opened from first, then dialogs and the keys of every screen.

    With `loaded_only`, screens whose module is not imported yet are left out (nothing is imported); the
    second value says whether any was left out.
    """
    groups = [week_group()]
    left_out = False
    for screen, title, target in SCREENS:
        module_name, _, class_name = target.partition(":")
        if loaded_only and module_name not in sys.modules:
            left_out = True
            continue
        screen_class = getattr(importlib.import_module(module_name), class_name)
        groups.append(KeyGroup(screen, title, binding_rows(screen_class.BINDINGS, display)))
    groups.sort(key=lambda group: group.screen != first)  # stable: the rest keep their order
    groups.append(KeyGroup("", "In a dialog", DIALOG_KEYS))
    groups.append(KeyGroup("", "Everywhere", (*EVERYWHERE, MARKS)))
    return groups, left_out
