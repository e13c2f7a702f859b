"""Shared test setup: a fixed "today", fixed terminal colours and a journal folder in tmp_path.

Set at import time, before Textual reads its constants, so every test and snapshot sees the same world.
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest

os.environ["NO_COLOR"] = "1"
os.environ["TEXTUAL_THEME"] = "textual-dark"
os.environ["TEXTUAL_ANIMATIONS"] = "none"
os.environ["HAMJOURNAL_TODAY"] = "2026-11-25"  # a Wednesday
os.environ["HAMJOURNAL_CURSOR_BLINK"] = "0"
os.environ["HAMJOURNAL_WATCH_S"] = "0"  # no timed polls: tests call HamJournalApp.check_journal themselves


@pytest.fixture
def journal_path(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """Point HAMJOURNAL_DATA_DIR and HAMJOURNAL_DB at tmp_path; returns the journal file's path."""
    path = tmp_path / "journal.db"
    monkeypatch.setenv("HAMJOURNAL_DATA_DIR", str(tmp_path))
    monkeypatch.setenv("HAMJOURNAL_DB", str(path))
    return path
