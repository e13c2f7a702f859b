"""`hamjournal import-runs` through a subprocess: summary, refusals, exit codes, idempotence, Strava exports."""

from __future__ import annotations

import datetime as dt
import hashlib
import json
from pathlib import Path

import pytest

from tests.watch import fixtures as fx
from tests.watch.conftest import run_rows

DAY1 = dt.datetime(2026, 11, 2, 7, 0, tzinfo=dt.UTC)


def at(days: int, hour: int = 7) -> dt.datetime:
    return DAY1 + dt.timedelta(days=days, hours=hour - 7)


def watch_folder(root: Path) -> Path:
    folder = root / "watch"
    (folder / "2026").mkdir(parents=True)
    (folder / "2026" / "easy.fit").write_bytes(fx.fit_bytes(tuple(fx.easy_run(30)), at(0)))
    (folder / "2026" / "strides.fit").write_bytes(fx.fit_bytes(tuple(fx.strides_run(6)), at(1)))
    (folder / "race.fit.gz").write_bytes(fx.gz(fx.fit_bytes(tuple(fx.race_5k()), at(5, 9), workout_name="5K race")))
    (folder / "ride.fit").write_bytes(fx.fit_bytes(tuple(fx.easy_run(10)), at(2), sport="CYCLING"))
    (folder / "treadmill.tcx").write_bytes(fx.tcx_bytes(fx.strides_run(6), at(3)))
    (folder / "readme.txt").write_text("not a watch file, left alone")
    return folder


def test_a_folder_imports_with_a_summary_and_a_second_import_adds_nothing(hamjournal, journal: Path, tmp_path: Path):  # type: ignore[no-untyped-def]
    folder = watch_folder(tmp_path)
    first = hamjournal("import-runs", str(folder))
    assert (first.returncode, first.stderr) == (0, "")
    assert first.stdout.strip() == "4 runs added, 2 with strides, 1 skipped (cycling)"
    rows = run_rows(journal)
    by_source = {row[8]: row for row in rows}
    assert by_source["easy.fit"][:5] == ("2026-11-02", "easy", 30.0, 5.4, None)
    assert by_source["easy.fit"][6:8] == ("2026-11-02 07:00:00.000000", 140)
    assert by_source["strides.fit"][1] == "easy" and by_source["strides.fit"][4] == 6
    assert by_source["treadmill.tcx"][4] == 6
    race = by_source["race.fit.gz"]
    assert race[1] == "race" and race[3] == pytest.approx(5.0, abs=0.01)
    assert race[5] == pytest.approx(32.0, abs=0.5)
    assert all(row[9] is None for row in rows)  # RPE is left for the runner

    again = hamjournal("import-runs", str(folder))
    assert (again.returncode, again.stdout.strip()) == (0, "0 runs added, 4 already there, 1 skipped (cycling)")
    assert run_rows(journal) == rows


def test_bad_files_get_one_line_each_the_good_are_kept_and_exit_is_2(hamjournal, journal: Path, tmp_path: Path):  # type: ignore[no-untyped-def]
    folder = tmp_path / "mixed"
    folder.mkdir()
    good = fx.fit_bytes(tuple(fx.easy_run(30)), at(0))
    (folder / "good.fit").write_bytes(good)
    (folder / "cut.fit").write_bytes(good[: len(good) // 2])
    (folder / "empty.gpx").write_bytes(b"")
    (folder / "route.gpx").write_bytes(fx.gpx_bytes(fx.easy_run(5), times=False))
    (folder / "broken.tcx.gz").write_bytes(b"\x1f\x8b\x08\x00garbage")
    (folder / "settings.fit").write_bytes(fx.fit_bytes(tuple(fx.easy_run(2)), file_type="SETTINGS"))
    result = hamjournal("import-runs", str(folder))
    assert result.returncode == 2
    lines = result.stderr.splitlines()
    assert len(lines) == 5
    for name, words in [
        ("cut.fit", "truncated or damaged FIT"),
        ("empty.gpx", "empty file"),
        ("route.gpx", "without times"),
        ("broken.tcx.gz", "broken gzip"),
        ("settings.fit", "not an activity"),
    ]:
        assert any(name in line and words in line for line in lines), (name, lines)
    assert result.stdout.strip() == "1 run added, 5 refused"
    assert [row[8] for row in run_rows(journal)] == ["good.fit"]


def test_a_bad_file_alone_changes_nothing(hamjournal, journal: Path, tmp_path: Path):  # type: ignore[no-untyped-def]
    good = tmp_path / "good.fit"
    good.write_bytes(fx.fit_bytes(tuple(fx.easy_run(30)), at(0)))
    assert hamjournal("import-runs", str(good)).returncode == 0
    hamjournal("backup")  # today's backup exists, so a later run writes nothing beside the journal
    before = hashlib.sha256(journal.read_bytes()).hexdigest()
    bad = tmp_path / "cut.fit"
    bad.write_bytes(good.read_bytes()[:100])
    result = hamjournal("import-runs", str(bad))
    assert result.returncode == 2
    assert result.stderr.count("\n") == 1 and "cut.fit" in result.stderr
    assert hashlib.sha256(journal.read_bytes()).hexdigest() == before


def test_a_typed_run_of_the_same_day_and_distance_is_already_there(hamjournal, journal: Path, tmp_path: Path):  # type: ignore[no-untyped-def]
    assert hamjournal("run", "31", "--km", "5.45", "--rpe", "4", "--date", "2026-11-02").returncode == 0
    path = tmp_path / "easy.fit"
    path.write_bytes(fx.fit_bytes(tuple(fx.easy_run(30)), at(0)))
    result = hamjournal("import-runs", str(path))
    assert (result.returncode, result.stdout.strip()) == (0, "0 runs added, 1 already there")
    assert len(run_rows(journal)) == 1


def test_a_strava_export_folder_uses_its_activity_types_and_names(hamjournal, journal: Path, tmp_path: Path):  # type: ignore[no-untyped-def]
    export = tmp_path / "export_123"
    (export / "activities").mkdir(parents=True)
    (export / "activities" / "111.gpx.gz").write_bytes(fx.gz(fx.gpx_bytes(fx.easy_run(40), at(0), track_type=None)))
    (export / "activities" / "222.fit.gz").write_bytes(fx.gz(fx.fit_bytes(tuple(fx.race_5k()), at(6, 9))))
    (export / "activities" / "333.gpx").write_bytes(fx.gpx_bytes(fx.easy_run(60), at(3), track_type=None))
    (export / "activities.csv").write_text(
        "Activity ID,Activity Date,Activity Name,Activity Type,Workout Type,Filename\n"
        "111,\"Nov 2, 2026, 7:00:00 AM\",Morning Run,Run,,activities/111.gpx.gz\n"
        "222,\"Nov 8, 2026, 9:00:00 AM\",Parkrun,Run,1,activities/222.fit.gz\n"
        "333,\"Nov 5, 2026, 7:00:00 AM\",Evening Ride,Ride,,activities/333.gpx\n"
    )
    result = hamjournal("import-runs", str(export))
    assert (result.returncode, result.stdout.strip()) == (0, "2 runs added, 1 skipped (ride)")
    rows = run_rows(journal)
    assert [(row[0], row[1]) for row in rows] == [("2026-11-02", "easy"), ("2026-11-08", "race")]
    assert rows[1][5] == pytest.approx(32.0, abs=0.5)


def test_imported_runs_are_in_the_export_and_the_week(hamjournal, tmp_path: Path):  # type: ignore[no-untyped-def]
    path = tmp_path / "strides.fit"
    path.write_bytes(fx.fit_bytes(tuple(fx.strides_run(6)), at(29)))  # 2026-12-01, this week
    assert hamjournal("import-runs", str(path)).returncode == 0
    runs = json.loads(hamjournal("export").stdout)["runs"]
    assert runs == [{
        "date": "2026-12-01", "kind": "easy", "minutes": 31, "distance_km": 5.44, "rpe": None, "strides": 6,
        "finish_s": None, "note": "", "start": "2026-12-01T07:00:00", "avg_hr": 140, "source": "strides.fit",
    }]
    week = json.loads(hamjournal("week", "--json").stdout)
    assert "6 strides" in json.dumps(week)


@pytest.mark.parametrize(
    ("tz", "day"),
    [("UTC", "2026-11-02"), ("Asia/Tokyo", "2026-11-03"), ("America/New_York", "2026-11-02")],
)
def test_a_file_in_utc_takes_the_date_of_the_computers_zone(hamjournal, journal: Path, tmp_path: Path, tz, day):  # type: ignore[no-untyped-def]
    # 23:30 UTC on 2 Nov is 08:30 on 3 Nov in Tokyo and 18:30 on 2 Nov in New York.
    path = tmp_path / "late.gpx"
    path.write_bytes(fx.gpx_bytes(fx.easy_run(20), dt.datetime(2026, 11, 2, 23, 30, tzinfo=dt.UTC)))
    assert hamjournal("import-runs", str(path), tz=tz).returncode == 0
    [row] = run_rows(journal)
    assert row[0] == day


def test_a_fit_file_keeps_the_watchs_own_local_date_whatever_the_computers_zone(hamjournal, journal: Path, tmp_path):  # type: ignore[no-untyped-def]
    path = tmp_path / "athens.fit"
    start = dt.datetime(2026, 11, 2, 23, 30, tzinfo=dt.UTC)
    path.write_bytes(fx.fit_bytes(tuple(fx.easy_run(20)), start, local_offset_s=2 * 3600))
    assert hamjournal("import-runs", str(path), tz="America/New_York").returncode == 0
    [row] = run_rows(journal)
    assert (row[0], row[6]) == ("2026-11-03", "2026-11-03 01:30:00.000000")


@pytest.mark.parametrize(
    ("args", "words"),
    [
        (("import-runs", "/nowhere/at/all.fit"), "no such file or folder"),
        (("import-runs", "--finish-m", "50", "x.fit"), "--finish-m '50' is not allowed: use a whole number from 100"),
    ],
)
def test_bad_arguments_exit_2_with_one_line(hamjournal, journal: Path, args: tuple[str, ...], words: str):  # type: ignore[no-untyped-def]
    result = hamjournal(*args)
    assert result.returncode == 2
    assert words in result.stderr and result.stderr.count("\n") == 1
    assert not journal.exists()
