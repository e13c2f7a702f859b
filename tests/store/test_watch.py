"""The journal watch the open app polls: a write by another connection or process is seen, on SQLite
(PRAGMA data_version) and on PostgreSQL (the hj_meta change counter every write transaction bumps)."""

from __future__ import annotations

from hamjournal.store.repo import Store
from hamjournal.store.watch import CHANGED, SAME, JournalWatch
from tests.store.test_store import run, symptom


def test_a_write_elsewhere_is_seen_once(location: str) -> None:
    app, other = Store.open(location), Store.open(location)
    watch = JournalWatch(app)
    try:
        assert watch.poll() == SAME
        changes = app.changes
        other.add_symptom(symptom(pain=7))
        assert watch.poll() == CHANGED
        assert app.changes == changes + 1  # the app's caches keyed on the write count are read again
        assert watch.poll() == SAME
        other.add_run(run())
        other.add_run(run(minutes=12))
        assert watch.poll() == CHANGED
        assert watch.poll() == SAME
    finally:
        watch.close()
        app.close()
        other.close()
