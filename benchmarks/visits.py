"""Growth per visit: live objects and RSS after the first visit of every screen, and after N visits of each.

    .venv/bin/python benchmarks/visits.py [--visits 100] [--weeks 520] [--json]

One app (headless, 100x32, driven by Pilot) on a generated demo journal. A round visits every screen the week
screen opens (library, advice, progress with its four ranges, season, profile, coach view, reassessment, help,
athlete switcher, the log / check-in / run dialogs, the tempo player) and comes back with escape. Counted after
round 1 and after round N, each time after a full gc.collect(): the objects gc tracks and the resident set
(VmRSS, not the peak). Target of issue 19: both within 5% of their value after the first round.
"""

from __future__ import annotations

import argparse
import asyncio
import gc
import json
import os
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))

from run import base_env

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

SIZE = (100, 32)
GROWTH_LIMIT = 1.05
# Each entry: the keys of one visit (a screen, then what is pressed on it); escape follows.
ROUND: tuple[tuple[str, ...], ...] = (
    ("e",), ("a",), ("c", "m", "y", "h"), ("b",), ("P",), ("C",), ("A",), ("question_mark",), ("u",),
    ("l",), ("p",), ("r",), ("s",),
)


def rss_kib() -> int:
    """The resident set now (VmRSS), in KiB."""
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1])
    return 0


def objects() -> int:
    """Objects gc tracks, after a full collection."""
    gc.collect()
    return len(gc.get_objects())


async def drive(db: Path, visits: int, say: Any) -> dict[str, Any]:
    """Run the rounds; the counts after round 1 and after the last."""
    from hamjournal.ui.app import HamJournalApp

    app = HamJournalApp(location=str(db), cursor_blink=False)
    marks: dict[str, Any] = {}
    async with app.run_test(size=SIZE) as pilot:

        async def settle() -> None:
            for _ in range(2):
                await pilot.pause()
                await app.workers.wait_for_complete()

        while getattr(app.screen, "week", None) is None:
            await pilot.pause(0.01)
        await settle()
        week = app.screen
        skipped: set[str] = set()
        began = time.perf_counter()
        for round_ in range(1, visits + 1):
            for keys in ROUND:
                for key in keys:
                    await pilot.press(key)
                    await settle()
                if app.screen is week:
                    skipped.add(keys[0])  # the key opened nothing here (e.g. nothing to play): reported
                    continue
                while app.screen is not week:
                    await pilot.press("escape")
                    await settle()
            if round_ == 1:
                marks["first"] = {"objects": objects(), "rss_kib": rss_kib()}
            if round_ % 10 == 0:
                say(f"round {round_}/{visits} ({time.perf_counter() - began:.0f} s)")
        marks["last"] = {"objects": objects(), "rss_kib": rss_kib()}
        marks["skipped"] = sorted(skipped)
    return marks


def main(argv: list[str] | None = None) -> int:
    """Generate the journal, run the visits, print the table (or JSON)."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--visits", type=int, default=100, help="rounds of every screen (default 100)")
    parser.add_argument("--weeks", type=int, default=520, help="weeks of the demo journal (default 520)")
    parser.add_argument("--today", default="2026-11-25", help="HAMJOURNAL_TODAY (default 2026-11-25)")
    parser.add_argument("--json", action="store_true", help="print JSON instead of the table")
    args = parser.parse_args(argv)
    if args.visits < 2:
        parser.error("--visits must be at least 2")
    say = (lambda text: None) if args.json else (lambda text: print(text, file=sys.stderr, flush=True))
    load_before = ", ".join(f"{x:.2f}" for x in os.getloadavg())
    workdir = Path(tempfile.mkdtemp(prefix="hamjournal-visits-"))
    try:
        env = base_env(args.today)
        env["HAMJOURNAL_DATA_DIR"] = str(workdir)
        say(f"generating a {args.weeks}-week demo journal")
        done = subprocess.run([sys.executable, "-m", "hamjournal", "demo", "--weeks", str(args.weeks), "--no-open"],
                              env=env, cwd=ROOT, capture_output=True, text=True, check=True)
        os.environ.update({"HAMJOURNAL_TODAY": args.today, "HAMJOURNAL_DATA_DIR": str(workdir),
                           "TEXTUAL_ANIMATIONS": "none"})
        marks = asyncio.run(drive(Path(done.stdout.strip()), args.visits, say))
    finally:
        shutil.rmtree(workdir, ignore_errors=True)
    rows = []
    for name, key, unit in (("live objects (gc)", "objects", ""), ("resident set (VmRSS)", "rss_kib", " KiB")):
        first, last = marks["first"][key], marks["last"][key]
        ratio = last / first
        rows.append({"name": name, "first": first, "last": last, "ratio": ratio, "passed": ratio <= GROWTH_LIMIT,
                     "unit": unit})
    meta = {"visits": args.visits, "weeks": args.weeks, "load_before": load_before,
            "load_after": ", ".join(f"{x:.2f}" for x in os.getloadavg()), "skipped": marks["skipped"]}
    if args.json:
        print(json.dumps({"meta": meta, "rows": rows}, indent=1))
    else:
        print(f"every screen {args.visits} times, {args.weeks}-week journal · load average before "
              f"{meta['load_before']}, after {meta['load_after']}")
        print(f"{'measurement':<24} {'after visit 1':>16} {f'after visit {args.visits}':>16} {'ratio':>7}  "
              f"target    result")
        for row in rows:
            print(f"{row['name']:<24} {row['first']:>12}{row['unit']:<4} {row['last']:>12}{row['unit']:<4} "
                  f"{row['ratio']:>6.3f}x  <= {GROWTH_LIMIT:.2f}x  {'PASS' if row['passed'] else 'FAIL'}")
        if meta["skipped"]:
            print(f"opened nothing on this journal (not visited): {', '.join(meta['skipped'])}")
    return 0 if all(row["passed"] for row in rows) else 1


if __name__ == "__main__":
    sys.exit(main())
