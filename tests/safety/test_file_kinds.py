"""What --db may point at: a private file however it is created, only regular files, only hamjournal's own
SQLite files (or empty ones), and a journal in a read-only place can still be read (issue 16, item 6)."""

from __future__ import annotations

import contextlib
import os
import shutil
import sqlite3
import stat
import subprocess
from collections.abc import Iterator
from pathlib import Path

import pytest

from hamjournal.cli import main
from tests.safety.conftest import file_hash, hamjournal, make_journal


def _mode(path: Path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


def test_a_journal_created_through_a_dangling_symlink_is_private(
    tmp_path: Path, in_process_env: dict[str, str], capsys: pytest.CaptureFixture[str]
) -> None:
    target = tmp_path / "elsewhere" / "journal.db"
    link = tmp_path / "link.db"
    link.symlink_to(target)
    old = os.umask(0o022)
    try:
        assert main(["--db", str(link), "pain", "1"]) == 0, capsys.readouterr().err
    finally:
        os.umask(old)
    assert link.is_symlink() and target.is_file()
    assert _mode(target) == 0o600
    for suffix in ("-wal", "-shm"):
        companion = Path(str(target) + suffix)
        if companion.exists():
            assert _mode(companion) == 0o600


def test_a_fifo_is_refused_at_once(tmp_path: Path, env: dict[str, str]) -> None:
    fifo = tmp_path / "journal.fifo"
    os.mkfifo(fifo)
    # A timeout well above start-up: without the check the open blocks forever waiting for a writer.
    result = hamjournal("--db", str(fifo), "week", env=env, timeout=60)
    assert result.returncode == 1
    assert result.stderr.strip() == (
        f"hamjournal: {fifo} is a pipe (FIFO), not a journal file. It was left untouched; point --db at a file "
        "such as ~/journal.db"
    )


def test_dev_null_is_a_clear_message(in_process_env: dict[str, str], capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["--db", "/dev/null", "pain", "1"]) == 1
    err = capsys.readouterr().err
    assert err == (
        "hamjournal: /dev/null is a device or socket, not a journal file. It was left untouched; point --db at a "
        "file such as ~/journal.db\n"
    )


@pytest.mark.parametrize(
    "schema_sql",
    ["CREATE VIEW v AS SELECT 1", "CREATE TABLE notes (t TEXT)", "PRAGMA user_version = 7",
     "PRAGMA application_id = 5"],
    ids=["only-a-view", "a-table", "user-version", "application-id"],
)
def test_another_programs_sqlite_file_is_refused_untouched(
    schema_sql: str, tmp_path: Path, in_process_env: dict[str, str], capsys: pytest.CaptureFixture[str]
) -> None:
    other = tmp_path / "other.db"
    with contextlib.closing(sqlite3.connect(other)) as conn:
        conn.execute(schema_sql)
        conn.commit()
    before = file_hash(other)
    for argv in (["week"], ["pain", "1"]):
        assert main(["--db", str(other), *argv]) == 1
        err = capsys.readouterr().err
        assert "not a hamjournal journal" in err and "left untouched" in err, err
    assert file_hash(other) == before
    assert sorted(p.name for p in tmp_path.iterdir()) == ["other.db"]


def test_an_empty_file_becomes_a_journal(
    tmp_path: Path, in_process_env: dict[str, str], capsys: pytest.CaptureFixture[str]
) -> None:
    empty = tmp_path / "new.db"
    empty.touch(mode=0o600)
    assert main(["--db", str(empty), "pain", "1"]) == 0, capsys.readouterr().err
    with contextlib.closing(sqlite3.connect(empty)) as conn:
        assert conn.execute("PRAGMA application_id").fetchone()[0] == 0x48414D4A


@contextlib.contextmanager
def _immutable(path: Path) -> Iterator[None]:
    """Read-only even for root: chmod where it binds, chattr +i where we are root."""
    if os.geteuid() != 0:
        path.chmod(0o500)
        try:
            yield
        finally:
            path.chmod(0o700)
        return
    chattr = shutil.which("chattr")
    if chattr is None or subprocess.run([chattr, "+i", str(path)], capture_output=True).returncode != 0:
        pytest.skip("running as root and chattr +i is not available")
    try:
        yield
    finally:
        subprocess.run([chattr, "-i", str(path)], check=True)


def test_a_journal_in_a_read_only_folder_can_be_read(
    tmp_path: Path, in_process_env: dict[str, str], capsys: pytest.CaptureFixture[str]
) -> None:
    folder = tmp_path / "ro"
    folder.mkdir()
    db = folder / "journal.db"
    make_journal(db)  # closed: no -wal / -shm beside it
    assert sorted(p.name for p in folder.iterdir()) == ["journal.db"]
    before = file_hash(db)
    with _immutable(folder):
        assert main(["--db", str(db), "export"]) == 0
        exported = capsys.readouterr().out
        assert '"note": "before the test"' in exported
        assert main(["--db", str(db), "week"]) == 0
        assert "Morning: pain 1" in capsys.readouterr().out
        assert main(["--db", str(db), "pain", "2"]) == 1
        err = capsys.readouterr().err
        assert "cannot be written (read-only file or folder)" in err and len(err.splitlines()) == 1
    assert file_hash(db) == before
    assert sorted(p.name for p in folder.iterdir()) == ["journal.db"]


def test_an_io_error_on_a_full_disk_says_the_disk_is_full(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from hamjournal.store import engine, locations
    from hamjournal.store.errors import JournalUnwritable

    class Full:
        f_bavail, f_frsize = 0, 4096

    monkeypatch.setattr(locations.os, "statvfs", lambda _path: Full())
    label = str(tmp_path / "journal.db")
    with (
        pytest.raises(JournalUnwritable, match=r"the disk is full\. Nothing was changed; free some space"),
        engine.translate_errors(label),
    ):
        raise sqlite3.OperationalError("disk I/O error")
