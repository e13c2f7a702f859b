"""Fixtures of the import-runs tests: a folder of generated watch files and a CLI run in a subprocess."""

from __future__ import annotations

import os
import sqlite3
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import pytest

REPO_ROOT = Path(__file__).resolve().parents[2]
TODAY = "2026-12-02"


@pytest.fixture
def journal(tmp_path: Path) -> Path:
    return tmp_path / "journal.db"


@pytest.fixture
def hamjournal(tmp_path: Path, journal: Path) -> Callable[..., subprocess.CompletedProcess[str]]:
    """`hamjournal ARGS...` in a subprocess on `journal`, today pinned, the machine's zone UTC."""

    def run(*args: str, tz: str = "UTC") -> subprocess.CompletedProcess[str]:
        env = os.environ | {
            "HAMJOURNAL_DB": str(journal),
            "HAMJOURNAL_DATA_DIR": str(tmp_path / "data"),
            "HAMJOURNAL_TODAY": TODAY,
            "TZ": tz,
        }
        return subprocess.run(
            [sys.executable, "-m", "hamjournal", *args], capture_output=True, text=True, env=env, cwd=REPO_ROOT,
            check=False,
        )

    return run


def run_rows(journal: Path) -> list[tuple[object, ...]]:
    """Every run row: date, kind, minutes, km, strides, finish, start, avg_hr, source."""
    with sqlite3.connect(journal) as conn:
        return conn.execute(
            "SELECT date, kind, minutes, distance_km, strides, finish_s, start_time, avg_hr, source, rpe "
            "FROM runs ORDER BY date, id"
        ).fetchall()
