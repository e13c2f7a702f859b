"""Store tests run on real SQLite files in tmp_path and, for tests that ask for `backend`, on a throwaway
PostgreSQL database too (tests/store/pg.py); nothing touches the real data folder."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from hamjournal.store.repo import Store
from tests.store.pg import (  # noqa: F401  (fixtures)
    location_for,
    parametrize_backends,
    pg_empty_url,
    pg_server,
    pg_shared,
    pg_url,
)


def pytest_generate_tests(metafunc: pytest.Metafunc) -> None:
    parametrize_backends(metafunc)


@pytest.fixture(autouse=True)
def _isolated_env(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("HAMJOURNAL_DATA_DIR", str(tmp_path / "data"))
    monkeypatch.setenv("HAMJOURNAL_DB", str(tmp_path / "env-journal.db"))
    monkeypatch.setenv("HAMJOURNAL_TODAY", "2026-11-25")
    monkeypatch.delenv("HAMJOURNAL_ATHLETE", raising=False)


@pytest.fixture
def db_path(tmp_path: Path) -> Path:
    """Where the SQLite journal under test lives."""
    return tmp_path / "journal.db"


@pytest.fixture
def location(backend: str, request: pytest.FixtureRequest, db_path: Path) -> str:
    """The journal under test: the file db_path, or a fresh PostgreSQL database's URL."""
    return location_for(backend, request, db_path)


@pytest.fixture
def store(location: str) -> Iterator[Store]:
    """A new, empty journal on a real SQLite file or PostgreSQL database."""
    opened = Store.open(location)
    yield opened
    opened.close()
