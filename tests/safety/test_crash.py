"""Crashes: processes killed with SIGKILL at every write step never corrupt the journal or lose a confirmed entry.

The kills land where the test chooses, not after a guessed delay: a process started with
engine.ENV_CRASH_AT_STEP=N kills itself at its Nth write step (before each statement, before each commit, when
each transaction has ended, and at each step of the daily backup). Each command is killed at step 1, 2, 3, ...
until it runs to the end, so every point between two steps is hit once, whatever the machine's speed or load.
The processes are forked from one runner that has imported hamjournal (crash_runner.py): a kill costs a fork.
A command prints its confirmation line only after the commit, so "confirmed" must mean "in the file". The
figures of each run (runs, kills, writes checked) are printed; see them with `pytest -s`.
"""

from __future__ import annotations

import contextlib
import json
import signal
import sqlite3
import subprocess
import sys
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pytest

from hamjournal.config import BACKUP_DIR
from hamjournal.store import engine
from hamjournal.store.backup import PARTIAL_SUFFIX, check_backup_file
from hamjournal.store.repo import Store
from hamjournal.store.schema import SCHEMA_VERSION
from tests.safety.conftest import integrity, notes

# A command has a few dozen steps; more than this means the kill never came (the hook is broken).
MAX_STEPS = 200
# Writers are killed in pairs, one at step N and one at step N + WRITER_ROUNDS, so the steps 1 to 2 * WRITER_ROUNDS
# are each hit once: the open and the first writes of every kind (about 13 steps to open, 4 to 5 per write).
WRITER_ROUNDS = 20
KILLED = -signal.SIGKILL
# Waiting for a writer that is being killed must never turn into "busy" on a loaded machine: the tests are
# about crashes, not about how long a lock may be held.
PATIENT = {engine.ENV_BUSY_TIMEOUT: "120000"}
RUN_TIMEOUT_S = 120  # only stops a hung test; nothing depends on it

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
# Entries back to back, as fast as they go: the re-plan each write makes is its own transaction, killed at every
# step by the CLI test; here the kills land between and inside the entries' own writes.
service.auto_replan = False
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
    confirmed: dict[str, str] = field(default_factory=dict)  # note -> table
    started: set[str] = field(default_factory=set)
    saved_unconfirmed: int = 0  # killed after the commit, before the confirmation line
    lost_unconfirmed: int = 0  # killed before the commit: the entry must not be there


class Runner:
    """Talks to tests/safety/crash_runner.py: each job runs in a process killed at the job's step."""

    def __init__(self, env: dict[str, str]) -> None:
        self.process = subprocess.Popen(
            [sys.executable, "-m", "tests.safety.crash_runner"],
            env=env | PATIENT,
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            text=True,
        )

    def run(self, *jobs: dict[str, Any]) -> list[dict[str, Any]]:
        """Start every job at once; returns each one's returncode, stdout and stderr when all have ended."""
        assert self.process.stdin is not None and self.process.stdout is not None
        self.process.stdin.write(json.dumps(list(jobs)) + "\n")
        self.process.stdin.flush()
        answer = self.process.stdout.readline()
        assert answer, "the crash runner died"
        return json.loads(answer)

    def close(self) -> None:
        """Let the runner end (its stdin closes) and wait for it."""
        if self.process.stdin is not None:
            self.process.stdin.close()
        self.process.wait(timeout=RUN_TIMEOUT_S)
        if self.process.stdout is not None:
            self.process.stdout.close()


@pytest.fixture
def runner(env: dict[str, str]) -> Iterator[Runner]:
    started = Runner(env)
    try:
        yield started
    finally:
        started.close()


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


def _check_backups(folder: Path) -> None:
    """A killed backup leaves at most a hidden partial copy: every file under a backup's name is whole.
    Then all of them go, so the next command makes (and can be killed in) today's backup again."""
    if not folder.exists():
        return
    for path in folder.glob("daily-*.db"):
        check_backup_file(path)
        path.unlink()
    for path in folder.glob(f".*{PARTIAL_SUFFIX}"):
        path.unlink()


def test_cli_commands_killed_at_every_step(journal: Path, runner: Runner, data_dir: Path) -> None:
    tally = Tally()
    steps: dict[str, int] = {}
    for kind, (args, table, confirmation) in COMMANDS.items():
        for step in range(1, MAX_STEPS + 1):
            note = f"{kind}-{step}"
            tally.runs += 1
            tally.started.add(note)
            [done] = runner.run({"cli": [*args, "--note", note], "step": step})
            if done["stdout"].startswith(confirmation):
                tally.confirmed[note] = table
            elif note in notes(journal, table):
                tally.saved_unconfirmed += 1
            else:
                tally.lost_unconfirmed += 1
            _check_backups(data_dir / BACKUP_DIR)
            if done["returncode"] != KILLED:
                # The command got past its last step: every earlier point has had its kill.
                assert done["returncode"] == 0, done["stderr"]
                assert note in tally.confirmed, done["stdout"]
                steps[kind] = step
                break
            tally.kills += 1
        else:
            pytest.fail(f"`hamjournal {kind}` was never killed at step {MAX_STEPS}: the crash hook is not working")
    checked = _check(journal, tally)
    print(
        f"\nCLI crash test: {tally.runs} runs, {tally.kills} killed (steps per command: {steps}), "
        f"{checked} confirmed and checked, {tally.saved_unconfirmed} saved but killed before confirming, "
        f"{tally.lost_unconfirmed} killed before the commit"
    )
    # The kills fell on both sides of each commit: before it (the entry was not kept) and after it (kept,
    # although its confirmation never came).
    assert tally.lost_unconfirmed >= len(COMMANDS)
    assert tally.saved_unconfirmed >= len(COMMANDS)


def test_a_process_holding_the_journal_killed_while_writing(journal: Path, runner: Runner) -> None:
    tally = Tally()
    for round_ in range(1, WRITER_ROUNDS + 1):
        # Two writers at once, killed at different steps: they also compete for the lock.
        tags = {step: f"writer{step}" for step in (round_, round_ + WRITER_ROUNDS)}
        results = runner.run(*({"script": WRITER, "args": [str(journal), tag], "step": s} for s, tag in tags.items()))
        tally.runs += len(results)
        for tag, done in zip(tags.values(), results, strict=True):
            assert done["returncode"] == KILLED, done["stderr"]  # it writes for ever: only the kill ends it
            tally.kills += 1
            saved = done["stdout"].splitlines()
            # The last line may be cut short by the kill; a cut line names no entry.
            for line in saved:
                if line.startswith(f"{tag}-") and line.removeprefix(f"{tag}-").isdigit():
                    n = int(line.removeprefix(f"{tag}-"))
                    tally.confirmed[line] = ("sessions", "symptoms", "runs")[n % 3]
            tally.started.update(f"{tag}-{n}" for n in range(1, len(saved) + 3))
    checked = _check(journal, tally)
    print(f"\nWriter crash test: {tally.runs} runs, {tally.kills} killed, {checked} confirmed writes checked")
    assert tally.kills == tally.runs == 2 * WRITER_ROUNDS
    # The later kills came after writes of every kind had been confirmed.
    assert set(tally.confirmed.values()) == {"sessions", "symptoms", "runs"}


def test_killed_while_creating_a_new_journal(tmp_path: Path, runner: Runner) -> None:
    """A first start killed at any step leaves no file, an empty one, or a journal: never a refused file."""
    kills = 0
    for step in range(1, MAX_STEPS + 1):
        path = tmp_path / f"fresh-{step}.db"
        [done] = runner.run({"cli": ["pain", "1", "--db", str(path)], "step": step})
        # The next start must just work on whatever the killed one left.
        Store.open(str(path)).close()
        if done["returncode"] != KILLED:
            assert done["returncode"] == 0, done["stderr"]
            break
        kills += 1
    else:
        pytest.fail(f"the first start was never killed at step {MAX_STEPS}: the crash hook is not working")
    print(f"\nFirst-start crash test: {kills} killed (one at each step), every file reopened")
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
        assert conn.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION
