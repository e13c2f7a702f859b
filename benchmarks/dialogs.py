"""Key to dialog ready: check-in (p), log session (l), log run (r) and reassessment (A) on the 520-week journal,
side by side with a bare Textual ModalScreen holding the same widgets, in one run.

`python benchmarks/dialogs.py [--rounds 5] [--opens 3] [--weeks 520] [--json]`

"Ready" is the moment the dialog takes keys: pushed, mounted with every field, a field focused and (hamjournal)
the key gate open again, so a key typed now lands in the field. For hamjournal this includes reading the
dialog's data in a worker before the push (the day's plan, the advice's dose, the profile); the bare modal
reads nothing. Each round opens every dialog `--opens` times in a fresh hamjournal app, then as often in a fresh
bare app (the two take turns, so load on the machine hits both alike), closing it with Esc each time; the
figure per dialog is the median of the ratios of paired opens (n-th open against n-th open).
Not a test: times depend on the machine, tests never assert them.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

TODAY = "2026-12-02"
SIZE = (80, 24)
TARGET = 1.5
DIALOGS = (("check-in", "p"), ("log session", "l"), ("log run", "r"), ("reassessment", "A"))
POLL_S = 0.0002


def make_journal(workdir: Path, weeks: int) -> Path:
    """`hamjournal demo --weeks N --no-open` into its own data folder; returns the journal's path."""
    env = {**os.environ, "HAMJOURNAL_DATA_DIR": str(workdir), "HAMJOURNAL_TODAY": TODAY}
    subprocess.run([sys.executable, "-m", "hamjournal", "demo", "--weeks", str(weeks), "--no-open"],
                   env=env, cwd=ROOT, check=True, capture_output=True)
    found = sorted(workdir.glob("*.db"))
    if not found:
        raise SystemExit(f"hamjournal demo wrote no journal in {workdir}")
    return found[0]


async def until(ready: Callable[[], bool]) -> None:
    """Yield to the app until `ready()`; the poll is the same for both apps."""
    while not ready():
        await asyncio.sleep(POLL_S)


def press(app: Any, key: str) -> None:
    """Queue one key as the terminal driver does."""
    from textual import events

    event = events.Key(key, key if len(key) == 1 else None)
    event.set_sender(app)
    app.post_message(event)


async def hamjournal_round(journal: Path, rounds: int) -> dict[str, list[float]]:
    """Key to ready for each dialog, `rounds` times, in one hamjournal app on `journal`."""
    from hamjournal.ui.app import HamJournalApp
    from hamjournal.ui.screens.form import FormDialog
    from hamjournal.ui.screens.week import WeekScreen

    app = HamJournalApp(location=str(journal), cursor_blink=False, onboard=False)
    times: dict[str, list[float]] = {name: [] for name, _ in DIALOGS}
    async with app.run_test(size=SIZE) as pilot:
        await until(lambda: isinstance(app.screen, WeekScreen) and app.screen.week is not None)
        await pilot.pause()
        await app.workers.wait_for_complete()
        for _ in range(rounds):
            for name, key in DIALOGS:
                started = time.perf_counter()
                press(app, key)
                await until(lambda: isinstance(app.screen, FormDialog) and app.screen.is_mounted
                            and app.focused is not None and not app.key_gate.is_closed)
                times[name].append((time.perf_counter() - started) * 1000)
                press(app, "escape")
                await until(lambda: isinstance(app.screen, WeekScreen))
                await app.workers.wait_for_complete()
                await pilot.pause()
    return times


def bare_dialogs() -> dict[str, list[tuple[str, Any]]]:
    """For each dialog, its rows as (label, field kind and options), read from hamjournal's own dialogs."""
    import datetime as dt

    from textual.widgets import Input, Select

    from hamjournal.ui.screens.assessment import AssessmentDialog, PairInput
    from hamjournal.ui.screens.check_in import CheckInDialog
    from hamjournal.ui.screens.log_run import LogRunDialog
    from hamjournal.ui.screens.log_session import LogSessionDialog

    day = dt.date.fromisoformat(TODAY)
    made = {"check-in": CheckInDialog(day), "log session": LogSessionDialog(day), "log run": LogRunDialog(day),
            "reassessment": AssessmentDialog()}
    shapes: dict[str, list[tuple[str, Any]]] = {}
    for name, dialog in made.items():
        dialog.initial = {}
        rows: list[tuple[str, Any]] = []
        for row in dialog.rows():
            field = row.field
            if isinstance(field, PairInput):
                rows.append((row.label, "pair"))
            elif isinstance(field, Select):
                rows.append((row.label, [(str(prompt), value) for prompt, value in field._options
                                         if value is not Select.NULL]))
            elif isinstance(field, Input):
                rows.append((row.label, field.placeholder))
        shapes[name] = rows
    return shapes


async def bare_round(rounds: int) -> dict[str, list[float]]:
    """The same, in a bare Textual app whose keys push a plain ModalScreen with the same widgets."""
    from textual.app import App, ComposeResult
    from textual.binding import Binding
    from textual.containers import Horizontal, VerticalScroll
    from textual.screen import ModalScreen
    from textual.widgets import Footer, Input, Label, Select, Static

    shapes: dict[str, list[tuple[str, Any]]] = {}

    class BareDialog(ModalScreen[None]):
        BINDINGS = [Binding("escape", "dismiss", "Cancel")]
        DEFAULT_CSS = """
        BareDialog { align: center middle; }
        BareDialog VerticalScroll { width: 76; height: auto; max-height: 100%; border: round $primary; }
        BareDialog Horizontal { height: 1; }
        BareDialog Label { width: 18; }
        BareDialog Input, BareDialog Select { width: 1fr; }
        """

        def __init__(self, rows: list[tuple[str, Any]]) -> None:
            super().__init__()
            self.rows = rows

        def compose(self) -> ComposeResult:
            with VerticalScroll():
                for label, shape in self.rows:
                    with Horizontal():
                        yield Label(label)
                        if shape == "pair":
                            yield Input(placeholder="left", compact=True)
                            yield Input(placeholder="right", compact=True)
                            yield Label("")
                        elif isinstance(shape, list):
                            yield Select(shape, value=shape[0][1], compact=True, allow_blank=False)
                        else:
                            yield Input(placeholder=shape, compact=True)
                    yield Static("")
                yield Label("Enter saves · Tab next field · Esc cancels")
            yield Footer()

    class BareApp(App[None]):
        BINDINGS = [Binding(key, f"open({name!r})", name) for name, key in DIALOGS]

        def compose(self) -> ComposeResult:
            yield Static("bare week")
            yield Footer()

        def action_open(self, name: str) -> None:
            self.push_screen(BareDialog(shapes[name]))

    app = BareApp()
    times: dict[str, list[float]] = {name: [] for name, _ in DIALOGS}
    async with app.run_test(size=SIZE) as pilot:
        shapes.update(bare_dialogs())  # inside the app: hamjournal's rows are widgets, made with an app running
        await pilot.pause()
        for _ in range(rounds):
            for name, key in DIALOGS:
                started = time.perf_counter()
                press(app, key)
                await until(lambda: isinstance(app.screen, BareDialog) and app.screen.is_mounted
                            and app.focused is not None)
                times[name].append((time.perf_counter() - started) * 1000)
                press(app, "escape")
                await until(lambda: not isinstance(app.screen, BareDialog))
                await pilot.pause()
    return times


def main() -> int:
    """Run the rounds and print (or --json) the medians and ratios."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rounds", type=int, default=5)
    parser.add_argument("--opens", type=int, default=3, help="opens of each dialog per app and round (the "
                        "first is a cold open: the dialog's styles are parsed then)")
    parser.add_argument("--weeks", type=int, default=520)
    parser.add_argument("--json", action="store_true")
    args = parser.parse_args()
    os.environ["HAMJOURNAL_TODAY"] = TODAY
    os.environ.setdefault("TEXTUAL_ANIMATIONS", "none")
    load_before = os.getloadavg()[0]
    with tempfile.TemporaryDirectory() as folder:
        os.environ["HAMJOURNAL_DATA_DIR"] = folder
        journal = make_journal(Path(folder), args.weeks)
        ours: dict[str, list[float]] = {name: [] for name, _ in DIALOGS}
        bare: dict[str, list[float]] = {name: [] for name, _ in DIALOGS}
        # The apps take turns, one round each, so both meet the same machine.
        for _ in range(args.rounds):
            for name, values in asyncio.run(hamjournal_round(journal, args.opens)).items():
                ours[name] += values
            for name, values in asyncio.run(bare_round(args.opens)).items():
                bare[name] += values
    result = {"weeks": args.weeks, "rounds": args.rounds, "opens": args.opens, "load_before": load_before,
              "load_after": os.getloadavg()[0], "dialogs": {}}
    for name, _ in DIALOGS:
        ratios = [a / b for a, b in zip(ours[name], bare[name], strict=True)]
        result["dialogs"][name] = {
            "hamjournal_ms": statistics.median(ours[name]), "bare_ms": statistics.median(bare[name]),
            "ratio": statistics.median(ratios), "passed": statistics.median(ratios) <= TARGET,
        }
    if args.json:
        print(json.dumps(result, indent=2))
        return 0
    print(f"key to dialog ready, {args.weeks}-week journal, {args.rounds} rounds x {args.opens} opens, "
          f"load {load_before:.2f} -> {result['load_after']:.2f}")
    print(f"{'dialog':<14}{'hamjournal':>12}{'bare modal':>12}{'ratio':>8}  target <= {TARGET}x")
    for name, row in result["dialogs"].items():
        verdict = "PASS" if row["passed"] else "FAIL"
        print(f"{name:<14}{row['hamjournal_ms']:>10.1f}ms{row['bare_ms']:>10.1f}ms{row['ratio']:>7.2f}x  {verdict}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
