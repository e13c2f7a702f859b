"""Help (?): every key grouped by screen, the screen it was opened from first; / searches it."""

from __future__ import annotations

from rich.console import Group, RenderableType
from rich.table import Table
from rich.text import Text
from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.widgets import Input, Static

from hamjournal.ui.help_keys import KeyGroup, key_groups
from hamjournal.ui.screens.base import JournalModal
from hamjournal.ui.vim_keys import VIM_BINDINGS
from hamjournal.ui.widgets.key_footer import KeyFooter

NO_MATCH = "No key matches. Search by a key (s), a word of what it does (skip, chart) or a screen (library)."


def key_table(groups: list[KeyGroup]) -> Group:
    """A heading per screen, then two columns: the keys, what they do (the keys' column as wide in every group)."""
    key_width = max(len(keys) for group in groups for keys, _ in group.rows)
    parts: list[RenderableType] = []
    for index, group in enumerate(groups):
        parts.append(Text(("\n" if index else "") + group.title, style="bold underline"))
        table = Table.grid(padding=(0, 2))
        table.add_column(style="bold", no_wrap=True, min_width=key_width)
        table.add_column()
        for keys, text in group.rows:
            table.add_row(keys, text)
        parts.append(table)
    return Group(*parts)


class HelpScreen(JournalModal[None]):
    """The keys; / searches them, Esc leaves the search, then closes (as do q and ?)."""

    CSS_PATH = "help.tcss"
    BINDINGS = [
        Binding("slash", "search", "Search", key_display="/", tooltip="Type to narrow the keys; Esc leaves"),
        # One Escape, two labels: in the search field it leaves the search (check_action shows the one that applies).
        Binding("escape", "leave_search", "Leave search", tooltip="Leave the search (what it found stays)"),
        Binding("escape,q,question_mark", "close", "Close", tooltip="then close help"),
        *VIM_BINDINGS,
    ]

    def __init__(self, first: str = "WeekScreen") -> None:
        super().__init__()
        self.first = first  # the screen help was opened from: its keys come first
        self.groups: list[KeyGroup] = []
        self.shown: list[KeyGroup] = []  # what the search leaves on screen (every group before a search)

    def compose(self) -> ComposeResult:
        with VerticalScroll(id="help") as box:
            box.border_title = "Keys"
            box.border_subtitle = "/ search · Esc closes"
            yield Input(placeholder="/ search: a key, a word, a screen", id="help-filter", compact=True)
            yield Static("", id="help-keys")
        yield KeyFooter()

    def on_mount(self) -> None:
        # The week's keys and those of every screen already visited at once; the other screens' modules are
        # imported in a thread, and their groups join the list (below the first screens) when they arrive.
        self.groups, left_out = key_groups(self.app.get_key_display, self.first, loaded_only=True)
        field = self.query_one("#help-filter", Input)
        field.cursor_blink = getattr(self.app, "cursor_blink", True)
        self._show("")
        self.query_one("#help", VerticalScroll).focus()
        if left_out:
            self._read_every_screen()

    @work(thread=True, exit_on_error=False)
    def _read_every_screen(self) -> None:
        groups, _ = key_groups(self.app.get_key_display, self.first)
        self.app.call_from_thread(self._every_screen_read, groups)

    def _every_screen_read(self, groups: list[KeyGroup]) -> None:
        self.groups = groups
        self._show(self.query_one("#help-filter", Input).value)

    def _show(self, query: str) -> None:
        found = [match for group in self.groups if (match := group.matching(query)) is not None]
        self.shown = found
        self.query_one("#help-keys", Static).update(key_table(found) if found else NO_MATCH)

    @on(Input.Changed, "#help-filter")
    def _search_changed(self, event: Input.Changed) -> None:
        self._show(event.value)

    @on(Input.Submitted, "#help-filter")
    def _search_done(self) -> None:
        self.query_one("#help", VerticalScroll).focus()

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        # In the search field, / is text: the footer leaves the key out.
        in_search = self.query_one("#help-filter", Input).has_focus
        if action in ("search", "close"):
            return not in_search
        if action == "leave_search":
            return in_search
        return True

    def action_search(self) -> None:
        """Focus the search field."""
        self.query_one("#help-filter", Input).focus()

    def action_leave_search(self) -> None:
        """Back to the list of keys, the search's text kept."""
        self.action_close()

    def action_close(self) -> None:
        """Leave the search first (keeping what it found); then back to where help was opened."""
        if self.query_one("#help-filter", Input).has_focus:
            self.query_one("#help", VerticalScroll).focus()
            return
        self.dismiss(None)
