"""Start-up and screen-switch benchmark: hamjournal against a bare Textual app, on a 4-week and a 10-year journal.

    /work/venv/bin/python benchmarks/run.py [--repeats 7] [--json] [--keep]

One run generates two demo journals (`hamjournal demo --weeks 4 --no-open` and `--weeks 520 --no-open`, each in
its own HAMJOURNAL_DATA_DIR, copied out so both exist), then measures, each time in a fresh process
(benchmarks/probe.py):

- the first paint of a bare Textual app (Header, Static, Footer): the floor;
- hamjournal's first paint and the week screen with its data shown, on both journals;
- the data floor: the bare app, then `import sqlalchemy.orm` in a thread worker and one more frame;
- `hamjournal log ...` (wall time of the process) against `python -c "import sqlalchemy.orm"`;

and, inside one app process per journal, every screen switch (key press to the frame that shows the screen's
data; the first, cold switch is left out of the median and shown apart), and the peak memory: max RSS (from
os.wait4) of one app process that opens every screen and every chart range once on the ten-year journal.

Start-up times are medians of --repeats runs, interleaved so that a busy moment hurts every mode alike. Each is
reported twice: in the process (from the probe's first line, before any import) and from the parent's spawn to
the child's message (interpreter start-up included). A start-up target passes only when both ratios meet it.
Nothing here is a test: it prints numbers and PASS/FAIL against the targets of the performance issue.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
PROBE = Path(__file__).resolve().parent / "probe.py"
DEFAULT_TODAY = "2026-11-25"
JOURNAL_WEEKS = (4, 520)
LOG_ARGS = ("log", "nordic", "3x6", "--rpe", "7", "--pain", "1")
MIB = 1024 * 1024

# Targets of the issue "Performance: start as fast as Textual itself, at any journal size".
FIRST_PAINT_RATIO = 1.15
WEEK_DATA_RATIO = 1.10
LOG_RATIO = 1.20
SIZE_RATIO = 1.10
SWITCH_MS = 50.0
PEAK_MIB = 80.0


@dataclass
class Child:
    """What one subprocess reported: events (in-process ms and ms from spawn), exit status, peak memory."""

    events: dict[str, dict[str, Any]] = field(default_factory=dict)
    wall_ms: dict[str, float] = field(default_factory=dict)
    exit_ms: float = 0.0
    status: int = 0
    maxrss_kib: int = 0
    stderr: str = ""


@dataclass
class Row:
    """One line of the report."""

    name: str
    value: float
    unit: str
    inproc: float | None = None
    ratio: float | None = None
    ratio_inproc: float | None = None
    target: str = ""
    passed: bool | None = None
    note: str = ""


def spawn(argv: list[str], env: dict[str, str], timeout: float = 120) -> Child:
    """Run a child; time each JSON line it prints from the spawn, and read its own rusage with os.wait4."""
    child = Child()
    with tempfile.TemporaryFile() as err:
        start = time.perf_counter()
        proc = subprocess.Popen(argv, stdout=subprocess.PIPE, stderr=err, env=env, cwd=ROOT)
        assert proc.stdout is not None
        deadline = start + timeout
        for raw in proc.stdout:
            arrived = (time.perf_counter() - start) * 1000
            try:
                event = json.loads(raw)
            except ValueError:
                continue
            if isinstance(event, dict) and "event" in event:
                child.events[event["event"]] = event
                child.wall_ms[event["event"]] = arrived
            if time.perf_counter() > deadline:
                proc.kill()
                break
        _, status, usage = os.wait4(proc.pid, 0)
        child.exit_ms = (time.perf_counter() - start) * 1000
        proc.returncode = child.status = os.waitstatus_to_exitcode(status)
        child.maxrss_kib = int(usage.ru_maxrss)
        err.seek(0)
        child.stderr = err.read().decode(errors="replace")
    return child


def probe(mode: str, env: dict[str, str], *args: str) -> Child:
    """One probe run; fails loudly when the probe did not report."""
    child = spawn([sys.executable, str(PROBE), mode, *args], env)
    if child.status != 0 or "error" in child.events:
        raise RuntimeError(f"probe {mode} {' '.join(args)} failed ({child.status}):\n{child.stderr[-2000:]}")
    return child


def base_env(today: str) -> dict[str, str]:
    """The environment of every child: the repo on the path, a fixed today, no stray journal settings."""
    # PYTHONDONTWRITEBYTECODE is dropped too: with it, hamjournal's modules would be compiled from source in every
    # run while textual's come from the bytecode pip wrote, which is not how an installed app starts.
    env = {
        k: v
        for k, v in os.environ.items()
        if not k.startswith(("HAMJOURNAL_", "TEXTUAL")) and k != "PYTHONDONTWRITEBYTECODE"
    }
    env["PYTHONPATH"] = os.pathsep.join(p for p in (str(ROOT), os.environ.get("PYTHONPATH", "")) if p)
    env["HAMJOURNAL_TODAY"] = today
    return env


def make_journals(workdir: Path, env: dict[str, str]) -> dict[int, Path]:
    """`hamjournal demo --weeks N --no-open` into its own data folder per N; the files are copied side by side."""
    journals: dict[int, Path] = {}
    for weeks in JOURNAL_WEEKS:
        data_dir = workdir / f"data-{weeks}w"
        data_dir.mkdir()
        demo_env = {**env, "HAMJOURNAL_DATA_DIR": str(data_dir)}
        done = subprocess.run(
            [sys.executable, "-m", "hamjournal", "demo", "--weeks", str(weeks), "--no-open"],
            env=demo_env, cwd=ROOT, capture_output=True, text=True, check=False,
        )
        if done.returncode != 0:
            raise RuntimeError(f"hamjournal demo --weeks {weeks} failed:\n{done.stderr}")
        target = workdir / f"journal-{weeks}w.db"
        shutil.copyfile(done.stdout.strip(), target)
        journals[weeks] = target
    return journals


def median(values: list[float]) -> float:
    """The median, or NaN for nothing."""
    return statistics.median(values) if values else float("nan")


def measure(repeats: int, today: str, workdir: Path, progress: bool) -> dict[str, Any]:
    """Every measurement; returns the raw samples."""
    env = base_env(today)
    # As `pip install` does: every module has its bytecode before the first timed run (the probe's too).
    subprocess.run([sys.executable, "-m", "compileall", "-q", str(ROOT / "hamjournal"), str(PROBE)], env=env,
                   check=True, stdout=subprocess.DEVNULL)
    journals = make_journals(workdir, env)
    say = (lambda text: print(text, file=sys.stderr, flush=True)) if progress else (lambda text: None)
    startup_specs: list[tuple[str, str, tuple[str, ...], dict[str, str]]] = [
        ("bare", "bare", (), env),
        ("bare-sqla", "bare-sqla", (), env),
    ]
    for weeks, path in journals.items():
        run_env = {**env, "HAMJOURNAL_DATA_DIR": str(workdir / f"data-{weeks}w")}
        startup_specs.append((f"hamjournal-{weeks}w", "hamjournal", (str(path),), run_env))
        startup_specs.append((f"week-data-{weeks}w", "week-data", (str(path),), run_env))

    samples: dict[str, Any] = {"startup": {spec[0]: [] for spec in startup_specs}, "log": [], "sqla": []}
    say("warming up (compiling, filling the page cache)…")
    for _name, mode, args, run_env in startup_specs:
        probe(mode, run_env, *args)

    log_dir = workdir / "data-log"
    log_dir.mkdir()
    log_db = workdir / "journal-log.db"
    shutil.copyfile(journals[JOURNAL_WEEKS[-1]], log_db)
    log_env = {**env, "HAMJOURNAL_DATA_DIR": str(log_dir)}
    log_argv = [sys.executable, "-m", "hamjournal", *LOG_ARGS, "--db", str(log_db)]
    sqla_argv = [sys.executable, "-c", "import sqlalchemy.orm"]
    spawn(log_argv, log_env)  # the first write of the day also makes the daily backup: not timed
    spawn(sqla_argv, env)

    for round_ in range(repeats):
        say(f"start-up round {round_ + 1}/{repeats}")
        # Rotate the order so that no mode always runs first (or last) in a round.
        shift = round_ % len(startup_specs)
        for name, mode, args, run_env in startup_specs[shift:] + startup_specs[:shift]:
            child = probe(mode, run_env, *args)
            samples["startup"][name].append(
                {
                    "events": {k: v["t_ms"] for k, v in child.events.items()},
                    "wall": child.wall_ms,
                    "maxrss_kib": child.maxrss_kib,
                    "modules_at_paint": child.events.get("paint", {}).get("modules", {}),
                    "shows": child.events.get("data", child.events.get("paint", {})).get("shows", ""),
                }
            )
        pair = [("log", log_argv, log_env), ("sqla", sqla_argv, env)]
        for key, argv, run_env in pair if round_ % 2 == 0 else pair[::-1]:
            child = spawn(argv, run_env)
            if child.status != 0:
                raise RuntimeError(f"{' '.join(argv)} failed:\n{child.stderr}")
            samples[key].append(child.exit_ms)

    say("peak memory: one visit of every screen on the 520-week journal")
    big = JOURNAL_WEEKS[-1]
    once = probe("switch", {**env, "HAMJOURNAL_DATA_DIR": str(workdir / f"data-{big}w")}, str(journals[big]), "1")
    samples["memory_one_visit_kib"] = once.maxrss_kib

    samples["switch"] = {}
    for weeks, path in journals.items():
        say(f"screen switches on the {weeks}-week journal")
        run_env = {**env, "HAMJOURNAL_DATA_DIR": str(workdir / f"data-{weeks}w")}
        child = probe("switch", run_env, str(path), str(repeats))
        report = child.events["switches"]
        samples["switch"][f"{weeks}w"] = {
            "samples": report["samples"],
            "notes": report["notes"],
            "maxrss_kib": child.maxrss_kib,
        }
    return samples


def startup_value(samples: list[dict[str, Any]], event: str) -> tuple[float, float]:
    """(median from spawn, median in-process) of one event."""
    return median([s["wall"][event] for s in samples]), median([s["events"][event] for s in samples])


def evaluate(samples: dict[str, Any], noise_ms: float) -> list[Row]:
    """The report's rows, with ratios and PASS/FAIL against the targets."""
    rows: list[Row] = []
    start = samples["startup"]
    bare_wall, bare_in = startup_value(start["bare"], "paint")
    rows.append(Row("bare Textual app: first paint (floor)", bare_wall, "ms", bare_in))
    floor_wall, floor_in = startup_value(start["bare-sqla"], "data")
    rows.append(Row("bare app + import sqlalchemy.orm: data shown (data floor)", floor_wall, "ms", floor_in))
    weeks_data: dict[int, float] = {}
    for weeks in JOURNAL_WEEKS:
        wall, inproc = startup_value(start[f"hamjournal-{weeks}w"], "paint")
        rows.append(_ratio_row(f"hamjournal first paint, {weeks} weeks", wall, inproc, bare_wall, bare_in,
                               FIRST_PAINT_RATIO, "x bare paint"))
        heavy = sorted({m for s in start[f"hamjournal-{weeks}w"] for m, on in s["modules_at_paint"].items() if on})
        rows[-1].note = "loaded at paint: " + (", ".join(heavy) or "none of sqlalchemy/plotext/services")
    for weeks in JOURNAL_WEEKS:
        wall, inproc = startup_value(start[f"week-data-{weeks}w"], "data")
        weeks_data[weeks] = wall
        rows.append(_ratio_row(f"hamjournal week with data, {weeks} weeks", wall, inproc, floor_wall, floor_in,
                               WEEK_DATA_RATIO, "x data floor"))
        rows[-1].note = start[f"week-data-{weeks}w"][-1]["shows"]
    small, big = JOURNAL_WEEKS
    rows.append(_size_row("week with data: 520 weeks vs 4 weeks", weeks_data[big], weeks_data[small], noise_ms))

    log_ms, sqla_ms = median(samples["log"]), median(samples["sqla"])
    rows.append(Row('python -c "import sqlalchemy.orm" (log floor)', sqla_ms, "ms"))
    log_ratio = log_ms / sqla_ms
    rows.append(Row(f"hamjournal {' '.join(LOG_ARGS)} (520-week journal)", log_ms, "ms", ratio=log_ratio,
                    target=f"<= {LOG_RATIO:.2f}x", passed=log_ratio <= LOG_RATIO))

    switch = samples["switch"]
    names = list(dict.fromkeys([*switch[f"{small}w"]["samples"], *switch[f"{big}w"]["samples"]]))
    for name in names:
        little = switch[f"{small}w"]["samples"].get(name, [])
        large = switch[f"{big}w"]["samples"].get(name, [])
        first = f"first (cold) {large[0]:.0f} ms" if large else ""
        for weeks, values in ((small, little), (big, large)):
            value = median(values[1:] if len(values) > 2 else values)
            rows.append(Row(f"switch to {name}, {weeks} weeks", value, "ms", target=f"< {SWITCH_MS:.0f} ms",
                            passed=value < SWITCH_MS, note=first if weeks == big else ""))
        if little and large:
            rows.append(_size_row(f"switch to {name}: 520 vs 4 weeks", median(large[1:] or large),
                                  median(little[1:] or little), noise_ms))
    for weeks in JOURNAL_WEEKS:
        for note in switch[f"{weeks}w"]["notes"]:
            rows.append(Row(f"note ({weeks} weeks)", float("nan"), "", note=note))

    peak = samples["memory_one_visit_kib"] * 1024 / MIB
    rows.append(Row("peak memory (max RSS), 520 weeks, every screen and range once", peak, "MiB",
                    target=f"< {PEAK_MIB:.0f} MiB", passed=peak < PEAK_MIB))
    repeated = switch[f"{big}w"]["maxrss_kib"] * 1024 / MIB
    rows.append(Row(f"max RSS after the switch run (every screen {len(switch[f'{big}w']['samples']['exercises'])}x)",
                    repeated, "MiB", note="grows with each screen visit: Textual keeps strips per push/pop"))
    startup_rss = median([s["maxrss_kib"] for s in start[f"week-data-{big}w"]]) * 1024 / MIB
    rows.append(Row("max RSS at week-with-data, 520 weeks (for comparison)", startup_rss, "MiB"))
    bare_rss = median([s["maxrss_kib"] for s in start["bare"]]) * 1024 / MIB
    rows.append(Row("max RSS of the bare app at first paint (for comparison)", bare_rss, "MiB"))
    return rows


def _ratio_row(name: str, wall: float, inproc: float, floor_wall: float, floor_in: float, limit: float,
               against: str) -> Row:
    ratio, ratio_in = wall / floor_wall, inproc / floor_in
    return Row(name, wall, "ms", inproc, ratio, ratio_in, f"<= {limit:.2f}{against}",
               passed=ratio <= limit and ratio_in <= limit)


def _size_row(name: str, big: float, small: float, noise_ms: float) -> Row:
    ratio = big / small
    return Row(name, big, "ms", ratio=ratio, target=f"<= {SIZE_RATIO:.2f}x (or within {noise_ms:g} ms)",
               passed=ratio <= SIZE_RATIO or big - small <= noise_ms)


def render(rows: list[Row], meta: dict[str, Any]) -> str:
    """The table for people."""
    lines = [
        f"hamjournal benchmark · {meta['repeats']} repeats · Python {meta['python']} · textual {meta['textual']} · "
        f"{meta['cpus']} CPUs",
        f"load average before {meta['load_before']}, after {meta['load_after']} · took {meta['seconds']:.0f} s",
        "times: median wall ms from spawn (interpreter start-up included); 'in-proc' from the probe's first line",
        "",
        f"{'measurement':<62} {'value':>9} {'in-proc':>8} {'ratio':>6} {'(in)':>6}  {'target':<28} result",
    ]
    for row in rows:
        value = "" if row.value != row.value else f"{row.value:.1f} {row.unit}"
        inproc = "" if row.inproc is None else f"{row.inproc:.1f}"
        ratio = "" if row.ratio is None else f"{row.ratio:.2f}x"
        ratio_in = "" if row.ratio_inproc is None else f"{row.ratio_inproc:.2f}x"
        result = "" if row.passed is None else ("PASS" if row.passed else "FAIL")
        lines.append(f"{row.name:<62} {value:>9} {inproc:>8} {ratio:>6} {ratio_in:>6}  {row.target:<28} {result}")
        if row.note:
            lines.append(f"{'':<4}{row.note}")
    checks = [r for r in rows if r.passed is not None]
    failed = [r.name for r in checks if not r.passed]
    lines.append("")
    lines.append(f"{len(checks) - len(failed)}/{len(checks)} targets met" + (f"; FAIL: {'; '.join(failed)}"
                                                                         if failed else ""))
    return "\n".join(lines)


def textual_version() -> str:
    """The textual version installed for the children (read without importing textual here)."""
    from importlib.metadata import version

    return version("textual")


def main(argv: list[str] | None = None) -> int:
    """Run everything, print the table (or JSON)."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--repeats", type=int, default=7, help="runs per start-up measurement and per switch")
    parser.add_argument("--json", action="store_true", help="print JSON (rows, samples, meta) instead of the table")
    parser.add_argument("--today", default=DEFAULT_TODAY, help=f"HAMJOURNAL_TODAY for every run ({DEFAULT_TODAY})")
    parser.add_argument("--noise-ms", type=float, default=2.0,
                        help="520-vs-4-week comparisons also pass within this many ms (default 2)")
    parser.add_argument("--keep", action="store_true", help="keep the temporary journals and print where")
    args = parser.parse_args(argv)
    if args.repeats < 1:
        parser.error("--repeats must be at least 1")
    began = time.perf_counter()
    load_before = ", ".join(f"{x:.2f}" for x in os.getloadavg())
    workdir = Path(tempfile.mkdtemp(prefix="hamjournal-bench-"))
    try:
        samples = measure(args.repeats, args.today, workdir, progress=not args.json)
    finally:
        if args.keep:
            print(f"journals kept in {workdir}", file=sys.stderr)
        else:
            shutil.rmtree(workdir, ignore_errors=True)
    meta = {
        "repeats": args.repeats,
        "python": platform.python_version(),
        "textual": textual_version(),
        "cpus": os.cpu_count(),
        "load_before": load_before,
        "load_after": ", ".join(f"{x:.2f}" for x in os.getloadavg()),
        "seconds": time.perf_counter() - began,
        "today": args.today,
    }
    rows = evaluate(samples, args.noise_ms)
    if args.json:
        print(json.dumps({"meta": meta, "rows": [asdict(r) for r in rows], "samples": samples}, indent=1,
                         default=lambda x: None))
    else:
        print(render(rows, meta))
    return 0 if all(r.passed is not False for r in rows) else 1


if __name__ == "__main__":
    sys.exit(main())
