"""Pictures of onboarding, the profile and the block view at 80x24 and 120x40, on fixed data and a fixed today."""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from pathlib import Path

import pytest
from pytest import MonkeyPatch
from textual.pilot import Pilot

from tests.ui.helpers import make_app, settle
from tests.ui.planner_support import build_demo

SIZES = [(80, 24), (120, 40)]


def keys(*pressed: str) -> Callable[[Pilot[object]], Awaitable[None]]:
    """Wait for the journal, press keys, wait again."""

    async def run_before(pilot: Pilot[object]) -> None:
        await settle(pilot)
        for key in pressed:
            await pilot.press(key)
            await settle(pilot)

    return run_before


# name: (demo journal?, onboarding on?, keys)
SCENES: dict[str, tuple[bool, bool, tuple[str, ...]]] = {
    "onboarding": (False, True, ()),
    "profile": (True, False, ("P",)),
    "block-view": (True, False, ("b",)),
}


@pytest.mark.parametrize("size", SIZES, ids=lambda s: f"{s[0]}x{s[1]}")
@pytest.mark.parametrize("scene", list(SCENES))
def test_planner_screen(
    scene: str, size: tuple[int, int], journal_path: Path, snap_compare: Callable[..., bool], monkeypatch: MonkeyPatch
) -> None:
    with_demo, onboard, pressed = SCENES[scene]
    if with_demo:
        build_demo(journal_path)
    monkeypatch.chdir(journal_path.parent)
    app = make_app(Path(journal_path.name), onboard=onboard)
    assert snap_compare(app, terminal_size=size, run_before=keys(*pressed))
