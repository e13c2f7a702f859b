"""A squad journal from the command line: athletes, copy --to, and backups of a journal on a server."""

from __future__ import annotations

import json
import stat
from pathlib import Path

import pytest


def test_athletes_add_list_rename_and_choose(cli, db: Path | str) -> None:  # type: ignore[no-untyped-def]
    assert cli("athletes", "add", "alice").status == 0
    assert cli("athletes", "add", "bob").status == 0
    assert cli("athletes").out == "alice\nbob\n"
    again = cli("athletes", "add", " alice ")
    assert again.status == 2 and "already" in again.err
    assert cli("athletes", "rename", "bob", "robert").status == 0
    several = cli("pain", "1")
    assert several.status == 2 and "alice, robert" in several.err and "--athlete" in several.err
    assert cli("--athlete", "robert", "pain", "4").status == 0
    assert cli("pain", "2", "--athlete", "alice").status == 0
    robert = cli("export", "--athlete", "robert")
    assert [s["pain"] for s in json.loads(robert.out)["symptoms"]] == [4]
    assert cli("athletes").out == "alice\nrobert\n"


def test_copy_moves_every_athlete_and_refuses_a_journal_in_use(cli, db: Path | str, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    source = str(tmp_path / "squad.db")
    for name, pain in (("alice", "1"), ("bob", "5")):
        assert cli("--db", source, "athletes", "add", name).status == 0
        assert cli("--db", source, "--athlete", name, "pain", pain).status == 0
    done = cli("--db", source, "copy", "--to", str(db))
    assert done.status == 0, done.err
    assert done.out.startswith("Copied 2 athletes (alice: 0 sessions, 1 check-ins")
    for name in ("alice", "bob"):
        assert cli("export", "--athlete", name).out == cli("--db", source, "export", "--athlete", name).out
    refused = cli("--db", source, "copy", "--to", str(db))
    assert refused.status == 1 and "--replace" in refused.err
    back = tmp_path / "back.db"
    assert cli("copy", "--to", str(back)).status == 0
    assert cli("--db", str(back), "athletes").out == "alice\nbob\n"
    assert cli("--db", str(back), "export", "--athlete", "bob").out == cli("export", "--athlete", "bob").out


def test_copy_without_to_exits_2(cli) -> None:  # type: ignore[no-untyped-def]
    result = cli("copy")
    assert result.status == 2 and "--to is required" in result.err


@pytest.mark.postgresql_only
def test_backup_of_a_server_journal_writes_one_json_file_per_athlete(cli, data_dir: Path) -> None:  # type: ignore[no-untyped-def]
    for name in ("alice", "bob"):
        assert cli("athletes", "add", name).status == 0
    for name, pain in (("alice", "1"), ("bob", "5")):
        assert cli("--athlete", name, "pain", pain).status == 0
    # The first write of the day made today's rolling backup, as for a file.
    (daily,) = (data_dir / "backups").glob("daily-*-2026-11-25")
    assert sorted(p.name for p in daily.iterdir()) == ["01-alice.json", "02-bob.json"]
    result = cli("backup")
    assert result.status == 0, result.err
    made = [p for p in (data_dir / "backups").iterdir() if not p.name.startswith("daily-")]
    (folder,) = made
    files = sorted(folder.iterdir())
    assert [p.name for p in files] == ["01-alice.json", "02-bob.json"]
    assert stat.S_IMODE(files[1].stat().st_mode) == 0o600
    assert [s["pain"] for s in json.loads(files[1].read_text())["symptoms"]] == [5]
    # A backup file restores an athlete with the ordinary import.
    assert cli("--athlete", "bob", "pain", "9").status == 0
    assert cli("--athlete", "bob", "import", "--replace", str(files[1])).status == 0
    assert [s["pain"] for s in json.loads(cli("export", "--athlete", "bob").out)["symptoms"]] == [5]
