"""Block view (b): the weeks to the next A race, the current block, deload weeks and reassessment days."""

from __future__ import annotations

from typing import TYPE_CHECKING

from rich.table import Table
from rich.text import Text
from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.message import Message
from textual.widgets import Static

from hamjournal.ui.screens.base import JournalModal
from hamjournal.ui.vim_keys import VIM_BINDINGS
from hamjournal.ui.widgets.key_footer import KeyFooter
from hamjournal.ui.worker_failures import notify_failure

if TYPE_CHECKING:
    from hamjournal.domain.planner.plan import Plan

# Without an A race, show two rolling blocks' worth; with one, every week up to the week after it.
WEEKS_WITHOUT_RACE = 12
MAX_WEEKS = 52


def weeks_to_show(plan_race_weeks: int | None) -> int:
    """How many weeks the view asks the planner for."""
    if plan_race_weeks is None:
        return WEEKS_WITHOUT_RACE
    return max(1, min(plan_race_weeks + 2, MAX_WEEKS))


def season_table(plan: Plan) -> Table:
    """One row per week: block and its week, deload, reassessment day, Nordic sessions, the race."""
    table = Table(expand=True, box=None, padding=(0, 1), show_edge=False)
    table.add_column("Week of", no_wrap=True)
    table.add_column("Block", no_wrap=True)
    table.add_column("Load", no_wrap=True)
    table.add_column("Test", no_wrap=True)
    table.add_column("Nordics", justify="right", no_wrap=True)
    table.add_column("Emphasis", no_wrap=True)
    for week in plan.weeks:
        items = [i for i in plan.items if week.start <= i.date <= week.end and i.status == "planned"]
        tests = sorted({i.date for i in items if i.kind == "assessment"})
        nordics = sum(1 for i in items if i.exercise == "nordic")
        load = "race week" if week.race_week else ("taper" if week.block == "taper" else "")
        if not load and (week.deload or any(i.deload for i in items)):
            load = "deload"
        block = f"{week.block} {week.block_week}/{week.block_weeks}"
        now = " · now" if week.start == plan.weeks[0].start else ""
        race = f" ← {week.race.name}" if week.race_week and week.race else ""
        table.add_row(
            f"{week.start:%d %b}",
            block + now + race,
            load or "full",
            " ".join(f"{d:%a}" for d in tests) or "-",
            str(nordics),
            week.emphasis,
        )
    return table


class BlockLoaded(Message):
    """The plan for the block view has been computed."""

    def __init__(self, plan: Plan) -> None:
        super().__init__()
        self.plan = plan


class BlockViewScreen(JournalModal[None]):
    """The season at a glance; Esc, q or b closes it."""

    CSS_PATH = "block_view.tcss"
    BINDINGS = [Binding("escape,q,b", "close", "Close"), *VIM_BINDINGS]

    def __init__(self) -> None:
        super().__init__()
        self.plan: Plan | None = None  # the plan shown, once computed

    def compose(self) -> ComposeResult:
        with VerticalScroll(id="block-view") as box:
            box.border_title = "Season"
            box.border_subtitle = "Esc closes"
            yield Static("Planning …", id="block-line")
            yield Static("", id="block-notes")
            yield Static("", id="block-table")
        yield KeyFooter()

    def on_mount(self) -> None:
        self._load()

    @work(thread=True, exclusive=True, group="block-view", exit_on_error=False)
    def _load(self) -> None:
        from hamjournal.domain.planner.blocks import next_a_race

        journal = self.hj.journal
        if journal is None:
            return
        with notify_failure(self, timeout=10):
            today = journal.today()
            race = next_a_race(journal.profile(), today)
            weeks = weeks_to_show(None if race is None else (race.date - today).days // 7 + 1)
            plan = journal.plan(weeks)
            self.post_message(BlockLoaded(plan))

    @on(BlockLoaded)
    def _loaded(self, message: BlockLoaded) -> None:
        from hamjournal.domain.planner.text import block_line

        plan = self.plan = message.plan
        self.query_one("#block-line", Static).update(Text(block_line(plan), style="bold"))
        self.query_one("#block-notes", Static).update("\n".join(f"! {n}" for n in plan.notes))
        self.query_one("#block-notes").display = bool(plan.notes)
        self.query_one("#block-table", Static).update(season_table(plan))

    def action_close(self) -> None:
        """Back to the week."""
        self.dismiss(None)
