"""Hostile input at the edges: escape sequences in what is shown, and every refusal one line, exit 2, nothing
written (issue 16, items 1 and 5)."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest

from hamjournal.cli import main
from hamjournal.domain.safe_text import json_safe, visible
from tests.safety.conftest import dump, file_hash

# Sets the clipboard (OSC 52), the window title, wipes the screen, an 8-bit CSI, a right-to-left override.
HOSTILE = "\x1b]52;c;aGVsbG8=\x07 \x1b]2;owned\x07 \x1b[2J\x1b[H \x9b31m \u202eevil [/]"
RAW = ("\x1b", "\x07", "\x9b", "\u202e")


def _run(argv: list[str], capsys: pytest.CaptureFixture[str]) -> tuple[int, str, str]:
    capsys.readouterr()
    status = main(argv)
    out, err = capsys.readouterr()
    return status, out, err


def _clean(text: str) -> bool:
    return not any(char in text for char in RAW)


def test_visible_shows_controls_and_keeps_other_text() -> None:
    assert visible("a\x1bb") == "a␛b"
    assert visible("bell\x07 del\x7f") == "bell␇ del␡"
    assert visible("\x9b") == "\\x9b"
    assert visible("\u202e") == "\\u202e"
    assert visible("caf\udce9") == "caf\\udce9"
    assert visible("two\nlines\ttab") == "two␊lines␉tab"
    assert visible("two\nlines\ttab\r\n", keep_lines=True) == "two\nlines\ttab\r\n"
    assert visible("Ünïcödé 10 km ✓ “quoted”") == "Ünïcödé 10 km ✓ “quoted”"


def test_json_safe_text_parses_to_the_same_data() -> None:
    text = json.dumps({"note": HOSTILE}, ensure_ascii=False)
    safe = json_safe(text)
    assert _clean(safe)
    assert json.loads(safe) == {"note": HOSTILE}


def test_a_hostile_note_is_stored_exactly_and_shown_safely(
    journal: Path, in_process_env: dict[str, str], capsys: pytest.CaptureFixture[str]
) -> None:
    status, out, err = _run(["pain", "2", "--note", HOSTILE], capsys)
    assert status == 0, err
    stored = json.loads(_run(["export"], capsys)[1])
    assert HOSTILE in [s["note"] for s in stored["symptoms"]]  # kept exactly as given
    for argv in (["week"], ["report"], ["advice"]):
        status, out, err = _run(argv, capsys)
        assert status == 0, err
        assert _clean(out) and _clean(err), argv
    week = _run(["week"], capsys)[1]
    assert "␛]52;c;aGVsbG8=␇" in week and "\\x9b31m" in week and "\\u202eevil" in week
    status, out, _ = _run(["week", "--json"], capsys)
    assert _clean(out)
    details = [entry["detail"] for day in json.loads(out)["days"] for entry in day["entries"]]
    assert any("␛]52;c;aGVsbG8=␇" in detail for detail in details)  # the detail is display text


def test_csv_is_escaped_to_a_terminal_and_faithful_to_a_pipe(
    journal: Path, in_process_env: dict[str, str], capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    assert _run(["pain", "2", "--note", HOSTILE], capsys)[0] == 0
    piped = _run(["export", "--format", "csv"], capsys)[1]
    assert HOSTILE in piped
    import sys

    monkeypatch.setattr(sys.stdout, "isatty", lambda: True)
    shown = _run(["export", "--format", "csv"], capsys)[1]
    assert _clean(shown) and "␛]52;c;aGVsbG8=␇" in shown


def test_an_exported_file_is_faithful(
    journal: Path, in_process_env: dict[str, str], capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    assert _run(["pain", "2", "--note", HOSTILE], capsys)[0] == 0
    for fmt in ("json", "csv"):
        target = tmp_path / f"out.{fmt}"
        assert _run(["export", "--format", fmt, "-o", str(target)], capsys)[0] == 0
        text = target.read_text(encoding="utf-8")
        if fmt == "json":
            assert HOSTILE in [s["note"] for s in json.loads(text)["symptoms"]]
        else:
            assert HOSTILE in text


def test_a_hostile_race_name_is_shown_safely_by_plan_and_report(
    journal: Path, in_process_env: dict[str, str], capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    source = tmp_path / "race.json"
    race = {"date": "2027-03-01", "name": "City\x1b[2J10K\x9b", "distance_km": 10, "priority": "A"}
    source.write_text(json.dumps({"format": "hamjournal", "version": 1, "profile": {"races": [race]}}))
    status, out, err = _run(["import", str(source)], capsys)
    assert status == 0, err
    for argv in (["plan"], ["report"], ["advice"], ["week"]):
        status, out, err = _run(argv, capsys)
        assert status == 0, (argv, err)
        assert _clean(out + err), argv
    assert "City␛[2J10K" in _run(["plan"], capsys)[1]


@pytest.mark.parametrize(
    "argv",
    [
        ["pain", "2", "--date", "\x1b]2;title\x07"],
        ["log", "nor\x1b[2Jdic", "3x6"],
        ["run", "40", "--kind", "\x9bfast"],
        ["--athlete", "\x1b[2J", "week"],
        ["log", "nordic", "3x6", "--\x1b[31m"],
    ],
)
def test_errors_show_escape_bytes_of_arguments_visibly(
    argv: list[str], journal: Path, in_process_env: dict[str, str], capsys: pytest.CaptureFixture[str]
) -> None:
    status, _out, err = _run(argv, capsys)
    assert status == 2
    assert len(err.splitlines()) == 1 and _clean(err), err
    assert "␛" in err or "\\x9b" in err


def test_errors_show_escape_bytes_of_an_imported_file_visibly(
    journal: Path, in_process_env: dict[str, str], capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    source = tmp_path / "bad.json"
    source.write_text(json.dumps({"format": "hamjournal", "version": 1, "runs": [{"\x1b]2;x\x07": 1}]}))
    status, _, err = _run(["import", str(source)], capsys)
    assert status == 2 and len(err.splitlines()) == 1 and _clean(err), err


# -- every refusal: exit 2, one line, the file untouched -----------------------------------------------------

REFUSED = [
    (["pain", "4.9999999999999999"], "pain"),
    (["pain", "1e-400"], "pain"),
    (["run", "1e-320"], "minutes"),
    (["run", "40", "--km", "1" * 5000], "km"),
    (["pain", "1" * 5000], "pain"),
    (["run", "inf"], "minutes"),
    (["run", "nan"], "minutes"),
    (["run", "4_0"], "minutes"),
    (["pain", "2", "--date", "0001-01-01"], "1900-01-01 to 2199-12-31"),
    (["pain", "2", "--date", "9999-12-31"], "1900-01-01 to 2199-12-31"),
    (["week", "--date", "0001-01-01"], "1900-01-01 to 2199-12-31"),
    (["week", "--date", "9999-12-31"], "1900-01-01 to 2199-12-31"),
    (["pain", "2", "--note", "caf\udce9"], "UTF-8"),
    (["log"], "--help"),
    (["pain"], "--help"),
    (["bogus"], "--help"),
    (["week", "--bogus"], "--help"),
    (["--athlete", "nobody", "week"], "nobody"),
    (["--athlete", "nobody", "pain", "1"], "nobody"),
    (["--athlete", "nobody", "export"], "nobody"),
    (["athletes", "rename", "nobody", "x"], "nobody"),
]


@pytest.mark.parametrize(("argv", "says"), REFUSED, ids=lambda v: " ".join(v)[:40] if isinstance(v, list) else v)
def test_refused_input_is_exit_2_one_line_and_changes_no_byte(
    argv: list[str], says: str, journal: Path, in_process_env: dict[str, str], capsys: pytest.CaptureFixture[str]
) -> None:
    before = file_hash(journal)
    status, _out, err = _run(argv, capsys)
    assert status == 2, err
    assert len(err.splitlines()) == 1, err
    assert says in err
    assert file_hash(journal) == before


def _import_refused(path: Path, says: str, journal: Path, capsys: pytest.CaptureFixture[str]) -> None:
    before = dump(journal)
    status, _, err = _run(["import", str(path)], capsys)
    assert status == 2, err
    assert len(err.splitlines()) == 1 and says in err, err
    assert dump(journal) == before


def test_an_import_of_a_device_or_fifo_is_refused_without_reading(
    journal: Path, in_process_env: dict[str, str], capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    _import_refused(Path("/dev/zero"), "not a regular file", journal, capsys)
    fifo = tmp_path / "fifo"
    os.mkfifo(fifo)
    _import_refused(fifo, "not a regular file", journal, capsys)


@pytest.mark.parametrize(
    ("text", "says"),
    [
        ("[" * 100_000 + "]" * 100_000, "nested more than 16 levels"),
        ('{"format": "hamjournal", "version": 1, "runs": [{"minutes": ' + "9" * 5000 + "}]}", "digits long"),
        ('{"format": "hamjournal", "version": 1, "runs": [{"minutes": 1e-400}]}', "cannot be stored as written"),
        ('{"format": "hamjournal", "version": 1, "runs": [{"minutes": 4.9999999999999999}]}', "significant"),
        ('{"format": "hamjournal", "version": 1, "runs": [{"minutes": 1e400}]}', "cannot be stored"),
        (
            '{"format": "hamjournal", "version": 1, "profile": {"races": [{"date": "0001-01-01", "name": "R", '
            '"distance_km": 10, "priority": "A"}]}}',
            "1900-01-01 to 2199-12-31",
        ),
    ],
    ids=["deep", "huge-int", "underflow", "rounded", "overflow", "race-year-1"],
)
def test_hostile_journal_json_is_refused_in_one_line(
    text: str,
    says: str,
    journal: Path,
    in_process_env: dict[str, str],
    capsys: pytest.CaptureFixture[str],
    tmp_path: Path,
) -> None:
    path = tmp_path / "hostile.json"
    path.write_text(text)
    _import_refused(path, says, journal, capsys)


def test_an_import_larger_than_the_limit_is_refused_before_reading(
    journal: Path,
    in_process_env: dict[str, str],
    capsys: pytest.CaptureFixture[str],
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    from hamjournal.domain.formats import limits

    monkeypatch.setattr(limits, "MAX_IMPORT_BYTES", 1024)
    path = tmp_path / "big.json"
    path.write_text(" " * 2048)
    _import_refused(path, "at most 1 KiB", journal, capsys)


def test_an_exported_double_with_17_digits_is_read_as_written() -> None:
    from hamjournal.domain.errors import InvalidInput
    from hamjournal.domain.formats.limits import strict_float

    assert strict_float("0.30000000000000004") == 0.1 + 0.2  # how Python writes it: nothing rounded away
    with pytest.raises(InvalidInput, match="cannot be stored as written"):
        strict_float("4.9999999999999999")
