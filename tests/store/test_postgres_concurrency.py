"""Several machines on one journal: concurrent writers lose nothing, and an edit of an entry someone else
changed meanwhile is refused (StaleEntry) instead of silently overwriting it."""

from __future__ import annotations

import os
import subprocess
import sys
import time
from dataclasses import replace
from pathlib import Path

import pytest

from hamjournal.store.errors import EntryNotFound, StaleEntry
from hamjournal.store.repo import Store
from tests.store.test_store import NOV2, plan, run, session, symptom

REPO_ROOT = Path(__file__).resolve().parents[2]
PER_WRITER = 25

# A writer: waits for the start signal (a file), then logs PER_WRITER sessions, each its own transaction.
WRITER = """
import os, sys, time
from hamjournal.services import JournalService
go = sys.argv[2]
while not os.path.exists(go):
    time.sleep(0.005)
journal = JournalService.open(sys.argv[1])
for i in range(int(sys.argv[3])):
    journal.log_session("nordic", "3x5", rpe=str(i % 10), note=sys.argv[4])
journal.close()
"""


def test_two_processes_logging_at_once_lose_nothing(pg_url: str, tmp_path: Path) -> None:
    Store.open(pg_url).close()  # the athlete exists before the race, as on a journal in use
    go = tmp_path / "go"
    env = os.environ | {"PYTHONPATH": str(REPO_ROOT), "HAMJOURNAL_TODAY": "2026-11-25"}
    writers = [
        subprocess.Popen(
            [sys.executable, "-c", WRITER, pg_url, str(go), str(PER_WRITER), name],
            env=env,
            stderr=subprocess.PIPE,
            text=True,
        )
        for name in ("laptop", "phone")
    ]
    time.sleep(1.0)  # both are importing and waiting; then they start together
    go.touch()
    for writer in writers:
        _, err = writer.communicate(timeout=120)
        assert writer.returncode == 0, err
    store = Store.open(pg_url)
    try:
        logged = store.export_journal().sessions
    finally:
        store.close()
    assert len(logged) == 2 * PER_WRITER
    assert sorted(s.note for s in logged) == ["laptop"] * PER_WRITER + ["phone"] * PER_WRITER
    assert all(len(s.sets) == 3 for s in logged)


@pytest.mark.parametrize(
    ("add", "update", "change", "mine"),
    [
        (lambda s: s.add_session(session()), lambda s, r: s.update_session(r), {"rpe": 9}, {"note": "laptop"}),
        (lambda s: s.add_symptom(symptom()), lambda s, r: s.update_symptom(r), {"pain": 4}, {"note": "laptop"}),
        (lambda s: s.add_run(run()), lambda s, r: s.update_run(r), {"minutes": 55.0}, {"note": "laptop"}),
        (lambda s: s.add_plan_item(plan(NOV2)), lambda s, r: s.update_plan_item(r), {"status": "skipped"},
         {"why": "laptop"}),
    ],
    ids=["session", "check-in", "run", "plan-item"],
)
def test_an_edit_of_an_entry_changed_elsewhere_is_refused_and_changes_nothing(  # type: ignore[no-untyped-def]
    location: str, add, update, change, mine
) -> None:
    laptop, phone = Store.open(location), Store.open(location)
    try:
        saved = add(laptop)
        assert saved.revision == 1
        # The phone edits first; its update carries the revision it read and bumps it.
        phone_copy = replace(saved, **change)
        assert update(phone, phone_copy).revision == 2
        before = phone.export_journal()
        # The laptop still holds revision 1: its edit must not overwrite the phone's.
        with pytest.raises(StaleEntry, match="changed on another machine since you opened it; nothing was saved"):
            update(laptop, replace(saved, **mine))
        assert laptop.export_journal() == before
        # Reopened (read again), the laptop's edit goes through.
        fresh = next(r for r in _all(laptop) if r.id == saved.id)
        assert fresh.revision == 2
        assert update(laptop, replace(fresh, **mine)).revision == 3
    finally:
        laptop.close()
        phone.close()


def test_an_edit_of_an_entry_deleted_elsewhere_says_not_found(location: str) -> None:
    laptop, phone = Store.open(location), Store.open(location)
    try:
        saved = laptop.add_run(run())
        phone.delete_run(saved.id)  # type: ignore[arg-type]
        with pytest.raises(EntryNotFound, match="deleted meanwhile"):
            laptop.update_run(replace(saved, minutes=10.0))
    finally:
        laptop.close()
        phone.close()


def _all(store: Store) -> list:  # type: ignore[type-arg]
    journal = store.export_journal()
    return [*journal.sessions, *journal.symptoms, *journal.runs, *journal.plan]


@pytest.mark.parametrize(
    ("add", "update", "delete", "change"),
    [
        (lambda s: s.add_session(session()), lambda s, r: s.update_session(r), "delete_session", {"rpe": 9}),
        (lambda s: s.add_symptom(symptom()), lambda s, r: s.update_symptom(r), "delete_symptom", {"pain": 4}),
        (lambda s: s.add_run(run()), lambda s, r: s.update_run(r), "delete_run", {"minutes": 55.0}),
        (lambda s: s.add_plan_item(plan(NOV2)), lambda s, r: s.update_plan_item(r), "delete_plan_item",
         {"status": "skipped"}),
    ],
    ids=["session", "check-in", "run", "plan-item"],
)
def test_a_delete_of_an_entry_changed_elsewhere_is_refused_and_changes_nothing(  # type: ignore[no-untyped-def]
    location: str, add, update, delete, change
) -> None:
    laptop, phone = Store.open(location), Store.open(location)
    try:
        saved = add(laptop)
        update(phone, replace(saved, **change))  # revision 2 on the phone
        before = phone.export_journal()
        # The laptop still shows revision 1: deleting it would throw away the phone's version unseen.
        with pytest.raises(StaleEntry, match="changed on another machine since you opened it; nothing was deleted"):
            getattr(laptop, delete)(saved.id, saved.revision)
        assert laptop.export_journal() == before
        # Read again (revision 2), the delete goes through.
        fresh = next(r for r in _all(laptop) if r.id == saved.id)
        getattr(laptop, delete)(fresh.id, fresh.revision)
        assert saved.id not in [r.id for r in _all(laptop) if type(r) is type(saved)]
    finally:
        laptop.close()
        phone.close()
