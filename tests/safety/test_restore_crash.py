"""`restore` killed at each of its steps leaves either the old journal or the restored one, whole, and loses
nothing committed, not even an entry still only in the old journal's -wal file (issue 16, item 3).

The kills land where the test chooses (engine.ENV_CRASH_AT_STEP, see test_crash.py): restore is killed at step
1, 2, 3, ... until it runs to the end. The figures are printed; see them with `pytest -s`.
"""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest

from hamjournal.config import BACKUP_DIR
from hamjournal.services import JournalService
from hamjournal.store.backup import PARTIAL_SUFFIX, RESTORING_SUFFIX
from hamjournal.store.repo import Store
from tests.safety.conftest import integrity, make_journal, notes
from tests.safety.test_crash import KILLED, MAX_STEPS, Runner

# Saves a check-in and exits without closing the journal: its commit stays in the -wal file, un-checkpointed,
# as after an app that was killed.
WAL_WRITER = """
import sys
from hamjournal.services import JournalService
service = JournalService.open(sys.argv[1])
service.auto_replan = False
service.check_in(5, note="only in the wal")
"""
BEFORE, IN_WAL, FROM_BACKUP = "before the test", "only in the wal", "from the backup"


@pytest.fixture
def crashes(env: dict[str, str]) -> Iterator[Runner]:
    started = Runner(env)
    try:
        yield started
    finally:
        started.close()


def _prepare(folder: Path, runner: Runner) -> tuple[Path, Path]:
    if folder.exists():
        shutil.rmtree(folder)
    folder.mkdir(parents=True)
    journal, backup = folder / "journal.db", folder / "backup.db"
    make_journal(journal)
    make_journal(backup)
    service = JournalService(Store.open(str(backup)))
    try:
        service.check_in(3, note=FROM_BACKUP)  # so the restored journal can be told from the old one
    finally:
        service.close()
    (wrote,) = runner.run({"script": WAL_WRITER, "args": [str(journal)], "step": 0})
    assert wrote["returncode"] == 0, wrote["stderr"]
    wal = Path(str(journal) + "-wal")
    assert wal.exists() and wal.stat().st_size > 0, "the entry must be in the -wal file only"
    return journal, backup


def test_restore_killed_at_every_step_keeps_one_whole_journal(crashes: Runner, tmp_path: Path, data_dir: Path) -> None:
    runner = crashes
    kills = old_kept = restored = 0
    for step in range(1, MAX_STEPS):
        journal, backup = _prepare(tmp_path / f"step-{step}", runner)
        (done,) = runner.run({"cli": ["--db", str(journal), "restore", str(backup)], "step": step})
        if done["returncode"] == 0:
            break
        assert done["returncode"] == KILLED, (step, done["stderr"])
        kills += 1
        assert integrity(journal) == "ok", step
        held = sorted(notes(journal, "symptoms"))
        if held == sorted([BEFORE, IN_WAL]):
            old_kept += 1  # the old journal, its -wal entry included
        else:
            assert held == sorted([BEFORE, FROM_BACKUP]), (step, held)  # the restored one, and nothing else
            restored += 1
            # The old journal, -wal entry included, is in the copy kept aside.
            asides = list((data_dir / BACKUP_DIR).glob("journal-*-before-restore-*.db"))
            assert any(IN_WAL in notes(aside, "symptoms") for aside in asides), step
        # Running restore again finishes the job and leaves nothing behind.
        (again,) = runner.run({"cli": ["--db", str(journal), "restore", str(backup)], "step": 0})
        assert again["returncode"] == 0, (step, again["stderr"])
        assert sorted(notes(journal, "symptoms")) == sorted([BEFORE, FROM_BACKUP])
        leftovers = [p.name for p in journal.parent.iterdir() if p.name.endswith((RESTORING_SUFFIX, PARTIAL_SUFFIX))]
        assert leftovers == [], (step, leftovers)
        for aside in (data_dir / BACKUP_DIR).glob("*"):
            aside.unlink()
    else:
        raise AssertionError("restore was never allowed to finish: the crash hook is broken")
    assert kills >= 8, "restore has a kill point at each of its steps"
    print(
        f"\nrestore: killed at {kills} steps ({old_kept} left the old journal, {restored} the restored one), "
        f"then ran to the end at step {step}; every journal whole, the -wal entry never lost"
    )


def test_restore_warns_when_the_journal_is_open_elsewhere(
    journal: Path, tmp_path: Path, in_process_env: dict[str, str], capsys: pytest.CaptureFixture[str]
) -> None:
    from hamjournal.cli import main

    backup = tmp_path / "backup.db"
    assert main(["backup", "-o", str(backup)]) == 0
    capsys.readouterr()
    app = Store.open(str(journal))  # as an open app holds it
    try:
        app.profile()
        assert main(["restore", str(backup)]) == 0
        out, err = capsys.readouterr()
        assert "looks open in another program" in err and "reopens the restored journal" in err
        assert len(err.splitlines()) == 1 and out.startswith("Restored")
    finally:
        app.close()
    assert main(["restore", str(backup)]) == 0
    assert "warning" not in capsys.readouterr().err  # nobody has it open now
