"""Bad files: each is refused with one line that names the file and the way out, and is left byte for byte.

Covers a text file, a foreign SQLite database, a journal cut in half, damaged pages, a journal from a newer
hamjournal, a folder, read-only places and a full disk, for the CLI and (where it opens files) the app.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import errno
import os
import random
import shutil
import sqlite3
import subprocess
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from hamjournal.cli import main
from hamjournal.store import engine
from hamjournal.store.errors import JournalUnwritable
from hamjournal.store.repo import Store
from hamjournal.store.schema import SCHEMA_VERSION
from tests.safety.conftest import dump, file_hash, make_journal

# A journal version this code does not know yet.
NEWER = SCHEMA_VERSION + 1


def _bigger_journal(path: Path) -> None:
    """A journal spread over many pages, so cutting it or damaging pages hits real data."""
    from hamjournal.services import JournalService

    service = JournalService(Store.open(str(path)))
    try:
        for n in range(60):
            service.check_in(n % 10, note=f"morning {n} " + "x" * 200)
            service.log_session("nordic", "3x6", note=f"session {n}")
    finally:
        service.close()


def text_file(path: Path) -> None:
    path.write_text("my running notes, not a database\n" * 50)


def foreign_sqlite(path: Path) -> None:
    with contextlib.closing(sqlite3.connect(path)) as conn:
        conn.execute("CREATE TABLE notes (id INTEGER PRIMARY KEY, body TEXT)")
        conn.execute("INSERT INTO notes (body) VALUES ('shopping list')")
        conn.commit()


def cut_in_half(path: Path) -> None:
    _bigger_journal(path)
    data = path.read_bytes()
    path.write_bytes(data[: len(data) // 2])


def damaged_pages(path: Path) -> None:
    _bigger_journal(path)
    data = bytearray(path.read_bytes())
    noise = random.Random(5)
    page = 4096
    for offset in range(3 * page, len(data) - page, 5 * page):  # every fifth page after the schema pages
        data[offset : offset + page] = bytes(noise.randrange(256) for _ in range(page))
    path.write_bytes(bytes(data))


def damaged_quiet_page(path: Path) -> None:
    """Damage only the assessments table: a check-in never reads it, only a full check finds it."""
    _bigger_journal(path)
    with contextlib.closing(sqlite3.connect(path)) as conn:
        root = conn.execute("SELECT rootpage FROM sqlite_master WHERE name = 'assessments'").fetchone()[0]
        size = conn.execute("PRAGMA page_size").fetchone()[0]
    data = bytearray(path.read_bytes())
    data[(root - 1) * size : root * size] = b"\xa5" * size
    path.write_bytes(bytes(data))


def newer_version(path: Path) -> None:
    make_journal(path)
    with contextlib.closing(sqlite3.connect(path)) as conn:
        conn.execute(f"UPDATE hj_meta SET value = '{NEWER}' WHERE key = 'schema_version'")
        conn.execute(f"PRAGMA user_version = {NEWER}")
        conn.commit()


def newer_user_version_only(path: Path) -> None:
    make_journal(path)
    with contextlib.closing(sqlite3.connect(path)) as conn:
        conn.execute("PRAGMA user_version = 7")
        conn.commit()


def damaged_version(path: Path) -> None:
    make_journal(path)
    with contextlib.closing(sqlite3.connect(path)) as conn:
        conn.execute("UPDATE hj_meta SET value = 'two' WHERE key = 'schema_version'")
        conn.commit()


# name -> (make the bad file, words the message must hold, besides the file's name)
BAD_FILES: dict[str, tuple[Callable[[Path], None], tuple[str, ...]]] = {
    "text": (text_file, ("not a hamjournal journal", "left untouched", "--db")),
    "foreign-sqlite": (foreign_sqlite, ("not a hamjournal journal", "left untouched", "--db")),
    "truncated": (cut_in_half, ("damaged", "left untouched", "hamjournal restore")),
    "damaged-pages": (damaged_pages, ("damaged", "left untouched", "hamjournal restore")),
    "damaged-quiet-page": (damaged_quiet_page, ("damaged", "left untouched", "hamjournal restore")),
    "newer": (newer_version, ("newer hamjournal", f"version {NEWER}", "left untouched", "upgrade")),
    "newer-user-version": (newer_user_version_only, ("newer hamjournal", "version 7", "upgrade")),
    "damaged-version": (damaged_version, ("damaged", "left untouched")),
}

COMMANDS = (("pain", "2"), ("log", "nordic", "3x6"), ("week",), ("export",), ("backup",))


def _folder_state(folder: Path) -> dict[str, str]:
    # SQLite may make -wal / -shm beside a file while reading it; what stays afterwards must be unchanged.
    return {p.name: file_hash(p) for p in sorted(folder.iterdir()) if p.is_file()}


@pytest.mark.parametrize("kind", list(BAD_FILES))
def test_cli_refuses_a_bad_file_and_leaves_it(
    kind: str, db: Path, in_process_env: dict[str, str], capsys: pytest.CaptureFixture[str]
) -> None:
    make, words = BAD_FILES[kind]
    make(db)
    before = file_hash(db)
    for command in COMMANDS:
        capsys.readouterr()
        status = main([*command, "--db", str(db)])
        out, err = capsys.readouterr()
        assert status == 1, (command, err)
        assert out == ""
        assert len(err.splitlines()) == 1, err
        assert str(db) in err
        for word in words:
            assert word in err, (command, err)
        assert file_hash(db) == before, f"{command} changed the {kind} file"
    # No backup of a bad file is made, and nothing was written beside it.
    assert not (db.parent / "data").exists()


@pytest.mark.parametrize("kind", ["text", "truncated", "newer"])
async def test_the_app_never_starts_on_a_bad_file(
    kind: str, db: Path, in_process_env: dict[str, str], capfd: pytest.CaptureFixture[str]
) -> None:
    from tests.ui.helpers import make_app, settle

    make, words = BAD_FILES[kind]
    make(db)
    before = file_hash(db)
    app = make_app(db)
    async with app.run_test(size=(100, 32)) as pilot:
        await settle(pilot)
    assert app.return_code == 1
    lines = [line for line in capfd.readouterr().err.splitlines() if line.strip()]
    assert len(lines) == 1 and str(db) in lines[0]
    assert all(word in lines[0] for word in words), lines[0]
    assert app.journal is None
    assert file_hash(db) == before


def test_a_folder_is_not_a_journal(tmp_path: Path, in_process_env: dict[str, str], capsys) -> None:  # type: ignore[no-untyped-def]
    folder = tmp_path / "folder.db"
    folder.mkdir()
    assert main(["pain", "2", "--db", str(folder)]) == 1
    err = capsys.readouterr().err
    assert f"{folder} is a folder" in err and "--db" in err
    assert list(folder.iterdir()) == []


# -- read-only places -------------------------------------------------------------------------------------


@contextlib.contextmanager
def immutable(path: Path) -> Iterator[None]:
    """`chattr +i`: read-only even for root (who ignores permission bits); skips where chattr is refused."""
    chattr = shutil.which("chattr")
    if chattr is None or subprocess.run([chattr, "+i", str(path)], capture_output=True).returncode != 0:
        pytest.skip("running as root and chattr +i is not available: see the in-process permission tests")
    try:
        yield
    finally:
        subprocess.run([chattr, "-i", str(path)], check=True)


def _writable_by_us(path: Path) -> bool:
    return os.access(path, os.W_OK) and os.geteuid() != 0


@pytest.mark.parametrize("what", ["folder", "file"])
def test_a_read_only_journal_is_a_message(
    what: str, tmp_path: Path, in_process_env: dict[str, str], capsys: pytest.CaptureFixture[str]
) -> None:
    folder = tmp_path / "ro"
    folder.mkdir()
    db = folder / "journal.db"
    make_journal(db)
    before, listing = dump(db), _folder_state(folder)
    target = folder if what == "folder" else db
    if os.geteuid() == 0:
        guard = immutable(target)
    else:
        target.chmod(0o500 if what == "folder" else 0o400)
        guard = contextlib.nullcontext()
    try:
        with guard:
            status = main(["pain", "2", "--db", str(db)])
            err = capsys.readouterr().err
    finally:
        target.chmod(0o700 if what == "folder" else 0o600)
    assert status == 1
    assert len(err.splitlines()) == 1 and str(db) in err
    assert "cannot be written" in err and "Nothing was changed" in err
    assert dump(db) == before
    assert _folder_state(folder) == listing


def test_a_new_journal_in_a_read_only_folder(
    tmp_path: Path, in_process_env: dict[str, str], capsys: pytest.CaptureFixture[str]
) -> None:
    folder = tmp_path / "ro"
    folder.mkdir()
    db = folder / "journal.db"
    if os.geteuid() == 0:
        guard = immutable(folder)
    else:
        folder.chmod(0o500)
        guard = contextlib.nullcontext()
    try:
        with guard:
            status = main(["pain", "2", "--db", str(db)])
    finally:
        folder.chmod(0o700)
    err = capsys.readouterr().err
    assert status == 1
    assert f"{db} cannot be created" in err and "permissions" in err
    assert list(folder.iterdir()) == []


def test_permission_errors_map_to_a_message_in_process(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, in_process_env: dict[str, str], capsys
) -> None:  # type: ignore[no-untyped-def]
    """Runs as root too: the OS refusing to create the file becomes the read-only message."""
    db = tmp_path / "journal.db"
    real_open = os.open

    def refuse(path, flags, *args, **kwargs):  # type: ignore[no-untyped-def]
        if str(path) == str(db) and flags & os.O_CREAT:
            raise PermissionError(errno.EACCES, "Permission denied", str(path))
        return real_open(path, flags, *args, **kwargs)

    monkeypatch.setattr(os, "open", refuse)
    assert main(["pain", "2", "--db", str(db)]) == 1
    err = capsys.readouterr().err
    assert f"{db} cannot be created (Permission denied)" in err
    assert not db.exists()


def test_a_path_under_a_file_is_a_message(tmp_path: Path, in_process_env: dict[str, str], capsys) -> None:  # type: ignore[no-untyped-def]
    blocker = tmp_path / "notes.txt"
    blocker.write_text("not a folder")
    db = blocker / "journal.db"
    assert main(["pain", "2", "--db", str(db)]) == 1
    assert f"{db} cannot be created" in capsys.readouterr().err
    assert blocker.read_text() == "not a folder"


def test_sqlite_read_only_error_is_mapped() -> None:
    error = sqlite3.OperationalError("attempt to write a readonly database")
    with pytest.raises(JournalUnwritable, match="cannot be written"), engine.translate_errors("/x/journal.db"):
        raise error


# -- a full disk --------------------------------------------------------------------------------------------


def test_a_full_disk_is_a_message_and_changes_nothing(
    journal: Path, monkeypatch: pytest.MonkeyPatch, in_process_env: dict[str, str], capsys
) -> None:  # type: ignore[no-untyped-def]
    """SQLite is capped at the file's current size (PRAGMA max_page_count), so growing it is SQLITE_FULL."""
    with contextlib.closing(sqlite3.connect(journal)) as conn:
        pages = conn.execute("PRAGMA page_count").fetchone()[0]
    real_pragmas = engine._sqlite_pragmas

    def capped(dbapi_connection, record):  # type: ignore[no-untyped-def]
        real_pragmas(dbapi_connection, record)
        dbapi_connection.execute(f"PRAGMA max_page_count={pages}")

    # Most of a year of generated history needs many new pages: the import must fail whole.
    from hamjournal.domain.demo import demo_journal
    from hamjournal.domain.formats.journal_json import dumps_journal

    export = journal.parent / "history.json"
    export.write_text(dumps_journal(demo_journal(dt.date(2026, 11, 25), 40)))
    monkeypatch.setattr(engine, "_sqlite_pragmas", capped)
    before = dump(journal)
    status = main(["import", str(export), "--db", str(journal)])
    err = capsys.readouterr().err
    assert status == 1
    assert len(err.splitlines()) == 1
    assert f"{journal}: the disk is full" in err and "free some space" in err
    assert dump(journal) == before
