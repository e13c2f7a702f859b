"""Bad input everywhere: generated set and tempo notation, CLI arguments and mutated Journal JSON.

Whatever comes in: no exception escapes, the exit status is 0, 1 or 2, a refusal (2) is one line on stderr,
and a command that did not succeed left the journal exactly as it was.
"""

from __future__ import annotations

import copy
import datetime as dt
import json
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from hamjournal.cli import main
from hamjournal.domain.errors import InvalidInput
from hamjournal.domain.formats.journal_json import loads_journal
from hamjournal.domain.library.sets import MAX_SETS, format_sets, parse_sets
from hamjournal.domain.library.tempo import format_tempo, parse_tempo
from tests.safety.conftest import dump

DATA = Path(__file__).resolve().parents[1] / "data"
FIXTURE_TODAY = dt.date(2026, 11, 25)
FUZZ = settings(
    max_examples=80,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
    derandomize=True,  # the same examples every run: a failure here is reproducible, never flaky
)

# Text a shell can pass: anything but NUL, sometimes with the lone surrogates Python uses for non-UTF-8 bytes.
ARG_TEXT = st.text(st.characters(blacklist_characters="\x00"), max_size=16) | st.sampled_from(
    ["\udcff", "caf\udce9", "", " ", "-1", "1e309", "nan", "inf", "0x10", "٣", "１０"]
)
NUMBER_TEXT = st.one_of(
    st.integers(-20, 2000).map(str),
    st.floats(allow_nan=True, allow_infinity=True).map(str),
    st.decimals(allow_nan=False, places=3).map(str),
)
DATE_TEXT = st.dates().map(str) | st.sampled_from(["2026-02-30", "2026-11-26", "2026-11-25", "today", "25/11/2026"])


def value(*valid: str) -> st.SearchStrategy[str | None]:
    """An option's value: absent, a valid one, a number, a date or any text."""
    return st.one_of(st.none(), st.sampled_from(valid) if valid else st.nothing(), NUMBER_TEXT, DATE_TEXT, ARG_TEXT)


# -- notations -----------------------------------------------------------------------------------------------

SET_TEXT = st.one_of(
    ARG_TEXT,
    st.builds(lambda a, b, s: f"{a}x{b}{s}", st.integers(-2, 30), st.integers(-2, 700), st.sampled_from(["", "s"])),
    st.lists(st.integers(0, 700).map(str), min_size=0, max_size=25).map("/".join),
    st.lists(st.integers(0, 700).map(lambda n: f"{n}s"), min_size=1, max_size=25).map(",".join),
)


@FUZZ
@given(SET_TEXT)
def test_set_notation_parses_or_says_what_is_allowed(text: str) -> None:
    try:
        sets = parse_sets(text)
    except InvalidInput as error:
        assert error.message.strip()
        return
    assert 1 <= len(sets) <= MAX_SETS
    assert parse_sets(format_sets(sets)) == sets


TEMPO_TEXT = ARG_TEXT | st.lists(
    st.one_of(st.integers(-1, 40).map(str), st.sampled_from(["x", "X", " 2", "", "1.5"])), min_size=3, max_size=5
).map("-".join)


@FUZZ
@given(TEMPO_TEXT)
def test_tempo_notation_parses_or_says_what_is_allowed(text: str) -> None:
    try:
        tempo = parse_tempo(text)
    except InvalidInput as error:
        assert error.message.strip()
        return
    assert parse_tempo(format_tempo(tempo)) == tempo


# -- every CLI option --------------------------------------------------------------------------------------


def _argv(command: str, positionals: list[str], options: dict[str, str | None], flags: dict[str, bool]) -> list[str]:
    # `--opt=value` and `--` keep argparse from reading a value such as "-1" as an option: the values are
    # what is fuzzed here, not argparse.
    args = [command]
    args += [f"--{name}={v}" for name, v in options.items() if v is not None]
    args += [f"--{name}" for name, on in flags.items() if on]
    return [*args, "--", *positionals] if positionals else args


def _check(argv: list[str], db: Path, capsys: pytest.CaptureFixture[str]) -> int:
    before = dump(db)
    capsys.readouterr()
    status = main(argv)  # an exception escaping main fails the test by itself
    _out, err = capsys.readouterr()
    assert status in (0, 1, 2), (argv, status, err)
    if status == 2:
        assert len(err.splitlines()) == 1, (argv, err)
    if status != 0:
        assert dump(db) == before, f"{argv} failed ({err.strip()}) but changed the journal"
        assert "Traceback" not in err
    if status == 1:
        assert "unexpected error" not in err, (argv, err)
    return status


LOG = st.fixed_dictionaries(
    {
        "rpe": value("7"),
        "pain": value("2"),
        "date": value("2026-11-24"),
        "side": value("left", "right", "both"),
        "step": value("band-assisted", "bodyweight"),
        "tempo": value("4-0-1-0", "3-1-X-0") | TEMPO_TEXT,
        "load-kg": value("12.5"),
        "note": value("felt good"),
    }
)


@FUZZ
@given(
    exercise=st.sampled_from(["nordic", "bridge", "iso-hold", "Nordic", "sprint"]) | ARG_TEXT,
    sets=SET_TEXT,
    options=LOG,
)
def test_log_options(
    exercise: str, sets: str, options: dict[str, str | None], journal: Path, in_process_env, capsys
) -> None:  # type: ignore[no-untyped-def]
    _check(_argv("log", [exercise, sets], options, {}), journal, capsys)


PAIN = st.fixed_dictionaries(
    {
        "stiffness": value("3"),
        "when": value("morning", "after", "evening", "during-run"),
        "side": value("left", "right", "both"),
        "location": value("proximal", "middle", "distal"),
        "sleep": value("7.5"),
        "fatigue": value("2"),
        "date": value("2026-11-24"),
        "note": value("stiff"),
    }
)


@FUZZ
@given(pain=value("0", "3", "10") | st.just("5"), options=PAIN, sudden=st.booleans())
def test_pain_options(
    pain: str | None, options: dict[str, str | None], sudden: bool, journal: Path, in_process_env, capsys
) -> None:  # type: ignore[no-untyped-def]
    _check(_argv("pain", [pain or ""], options, {"sudden": sudden}), journal, capsys)


RUN = st.fixed_dictionaries(
    {
        "kind": value("easy", "long", "tempo", "intervals", "race", "cross"),
        "km": value("8"),
        "rpe": value("4"),
        "strides": value("6"),
        "finish-s": value("14.2"),
        "date": value("2026-11-24"),
        "note": value("windy"),
    }
)


@FUZZ
@given(minutes=value("40", "75.5") | st.just("30"), options=RUN)
def test_run_options(
    minutes: str | None, options: dict[str, str | None], journal: Path, in_process_env, capsys
) -> None:  # type: ignore[no-untyped-def]
    _check(_argv("run", [minutes or ""], options, {}), journal, capsys)


@settings(FUZZ, max_examples=60)
@given(date=value("2026-11-25"), as_json=st.booleans())
def test_week_options(date: str | None, as_json: bool, journal: Path, in_process_env, capsys) -> None:  # type: ignore[no-untyped-def]
    status = _check(_argv("week", [], {"date": date}, {"json": as_json}), journal, capsys)
    assert status in (0, 2)


# -- the JSON importer -----------------------------------------------------------------------------------

JSON_VALUE = st.recursive(
    st.none() | st.booleans() | st.integers(-(2**70), 2**70) | st.floats() | st.text(max_size=12),
    lambda inner: st.lists(inner, max_size=3) | st.dictionaries(st.text(max_size=6), inner, max_size=3),
    max_leaves=6,
)


def _containers(node: Any, found: list[Any]) -> list[Any]:
    if isinstance(node, dict | list):
        found.append(node)
        for child in node.values() if isinstance(node, dict) else node:
            _containers(child, found)
    return found


def _mutate(data: Any, draw: st.DataObject) -> Any:
    """Drop a key, change a value's type, add an unknown key or empty a list, somewhere in the document."""
    data = copy.deepcopy(data)
    for _ in range(draw.draw(st.integers(1, 3))):
        nodes = _containers(data, [])
        node = draw.draw(st.sampled_from(nodes))
        keys = list(node) if isinstance(node, dict) else list(range(len(node)))
        action = draw.draw(st.sampled_from(["drop", "replace", "add", "clear"]))
        if action == "add" and isinstance(node, dict):
            node[draw.draw(st.text(max_size=8))] = draw.draw(JSON_VALUE)
        elif action == "clear":
            node.clear()
        elif keys:
            key = draw.draw(st.sampled_from(keys))
            if action == "drop":
                del node[key]
            else:
                node[key] = draw.draw(JSON_VALUE)
    return data


@FUZZ
@given(data=st.data())
def test_mutated_journal_json_is_refused_whole_or_imported(
    data: st.DataObject, journal: Path, tmp_path: Path, in_process_env, capsys
) -> None:  # type: ignore[no-untyped-def]
    valid = json.loads((DATA / "journal-v1.json").read_text(encoding="utf-8"))
    mutated = _mutate(valid, data)
    text = json.dumps(mutated, ensure_ascii=False)
    try:
        loads_journal(text, FIXTURE_TODAY)
    except InvalidInput as error:
        assert error.message
    path = tmp_path / "mutated.json"
    path.write_text(text, encoding="utf-8")
    status = _check(["import", str(path)], journal, capsys)
    assert status in (0, 2)


@settings(FUZZ, max_examples=60)
@given(raw=st.binary(max_size=200) | st.text(max_size=200).map(str.encode))
def test_any_bytes_as_an_import_file(raw: bytes, journal: Path, tmp_path: Path, in_process_env, capsys) -> None:  # type: ignore[no-untyped-def]
    path = tmp_path / "any.json"
    path.write_bytes(raw)
    assert _check(["import", str(path)], journal, capsys) == 2
