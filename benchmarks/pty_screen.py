"""A program in a pseudo-terminal, read through a terminal emulator (pyte): what a person would see, and when.

Used by benchmarks/terminal.py. Every chunk the program writes is stamped the moment it is read (by a thread that
does nothing else), then fed to the emulator; a wait returns the stamp of the chunk after which the screen first
showed what was asked for. So the time is when the bytes reached the terminal, not when the parser got to them.
"""

from __future__ import annotations

import contextlib
import fcntl
import os
import queue
import re
import signal
import struct
import subprocess
import sys
import termios
import threading
import time
from collections.abc import Callable

import pyte

Check = Callable[[str], bool]


def contains(*patterns: str) -> Check:
    """A check that holds when every regular expression matches somewhere on the screen."""
    compiled = [re.compile(p) for p in patterns]
    return lambda text: all(p.search(text) for p in compiled)


class Timeout(Exception):
    """The screen did not show what was waited for; the message carries the screen."""


class PtyProgram:
    """One program on a pty of `columns` x `rows`, its output followed by a pyte screen."""

    def __init__(self, argv: list[str], env: dict[str, str], columns: int, rows: int, cwd: str | None = None):
        # A short switch interval: the reader thread stamps a chunk within ~0.1 ms even while pyte parses.
        sys.setswitchinterval(0.0001)
        self.screen = pyte.Screen(columns, rows)
        self.stream = pyte.ByteStream(self.screen)
        self.chunks: queue.Queue[tuple[float, bytes]] = queue.Queue()
        master, slave = os.openpty()
        fcntl.ioctl(slave, termios.TIOCSWINSZ, struct.pack("HHHH", rows, columns, 0, 0))
        self.master = master
        child_env = {**env, "TERM": "xterm-256color", "COLUMNS": str(columns), "LINES": str(rows)}
        self.started = time.perf_counter()
        self.proc = subprocess.Popen(
            argv, stdin=slave, stdout=slave, stderr=slave, env=child_env, cwd=cwd, start_new_session=True,
            preexec_fn=lambda: fcntl.ioctl(0, termios.TIOCSCTTY, 0), close_fds=True,
        )
        os.close(slave)
        self.reader = threading.Thread(target=self._read, daemon=True)
        self.reader.start()

    def _read(self) -> None:
        while True:
            try:
                data = os.read(self.master, 1 << 16)
            except OSError:
                data = b""
            stamp = time.perf_counter()
            self.chunks.put((stamp, data))
            if not data:
                return

    def text(self) -> str:
        """The screen as lines of text."""
        return "\n".join(self.screen.display)

    def wait(self, check: Check, timeout: float = 60.0) -> float:
        """Feed output until `check(screen text)` holds; the perf_counter stamp of the chunk that made it hold."""
        deadline = time.perf_counter() + timeout
        if check(self.text()):
            return time.perf_counter()
        while True:
            left = deadline - time.perf_counter()
            try:
                stamp, data = self.chunks.get(timeout=max(left, 0.001))
            except queue.Empty:
                stamp, data = 0.0, None
            if data is None or left <= 0:
                raise Timeout(f"not on screen after {timeout:g} s; the screen shows:\n{self.text()}")
            if not data:
                raise Timeout(f"the program ended (status {self.proc.wait()}); the screen shows:\n{self.text()}")
            self.stream.feed(data)
            if check(self.text()):
                return stamp

    def drain(self) -> None:
        """Feed whatever has arrived so far, without waiting."""
        while True:
            try:
                _, data = self.chunks.get_nowait()
            except queue.Empty:
                return
            if data:
                self.stream.feed(data)

    def send(self, keys: bytes) -> float:
        """Type `keys`; the perf_counter stamp just before they were written."""
        stamp = time.perf_counter()
        os.write(self.master, keys)
        return stamp

    def kill(self) -> None:
        """End the program and its process group at once (tear-down is never measured)."""
        with contextlib.suppress(ProcessLookupError):
            os.killpg(self.proc.pid, signal.SIGKILL)
        self.proc.wait()
        self.reader.join(timeout=5)
        os.close(self.master)
