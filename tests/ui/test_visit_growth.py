"""Visiting a screen again and again leaves nothing behind: live objects after many visits as after the first ones.

Counted with gc, never timed. Before the StylesCache fix (hamjournal/ui/textual_fixes.py) one round of these
visits kept about 5,700 more objects each time (rendered strips held through Textual's styles cache).
"""

from __future__ import annotations

import gc
from collections import Counter
from pathlib import Path

from textual._styles_cache import StylesCache
from textual.pilot import Pilot
from textual.strip import Strip
from textual.widget import Widget

from hamjournal.ui.screens.week import WeekScreen
from hamjournal.ui.textual_fixes import fix_styles_cache_leak
from tests.ui.helpers import make_app, settle
from tests.ui.journals import build_fixed_journal

SIZE = (100, 32)
# One round: the library, the advice, every chart range, the season, the tempo player, help and a dialog.
ROUND = (("e",), ("a",), ("c", "m", "y", "h"), ("b",), ("s",), ("question_mark",), ("l",))
WARM_ROUNDS = 2  # caches keyed by colours, sizes and styles fill on the first visits; they are bounded
# The library, the advice and the charts are built once and kept (hamjournal/ui/kept_screens.py). Each of their
# widgets keeps Textual's box-model cache, bounded at 16 entries, which fills over its first 16 or so visits
# and then stays full: they are visited this often before anything is counted.
KEPT_ROUND = (("e",), ("a",), ("c", "m", "y", "h"))
KEPT_FILL_VISITS = 18
MEASURED_ROUNDS = 2
# What a round may add: the sqlite3 module keeps a weak reference per cursor and prunes them every 200 cursors,
# so those come and go; a few objects of bookkeeping besides. Before the fix a round added ~5,700.
ALLOWED_PER_ROUND = 20


# Left out of the count: weak references (see above), and asyncio's timer handles with their contexts, which
# the event loop holds until their time comes or it prunes the cancelled ones (pilot's waits leave them).
NOT_COUNTED = frozenset({"ReferenceType", "TimerHandle", "Context"})


def live() -> Counter[str]:
    """Live objects tracked by gc, by type name, after a full collection (see NOT_COUNTED)."""
    gc.collect()
    return Counter(type(o).__name__ for o in gc.get_objects() if type(o).__name__ not in NOT_COUNTED)


def drawn() -> dict[str, int]:
    """Widgets, their styles caches and rendered strips alive now."""
    gc.collect()
    counts = {"Widget": 0, "StylesCache": 0, "Strip": 0}
    for obj in gc.get_objects():
        if isinstance(obj, Widget):
            counts["Widget"] += 1
        elif isinstance(obj, StylesCache):
            counts["StylesCache"] += 1
        elif isinstance(obj, Strip):
            counts["Strip"] += 1
    return counts


async def visit_every_screen(pilot: Pilot[object], week: WeekScreen, screens: tuple[tuple[str, ...], ...] = ROUND
                             ) -> None:
    """Open each screen of `screens` (and its chart ranges), then go back to the week."""
    for keys in screens:
        for key in keys:
            await pilot.press(key)
            await settle(pilot)
        assert pilot.app.screen is not week, f"{keys[0]} opened nothing"
        await pilot.press("escape")
        await settle(pilot)
        assert pilot.app.screen is week, f"escape did not close what {keys[0]} opened"


def test_the_fix_applies_to_this_textual() -> None:
    # False would mean Textual changed the method: then the test below says whether it still leaks.
    assert fix_styles_cache_leak()


async def test_repeated_visits_of_every_screen_leave_nothing_behind(journal_path: Path) -> None:
    build_fixed_journal(journal_path)
    app = make_app(journal_path)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        week = app.screen
        assert isinstance(week, WeekScreen)
        for _ in range(WARM_ROUNDS):
            await visit_every_screen(pilot, week)
        for _ in range(KEPT_FILL_VISITS):
            await visit_every_screen(pilot, week, KEPT_ROUND)
        widgets_before, objects_before = drawn(), live()
        for _ in range(MEASURED_ROUNDS):
            await visit_every_screen(pilot, week)
        widgets_after, objects_after = drawn(), live()

    assert widgets_after == widgets_before
    growth = objects_after - objects_before
    assert growth.total() <= ALLOWED_PER_ROUND * MEASURED_ROUNDS, growth.most_common(10)
