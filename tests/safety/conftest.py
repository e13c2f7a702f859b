"""Safety tests: crashes, concurrency, bad files, backups, bad input, privacy. Every path is in tmp_path."""

from __future__ import annotations

import contextlib
import hashlib
import os
import sqlite3
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

from hamjournal.store.repo import Store

REPO_ROOT = Path(__file__).resolve().parents[2]
TODAY = "2026-11-25"


@pytest.fixture
def data_dir(tmp_path: Path) -> Path:
    return tmp_path / "data"


@pytest.fixture
def db(tmp_path: Path) -> Path:
    return tmp_path / "journal.db"


@pytest.fixture
def env(tmp_path: Path, data_dir: Path, db: Path) -> dict[str, str]:
    """The environment of a hamjournal subprocess: isolated paths, pinned today, the repo importable."""
    base = {k: v for k, v in os.environ.items() if not k.startswith(("HAMJOURNAL_", "_HAMJOURNAL_"))}
    base.update(
        {
            "HAMJOURNAL_DATA_DIR": str(data_dir),
            "HAMJOURNAL_DB": str(db),
            "HAMJOURNAL_TODAY": TODAY,
            "PYTHONPATH": str(REPO_ROOT),
            "PYTHONUNBUFFERED": "1",  # a confirmation line is on the pipe the moment it is printed
            "HOME": str(tmp_path / "home"),
            "NO_COLOR": "1",
        }
    )
    return base


@pytest.fixture
def in_process_env(env: dict[str, str], monkeypatch: pytest.MonkeyPatch) -> dict[str, str]:
    """The same environment for `hamjournal.cli.main` called in this process."""
    for key in [k for k in os.environ if k.startswith(("HAMJOURNAL_", "_HAMJOURNAL_"))]:
        monkeypatch.delenv(key)
    for key in ("HAMJOURNAL_DATA_DIR", "HAMJOURNAL_DB", "HAMJOURNAL_TODAY"):
        monkeypatch.setenv(key, env[key])
    return env


def hamjournal(*args: str, env: dict[str, str], timeout: float = 60) -> subprocess.CompletedProcess[str]:
    """Run `python -m hamjournal ARGS` to completion."""
    return subprocess.run(
        [sys.executable, "-m", "hamjournal", *args], env=env, capture_output=True, text=True, timeout=timeout
    )


def make_journal(path: Path) -> None:
    """A new journal with one check-in, closed (so everything is in the main file)."""
    from hamjournal.services import JournalService

    service = JournalService(Store.open(str(path)))
    try:
        service.check_in(1, note="before the test")
    finally:
        service.close()


def file_hash(path: Path) -> str:
    """SHA-256 of a file's bytes ("" when it does not exist)."""
    return hashlib.sha256(path.read_bytes()).hexdigest() if path.exists() else ""


def dump(path: Path) -> str:
    """Every row of the journal as SQL text: equal dumps mean nothing was written."""
    if not path.exists():
        return ""
    # closing(): sqlite3's own `with` only commits, and an open connection keeps -wal / -shm files around.
    with contextlib.closing(sqlite3.connect(path)) as conn:
        return "\n".join(conn.iterdump())


def integrity(path: Path) -> str:
    """SQLite's full integrity check: "ok" for an undamaged file."""
    conn = sqlite3.connect(path)
    try:
        return conn.execute("PRAGMA integrity_check").fetchone()[0]
    finally:
        conn.close()


def notes(path: Path, table: str) -> list[str]:
    """The note column of a table (the crash and concurrency tests tag entries through it)."""
    conn = sqlite3.connect(path)
    try:
        return [row[0] for row in conn.execute(f"SELECT note FROM {table}")]
    finally:
        conn.close()


@pytest.fixture
def journal(db: Path) -> Iterator[Path]:
    """An existing journal (one check-in) at `db`."""
    make_journal(db)
    yield db
