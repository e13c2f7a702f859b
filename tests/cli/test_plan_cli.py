"""`hamjournal plan`, the .ics export and the plan's use-cases (re-plan, move, skip, add) on a real journal file."""

from __future__ import annotations

import argparse
import datetime as dt
import json
from collections.abc import Iterator
from pathlib import Path

import pytest
from icalendar import Calendar

from hamjournal.cli import COMMANDS, main
from hamjournal.commands import plan as plan_command
from hamjournal.domain.demo import demo_journal
from hamjournal.domain.errors import InvalidInput
from hamjournal.domain.models import Journal, Profile
from hamjournal.services import JournalService
from hamjournal.store.repo import Store

TODAY = dt.date(2026, 11, 25)  # a Wednesday
ALL_TIME = (dt.date(2000, 1, 1), dt.date(2100, 1, 1))


@pytest.fixture
def service(tmp_path: Path) -> Iterator[JournalService]:
    """A journal holding only a profile (a new runner), with a fixed today."""
    store = Store.open(str(tmp_path / "journal.db"))
    store.save_profile(Profile())
    journal = JournalService(store, today=lambda: TODAY)
    yield journal
    journal.close()


@pytest.fixture
def demo(tmp_path: Path) -> Iterator[JournalService]:
    """The 16-week demo journal without its stand-in plan."""
    store = Store.open(str(tmp_path / "demo.db"))
    full = demo_journal(TODAY, weeks=16)
    store.import_journal(Journal(full.profile, full.sessions, full.symptoms, full.runs, full.assessments))
    journal = JournalService(store, today=lambda: TODAY)
    yield journal
    journal.close()


def run_plan(service: JournalService, capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str]:
    """`plan ARGS` through the real CLI when it is wired, else through this module's parser and run()."""
    capsys.readouterr()
    if "plan" in COMMANDS:
        status = main(["--db", service.label, "plan", *args])
    else:
        parser = argparse.ArgumentParser(prog="hamjournal")
        plan_command.add_parser(parser.add_subparsers(dest="command"))
        status = plan_command.run(parser.parse_args(["plan", *args]), service)
    return status, capsys.readouterr().out


def test_plan_json_has_the_design_shape(demo: JournalService, capsys: pytest.CaptureFixture[str],
                                        monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("HAMJOURNAL_TODAY", TODAY.isoformat())
    status, out = run_plan(demo, capsys, "--json")
    assert status == 0
    data = json.loads(out)
    assert data["from"] == "2026-11-25"
    assert data["block"]["name"] == "base" and data["block"]["race"] == "City 10K"
    assert isinstance(data["block"]["week"], int) and isinstance(data["block"]["weeks"], int)
    assert data["items"], "the demo runner gets a plan"
    for item in data["items"]:
        assert set(item) >= {"date", "exercise", "step", "kind", "prescription", "deload", "why"}
        assert set(item["prescription"]) == {"sets", "reps", "hold_s", "tempo"}
        assert item["kind"] in ("strength", "run-drill", "assessment")
        assert item["date"] >= "2026-11-25" and item["why"]
    assert max(i["date"] for i in data["items"]) <= "2026-12-20"  # 4 weeks from this Monday


def test_plan_text_lists_weeks_with_the_block(service: JournalService, capsys: pytest.CaptureFixture[str],
                                             monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("HAMJOURNAL_TODAY", TODAY.isoformat())
    status, out = run_plan(service, capsys, "--weeks", "2")
    assert status == 0
    assert out.startswith("Plan from Wed 25 Nov 2026 · Base block, week 1 of 5")
    assert "Week of 23 Nov · base 1/5" in out and "Week of 30 Nov · base 2/5" in out
    assert "Nordic 2x5 (band-assisted)" in out
    assert "Week of 07 Dec" not in out


def test_plan_weeks_must_be_a_number_in_range(service: JournalService) -> None:
    with pytest.raises(InvalidInput, match="weeks '0' is not allowed: use a whole number from 1 to 52"):
        plan_command.run(argparse.Namespace(json=False, weeks="0"), service)


def test_ics_export_parses_back_with_one_event_per_item(demo: JournalService) -> None:
    demo.replan()
    text = plan_command.export_ics(demo)
    calendar = Calendar.from_ical(text)
    events = list(calendar.walk("VEVENT"))
    expected = [i for i in demo.plan().items if i.status == "planned"]
    assert len(events) == len(expected) > 0
    uids = [str(e["UID"]) for e in events]
    assert len(set(uids)) == len(uids)
    assert uids == [str(e["UID"]) for e in Calendar.from_ical(plan_command.export_ics(demo)).walk("VEVENT")]
    nordic = next(e for e in events if str(e["SUMMARY"]).startswith("Nordic"))
    assert str(nordic["SUMMARY"]) in ("Nordic 12/10 (bodyweight) - deload", "Nordic 12/10/8 (bodyweight)")
    assert "Tempo 4-0-1-0" in str(nordic["DESCRIPTION"])
    assert all(isinstance(e.decoded("DTSTART"), dt.date) and not isinstance(e.decoded("DTSTART"), dt.datetime)
               for e in events)


# -- the use-cases --------------------------------------------------------------------------------------------


def stored(service: JournalService) -> list:  # type: ignore[type-arg]
    return service.store.plan_between(*ALL_TIME)


def test_replan_saves_the_plan_and_is_stable(service: JournalService) -> None:
    saved = service.replan()
    assert saved == len(stored(service)) > 0
    before = [(p.date, p.exercise) for p in stored(service)]
    service.replan()
    assert [(p.date, p.exercise) for p in stored(service)] == before


def test_replan_keeps_moved_skipped_added_and_past_items(service: JournalService) -> None:
    service.replan()
    nordic = next(p for p in stored(service) if p.exercise == "nordic")
    friday = TODAY + dt.timedelta(days=2)
    moved = service.move_plan_item(nordic.id, friday)  # type: ignore[arg-type]
    assert (moved.date, moved.origin) == (friday, "manual")
    strides = next(p for p in stored(service) if p.exercise == "strides")
    service.skip_plan_item(strides.id)  # type: ignore[arg-type]
    added = service.add_plan_item(TODAY + dt.timedelta(days=5), "iso-hold", "bilateral", "3x30s")
    past = service.store.add_plan_item(moved.__class__(TODAY - dt.timedelta(days=2), "bridge", "strength",
                                                       nordic.prescription, step="short-lever"))
    service.replan()
    after = {p.id: p for p in stored(service)}
    assert after[moved.id].date == friday and after[moved.id].origin == "manual"  # type: ignore[index]
    assert after[strides.id].status == "skipped"  # type: ignore[index]
    assert after[added.id].prescription.hold_s == 30  # type: ignore[index]
    assert past.id in after
    this_week = [p for p in after.values() if p.exercise == "nordic" and p.date <= TODAY + dt.timedelta(days=4)]
    assert [p.date for p in this_week] == [friday]  # week 1 has one Nordic: the moved one, not a second


def test_moving_into_the_past_and_bad_manual_items_are_refused(service: JournalService) -> None:
    service.replan()
    item = stored(service)[0]
    with pytest.raises(InvalidInput, match="in the past"):
        service.move_plan_item(item.id, TODAY - dt.timedelta(days=1))  # type: ignore[arg-type]
    with pytest.raises(InvalidInput, match="unknown"):
        service.add_plan_item(TODAY, "nordics", None, "3x6")
    with pytest.raises(InvalidInput, match="not on the"):
        service.add_plan_item(TODAY, "nordic", "flying", "3x6")
    with pytest.raises(InvalidInput, match="not understood"):
        service.add_plan_item(TODAY, "nordic", None, "3x")


def test_skip_can_be_undone(service: JournalService) -> None:
    service.replan()
    item = stored(service)[0]
    service.skip_plan_item(item.id, item.date)  # type: ignore[arg-type]
    assert service.get_plan_item(item.id).status == "skipped"  # type: ignore[arg-type]
    service.skip_plan_item(item.id, skipped=False)  # type: ignore[arg-type]
    assert service.get_plan_item(item.id).status == "planned"  # type: ignore[arg-type]
