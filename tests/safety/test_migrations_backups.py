"""Old journals open intact, upgrades copy the file first and are all-or-nothing, backups roll daily, and
`backup` / `restore` never lose the journal that was there."""

from __future__ import annotations

import contextlib
import datetime as dt
import os
import shutil
import sqlite3
import stat
from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy import Connection, text

from hamjournal.cli import main
from hamjournal.domain.formats.journal_json import journal_to_dict, loads_journal
from hamjournal.services import JournalService
from hamjournal.store import backup, schema
from hamjournal.store.errors import JournalError
from hamjournal.store.migrations import MIGRATIONS
from hamjournal.store.repo import Store
from tests.safety.conftest import dump, file_hash, make_journal

DATA = Path(__file__).resolve().parents[1] / "data"
FIXTURE_TODAY = dt.date(2026, 11, 25)
# The migration tests fake the version after this code's: a journal made now is at NOW and upgrades to NEXT.
NOW = schema.SCHEMA_VERSION
NEXT = NOW + 1


def mode(path: Path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


def versions(path: Path) -> tuple[int, str]:
    """(PRAGMA user_version, hj_meta schema_version) as stored in the file."""
    with contextlib.closing(sqlite3.connect(path)) as conn:
        user = conn.execute("PRAGMA user_version").fetchone()[0]
        meta = conn.execute("SELECT value FROM hj_meta WHERE key = 'schema_version'").fetchone()[0]
    return user, meta


def columns(path: Path, table: str) -> list[str]:
    with contextlib.closing(sqlite3.connect(path)) as conn:
        return [row[1] for row in conn.execute(f"PRAGMA table_info({table})")]


@pytest.fixture
def open_umask() -> Iterator[None]:
    """umask 0: files are private because the code makes them so, not because of the tester's umask."""
    old = os.umask(0)
    try:
        yield
    finally:
        os.umask(old)


# -- the checked-in journal of every released schema version ---------------------------------------------


def test_the_checked_in_v1_journal_opens_with_its_data_intact(tmp_path: Path, in_process_env: dict[str, str]) -> None:
    fixture = DATA / "journal-v1.db"
    assert versions(fixture) == (1, "1"), "journal-v1.db must stay as version 1 wrote it"
    before = file_hash(fixture)
    copy = tmp_path / "journal.db"
    shutil.copyfile(fixture, copy)
    store = Store.open(str(copy), create=False)
    try:
        exported = journal_to_dict(store.export_journal())
    finally:
        store.close()
    expected = journal_to_dict(loads_journal((DATA / "journal-v1.json").read_text(encoding="utf-8"), FIXTURE_TODAY))
    assert exported == expected
    assert len(exported["sessions"]) >= 10 and exported["symptoms"][-1]["sudden"] in (True, False)
    assert file_hash(fixture) == before


# -- migrations --------------------------------------------------------------------------------------------


def test_version_2_gives_old_runs_and_profiles_the_watch_columns(tmp_path: Path, in_process_env: dict[str, str]):
    copy = tmp_path / "journal.db"
    shutil.copyfile(DATA / "journal-v1.db", copy)
    Store.open(str(copy), create=False).close()
    assert versions(copy) == (2, "2")
    assert {"start_time", "avg_hr", "source"} <= set(columns(copy, "runs"))
    assert "watch_folder" in columns(copy, "profiles")
    with contextlib.closing(sqlite3.connect(copy)) as conn:
        assert conn.execute("SELECT DISTINCT source, start_time, avg_hr FROM runs").fetchall() == [("", None, None)]


@pytest.fixture
def v2(monkeypatch: pytest.MonkeyPatch) -> Iterator[list[Path]]:
    """This code knows schema version NEXT; the fake migration records the backups it found when it ran."""
    seen: list[Path] = []

    def add_shoe(conn: Connection) -> None:
        seen.extend(sorted((Path(os.environ["HAMJOURNAL_DATA_DIR"]) / "backups").glob("*before-migration*")))
        conn.execute(text("ALTER TABLE runs ADD COLUMN shoe TEXT"))
        conn.execute(text("UPDATE runs SET shoe = 'old'"))

    monkeypatch.setattr(schema, "SCHEMA_VERSION", NEXT)
    monkeypatch.setitem(MIGRATIONS, NEXT, add_shoe)
    yield seen


def test_a_copy_is_made_before_migrating(
    journal: Path, data_dir: Path, in_process_env: dict[str, str], v2: list[Path], open_umask: None
) -> None:
    old_dump = dump(journal)
    store = Store.open(str(journal))
    store.close()
    assert versions(journal) == (NEXT, str(NEXT))
    assert "shoe" in columns(journal, "runs")
    [copy] = v2  # the copy existed when the migration ran
    assert copy.parent == data_dir / "backups"
    assert copy.name.startswith(f"journal-v{NOW}-before-migration-")
    assert mode(copy) == 0o600 and mode(copy.parent) == 0o700 and mode(data_dir) == 0o700
    assert versions(copy) == (NOW, str(NOW))
    assert dump(copy) == old_dump


def test_a_failing_migration_leaves_the_journal_at_v1(
    journal: Path, data_dir: Path, in_process_env: dict[str, str], v2: list[Path], monkeypatch, capsys
) -> None:  # type: ignore[no-untyped-def]
    def half_then_fail(conn: Connection) -> None:
        # DDL first: pysqlite would commit it on its own unless the migration holds a real transaction.
        conn.execute(text("ALTER TABLE runs ADD COLUMN shoe TEXT"))
        conn.execute(text("DELETE FROM symptoms"))
        raise RuntimeError(f"bug in migration {NEXT}")

    monkeypatch.setitem(MIGRATIONS, NEXT, half_then_fail)
    before = dump(journal)
    with pytest.raises(JournalError) as raised:
        Store.open(str(journal))
    message = str(raised.value)
    assert str(journal) in message and f"left at version {NOW}" in message and f"bug in migration {NEXT}" in message
    [copy] = (data_dir / "backups").glob(f"journal-v{NOW}-before-migration-*.db")
    assert str(copy) in message
    assert versions(journal) == (NOW, str(NOW))
    assert "shoe" not in columns(journal, "runs")
    assert dump(journal) == before
    # The CLI says the same in one line, exit 1, and still changes nothing.
    assert main(["pain", "2", "--db", str(journal)]) == 1
    err = capsys.readouterr().err
    assert len(err.splitlines()) == 1 and "could not be upgraded" in err
    assert dump(journal) == before


def test_a_new_journal_is_not_copied_before_its_first_migration(
    db: Path, data_dir: Path, in_process_env: dict[str, str]
) -> None:
    Store.open(str(db)).close()
    assert not (data_dir / "backups").exists()


# -- the rolling daily backup ----------------------------------------------------------------------------


def _daily(data_dir: Path, day: str) -> Path:
    stem = backup.backup_stem(Path(os.environ["HAMJOURNAL_DB"]))
    return data_dir / "backups" / f"daily-{stem}-{day}.db"


def test_a_write_command_makes_todays_backup_once(
    db: Path, data_dir: Path, in_process_env: dict[str, str], monkeypatch: pytest.MonkeyPatch, capsys
) -> None:  # type: ignore[no-untyped-def]
    assert main(["pain", "2", "--note", "first"]) == 0
    today = _daily(data_dir, "2026-11-25")
    backup.check_backup_file(today)
    assert mode(today) == 0o600
    made = file_hash(today)
    assert main(["run", "30"]) == 0
    assert file_hash(today) == made, "the day's backup is made once, by the first write"
    # A read or a refused write makes none.
    monkeypatch.setenv("HAMJOURNAL_TODAY", "2026-11-26")
    assert main(["week"]) == 0
    assert main(["pain", "11"]) == 2
    capsys.readouterr()
    assert not _daily(data_dir, "2026-11-26").exists()
    assert main(["log", "nordic", "3x5"]) == 0
    assert _daily(data_dir, "2026-11-26").exists()
    assert capsys.readouterr().err == "", "no warning when the backup works"


def test_only_the_newest_seven_daily_backups_are_kept(
    journal: Path, data_dir: Path, in_process_env: dict[str, str]
) -> None:
    folder = data_dir / "backups"
    stem = backup.backup_stem(journal)
    for day in range(10, 20):
        backup.snapshot(journal, folder / f"daily-{stem}-2026-11-{day}.db")
    other = backup.snapshot(journal, folder / "daily-other-2026-11-01.db")
    mine = backup.snapshot(journal, folder / "journal-20261101-120000.db")  # a `hamjournal backup`
    assert main(["pain", "2"]) == 0
    kept = sorted(p.name for p in folder.glob("daily-journal-*.db"))
    assert kept == [f"daily-{stem}-2026-11-{day}.db" for day in (14, 15, 16, 17, 18, 19, 25)]
    assert other.exists() and mine.exists()


def test_two_journals_of_one_file_name_get_backups_of_their_own(
    tmp_path: Path, data_dir: Path, in_process_env: dict[str, str]
) -> None:
    one, two = tmp_path / "a" / "journal.db", tmp_path / "b" / "journal.db"
    assert main(["--db", str(one), "pain", "1"]) == 0
    assert main(["--db", str(two), "pain", "2"]) == 0
    made = sorted((data_dir / "backups").glob("daily-journal-*-2026-11-25.db"))
    assert len(made) == 2
    assert {backup.backup_stem(one), backup.backup_stem(two)} == {
        p.name[len("daily-") : -len("-2026-11-25.db")] for p in made
    }


def test_a_failed_daily_backup_is_a_warning_and_the_entry_is_saved(
    journal: Path, data_dir: Path, in_process_env: dict[str, str], capsys
) -> None:  # type: ignore[no-untyped-def]
    data_dir.mkdir()
    (data_dir / "backups").write_text("a file where the folder should be")
    assert main(["pain", "5", "--note", "saved anyway"]) == 0
    out, err = capsys.readouterr()
    assert out.startswith("Checked in")
    assert err.startswith("hamjournal: warning: today's backup was not made")
    store = Store.open(str(journal))
    assert "saved anyway" in [s.note for s in store.symptoms_between(FIXTURE_TODAY, FIXTURE_TODAY)]
    store.close()


def test_the_daily_backup_of_a_database_url_is_json(
    tmp_path: Path, data_dir: Path, in_process_env: dict[str, str]
) -> None:
    url = f"sqlite:///{tmp_path / 'server.db'}"
    assert main(["pain", "2", "--db", url]) == 0
    # A journal given by URL (a server) is backed up as Journal JSON, one file per athlete, once a day.
    (daily,) = (data_dir / "backups").iterdir()
    assert daily.name == "daily-server-2026-11-25"
    assert [p.name for p in daily.iterdir()] == ["01-me.json"]
    assert '"pain": 2' in (daily / "01-me.json").read_text()
    service = JournalService.open(url)
    try:
        assert service.daily_backup() is None
    finally:
        service.close()


def test_the_service_daily_backup_for_the_app(journal: Path, data_dir: Path, in_process_env: dict[str, str]) -> None:
    service = JournalService.open(str(journal))
    try:
        made = service.daily_backup()
        assert made == _daily(data_dir, "2026-11-25")
        assert service.daily_backup() is None  # once a day
    finally:
        service.close()
    backup.check_backup_file(made)


# -- `hamjournal backup` and `hamjournal restore` --------------------------------------------------------------


def test_backup_now_into_the_folder_and_to_a_file(
    journal: Path, data_dir: Path, tmp_path: Path, in_process_env: dict[str, str], capsys, open_umask: None
) -> None:  # type: ignore[no-untyped-def]
    assert main(["backup"]) == 0
    [made] = (data_dir / "backups").glob("journal-*.db")
    assert f"to {made}" in capsys.readouterr().out
    assert dump(made) == dump(journal) and mode(made) == 0o600
    target = tmp_path / "copy.db"
    assert main(["backup", "-o", str(target)]) == 0
    assert dump(target) == dump(journal) and mode(target) == 0o600
    before = file_hash(target)
    assert main(["pain", "3"]) == 0
    assert main(["backup", "-o", str(target)]) == 1
    assert "exists already" in capsys.readouterr().err
    assert file_hash(target) == before, "a backup never overwrites a file"


def test_backup_refuses_a_missing_journal_and_a_url(tmp_path: Path, in_process_env: dict[str, str], capsys) -> None:  # type: ignore[no-untyped-def]
    missing = tmp_path / "nope.db"
    assert main(["backup", "--db", str(missing)]) == 1
    assert "does not exist" in capsys.readouterr().err
    assert not missing.exists()
    # A server journal is backed up as JSON; an unreachable server is one line that never shows the password.
    assert main(["backup", "--db", "postgresql://u:secret@localhost:1/hj"]) == 1
    err = capsys.readouterr().err
    assert "could not connect" in err and "secret" not in err


def test_restore_puts_the_backup_back_and_keeps_the_journal_aside(
    journal: Path, data_dir: Path, tmp_path: Path, in_process_env: dict[str, str], capsys, open_umask: None
) -> None:  # type: ignore[no-untyped-def]
    saved = tmp_path / "saved.db"
    assert main(["backup", "-o", str(saved)]) == 0
    assert main(["pain", "4", "--note", "after the backup"]) == 0
    current = dump(journal)
    capsys.readouterr()
    assert main(["restore", str(saved)]) == 0
    out = capsys.readouterr().out
    [aside] = (data_dir / "backups").glob("journal-*-before-restore-*.db")
    assert f"kept at {aside}" in out
    assert dump(aside) == current and mode(aside) == 0o600
    assert dump(journal) == dump(saved) and mode(journal) == 0o600
    assert "after the backup" not in dump(journal)


@pytest.mark.parametrize("kind", ["text", "truncated", "foreign", "newer", "missing", "the-journal-itself"])
def test_restoring_a_broken_file_changes_nothing(
    kind: str, journal: Path, data_dir: Path, tmp_path: Path, in_process_env: dict[str, str], capsys
) -> None:  # type: ignore[no-untyped-def]
    bad = tmp_path / "bad.db"
    if kind == "text":
        bad.write_text("not a backup")
    elif kind == "truncated":
        backup.snapshot(journal, tmp_path / "good.db")
        bad.write_bytes((tmp_path / "good.db").read_bytes()[:8192])
    elif kind == "foreign":
        with contextlib.closing(sqlite3.connect(bad)) as conn:
            conn.execute("CREATE TABLE t (x)")
            conn.commit()
    elif kind == "newer":
        backup.snapshot(journal, bad)
        with contextlib.closing(sqlite3.connect(bad)) as conn:
            conn.execute("PRAGMA user_version = 9")
            conn.commit()
    elif kind == "the-journal-itself":
        bad = journal
    before = file_hash(journal)
    assert main(["restore", str(bad)]) == 1
    err = capsys.readouterr().err
    assert len(err.splitlines()) == 1 and str(bad) in err
    assert file_hash(journal) == before
    assert not list(data_dir.glob("backups/*before-restore*"))


def test_restore_over_a_damaged_journal_keeps_its_bytes(
    journal: Path, data_dir: Path, tmp_path: Path, in_process_env: dict[str, str], capsys
) -> None:  # type: ignore[no-untyped-def]
    saved = tmp_path / "saved.db"
    assert main(["backup", "-o", str(saved)]) == 0
    journal.write_bytes(journal.read_bytes()[:20000])  # the reason a runner restores
    damaged = journal.read_bytes()
    assert main(["restore", str(saved)]) == 0
    [aside] = (data_dir / "backups").glob("journal-*-before-restore-*.db")
    assert aside.read_bytes() == damaged
    assert dump(journal) == dump(saved)
    Store.open(str(journal), create=False).close()


def test_restore_when_there_is_no_journal_yet(db: Path, tmp_path: Path, in_process_env: dict[str, str], capsys) -> None:  # type: ignore[no-untyped-def]
    source = tmp_path / "elsewhere.db"
    make_journal(source)
    assert main(["restore", str(source)]) == 0
    assert "there was no journal before" in capsys.readouterr().out
    assert dump(db) == dump(source)


def test_old_named_daily_backups_go_once_a_week_of_new_ones_exists(
    journal: Path, data_dir: Path, in_process_env: dict[str, str]
) -> None:
    """Daily backups named by the file name alone (before the journal's place was in the name) are pruned too:
    only once seven new-named ones exist, and only those older than all seven."""
    folder = data_dir / "backups"
    stem = backup.backup_stem(journal)
    legacy = [backup.snapshot(journal, folder / f"daily-journal-2026-11-{day:02d}.db") for day in range(1, 20)]
    for day in range(19, 24):  # five new-named: not yet a week of them
        backup.snapshot(journal, folder / f"daily-{stem}-2026-11-{day}.db")
    assert main(["pain", "2"]) == 0  # the sixth, today's (25 Nov)
    assert all(path.exists() for path in legacy)
    backup.snapshot(journal, folder / f"daily-{stem}-2026-11-24.db")
    (folder / f"daily-{stem}-2026-11-25.db").unlink()
    assert main(["pain", "3"]) == 0  # today's again: now seven new-named, the oldest of 19 Nov
    kept = sorted(p.name for p in folder.glob("daily-journal-????-??-??.db"))
    assert kept == ["daily-journal-2026-11-19.db"]
    assert len(list(folder.glob(f"daily-{stem}-*.db"))) == 7
