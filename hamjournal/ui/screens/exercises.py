"""The exercise library: a filtered list with a preview and the start pose, and a full page per exercise with
its start, middle and end poses, a looping demo (d) and the tempo player (s)."""

from __future__ import annotations

import time
from collections.abc import Callable
from dataclasses import replace

from textual import events, on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, VerticalScroll
from textual.timer import Timer
from textual.widgets import Input, OptionList, Static
from textual.widgets.option_list import Option

from hamjournal.domain.library.demo_loop import demo_frame
from hamjournal.domain.library.exercises import EXERCISES, Exercise, get_exercise
from hamjournal.domain.models import Prescription
from hamjournal.ui.screens.base import JournalScreen
from hamjournal.ui.screens.player_clock import Stopwatch
from hamjournal.ui.widgets.app_header import AppHeader
from hamjournal.ui.widgets.exercise_page import RenderedOnce, exercise_page, page_head, preview
from hamjournal.ui.widgets.key_footer import KeyFooter
from hamjournal.ui.widgets.pose_canvas import PoseCanvas
from hamjournal.ui.widgets.pose_strip import PoseStrip

_CHOOSE = Binding.Group("Choose", compact=True)
NO_MATCH = "No exercise matches. Try a name (nordic), a slug (sl-rdl) or what it trains (isometric, calf)."
# The demo loop's frame rate: as the tempo player's, at least 8 frames a second.
DEMO_TICK_S = 0.1


def matches(ex: Exercise, query: str) -> bool:
    """True when every word of `query` appears in the name, slug, kind, contraction or what it trains."""
    haystack = " ".join((ex.name, ex.slug, ex.kind, ex.contraction, ex.guide.trains)).lower()
    return all(word in haystack for word in query.lower().split())


def filter_exercises(query: str) -> list[Exercise]:
    """The library in its usual order, narrowed to the exercises that match."""
    return [ex for ex in EXERCISES.values() if matches(ex, query)]


def first_dose(slug: str) -> Prescription | None:
    """What the player plays from the library: the entry dose at the default tempo; None for run drills,
    which are run by feel and have no tempo to count."""
    ex = get_exercise(slug)
    if ex.default_tempo is None:
        return None
    from hamjournal.domain.library.doses import entry_dose

    return entry_dose(slug)


# The previews depend on nothing but the library: drawn once per exercise and width, for every visit.
_PREVIEWS: dict[str, RenderedOnce] = {}


def preview_visual(slug: str) -> RenderedOnce:
    """The list's preview of an exercise, kept across visits of the library."""
    if slug not in _PREVIEWS:
        _PREVIEWS[slug] = RenderedOnce(preview(get_exercise(slug), first_dose(slug)))
    return _PREVIEWS[slug]


def runners_dose(slug: str, step: str | None, rx: Prescription | None) -> tuple[str, Prescription | None]:
    """The step and dose to show and play: the runner's (`JournalService.suggested_dose`: the day's plan, the
    advice's next dose or the last session's step), else the ladder's first step and the entry dose."""
    ex = get_exercise(slug)
    chosen = step if step in {s.slug for s in ex.ladder} else ex.default_step
    if ex.default_tempo is None:
        return chosen, None  # a run drill: nothing to count
    if rx is None or not rx.notation:
        return chosen, first_dose(slug)
    return chosen, replace(rx, tempo=rx.tempo or ex.default_tempo)


def open_player(screen: JournalScreen[None], slug: str, yours: tuple[str, Prescription | None] | None = None) -> None:
    """Push the tempo player for an exercise at the runner's step and dose (read first when not given)."""
    ex = get_exercise(slug)
    if ex.default_tempo is None:
        screen.notify(f"{ex.name} are run by feel: there is no tempo to count. Log them with l on the week.")
        return
    from hamjournal.ui.screens.tempo_player import TempoPlayerScreen

    def build(found: tuple[str | None, Prescription | None]) -> TempoPlayerScreen:
        step, dose = runners_dose(slug, *found)
        assert dose is not None  # an exercise with a tempo always has an entry dose
        return TempoPlayerScreen(slug, step, dose)

    if yours is not None:
        screen.app.push_screen(build(yours))
        return
    from hamjournal.ui.dialog_open import open_dialog

    today = screen.hj.today()
    open_dialog(screen, lambda journal: journal.suggested_dose(slug, today), build)


class ExercisesScreen(JournalScreen[None]):
    """Letters are commands, as in k9s and lazygit: / focuses the filter, Esc leaves it; Enter opens a page."""

    CSS_PATH = "exercises.tcss"
    KEPT = True  # built once per app (see kept_screens): the list and its figure are the same every visit
    BINDINGS = [
        # One Escape, two labels: in the filter it leaves the filter (check_action shows the one that applies).
        Binding("escape", "leave_filter", "Leave filter", tooltip="Leave the filter (the list stays filtered)"),
        Binding("escape", "back", "Back", tooltip="then clear the filter, then back to the week"),
        Binding("down", "move(1)", "Next", key_display="↓", group=_CHOOSE, priority=True),
        Binding("up", "move(-1)", "Previous", key_display="↑", group=_CHOOSE, priority=True),
        # Priority: Enter in the filter means "open this one" too.
        Binding("enter", "open", "Open", key_display="⏎", priority=True),
        Binding("slash", "focus_filter", "Filter", key_display="/", tooltip="Type to narrow the list; Esc leaves"),
        Binding("s", "play", "Play tempo", tooltip="The tempo player of the highlighted exercise"),
    ]

    def compose(self) -> ComposeResult:
        yield AppHeader()
        yield Input(placeholder="/ filter: name, slug or what it trains", id="filter", compact=True)
        with Horizontal(id="library"):
            yield OptionList(id="exercise-list")
            with VerticalScroll(id="preview-pane", can_focus=False):
                yield Static("", id="preview")
                yield PoseCanvas(None, id="preview-pose")
        yield KeyFooter()

    def on_mount(self) -> None:
        self.sub_title = "Exercise library"
        self._fill("")
        search = self.query_one("#filter", Input)
        # Off in tests and screenshots: a blinking cursor makes every picture depend on the timer's phase.
        search.cursor_blink = getattr(self.app, "cursor_blink", True)
        self.exercise_list.focus()

    def revisit(self) -> None:
        """A later visit starts as the first did: no filter, the first exercise, the cursor in the list."""
        search = self.query_one("#filter", Input)
        if search.value:
            search.value = ""
            self._fill("")
        elif self.exercise_list.option_count:
            self.exercise_list.highlighted = 0
        self.exercise_list.focus()

    @property
    def exercise_list(self) -> OptionList:
        """The list of names."""
        return self.query_one("#exercise-list", OptionList)

    def _fill(self, query: str) -> None:
        found = filter_exercises(query)
        options = self.exercise_list
        options.clear_options()
        options.add_options([Option(ex.name, id=ex.slug) for ex in found])
        if found:
            options.highlighted = 0
        self._preview(found[0].slug if found else None)

    def _preview(self, slug: str | None) -> None:
        pane = self.query_one("#preview", Static)
        pose = self.query_one("#preview-pose", PoseCanvas)
        if slug is None:
            pane.update(NO_MATCH)
            pose.set_movement(None)
            return
        pane.update(preview_visual(slug))
        pose.set_movement(get_exercise(slug).movement)
        self.query_one("#preview-pane", VerticalScroll).scroll_home(animate=False)

    @property
    def highlighted_slug(self) -> str | None:
        """The exercise under the cursor, if the filter left any."""
        options = self.exercise_list
        if options.highlighted is None or options.option_count == 0:
            return None
        return options.get_option_at_index(options.highlighted).id

    @on(Input.Changed, "#filter")
    def _filter_changed(self, event: Input.Changed) -> None:
        self._fill(event.value)

    @on(OptionList.OptionHighlighted, "#exercise-list")
    def _highlighted(self, event: OptionList.OptionHighlighted) -> None:
        self._preview(event.option.id)

    @on(OptionList.OptionSelected, "#exercise-list")
    def _selected(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        self.action_open()

    def action_move(self, step: int) -> None:
        """Move the list's cursor while typing in the filter."""
        options = self.exercise_list
        if options.option_count:
            current = options.highlighted or 0
            options.highlighted = max(0, min(options.option_count - 1, current + step))

    def action_open(self) -> None:
        """Open the highlighted exercise's page."""
        slug = self.highlighted_slug
        if slug is None:
            self.notify(NO_MATCH)
            return
        from hamjournal.ui.dialog_open import open_dialog

        today = self.hj.today()
        # The runner's step and dose are read first, so the page shows them from its first frame.
        open_dialog(self, lambda journal: journal.suggested_dose(slug, today),
                    lambda found: ExerciseDetailScreen(slug, found))

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        # In the filter, / is text: the footer leaves the key out (Textual does so for letters by itself).
        in_filter = self.query_one("#filter", Input).has_focus
        if action in ("focus_filter", "back"):
            return not in_filter
        if action == "leave_filter":
            return in_filter
        return True

    def action_focus_filter(self) -> None:
        """Type in the filter (/); letters are commands again after Esc."""
        self.query_one("#filter", Input).focus()

    def action_play(self) -> None:
        """The tempo player of the highlighted exercise."""
        slug = self.highlighted_slug
        if slug is None:
            self.notify(NO_MATCH)
            return
        open_player(self, slug)

    def action_leave_filter(self) -> None:
        """Back to the list, the filter's text kept."""
        self.action_back()

    def action_back(self) -> None:
        """Leave the filter (keeping its text), then clear it; an Escape with no filter leaves the library."""
        field = self.query_one("#filter", Input)
        if field.has_focus:
            self.exercise_list.focus()
            return
        if field.value:
            field.value = ""
            return
        self.dismiss()


class ExerciseDetailScreen(JournalScreen[None]):
    """One exercise's full page; s, space or Enter starts the tempo player at the first dose; d loops the
    movement at the exercise's tempo in the middle figure."""

    CSS_PATH = "exercises.tcss"
    BINDINGS = [
        Binding("escape", "back", "Back"),
        Binding("s", "play", "Play tempo", tooltip="Start the tempo player at the first dose"),
        Binding("d", "demo", "Demo", tooltip="Loop the movement at the exercise's tempo, or stop it"),
        Binding("space", "play", "Play tempo", show=False),
        Binding("enter", "play", "Play tempo", show=False),
    ]

    def __init__(
        self,
        slug: str,
        yours: tuple[str | None, Prescription | None] | None = None,
        *,
        clock: Callable[[], float] = time.monotonic,
    ) -> None:
        super().__init__()
        self.exercise = get_exercise(slug)
        # The runner's step and dose (JournalService.suggested_dose), read before the page is pushed; None: a
        # page opened without a journal shows the ladder's first step and the entry dose.
        self.yours = yours
        self.step, self.dose = runners_dose(slug, *(yours or (None, None)))
        self.known_step = yours[0] if yours and yours[0] == self.step else None  # None: no step of the runner's
        self._clock = clock
        self.demo: Stopwatch | None = None  # the demo's stopwatch while it plays
        self._demo_timer: Timer | None = None

    def compose(self) -> ComposeResult:
        yield AppHeader()
        with VerticalScroll(id="page"):
            yield Static(page_head(self.exercise, self.dose, self.known_step), id="page-head")
            if self.exercise.movement is not None:
                yield PoseStrip(self.exercise.movement, id="demo")
            yield Static(exercise_page(self.exercise, self.known_step), id="page-text")
        yield KeyFooter()

    def on_mount(self) -> None:
        self.sub_title = self.exercise.name
        self.query_one("#page").focus()
        self._fit_figures(self.app.size.height)

    def on_resize(self, event: events.Resize) -> None:
        self._fit_figures(event.size.height)

    def _fit_figures(self, rows: int) -> None:
        for strip in self.query(PoseStrip):
            strip.fit_height(rows)

    def action_play(self) -> None:
        """Start the tempo player."""
        self._stop_demo()
        open_player(self, self.exercise.slug, (self.step, self.dose) if self.yours else None)

    def action_demo(self) -> None:
        """Loop the movement at the exercise's tempo in the middle figure; d again stops it."""
        if self.exercise.movement is None:
            self.notify(f"{self.exercise.name} has no demo figure.")
            return
        if self.demo is not None:
            self._stop_demo()
            return
        self.demo = Stopwatch(self._clock)
        self.tick_demo()
        self._demo_timer = self.set_interval(DEMO_TICK_S, self.tick_demo)

    def tick_demo(self) -> None:
        """Move the middle figure to where the demo's one clock says it is."""
        if self.demo is not None:
            frame = demo_frame(self.exercise, self.step or self.exercise.default_step, self.demo.elapsed())
            self.query_one("#demo", PoseStrip).play_at(frame)

    def _stop_demo(self) -> None:
        if self._demo_timer is not None:
            self._demo_timer.stop()
            self._demo_timer = None
        if self.demo is not None:
            self.demo = None
            self.query_one("#demo", PoseStrip).stop()

    def action_back(self) -> None:
        """Back to the list."""
        self._stop_demo()
        self.dismiss()
