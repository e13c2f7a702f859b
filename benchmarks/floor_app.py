"""The floors of benchmarks/terminal.py: the smallest Textual app with hamjournal's frame, run as a real program.

    python benchmarks/floor_app.py bare | orm | core

- `bare`: Header, a Static saying "Hello floor", Footer. Its first frame is the floor of hamjournal's first paint.
- `orm`:  the bare app, then `import sqlalchemy.orm` in a thread worker after the first frame, then the Static
          says "Data floor ready": the floor of the week with its data (what the issue names as the target).
- `core`: the same with `import sqlalchemy` (Core: engine, select, ...), which is what hamjournal's store uses;
          shown beside the ORM floor so the week's ratio can be read against either.

Nothing here is hamjournal's: the benchmark reads the terminal for the texts above, exactly as it reads
hamjournal's screen for the week's data. Quit with ctrl+q (the benchmark kills it instead).
"""

from __future__ import annotations

import sys

from textual import work
from textual.app import App, ComposeResult
from textual.widgets import Footer, Header, Static

FIRST_TEXT = "Hello floor"
DATA_TEXT = "Data floor ready"


class FloorApp(App[None]):
    """Header, Static, Footer; optionally one import in a worker once the first frame is out."""

    def __init__(self, module: str | None) -> None:
        super().__init__()
        self.module = module

    def compose(self) -> ComposeResult:
        yield Header()
        yield Static(FIRST_TEXT, id="body")
        yield Footer()

    def on_ready(self) -> None:
        # As hamjournal does: the worker is queued behind the first frame, so it never delays the first paint.
        if self.module is not None:
            self.screen.call_later(self.load)

    @work(thread=True)
    def load(self) -> None:
        """Import the floor's module off the UI thread, then say so on screen."""
        __import__(self.module or "")
        self.call_from_thread(self.query_one("#body", Static).update, DATA_TEXT)


MODULES = {"bare": None, "orm": "sqlalchemy.orm", "core": "sqlalchemy"}


def main() -> None:
    """Run the floor named on the command line."""
    mode = sys.argv[1] if len(sys.argv) > 1 else "bare"
    if mode not in MODULES:
        sys.exit(f"usage: floor_app.py {' | '.join(MODULES)}")
    FloorApp(MODULES[mode]).run()


if __name__ == "__main__":
    main()
