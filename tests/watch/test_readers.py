"""Reading generated FIT, GPX and TCX files: what each becomes, and one clear refusal per bad file."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from hamjournal.domain.recording.analysis import analyse
from hamjournal.watch.errors import FileRefused, NotARun
from hamjournal.watch.files import WatchFile, find_files, read_recording
from hamjournal.watch.fit import read_fit
from hamjournal.watch.gpx import read_gpx
from hamjournal.watch.tcx import read_tcx
from tests.watch import fixtures as fx

# Tolerances: minutes to 0.1 (the stored precision), km to 10 m, finish to half a second (one sample).
MIN_TOL, KM_TOL, FINISH_TOL = 0.1, 0.01, 0.5


@pytest.mark.parametrize(
    ("speeds", "kw", "usual", "minutes", "km", "kind", "strides"),
    [
        (fx.easy_run(30), {}, 40.0, 30.0, 5.40, "easy", 0),
        (fx.easy_run(100), {}, 45.0, 100.0, 18.0, "long", 0),
        (fx.intervals_run(5), {}, 40.0, 40.0, 8.04, "intervals", 0),
        (fx.strides_run(6), {}, 40.0, 31.0, 5.44, "easy", 6),
        (fx.easy_run(25), {"positions": False, "sub_sport": "TREADMILL", "heart_rate": None}, 40.0, 25.0, 4.50,
         "easy", 0),
    ],
    ids=["easy", "long", "intervals", "6-strides", "treadmill"],
)
def test_fit_runs(speeds, kw, usual, minutes, km, kind, strides) -> None:  # type: ignore[no-untyped-def]
    recording = read_fit(fx.fit_bytes(tuple(speeds), **kw))
    facts = analyse(recording, usual)
    assert facts.minutes == pytest.approx(minutes, abs=MIN_TOL)
    assert facts.km == pytest.approx(km, abs=KM_TOL)
    assert (facts.kind, facts.strides) == (kind, strides)
    assert recording.has_positions is kw.get("positions", True)
    assert facts.avg_hr == (None if "heart_rate" in kw else 140)


def test_a_fit_race_has_its_200_m_finish() -> None:
    facts = analyse(read_fit(fx.fit_bytes(tuple(fx.race_5k()), workout_name="City 5K race")))
    assert facts.kind == "race"
    assert facts.km == pytest.approx(5.0, abs=KM_TOL)
    assert facts.finish_s == pytest.approx(32.0, abs=FINISH_TOL)


@pytest.mark.parametrize(
    ("start_utc", "offset_h", "local_day"),
    [
        (dt.datetime(2026, 11, 2, 23, 30, tzinfo=dt.UTC), 2, dt.date(2026, 11, 3)),  # after midnight in Athens
        (dt.datetime(2026, 11, 3, 0, 30, tzinfo=dt.UTC), -5, dt.date(2026, 11, 2)),  # the evening before in NY
        (dt.datetime(2026, 11, 2, 22, 0, tzinfo=dt.UTC), 1, dt.date(2026, 11, 2)),
    ],
)
def test_the_local_date_comes_from_the_watch_clock(start_utc: dt.datetime, offset_h: int, local_day: dt.date) -> None:
    recording = read_fit(fx.fit_bytes(tuple(fx.easy_run(20)), start_utc, local_offset_s=offset_h * 3600))
    assert recording.utc_offset_s == offset_h * 3600
    assert recording.local_start(fallback_offset_s=0).date() == local_day


def test_a_gpx_with_an_offset_keeps_it_and_one_in_utc_uses_the_machine_zone() -> None:
    athens = dt.timezone(dt.timedelta(hours=2))
    with_offset = read_gpx(fx.gpx_bytes(fx.easy_run(20), dt.datetime(2026, 11, 3, 0, 15, tzinfo=athens)))
    assert with_offset.local_start(0).date() == dt.date(2026, 11, 3)
    in_utc = read_gpx(fx.gpx_bytes(fx.easy_run(20), dt.datetime(2026, 11, 2, 23, 15, tzinfo=dt.UTC)))
    assert in_utc.utc_offset_s is None
    assert in_utc.local_start(fallback_offset_s=3600).date() == dt.date(2026, 11, 3)


def test_gpx_and_tcx_give_the_same_run_as_fit() -> None:
    gpx = analyse(read_gpx(fx.gpx_bytes(fx.strides_run(6))), 40.0)
    tcx = analyse(read_tcx(fx.tcx_bytes(fx.strides_run(6))), 40.0)
    for facts in (gpx, tcx):
        assert facts.minutes == pytest.approx(31.0, abs=MIN_TOL)
        assert facts.km == pytest.approx(5.44, abs=KM_TOL)
        assert facts.strides == 6
    assert tcx.avg_hr == 150


def bad_fit_truncated() -> bytes:
    data = fx.fit_bytes(tuple(fx.easy_run(10)))
    return data[: len(data) * 2 // 3]


@pytest.mark.parametrize(
    ("name", "data", "words"),
    [
        ("cut.fit", bad_fit_truncated(), "truncated or damaged FIT"),
        ("empty.fit", b"", "empty file (0 bytes)"),
        ("notfit.fit", b"hello, this is not a FIT file at all", "not a FIT file"),
        ("route.gpx", fx.gpx_bytes(fx.easy_run(5), times=False), "without times"),
        ("broken.gpx.gz", fx.gz(fx.gpx_bytes(fx.easy_run(5)))[:-40], "broken gzip"),
        ("settings.fit", fx.fit_bytes(tuple(fx.easy_run(2)), file_type="SETTINGS"), "not an activity"),
        ("bomb.gpx", b'<?xml version="1.0"?><!DOCTYPE g [<!ENTITY a "aaaa">]><gpx>&a;</gpx>', "DTD"),
        ("bad.tcx", b"<TrainingCenterDatabase><oops", "not a readable TCX"),
    ],
)
def test_each_bad_file_is_refused_with_one_reason(tmp_path: Path, name: str, data: bytes, words: str) -> None:
    path = tmp_path / name
    path.write_bytes(data)
    with pytest.raises(FileRefused) as refused:
        read_recording(WatchFile(path))
    assert words in refused.value.reason
    assert not isinstance(refused.value, NotARun)
    assert "\n" not in refused.value.reason


def test_a_ride_is_skipped_not_refused(tmp_path: Path) -> None:
    path = tmp_path / "ride.fit"
    path.write_bytes(fx.fit_bytes(tuple(fx.easy_run(10)), sport="CYCLING"))
    with pytest.raises(NotARun) as skipped:
        read_recording(WatchFile(path))
    assert skipped.value.sport == "cycling"


def test_oversized_files_are_refused_before_being_read_whole(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from hamjournal.watch import files

    monkeypatch.setattr(files, "MAX_FILE_BYTES", 1000)
    path = tmp_path / "big.fit"
    path.write_bytes(fx.fit_bytes(tuple(fx.easy_run(2))))
    with pytest.raises(FileRefused, match="larger than"):
        read_recording(WatchFile(path))


def test_folders_are_walked_and_other_files_left_alone(tmp_path: Path) -> None:
    (tmp_path / "a" / "b").mkdir(parents=True)
    for name in ("a/one.fit", "a/b/two.gpx.gz", "a/b/three.TCX", "a/notes.txt", "a/b/photo.jpg"):
        (tmp_path / name).write_bytes(b"x")
    found, refused = find_files([tmp_path / "a", tmp_path / "missing", tmp_path / "a" / "notes.txt"])
    assert [f.path.name for f in found] == ["three.TCX", "two.gpx.gz", "one.fit"]  # by path
    assert [(p.name, reason.split(":")[0]) for p, reason in refused] == [
        ("missing", "no such file or folder"), ("notes.txt", "not a watch file")
    ]
