"""Privacy: every file holding health data is readable by its owner only, and nothing is sent anywhere."""

from __future__ import annotations

import os
import socket
import stat
from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy import Connection

from hamjournal.cli import main
from hamjournal.store import schema
from hamjournal.store.migrations import MIGRATIONS
from hamjournal.store.repo import Store


def mode(path: Path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


@pytest.fixture
def open_umask() -> Iterator[None]:
    """umask 0: anything not made private on purpose would be world-readable (0666 / 0777)."""
    old = os.umask(0)
    try:
        yield
    finally:
        os.umask(old)


def test_every_file_with_health_data_is_private(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, open_umask: None, capsys: pytest.CaptureFixture[str]
) -> None:
    data = tmp_path / "home" / "share" / "hamjournal"  # parents missing too: each one is created private
    monkeypatch.setenv("HAMJOURNAL_DATA_DIR", str(data))
    monkeypatch.delenv("HAMJOURNAL_DB", raising=False)
    journal = data / "journal.db"
    backups = data / "backups"
    outside = tmp_path / "out"
    outside.mkdir(mode=0o755)

    assert main(["pain", "2"]) == 0  # creates the journal and the day's backup
    assert main(["backup"]) == 0
    assert main(["backup", "-o", str(outside / "copy.db")]) == 0
    assert main(["export", "-o", str(outside / "journal.json")]) == 0
    assert main(["export", "--format", "csv", "-o", str(outside / "journal.csv")]) == 0
    assert main(["restore", str(outside / "copy.db")]) == 0

    # SQLite gives -wal / -shm the journal's mode; check them while a connection holds them open.
    store = Store.open(str(journal))
    try:
        store.counts()
        for suffix in ("-wal", "-shm"):
            companion = Path(str(journal) + suffix)
            if companion.exists():
                assert mode(companion) == 0o600, companion
    finally:
        store.close()

    def upgrade(conn: Connection) -> None:  # a next version that changes nothing
        del conn

    following = schema.SCHEMA_VERSION + 1
    with monkeypatch.context() as v2:
        v2.setattr(schema, "SCHEMA_VERSION", following)
        v2.setitem(MIGRATIONS, following, upgrade)
        Store.open(str(journal)).close()
    capsys.readouterr()

    for folder in (data, data.parent, backups):
        assert mode(folder) == 0o700, folder
    files = [journal, *backups.iterdir(), outside / "copy.db", outside / "journal.json", outside / "journal.csv"]
    names = {p.name for p in backups.iterdir()}
    assert any(n.startswith("daily-journal-") for n in names)
    assert any("-before-restore-" in n for n in names)
    assert any("-before-migration-" in n for n in names)
    assert any(n.startswith("journal-20") for n in names)  # `hamjournal backup`
    for path in files:
        assert mode(path) == 0o600, path


async def test_nothing_is_sent_anywhere(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setenv("HAMJOURNAL_DATA_DIR", str(tmp_path / "data"))
    journal = tmp_path / "journal.db"
    monkeypatch.setenv("HAMJOURNAL_DB", str(journal))
    attempts: list[object] = []

    def refuse(*args: object, **_kwargs: object) -> None:
        attempts.append(args)
        raise OSError("network use is not allowed in this test")

    monkeypatch.setattr(socket.socket, "connect", refuse)
    monkeypatch.setattr(socket.socket, "connect_ex", refuse)
    monkeypatch.setattr(socket.socket, "sendto", refuse)
    monkeypatch.setattr(socket, "getaddrinfo", refuse)
    monkeypatch.setattr(socket, "create_connection", refuse)

    export = tmp_path / "export.json"
    commands = [
        ["log", "nordic", "3x6", "--rpe", "7"],
        ["pain", "2"],
        ["run", "40", "--km", "8"],
        ["week", "--json"],
        ["advice", "--json"],
        ["report"],
        ["exercises"],
        ["export", "-o", str(export)],
        ["import", str(export)],
        ["backup"],
    ]
    for command in commands:
        assert main(command) == 0, (command, capsys.readouterr().err)

    from tests.ui.helpers import make_app, settle

    app = make_app(journal)
    async with app.run_test(size=(100, 32)) as pilot:
        await settle(pilot)
        await pilot.press("p", "1", "enter")
        await settle(pilot)
        assert app.journal is not None
    assert attempts == []
