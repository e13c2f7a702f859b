"""One measurement in a fresh interpreter, driven by benchmarks/run.py: `python benchmarks/probe.py MODE [DB]`.

Modes:
  bare             a bare Textual app (Header, Static, Footer): the floor for the first paint
  bare-sqla        the bare app, then `import sqlalchemy.orm` in a thread worker and one more frame: the data floor
  hamjournal DB    `hamjournal --db DB` up to its first paint
  week-data DB     `hamjournal --db DB` up to the frame that shows the loaded week
  switch DB N      inside one app: N times each screen switch, key press to the frame with the screen's data

Every app runs headless at 100x32. A "frame" is the moment Textual hands a composed update to its driver
(`App._display`, when not batching); the probe also renders that update to terminal escape codes, as a real
terminal driver would, so both apps pay for the whole paint. Times are milliseconds from the first line of this
file, which runs before any import. Each event is one JSON line on stdout, written the moment it happens, so the
parent can time it from the spawn (interpreter start-up included, identically for every mode).

The probe hooks the app from outside, without changing it: the app's `_display` is wrapped on the instance, and
for "data shown" it wraps the plain methods the screens call after drawing their data (WeekScreen._draw,
ExercisesScreen._fill, TempoPlayerScreen.refresh_view, ProgressScreen._draw_chart, AdviceScreen._show).
"""

import time

T0 = time.perf_counter()

import json  # noqa: E402
import os  # noqa: E402
import sys  # noqa: E402
from collections.abc import Callable  # noqa: E402
from pathlib import Path  # noqa: E402
from typing import Any  # noqa: E402

ROOT = Path(__file__).resolve().parents[1]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

SIZE = (100, 32)
WATCHED = ("sqlalchemy", "plotext", "textual_plotext", "hamjournal.services", "hamjournal.store.repo")


def now_ms() -> float:
    """Milliseconds since the probe's first line."""
    return (time.perf_counter() - T0) * 1000


def emit(event: str, **fields: Any) -> None:
    """Write one JSON line to the real stdout (Textual redirects sys.stdout while an app runs)."""
    cpu_ms = round(time.process_time() * 1000, 3)  # CPU of the whole process (all threads) since it started
    line = json.dumps({"event": event, "t_ms": round(now_ms(), 3), "cpu_ms": cpu_ms, **fields}) + "\n"
    os.write(1, line.encode())


def loaded() -> dict[str, bool]:
    """Which heavy modules are loaded right now."""
    return {name: name in sys.modules for name in WATCHED}


def finish() -> None:
    """Leave at once: the measurement is written, and tear-down is not part of it."""
    emit("exit", maxrss_kib=_maxrss_kib())
    os._exit(0)


def _maxrss_kib() -> int:
    import resource

    return int(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss)


def hook_frames(app: Any, on_frame: Callable[[Any], None]) -> None:
    """Call `on_frame(screen)` after every frame the app hands to its driver (on this instance only)."""
    original = app._display

    def display(screen: Any, renderable: Any) -> None:
        original(screen, renderable)
        if renderable is None or app._batch_count:
            return
        render = getattr(renderable, "render_segments", None)
        if render is not None:
            render(app.console)  # what a real driver writes; headless skips it
        on_frame(screen)

    app._display = display


def patch_app_run(setup: Callable[[Any], None]) -> None:
    """Make every App.run headless at SIZE and call `setup(app)` before it starts."""
    from textual.app import App

    original = App.run

    def run(self: Any, *args: Any, **kwargs: Any) -> Any:
        setup(self)
        kwargs.update(headless=True, size=SIZE)
        return original(self, *args, **kwargs)

    App.run = run  # type: ignore[method-assign]


# -- the bare app ---------------------------------------------------------------------------------------------


def bare(with_sqlalchemy: bool) -> None:
    """The floor: Header, Static, Footer; with_sqlalchemy also imports sqlalchemy.orm in a worker after the paint."""
    from textual import work
    from textual.app import App, ComposeResult
    from textual.widgets import Footer, Header, Static

    state = {"painted": False, "updated": False}

    class BareApp(App[None]):
        """The smallest app with the same frame as hamjournal's week screen."""

        def compose(self) -> ComposeResult:
            yield Header()
            yield Static("Hello", id="body")
            yield Footer()

        @work(thread=True)
        def load(self) -> None:
            import sqlalchemy.orm  # noqa: F401

            self.call_from_thread(self.show)

        def show(self) -> None:
            self.query_one("#body", Static).update("sqlalchemy.orm loaded")
            state["updated"] = True

    def on_frame(screen: Any) -> None:
        if not state["painted"]:
            state["painted"] = True
            emit("paint", modules=loaded())
            if not with_sqlalchemy:
                finish()
            app.load()
        elif state["updated"]:
            emit("data", modules=loaded())
            finish()

    app = BareApp()
    patch_app_run(lambda the_app: hook_frames(the_app, on_frame))
    app.run()


# -- hamjournal's start-up ------------------------------------------------------------------------------------


def hamjournal(db: str, wait_for_data: bool) -> None:
    """`hamjournal --db DB` through the real command line, up to the first paint (and the week's data)."""
    state = {"painted": False, "drawn": False}

    def week_drawn(screen: Any) -> None:
        state["drawn"] = True

    _after_data("hamjournal.ui.screens.week", "WeekScreen", "_draw", lambda screen: screen.week is not None,
                week_drawn)

    def on_frame(screen: Any) -> None:
        if type(screen).__name__ != "WeekScreen":
            return
        if not state["painted"]:
            state["painted"] = True
            emit("paint", modules=loaded(), shows=_week_line(screen))
            if not wait_for_data:
                finish()
        if state["drawn"]:
            emit("data", modules=loaded(), shows=_week_line(screen))
            finish()

    patch_app_run(lambda the_app: hook_frames(the_app, on_frame))
    from hamjournal.cli import main

    status = main(["--db", db])
    emit("error", status=status, message="the app exited before the measurement")
    os._exit(1)


def _week_line(screen: Any) -> str:
    try:
        return str(screen.query_one("#week-line").render())[:60]
    except Exception:  # the probe reports; it never breaks the app
        return ""


def _after_data(module: str, cls: str, method: str, ready: Callable[[Any], bool], then: Callable[[Any], None]) -> None:
    """Wrap `module.cls.method` so that `then(instance)` runs after it whenever `ready(instance)` holds.

    The module is imported only when the app imports it: the wrapper is installed by a meta path hook, so the
    probe never changes what the app loads, or when.
    """

    def install(mod: Any) -> None:
        klass = getattr(mod, cls)
        original = getattr(klass, method)

        def wrapper(self: Any, *args: Any, **kwargs: Any) -> Any:
            result = original(self, *args, **kwargs)
            if ready(self):
                then(self)
            return result

        setattr(klass, method, wrapper)

    _on_import(module, install)


_PENDING: dict[str, list[Callable[[Any], None]]] = {}


def _on_import(module: str, callback: Callable[[Any], None]) -> None:
    """Run `callback(module)` right after the module is first imported (or now, if it already is)."""
    if module in sys.modules:
        callback(sys.modules[module])
        return
    if not _PENDING:
        sys.meta_path.insert(0, _ImportWatcher())
    _PENDING.setdefault(module, []).append(callback)


class _ImportWatcher:
    """A meta path finder that lets the normal finders do the work and patches modules once they have run."""

    def find_spec(self, name: str, path: Any = None, target: Any = None) -> Any:
        if name not in _PENDING:
            return None
        for finder in sys.meta_path:
            if finder is self:
                continue
            find = getattr(finder, "find_spec", None)
            spec = find(name, path, target) if find else None
            if spec is not None:
                break
        else:
            return None
        loader = spec.loader
        callbacks = _PENDING.pop(name)
        original_exec = loader.exec_module

        def exec_module(module: Any) -> None:
            original_exec(module)
            for callback in callbacks:
                callback(module)

        loader.exec_module = exec_module  # type: ignore[method-assign]
        return spec


# -- screen switches inside one app --------------------------------------------------------------------------


class Switches:
    """Arms a tag, and times the key press to the first frame after a screen reports that tag as shown."""

    def __init__(self) -> None:
        import asyncio

        self.want: tuple[Any, ...] | None = None
        self.ready = False
        self.frame_at = 0.0
        self.event = asyncio.Event()

    def arm(self, tag: tuple[Any, ...]) -> None:
        """Wait for `tag` from now on."""
        self.want = tag
        self.ready = False
        self.event.clear()

    def shown(self, tag: tuple[Any, ...]) -> None:
        """A screen drew its data (called from the wrapped screen methods)."""
        if self.want == tag:
            self.ready = True

    def on_frame(self, screen: Any) -> None:
        """After a frame: if the armed screen has shown its data, this is the frame that shows it."""
        if self.ready and not self.event.is_set():
            self.frame_at = time.perf_counter()
            self.event.set()


def switch(db: str, repeats: int) -> None:
    """Time every screen switch `repeats` times in one app on DB; print the samples and the peak memory."""
    import asyncio
    import datetime as dt

    samples: dict[str, list[float]] = {}
    notes: list[str] = []

    def hooks(switches: Switches) -> None:
        _after_data("hamjournal.ui.screens.week", "WeekScreen", "_draw", lambda s: s.week is not None,
                    lambda s: switches.shown(("week", s.week.start)))
        _after_data("hamjournal.ui.screens.exercises", "ExercisesScreen", "_fill", lambda s: True,
                    lambda s: switches.shown(("exercises",)))
        _after_data("hamjournal.ui.screens.tempo_player", "TempoPlayerScreen", "refresh_view", lambda s: True,
                    lambda s: switches.shown(("tempo",)))
        # _draw_chart: called by redraw once data is there, and on mount when an earlier visit's data is cached.
        _after_data("hamjournal.ui.screens.progress", "ProgressScreen", "_draw_chart", lambda s: s.data is not None,
                    lambda s: switches.shown(("progress", s.data.frame.range_key)))
        _after_data("hamjournal.ui.screens.advice", "AdviceScreen", "_show", lambda s: s.report is not None,
                    lambda s: switches.shown(("advice",)))

    async def main() -> None:
        from hamjournal.ui.app import HamJournalApp

        switches = Switches()
        hooks(switches)
        app = HamJournalApp(location=db)
        hook_frames(app, switches.on_frame)
        async with app.run_test(size=SIZE) as pilot:
            await _until(pilot, lambda: getattr(app.screen, "week", None) is not None)
            week = app.screen

            async def timed(name: str, key: str, tag: tuple[Any, ...]) -> None:
                switches.arm(tag)
                start = time.perf_counter()
                await pilot.press(key)
                await asyncio.wait_for(switches.event.wait(), 30)
                samples.setdefault(name, []).append((switches.frame_at - start) * 1000)

            async def settle() -> None:
                # Let the previous switch finish (workers, the footer's re-compose) before timing the next.
                await app.workers.wait_for_complete()
                await pilot.pause(0.05)

            async def back() -> None:
                await pilot.press("escape")
                await _until(pilot, lambda: app.screen is week)
                await settle()

            tempo_ok = _select_planned_tempo(week)
            if not tempo_ok:
                notes.append("no planned session with a tempo in the shown week: tempo player not measured")
            advice = _advice_key()
            for _ in range(repeats):
                start = week.start
                await timed("week ([ and ])", "left_square_bracket", ("week", start - dt.timedelta(days=7)))
                await settle()
                await timed("week ([ and ])", "right_square_bracket", ("week", start))
                await settle()
                await timed("exercises", "e", ("exercises",))
                await back()
                if tempo_ok:
                    _select_planned_tempo(week)
                    await timed("tempo player", "s", ("tempo",))
                    await back()
                await timed("progress 12w", "c", ("progress", "12w"))
                for key, range_key in (("m", "6m"), ("y", "1y"), ("h", "all")):
                    await settle()
                    await timed(f"progress {range_key}", key, ("progress", range_key))
                await back()
                if advice is not None:
                    await timed("advice", advice, ("advice",))
                    await back()
            await app.workers.wait_for_complete()

    asyncio.run(main())
    emit("switches", samples=samples, notes=notes, modules=loaded(), maxrss_kib=_maxrss_kib())
    os._exit(0)


async def _until(pilot: Any, condition: Callable[[], bool], timeout: float = 30) -> None:
    """Let the app run until `condition()` holds."""
    deadline = time.perf_counter() + timeout
    while not condition():
        if time.perf_counter() > deadline:
            raise TimeoutError("the app did not reach the expected state")
        await pilot.pause(0.001)


def _select_planned_tempo(week: Any) -> bool:
    """Select a session still to do, with a tempo, in the week shown (for `s`); False when the week has none."""
    from hamjournal.domain.library.exercises import EXERCISES

    if week.week is None:
        return False
    for day_index, day in enumerate(week.week.days):
        for entry_index, entry in enumerate(day.entries):
            ex = EXERCISES.get(entry.exercise or "")
            if entry.kind == "plan" and entry.status != "done" and ex is not None and ex.default_tempo is not None:
                week.day_index, week.entry_index = day_index, entry_index
                week._draw()
                return True
    return False


def _advice_key() -> str | None:
    """The key of an advice screen, if the app has one."""
    from hamjournal.ui.actions import ACTIONS

    for action in ACTIONS:
        if "advice" in getattr(action, "screen", "") or "advice" in action.name:
            return action.key
    return None


def cli() -> None:
    """Dispatch on argv."""
    args = sys.argv[1:]
    mode = args[0] if args else ""
    if mode == "bare":
        bare(with_sqlalchemy=False)
    elif mode == "bare-sqla":
        bare(with_sqlalchemy=True)
    elif mode in ("hamjournal", "week-data") and len(args) == 2:
        hamjournal(args[1], wait_for_data=mode == "week-data")
    elif mode == "switch" and len(args) == 3:
        switch(args[1], int(args[2]))
    else:
        sys.exit("usage: probe.py bare | bare-sqla | hamjournal DB | week-data DB | switch DB REPEATS")


if __name__ == "__main__":
    cli()
