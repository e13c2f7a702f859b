"""Write an SVG of every screen and dialog into screenshots/, at 120x40, on fixed data (today = 2026-11-25).

    python screenshots/make_screenshots.py [NAME ...]   (names: only those shots, e.g. exercises tempo-player)

To add a screen, add one line to SHOTS: (file name, the keys pressed from the week screen, fixed data or not).
"""

from __future__ import annotations

import asyncio
import os
import sys
import tempfile
from collections.abc import Awaitable, Callable
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from textual.pilot import Pilot

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
sys.path.insert(0, str(ROOT))

os.environ.update(
    HAMJOURNAL_TODAY="2026-11-25", HAMJOURNAL_CURSOR_BLINK="0", TEXTUAL_ANIMATIONS="none", TEXTUAL_THEME="textual-dark"
)

from tests.ui.helpers import make_app, settle  # noqa: E402
from tests.ui.journals import build_fixed_journal  # noqa: E402
from tests.ui.planner_support import open_onboarding  # noqa: E402
from tests.ui.player_support import player_at_first_rep  # noqa: E402
from tests.ui.progress_journal import build_progress_journal  # noqa: E402
from tests.ui.test_coach import build_squad  # noqa: E402

SIZE = (120, 40)

# (file name, keys pressed from the week screen, with the fixed journal?)
Step = str | Callable[["Pilot[object]"], Awaitable[None]]
# The journal a shot starts from: True for the fixed week, False for a new journal, or a builder of its own.
Data = bool | Callable[[Path], None]

SHOTS: list[tuple[str, tuple[Step, ...], Data]] = [
    ("week", (), True),
    ("week-empty", (), False),
    ("log-session", ("l",), True),
    ("check-in", ("p",), True),
    ("log-run", ("r",), True),
    ("confirm-delete", ("left", "down", "x"), True),
    ("help", ("question_mark",), True),
    ("advice", ("a",), True),
    ("exercises", ("e",), True),
    ("exercise-detail", ("e", "enter"), True),
    ("tempo-player", (player_at_first_rep,), True),
    ("onboarding", (open_onboarding,), False),
    ("profile", ("P",), True),
    ("block-view", ("b",), True),
    ("progress", ("c",), build_progress_journal),
    ("progress-pain", ("c", "2"), build_progress_journal),
    ("progress-running", ("c", "3"), build_progress_journal),
    ("assessment", ("A",), build_progress_journal),
    ("coach", ("C",), build_squad),
]


async def shoot(name: str, keys: tuple[Step, ...], with_data: Data, folder: Path) -> Path:
    """Open a fresh journal, press the keys, save the picture."""
    (folder / name).mkdir()
    journal = folder / name / "journal.db"
    if callable(with_data):
        with_data(journal)
    elif with_data:
        build_fixed_journal(journal)
    # A relative path keeps the temp folder out of the picture's header.
    os.chdir(journal.parent)
    app = make_app(Path(journal.name))
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        for key in keys:
            if callable(key):  # a step no key can do, such as driving the tempo player's fake clock
                await key(pilot)
            else:
                await pilot.press(key)
            await settle(pilot)
        return Path(app.save_screenshot(filename=f"{name}.svg", path=str(HERE)))


async def main(only: list[str]) -> None:
    """Every shot (or the ones named), each on its own journal."""
    unknown = set(only) - {name for name, _keys, _data in SHOTS}
    if unknown:
        raise SystemExit(f"no such shot: {', '.join(sorted(unknown))}; use one of {', '.join(n for n, *_ in SHOTS)}")
    with tempfile.TemporaryDirectory() as folder:
        for name, keys, with_data in SHOTS:
            if not only or name in only:
                print(await shoot(name, keys, with_data, Path(folder)))
    os.chdir(ROOT)


if __name__ == "__main__":
    asyncio.run(main(sys.argv[1:]))
