"""The exercise library: a filtered list with a preview, and a full page per exercise that starts the player."""

from __future__ import annotations

from dataclasses import replace

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, VerticalScroll
from textual.widgets import Input, OptionList, Static
from textual.widgets.option_list import Option

from hamjournal.domain.library.exercises import EXERCISES, Exercise, get_exercise
from hamjournal.domain.models import Prescription
from hamjournal.ui.screens.base import JournalScreen
from hamjournal.ui.widgets.app_header import AppHeader
from hamjournal.ui.widgets.exercise_page import RenderedOnce, exercise_page, preview
from hamjournal.ui.widgets.key_footer import KeyFooter

_CHOOSE = Binding.Group("Choose", compact=True)
NO_MATCH = "No exercise matches. Try a name (nordic), a slug (sl-rdl) or what it trains (isometric, calf)."


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
    """Type to filter; up/down move through the list; Enter opens the exercise's page."""

    CSS_PATH = "exercises.tcss"
    BINDINGS = [
        Binding("escape", "back", "Back"),
        Binding("down", "move(1)", "Next", key_display="↓", group=_CHOOSE, priority=True),
        Binding("up", "move(-1)", "Previous", key_display="↑", group=_CHOOSE, priority=True),
        # Priority: the filter keeps the focus while typing, and Enter there means "open this one".
        Binding("enter", "open", "Open", key_display="⏎", priority=True),
    ]

    def compose(self) -> ComposeResult:
        yield AppHeader()
        yield Input(placeholder="Filter: name, slug or what it trains", id="filter", compact=True)
        with Horizontal(id="library"):
            yield OptionList(id="exercise-list")
            with VerticalScroll(id="preview-pane", can_focus=False):
                yield Static("", id="preview")
        yield KeyFooter()

    def on_mount(self) -> None:
        self.sub_title = "Exercise library"
        self._fill("")
        search = self.query_one("#filter", Input)
        # Off in tests and screenshots: a blinking cursor makes every picture depend on the timer's phase.
        search.cursor_blink = getattr(self.app, "cursor_blink", True)
        search.focus()

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
        if slug is None:
            pane.update(NO_MATCH)
            return
        pane.update(preview_visual(slug))
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

    def action_back(self) -> None:
        """Clear the filter first; a second Escape leaves the library."""
        field = self.query_one("#filter", Input)
        if field.value:
            field.value = ""
            field.focus()
            return
        self.dismiss()


class ExerciseDetailScreen(JournalScreen[None]):
    """One exercise's full page; s, space or Enter starts the tempo player at the first dose."""

    CSS_PATH = "exercises.tcss"
    BINDINGS = [
        Binding("escape", "back", "Back"),
        Binding("s", "play", "Play tempo"),
        Binding("space", "play", "Play tempo", show=False),
        Binding("enter", "play", "Play tempo", show=False),
    ]

    def __init__(self, slug: str, yours: tuple[str | None, Prescription | None] | None = None) -> None:
        super().__init__()
        self.exercise = get_exercise(slug)
        # The runner's step and dose (JournalService.suggested_dose), read before the page is pushed; None: a
        # page opened without a journal shows the ladder's first step and the entry dose.
        self.yours = yours
        self.step, self.dose = runners_dose(slug, *(yours or (None, None)))
        self.known_step = yours[0] if yours and yours[0] == self.step else None  # None: no step of the runner's

    def compose(self) -> ComposeResult:
        yield AppHeader()
        with VerticalScroll(id="page"):
            yield Static(exercise_page(self.exercise, self.dose, self.known_step), id="page-text")
        yield KeyFooter()

    def on_mount(self) -> None:
        self.sub_title = self.exercise.name
        self.query_one("#page").focus()

    def action_play(self) -> None:
        """Start the tempo player."""
        open_player(self, self.exercise.slug, (self.step, self.dose) if self.yours else None)

    def action_back(self) -> None:
        """Back to the list."""
        self.dismiss()
