"""The command palette's commands for the screen it is opened on: each shows its key, and a word of what the
command does finds it ("pain" finds the check-in), not only its name.

On the week screen the commands are actions.ACTIONS (one per title); on other screens, the screen's own keys
that have a label. Titles match fuzzily, as Textual's own commands do; descriptions match by whole words or
word beginnings, so "pain" does not find every command whose description has a p, an a, an i and an n.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from functools import partial

from textual.command import DiscoveryHit, Hit, Hits, Provider
from textual.content import Content
from textual.screen import Screen

from hamjournal.ui.actions import key_label, palette_actions

# A description match ranks below any title match (Textual's title scores run from about 0.3 to 1).
DESCRIPTION_SCORE = 0.25


@dataclass(frozen=True)
class PaletteCommand:
    """One command: its name, its key as shown in the footer, what it does, and how to run it."""

    title: str
    key: str
    help: str
    run: Callable[[], object]

    def description_score(self, query: str) -> float:
        """Above 0 when every word of the query begins a word of the title or the description; higher the
        earlier the words come ("pain" ranks "Log pain and stiffness" above "Charts: Nordic …, pain …")."""
        words = [word.strip(":,.()") for word in
                 f"{self.title} {self.help}".lower().replace("-", " ").replace("/", " ").split()]
        positions = []
        for part in query.lower().split():
            found = next((index for index, word in enumerate(words) if word.startswith(part)), None)
            if found is None:
                return 0.0
            positions.append(found)
        return DESCRIPTION_SCORE / (1 + max(positions, default=0) / len(words)) if positions else 0.0


def screen_commands(screen: Screen[object]) -> list[PaletteCommand]:
    """The commands of this screen, in the order of its keys."""
    from hamjournal.ui.screens.week import WeekScreen

    if isinstance(screen, WeekScreen):
        return [PaletteCommand(action.title, key_label(action), action.help, partial(screen.run_action, action.action))
                for action in palette_actions()]
    commands: list[PaletteCommand] = []
    seen: set[str] = set()
    for active in screen.active_bindings.values():
        binding = active.binding
        if not active.enabled or binding.action in seen or binding.action.startswith("app.") or \
                binding.action == "command_palette" or not binding.description:
            continue
        seen.add(binding.action)
        commands.append(PaletteCommand(binding.description, screen.app.get_key_display(binding),
                                       binding.tooltip or binding.description,
                                       partial(screen.app.run_action, binding.action, active.node)))
    return commands


def with_key(title: Content | str, key: str) -> Content:
    """ "Check-in  p": the title, then its key in bold."""
    return Content.assemble(title, "  ", (key, "bold"))


class ScreenCommands(Provider):
    """The current screen's commands, with their keys, matched by name or by a word of what they do."""

    async def discover(self) -> Hits:
        for command in screen_commands(self.screen):
            yield DiscoveryHit(with_key(command.title, command.key), command.run, text=command.title,
                               help=command.help)

    async def search(self, query: str) -> Hits:
        matcher = self.matcher(query)
        for command in screen_commands(self.screen):
            score = matcher.match(command.title)
            if score > 0:
                yield Hit(score, with_key(matcher.highlight(command.title), command.key), command.run,
                          text=command.title, help=command.help)
            elif (described := command.description_score(query)) > 0:
                yield Hit(described, with_key(command.title, command.key), command.run, text=command.title,
                          help=command.help)
