"""A fuzz of hostile input, run in one process against a real journal file, with its figures printed.

    .venv/bin/python benchmarks/fuzz_hostile.py [--commands 3000] [--imports 1000] [--seed 16]

Each command line (log, pain, run, week, plan, report, advice, exercises, export, athletes, copy, unknown
words) is built from hostile values: loose and huge numbers, dates outside the journal's range, control
characters, lone surrogates, long text, malformed database URLs. Each import is the test fixture's Journal JSON
with values replaced by hostile ones, written as raw text (numbers such as 1e-400 or 5,000 digits reach the
parser as written), sometimes nested thousands deep. For every run it checks what issue 16 asks:

- the exit status is 0 or 2 (1 only for a --db pointing somewhere else, which is that file's problem);
- a refusal (2) is exactly one line on stderr, with no raw control character, and the journal file is byte for
  byte as it was;
- after an accepted write, `plan --json`, `export --format ics` and `week` still succeed.

Not a test (it takes minutes): tests/safety/test_property.py is the bounded, derandomized version.
"""

from __future__ import annotations

import argparse
import collections
import contextlib
import hashlib
import io
import json
import os
import random
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

CONTROLS = ["\x1b[2J", "\x1b]52;c;eA==\x07", "\x9b31m", "\u202e", "\r", "\n", "\udcff", "\x07", "\x7f"]
NUMBERS = [
    "4.9999999999999999",
    "1e-400",
    "1e-320",
    "1e309",
    "-0",
    "0.5",
    "nan",
    "inf",
    "1_0",
    "0x10",
    "٣",
    "1" * 5000,
    "7",
    "3",
    "40",
    "8.5",
    "-1",
    "11",
    "10",
    "0",
    "99999999999999999999",
    ".5",
    "5.",
]
DATES = [
    "0001-01-01",
    "9999-12-31",
    "1899-12-31",
    "2200-01-01",
    "2026-11-25",
    "2026-11-24",
    "20261125",
    "2026-W48-3",
    "2026-02-30",
    "2027-01-01",
    "1900-01-01",
    "2199-12-31",
]
URLS = [
    "postgresql+psycopg://u:hunter2@db:port/x",
    "postgresql://u:hun@ter2@db/x",
    "postgresql://db/x?password=hunter2",
    "postgresql://u:hunter2@db:99999/x",
    "nosuch://x",
]


def text(rng: random.Random) -> str:
    """Short text, often holding a control character or a lone surrogate."""
    pieces = [rng.choice(["", "felt", "Ω", "a b", "[bold]", "[/]", "x" * rng.randint(0, 40)])]
    if rng.random() < 0.6:
        pieces.append(rng.choice(CONTROLS))
    pieces.append(rng.choice(["", "ok", "ü"]))
    return "".join(pieces)


def value(rng: random.Random) -> str:
    return rng.choice([rng.choice(NUMBERS), rng.choice(DATES), text(rng), str(rng.randint(-5, 2000))])


def option(rng: random.Random, name: str, pick) -> list[str]:  # type: ignore[no-untyped-def]
    return [f"--{name}={pick(rng)}"] if rng.random() < 0.5 else []


def command(rng: random.Random) -> list[str]:
    kind = rng.choice(
        [
            "pain",
            "run",
            "log",
            "week",
            "plan",
            "report",
            "advice",
            "exercises",
            "export",
            "athletes",
            "copy",
            "words",
            "athlete",
        ]
    )
    if kind == "pain":
        return [
            "pain",
            *option(rng, "stiffness", value),
            *option(rng, "date", lambda r: r.choice(DATES)),
            *option(rng, "sleep", lambda r: r.choice(NUMBERS)),
            *option(rng, "note", text),
            "--",
            value(rng),
        ]
    if kind == "run":
        return [
            "run",
            *option(rng, "km", lambda r: r.choice(NUMBERS)),
            *option(rng, "kind", text),
            *option(rng, "date", lambda r: r.choice(DATES)),
            "--",
            value(rng),
        ]
    if kind == "log":
        return [
            "log",
            *option(rng, "rpe", value),
            *option(rng, "load-kg", lambda r: r.choice(NUMBERS)),
            *option(rng, "note", text),
            "--",
            rng.choice(["nordic", "bridge", text(rng)]),
            rng.choice(["3x6", "12/10/8", "3x30s", value(rng)]),
        ]
    if kind == "week":
        return ["week", *option(rng, "date", lambda r: r.choice(DATES)), *(["--json"] if rng.random() < 0.3 else [])]
    if kind in ("plan", "report"):
        return [kind, *option(rng, "weeks", value)]
    if kind == "advice":
        return ["advice", *(["--json"] if rng.random() < 0.5 else [])]
    if kind == "exercises":
        return ["exercises", "--", rng.choice(["nordic", text(rng)])]
    if kind == "export":
        return ["export", *option(rng, "format", lambda r: r.choice(["json", "csv", "ics", text(r)]))]
    if kind == "athletes":
        return ["athletes", "rename", "--", text(rng) or "x", text(rng) or "y"]
    if kind == "copy":
        return ["copy", "--to", rng.choice(URLS)]
    if kind == "athlete":
        return [
            "--athlete",
            text(rng) or "nobody",
            rng.choice(["week", "pain", "export"]),
            *(["1"] if rng.random() < 0.5 else []),
        ]
    return [text(rng) for _ in range(rng.randint(0, 3))]


def journal_text(rng: random.Random, fixture: dict) -> str:  # type: ignore[type-arg]
    data = json.loads(json.dumps(fixture))
    numbers: dict[str, str] = {}
    for _ in range(rng.randint(1, 4)):
        section = rng.choice(["sessions", "symptoms", "runs", "assessments"])
        if not data.get(section):
            continue
        record = rng.choice(data[section])
        key = rng.choice(sorted(record))
        if rng.random() < 0.5:
            marker = f"@@n{len(numbers)}@@"
            numbers[marker] = rng.choice(["1e-400", "1e400", "4.9999999999999999", "9" * 5000, "-0", "0.1", "12"])
            record[key] = marker
        else:
            record[key] = rng.choice([text(rng), rng.choice(DATES)])
    if rng.random() < 0.3:
        data.setdefault("profile", {}).setdefault("races", []).append(
            {"date": rng.choice(DATES), "name": text(rng), "distance_km": 10, "priority": "A"}
        )
    raw = json.dumps(data, ensure_ascii=False)
    for marker, number in numbers.items():
        raw = raw.replace(f'"{marker}"', number)
    if rng.random() < 0.1:
        depth = rng.choice([20, 5000])
        raw = raw[:-1] + ', "deep": ' + "[" * depth + "]" * depth + "}"
    return raw


def digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest() if path.exists() else ""


def opens_the_app(argv: list[str]) -> bool:
    """True for a command line that would start the app (no command, or demo): not fuzzed in a test process."""
    from hamjournal import cli

    try:
        with contextlib.redirect_stdout(io.StringIO()), contextlib.redirect_stderr(io.StringIO()):
            args = cli._parse(argv)
    except (SystemExit, Exception):
        return False
    return (args.command or "") in ("", "demo")


def call(argv: list[str]) -> tuple[int, str, str]:
    from hamjournal.cli import main

    out, err = io.StringIO(), io.StringIO()
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
        status = main(argv)
    return status, out.getvalue(), err.getvalue()


def run(commands: int, imports: int, seed: int) -> dict[str, object]:
    rng = random.Random(seed)
    folder = Path(tempfile.mkdtemp(prefix="hamjournal-fuzz-"))
    journal = folder / "journal.db"
    os.environ.update(
        {"HAMJOURNAL_DATA_DIR": str(folder / "data"), "HAMJOURNAL_DB": str(journal), "HAMJOURNAL_TODAY": "2026-11-25"}
    )
    os.environ.pop("HAMJOURNAL_ATHLETE", None)
    assert call(["pain", "1", "--note", "start"])[0] == 0
    fixture = json.loads((ROOT / "tests" / "data" / "journal-v1.json").read_text(encoding="utf-8"))
    figures: dict[str, collections.Counter[str]] = {"commands": collections.Counter(), "imports": collections.Counter()}
    problems: list[str] = []
    started = time.perf_counter()
    jobs = [("commands", i) for i in range(commands)] + [("imports", i) for i in range(imports)]
    rng.shuffle(jobs)
    for what, number in jobs:
        if what == "commands":
            argv = command(rng)
            while opens_the_app(argv):
                argv = command(rng)
        else:
            source = folder / f"import-{number}.json"
            source.write_text(journal_text(rng, fixture), encoding="utf-8", errors="surrogatepass")
            argv = ["import", str(source)]
        before = digest(journal)
        status, out, err = call(argv)
        tally = figures[what]
        tally[f"exit {status}"] += 1
        # A well-formed URL of a server that is not there is that server's problem (exit 1), not bad input.
        unreachable = status == 1 and "could not" in err and any("://" in arg for arg in argv)
        if unreachable:
            tally["unreachable server (exit 1), a well-formed URL"] += 1
        elif status not in (0, 2):
            problems.append(f"exit {status}: {argv!r}: {err.strip()[:200]}")
        if status == 2:
            tally["refusals in one line" if len(err.splitlines()) == 1 else "refusals NOT in one line"] += 1
            tally[
                "refusals, journal unchanged" if digest(journal) == before else "refusals that CHANGED the journal"
            ] += 1
            if any(c in err for c in ("\x1b", "\x9b", "\x07", "\u202e")):
                tally["refusals with a raw control character"] += 1
                problems.append(f"raw control character in {err!r}")
        if status == 0 and any(c in out for c in ("\x1b", "\x9b", "\u202e")) and argv[:1] != ["export"]:
            tally["outputs with a raw control character"] += 1
            problems.append(f"raw control character in the output of {argv!r}")
        if status == 0 and argv[:1] in (["pain"], ["run"], ["log"], ["import"]):
            tally["accepted writes"] += 1
            for later in (["plan", "--json"], ["export", "--format", "ics"], ["week"]):
                later_status, _, later_err = call(later)
                if later_status != 0:
                    tally["later commands broken"] += 1
                    problems.append(f"after {argv!r}: {later!r} exited {later_status}: {later_err.strip()[:200]}")
        if what == "imports":
            source.unlink()
    return {"seconds": round(time.perf_counter() - started, 1), "figures": figures, "problems": problems}


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--commands", type=int, default=3000)
    parser.add_argument("--imports", type=int, default=1000)
    parser.add_argument("--seed", type=int, default=16)
    args = parser.parse_args()
    result = run(args.commands, args.imports, args.seed)
    for what, tally in result["figures"].items():  # type: ignore[attr-defined]
        print(f"{what}: {sum(v for k, v in tally.items() if k.startswith('exit '))} runs")
        for key in sorted(tally):
            print(f"  {key}: {tally[key]}")
    problems = result["problems"]
    print(f"{len(problems)} problems in {result['seconds']} s")  # type: ignore[arg-type]
    for line in problems[:30]:  # type: ignore[index]
        print("  " + line.encode("unicode_escape").decode("ascii"))
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
