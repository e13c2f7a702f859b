"""j and k move like Down and Up on every screen: lists, the week grid, charts, the library, help.

The app binds them (full screens); modal screens, whose bindings stop at the dialog, add VIM_BINDINGS to their
own. A text field that takes letters keeps them: Textual leaves out bindings of keys a focused Input consumes.
"""

from __future__ import annotations

from textual.binding import Binding
from textual.screen import Screen

# j/k -> the key whose binding they run.
VIM_MOVES: dict[str, str] = {"j": "down", "k": "up"}

VIM_BINDINGS: list[Binding] = [
    Binding(key, f"app.press_as({arrow!r})", f"Like {arrow}", show=False) for key, arrow in VIM_MOVES.items()
]


async def press_as(screen: Screen[object], key: str) -> bool:
    """Run what `key` is bound to on this screen now (focused widget first, priority bindings included).

    Run in place rather than simulated as a new key press, so a j typed before another key acts before it.
    Returns False when `key` does nothing here (as the arrow itself would).
    """
    active = screen.active_bindings.get(key)
    if active is None or not active.enabled:
        return False
    return await screen.app.run_action(active.binding.action, active.node)
