"""The Store on real SQLite files: round trips, edits, safety of foreign and damaged files, import, windows."""

from __future__ import annotations

import datetime as dt
import sqlite3
import stat
from dataclasses import replace
from pathlib import Path

import pytest
from sqlalchemy import func, select

from hamjournal.domain.models import (
    Assessment,
    Injury,
    Journal,
    PlanItem,
    Prescription,
    Profile,
    Race,
    Run,
    Session,
    SetEntry,
    SymptomLog,
)
from hamjournal.store import schema
from hamjournal.store.errors import EntryNotFound, JournalError, JournalTooNew, NotAJournal
from hamjournal.store.plan_state import PlanState, read_plan_state, replace_plan_from
from hamjournal.store.repo import Store

D = dt.date
NOV2, NOV3 = D(2026, 11, 2), D(2026, 11, 3)


def session(day: D = NOV2, exercise: str = "nordic", reps: int = 5, **kw: object) -> Session:
    """A session with three sets, the middle one different, so set order matters."""
    sets = (SetEntry(reps, "both"), SetEntry(reps - 1, "left", 2.5), SetEntry(reps, "right"))
    values: dict[str, object] = {"step": "band-assisted", "tempo": "4-0-1-0", "rpe": 7, "pain_during": 2}
    values.update(kw)
    return Session(date=day, exercise=exercise, sets=sets, **values)  # type: ignore[arg-type]


def hold(day: D = NOV3) -> Session:
    return Session(day, "iso-hold", (SetEntry(None, "left", 0.0, 30), SetEntry(None, "right", 0.0, 25)), "prone")


def symptom(day: D = NOV3, pain: int = 1) -> SymptomLog:
    return SymptomLog(day, pain, "morning", 2, "left", "proximal", False, 7.5, 2, "tight after hills")


def run(day: D = NOV2, minutes: float = 40) -> Run:
    return Run(day, minutes, "easy", 8.0, 4, 6, None, "felt good")


def plan(day: D, exercise: str = "nordic", origin: str = "auto", status: str = "planned") -> PlanItem:
    rx = Prescription(2, (6, 6), None, "4-0-1-0")
    return PlanItem(day, exercise, "strength", rx, "bodyweight", False, "after the easy run", origin, status)


PROFILE = Profile(
    mode="rehab",
    running_days=("mon", "wed", "sat"),
    long_run_day="sat",
    hard_days=("wed",),
    strength_days=("tue", "fri"),
    injuries=(Injury(D(2025, 5, 10), "left", 2, "sprint finish"),),
    races=(Race(D(2027, 4, 12), "City 10K", 10.0, "A"), Race(D(2027, 6, 1), "Trail 21K", 21.1, "B")),
    deload_every=4,
    nordic_ability="partial",
)


def no_id(records: list) -> list:  # type: ignore[type-arg]
    return [replace(r, id=None) for r in records]


def reopen(location: str | Path) -> Store:
    return Store.open(str(location), create=False)


# -- round trips ----------------------------------------------------------------------------------------------


def test_every_record_kind_survives_a_close_and_reopen(store: Store, location: str) -> None:
    store.save_profile(PROFILE)
    saved = [store.add_session(session()), store.add_session(hold())]
    log = store.add_symptom(symptom())
    ran = store.add_run(run())
    paired = store.add_assessment(Assessment(D(2026, 11, 1), "sl-bridge-reps", left=22, right=25))
    single = store.add_assessment(Assessment(D(2026, 11, 1), "nordic-lowering-s", value=3.5))
    item = store.add_plan_item(plan(D(2026, 11, 26)))
    assert all(r.id is not None for r in [*saved, log, ran, paired, single, item])
    store.close()

    again = reopen(location)
    try:
        week = (D(2026, 10, 1), D(2026, 12, 31))
        assert again.profile() == PROFILE
        assert again.is_onboarded()
        assert again.sessions_between(*week) == saved
        assert again.symptoms_between(*week) == [log]
        assert again.runs_between(*week) == [ran]
        assert again.assessments_between(*week) == [paired, single]
        assert again.plan_between(*week) == [item]
        assert again.get_session(saved[1].id) == saved[1]  # type: ignore[arg-type]
        assert again.counts() == {"sessions": 2, "symptoms": 1, "runs": 1, "assessments": 2, "plan": 1}
    finally:
        again.close()


def test_a_new_journal_is_empty_with_the_default_profile(store: Store) -> None:
    assert store.is_empty()
    assert store.profile() == Profile()
    assert not store.is_onboarded()
    assert store.first_date() is None


def test_export_journal_holds_everything_in_date_order(store: Store) -> None:
    store.save_profile(PROFILE)
    late = store.add_session(session(D(2026, 11, 20)))
    early = store.add_session(session(D(2026, 11, 1)))
    store.add_run(run(D(2026, 11, 4)))
    journal = store.export_journal()
    assert journal.profile == PROFILE
    assert journal.sessions == (early, late)
    assert len(journal.runs) == 1
    assert store.first_date() == D(2026, 11, 1)


# -- edits ----------------------------------------------------------------------------------------------------


def test_updates_replace_the_record_and_its_sets(store: Store, location: str) -> None:
    first = store.add_session(session())
    changed = replace(first, sets=(SetEntry(8, "both"),), rpe=9, note="harder")
    store.update_session(changed)
    log = store.add_symptom(symptom())
    store.update_symptom(replace(log, pain=4, sudden=True))
    ran = store.add_run(run())
    store.update_run(replace(ran, minutes=55.5, kind="long"))
    item = store.add_plan_item(plan(D(2026, 11, 26)))
    store.update_plan_item(replace(item, status="skipped", date=D(2026, 11, 27)))
    store.close()

    again = reopen(location)
    try:
        window = (D(2026, 11, 1), D(2026, 11, 30))
        assert again.get_session(first.id) == changed  # type: ignore[arg-type]
        assert [(s.pain, s.sudden) for s in again.symptoms_between(*window)] == [(4, True)]
        assert [(r.minutes, r.kind) for r in again.runs_between(*window)] == [(55.5, "long")]
        assert [(p.date, p.status) for p in again.plan_between(*window)] == [(D(2026, 11, 27), "skipped")]
    finally:
        again.close()


def test_deletes_remove_only_the_record(store: Store) -> None:
    keep, gone = store.add_session(session()), store.add_session(session(reps=6))
    store.delete_session(gone.id)  # type: ignore[arg-type]
    log, ran = store.add_symptom(symptom()), store.add_run(run())
    test = store.add_assessment(Assessment(D(2026, 11, 1), "hop-cm", left=120, right=118))
    item = store.add_plan_item(plan(D(2026, 11, 26)))
    store.delete_symptom(log.id)  # type: ignore[arg-type]
    store.delete_run(ran.id)  # type: ignore[arg-type]
    store.delete_assessment(test.id)  # type: ignore[arg-type]
    store.delete_plan_item(item.id)  # type: ignore[arg-type]
    assert store.counts() == {"sessions": 1, "symptoms": 0, "runs": 0, "assessments": 0, "plan": 0}
    assert store.sessions_between(D(2026, 1, 1), D(2026, 12, 31)) == [keep]
    with store.engine.connect() as conn:
        # The deleted session's sets go with it (foreign key ON DELETE CASCADE).
        assert conn.execute(select(func.count()).select_from(schema.session_sets)).scalar_one() == len(keep.sets)


@pytest.mark.parametrize(
    "action",
    [
        lambda s: s.get_session(999),
        lambda s: s.update_session(replace(session(), id=999)),
        lambda s: s.update_session(session()),  # never saved: no id
        lambda s: s.update_symptom(replace(symptom(), id=999)),
        lambda s: s.update_run(replace(run(), id=999)),
        lambda s: s.update_plan_item(replace(plan(D(2026, 11, 26)), id=999)),
        lambda s: s.delete_session(999),
        lambda s: s.delete_symptom(999),
        lambda s: s.delete_run(999),
        lambda s: s.delete_assessment(999),
        lambda s: s.delete_plan_item(999),
    ],
    ids=[
        "get-session", "update-session", "update-unsaved", "update-symptom", "update-run", "update-plan",
        "delete-session", "delete-symptom", "delete-run", "delete-assessment", "delete-plan",
    ],
)  # fmt: skip
def test_a_missing_entry_raises_entry_not_found_and_changes_nothing(store: Store, action) -> None:  # type: ignore[no-untyped-def]
    store.add_session(session())
    before = store.export_journal()
    with pytest.raises(EntryNotFound):
        action(store)
    assert store.export_journal() == before


# -- the file ---------------------------------------------------------------------------------------------------


@pytest.mark.sqlite_only
def test_every_connection_has_the_pragmas(store: Store) -> None:
    with store.engine.connect() as conn:
        pragmas = {
            name: conn.exec_driver_sql(f"PRAGMA {name}").scalar_one()
            for name in ("journal_mode", "foreign_keys", "synchronous", "busy_timeout")
        }
    assert pragmas == {"journal_mode": "wal", "foreign_keys": 1, "synchronous": 2, "busy_timeout": 5000}


@pytest.mark.sqlite_only
def test_the_journal_is_readable_by_its_owner_only(store: Store, db_path: Path) -> None:
    store.add_session(session())
    assert stat.S_IMODE(db_path.stat().st_mode) == 0o600


@pytest.mark.sqlite_only
def test_the_journal_carries_its_schema_version(store: Store, db_path: Path) -> None:
    with sqlite3.connect(db_path) as raw:
        assert raw.execute("PRAGMA user_version").fetchone()[0] == schema.SCHEMA_VERSION
        assert raw.execute("PRAGMA application_id").fetchone()[0] == schema.SQLITE_APPLICATION_ID
        meta = dict(raw.execute("SELECT key, value FROM hj_meta").fetchall())
    assert meta == {"application": "hamjournal", "schema_version": str(schema.SCHEMA_VERSION)}


def test_a_missing_file_is_not_created_when_asked_not_to(tmp_path: Path) -> None:
    target = tmp_path / "nope.db"
    with pytest.raises(JournalError, match=r"nope\.db"):
        Store.open(str(target), create=False)
    assert not target.exists()


def _foreign_db(path: Path) -> None:
    with sqlite3.connect(path) as raw:
        raw.execute("CREATE TABLE recipes (id INTEGER PRIMARY KEY, name TEXT)")
        raw.execute("INSERT INTO recipes (name) VALUES ('flapjack')")
    raw.close()


def _text_file(path: Path) -> None:
    path.write_text("shopping: oats, honey, butter\n")


def _zeros_header(path: Path) -> None:
    path.write_bytes(b"\x00" * 4096)


@pytest.mark.parametrize(
    "make",
    [_text_file, _foreign_db, _zeros_header],
    ids=["text", "foreign-sqlite", "zeros"],
)
def test_a_file_that_is_not_a_journal_is_refused_and_left_untouched(tmp_path: Path, make) -> None:  # type: ignore[no-untyped-def]
    path = tmp_path / "other.db"
    make(path)
    before = path.read_bytes()
    with pytest.raises(NotAJournal) as caught:
        Store.open(str(path))
    assert str(path) in str(caught.value)
    assert "untouched" in str(caught.value)
    assert path.read_bytes() == before


def test_a_folder_given_as_the_journal_is_refused(tmp_path: Path) -> None:
    with pytest.raises(NotAJournal, match="is a folder"):
        Store.open(str(tmp_path))


def _closed_journal(path: Path, sessions: int = 1) -> bytes:
    opened = Store.open(str(path))
    for i in range(sessions):
        opened.add_session(session(D(2026, 1, 1) + dt.timedelta(days=i % 300), note="x" * 200))
    opened.close()
    assert not Path(f"{path}-wal").exists(), "closing should checkpoint the WAL into the file"
    return path.read_bytes()


@pytest.mark.parametrize(
    "bump",
    [
        "PRAGMA user_version = 99",
        "UPDATE hj_meta SET value = '99' WHERE key = 'schema_version'",
    ],
    ids=["user_version", "hj_meta"],
)
def test_a_journal_from_a_newer_hamjournal_is_refused_and_left_untouched(db_path: Path, bump: str) -> None:
    _closed_journal(db_path)
    with sqlite3.connect(db_path) as raw:
        raw.execute(bump)
        if "user_version" in bump:
            # Keep hj_meta in step, as a newer hamjournal would write both.
            raw.execute("UPDATE hj_meta SET value = '99' WHERE key = 'schema_version'")
    raw.close()
    before = db_path.read_bytes()
    with pytest.raises(JournalTooNew) as caught:
        Store.open(str(db_path))
    assert str(db_path) in str(caught.value)
    assert "99" in str(caught.value)
    assert db_path.read_bytes() == before


def test_a_corrupt_journal_is_refused_and_left_untouched(db_path: Path) -> None:
    original = _closed_journal(db_path, sessions=300)
    page = 4096
    pages = len(original) // page
    assert pages > 8, "the journal must span several pages for the damage to land inside data"
    # Overwrite whole pages in the middle (b-tree pages of the sessions and sets tables) with garbage.
    damaged = bytearray(original)
    start = (pages // 2) * page
    damaged[start : start + 2 * page] = bytes((i * 37 + 11) % 256 for i in range(2 * page))
    db_path.write_bytes(bytes(damaged))
    with pytest.raises(NotAJournal) as caught:
        Store.open(str(db_path))
    assert str(db_path) in str(caught.value)
    assert db_path.read_bytes() == bytes(damaged)


# -- import -----------------------------------------------------------------------------------------------------


def _journal() -> Journal:
    return Journal(
        profile=PROFILE,
        sessions=(session(D(2026, 11, 2)), hold(D(2026, 11, 3)), session(D(2026, 11, 5), reps=6)),
        symptoms=(symptom(D(2026, 11, 3)), symptom(D(2026, 11, 4), pain=0)),
        runs=(run(D(2026, 11, 2)), run(D(2026, 11, 4), 30)),
        assessments=(Assessment(D(2026, 11, 1), "sl-bridge-reps", left=22, right=25),),
        plan=(plan(D(2026, 11, 26)), plan(D(2026, 11, 28), "bridge", origin="manual")),
    )


def test_import_adds_everything_and_a_second_import_skips_the_duplicates(store: Store) -> None:
    first = store.import_journal(_journal())
    assert (first.sessions, first.symptoms, first.runs, first.assessments, first.plan, first.skipped) == (
        3, 2, 2, 1, 2, 0,
    )  # fmt: skip
    exported = store.export_journal()
    assert exported.profile == PROFILE
    assert no_id(list(exported.sessions)) == list(_journal().sessions)
    second = store.import_journal(_journal())
    assert (second.sessions, second.symptoms, second.runs, second.plan, second.skipped) == (0, 0, 0, 0, 10)
    assert store.export_journal() == exported


def test_duplicates_are_recognised_by_value_not_spelling(store: Store) -> None:
    store.add_run(Run(D(2026, 11, 2), 40.0, distance_km=8.0))
    summary = store.import_journal(Journal(runs=(Run(D(2026, 11, 2), 40, distance_km=8),)))
    assert (summary.runs, summary.skipped) == (0, 1)


def test_identical_records_within_one_file_are_all_imported(store: Store) -> None:
    double = (Run(D(2026, 11, 2), 30.0), Run(D(2026, 11, 2), 30.0))
    summary = store.import_journal(Journal(runs=double), replace_all=True)
    assert summary.runs == 2
    assert len(store.runs_between(D(2026, 11, 2), D(2026, 11, 2))) == 2


def test_import_with_replace_all_swaps_the_records(store: Store) -> None:
    store.add_session(session(D(2026, 10, 1), exercise="bridge"))
    store.import_journal(_journal(), replace_all=True)
    assert [s.exercise for s in store.export_journal().sessions] == ["nordic", "iso-hold", "nordic"]


def test_an_import_failing_midway_leaves_the_journal_unchanged(store: Store) -> None:
    store.add_session(session(D(2026, 10, 1), exercise="bridge"))
    store.save_profile(Profile(mode="prevention"))
    before = store.export_journal()
    # Sessions go in first; the bad check-in (pain is required) fails after they were inserted.
    bad = replace(_journal(), symptoms=(symptom(), replace(symptom(D(2026, 11, 4)), pain=None)))
    for replace_all in (False, True):
        with pytest.raises(JournalError):
            store.import_journal(bad, replace_all=replace_all)
        assert store.export_journal() == before


# -- the plan ---------------------------------------------------------------------------------------------------


def test_replace_plan_from_keeps_manual_skipped_and_past_items(store: Store) -> None:
    start = D(2026, 11, 25)
    past = store.add_plan_item(plan(D(2026, 11, 20)))
    manual = store.add_plan_item(plan(D(2026, 11, 26), "bridge", origin="manual"))
    skipped = store.add_plan_item(plan(D(2026, 11, 27), status="skipped"))
    store.add_plan_item(plan(D(2026, 11, 25)))
    store.add_plan_item(plan(D(2026, 12, 3)))
    fresh = [plan(D(2026, 11, 29), "sl-rdl"), plan(D(2026, 12, 2), "sl-rdl")]
    state = PlanState(start, D(2026, 12, 6), stopped=True)
    assert replace_plan_from(store, start, fresh, state) == 2
    assert read_plan_state(store) == state
    items = store.plan_between(D(2026, 11, 1), D(2026, 12, 31))
    assert [(p.date, p.exercise, p.origin, p.status) for p in items] == [
        (past.date, "nordic", "auto", "planned"),
        (manual.date, "bridge", "manual", "planned"),
        (skipped.date, "nordic", "auto", "skipped"),
        (D(2026, 11, 29), "sl-rdl", "auto", "planned"),
        (D(2026, 12, 2), "sl-rdl", "auto", "planned"),
    ]


def test_a_replan_that_changes_nothing_keeps_its_rows(store: Store) -> None:
    start = D(2026, 11, 25)
    fresh = [plan(D(2026, 11, 29), "sl-rdl"), plan(D(2026, 12, 2), "sl-rdl")]
    state = PlanState(start, D(2026, 12, 6))
    replace_plan_from(store, start, fresh, state)
    before = [p.id for p in store.plan_between(start, D(2026, 12, 31))]
    replace_plan_from(store, start, [*fresh, plan(D(2026, 12, 4), "bridge")], state)
    after = store.plan_between(start, D(2026, 12, 31))
    assert [p.id for p in after][:2] == before  # the unchanged items keep their ids
    assert [(p.date, p.exercise) for p in after][2] == (D(2026, 12, 4), "bridge")


# -- windows ----------------------------------------------------------------------------------------------------


def test_window_queries_return_only_the_window_inclusive(store: Store) -> None:
    days = [D(2026, 11, d) for d in (15, 16, 22, 23)]
    for day in days:
        store.add_session(session(day))
        store.add_symptom(symptom(day))
        store.add_run(run(day))
        store.add_assessment(Assessment(day, "hop-cm", left=100, right=100))
        store.add_plan_item(plan(day))
    start, end = D(2026, 11, 16), D(2026, 11, 22)
    expected = [D(2026, 11, 16), D(2026, 11, 22)]
    assert [s.date for s in store.sessions_between(start, end)] == expected
    assert [s.date for s in store.symptoms_between(start, end)] == expected
    assert [r.date for r in store.runs_between(start, end)] == expected
    assert [a.date for a in store.assessments_between(start, end)] == expected
    assert [p.date for p in store.plan_between(start, end)] == expected
    assert [s.date for s in store.sessions_between(start, end, exercise="bridge")] == []
    # Sets are fetched for the window's sessions only, each with its own three sets.
    assert all(len(s.sets) == 3 for s in store.sessions_between(start, end))
