"""hamjournal through a real terminal, against the floors, in one interleaved run: one command, one table.

    .venv/bin/python benchmarks/terminal.py [--rounds 11] [--size 100x32] [--json] [--no-switches]

What a person sees is what is timed: each program runs on a pseudo-terminal and its output goes through a terminal
emulator (pyte, benchmarks/pty_screen.py); a time is the moment the bytes that made the screen readable arrived.

Start-up, each round one fresh process of each, in a rotated order (so no program always runs first):
  floor       benchmarks/floor_app.py bare: Header, Static, Footer ("Hello floor" on screen = first paint)
  floor-orm   the same, then `import sqlalchemy.orm` in a worker, then "Data floor ready" (the data floor)
  floor-core  the same with `import sqlalchemy` (Core, which is what hamjournal's store uses), for comparison
  hj-4w       `hamjournal --db` a 4-week demo journal: first paint ("Opening …") and the week with its data
  hj-520w     the same on a 10-year (520-week) demo journal
  log         `hamjournal log nordic 3x6 ...` on the 520-week journal, against `python -c "import sqlalchemy.orm"`
              (process start to exit; no terminal needed)
"The week with its data" is the first frame on which the week line has its counts ("Week of … · N done") and
the calendar its day headers. Every ratio is taken within a round and the table gives the median of the
per-round ratios (a busy moment slows both sides of a ratio alike), with the median times beside them.

Screen switches (warm), on each journal, in one app per journal: a key press to the first frame on which that
screen's data can be read (the week of `[`/`]` with its counts, the library's list, the advice's calls, the
progress chart's range with its data, the tempo player's count), median over the rounds after the first, each
screen against the week switch. Memory growth per visit is measured by benchmarks/visits.py.

Nothing here is a test: it prints numbers and PASS/FAIL against the targets of issue 19. Quote the load average
it prints with any figure.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import platform
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from dataclasses import asdict, dataclass
from importlib.metadata import version
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))

from pty_screen import Check, PtyProgram, Timeout, contains
from run import JOURNAL_WEEKS, LOG_ARGS, base_env, make_journals

ROOT = Path(__file__).resolve().parents[1]
FLOOR_APP = Path(__file__).resolve().parent / "floor_app.py"
DEFAULT_TODAY = "2026-11-25"

# Targets of issue 19.
FIRST_PAINT_RATIO = 1.05  # hamjournal's first paint / the bare app's
WEEK_DATA_RATIO = 1.10  # the week with its data on the 10-year journal / bare + import sqlalchemy.orm
SIZE_RATIO = 1.10  # 520 weeks / 4 weeks
LOG_RATIO = 1.20  # hamjournal log / python -c "import sqlalchemy.orm"
SWITCH_RATIO = 1.20  # any screen switch / the week switch, same journal

FIRST_PAINT = contains(r"Hello floor")
FLOOR_DATA = contains(r"Data floor ready")
HJ_PAINT = contains(r"Opening ")
WEEK_DATA = contains(r"Week of \d+ \w{3} \d{4} · \d+ done", r"\bMon \d+")


def week_of(day: int, month: str) -> Check:
    """The week line of the week starting on `day month`, with its counts read."""
    return contains(rf"Week of {day} {month} \d{{4}} · \d+ done")


@dataclass
class Row:
    """One line of the table."""

    name: str
    ms: float | None
    ratio: float | None = None
    target: float | None = None
    note: str = ""

    @property
    def passed(self) -> bool | None:
        """PASS/FAIL against the target, or None when the row has none."""
        return None if self.target is None or self.ratio is None else self.ratio <= self.target


def run_pty(argv: list[str], env: dict[str, str], size: tuple[int, int], marks: dict[str, Check]) -> dict[str, float]:
    """Start a program on a pty; ms from spawn until each mark (in order) is on screen; then kill it."""
    program = PtyProgram(argv, env, *size, cwd=str(ROOT))
    try:
        return {name: (program.wait(check) - program.started) * 1000 for name, check in marks.items()}
    finally:
        program.kill()


def run_exit(argv: list[str], env: dict[str, str]) -> float:
    """Wall ms from spawn to exit of a command (it must succeed)."""
    start = time.perf_counter()
    done = subprocess.run(argv, env=env, cwd=ROOT, capture_output=True, check=False)
    if done.returncode != 0:
        raise RuntimeError(f"{' '.join(argv)} failed:\n{done.stderr.decode(errors='replace')}")
    return (time.perf_counter() - start) * 1000


def startup(rounds: int, journals: dict[int, Path], env: dict[str, str], workdir: Path, size: tuple[int, int],
            say: Any) -> dict[str, list[dict[str, float]]]:
    """Every start-up program once per round (plus an unmeasured warm-up round); the samples per program."""
    py = sys.executable
    programs: dict[str, tuple[list[str], dict[str, str], dict[str, Check]]] = {
        "floor": ([py, str(FLOOR_APP), "bare"], env, {"paint": FIRST_PAINT}),
        "floor-orm": ([py, str(FLOOR_APP), "orm"], env, {"paint": FIRST_PAINT, "data": FLOOR_DATA}),
        "floor-core": ([py, str(FLOOR_APP), "core"], env, {"paint": FIRST_PAINT, "data": FLOOR_DATA}),
    }
    for weeks, path in journals.items():
        run_env = {**env, "HAMJOURNAL_DATA_DIR": str(workdir / f"data-{weeks}w")}
        programs[f"hj-{weeks}w"] = ([py, "-m", "hamjournal", "--db", str(path)], run_env,
                                    {"paint": HJ_PAINT, "data": WEEK_DATA})
    log_db = workdir / "journal-log.db"
    shutil.copyfile(journals[max(journals)], log_db)
    log_env = {**env, "HAMJOURNAL_DATA_DIR": str(workdir / "data-log")}
    (workdir / "data-log").mkdir(exist_ok=True)
    log_argv = [py, "-m", "hamjournal", *LOG_ARGS, "--db", str(log_db)]
    sqla_argv = [py, "-c", "import sqlalchemy.orm"]

    samples: dict[str, list[dict[str, float]]] = {name: [] for name in [*programs, "log", "import-orm"]}
    names = list(programs)
    for round_ in range(rounds + 1):
        say("start-up warm-up round (not counted)" if round_ == 0 else f"start-up round {round_}/{rounds}")
        shift = round_ % len(names)
        got: dict[str, dict[str, float]] = {}
        for name in names[shift:] + names[:shift]:
            argv, run_env, marks = programs[name]
            got[name] = run_pty(argv, run_env, size, marks)
        pair = [("log", log_argv, log_env), ("import-orm", sqla_argv, env)]
        for name, argv, run_env in pair if round_ % 2 else pair[::-1]:
            got[name] = {"exit": run_exit(argv, run_env)}
        if round_:
            for name, values in got.items():
                samples[name].append(values)
    return samples


RANGE = re.compile(r"(\d{2} \w{3} \d{4}) – \d{2} \w{3} \d{4}")
CHART = r"Nordic: reps per week"


def range_shown(previous: str | None) -> Check:
    """The progress chart with its data, over a range other than `previous` (the range line's first date)."""

    def check(text: str) -> bool:
        found = RANGE.search(text)
        return found is not None and found.group(1) != previous and CHART in text

    return check


def switch_marks(today: str) -> list[tuple[str, bytes, Check | None, bool]]:
    """(screen, key, what shows its data, back to the week after); None: a new progress range (see range_shown)."""
    day = dt.date.fromisoformat(today)
    monday = day - dt.timedelta(days=day.weekday())
    before = monday - dt.timedelta(days=7)
    return [
        ("week [", b"[", week_of(before.day, f"{before:%b}"), False),
        ("week ]", b"]", week_of(monday.day, f"{monday:%b}"), False),
        ("exercises", b"e", contains(r"Exercise library", r"Incline accelerations", r"First dose"), True),
        ("advice", b"a", contains(r"Advice for", r"Sources"), True),
        ("progress 12w", b"c", range_shown(None), False),
        ("progress 6m", b"m", None, False),
        ("progress 1y", b"y", None, False),
        ("progress all", b"h", None, True),
    ]


def switches(rounds: int, journals: dict[int, Path], env: dict[str, str], workdir: Path, size: tuple[int, int],
             today: str, say: Any) -> dict[str, dict[str, list[float]]]:
    """Inside one app per journal: each switch `rounds + 1` times (the first is cold); ms per screen."""
    result: dict[str, dict[str, list[float]]] = {}
    for weeks, path in journals.items():
        say(f"screen switches on the {weeks}-week journal")
        run_env = {**env, "HAMJOURNAL_DATA_DIR": str(workdir / f"data-{weeks}w")}
        program = PtyProgram([sys.executable, "-m", "hamjournal", "--db", str(path)], run_env, *size, cwd=str(ROOT))
        times: dict[str, list[float]] = {}
        try:
            program.wait(WEEK_DATA)
            settle(program)
            home = program.text().splitlines()[1]
            for _ in range(rounds + 1):
                for screen, key, shown, back in switch_marks(today):
                    settle(program)
                    if shown is None:
                        found = RANGE.search(program.text())
                        shown = range_shown(found.group(1) if found else None)
                    pressed = program.send(key)
                    times.setdefault(screen, []).append((program.wait(shown, 30) - pressed) * 1000)
                    if back:
                        go_back(program, home)
        finally:
            program.kill()
        result[f"{weeks}w"] = times
    return result


def go_back(program: PtyProgram, home: str) -> None:
    """Escape until the week screen (its week line `home`) is back; a filter field may take the first escape."""
    for _ in range(5):
        settle(program)
        program.send(b"\x1b")
        try:
            program.wait(lambda text: text.splitlines()[1] == home, 2)
            return
        except Timeout:
            continue
    raise Timeout(f"escape did not lead back to the week; the screen shows:\n{program.text()}")


def settle(program: PtyProgram, quiet_s: float = 0.15) -> None:
    """Let the app finish what the last key started (workers, later frames) before the next key is timed."""
    while True:
        time.sleep(quiet_s)
        if program.chunks.empty():
            program.drain()
            return
        program.drain()


def median(values: list[float]) -> float:
    """The median (NaN for nothing)."""
    return statistics.median(values) if values else float("nan")


def ratio_row(name: str, samples: dict[str, list[dict[str, float]]], top: tuple[str, str], floor: tuple[str, str],
              target: float | None, note: str = "") -> Row:
    """Median of the per-round ratios top/floor, with the median time of top."""
    tops = [s[top[1]] for s in samples[top[0]]]
    floors = [s[floor[1]] for s in samples[floor[0]]]
    ratios = [t / f for t, f in zip(tops, floors, strict=True)]
    return Row(name, median(tops), median(ratios), target, note)


def evaluate(start: dict[str, list[dict[str, float]]], switch: dict[str, dict[str, list[float]]]) -> list[Row]:
    """The table's rows."""
    small, big = JOURNAL_WEEKS
    rows = [
        Row("floor: bare Textual app, first paint", median([s["paint"] for s in start["floor"]])),
        Row("floor: bare + import sqlalchemy.orm, data shown", median([s["data"] for s in start["floor-orm"]])),
        Row("floor: bare + import sqlalchemy (Core), data shown", median([s["data"] for s in start["floor-core"]])),
    ]
    for weeks in JOURNAL_WEEKS:
        rows.append(ratio_row(f"hamjournal first paint, {weeks} weeks / bare", start, (f"hj-{weeks}w", "paint"),
                              ("floor", "paint"), FIRST_PAINT_RATIO))
    for weeks in (big, small):
        rows.append(ratio_row(f"week with data, {weeks} weeks / bare+orm", start, (f"hj-{weeks}w", "data"),
                              ("floor-orm", "data"), WEEK_DATA_RATIO if weeks == big else None))
        rows.append(ratio_row(f"week with data, {weeks} weeks / bare+Core", start, (f"hj-{weeks}w", "data"),
                              ("floor-core", "data"), None, "the store uses Core" if weeks == big else ""))
    rows.append(ratio_row(f"week with data, {big} / {small} weeks", start, (f"hj-{big}w", "data"),
                          (f"hj-{small}w", "data"), SIZE_RATIO))
    rows.append(ratio_row("hamjournal log (520 weeks) / import sqlalchemy.orm", start, ("log", "exit"),
                          ("import-orm", "exit"), LOG_RATIO))
    for journal, times in switch.items():
        warm = {screen: values[1:] for screen, values in times.items()}
        week = median(warm.get("week [", []) + warm.get("week ]", []))
        rows.append(Row(f"switch to week ([ ]), {journal}", week, note=f"cold {times['week ['][0]:.0f} ms"))
        for screen, values in warm.items():
            if screen.startswith("week"):
                continue
            rows.append(Row(f"switch to {screen}, {journal} / week switch", median(values), median(values) / week,
                            SWITCH_RATIO, f"cold {times[screen][0]:.0f} ms"))
    return rows


def render(rows: list[Row], meta: dict[str, Any]) -> str:
    """The table for people."""
    lines = [
        f"hamjournal through a terminal ({meta['size']}, pty + pyte) · {meta['rounds']} rounds · Python "
        f"{meta['python']} · textual {meta['textual']} · {meta['cpus']} CPUs · took {meta['seconds']:.0f} s",
        f"load average before {meta['load_before']} · after start-up {meta['load_mid']} · after {meta['load_after']}",
        "times: median ms from spawn (or key press) to the frame; ratios: median of the per-round ratios",
        "",
        f"{'measurement':<56} {'median':>9} {'ratio':>7}  {'target':<8} result",
    ]
    for row in rows:
        ms = "" if row.ms is None else f"{row.ms:.0f} ms"
        ratio = "" if row.ratio is None else f"{row.ratio:.3f}x"
        target = "" if row.target is None else f"<= {row.target:.2f}x"
        result = {None: "", True: "PASS", False: "FAIL"}[row.passed]
        lines.append(f"{row.name:<56} {ms:>9} {ratio:>7}  {target:<8} {result}  {row.note}".rstrip())
    checks = [r for r in rows if r.passed is not None]
    failed = [r.name for r in checks if not r.passed]
    lines += ["", f"{len(checks) - len(failed)}/{len(checks)} targets met" + (f"; FAIL: {'; '.join(failed)}"
                                                                               if failed else "")]
    return "\n".join(lines)


def loadavg() -> str:
    """The load average, as uptime prints it."""
    return ", ".join(f"{x:.2f}" for x in os.getloadavg())


def main(argv: list[str] | None = None) -> int:
    """Generate the journals, run every measurement, print the table (or JSON)."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--rounds", type=int, default=11, help="interleaved rounds (default 11)")
    parser.add_argument("--size", default="100x32", help="terminal COLUMNSxROWS (default 100x32)")
    parser.add_argument("--today", default=DEFAULT_TODAY, help=f"HAMJOURNAL_TODAY (default {DEFAULT_TODAY})")
    parser.add_argument("--no-switches", action="store_true", help="start-up only")
    parser.add_argument("--json", action="store_true", help="print rows, samples and meta as JSON")
    args = parser.parse_args(argv)
    if args.rounds < 1:
        parser.error("--rounds must be at least 1")
    columns, _, rows_ = args.size.partition("x")
    size = (int(columns), int(rows_))
    say = (lambda text: None) if args.json else (lambda text: print(text, file=sys.stderr, flush=True))
    began = time.perf_counter()
    meta: dict[str, Any] = {"rounds": args.rounds, "size": args.size, "python": platform.python_version(),
                            "textual": version("textual"), "cpus": os.cpu_count(), "today": args.today,
                            "load_before": loadavg()}
    workdir = Path(tempfile.mkdtemp(prefix="hamjournal-terminal-"))
    try:
        env = base_env(args.today)
        subprocess.run([sys.executable, "-m", "compileall", "-q", str(ROOT / "hamjournal"), str(FLOOR_APP)],
                       env=env, check=True, stdout=subprocess.DEVNULL)
        say("generating the 4-week and 520-week demo journals")
        journals = make_journals(workdir, env)
        start = startup(args.rounds, journals, env, workdir, size, say)
        meta["load_mid"] = loadavg()
        switch = {} if args.no_switches else switches(args.rounds, journals, env, workdir, size, args.today, say)
    finally:
        shutil.rmtree(workdir, ignore_errors=True)
    meta["load_after"] = loadavg()
    meta["seconds"] = time.perf_counter() - began
    rows = evaluate(start, switch)
    if args.json:
        print(json.dumps({"meta": meta, "rows": [asdict(r) for r in rows], "startup": start, "switches": switch},
                         indent=1))
    else:
        print(render(rows, meta))
    return 0 if all(r.passed is not False for r in rows) else 1


if __name__ == "__main__":
    sys.exit(main())
