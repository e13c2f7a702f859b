"""Runs hamjournal commands in processes the crash tests kill at chosen steps, without paying Python's start-up
for each one.

Started once per test (`python -m tests.safety.crash_runner`), it imports hamjournal and then, for each request
line on stdin (JSON: a list of jobs), forks one child per job, all at once, and answers one line (JSON: each
child's exit status, stdout and stderr). A job is {"cli": [ARGS], "step": N} (what `hamjournal ARGS` does) or
{"script": CODE, "args": [ARGS], "step": N}. The child sets engine.ENV_CRASH_AT_STEP=N before it opens
anything, so it SIGKILLs itself at its Nth write step: a real process dies there, as a user's would. Only the
import is skipped, and an import writes nothing.

The runner itself opens no journal: a connection must never be shared across fork.
"""

from __future__ import annotations

import importlib
import json
import os
import sys
import tempfile
from typing import Any

from hamjournal.cli import main
from hamjournal.store import engine

# What the commands import lazily: imported once here, so each child starts writing at once.
PRELOAD = (
    "hamjournal.services",
    "hamjournal.commands.backup",
    "hamjournal.commands.logging",
    "hamjournal.store.backup",
    "sqlalchemy.dialects.sqlite",
)


def _child(job: dict[str, Any], out: int, err: int) -> None:
    """Runs in the forked child; never returns."""
    code = 1
    try:
        os.dup2(out, 1)
        os.dup2(err, 2)
        os.environ[engine.ENV_CRASH_AT_STEP] = str(job["step"])
        if "cli" in job:
            code = main(list(job["cli"]))
        else:
            sys.argv = ["-c", *job["args"]]
            exec(compile(job["script"], "<crash job>", "exec"), {"__name__": "__main__"})
            code = 0
    except SystemExit as stop:
        code = stop.code if isinstance(stop.code, int) else 1
    except BaseException as error:  # the test reads it from stderr
        print(f"{type(error).__name__}: {error}", file=sys.stderr)
        code = 1
    finally:
        sys.stdout.flush()
        sys.stderr.flush()
        os._exit(code)


def _scratch() -> int:
    # A nameless file for a child's output: a pipe could fill up while the runner waits for the child.
    fd, name = tempfile.mkstemp(prefix="hamjournal-crash-")
    os.unlink(name)
    return fd


def _read(fd: int) -> str:
    os.lseek(fd, 0, os.SEEK_SET)
    chunks = []
    while chunk := os.read(fd, 65536):
        chunks.append(chunk)
    os.close(fd)
    return b"".join(chunks).decode("utf-8", "replace")


def run(jobs: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """Fork every job at once, wait for all of them, and return what each did."""
    started = []
    for job in jobs:
        out_fd, err_fd = _scratch(), _scratch()
        pid = os.fork()
        if pid == 0:
            _child(job, out_fd, err_fd)
        started.append((pid, out_fd, err_fd))
    results = []
    for pid, out_fd, err_fd in started:
        _, status = os.waitpid(pid, 0)
        results.append(
            {"returncode": os.waitstatus_to_exitcode(status), "stdout": _read(out_fd), "stderr": _read(err_fd)}
        )
    return results


if __name__ == "__main__":
    for module in PRELOAD:
        importlib.import_module(module)
    for line in sys.stdin:
        print(json.dumps(run(json.loads(line))), flush=True)
