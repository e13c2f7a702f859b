"""Crashes: processes killed with SIGKILL at random points never corrupt the journal or lose a confirmed entry.

A command prints its confirmation line only after the commit, so "confirmed" must mean "in the file". The
figures of each run (runs, kills, writes checked) are printed; see them with `pytest -s`.
"""

from __future__ import annotations

import contextlib
import random
import signal
import sqlite3
import statistics
import subprocess
import sys
import time
from dataclasses import dataclass, field
from pathlib import Path

import pytest

from hamjournal.store import engine
from hamjournal.store.repo import Store
from tests.safety.conftest import integrity, notes

# Each loop runs for its budget and then on until it has enough results to prove something (a loaded
# machine slows the processes down), but never past its hard limit.
CLI_BUDGET_S, CLI_LIMIT_S, CLI_MIN_CONFIRMED, CLI_MIN_KILLS = 5.0, 20.0, 6, 10
WRITER_BUDGET_S, WRITER_LIMIT_S, WRITER_MIN_CONFIRMED, WRITER_MIN_RUNS = 2.5, 12.0, 50, 6
FRESH_BUDGET_S = 2.5
PARALLEL = 2  # the machine has two cores; two at once also makes the killed writers compete for the lock

# kind -> (arguments before the note, table the entry lands in, start of the confirmation line)
COMMANDS: dict[str, tuple[list[str], str, str]] = {
    "log": (["log", "nordic", "3x6", "--rpe", "7"], "sessions", "Logged Nordic"),
    "pain": (["pain", "2", "--stiffness", "3"], "symptoms", "Checked in"),
    "run": (["run", "40", "--km", "8"], "runs", "Logged easy run"),
}

# Holds a JournalService, as the app does, and saves entries in a loop, printing each id after its commit.
WRITER = """
import sys
from hamjournal.services import JournalService
service = JournalService.open(sys.argv[1])
tag = sys.argv[2]
n = 0
while True:
    n += 1
    note = f"{tag}-{n}"
    if n % 3 == 0:
        service.log_session("bridge", "3x10", note=note)
    elif n % 3 == 1:
        service.check_in(n % 10, note=note)
    else:
        service.log_run(30, note=note)
    print(note, flush=True)
"""


@dataclass
class Tally:
    """What happened to the processes started."""

    runs: int = 0
    kills: int = 0
    finished: int = 0
    confirmed: dict[str, str] = field(default_factory=dict)  # note -> table
    started: set[str] = field(default_factory=set)


def _stop(process: subprocess.Popen[str], tally: Tally) -> str:
    if process.poll() is None:
        process.send_signal(signal.SIGKILL)
        tally.kills += 1
    else:
        tally.finished += 1
    process.wait(timeout=30)
    # read(), not communicate(): communicate would skip what an earlier readline() already buffered.
    out = process.stdout.read() if process.stdout else ""
    if process.stdout:
        process.stdout.close()
    return out


def _check(path: Path, tally: Tally, tables: tuple[str, ...] = ("sessions", "symptoms", "runs")) -> int:
    """The file is intact, every confirmed entry is there once, nothing appeared that was never asked for."""
    assert integrity(path) == "ok"
    found: dict[str, list[str]] = {table: notes(path, table) for table in tables}
    for note, table in tally.confirmed.items():
        assert found[table].count(note) == 1, f"confirmed entry {note} is missing from {table}"
    everything = [note for table in tables for note in found[table]]
    assert len(everything) == len(set(everything)), "an entry was saved twice"
    assert set(everything) - {"before the test"} <= tally.started
    with contextlib.closing(sqlite3.connect(path)) as conn:
        orphans = conn.execute(
            "SELECT count(*) FROM sessions WHERE id NOT IN (SELECT session_id FROM session_sets)"
        ).fetchone()[0]
    assert orphans == 0, "a session was saved without its sets (a half-written entry)"
    # And the journal still opens the normal way.
    Store.open(str(path), create=False).close()
    return len(tally.confirmed)


def test_cli_commands_killed_at_random_points(journal: Path, env: dict[str, str]) -> None:
    rng = random.Random(20261125)
    # How long a whole command takes here: kills are spread over that time, so they land during the import,
    # the open, the transaction and the commit alike.
    # Measured two at a time, as the loop runs them.
    start = time.monotonic()
    calibration = [
        subprocess.Popen(
            [sys.executable, "-m", "hamjournal", "pain", "0", "--note", f"calibration-{n}"],
            env=env,
            stdout=subprocess.DEVNULL,
        )
        for n in range(PARALLEL)
    ]
    assert [process.wait(timeout=60) for process in calibration] == [0] * PARALLEL
    durations = [time.monotonic() - start]
    tally = Tally(
        started={f"calibration-{n}" for n in range(PARALLEL)},
        confirmed={f"calibration-{n}": "symptoms" for n in range(PARALLEL)},
    )
    running: list[tuple[subprocess.Popen[str], float, float, str, str]] = []
    began = time.monotonic()

    def more() -> bool:
        elapsed = time.monotonic() - began
        enough = len(tally.confirmed) > CLI_MIN_CONFIRMED and tally.kills >= CLI_MIN_KILLS
        return elapsed < CLI_LIMIT_S and (elapsed < CLI_BUDGET_S or not enough)

    number = 0
    while more() or running:
        while len(running) < PARALLEL and more():
            number += 1
            kind = rng.choice(list(COMMANDS))
            args, table, confirmation = COMMANDS[kind]
            note = f"crash-{number}"
            process = subprocess.Popen(
                [sys.executable, "-m", "hamjournal", *args, "--note", note],
                env=env,
                stdout=subprocess.PIPE,
                stderr=subprocess.DEVNULL,
                text=True,
            )
            tally.runs += 1
            tally.started.add(note)
            # Half the kills land anywhere in a typical run, half late in it or after: those mostly find the
            # confirmation printed, and a machine slowed by other work still gets both kinds.
            full = statistics.median(durations[-9:])  # follows the machine's load as it changes
            late = rng.random() < 0.5
            delay = rng.uniform(0.9 * full, 2.0 * full) if late else rng.uniform(0.2 * full, 0.9 * full)
            running.append((process, time.monotonic(), delay, note, table))
        time.sleep(0.005)
        for item in [r for r in running if r[0].poll() is not None or time.monotonic() >= r[1] + r[2]]:
            process, began_at, _, note, table = item
            running.remove(item)
            if process.poll() is not None:
                durations.append(time.monotonic() - began_at)
            out = _stop(process, tally)
            confirmation = next(c for a, t, c in COMMANDS.values() if t == table)
            if out.startswith(confirmation):
                tally.confirmed[note] = table
    checked = _check(journal, tally)
    print(f"\nCLI crash test: {tally.runs} runs, {tally.kills} killed, {tally.finished} finished, {checked} checked")
    assert tally.kills >= CLI_MIN_KILLS, "too few kills landed while a command ran: the test proved little"
    assert checked > CLI_MIN_CONFIRMED


def test_a_process_holding_the_journal_killed_while_writing(journal: Path, env: dict[str, str]) -> None:
    rng = random.Random(7)
    tally = Tally()
    began = time.monotonic()
    number = 0
    while time.monotonic() - began < WRITER_LIMIT_S and (
        time.monotonic() - began < WRITER_BUDGET_S
        or len(tally.confirmed) < WRITER_MIN_CONFIRMED
        or tally.runs < WRITER_MIN_RUNS
    ):
        writers = []
        for _ in range(PARALLEL):
            number += 1
            tag = f"writer{number}"
            process = subprocess.Popen(
                [sys.executable, "-c", WRITER, str(journal), tag],
                env=env,
                stdout=subprocess.PIPE,
                stderr=subprocess.DEVNULL,
                text=True,
            )
            tally.runs += 1
            writers.append((process, tag))
        # Kill once the writers are saving (their first line), however long their start took here.
        first = [process.stdout.readline() for process, _ in writers]  # type: ignore[union-attr]
        time.sleep(rng.uniform(0.05, 0.5))
        for (process, tag), line in zip(writers, first, strict=True):
            out = line + _stop(process, tally)
            saved = out.splitlines()
            # The last line may be cut short by the kill; a cut line names no entry.
            for line in saved:
                if line.startswith(f"{tag}-") and line.removeprefix(f"{tag}-").isdigit():
                    n = int(line.removeprefix(f"{tag}-"))
                    tally.confirmed[line] = ("sessions", "symptoms", "runs")[n % 3]
            tally.started.update(f"{tag}-{n}" for n in range(1, len(saved) + 3))
    checked = _check(journal, tally)
    print(f"\nWriter crash test: {tally.runs} runs, {tally.kills} killed, {checked} confirmed writes checked")
    assert tally.kills == tally.runs >= WRITER_MIN_RUNS
    assert checked >= WRITER_MIN_CONFIRMED


def test_killed_while_creating_a_new_journal(tmp_path: Path, env: dict[str, str]) -> None:
    """A first start killed at any point leaves no file, an empty one, or a journal: never a refused file."""
    rng = random.Random(3)
    kills = runs = 0
    deadline = time.monotonic() + FRESH_BUDGET_S
    while time.monotonic() < deadline:
        runs += 1
        path = tmp_path / f"fresh-{runs}.db"
        process = subprocess.Popen(
            [sys.executable, "-m", "hamjournal", "pain", "1", "--db", str(path)],
            env=env,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        time.sleep(rng.uniform(0.2, 0.6))
        if process.poll() is None:
            process.send_signal(signal.SIGKILL)
            kills += 1
        process.wait()
        # The next start must just work on whatever the killed one left.
        Store.open(str(path)).close()
    print(f"\nFirst-start crash test: {runs} runs, {kills} killed, every file reopened")
    assert kills >= 3


def test_creating_a_journal_is_one_transaction(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """The deterministic twin of the test above: a crash after the tables, before the version is written."""
    path = tmp_path / "new.db"

    def crash(*_args: object) -> None:
        raise KeyboardInterrupt  # stands in for the process dying here

    with monkeypatch.context() as patched:
        patched.setattr(engine, "_set_version", crash)
        with pytest.raises(KeyboardInterrupt):
            Store.open(str(path))
    store = Store.open(str(path))  # would be refused as "not a hamjournal journal" if the DDL had stayed
    store.close()
    with contextlib.closing(sqlite3.connect(path)) as conn:
        assert conn.execute("PRAGMA user_version").fetchone()[0] == 1
