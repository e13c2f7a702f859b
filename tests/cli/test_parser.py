"""The command line parser: the partial parser built for one command reads argv as the full one does."""

from __future__ import annotations

import argparse
import gc

import pytest

from hamjournal import cli

ARGVS = [
    [],
    ["--db", "x.db"],
    ["--db", "x.db", "--athlete", "Ann"],
    ["log", "nordic", "3x6", "--rpe", "7", "--pain", "1"],
    ["--db", "x.db", "log", "nordic", "3x6", "--date", "2026-11-24", "--side", "left"],
    ["pain", "2", "--stiffness", "3", "--when", "after", "--sudden"],
    ["run", "40", "--kind", "long", "--km", "8"],
    ["week", "--json"],
    ["athletes", "add", "Ann"],
    ["athletes", "rename", "Ann", "Anne"],
    ["export", "--format", "csv", "-o", "out.csv"],
    ["--athlete", "log"],  # a command's name as an option's value: still the app
    ["demo", "--weeks", "4", "--no-open"],
]


@pytest.mark.parametrize("argv", ARGVS, ids=lambda argv: " ".join(argv) or "(none)")
def test_partial_parser_reads_like_the_full_one(argv: list[str]) -> None:
    assert cli._parse(argv) == cli.build_parser().parse_args(argv)


@pytest.mark.parametrize(
    "argv",
    [["log"], ["log", "nordic"], ["bogus"], ["--bogus"], ["log", "nordic", "3x6", "--what"], ["--db"]],
    ids=" ".join,
)
def test_errors_are_explained_by_the_full_parser(argv: list[str], capsys: pytest.CaptureFixture[str]) -> None:
    # The full parser's error, as one line with a hint to the command's --help, instead of a usage block.
    with pytest.raises(SystemExit):
        cli.build_parser().parse_args(argv)
    argparse_error = capsys.readouterr().err.splitlines()[-1].split("error: ", 1)[1]
    assert cli.main(argv) == 2
    err = capsys.readouterr().err
    assert len(err.splitlines()) == 1, err
    assert err.startswith(f"hamjournal: {argparse_error}; see `hamjournal")
    assert "--help` for what is allowed" in err
    assert "usage:" not in err


def test_version_prints_the_version(capsys: pytest.CaptureFixture[str]) -> None:
    from hamjournal import __version__

    assert cli.main(["--version"]) == 0
    assert capsys.readouterr().out == f"hamjournal {__version__}\n"


def test_help_lists_every_command(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit):
        cli._parse(["--help"])
    out = capsys.readouterr().out
    assert all(name in out for name in cli.COMMANDS if name)


def test_a_partial_parser_has_only_the_commands_asked_for() -> None:
    parser = cli.build_parser(only={"log"})
    sub = next(a for a in parser._actions if isinstance(a, argparse._SubParsersAction))
    assert set(sub.choices) == {"log"}


def test_the_collector_is_on_again_when_a_command_runs(capsys: pytest.CaptureFixture[str]) -> None:
    try:
        assert cli.main(["exercises", "--json"]) == 0
        assert gc.isenabled()
    finally:
        gc.enable()
    assert capsys.readouterr().out.startswith("[")


@pytest.mark.parametrize("argv", [["--help"], ["log"], ["bogus"]], ids=" ".join)
def test_the_collector_is_on_when_parsing_ends_the_run(argv: list[str], capsys: pytest.CaptureFixture[str]) -> None:
    try:
        cli.main(argv)
        assert gc.isenabled()
    finally:
        gc.enable()
