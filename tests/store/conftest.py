"""Store tests run on real SQLite files in tmp_path; nothing touches the real data folder."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from hamjournal.store.repo import Store


@pytest.fixture(autouse=True)
def _isolated_env(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("HAMJOURNAL_DATA_DIR", str(tmp_path / "data"))
    monkeypatch.setenv("HAMJOURNAL_DB", str(tmp_path / "env-journal.db"))
    monkeypatch.setenv("HAMJOURNAL_TODAY", "2026-11-25")
    monkeypatch.delenv("HAMJOURNAL_ATHLETE", raising=False)


@pytest.fixture
def db_path(tmp_path: Path) -> Path:
    """Where the journal under test lives."""
    return tmp_path / "journal.db"


@pytest.fixture
def store(db_path: Path) -> Iterator[Store]:
    """A new, empty journal on a real file."""
    opened = Store.open(str(db_path))
    yield opened
    opened.close()
