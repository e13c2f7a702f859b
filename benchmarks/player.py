"""Tempo player benchmark: CPU and frame timing of the moving braille figure against the old three-frame figure.

    .venv/bin/python benchmarks/player.py [--seconds 115] [--size 120x40] [--repeats 1] [--json]

Each run plays the same Nordic set, 2x5 at 4-0-1-0 with 60 s rest after a 5 s lead-in (115 s: a whole
2-minute set), in real time, headless, in a fresh process per figure, the two figures interleaved in one run:

- "three-frame": the player as it was before the pose model, its figure the ASCII frames of git f9da192
  (benchmarks/legacy_figure.py), which change three times a rep;
- "moving": the player as it is, its braille figure redrawn on every tick of the lowering and lifting.

Everything else (the count, the bar, the ticks at TICK_S) is the same code. Per run it reports the CPU time of
the process over the set as a percentage of one core (`time.process_time()` against the wall clock, threads
included), the ticks and the frames the app handed to its driver (rendered to escape codes, as a real terminal
driver would, see probe.hook_frames), the interval between ticks, the work of one tick (`refresh_view`) and,
for the moving figure, the time to draw it. `--seconds` cuts the set short (same frame rate, fewer seconds).
"""

from __future__ import annotations

import argparse
import asyncio
import itertools
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

SET_S = 115.0  # lead-in 5 s + 2 x (5 reps x 5 s) + 60 s rest
VARIANTS = ("three-frame", "moving")


def _stats(values: list[float]) -> dict[str, float]:
    if not values:
        return {"n": 0}
    ordered = sorted(values)
    return {
        "n": len(values),
        "median": statistics.median(ordered),
        "p95": ordered[min(len(ordered) - 1, int(0.95 * len(ordered)))],
        "max": ordered[-1],
    }


async def _play(variant: str, seconds: float, size: tuple[int, int]) -> dict[str, Any]:
    from benchmarks.probe import hook_frames
    from hamjournal.domain.models import Prescription
    from hamjournal.ui.app import HamJournalApp
    from hamjournal.ui.screens.tempo_player import TempoPlayerScreen
    from hamjournal.ui.widgets import pose_canvas

    ticks: list[float] = []
    tick_ms: list[float] = []
    draw_ms: list[float] = []
    frames: list[float] = []

    if variant == "three-frame":
        # The old figure in the canvas's place: the screen looks its figure class up in its module.
        from benchmarks.legacy_figure import NORDIC_FRAMES, PoseView
        from hamjournal.ui.screens import tempo_player

        class ThreeFrame(PoseView):
            def __init__(self, movement: Any, fraction: float = 0.0, *, id: str | None = None) -> None:
                super().__init__(NORDIC_FRAMES, id=id)
                self.styles.width = "auto"
                self.styles.height = 9  # as tempo_player.tcss had it for this figure

        tempo_player.PoseCanvas = ThreeFrame  # type: ignore[misc, assignment]

    original_draw = pose_canvas.PoseCanvas._draw

    def timed_draw(self: Any, width: int, height: int) -> Any:
        start = time.perf_counter()
        strips = original_draw(self, width, height)
        draw_ms.append((time.perf_counter() - start) * 1000)
        return strips

    pose_canvas.PoseCanvas._draw = timed_draw  # type: ignore[method-assign]

    with tempfile.TemporaryDirectory() as folder:
        os.environ["HAMJOURNAL_DATA_DIR"] = folder
        app = HamJournalApp(str(Path(folder) / "journal.db"), cursor_blink=False, onboard=False)
        async with app.run_test(headless=True, size=size) as pilot:
            for _ in range(200):
                if getattr(app, "journal", None) is not None:
                    break
                await pilot.pause(0.05)
            await app.workers.wait_for_complete()
            hook_frames(app, lambda _screen: frames.append(time.perf_counter()))
            player = TempoPlayerScreen("nordic", "band-assisted", Prescription(2, (5, 5), tempo="4-0-1-0"))
            refresh_view = player.refresh_view

            def timed_refresh() -> None:
                start = time.perf_counter()
                refresh_view()
                tick_ms.append((time.perf_counter() - start) * 1000)
                ticks.append(start)

            player.refresh_view = timed_refresh  # type: ignore[method-assign]
            cpu0, wall0 = time.process_time(), time.perf_counter()
            app.push_screen(player)
            while time.perf_counter() - wall0 < seconds and not player.finished:
                await asyncio.sleep(0.25)
            cpu, wall = time.process_time() - cpu0, time.perf_counter() - wall0
    intervals = [(b - a) * 1000 for a, b in itertools.pairwise(ticks)]
    return {
        "variant": variant,
        "wall_s": wall,
        "cpu_s": cpu,
        "cpu_pct_of_one_core": 100 * cpu / wall,
        "ticks": len(ticks),
        "ticks_per_s": len(ticks) / wall,
        "frames_to_driver": len(frames),
        "frames_per_s": len(frames) / wall,
        "tick_interval_ms": _stats(intervals),
        "tick_work_ms": _stats(tick_ms),
        "figure_draw_ms": _stats(draw_ms),
        "finished": player.finished,
    }


def _child(variant: str, seconds: float, size: tuple[int, int]) -> None:
    result = asyncio.run(_play(variant, seconds, size))
    print(json.dumps(result))


def _row(result: dict[str, Any]) -> str:
    def ms(stats: dict[str, float]) -> str:
        if not stats.get("n"):
            return "-"
        return f"{stats['median']:.2f} / {stats['p95']:.2f} / {stats['max']:.1f}"

    return (
        f"| {result['variant']} | {result['wall_s']:.0f} s | {result['cpu_pct_of_one_core']:.1f}% | "
        f"{result['ticks_per_s']:.1f} | {result['frames_per_s']:.1f} | {ms(result['tick_interval_ms'])} | "
        f"{ms(result['tick_work_ms'])} | {ms(result['figure_draw_ms'])} |"
    )


def main(argv: list[str] | None = None) -> int:
    """Run both figures (interleaved, each in its own process) and print a table, or JSON."""
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--seconds", type=float, default=SET_S, help="length of each run (default: the whole set)")
    parser.add_argument("--size", default="120x40", help="terminal size, COLSxROWS (default 120x40)")
    parser.add_argument("--repeats", type=int, default=1)
    parser.add_argument("--json", action="store_true")
    parser.add_argument("--child", choices=VARIANTS, help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    cols, rows = (int(part) for part in args.size.lower().split("x"))
    if args.child:
        _child(args.child, args.seconds, (cols, rows))
        return 0
    results = []
    load_before = os.getloadavg()[0]
    for _ in range(args.repeats):
        for variant in VARIANTS:
            done = subprocess.run(
                [sys.executable, __file__, "--child", variant, "--seconds", str(args.seconds), "--size", args.size],
                capture_output=True,
                text=True,
                cwd=ROOT,
            )
            if done.returncode != 0:
                print(f"the {variant} run failed:\n{done.stderr[-3000:]}", file=sys.stderr)
                return 1
            results.append(json.loads(done.stdout.strip().splitlines()[-1]))
    load_after = os.getloadavg()[0]
    if args.json:
        print(json.dumps({"load_before": load_before, "load_after": load_after, "runs": results}, indent=2))
        return 0
    print(f"Nordic 2x5 at 4-0-1-0, 60 s rest, at {args.size}; load average {load_before:.2f} before, "
          f"{load_after:.2f} after")
    print("| figure | run | CPU (one core) | ticks/s | frames/s | tick interval ms (median / p95 / max) "
          "| tick work ms | figure draw ms |")
    print("|---|---|---|---|---|---|---|---|")
    for result in results:
        print(_row(result))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
