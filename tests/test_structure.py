"""Structure that keeps start-up fast, checked in clean interpreters through `sys.modules` (nothing here is timed).

Covered elsewhere, not repeated here: the CLI never loading textual (tests/cli/test_cli.py) and the domain loading
neither textual nor sqlalchemy (tests/domain/test_import_purity.py). benchmarks/run.py measures the times.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]

# Runs the app headless on a journal; reports what was loaded when the week screen mounted (just before the
# first paint), and once the week's data is on screen, before any key is pressed.
FIRST_SCREEN = """
import asyncio, json, sys
from hamjournal.ui.app import HamJournalApp
from hamjournal.ui.screens.week import WeekScreen

WATCH = ("sqlalchemy", "hamjournal.services", "hamjournal.store.repo", "hamjournal.domain.week",
         "plotext", "textual_plotext", "hamjournal.domain.library.movements", "hamjournal.ui.widgets.pose_canvas")
seen = {}

def loaded():
    return sorted(name for name in WATCH if name in sys.modules)

mount = WeekScreen.on_mount
def on_mount(self):
    seen.setdefault("at_mount", loaded())
    mount(self)
WeekScreen.on_mount = on_mount

async def main():
    app = HamJournalApp(location=sys.argv[1], cursor_blink=False)
    async with app.run_test(size=(100, 32)) as pilot:
        for _ in range(600):
            if isinstance(app.screen, WeekScreen) and app.screen.week is not None:
                break
            await pilot.pause(0.05)
        await pilot.pause()
        seen["shown"] = app.screen.week is not None
        seen["after_week"] = loaded()

asyncio.run(main())
print(json.dumps(seen))
"""

LOG_ONLY_WHAT_IT_NEEDS = """
import json, sys
from hamjournal.cli import main
status = main(sys.argv[1:])
heavy = ("textual", "plotext", "textual_plotext", "sqlalchemy.orm", "hamjournal.ui", "hamjournal.ui.widgets",
         "hamjournal.ui.widgets.progress_charts")
print(json.dumps({"status": status, "loaded": sorted(m for m in heavy if m in sys.modules)}))
"""


def _env(tmp_path: Path) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith("HAMJOURNAL_")}
    env.update(
        PYTHONPATH=os.pathsep.join(p for p in (str(ROOT), env.get("PYTHONPATH", "")) if p),
        HAMJOURNAL_DATA_DIR=str(tmp_path / "data"),
        HAMJOURNAL_TODAY="2026-11-25",
        NO_COLOR="1",
    )
    return env


def _run(code: str, tmp_path: Path, *args: str) -> dict[str, object]:
    done = subprocess.run(
        [sys.executable, "-c", code, *args], env=_env(tmp_path), cwd=tmp_path, capture_output=True, text=True
    )
    assert done.returncode == 0, done.stderr
    return json.loads(done.stdout.strip().splitlines()[-1])


def test_the_first_screen_paints_before_the_database_and_never_loads_the_charts(tmp_path: Path) -> None:
    db = tmp_path / "journal.db"
    logged = _run(LOG_ONLY_WHAT_IT_NEEDS, tmp_path, "log", "nordic", "3x6", "--rpe", "7", "--db", str(db))
    assert logged["status"] == 0
    seen = _run(FIRST_SCREEN, tmp_path, str(db))
    # Before the first paint: no database layer, no domain maths (they load in the journal worker after it).
    assert seen["at_mount"] == []
    # The week is shown from the journal, and the charts (plotext) are still not loaded: only `c` loads them.
    assert seen["shown"] is True
    assert "sqlalchemy" in seen["after_week"]
    assert "plotext" not in seen["after_week"]
    assert "textual_plotext" not in seen["after_week"]
    # Nor the exercise demos: the figures load when the library or the player opens.
    assert "hamjournal.domain.library.movements" not in seen["after_week"]
    assert "hamjournal.ui.widgets.pose_canvas" not in seen["after_week"]


def test_log_loads_neither_the_app_nor_the_charts(tmp_path: Path) -> None:
    # A log re-plans from tomorrow (so the CLI leaves the journal as the app would): the rules and the planner
    # load, but never the terminal UI, the chart library or the ORM.
    result = _run(LOG_ONLY_WHAT_IT_NEEDS, tmp_path, "log", "nordic", "3x6", "--db", str(tmp_path / "journal.db"))
    assert result == {"status": 0, "loaded": []}
