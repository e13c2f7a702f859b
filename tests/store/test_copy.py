"""Moving a whole journal between back ends: SQLite -> PostgreSQL -> SQLite gives identical exports; a target
holding a journal is refused unless replaced; a failed copy leaves the target as it was."""

from __future__ import annotations

from pathlib import Path

import pytest
from sqlalchemy import func, select, update

from hamjournal.domain.formats.journal_json import dumps_journal
from hamjournal.store import athletes, schema
from hamjournal.store.copy import copy_journal, read_all
from hamjournal.store.engine import open_engine
from hamjournal.store.errors import JournalError
from hamjournal.store.repo import Store
from tests.store.test_store import PROFILE, _journal, run, symptom


def squad(location: str) -> None:
    """Two athletes with profiles and records, and one added but never onboarded."""
    engine, label = open_engine(location)
    try:
        for name in ("alice", "bob", "carol"):
            athletes.add_athlete(engine, label, name)
    finally:
        engine.dispose()
    alice = Store.open(location, athlete="alice")
    alice.import_journal(_journal())
    alice.close()
    bob = Store.open(location, athlete="bob")
    bob.add_symptom(symptom(pain=3))
    bob.add_run(run())
    bob.save_profile(PROFILE, onboarded=False)
    bob.close()


def exports(location: str) -> list[tuple[str, bool, bool, str]]:
    """Every athlete's name, flags and Journal JSON text."""
    engine, label = open_engine(location, create=False)
    try:
        return [a.fingerprint() for a in read_all(engine, label)]
    finally:
        engine.dispose()


def test_sqlite_to_postgresql_and_back_gives_identical_exports(tmp_path: Path, pg_empty_url: str) -> None:
    source, back = str(tmp_path / "squad.db"), str(tmp_path / "back.db")
    squad(source)
    first = copy_journal(source, pg_empty_url)
    assert [a.name for a in first.athletes] == ["alice", "bob", "carol"]
    assert exports(pg_empty_url) == exports(source)
    copy_journal(pg_empty_url, back)
    assert exports(back) == exports(source)
    names = [f[0] for f in exports(back)]
    assert names == ["alice", "bob", "carol"]
    # Not only equal to each other: the exports hold the records (bob's profile kept, not onboarded).
    alice, bob, carol = exports(back)
    assert '"nordic"' in alice[3] and (alice[1], alice[2]) == (True, True)
    assert (bob[1], bob[2]) == (True, False) and '"pain": 3' in bob[3]
    assert (carol[1], carol[2]) == (False, False)
    store = Store.open(back, athlete="alice")
    try:
        assert dumps_journal(store.export_journal()) == alice[3]
    finally:
        store.close()


def test_a_target_holding_a_journal_is_refused_unless_replaced(backend: str, location: str, tmp_path: Path) -> None:
    source = str(tmp_path / "squad.db")
    squad(source)
    mine = Store.open(location)
    mine.add_run(run(minutes=99))
    mine.close()
    before = exports(location)
    with pytest.raises(JournalError, match="holds a journal already"):
        copy_journal(source, location)
    assert exports(location) == before
    summary = copy_journal(source, location, replace=True)
    assert "3 athletes" in summary.describe()
    assert exports(location) == exports(source)


def test_a_copy_failing_midway_changes_nothing_on_the_target(location: str, tmp_path: Path) -> None:
    source = str(tmp_path / "squad.db")
    squad(source)
    # An exercise name longer than its column: SQLite keeps it, PostgreSQL refuses it, after alice's first
    # sessions (and the old journal's deletion) were written in the same transaction.
    engine, _ = open_engine(source)
    with engine.begin() as conn:
        last = conn.execute(select(func.max(schema.sessions.c.id))).scalar_one()
        conn.execute(update(schema.sessions).where(schema.sessions.c.id == last).values(exercise="n" * 40))
    engine.dispose()
    mine = Store.open(location)
    mine.add_run(run(minutes=12))
    mine.close()
    before = exports(location)
    if location.startswith("postgresql"):
        with pytest.raises(JournalError, match=r"value too long"):
            copy_journal(source, location, replace=True)
        assert exports(location) == before
    else:
        copy_journal(source, location, replace=True)
        assert exports(location) == exports(source)


def test_a_failed_copy_to_a_new_file_leaves_no_file(tmp_path: Path) -> None:
    source, target = str(tmp_path / "squad.db"), tmp_path / "new.db"
    squad(source)
    with pytest.raises(JournalError, match="is the journal being copied"):
        copy_journal(source, source)
    with pytest.raises(JournalError):
        copy_journal(str(tmp_path / "missing.db"), str(target))
    assert not target.exists()


def test_copy_replace_backs_up_what_it_deletes_and_says_so_first(
    backend: str, location: str, tmp_path: Path
) -> None:
    import json
    import os

    source = str(tmp_path / "squad.db")
    squad(source)
    mine = Store.open(location)
    mine.add_run(run(minutes=99))
    mine.close()
    before = exports(location)
    said: list[tuple[str, list[tuple[str, bool, bool, str]]]] = []
    # Told before the delete: at that moment the target still holds the old journal.
    summary = copy_journal(
        source, location, replace=True, announce=lambda line: said.append((line, exports(location)))
    )
    assert exports(location) == exports(source)
    ((line, at_that_moment),) = said
    assert at_that_moment == before
    assert "holds 1 athlete, 1 records: backed up to " in line and line.endswith(" before it is replaced.")
    saved = Path(line.split("backed up to ", 1)[1].removesuffix(" before it is replaced."))
    assert saved.parent == Path(os.environ["HAMJOURNAL_DATA_DIR"]) / "backups"
    if backend == "sqlite":
        assert exports(str(saved)) == before  # the copy holds exactly what was replaced
    else:
        (only,) = sorted(saved.iterdir())
        assert json.loads(only.read_text())["runs"][0]["minutes"] == 99
    assert "3 athletes" in summary.describe()
