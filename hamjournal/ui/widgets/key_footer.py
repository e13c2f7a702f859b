"""KeyFooter: the key bar at the bottom of every screen, drawn as one line of text.

Textual's Footer composes one widget per key and composes them all again whenever the bindings change (a
dialog closes, the journal opens, focus moves). With a dozen keys that was a visible part of every screen
switch and of start-up. This widget looks the same, keeps the same click-to-press behaviour, and only
repaints when the bindings change.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from itertools import groupby

from rich.style import Style
from rich.text import Text
from textual import events
from textual.binding import ActiveBinding, Binding
from textual.reactive import reactive
from textual.widget import Widget

from hamjournal.ui.footer_order import footer_rank

# The key that opens help, shown last on every screen where it works, as "? more".
HELP_KEY = "question_mark"
MORE = "more"


@dataclass(frozen=True)
class KeySpan:
    """Where one key sits on the bar, for clicks."""

    start: int
    end: int
    key: str
    enabled: bool


class KeyFooter(Widget, can_focus=False):
    """The screen's most used keys that fit (those with show=True), "? more", and "^p palette" when all fit."""

    ALLOW_SELECT = False
    COMPONENT_CLASSES = {"key-footer--key", "key-footer--description", "key-footer--separator"}
    # The same design tokens as Textual's Footer, so themes colour it alike.
    DEFAULT_CSS = """
    KeyFooter {
        dock: bottom;
        height: 1;
        width: 1fr;
        color: $footer-foreground;
        background: $footer-background;
        text-wrap: nowrap;
        text-overflow: clip;
        & > .key-footer--key {
            color: $footer-key-foreground;
            background: $footer-key-background;
            text-style: bold;
        }
        & > .key-footer--description {
            color: $footer-description-foreground;
            background: $footer-description-background;
        }
        & > .key-footer--separator {
            color: $foreground 20%;
        }
    }
    """

    show_command_palette = reactive(True)
    """Show the key that opens the command palette, at the right end."""

    def __init__(self, *, show_command_palette: bool = True, id: str | None = None) -> None:
        super().__init__(id=id)
        self.set_reactive(KeyFooter.show_command_palette, show_command_palette)
        self._spans: list[KeySpan] = []
        self._palette_at: int | None = None  # the cell where the palette key starts, when shown

    def on_mount(self) -> None:
        self.screen.bindings_updated_signal.subscribe(self, self._bindings_changed)

    def on_unmount(self) -> None:
        self.screen.bindings_updated_signal.unsubscribe(self)

    def _bindings_changed(self, _screen: object) -> None:
        self.refresh()

    def render(self) -> Text:
        key_style = self.get_component_rich_style("key-footer--key")
        description_style = self.get_component_rich_style("key-footer--description")
        width = self.size.width
        # Worked out once per render: every binding's check_action runs for it.
        active = self.screen.active_bindings
        entries = [self._entry(members, description, key_style, description_style)
                   for members, description in self._shown(active)]
        more = self._more(active, key_style, description_style)
        # Whole keys only, most used first: a key that does not fit is left out, never cut (help lists it).
        budget = width - (more[0].cell_len if more is not None else 0)
        chosen: list[tuple[Text, list[KeySpan]]] = []
        for entry in entries:
            if entry[0].cell_len > budget:
                break  # the rest are rarer: stopping here keeps the bar in the table's order, with no gaps
            chosen.append(entry)
            budget -= entry[0].cell_len
        if more is not None:
            chosen.append(more)
        line = Text(no_wrap=True, overflow="crop", end="")
        spans: list[KeySpan] = []
        for text, entry_spans in chosen:
            offset = line.cell_len
            spans.extend(KeySpan(s.start + offset, s.end + offset, s.key, s.enabled) for s in entry_spans)
            line.append_text(text)
        right = self._palette(active, key_style, description_style)
        self._palette_at = None
        if right is not None and len(chosen) == len(entries) + (more is not None) \
                and line.cell_len + right.cell_len <= width:
            # Docked right like Textual's Footer, only when every key is shown already: keys come first.
            self._palette_at = width - right.cell_len
            line.truncate(self._palette_at, pad=True)
            line.append_text(right)
        self._spans = spans
        line.truncate(width)
        return line

    def _shown(self, active: Mapping[str, ActiveBinding]) -> list[tuple[list[tuple[Binding, bool]], str]]:
        """One entry per action (keys of one binding group, such as [ and ], share one), most used first.

        The order is the screen's row in FOOTER_PRIORITY; keys it does not list follow in the screen's order.
        """
        shown: list[tuple[Binding, bool]] = []
        seen: set[str] = set()
        for binding, enabled in ((item.binding, item.enabled) for item in active.values()):
            if binding.show and binding.action not in seen and binding.key != HELP_KEY:
                seen.add(binding.action)
                shown.append((binding, enabled))
        entries: list[tuple[list[tuple[Binding, bool]], str]] = []
        for group, members_iter in groupby(shown, key=lambda item: item[0].group):
            members = list(members_iter)
            if group is None or len(members) == 1:
                entries.extend(([member], member[0].description) for member in members)
            else:
                entries.append((members, group.description))
        screen_class = type(self.screen)
        unlisted = len(entries)

        def rank(index: int) -> tuple[int, int]:
            found = footer_rank(screen_class, [binding.key for binding, _ in entries[index][0]])
            return (unlisted if found is None else found, index)

        return [entries[index] for index in sorted(range(len(entries)), key=rank)]

    def _entry(
        self,
        members: list[tuple[Binding, bool]],
        description: str,
        key_style: Style,
        description_style: Style,
    ) -> tuple[Text, list[KeySpan]]:
        """One key (or a group's keys side by side) and its description, with a span per key from cell 0."""
        text = Text(no_wrap=True, end="")
        spans: list[KeySpan] = []
        dim = Style(dim=True) if not any(enabled for _, enabled in members) else Style()
        text.append(" ", key_style + dim)
        for binding, enabled in members:
            display = self.app.get_key_display(binding)
            start = text.cell_len
            text.append(display, key_style + (Style() if enabled else Style(dim=True)))
            spans.append(KeySpan(start, text.cell_len, binding.key, enabled))
        text.append(" ", key_style + dim)
        if description:
            text.append(f"{description} ", description_style + dim)
        if len(members) == 1:
            # A single key is clickable across its description too.
            last = spans[-1]
            spans[-1] = KeySpan(0, text.cell_len, last.key, last.enabled)
        return text, spans

    def _more(
        self, active: Mapping[str, ActiveBinding], key_style: Style, description_style: Style
    ) -> tuple[Text, list[KeySpan]] | None:
        """ "? more" when `?` opens help here (not in help itself, nor while a text field takes the `?`)."""
        help_binding = active.get(HELP_KEY)
        if help_binding is None or not help_binding.enabled or help_binding.binding.action == "close":
            return None
        return self._entry([(help_binding.binding, True)], MORE, key_style, description_style)

    def _palette(self, active: Mapping[str, ActiveBinding], key_style: Style, description_style: Style) -> Text | None:
        """ "▏ ^p palette ", or None when hidden or the app has no palette."""
        if not (self.show_command_palette and self.app.ENABLE_COMMAND_PALETTE):
            return None
        palette = active.get(self.app.COMMAND_PALETTE_BINDING)
        if palette is None:
            return None
        text = Text(no_wrap=True, end="")
        text.append("▏", self.get_component_rich_style("key-footer--separator"))
        text.append(f"{self.app.get_key_display(palette.binding)} ", key_style)
        text.append(f"{palette.binding.description} ", description_style)
        return text

    def on_click(self, event: events.Click) -> None:
        # The palette sits at the right end; everything else is a key of the screen.
        for span in self._spans:
            if span.start <= event.x < span.end:
                if span.enabled:
                    self.app.simulate_key(span.key)
                else:
                    self.app.bell()
                return
        if self._palette_at is not None and event.x >= self._palette_at:
            self.app.simulate_key(self.app.COMMAND_PALETTE_BINDING)
