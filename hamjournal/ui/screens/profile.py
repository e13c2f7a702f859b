"""Profile (P or o): the runner's week, mode, Nordic ability, races and units; saving re-plans.

Keyboard first: Tab moves between fields, Space ticks a day, Enter in a race field adds the race, Delete removes
the highlighted race, ctrl+s saves, Esc leaves without saving. The values are checked by the domain
(`profile_edit`), and a mistake is shown beside the field it is about.
"""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING, Any

from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, VerticalScroll
from textual.content import Content
from textual.widgets import Checkbox, Input, Label, OptionList, Select, Static
from textual.widgets.option_list import Option

from hamjournal.domain.errors import InvalidInput
from hamjournal.domain.models import NORDIC_ABILITIES, SIDES, WEEKDAYS, Injury, Profile, Race
from hamjournal.domain.planner.calendar import DAY_NAMES
from hamjournal.domain.profile_edit import (
    ABILITY_LABELS,
    DELOAD_CHOICES,
    GRADES,
    UNIT_CHOICES,
    make_profile,
    make_race,
    profile_problems,
)
from hamjournal.errors import HamjournalError
from hamjournal.ui.dialog_open import release_held_keys
from hamjournal.ui.messages import JournalChanged
from hamjournal.ui.screens.base import JournalScreen
from hamjournal.ui.screens.form import choice, focus_at_end, save_or_show, text_input
from hamjournal.ui.widgets.app_header import AppHeader
from hamjournal.ui.widgets.form_row import FormRow
from hamjournal.ui.widgets.key_footer import KeyFooter
from hamjournal.ui.worker_threads import run_past_close

if TYPE_CHECKING:
    from hamjournal.services import JournalService

DAY_LABELS = ("Mo", "Tu", "We", "Th", "Fr", "Sa", "Su")
DAY_ROWS = (("running", "Running days"), ("hard", "Hard days"), ("strength", "Other strength"))
HINT = "Tab next · Space ticks · Enter adds a race · Del removes one · ctrl+s saves all, a typed race too · Esc cancels"
RACE_FIELDS = ("race-date", "race-name", "race-distance")
# Domain field names that belong to another row of this form.
FIELD_ROWS = {"units": "units", "nordic ability": "ability", "deload": "deload", "grade": "injury-grade",
              "side": "injury-side", "priority": "race-priority", "race date": "race-date",
              "strain date": "injury-date"}


class DayBox(Checkbox):
    """A weekday checkbox whose mark shows its state without colour (✓ or blank), for NO_COLOR terminals too."""

    @property
    def _button(self) -> Content:
        self.BUTTON_INNER = "✓" if self.value else " "
        return super()._button


def day_boxes(group: str) -> Horizontal:
    """Seven compact checkboxes, Monday first, with ids like running-mon."""
    boxes = [DayBox(label, id=f"{group}-{day}", compact=True) for day, label in zip(WEEKDAYS, DAY_LABELS,
                                                                                   strict=True)]
    return Horizontal(*boxes, classes="day-boxes", id=f"{group}-days")


def race_text(race: Race) -> str:
    """ "Sun 07 Feb 2027  City 10K, 10 km (A)"."""
    return f"{race.date:%a %d %b %Y}  {race.name}, {race.distance_km:g} km ({race.priority})"


class ProfileScreen(JournalScreen[bool]):
    """Edit the profile; dismisses True once saved (and re-planned), False when left."""

    CSS_PATH = ["form.tcss", "profile.tcss"]
    BINDINGS = [
        Binding("ctrl+s", "save", "Save"),
        Binding("escape", "cancel", "Cancel"),
        Binding("delete", "remove_race", "Remove race", show=False),
    ]
    TITLE_TEXT = "Your profile"
    INTRO = "How your week runs: the plan puts hamstring work after easy runs and away from hard days."

    def __init__(self, profile: Profile | None = None) -> None:
        super().__init__()
        self.races: list[Race] = []
        self.injuries: tuple[Injury, ...] = ()
        self.saving = False
        # The saved profile, read before the screen is pushed (dialog_open) so the first frame shows it; None:
        # read in a worker after mounting (a screen pushed directly).
        self.profile = profile
        self.gate_owner: object | None = None  # the key gate's owner that opened this screen (see key_gate)

    @staticmethod
    def read_first(journal: JournalService) -> Profile:
        """What the screen shows, read before it is pushed."""
        return journal.profile()

    def compose(self) -> ComposeResult:
        yield AppHeader()
        with VerticalScroll(id="profile-form") as form:
            form.border_title = self.TITLE_TEXT
            yield Static(self.INTRO, id="profile-intro")
            for group, label in DAY_ROWS:
                yield FormRow(label, day_boxes(group), group)
            long_options = [(name, day) for day, name in zip(WEEKDAYS, DAY_NAMES, strict=True)]
            yield FormRow("Long run", choice([("No long run", "none"), *long_options], "sun", "long"), "long")
            yield FormRow("Mode", choice([("Prevention", "prevention"), ("Rehab after a strain", "rehab")],
                                         "prevention", "mode"), "mode")
            yield FormRow("Strain date", text_input(placeholder="YYYY-MM-DD", name="injury-date"), "injury-date")
            yield FormRow("Strain side", choice([(s.capitalize(), s) for s in SIDES], "left", "injury-side"),
                          "injury-side")
            yield FormRow("Strain grade", choice([(f"Grade {g}", str(g)) for g in GRADES], "1", "injury-grade"),
                          "injury-grade")
            yield FormRow("Nordic ability", choice([(ABILITY_LABELS[a], a) for a in NORDIC_ABILITIES], "none",
                                                   "ability"), "ability")
            yield FormRow("Deload every", choice([(f"{n} weeks", str(n)) for n in DELOAD_CHOICES], "5", "deload"),
                          "deload")
            yield FormRow("Units", choice([(u, u) for u in UNIT_CHOICES], UNIT_CHOICES[0], "units"), "units")
            yield FormRow("Watch folder", text_input(placeholder="optional: where your watch files appear (i imports)",
                                                     name="watch-folder"), "watch-folder")
            yield Label("Races", classes="profile-section")
            yield OptionList(id="races", compact=True)
            yield FormRow("Race date", text_input(placeholder="YYYY-MM-DD", name="race-date"), "race-date")
            yield FormRow("Race name", text_input(placeholder="e.g. City 10K", name="race-name"), "race-name")
            yield FormRow("Distance km", text_input(placeholder="e.g. 10", name="race-distance"), "race-distance")
            yield FormRow("Priority", choice([("A: the goal", "A"), ("B", "B"), ("C", "C")], "A", "race-priority"),
                          "race-priority")
            yield Static("", id="form-error", classes="form-error")
            yield Label(HINT, classes="form-hint")
        yield KeyFooter()

    def on_mount(self) -> None:
        for field in self.query(Input):
            field.cursor_blink = self.hj.cursor_blink
        self._show_rehab(False)
        self._show_races()
        self.set_focus(self.query_one("#running-mon", Checkbox), scroll_visible=False)
        if self.profile is not None:
            self.fill(self.profile)  # before the first frame: no defaults shown, then replaced
        else:
            self._load()
        release_held_keys(self)

    def on_unmount(self) -> None:
        release_held_keys(self)

    # -- loading ------------------------------------------------------------------------------------------

    @work(thread=True, group="profile-load", exit_on_error=False)
    def _load(self) -> None:
        journal = self.hj.journal
        if journal is None:
            return
        try:
            profile = journal.profile()
        except HamjournalError as error:
            self.app.call_from_thread(self.show_error, None, str(error))
            return
        self.app.call_from_thread(self.fill, profile)

    def fill(self, profile: Profile) -> None:
        """Show a saved profile in the fields."""
        for group, days in (("running", profile.running_days), ("hard", profile.hard_days),
                            ("strength", profile.strength_days)):
            for day in WEEKDAYS:
                self.query_one(f"#{group}-{day}", Checkbox).value = day in days
        self.query_one("#long", Select).value = profile.long_run_day or "none"
        self.query_one("#mode", Select).value = profile.mode
        self.query_one("#ability", Select).value = profile.nordic_ability
        self.query_one("#deload", Select).value = str(profile.deload_every)
        self.query_one("#watch-folder", Input).value = profile.watch_folder or ""
        self.injuries = profile.injuries
        if profile.injuries:
            latest = max(profile.injuries, key=lambda i: i.date)
            self.query_one("#injury-date", Input).value = latest.date.isoformat()
            self.query_one("#injury-side", Select).value = latest.side
            self.query_one("#injury-grade", Select).value = str(latest.grade)
        self.races = list(profile.races)
        self._show_races()
        self._show_rehab(profile.mode == "rehab")

    # -- rehab rows and races -----------------------------------------------------------------------------

    @on(Select.Changed, "#mode")
    def _mode_changed(self, event: Select.Changed) -> None:
        self._show_rehab(event.value == "rehab")

    def _show_rehab(self, rehab: bool) -> None:
        for name in ("injury-date", "injury-side", "injury-grade"):
            self.query_one(f"#row-{name}").display = rehab

    def _show_races(self) -> None:
        races = self.query_one("#races", OptionList)
        races.clear_options()
        if self.races:
            races.add_options([Option(race_text(r), id=str(i)) for i, r in enumerate(self.races)])
        else:
            races.add_option(Option("No races yet: add one below (an A race shapes the blocks).", disabled=True))
        races.styles.height = max(1, min(len(self.races), 4))
        # An empty list is no Tab stop: with nothing to highlight it showed no focus and swallowed the keys.
        races.can_focus = bool(self.races)

    @on(Input.Submitted)
    def _enter(self, event: Input.Submitted) -> None:
        event.stop()
        if event.input.id and event.input.id.startswith("race-"):
            self.add_race()
        else:
            self.action_save()

    def add_race(self) -> None:
        """Add the race in the race fields to the list (saved with the profile)."""
        self.clear_errors()
        try:
            race = make_race(
                self.hj.today(),
                self.query_one("#race-date", Input).value,
                self.query_one("#race-name", Input).value,
                self.query_one("#race-distance", Input).value,
                str(self.query_one("#race-priority", Select).value),
            )
        except InvalidInput as error:
            self.show_error(error.field, error.message)
            return
        self.races = sorted([*self.races, race], key=lambda r: r.date)
        for name in ("race-date", "race-name", "race-distance"):
            self.query_one(f"#{name}", Input).value = ""
        self._show_races()
        self.query_one("#race-date", Input).focus()
        self.notify(f"Added {race.name}; ctrl+s saves the profile.")

    def action_remove_race(self) -> None:
        """Remove the race highlighted in the list."""
        races = self.query_one("#races", OptionList)
        if not races.has_focus or races.highlighted is None or not self.races:
            return
        removed = self.races.pop(races.highlighted)
        self._show_races()
        self.notify(f"Removed {removed.name}; ctrl+s saves the profile.")

    # -- saving -------------------------------------------------------------------------------------------

    def values(self) -> dict[str, Any]:
        """The form as make_profile's arguments (read on the UI thread)."""
        def ticked(group: str) -> list[str]:
            return [d for d in WEEKDAYS if self.query_one(f"#{group}-{d}", Checkbox).value]

        def selected(name: str) -> str:
            value = self.query_one(f"#{name}", Select).value
            return "" if value is Select.NULL else str(value)

        long_day = selected("long")
        mode = selected("mode")
        return {
            "running_days": ticked("running"),
            "long_run_day": None if long_day in ("", "none") else long_day,
            "hard_days": ticked("hard"),
            "strength_days": ticked("strength"),
            "mode": mode,
            "injury_date": self.query_one("#injury-date", Input).value if mode == "rehab" else None,
            "injury_side": selected("injury-side"),
            "injury_grade": selected("injury-grade"),
            "nordic_ability": selected("ability"),
            "races": tuple(self.races),
            "units": selected("units"),
            "deload_every": selected("deload"),
            "keep_injuries": self.injuries,
            "watch_folder": self.query_one("#watch-folder", Input).value,
        }

    def typed_race(self) -> tuple[Race | None, list[tuple[str, str]]]:
        """The race in the race fields (None if none is typed), and every refused race field as (field, message):
        each field is checked on its own, a stand-in that passes taking the place of a refused one."""
        texts = {field: self.query_one(f"#{field}", Input).value for field in RACE_FIELDS}
        if not any(text.strip() for text in texts.values()):
            return None, []
        today = self.hj.today()
        stand_ins = {"race-date": (today + dt.timedelta(days=1)).isoformat(), "race-name": "race",
                     "race-distance": "10"}
        priority = str(self.query_one("#race-priority", Select).value)
        found: list[tuple[str, str]] = []
        trial = dict(texts)
        for _ in RACE_FIELDS:
            try:
                race = make_race(today, trial["race-date"], trial["race-name"], trial["race-distance"], priority)
            except InvalidInput as error:
                field = FIELD_ROWS.get(error.field or "", error.field or "")
                found.append((field, error.message))
                if field not in trial:
                    break
                trial[field] = stand_ins[field]
            else:
                return (None if found else race), found
        return None, found

    def action_save(self) -> None:
        """Check and save in a worker, then re-plan; the screen stays until the journal says yes.

        A race typed but not yet added with Enter is saved with the profile; a half-filled one is refused
        beside its fields (every refused field at once, with the profile's own mistake), and nothing is saved."""
        if self.saving or self.hj.journal is None:
            return
        self.clear_errors()
        race, found = self.typed_race()
        values = self.values()
        found = [
            (FIELD_ROWS.get(field, field), message) for field, message in profile_problems(self.hj.today(), **values)
        ] + found
        if found:
            self.show_errors(found)
            return
        if race is not None:
            values["races"] = tuple(sorted([*self.races, race], key=lambda r: r.date))
        self.saving = True
        self._save(values)

    def show_errors(self, found: list[tuple[str, str]]) -> None:
        """Mark every refused row beside itself; the cursor goes to the first in screen order."""
        order = [row.field_name for row in self.query(FormRow)]
        found = sorted(found, key=lambda item: order.index(item[0]) if item[0] in order else len(order))
        for name, message in reversed(found):  # the first is shown last, so it keeps the focus
            self._mark(name, message)

    def _save(self, values: dict[str, Any]) -> None:
        journal = self.hj.journal
        assert journal is not None

        def save() -> int:
            journal.save_profile(make_profile(journal.today(), **values))
            return journal.replan()

        run_past_close(self, lambda: save_or_show(self, save, self._saved), "profile-save")

    def _saved(self, count: int) -> None:
        self.saving = False
        self.app.post_message(JournalChanged(f"Profile saved; plan updated ({count} sessions ahead)", replanned=True))
        self.dismiss(True)

    def show_error(self, field: str | None, message: str) -> None:
        """Show a message beside the field it is about (or under the form) and focus that field."""
        self.clear_errors()
        self._mark(FIELD_ROWS.get(field or "", field or ""), message)

    def _mark(self, name: str, message: str) -> None:
        self.saving = False
        rows = self.query(f"#row-{name}") if name else None
        if rows:
            row = rows.first(FormRow)
            row.show_error(message)
            target = row.field.query(Checkbox).first() if isinstance(row.field, Horizontal) else row.field
            if isinstance(target, Input):
                focus_at_end(target)
            else:
                target.focus()
        else:
            error = self.query_one("#form-error", Static)
            error.update(message)
            error.add_class("-shown")

    def clear_errors(self) -> None:
        """Hide every validation message."""
        for row in self.query(FormRow):
            row.clear_error()
        self.query_one("#form-error", Static).remove_class("-shown")

    def action_cancel(self) -> None:
        """Leave without saving."""
        self.dismiss(False)

