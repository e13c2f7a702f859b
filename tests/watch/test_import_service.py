"""Imported runs through the service: the sprint chart, the week's planned strides, race days, edits."""

from __future__ import annotations

import datetime as dt
from dataclasses import replace
from pathlib import Path

import pytest

from hamjournal.domain.errors import InvalidInput
from hamjournal.domain.models import PlanItem, Prescription, Race
from hamjournal.domain.progress import sprint
from hamjournal.run_import import ImportOptions
from hamjournal.services import JournalService
from hamjournal.store.repo import Store
from tests.watch import fixtures as fx

TODAY = dt.date(2026, 12, 2)
UTC_CLOCK = ImportOptions(local_offset=lambda moment: 0)


@pytest.fixture
def service(tmp_path: Path) -> JournalService:
    service = JournalService(Store.open(str(tmp_path / "journal.db")), today=lambda: TODAY)
    service.auto_replan = False  # the week's own items, as placed here
    yield service
    service.close()


def write(folder: Path, name: str, data: bytes) -> Path:
    folder.mkdir(exist_ok=True)
    (folder / name).write_bytes(data)
    return folder / name


def test_a_race_finish_is_drawn_on_the_sprint_chart(service: JournalService, tmp_path: Path) -> None:
    start = dt.datetime(2026, 11, 22, 9, 0, tzinfo=dt.UTC)
    path = write(tmp_path / "w", "race.fit", fx.fit_bytes(tuple(fx.race_5k()), start, workout_name="Parkside race"))
    report = service.import_runs([path], UTC_CLOCK)
    assert report.summary() == "1 run added"
    data = service.progress_series("12w", {"sprint": sprint.build})
    [(day, seconds)] = data.charts["sprint"].runs
    assert day == dt.date(2026, 11, 22) and seconds == pytest.approx(32.0, abs=0.5)


def test_a_run_on_a_race_day_of_the_profile_is_a_race_with_its_finish(service: JournalService, tmp_path: Path):  # type: ignore[no-untyped-def]
    service.save_profile(replace(service.profile(), races=(Race(dt.date(2026, 11, 22), "Parkside 5K", 5.0, "B"),)))
    start = dt.datetime(2026, 11, 22, 9, 0, tzinfo=dt.UTC)
    path = write(tmp_path / "w", "morning.fit", fx.fit_bytes(tuple(fx.race_5k()), start))
    service.import_runs([path], UTC_CLOCK)
    [run] = service.runs_on(dt.date(2026, 11, 22))
    assert run.kind == "race" and run.finish_s == pytest.approx(32.0, abs=0.5)


@pytest.mark.parametrize(("finish_m", "seconds"), [(100, 16.0), (400, 32.0 + 1.0 + 199.4 / 3.8)])
def test_the_finish_distance_is_configurable(service: JournalService, tmp_path: Path, finish_m: int, seconds: float):  # type: ignore[no-untyped-def]
    path = write(tmp_path / "w", "r.fit", fx.fit_bytes(tuple(fx.race_5k()), workout_name="5K race"))
    service.import_runs([path], replace(UTC_CLOCK, finish_m=finish_m))
    [run] = service.runs_on(dt.date(2026, 11, 2))
    assert run.finish_s == pytest.approx(seconds, abs=0.5)


def test_strides_in_an_imported_run_do_the_days_planned_strides(service: JournalService, tmp_path: Path) -> None:
    day = dt.date(2026, 11, 30)
    service.store.add_plan_item(PlanItem(day, "strides", "run-drill", Prescription(1, (6,)), why="after the easy run"))
    before = service.week(day)
    assert before.counts()["done"] == 0
    start = dt.datetime(2026, 11, 30, 7, 0, tzinfo=dt.UTC)
    service.import_runs([write(tmp_path / "w", "s.fit", fx.fit_bytes(tuple(fx.strides_run(6)), start))], UTC_CLOCK)
    week = service.week(day)
    entries = week.days[0].entries
    assert [(e.status, e.label) for e in entries if e.kind == "plan"] == [("done", "Strides 6 · in the run")]
    assert week.counts()["done"] == 1


def test_editing_an_imported_run_keeps_its_start_heart_rate_and_source(service: JournalService, tmp_path: Path):  # type: ignore[no-untyped-def]
    start = dt.datetime(2026, 11, 30, 7, 0, tzinfo=dt.UTC)
    service.import_runs([write(tmp_path / "w", "e.fit", fx.fit_bytes(tuple(fx.easy_run(30)), start))], UTC_CLOCK)
    [run] = service.runs_on(dt.date(2026, 11, 30))
    edited = service.edit_run(run.id, 30, kind="tempo", km=5.4, rpe=6, date="2026-11-30", revision=run.revision)
    assert (edited.kind, edited.rpe) == ("tempo", 6)
    assert (edited.start, edited.avg_hr, edited.source) == (dt.datetime(2026, 11, 30, 7, 0), 140, "e.fit")


@pytest.mark.parametrize("rpe", ["11", "-1", "hard", ""])
def test_a_bad_rpe_is_refused_and_changes_nothing(service: JournalService, tmp_path: Path, rpe: str) -> None:
    from hamjournal.domain.errors import InvalidInput

    start = dt.datetime(2026, 11, 30, 7, 0, tzinfo=dt.UTC)
    service.import_runs([write(tmp_path / "w", "e.fit", fx.fit_bytes(tuple(fx.easy_run(30)), start))], UTC_CLOCK)
    [run] = service.runs_on(dt.date(2026, 11, 30))
    with pytest.raises(InvalidInput, match="RPE"):
        service.set_run_rpe(run.id, run.date, rpe)
    assert service.runs_on(run.date) == [run]


def test_a_file_imported_before_is_not_decoded_again(
    service: JournalService, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    start = dt.datetime(2026, 11, 30, 7, 0, tzinfo=dt.UTC)
    folder = tmp_path / "w"
    write(folder, "e.fit", fx.fit_bytes(tuple(fx.easy_run(30)), start))
    assert service.import_runs([folder], UTC_CLOCK).summary() == "1 run added"

    def no_decoding(data: bytes) -> None:
        raise AssertionError("decoded again")

    monkeypatch.setattr("hamjournal.watch.fit.read_fit", no_decoding)
    assert service.import_runs([folder], UTC_CLOCK).summary() == "0 runs added, 1 already there"


@pytest.mark.parametrize(
    ("folder", "saved"),
    [
        ("{tmp}/watch", True),  # a folder: kept
        ("{tmp}/watch/run.fit", False),  # a file, not a folder
        ("{tmp}/nowhere", False),  # does not exist
        ("", True),  # empty: no folder
    ],
)
def test_the_profile_keeps_only_a_watch_folder_that_is_a_folder(
    service: JournalService, tmp_path: Path, folder: str, saved: bool
) -> None:
    """The service refuses the folder (the app and any other caller alike) and changes nothing."""
    write(tmp_path / "watch", "run.fit", b"")
    path = folder.format(tmp=tmp_path)
    before = service.profile()
    if saved:
        service.save_profile(replace(before, watch_folder=path or None))
        assert service.profile().watch_folder == (path or None)
    else:
        with pytest.raises(InvalidInput, match="is not a folder on this computer") as refused:
            service.save_profile(replace(before, watch_folder=path))
        assert refused.value.field == "watch-folder"
        assert service.profile() == before
