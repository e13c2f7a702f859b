"""The command line: exit codes, the lines a runner reads, and what ends up in the journal.

Most cases run `main()` in-process (same code path as the console script); a handful run a real
`python -m hamjournal` process where the process itself is the point: exit codes, no textual, durability.
"""

from __future__ import annotations

import datetime as dt
import json
import os
import signal
import stat
import subprocess
import sys
import types
from pathlib import Path

import pytest

from hamjournal.domain.models import PlanItem, Prescription
from hamjournal.store.repo import Store
from tests.cli.conftest import TODAY, snapshot

# -- logging ----------------------------------------------------------------------------------------------------


def test_log_prints_one_confirmation_line_and_saves_the_session(cli, db: Path) -> None:
    result = cli("log", "nordic", "3x6", "--rpe", "7", "--pain", "2", "--date", "2026-11-24")
    assert result.status == 0
    assert result.out == (
        "Logged Nordic hamstring curl 3x6 (band-assisted, tempo 4-0-1-0) on 2026-11-24, RPE 7, pain 2/10.\n"
    )
    assert result.err == ""
    journal = snapshot(db)
    assert journal is not None
    (session,) = journal.sessions
    assert (session.date, session.exercise, session.rpe, session.pain_during) == (dt.date(2026, 11, 24), "nordic", 7, 2)
    assert [s.reps for s in session.sets] == [6, 6, 6]


def test_log_with_every_option(cli, db: Path) -> None:
    result = cli(
        "log", "sl-rdl", "12/10/8", "--side", "left", "--step", "light", "--tempo", "3-1-x-0",
        "--load-kg", "8", "--note", "felt strong",
    )  # fmt: skip
    assert result.status == 0
    assert (
        result.out
        == f"Logged Single-leg Romanian deadlift 12/10/8 (light, tempo 3-1-X-0, left leg, 8 kg) on {TODAY}.\n"
    )
    (session,) = snapshot(db).sessions  # type: ignore[union-attr]
    assert [(s.reps, s.side, s.load_kg) for s in session.sets] == [
        (12, "left", 8.0),
        (10, "left", 8.0),
        (8, "left", 8.0),
    ]
    assert session.note == "felt strong"


def test_log_takes_the_last_step_when_none_is_given(cli) -> None:
    cli("log", "nordic", "3x6", "--step", "incline", "--date", "2026-11-20")
    assert cli("log", "nordic", "3x6").out.startswith("Logged Nordic hamstring curl 3x6 (incline, tempo 4-0-1-0)")


def test_pain_and_run_confirm_what_was_saved(cli, db: Path) -> None:
    pain = cli("pain", "3", "--stiffness", "2", "--when", "after", "--side", "left", "--location", "proximal",
               "--sleep", "7.5", "--fatigue", "4")  # fmt: skip
    assert pain.status == 0
    assert pain.out == (
        f"Checked in on {TODAY} (after): pain 3/10, stiffness 2/10, left leg, proximal, slept 7.5 h, fatigue 4/10.\n"
    )
    assert pain.err == ""
    run = cli("run", "40", "--km", "8", "--rpe", "4", "--strides", "6", "--kind", "easy", "--date", "2026-11-24")
    assert run.status == 0
    assert run.out == "Logged easy run of 40 min, 8 km on 2026-11-24, RPE 4, 6 strides.\n"
    journal = snapshot(db)
    assert [(s.pain, s.when, s.sleep_h, s.fatigue) for s in journal.symptoms] == [(3, "after", 7.5, 4)]  # type: ignore[union-attr]
    assert [(r.minutes, r.distance_km, r.strides) for r in journal.runs] == [(40.0, 8.0, 6)]  # type: ignore[union-attr]


@pytest.mark.parametrize(
    ("args", "warned"),
    [
        (("pain", "7"), True),
        (("pain", "10", "--when", "during-run"), True),
        (("pain", "2", "--sudden"), True),
        (("pain", "6"), False),
        (("log", "nordic", "3x6", "--pain", "7"), True),
        (("log", "nordic", "3x6", "--pain", "6"), False),
    ],
)
def test_a_red_flag_is_saved_and_warned_about(cli, db: Path, args: tuple[str, ...], warned: bool) -> None:
    result = cli(*args)
    assert result.status == 0
    assert len(result.out.splitlines()) == 1
    if warned:
        assert len(result.err_lines) == 1
        assert "Stop hamstring loading" in result.err
        assert "physiotherapist or doctor" in result.err
    else:
        assert result.err == ""
    journal = snapshot(db)
    assert len(journal.symptoms) + len(journal.sessions) == 1  # type: ignore[union-attr]


BAD_INPUT = [
    (("pain", "11"), ["pain", "11", "0 to 10"]),
    (("pain", "-1"), ["pain", "-1", "0 to 10"]),
    (("pain", "x"), ["pain", "'x'", "not a number"]),
    (("pain", "2.5"), ["pain", "whole number"]),
    (("pain", "2", "--when", "noon"), ["when", "noon", "morning", "during-run"]),
    (("pain", "2", "--side", "up"), ["side", "up", "left, right, both"]),
    (("pain", "2", "--location", "knee"), ["location", "proximal"]),
    (("pain", "2", "--stiffness", "12"), ["stiffness", "0 to 10"]),
    (("pain", "2", "--sleep", "30"), ["sleep", "24"]),
    (("pain", "2", "--fatigue", "-3"), ["fatigue", "0 to 10"]),
    (("log", "nordic", "3x"), ["sets", "3x", "3x6"]),
    (("log", "nordic", "0x5"), ["sets", "0x5", "1 to 20"]),
    (("log", "nordic", "3x0"), ["sets", "reps", "1 to 100"]),
    (("log", "nordics", "3x6"), ["exercise", "nordics", "unknown", "nordic, sl-rdl"]),
    (("log", "nordic", "3x6", "--step", "flying"), ["step", "flying", "band-assisted"]),
    (("log", "nordic", "3x6", "--tempo", "3-1"), ["tempo", "3-1", "4-0-1-0"]),
    (("log", "nordic", "3x6", "--date", "2026-13-01"), ["2026-13-01", "not a date", "YYYY-MM-DD"]),
    (("log", "nordic", "3x6", "--date", "2026-11-26"), ["2026-11-26", "future", TODAY]),
    (("log", "nordic", "3x6", "--side", "up"), ["side", "up", "left, right, both"]),
    (("log", "nordic", "3x6", "--rpe", "11"), ["RPE", "0 to 10"]),
    (("log", "nordic", "3x6", "--load-kg", "-5"), ["load", "0 to 500"]),
    (("log", "iso-hold", "3x6"), ["seconds", "3x30s"]),
    (("run", "0"), ["minutes", "above 0"]),
    (("run", "thirty"), ["minutes", "not a number"]),
    (("run", "30", "--km", "-1"), ["distance", "-1", "above 0"]),
    (("run", "30", "--kind", "jog"), ["kind", "jog", "easy, long"]),
    (("run", "30", "--strides", "2.5"), ["strides", "whole number"]),
    (("run", "30", "--date", "yesterday"), ["yesterday", "not a date"]),
    (("week", "--date", "2026-02-30"), ["2026-02-30", "not a date"]),
    (("export", "--format", "xml"), ["format", "xml", "json, csv"]),
    (("demo", "--weeks", "0", "--no-open"), ["weeks", "1 to 520"]),
    (("demo", "--weeks", "521", "--no-open"), ["weeks", "1 to 520"]),
    (("report", "--weeks", "0"), ["weeks", "1 to 520"]),
    (("exercises", "nordics"), ["nordics", "unknown"]),
]


@pytest.mark.parametrize(("args", "words"), BAD_INPUT, ids=[" ".join(a) for a, _ in BAD_INPUT])
def test_bad_input_exits_2_with_one_line_and_writes_nothing(cli, db: Path, args, words) -> None:  # type: ignore[no-untyped-def]
    cli("log", "bridge", "3x10", "--date", "2026-11-23")
    before = snapshot(db)
    result = cli(*args)
    assert result.status == 2
    assert result.out == ""
    assert len(result.err_lines) == 1, result.err
    assert result.err.startswith("hamjournal: ")
    for word in words:
        assert word in result.err
    assert snapshot(db) == before


@pytest.mark.parametrize(
    "args", [("log", "nordic", "3x"), ("pain", "11"), ("run", "0"), ("import", "missing.json")], ids=str
)
@pytest.mark.sqlite_only
def test_bad_input_does_not_even_create_a_journal(cli, db: Path, args: tuple[str, ...]) -> None:
    assert cli(*args).status == 2
    assert not db.exists()


def test_a_bad_today_override_is_reported(cli, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("HAMJOURNAL_TODAY", "someday")
    result = cli("pain", "2")
    assert result.status == 2
    assert result.err_lines == [
        "hamjournal: HAMJOURNAL_TODAY='someday' is not a date: set it as YYYY-MM-DD or unset it"
    ]


# -- the journal file -------------------------------------------------------------------------------------------


@pytest.mark.sqlite_only
def test_db_option_beats_the_environment_before_or_after_the_command(cli, tmp_path: Path, db: Path) -> None:
    first, second = tmp_path / "a.db", tmp_path / "b.db"
    assert cli("--db", str(first), "pain", "1").status == 0
    assert cli("pain", "2", "--db", str(second)).status == 0
    assert [s.pain for s in snapshot(first).symptoms] == [1]  # type: ignore[union-attr]
    assert [s.pain for s in snapshot(second).symptoms] == [2]  # type: ignore[union-attr]
    assert not db.exists()


def test_a_file_that_is_not_a_journal_exits_1_naming_it(cli, tmp_path: Path) -> None:
    notes = tmp_path / "notes.txt"
    notes.write_text("not a journal\n")
    result = cli("pain", "2", "--db", str(notes))
    assert result.status == 1
    assert len(result.err_lines) == 1
    assert str(notes) in result.err and "not a hamjournal journal" in result.err
    assert notes.read_text() == "not a journal\n"


@pytest.mark.sqlite_only
def test_reading_commands_do_not_create_a_journal(cli, db: Path) -> None:
    for args in (("week",), ("export",), ("advice",), ("report",)):
        result = cli(*args)
        assert result.status == 1, args
        assert "does not exist" in result.err and str(db) in result.err
    assert not db.exists()


def test_an_unknown_athlete_exits_2_with_the_names(cli, monkeypatch: pytest.MonkeyPatch) -> None:
    # Bad input, as in every command (README, "Exit status").
    cli("pain", "1")
    monkeypatch.setenv("HAMJOURNAL_ATHLETE", "zoe")
    result = cli("pain", "1")
    assert result.status == 2
    assert result.err_lines == [result.err_lines[0]] and "athlete 'zoe'" in result.err and "me" in result.err
    assert cli("pain", "1", "--athlete", "me").status == 0


# -- week -------------------------------------------------------------------------------------------------------


def _plan_week(db: Path) -> list[int]:
    """Three Nordic items of the runner's own (a re-plan keeps them); their ids."""
    store = Store.open(str(db))
    rx = Prescription(3, (6, 6, 6), None, "4-0-1-0")
    ids = []
    for day in (23, 24, 27):
        item = PlanItem(dt.date(2026, 11, day), "nordic", "strength", rx, "band-assisted", origin="manual")
        ids.append(store.add_plan_item(item).id)
    store.close()
    return ids


def test_week_json_has_seven_days_and_the_documented_keys(cli, db: Path) -> None:
    ids = _plan_week(db)
    cli("log", "nordic", "3x6", "--date", "2026-11-23")
    cli("pain", "2")
    result = cli("week", "--json")
    assert result.status == 0
    data = json.loads(result.out)
    assert list(data) == ["from", "to", "today", "days", "counts", "logged"]
    assert (data["from"], data["to"], data["today"]) == ("2026-11-23", "2026-11-29", TODAY)
    assert [d["weekday"] for d in data["days"]] == ["mon", "tue", "wed", "thu", "fri", "sat", "sun"]
    assert [d["today"] for d in data["days"]] == [False, False, True, False, False, False, False]
    entry_keys = {"kind", "status", "mark", "label", "detail", "id", "exercise", "session_id"}
    assert all(set(e) == entry_keys for d in data["days"] for e in d["entries"])
    entries = [(d["date"], e) for d in data["days"] for e in d["entries"]]
    mine = [(day, e["status"]) for day, e in entries if e["kind"] == "plan" and e["id"] in ids]
    assert mine == [("2026-11-23", "done"), ("2026-11-24", "missed"), ("2026-11-27", "planned")]
    # The log re-planned from today (the journal's first plan): the week holds the generated items too, and the
    # counts are those of every entry shown.
    generated = [(day, e["status"]) for day, e in entries if e["kind"] == "plan" and e["id"] not in ids]
    assert generated and all(day >= TODAY and status == "planned" for day, status in generated)
    assert data["counts"] == {
        "done": 1, "missed": 1, "planned": 1 + len(generated), "skipped": 0, "on_hold": 0, "unplanned": 0,
    }
    assert data["logged"] == {"sessions": 1, "runs": 0, "check_ins": 1}


def test_week_text_marks_each_entry_and_today(cli, db: Path) -> None:
    _plan_week(db)
    cli("log", "nordic", "3x6", "--date", "2026-11-23")
    cli("pain", "2", "--stiffness", "1")
    lines = cli("week").out.splitlines()
    assert lines[0] == "Week 23 Nov – 29 Nov 2026 (2026-11-23 to 2026-11-29)"
    assert "Wed 25 Nov  ← today" in lines
    assert "  ✓ Nordic hamstring curl 3x6 · band-assisted" in lines
    assert "  ✗ Nordic hamstring curl 3x6 · band-assisted" in lines
    assert "  ○ Nordic hamstring curl 3x6 · band-assisted" in lines
    assert "  • Morning: pain 2, stiff 1" in lines
    to_do = json.loads(cli("week", "--json").out)["counts"]["planned"]
    assert to_do > 1  # the runner's own Friday item and the generated plan
    assert f"Plan: 1 done, 1 missed, {to_do} to do, 0 skipped" in lines


def test_week_of_another_date(cli) -> None:
    cli("pain", "1", "--date", "2026-11-10")
    data = json.loads(cli("week", "--date", "2026-11-12", "--json").out)
    assert (data["from"], data["to"]) == ("2026-11-09", "2026-11-15")
    assert data["logged"]["check_ins"] == 1


# -- export and import ------------------------------------------------------------------------------------------


def _seed(cli) -> None:  # type: ignore[no-untyped-def]
    cli("log", "nordic", "3x6", "--rpe", "7", "--pain", "2", "--date", "2026-11-20", "--note", 'said "ouch", then ok')
    cli("log", "iso-hold", "3x30s", "--side", "left", "--date", "2026-11-21")
    cli("pain", "1", "--stiffness", "2", "--location", "distal", "--sleep", "7", "--date", "2026-11-21")
    cli("run", "30", "--date", "2026-11-22")
    cli("run", "42.5", "--km", "9.1", "--kind", "long", "--finish-s", "18.5", "--date", "2026-11-22")


def test_export_import_export_gives_identical_text(cli, tmp_path: Path) -> None:
    _seed(cli)
    first = cli("export")
    assert first.status == 0
    data = json.loads(first.out)
    assert (data["format"], data["version"]) == ("hamjournal", 1)
    assert len(data["sessions"]) == 2 and len(data["runs"]) == 2
    exported = tmp_path / "journal.json"
    exported.write_text(first.out)
    fresh = tmp_path / "fresh.db"
    imported = cli("import", str(exported), "--db", str(fresh))
    assert imported.status == 0
    assert "imported 2 sessions, 1 check-ins, 2 runs" in imported.out
    assert cli("export", "--db", str(fresh)).out == first.out


def test_importing_the_same_file_again_skips_everything(cli, tmp_path: Path, db: Path) -> None:
    _seed(cli)
    exported = tmp_path / "journal.json"
    exported.write_text(cli("export").out)
    before = snapshot(db)
    again = cli("import", str(exported))
    assert again.status == 0
    assert "imported 0 sessions, 0 check-ins, 0 runs, 0 assessments, 0 plan items" in again.out
    assert "already in the journal, skipped" in again.out
    assert snapshot(db) == before


def test_import_replace_swaps_the_records(cli, tmp_path: Path) -> None:
    cli("run", "25", "--date", "2026-11-01")
    other = tmp_path / "other.db"
    cli("pain", "4", "--db", str(other))
    exported = tmp_path / "other.json"
    exported.write_text(cli("export", "--db", str(other)).out)
    result = cli("import", str(exported), "--replace")
    assert result.status == 0 and result.out.startswith("Replaced the journal:")
    data = json.loads(cli("export").out)
    assert (len(data["runs"]), [s["pain"] for s in data["symptoms"]]) == (0, [4])


def _broken_journal(cli, tmp_path: Path) -> Path:  # type: ignore[no-untyped-def]
    _seed(cli)
    data = json.loads(cli("export").out)
    data["sessions"][1]["pain_during"] = 11
    path = tmp_path / "broken.json"
    path.write_text(json.dumps(data))
    return path


def test_a_broken_import_file_exits_2_naming_file_record_and_field_and_changes_nothing(cli, tmp_path, db) -> None:  # type: ignore[no-untyped-def]
    broken = _broken_journal(cli, tmp_path)
    before = snapshot(db)
    for flags in ((), ("--replace",)):
        result = cli("import", str(broken), *flags)
        assert result.status == 2
        assert len(result.err_lines) == 1
        assert str(broken) in result.err
        assert "sessions[1].pain_during" in result.err and "0 to 10" in result.err
        assert snapshot(db) == before


@pytest.mark.parametrize(
    ("content", "words"),
    [
        (None, ["no such file"]),
        (b"\xff\xfe\x00{\x00", ["not UTF-8"]),
        (b"", ["not valid JSON"]),
        (b'{"format": "hamjournal", "version": 2}', ["version", "2", "not supported"]),
        (b'{"format": "hamjournal", "version": 1, "settings": {}}', ["settings"]),
    ],
    ids=["missing", "not-utf8", "empty", "version-2", "unknown-key"],
)
def test_an_unreadable_import_file_exits_2_with_one_line(cli, tmp_path: Path, db: Path, content, words) -> None:  # type: ignore[no-untyped-def]
    cli("pain", "1")
    before = snapshot(db)
    path = tmp_path / "in.json"
    if content is not None:
        path.write_bytes(content)
    result = cli("import", str(path))
    assert result.status == 2
    assert len(result.err_lines) == 1 and str(path) in result.err
    for word in words:
        assert word in result.err
    assert snapshot(db) == before


def test_import_of_a_folder_exits_2(cli, tmp_path: Path) -> None:
    result = cli("import", str(tmp_path))
    assert result.status == 2 and "is a folder" in result.err


def test_export_to_a_file_is_private_atomic_and_matches_stdout(cli, tmp_path: Path) -> None:
    _seed(cli)
    target = tmp_path / "out" / "journal.json"
    target.parent.mkdir()
    target.write_text("old")
    os.chmod(target, 0o644)
    result = cli("export", "-o", str(target))
    assert result.status == 0
    # The log commands re-planned: the plan is part of the journal.
    planned = len(json.loads(cli("export").out)["plan"])
    assert planned > 0
    assert result.out == (
        f"Exported 2 sessions, 1 check-ins, 2 runs, 0 assessments, {planned} plan items as json to {target}.\n"
    )
    assert stat.S_IMODE(target.stat().st_mode) == 0o600
    assert target.read_text() == cli("export").out
    assert sorted(p.name for p in target.parent.iterdir()) == ["journal.json"]  # no temporary file left


def test_export_csv_has_a_header_and_one_row_per_record(cli, tmp_path: Path) -> None:
    _seed(cli)
    text = cli("export", "--format", "csv").out
    rows = text.splitlines()
    assert rows[0].startswith("record,date,exercise")
    assert [r.split(",")[0] for r in rows[1:]] == ["session", "session", "symptom", "run", "run"]
    target = tmp_path / "j.csv"
    assert cli("export", "--format", "CSV", "-o", str(target)).status == 0
    assert target.read_text() == text


def test_export_ics_writes_the_plan_as_a_calendar(cli) -> None:
    _seed(cli)
    result = cli("export", "--format", "ics")
    assert result.status == 0 and result.out.startswith("BEGIN:VCALENDAR")
    assert "BEGIN:VEVENT" in result.out


@pytest.mark.sqlite_only
def test_export_refuses_to_overwrite_the_journal_itself(cli, db: Path) -> None:
    cli("pain", "1")
    before = db.read_bytes()
    result = cli("export", "-o", str(db))
    assert result.status == 2 and "is the journal itself" in result.err
    assert db.read_bytes() == before
    assert snapshot(db) is not None


def test_export_into_a_missing_folder_exits_1(cli, tmp_path: Path) -> None:
    cli("pain", "1")
    target = tmp_path / "nowhere" / "j.json"
    result = cli("export", "-o", str(target))
    assert result.status == 1
    assert len(result.err_lines) == 1 and str(target) in result.err and "cannot be written" in result.err


# -- demo, the app, the library, advice, report -----------------------------------------------------------------


@pytest.fixture
def fake_app(monkeypatch: pytest.MonkeyPatch) -> list[dict[str, object]]:
    """Stand-in for hamjournal.ui.app that records how the app was started instead of running it."""
    started: list[dict[str, object]] = []

    class HamJournalApp:
        def __init__(self, location: str, athlete: str | None) -> None:
            started.append({"location": location, "athlete": athlete})

        def run(self) -> None:
            started[-1]["ran"] = True

    module = types.ModuleType("hamjournal.ui.app")
    module.HamJournalApp = HamJournalApp  # type: ignore[attr-defined]
    monkeypatch.setitem(sys.modules, "hamjournal.ui.app", module)
    return started


def test_no_command_opens_the_app_on_the_journal(cli, fake_app, db: Path, tmp_path: Path) -> None:
    assert cli().status == 0
    assert cli("--db", str(tmp_path / "x.db"), "--athlete", "zoe").status == 0
    assert fake_app == [
        {"location": str(db), "athlete": None, "ran": True},
        {"location": str(tmp_path / "x.db"), "athlete": "zoe", "ran": True},
    ]


def test_no_command_without_the_app_exits_1_with_one_line(cli, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setitem(sys.modules, "hamjournal.ui.app", None)  # import fails as if ui/app.py were missing
    result = cli()
    assert result.status == 1
    assert len(result.err_lines) == 1 and "the app cannot start" in result.err


@pytest.mark.sqlite_only
def test_demo_regenerates_its_own_file_and_opens_the_app_on_it(cli, fake_app, data_dir: Path, db: Path) -> None:
    cli("pain", "1")
    before = db.read_bytes()
    assert cli("demo", "--weeks", "2").status == 0
    assert cli("demo", "--weeks", "2").status == 0
    demo = data_dir / "demo.db"
    assert fake_app == [{"location": str(demo), "athlete": None, "ran": True}] * 2
    journal = snapshot(demo)
    assert journal is not None and journal.sessions and journal.runs
    # Regenerated, not appended: two demos hold what one does.
    assert journal == snapshot(demo)
    assert db.read_bytes() == before


def test_demo_refuses_db_so_no_journal_is_replaced(cli, db: Path) -> None:
    cli("pain", "1")
    before = snapshot(db)
    result = cli("demo", "--db", str(db), "--no-open")
    assert result.status == 2 and "never --db" in result.err
    assert snapshot(db) == before


def test_exercises_lists_the_library(cli) -> None:
    text = cli("exercises").out
    assert text.startswith("slug")
    assert "nordic" in text and "band-assisted*" in text
    data = json.loads(cli("exercises", "--json").out)
    assert data[0]["slug"] == "nordic" and {"steps", "tempo", "name"} <= set(data[0])
    page = cli("exercises", "sl-rdl")
    assert page.status == 0 and page.out.startswith("Single-leg Romanian deadlift (sl-rdl)")
    assert json.loads(cli("exercises", "NORDIC", "--json").out)["slug"] == "nordic"


def test_advice_json_follows_the_design_shape(cli) -> None:
    cli("log", "nordic", "3x6", "--rpe", "6", "--pain", "1", "--date", "2026-11-16")
    cli("log", "nordic", "3x6", "--rpe", "6", "--pain", "1", "--date", "2026-11-23")
    result = cli("advice", "--json")
    assert result.status == 0
    data = json.loads(result.out)
    assert data["date"] == TODAY
    # The logs re-planned, so the planned accessories get a call too; the Nordic's is the one logged.
    item = next(a for a in data["advice"] if a["exercise"] == "nordic")
    assert item["action"] in {"progress", "hold", "regress", "deload", "stop"}
    assert {"step", "current", "next", "reasons", "sources"} <= set(item)
    text = cli("advice").out
    assert text.startswith("Advice for Wed 25 Nov 2026")
    assert f"Nordic hamstring curl: {item['action'].upper()}" in text


def test_advice_says_stop_after_a_red_flag(cli) -> None:
    cli("log", "nordic", "3x6", "--date", "2026-11-23")
    cli("pain", "8")
    data = json.loads(cli("advice", "--json").out)
    assert data["advice"] and {a["action"] for a in data["advice"]} == {"stop"}
    assert "red-flag" in [f["kind"] for f in data["flags"]]


def test_report_prints_a_summary(cli) -> None:
    _seed(cli)
    result = cli("report", "--weeks", "2")
    assert result.status == 0 and result.err == ""
    assert result.out.startswith("hamjournal report: 2 weeks, Mon 16 Nov 2026 to Wed 25 Nov 2026")
    assert "Nordic hamstring curl: 1 session" in result.out


# -- never a traceback ------------------------------------------------------------------------------------------


def test_ctrl_c_exits_130_quietly(cli, monkeypatch: pytest.MonkeyPatch) -> None:
    import hamjournal.commands.logging as logging_commands

    def interrupted(_args: object) -> int:
        raise KeyboardInterrupt

    monkeypatch.setattr(logging_commands, "pain", interrupted)
    result = cli("pain", "1")
    assert (result.status, result.err_lines) == (130, ["hamjournal: interrupted"])


def test_an_unexpected_error_is_one_line(cli, monkeypatch: pytest.MonkeyPatch) -> None:
    import hamjournal.commands.logging as logging_commands

    def broken(_args: object) -> int:
        raise RuntimeError("boom\nsecond line")

    monkeypatch.setattr(logging_commands, "pain", broken)
    result = cli("pain", "1")
    assert result.status == 1
    assert result.err_lines == [
        "hamjournal: unexpected error (RuntimeError: boom second line); nothing more was changed. "
        "Set HAMJOURNAL_DEBUG=1 for details and please report it"
    ]


def test_help_lists_every_command(cli) -> None:
    result = cli("--help")
    assert result.status == 0
    for name in ("demo", "log", "pain", "run", "week", "advice", "report", "exercises", "export", "import"):
        assert f"    {name}" in result.out


# -- real processes ---------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("args", "status", "stream", "words"),
    [
        (("log", "nordic", "3x6", "--rpe", "7"), 0, "out", ["Logged Nordic hamstring curl 3x6"]),
        (("log", "nordic", "3x"), 2, "err", ["hamjournal: sets '3x' not understood"]),
        (("pain", "2", "--db", "{notes}"), 1, "err", ["{notes}", "not a hamjournal journal"]),
        (("pain",), 2, "err", ["the following arguments are required: PAIN; see `hamjournal pain --help`"]),
    ],
    ids=["ok", "bad-input", "not-a-journal", "missing-arg"],
)
def test_the_process_exit_status_and_stream(run_cli, tmp_path: Path, args, status, stream, words) -> None:  # type: ignore[no-untyped-def]
    notes = tmp_path / "notes.txt"
    notes.write_text("hello\n")
    result = run_cli(*(a.format(notes=notes) for a in args))
    assert result.status == status
    text = result.out if stream == "out" else result.err
    for word in words:
        assert word.format(notes=notes) in text
    assert "Traceback" not in result.err
    if status == 0:
        assert result.err == ""


NO_TEXTUAL = """
import sys
def textual():
    return sorted(m for m in sys.modules if m == "textual" or m.startswith("textual."))[:3]
import hamjournal.cli
print("after import:", textual())
assert hamjournal.cli.main(["log", "nordic", "3x6"]) == 0
print("after log:", textual())
assert hamjournal.cli.main(["week", "--json"]) == 0
print("after week:", textual())
"""


def test_the_cli_never_loads_textual(env: dict[str, str], tmp_path: Path) -> None:
    # One process, checked after each step: a module once loaded stays in sys.modules.
    done = subprocess.run([sys.executable, "-c", NO_TEXTUAL], env=env, cwd=tmp_path, capture_output=True, text=True)
    assert done.returncode == 0, done.stderr
    checks = [line for line in done.stdout.splitlines() if line.startswith("after ")]
    assert checks == ["after import: []", "after log: []", "after week: []"]


KILLED_AFTER_SUCCESS = """
import os, signal, sys
from hamjournal.services import JournalService
# Keep the connection open (no clean close, no WAL checkpoint) so only what was committed survives.
JournalService.close = lambda self: None
from hamjournal.cli import main
status = main(sys.argv[1:])
sys.stdout.flush()
if status == 0:
    os.kill(os.getpid(), signal.SIGKILL)
"""


@pytest.mark.sqlite_only
def test_a_reported_success_survives_a_kill(env: dict[str, str], db: Path, tmp_path: Path) -> None:
    done = subprocess.run(
        [sys.executable, "-c", KILLED_AFTER_SUCCESS, "log", "nordic", "4x5", "--rpe", "8", "--date", "2026-11-24"],
        env=env,
        cwd=tmp_path,
        capture_output=True,
        text=True,
    )
    assert done.returncode == -signal.SIGKILL
    assert done.stdout.startswith("Logged Nordic hamstring curl 4x5")
    assert Path(f"{db}-wal").exists(), "the kill should leave the write-ahead log behind"
    journal = snapshot(db)  # this test's process is the "other process" that reopens the journal
    assert journal is not None
    assert [(s.date, s.exercise, s.rpe, len(s.sets)) for s in journal.sessions] == [
        (dt.date(2026, 11, 24), "nordic", 8, 4)
    ]


@pytest.mark.sqlite_only
def test_demo_no_open_writes_the_demo_file_only(run_cli, data_dir: Path, db: Path) -> None:
    result = run_cli("demo", "--weeks", "4", "--no-open")
    demo = data_dir / "demo.db"
    assert result.status == 0, result.err
    assert result.out == f"{demo}\n"
    assert stat.S_IMODE(demo.stat().st_mode) == 0o600
    journal = snapshot(demo)
    assert journal is not None
    assert min(s.date for s in journal.sessions) >= dt.date(2026, 11, 25) - dt.timedelta(weeks=4)
    assert not db.exists()


def test_a_closed_pipe_ends_quietly(env: dict[str, str], db: Path) -> None:
    Store.open(str(db)).close()
    reader, writer = os.pipe()
    os.close(reader)  # nobody will read: the first write fails with EPIPE
    try:
        done = subprocess.run(
            [sys.executable, "-m", "hamjournal", "export"], env=env, stdout=writer, stderr=subprocess.PIPE, text=True
        )
    finally:
        os.close(writer)
    assert done.returncode == 141
    assert done.stderr == ""
