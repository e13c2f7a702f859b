"""The `hamjournal` command line: parse, dispatch to hamjournal.commands, turn errors into exit codes.

Exit status (the table is in the README, "Exit status"): 0 done; 1 the journal (or an output file) could not be
used; 2 bad input or usage (an unknown athlete included), with one line on stderr saying what was wrong and
what is allowed; 130 interrupted; 141 the reader of the output went away. Nothing here imports textual or
the store at import time: each command's module is imported only when that command runs.
"""

from __future__ import annotations

import argparse
import gc
import importlib
import os
import sys
from collections.abc import Callable, Collection
from typing import Any, NoReturn

from hamjournal import __version__

PROG = "hamjournal"

# command -> "module:function" in hamjournal.commands, imported only when the command runs.
COMMANDS: dict[str, str] = {
    "": "app:app",
    "demo": "demo:demo",
    "log": "logging:log",
    "pain": "logging:pain",
    "run": "logging:run",
    "week": "week:week",
    "advice": "advice:advice",
    "report": "report:report",
    "plan": "plan:plan",
    "exercises": "library:exercises",
    "export": "transfer:export",
    "import": "transfer:import_",
    "import-runs": "import_runs:import_runs",
    "backup": "backup:backup",
    "restore": "backup:restore",
    "athletes": "athletes:athletes",
    "copy": "copy:copy",
}
HELP_FLAGS = frozenset({"-h", "--help"})
# After one of these succeeds, today's rolling backup is made (when there is none yet).
WRITE_COMMANDS = frozenset({"log", "pain", "run", "import", "import-runs"})


def main(argv: list[str] | None = None) -> int:
    """Run one command; returns the exit status (never raises, never prints a traceback)."""
    # Importing textual or sqlalchemy allocates hundreds of thousands of objects and no garbage cycles worth
    # collecting: without the collector start-up does measurably less work. It is on again before a command
    # runs (for the app once its first week is drawn, see HamJournalApp.resume_gc), and always on return.
    gc.disable()
    try:
        argv = sys.argv[1:] if argv is None else argv
        for position, arg in enumerate(argv, 1):
            if not _is_text(arg):
                # Bytes that are not UTF-8 (a terminal in another encoding) would fail later, when stored.
                return _fail(f"argument {position} ({arg}) is not UTF-8 text: check the terminal's encoding", 2)
        try:
            args = _parse(argv)
        except _UsageError as error:
            return _fail(error.message, 2)
        except SystemExit as stop:  # --help or --version, already printed
            return stop.code if isinstance(stop.code, int) else 2
        return _dispatch(args)
    except KeyboardInterrupt:
        print(f"{PROG}: interrupted", file=sys.stderr)
        return 130
    except BrokenPipeError:
        # The reader went away (`hamjournal export | head`); stop quietly, and keep Python's exit-time
        # flush of stdout from raising again.
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        return 141
    finally:
        # Whatever ended the run (--help, a usage error, the app closing), the caller gets its collector back.
        gc.enable()


def _parse(argv: list[str]) -> argparse.Namespace:
    """Parse with only the commands named in argv built; the full parser explains any error and any --help."""
    if not HELP_FLAGS.intersection(argv):
        try:
            return build_parser(only=COMMANDS.keys() & set(argv), parser_class=_QuietParser).parse_args(argv)
        except _ParseFailed:
            pass
    return build_parser(parser_class=_OneLineParser).parse_args(argv)


def _dispatch(args: argparse.Namespace) -> int:
    from hamjournal.commands import CommandFailed
    from hamjournal.domain.errors import InvalidInput

    try:
        run = _command(args.command or "")
        if args.command:
            # Start-up (imports) ran without the cycle collector, see main(); the app turns it on itself once
            # the first week is on screen.
            gc.enable()
        from hamjournal.commands.output import guarded

        with guarded(args):
            status = run(args)
            if status == 0 and args.command in WRITE_COMMANDS:
                importlib.import_module("hamjournal.commands.backup").after_write(args)
        return status
    except InvalidInput as error:
        return _fail(error.message, 2)
    except CommandFailed as error:
        return _fail(error.message, error.status)
    except BrokenPipeError:
        raise  # main() handles it: the reader left, which is not an error of ours
    except Exception as error:
        # Imported here: the store (and SQLAlchemy) load only for commands that open a journal.
        if "hamjournal.store.errors" in sys.modules:
            from hamjournal.store.errors import JournalError

            if isinstance(error, JournalError):
                return _fail(error.message, error.exit_status)
        if os.environ.get("HAMJOURNAL_DEBUG"):
            raise
        return _fail(
            f"unexpected error ({type(error).__name__}: {error}); nothing more was changed. "
            "Set HAMJOURNAL_DEBUG=1 for details and please report it",
            1,
        )


def _command(name: str) -> Callable[[argparse.Namespace], int]:
    module, function = COMMANDS[name].split(":")
    return getattr(importlib.import_module(f"hamjournal.commands.{module}"), function)


def _fail(message: str, status: int) -> int:
    # One line, whatever the message holds, so scripts can read it with `read`; control characters it quotes
    # (from an argument or a file) are shown, not sent to the terminal.
    from hamjournal.config import mask_urls
    from hamjournal.domain.safe_text import visible

    # URLs are masked whatever raised the message (a driver's error may quote the URL it was given).
    print(f"{PROG}: {visible(mask_urls(' '.join(message.split())))}", file=sys.stderr)
    return status


def _is_text(value: str) -> bool:
    try:
        value.encode("utf-8")
    except UnicodeEncodeError:
        return False
    return True


class _ParseFailed(Exception):
    """A partial parser met something it cannot explain alone."""


class _UsageError(Exception):
    """A usage error, as one line with a hint to --help (argparse's own is a usage block of several lines)."""

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message


class _OneLineParser(argparse.ArgumentParser):
    """The full parser: its errors become one line naming the command's --help."""

    def error(self, message: str) -> NoReturn:
        raise _UsageError(f"{message}; see `{self.prog} --help` for what is allowed")


class _QuietParser(argparse.ArgumentParser):
    """A parser that leaves errors to the full one (see _parse)."""

    def error(self, message: str) -> NoReturn:
        raise _ParseFailed(message)


class _NotBuilt:
    """Stands in for the parser of a command not on the command line: its arguments are not built."""

    def add_argument(self, *args: object, **kwargs: object) -> None:
        """Nothing to add."""

    def add_subparsers(self, *args: object, **kwargs: object) -> _NotBuilt:
        """Nothing to add."""
        return self

    def add_parser(self, *args: object, **kwargs: object) -> _NotBuilt:
        """Nothing to add."""
        return self


def build_parser(
    only: Collection[str] | None = None, parser_class: type[argparse.ArgumentParser] = argparse.ArgumentParser
) -> argparse.ArgumentParser:
    """The argument parser for every command (the contract in design.md, "Command line").

    With `only`, the other commands are left out, which saves building some 70 arguments on every start (the
    app's included); such a parser is only used for a command line naming no other command.
    """
    parser = parser_class(
        prog=PROG,
        description="A training journal for runners who strengthen their hamstrings. With no command, opens the app.",
        epilog="Bad input exits with status 2 and one line saying what is allowed; nothing is written.",
    )
    _journal_options(parser, default=None)
    parser.add_argument("--version", action="version", version=f"{PROG} {__version__}")
    # On subcommands the default is SUPPRESS, so `hamjournal --db X log ...` keeps the top-level value.
    common = parser_class(add_help=False)
    _journal_options(common, default=argparse.SUPPRESS)
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")

    def command(name: str, help_: str) -> Any:
        if only is not None and name not in only:
            return _NotBuilt()
        return sub.add_parser(name, parents=[common], help=help_, description=help_)

    # Values are taken as text and checked by the domain, so a bad one gets the same one-line message
    # as in the app (argparse's own checks print a usage block instead).
    demo = command("demo", "open the app on a generated, realistic journal in a separate file (DATA_DIR/demo.db)")
    demo.add_argument("--weeks", metavar="N", help="weeks of history to generate, 1 to 520 (default 16)")
    demo.add_argument("--no-open", action="store_true", help="only write the demo file and print its path")

    log = command("log", "log a strength or drill session")
    log.add_argument("exercise", metavar="EXERCISE", help="exercise slug, e.g. nordic (see `hamjournal exercises`)")
    log.add_argument("sets", metavar="SETS", help='"3x6" (sets x reps), "12/10/8", or "3x30s" (holds)')
    log.add_argument("--rpe", metavar="N", help="effort 0-10")
    log.add_argument("--pain", metavar="N", help="pain during the session, 0-10")
    _date_option(log)
    log.add_argument("--side", metavar="SIDE", help="left, right or both (default both)")
    log.add_argument("--step", metavar="STEP", help="ladder step, e.g. band-assisted (default: plan, then last)")
    log.add_argument("--tempo", metavar="T", help="lower-pause-up-pause seconds, e.g. 4-0-1-0")
    log.add_argument("--load-kg", metavar="X", help="added load in kg")
    log.add_argument("--note", metavar="TEXT")

    pain = command("pain", "check in: pain and stiffness in the back of the thigh")
    pain.add_argument("pain", metavar="PAIN", help="pain 0 (none) to 10 (worst)")
    pain.add_argument("--stiffness", metavar="N", help="stiffness 0-10")
    pain.add_argument("--when", metavar="WHEN", help="morning, after, evening or during-run (default morning)")
    pain.add_argument("--side", metavar="SIDE", help="left, right or both (default both)")
    pain.add_argument("--location", metavar="WHERE", help="proximal, middle or distal")
    pain.add_argument("--sudden", action="store_true", help="a sudden, sharp pain or a 'pop' (a red flag)")
    pain.add_argument("--sleep", metavar="H", help="hours slept last night")
    pain.add_argument("--fatigue", metavar="N", help="hamstring fatigue 0-10")
    _date_option(pain)
    pain.add_argument("--note", metavar="TEXT")

    run = command("run", "log a run (or cross-training)")
    run.add_argument("minutes", metavar="MINUTES", help="duration in minutes")
    run.add_argument("--kind", metavar="KIND", help="easy, long, tempo, intervals, race or cross (default easy)")
    run.add_argument("--km", metavar="X", help="distance in km")
    run.add_argument("--rpe", metavar="N", help="effort 0-10")
    run.add_argument("--strides", metavar="N", help="number of strides")
    run.add_argument("--finish-s", metavar="X", help="sprint finish time in seconds")
    _date_option(run)
    run.add_argument("--note", metavar="TEXT")

    week = command("week", "this week's plan and log, as text or JSON")
    week.add_argument("--date", metavar="D", help="any day of the week to show, YYYY-MM-DD (default today)")
    week.add_argument("--json", action="store_true", help="print JSON instead of the calendar")

    advice = command("advice", "today's advice for every exercise in the plan: progress, hold, regress, deload, stop")
    advice.add_argument("--json", action="store_true", help="print the Advice JSON")

    plan = command("plan", "the generated plan from today on: Nordics, accessories, drills and reassessments, by week")
    plan.add_argument("--json", action="store_true", help="print the Plan JSON")
    plan.add_argument("--weeks", metavar="N", help="weeks to plan, 1 to 52 (default 4)")

    # Kept inline (not report.add_parser) so building the parser never imports the report's domain code.
    report = command(
        "report", "a text summary: adherence, volume, pain and stiffness trend, assessments, current advice"
    )
    report.add_argument("--weeks", metavar="N", help="weeks to cover, 1 to 520 (default 4)")

    exercises = command("exercises", "the exercise library: slugs, names, tempo, ladder steps")
    exercises.add_argument("slug", metavar="SLUG", nargs="?", help="show one exercise in full")
    exercises.add_argument("--json", action="store_true", help="print JSON")

    export = command("export", "write the whole journal as JSON or CSV")
    export.add_argument("--format", metavar="FORMAT", help="json (default), csv or ics")
    export.add_argument("-o", "--output", metavar="FILE", help="write to FILE (mode 0600) instead of stdout")

    import_ = command("import", "add a Journal JSON file: all or nothing, a bad file changes nothing")
    import_.add_argument("file", metavar="FILE", help="a file written by `hamjournal export`")
    import_.add_argument(
        "--replace", action="store_true", help="replace the journal's records instead of merging (duplicates skipped)"
    )

    runs = command(
        "import-runs", "add runs from watch files (.fit, .gpx, .tcx, optionally .gz) or folders; new runs only"
    )
    runs.add_argument("paths", metavar="PATH", nargs="+", help="files or folders (walked; a Strava bulk export too)")
    runs.add_argument("--finish-m", metavar="M", help="sprint finish distance, 100-400 m (default 200)")
    runs.add_argument(
        "--sprint-finish", action="store_true", help="measure the finish of every run imported, not only races"
    )

    backup = command("backup", "copy the journal now (into DATA_DIR/backups with a timestamp, or to -o FILE)")
    backup.add_argument("-o", "--output", metavar="FILE", help="write the copy to FILE (mode 0600; never overwrites)")

    restore = command("restore", "put a backup in place of the journal; the current journal is kept aside")
    restore.add_argument(
        "file", metavar="FILE", help="a backup, e.g. DATA_DIR/backups/daily-journal-1a2b3c4d-2026-11-24.db"
    )

    athletes = command("athletes", "list the journal's athletes (a squad journal holds several), or add or rename one")
    actions = athletes.add_subparsers(dest="athletes_action", metavar="ACTION")
    add = actions.add_parser("add", parents=[common], help="add an athlete", description="add an athlete")
    add.add_argument("name", metavar="NAME", help="their name, as --athlete will take it")
    rename = actions.add_parser("rename", parents=[common], help="rename an athlete", description="rename an athlete")
    rename.add_argument("old", metavar="OLD")
    rename.add_argument("new", metavar="NEW")

    copy = command(
        "copy", "copy the whole journal (every athlete) to another file or database, verified, all or nothing"
    )
    copy.add_argument("--to", metavar="TARGET", help="a journal file or a database URL (postgresql+psycopg://...)")
    copy.add_argument("--replace", action="store_true", help="replace a journal the target holds already")
    return parser


def _journal_options(parser: argparse.ArgumentParser, default: object) -> None:
    parser.add_argument(
        "--db", metavar="PATH", default=default, help="the journal file or database URL (default: $HAMJOURNAL_DB)"
    )
    parser.add_argument(
        "--athlete", metavar="NAME", default=default, help="whose journal, if it holds several ($HAMJOURNAL_ATHLETE)"
    )


def _date_option(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--date", metavar="D", help="the day, YYYY-MM-DD, not in the future (default today)")
