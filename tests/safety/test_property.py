"""Properties over hostile input (issue 16, item 5): every command's arguments and any Journal JSON give exit 0,
or exit 2 with one line on stderr and the journal file byte for byte as it was; and nothing accepted breaks a
later command (the plan, the calendar export, the week)."""

from __future__ import annotations

import contextlib
import io
import json
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from hamjournal.cli import main
from tests.safety.conftest import file_hash

DATA = Path(__file__).resolve().parents[1] / "data"
PROPERTY = settings(
    max_examples=100,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
    derandomize=True,  # the same examples every run: deterministic, and a failure reproduces
)

CONTROL = st.sampled_from(["\x1b[2J", "\x1b]52;c;eA==\x07", "\x9b31m", "\u202e", "\x00", "\r", "\n", "\udcff"])
TEXT = st.one_of(
    st.text(max_size=12),
    st.builds(lambda a, c, b: a + c + b, st.text(max_size=4), CONTROL, st.text(max_size=4)),
    st.sampled_from(["", " ", "9" * 400, "-"]),
)
NUMBER = st.one_of(
    st.integers(-20, 3000).map(str),
    st.sampled_from(
        ["4.9999999999999999", "1e-400", "1e-320", "1e309", "-0", "0.5", "nan", "inf", "1_0", "0x10", "٣", "1" * 5000]
    ),
    st.decimals(allow_nan=False, places=20).map(str),
)
DATE = st.one_of(
    st.dates().map(str),
    st.sampled_from(["0001-01-01", "9999-12-31", "1899-12-31", "2200-01-01", "2026-11-25", "20261125", "2026-W48-3"]),
)
VALUE = st.one_of(NUMBER, DATE, TEXT)


def _opt(name: str, values: st.SearchStrategy[str]) -> st.SearchStrategy[list[str]]:
    return st.one_of(st.just([]), values.map(lambda v: [f"--{name}={v}"]))


COMMANDS = st.one_of(
    st.tuples(
        st.just(["pain"]),
        VALUE.map(lambda v: ["--", v]),
        _opt("stiffness", VALUE),
        _opt("date", DATE),
        _opt("sleep", NUMBER),
        _opt("note", TEXT),
    ),
    st.tuples(
        st.just(["run"]),
        VALUE.map(lambda v: ["--", v]),
        _opt("km", NUMBER),
        _opt("kind", TEXT),
        _opt("date", DATE),
        _opt("finish-s", NUMBER),
    ),
    st.tuples(
        st.just(["log"]),
        st.tuples(st.sampled_from(["nordic", "bridge"]) | TEXT, VALUE).map(lambda t: ["--", *t]),
        _opt("rpe", VALUE),
        _opt("load-kg", NUMBER),
        _opt("date", DATE),
        _opt("note", TEXT),
    ),
    st.tuples(st.just(["week"]), _opt("date", DATE)),
    st.tuples(st.just(["plan"]), _opt("weeks", VALUE)),
    st.tuples(st.just(["report"]), _opt("weeks", VALUE)),
    st.tuples(st.just(["exercises"]), st.one_of(st.just([]), TEXT.map(lambda v: ["--", v]))),
    st.tuples(st.just(["export"]), _opt("format", TEXT | st.sampled_from(["json", "csv", "ics"]))),
    st.tuples(st.sampled_from([["--athlete"], ["--db"]]), TEXT.map(lambda v: [v, "week"])),
    st.lists(TEXT, max_size=3).map(lambda args: (args,)),
).map(lambda parts: [arg for part in parts for arg in part])


def opens_the_app(argv: list[str]) -> bool:
    """True for a command line that would start the app (no command, or demo): not fuzzed in a test process."""
    from hamjournal import cli

    try:
        with contextlib.redirect_stdout(io.StringIO()), contextlib.redirect_stderr(io.StringIO()):
            args = cli._parse(argv)
    except (SystemExit, Exception):
        return False
    return (args.command or "") in ("", "demo")


def _later_commands_work(capsys: pytest.CaptureFixture[str]) -> None:
    for argv in (["plan", "--json"], ["export", "--format", "ics"], ["week"], ["report"]):
        status = main(argv)
        err = capsys.readouterr().err
        assert status == 0, (argv, err)


def _check(argv: list[str], journal: Path, capsys: pytest.CaptureFixture[str]) -> int:
    before = file_hash(journal)
    capsys.readouterr()
    status = main(argv)
    _out, err = capsys.readouterr()
    assert status in (0, 2), (argv, status, err)
    if status == 2:
        assert len(err.splitlines()) == 1, (argv, err)
        assert file_hash(journal) == before, (argv, err)
    elif argv and argv[0] in ("pain", "run", "log", "import"):
        _later_commands_work(capsys)
    return status


@PROPERTY
@given(argv=COMMANDS)
def test_any_command_line_is_done_or_refused_in_one_line(
    argv: list[str], journal: Path, in_process_env: dict[str, str], capsys: pytest.CaptureFixture[str]
) -> None:
    if opens_the_app(argv):
        return
    if argv[:1] == ["--db"]:
        argv = ["--db", str(journal.parent / "other" / (argv[1] or "x")), *argv[2:]]
        status = main(argv)
        assert status in (0, 1, 2)  # another file: its own problems (exit 1) are allowed, never a traceback
        return
    _check(argv, journal, capsys)


RAW_NUMBERS = st.sampled_from(
    ["1e-400", "1e400", "4.9999999999999999", "9" * 5000, "-0", "1E+2", "0.1", "12", "-5", "1e-320"]
)
HOSTILE_STRINGS = st.one_of(TEXT, DATE)


@st.composite
def journal_json(draw: st.DrawFn) -> str:
    """The fixture journal with a few values replaced by hostile ones, written as raw JSON text (so numbers
    JSON allows but Python would round or overflow reach the importer as written)."""
    data = json.loads((DATA / "journal-v1.json").read_text(encoding="utf-8"))
    numbers: dict[str, str] = {}
    for _ in range(draw(st.integers(1, 4))):
        section = draw(st.sampled_from(["sessions", "symptoms", "runs", "assessments"]))
        records = data.get(section) or []
        if not records:
            continue
        record = draw(st.sampled_from(records))
        key = draw(st.sampled_from(sorted(record)))
        if draw(st.booleans()):
            marker = f"@@number{len(numbers)}@@"
            numbers[marker] = draw(RAW_NUMBERS)
            record[key] = marker
        else:
            record[key] = draw(HOSTILE_STRINGS)
    if draw(st.booleans()):
        races = data.setdefault("profile", {}).setdefault("races", [])
        races.append({"date": draw(DATE), "name": draw(TEXT), "distance_km": 10, "priority": "A"})
    text = json.dumps(data, ensure_ascii=False)
    for marker, raw in numbers.items():
        text = text.replace(f'"{marker}"', raw)
    nesting = draw(st.sampled_from([0, 0, 0, 20, 5000]))
    if nesting:
        text = text[:-1] + ', "deep": ' + "[" * nesting + "]" * nesting + "}"
    return text


@PROPERTY
@given(text=journal_json())
def test_any_journal_json_is_imported_or_refused_in_one_line(
    text: str, journal: Path, tmp_path: Path, in_process_env: dict[str, str], capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "hostile.json"
    path.write_text(text, encoding="utf-8", errors="surrogatepass")
    _check(["import", str(path)], journal, capsys)
