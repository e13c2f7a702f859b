"""Every key of the week screen in one place: bindings, footer, command palette and help come from here.

To add a screen: write it (a Screen or ModalScreen that reads `self.app.journal` and `self.app.selected_day`),
then add one `Opens(...)` line to `ACTIONS`. The key, the footer entry, the palette command and the help line
follow from that line. The screen's module is imported only when the key is pressed, so heavy screens (charts)
cost nothing at start-up.
"""

from __future__ import annotations

from dataclasses import dataclass

from textual.binding import Binding

# Keys that share one footer slot ("[ ] Week") so the footer stays readable at 80 columns.
FOOTER_GROUPS: dict[str, Binding.Group] = {"week": Binding.Group("Week", compact=True)}


@dataclass(frozen=True)
class Action:
    """A key on the week screen that runs `action_<name>` on the week screen."""

    key: str
    name: str
    title: str
    help: str
    footer: str = ""
    show: bool = True
    key_display: str | None = None
    group: str | None = None
    # A key that opens a dialog runs the moment the app takes it (a priority binding), so the keys typed after it
    # are held for the dialog (ui/key_gate.py) instead of reaching the week screen first.
    priority: bool = False

    @property
    def action(self) -> str:
        """The Textual action string the binding runs."""
        return self.name

    def binding(self) -> Binding:
        """The binding for the week screen."""
        return Binding(
            self.key,
            self.action,
            self.footer or self.title,
            show=self.show,
            key_display=self.key_display,
            tooltip=self.help,
            group=FOOTER_GROUPS.get(self.group or ""),
            priority=self.priority,
        )


@dataclass(frozen=True)
class Opens(Action):
    """A key that opens a screen given as "package.module:ClassName" (imported on first use)."""

    screen: str = ""

    @property
    def action(self) -> str:
        return f"open_screen({self.screen!r})"


ACTIONS: tuple[Action, ...] = (
    Action("l", "log_session", "Log session", "Log a strength session on the selected day", "Log", priority=True),
    Action("p", "check_in", "Check-in", "Log pain and stiffness (morning check-in)", "Check-in", priority=True),
    Action("r", "log_run", "Log run", "Log a run on the selected day", "Run", priority=True),
    Action("enter", "edit_entry", "Edit entry", "Edit the selected entry (a planned one is logged)", "Edit",
           key_display="⏎", priority=True),
    Action("E", "edit_entry", "Edit entry", "Edit the selected entry", show=False, priority=True),
    Action("x", "delete_entry", "Delete entry", "Delete the selected entry, after a y/n question", "Del"),
    Action("delete", "delete_entry", "Delete entry", "Delete the selected entry", show=False),
    Action("left_square_bracket", "previous_week", "Previous week", "Show the week before", "Prev wk",
           key_display="[", group="week"),
    Action("right_square_bracket", "next_week", "Next week", "Show the week after", "Next wk", key_display="]",
           group="week"),
    Action("t", "today", "Today", "Back to this week, today selected", "Today"),
    Opens("a", "advice", "Advice", "Today's call per exercise: reasons, what would change it, sources, thresholds",
          "Advice", screen="hamjournal.ui.screens.advice:AdviceScreen"),
    Opens("question_mark", "help", "Help", "Every key and what it does", "Help", key_display="?",
          screen="hamjournal.ui.screens.help:HelpScreen"),
    Opens("e", "exercises", "Exercises", "The exercise library: how to do each one, and its tempo player", "Library",
          screen="hamjournal.ui.screens.exercises:ExercisesScreen"),
    Action("s", "play_tempo", "Play tempo", "Count the tempo of the selected planned session, set by set", "Play"),
    Opens("c", "progress", "Progress charts", "Charts: Nordic volume and step, pain and stiffness, running, sprint, "
          "assessments", "Charts", screen="hamjournal.ui.screens.progress:ProgressScreen"),
    Opens("A", "assessment", "Reassessment", "Log a reassessment: bridge, hold, ASLR, hop, Nordic and sprint tests",
          "Assess", show=False, key_display="A", screen="hamjournal.ui.screens.assessment:AssessmentDialog",
          priority=True),
    # The plan (hamjournal.ui.screens.plan_editing / profile / block_view).
    Action("shift+left", "move_item_back", "Move planned item earlier", "Move the selected planned session a day "
           "earlier (it becomes yours: re-planning keeps it)", show=False, key_display="⇧←"),
    Action("shift+right", "move_item_forward", "Move planned item later", "Move the selected planned session a day "
           "later (it becomes yours: re-planning keeps it)", show=False, key_display="⇧→"),
    # Not k: vim users press k for "up" by habit (j and k move on every screen). "-" pairs with "+" (add one).
    Action("minus", "skip_item", "Skip planned item", "Skip the selected planned session, or plan a skipped one "
           "again", show=False, key_display="-"),
    Action("n", "add_item", "Add to plan", "Add a session of your own to the plan on the selected day", show=False,
           priority=True),
    Action("plus", "add_item", "Add to plan", "Add a session of your own to the plan", show=False, key_display="+",
           priority=True),
    Opens("b", "season", "Season and blocks", "The weeks to your A race: base, build, peak, taper, deloads and "
          "reassessment days", show=False, screen="hamjournal.ui.screens.block_view:BlockViewScreen"),
    Opens("P", "profile", "Profile", "Your running week, mode, Nordic ability and races; saving re-plans",
          show=False, key_display="P", screen="hamjournal.ui.screens.profile:ProfileScreen", priority=True),
    Opens("o", "profile", "Profile", "Your running week, mode, Nordic ability and races", show=False,
          screen="hamjournal.ui.screens.profile:ProfileScreen", priority=True),
    # Runs from the watch (hamjournal.ui.screens.import_runs / run_rpe).
    Opens("i", "import_runs", "Import runs", "Import what is new in the watch folder set in your profile (P)",
          show=False, screen="hamjournal.ui.screens.import_runs:ImportRunsScreen", priority=True),
    Opens("R", "run_rpe", "RPE of a run", "Give the selected day's run from the watch its RPE (it has none)",
          show=False, key_display="R", screen="hamjournal.ui.screens.run_rpe:RunRpeDialog", priority=True),
    # A squad journal (several athletes): switch whose journal is shown; the coach's table of everyone.
    Opens("u", "athlete", "Switch athlete", "Open another athlete's journal (a squad journal holds several)",
          show=False, screen="hamjournal.ui.screens.athlete_switcher:AthleteSwitcher"),
    Opens("C", "coach", "Coach view", "Every athlete: today's call per exercise, stops first, the week's plan done, "
          "days since the last check-in; Enter opens one", show=False, key_display="C",
          screen="hamjournal.ui.screens.coach:CoachScreen"),
)

# Moving around the week: keys only, no palette entry (the palette is for things you do).
NAVIGATION: tuple[tuple[str, str, str], ...] = (
    ("left", "previous_day", "Previous day"),
    ("right", "next_day", "Next day"),
    ("up", "previous_entry", "Previous entry in the day"),
    ("down", "next_entry", "Next entry in the day"),
)


def palette_actions() -> list[Action]:
    """One palette command per distinct title (alias keys such as E and delete are left out)."""
    seen: set[str] = set()
    unique = []
    for action in ACTIONS:
        if action.title not in seen:
            seen.add(action.title)
            unique.append(action)
    return unique


def key_label(action: Action) -> str:
    """How the key is written in help: "[", "⏎", "ctrl+p"."""
    return action.key_display or action.key
