"""CLI tests: every path points into tmp_path, "today" is pinned, nothing touches the real data folder.

The runner's journal (`db`) is an SQLite file or, for the same tests again, a database on a throwaway
PostgreSQL server (tests/store/pg.py); tests about files themselves are marked sqlite_only.
"""

from __future__ import annotations

import os
import subprocess
import sys
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import pytest

from hamjournal.cli import main
from hamjournal.domain.models import Journal
from hamjournal.store.repo import Store
from tests.store.pg import (  # noqa: F401  (fixtures)
    location_for,
    parametrize_backends,
    pg_empty_url,
    pg_server,
    pg_shared,
    pg_url,
)

REPO_ROOT = Path(__file__).resolve().parents[2]
TODAY = "2026-11-25"


@dataclass(frozen=True)
class Result:
    """What a command did: its exit status and its output."""

    status: int
    out: str
    err: str

    @property
    def err_lines(self) -> list[str]:
        return self.err.splitlines()


@pytest.fixture
def data_dir(tmp_path: Path) -> Path:
    return tmp_path / "data"


def pytest_generate_tests(metafunc: pytest.Metafunc) -> None:
    parametrize_backends(metafunc)


@pytest.fixture
def db(backend: str, request: pytest.FixtureRequest, tmp_path: Path) -> Path | str:
    """The runner's journal (HAMJOURNAL_DB points here): a file in tmp_path, or a PostgreSQL database's URL."""
    location = location_for(backend, request, tmp_path / "journal.db")
    return Path(location) if backend == "sqlite" else location


@pytest.fixture
def env(tmp_path: Path, data_dir: Path, db: Path) -> dict[str, str]:
    """The environment for a subprocess: isolated paths, pinned today, the repo importable, no colour."""
    base = {k: v for k, v in os.environ.items() if not k.startswith("HAMJOURNAL_")}
    base.update(
        {
            "HAMJOURNAL_DATA_DIR": str(data_dir),
            "HAMJOURNAL_DB": str(db),
            "HAMJOURNAL_TODAY": TODAY,
            "PYTHONPATH": str(REPO_ROOT),
            "HOME": str(tmp_path / "home"),
            "NO_COLOR": "1",
        }
    )
    return base


@pytest.fixture
def cli(
    env: dict[str, str], monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> Callable[..., Result]:
    """Run `hamjournal ARGS` in this process (same code path as the console script, ~100x faster)."""
    for key in [k for k in os.environ if k.startswith("HAMJOURNAL_")]:
        monkeypatch.delenv(key)
    for key in ("HAMJOURNAL_DATA_DIR", "HAMJOURNAL_DB", "HAMJOURNAL_TODAY"):
        monkeypatch.setenv(key, env[key])

    def run(*args: str) -> Result:
        capsys.readouterr()
        status = main(list(args))
        captured = capsys.readouterr()
        return Result(status, captured.out, captured.err)

    return run


@pytest.fixture
def run_cli(env: dict[str, str], tmp_path: Path) -> Callable[..., Result]:
    """Run `python -m hamjournal ARGS` in a subprocess."""

    def run(*args: str, extra_env: dict[str, str] | None = None) -> Result:
        done = subprocess.run(
            [sys.executable, "-m", "hamjournal", *args],
            env=env | (extra_env or {}),
            cwd=tmp_path,
            capture_output=True,
            text=True,
            timeout=60,
        )
        return Result(done.returncode, done.stdout, done.stderr)

    return run


def snapshot(path: Path | str) -> Journal | None:
    """Everything in a journal (None when there is no file), to compare before and after."""
    if isinstance(path, Path) and not path.exists():
        return None
    store = Store.open(str(path), create=False)
    try:
        return store.export_journal()
    finally:
        store.close()
