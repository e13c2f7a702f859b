"""The idle cost of the live journal: CPU per minute of an open, untouched app, watching and not watching.

    .venv/bin/python benchmarks/watch_idle.py [--seconds 30] [--weeks 16]

Generates a demo journal, then runs the app headless (Textual's run_test, 100x32) in a fresh process twice per
mode, left alone for --seconds after its first week is drawn: once with the journal watched as usual
(HAMJOURNAL_WATCH_S=1: a PRAGMA data_version in a worker each second) and once with watching off (0). The CPU
time of each process over its idle time gives CPU seconds per minute; the
difference is what watching costs. The CPU is read inside the app's process (time.process_time, all threads)
from the moment the week is drawn, so start-up is left out; each figure is the median of three runs.
Not a test: it prints numbers.
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]

IDLE = """
import asyncio, sys, time
from hamjournal.ui.app import HamJournalApp

async def main(location, seconds):
    app = HamJournalApp(location, onboard=False)
    async with app.run_test(size=(100, 32)) as pilot:
        for _ in range(200):  # until the first week is drawn
            await pilot.pause()
            await app.workers.wait_for_complete()
            if app.journal is not None and app.screen.query("WeekGrid"):
                break
        started = time.process_time()  # every thread of the process: the poll workers included
        await asyncio.sleep(seconds)
        print(time.process_time() - started)

asyncio.run(main(sys.argv[1], float(sys.argv[2])))
"""


def cpu_seconds(journal: str, seconds: float, watch: str, data_dir: str) -> float:
    env = os.environ | {
        "HAMJOURNAL_WATCH_S": watch,
        "HAMJOURNAL_DATA_DIR": data_dir,
        "HAMJOURNAL_TODAY": "2026-11-25",
        "PYTHONPATH": str(ROOT),
    }
    done = subprocess.run(
        [sys.executable, "-c", IDLE, journal, str(seconds)], env=env, capture_output=True, text=True, check=True
    )
    return float(done.stdout.strip().splitlines()[-1])


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--seconds", type=float, default=30.0)
    parser.add_argument("--weeks", type=int, default=16)
    args = parser.parse_args()
    data_dir = tempfile.mkdtemp(prefix="hamjournal-watch-")
    env = os.environ | {"HAMJOURNAL_DATA_DIR": data_dir, "HAMJOURNAL_TODAY": "2026-11-25", "PYTHONPATH": str(ROOT)}
    made = subprocess.run(
        [sys.executable, "-m", "hamjournal", "demo", "--weeks", str(args.weeks), "--no-open"],
        env=env,
        capture_output=True,
        text=True,
        check=True,
    )
    journal = made.stdout.strip().splitlines()[-1]
    load = os.getloadavg()[0]
    results = {}
    for watch in ("1", "0"):
        idle = sorted(cpu_seconds(journal, args.seconds, watch, data_dir) for _ in range(3))[1]  # the median
        results[watch] = idle * 60 / args.seconds
        print(f"watching {'on ' if watch == '1' else 'off'}: {results[watch] * 1000:.0f} ms CPU per idle minute")
    sys.path.insert(0, str(ROOT))
    from hamjournal.store.repo import Store
    from hamjournal.store.watch import JournalWatch

    store = Store.open(journal, create=False)
    watch = JournalWatch(store)
    polls = 2000
    started = time.process_time()
    for _ in range(polls):
        watch.poll()
    per_poll = (time.process_time() - started) / polls
    watch.close()
    store.close()
    print(
        f"one poll (PRAGMA data_version, the file's identity): {per_poll * 1e6:.0f} µs CPU, "
        f"{per_poll * 60 * 1000:.1f} ms per minute at one poll a second (the worker thread's start comes on top)"
    )
    extra = results["1"] - results["0"]
    print(
        f"watching costs {extra * 1000:.0f} ms CPU per idle minute ({extra / 60 * 100:.3f}% of one core); "
        f"load average {load:.2f} before, {os.getloadavg()[0]:.2f} after"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
