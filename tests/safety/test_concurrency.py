"""Two writers and the CLI on one journal at once: no write lost, a busy journal is a message, not a crash."""

from __future__ import annotations

import datetime as dt
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

from hamjournal.domain.models import SymptomLog
from hamjournal.store import engine
from hamjournal.store.errors import JournalBusy
from hamjournal.store.repo import Store
from tests.safety.conftest import dump, hamjournal, integrity, notes

WRITES_EACH = 40
CLI_COMMANDS = 4
# The writers wait for each other as long as it takes: on a loaded machine the default 5 s (twice) could run out
# and turn a slow turn into "busy". Giving up on a held lock is tested below, with a lock that is never let go.
PATIENT = {engine.ENV_BUSY_TIMEOUT: "120000"}

# A second program holding the journal open (as the app does) and saving entries one after another.
WRITER = """
import sys
from hamjournal.services import JournalService
service = JournalService.open(sys.argv[1])
for n in range(int(sys.argv[3])):
    service.check_in(n % 10, note=f"{sys.argv[2]}-{n}")
service.close()
"""


def test_two_writers_and_the_cli_lose_no_write(journal: Path, env: dict[str, str]) -> None:
    processes = [
        subprocess.Popen(
            [sys.executable, "-c", WRITER, str(journal), tag, str(WRITES_EACH)],
            env=env | PATIENT,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
        )
        for tag in ("a", "b")
    ]
    processes += [
        subprocess.Popen(
            [sys.executable, "-m", "hamjournal", "pain", "3", "--note", f"cli-{n}"],
            env=env | PATIENT,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
        )
        for n in range(CLI_COMMANDS)
    ]
    for process in processes:
        _out, err = process.communicate(timeout=300)  # only stops a hung test
        assert process.returncode == 0, err
    saved = notes(journal, "symptoms")
    expected = {f"{tag}-{n}" for tag in ("a", "b") for n in range(WRITES_EACH)} | {
        f"cli-{n}" for n in range(CLI_COMMANDS)
    }
    assert sorted(saved) == sorted(expected | {"before the test"})
    assert integrity(journal) == "ok"


def test_a_lock_held_too_long_is_a_busy_message(journal: Path, env: dict[str, str]) -> None:
    before = dump(journal)
    holder = sqlite3.connect(journal, isolation_level=None)
    try:
        holder.execute("BEGIN IMMEDIATE")
        holder.execute("UPDATE symptoms SET note = 'held'")
        done = hamjournal("pain", "2", env=env | {engine.ENV_BUSY_TIMEOUT: "200"})
    finally:
        holder.execute("ROLLBACK")
        holder.close()
    assert done.returncode == 1
    assert done.stdout == ""
    assert done.stderr.splitlines() == [done.stderr.strip()], "one line on stderr"
    assert f"{journal} is busy" in done.stderr
    assert "try again" in done.stderr
    assert "Traceback" not in done.stderr
    assert dump(journal) == before


def test_a_busy_journal_is_retried_once(journal: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Another writer holds the lock past the first wait and lets go before the second: the retry saves the entry.

    The lock is let go at the moment the first wait is found busy, not after a guessed delay, so a slow machine
    cannot make the first wait succeed or the second one fail.
    """
    monkeypatch.setenv(engine.ENV_BUSY_TIMEOUT, "100")
    store = Store.open(str(journal))
    holder = sqlite3.connect(journal, isolation_level=None)
    holder.execute("BEGIN IMMEDIATE")
    refused: list[BaseException] = []
    is_busy = engine.is_busy

    def busy_then_released(error: BaseException) -> bool:
        if is_busy(error) and not refused:
            refused.append(error)
            holder.execute("COMMIT")  # the other writer finishes while this one would wait again
        return is_busy(error)

    monkeypatch.setattr(engine, "is_busy", busy_then_released)
    try:
        store.add_symptom(SymptomLog(date=dt.date(2026, 11, 25), pain=4, note="after retry"))
    finally:
        if holder.in_transaction:
            holder.execute("ROLLBACK")
        holder.close()
        store.close()
    assert len(refused) == 1, "the first wait did not run into the held lock"
    assert "after retry" in notes(journal, "symptoms")


def test_busy_twice_gives_up_with_journal_busy(journal: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv(engine.ENV_BUSY_TIMEOUT, "100")
    store = Store.open(str(journal))
    holder = sqlite3.connect(journal, isolation_level=None)
    holder.execute("BEGIN IMMEDIATE")
    try:
        with pytest.raises(JournalBusy, match="is busy"):
            store.add_symptom(SymptomLog(date=dt.date(2026, 11, 25), pain=4))
    finally:
        holder.execute("ROLLBACK")
        holder.close()
        store.close()


def test_the_default_busy_timeout_is_five_seconds(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv(engine.ENV_BUSY_TIMEOUT, raising=False)
    assert engine.busy_timeout_ms() == 5000
    monkeypatch.setenv(engine.ENV_BUSY_TIMEOUT, "not a number")
    assert engine.busy_timeout_ms() == 5000
