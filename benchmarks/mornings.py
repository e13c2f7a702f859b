"""Ten mornings typed into the real app in tmux at 80x24, 100 ms a key with no waits, then the journal read back.

    .venv/bin/python benchmarks/mornings.py [--mornings 10] [--gap 0.1]

Each morning starts the app on its own day (HAMJOURNAL_TODAY) on one journal (a fresh demo to begin with), waits
until the week's data is on screen, types the morning's keys at a steady pace without looking at the screen, and
then reads the SQLite file until what was typed is there (or 15 s pass). Three kinds of morning rotate:
check-in only; strength + run; test day. Prints the keys and the seconds from the first key to the last entry
saved per morning, and exits 1 if any morning did not save exactly what was typed.
"""

from __future__ import annotations

import argparse
import datetime as dt
import os
import shutil
import sqlite3
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
TUI = ROOT.parent / "shared" / "tools" / "tui"
APP = Path(sys.executable).with_name("hamjournal")
FIRST_DAY = dt.date(2026, 12, 7)  # a Monday, after the demo's 16 weeks
SESSION = "hj-mornings"

# (name, keys, what the journal must then hold for the day)
MORNINGS = [
    ("check-in only", ["p", "1", "Tab", "2", "Enter"], {"checkin": (1, 2)}),
    ("strength + run", ["p", "0", "Tab", "1", "Enter", "l", "3", "x", "6", "Tab", "Tab", "7", "Enter",
                        "r", "4", "0", "Tab", "Tab", "8", "Enter"],
     {"checkin": (0, 1), "session": ([6, 6, 6], 7), "run": (40.0, 8.0)}),
    ("test day", ["p", "2", "Tab", "2", "Enter", "A", "2", "2", "Tab", "2", "5", "Enter"],
     {"checkin": (2, 2), "test": (22.0, 25.0)}),
]


def tui(*args: str) -> str:
    return subprocess.run([str(TUI), *args], check=False, capture_output=True, text=True).stdout


def saved(db: Path, day: dt.date, want: dict[str, tuple[object, ...]]) -> dict[str, object]:
    """What the journal holds for `day`, in the shape of `want`."""
    got: dict[str, object] = {}
    with sqlite3.connect(f"file:{db}?mode=ro", uri=True) as conn:
        iso = day.isoformat()
        if "checkin" in want:
            got["checkin"] = [tuple(r) for r in conn.execute(
                "select pain, stiffness from symptoms where date = ? order by id", (iso,))]
        if "session" in want:
            rows = conn.execute("select id, rpe from sessions where date = ? order by id", (iso,)).fetchall()
            got["session"] = [([r for (r,) in conn.execute(
                "select reps from session_sets where session_id = ? order by position", (sid,))], rpe)
                for sid, rpe in rows]
        if "run" in want:
            got["run"] = [tuple(r) for r in conn.execute(
                "select minutes, distance_km from runs where date = ? order by id", (iso,))]
        if "test" in want:
            got["test"] = [tuple(r) for r in conn.execute(
                "select left_value, right_value from assessments where date = ? order by id", (iso,))]
    return got


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--mornings", type=int, default=10)
    parser.add_argument("--gap", type=float, default=0.1, help="seconds between keys")
    args = parser.parse_args()
    data = Path(tempfile.mkdtemp(prefix="hj-mornings-"))
    eve = (FIRST_DAY - dt.timedelta(days=1)).isoformat()
    env = {**os.environ, "HAMJOURNAL_DATA_DIR": str(data), "HAMJOURNAL_TODAY": eve}
    demo = subprocess.run([str(APP), "demo", "--no-open"], env=env, check=True, capture_output=True, text=True)
    db = data / "mornings.db"
    shutil.copy(demo.stdout.strip(), db)
    failures = 0
    print(f"{'day':<11} {'morning':<15} {'keys':>4} {'seconds':>7}  saved")
    for number in range(args.mornings):
        day = FIRST_DAY + dt.timedelta(days=number)
        name, keys, want = MORNINGS[number % len(MORNINGS)]
        tui("start", SESSION, "80x24", "--", "env", f"HAMJOURNAL_DATA_DIR={data}", f"HAMJOURNAL_TODAY={day}",
            "HAMJOURNAL_WATCH_S=0", str(APP), "--db", str(db))
        deadline = time.monotonic() + 30
        while "planned" not in tui("screen", SESSION) and time.monotonic() < deadline:
            time.sleep(0.1)
        first = time.monotonic()
        for key in keys:
            tui("keys", SESSION, key)
            time.sleep(args.gap)
        expected = {kind: [value] for kind, value in want.items()}
        got: dict[str, object] = {}
        while time.monotonic() < first + 15:
            got = saved(db, day, want)
            if got == expected:
                break
            time.sleep(0.05)
        seconds = time.monotonic() - first
        ok = got == expected
        failures += not ok
        print(f"{day} {name:<15} {len(keys):>4} {seconds:>7.2f}  {'exactly as typed' if ok else f'NO: {got}'}")
        tui("keys", SESSION, "C-q")
        time.sleep(0.5)
        tui("stop", SESSION)
    shutil.rmtree(data, ignore_errors=True)
    return 1 if failures else 0


if __name__ == "__main__":
    raise SystemExit(main())
