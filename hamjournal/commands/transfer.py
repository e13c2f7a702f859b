"""`export` and `import`: the whole journal out as JSON / CSV, and back in from Journal JSON.

Export files hold health data: they are created readable by their owner only, and written atomically (a
temporary file in the same folder, fsync, rename), so a crash leaves the old file or the new one, never half.
Import reads and validates the whole file before the journal is opened: a bad file changes nothing.
"""

from __future__ import annotations

import argparse
import contextlib
import importlib
import importlib.util
import os
import stat
import sys
import tempfile
from collections.abc import Callable
from pathlib import Path

from hamjournal import config
from hamjournal.commands import CommandFailed, open_service
from hamjournal.domain.errors import InvalidInput
from hamjournal.domain.models import Journal

# format -> (module, function taking a Journal and returning text). Adding a format is one line here.
EXPORTERS: dict[str, tuple[str, str]] = {
    "json": ("hamjournal.domain.formats.journal_json", "dumps_journal"),
    "csv": ("hamjournal.domain.formats.journal_csv", "journal_to_csv"),
    # Listed so --format accepts it; export() renders the plan through commands.plan instead.
    "ics": ("hamjournal.domain.formats.ics", "plan_to_ics"),
}
FORMATS: tuple[str, ...] = tuple(EXPORTERS)


def export(args: argparse.Namespace) -> int:
    """Write the journal to -o FILE (mode 0600, atomically) or to stdout."""
    fmt = (args.format or "json").strip().lower()
    render = _exporter(fmt)
    # Exporting must not create a journal: a missing file is reported instead.
    service = open_service(args, create=False)
    try:
        if fmt == "ics":
            # The calendar carries the up-to-date plan (computed now), not the journal's stored rows.
            from hamjournal.commands.plan import export_ics

            journal, text = None, export_ics(service)
        else:
            journal = service.export_journal()
            text = render(journal)
        label = service.label
    finally:
        service.close()
    if not text.endswith("\n"):
        text += "\n"
    if args.output is None or args.output == "-":
        sys.stdout.write(text)
        return 0
    target = Path(args.output).expanduser()
    if _same_file(target, Path(label)):
        raise CommandFailed(f"{target} is the journal itself: export to another file, e.g. journal.{fmt}", 2)
    write_private(target, text)
    print(f"Exported {_describe(journal) if journal else 'the plan'} as {fmt} to {target}.")
    return 0


def import_(args: argparse.Namespace) -> int:
    """Add (or with --replace, swap in) a Journal JSON file, all or nothing."""
    from hamjournal.domain.formats.journal_json import loads_journal

    path = Path(args.file).expanduser()
    text = read_text(path)
    try:
        journal = loads_journal(text, config.today())
    except InvalidInput as error:
        raise InvalidInput(f"{path}: {error.message}; nothing was imported", error.field) from None
    service = open_service(args)
    try:
        summary = service.import_journal(journal, replace_all=args.replace)
        label = service.label
    finally:
        service.close()
    verb = "Replaced the journal:" if args.replace else "Merged:"
    print(f"{verb} {summary.describe()} from {path} into {label}.")
    return 0


def read_text(path: Path) -> str:
    """A UTF-8 file's text (a leading byte-order mark is allowed); InvalidInput naming the file otherwise."""
    try:
        data = _read_bounded(path)
    except FileNotFoundError:
        raise InvalidInput(f"{path}: no such file; give the path of a file written by `hamjournal export`") from None
    except IsADirectoryError:
        raise InvalidInput(f"{path} is a folder; give the path of a file written by `hamjournal export`") from None
    except OSError as error:
        raise InvalidInput(f"{path} cannot be read ({error.strerror}); check its permissions") from None
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        raise InvalidInput(
            f"{path} is not UTF-8 text (byte {error.start}); give a Journal JSON file written by `hamjournal export`"
        ) from None


def _read_bounded(path: Path) -> bytes:
    """The file's bytes, if it is a regular file of at most MAX_IMPORT_BYTES; checked before reading.

    A FIFO or a device (`import /dev/zero`) is refused without reading, and at most one byte more than the
    limit is ever read, whatever the file claims its size is.
    """
    from hamjournal.domain.formats.limits import MAX_IMPORT_BYTES, describe_bytes

    # O_NONBLOCK: opening a FIFO for reading would otherwise wait for a writer before fstat could refuse it.
    fd = os.open(path, os.O_RDONLY | os.O_NONBLOCK | getattr(os, "O_CLOEXEC", 0))
    try:
        info = os.fstat(fd)
        if stat.S_ISDIR(info.st_mode):
            raise IsADirectoryError(str(path))
        if not stat.S_ISREG(info.st_mode):
            raise InvalidInput(
                f"{path} is not a regular file (a pipe or a device); give a file written by `hamjournal export`"
            )
        if info.st_size > MAX_IMPORT_BYTES:
            raise InvalidInput(
                f"{path} is {describe_bytes(info.st_size)}: a journal file to import can be at most "
                f"{describe_bytes(MAX_IMPORT_BYTES)}"
            )
        chunks, left = [], MAX_IMPORT_BYTES + 1
        while left > 0 and (chunk := os.read(fd, min(left, 1 << 20))):
            chunks.append(chunk)
            left -= len(chunk)
    finally:
        os.close(fd)
    if left <= 0:  # it grew while being read
        raise InvalidInput(f"{path} is larger than {describe_bytes(MAX_IMPORT_BYTES)}, the most an import reads")
    return b"".join(chunks)


def write_private(target: Path, text: str) -> None:
    """Replace `target` with `text` atomically; the file is created with mode 0600."""
    from hamjournal.store.backup import fsync_folder  # the journal is open already: the store is loaded

    folder = target.parent
    if target.is_dir():
        raise CommandFailed(f"{target} is a folder: give a file name for -o, e.g. {target / 'journal.json'}")
    tmp_name: str | None = None
    try:
        # mkstemp creates the file with mode 0600, so the data is never readable by others, even briefly.
        fd, tmp_name = tempfile.mkstemp(dir=folder, prefix=f".{target.name}.", suffix=".tmp")
        with os.fdopen(fd, "w", encoding="utf-8", newline="") as handle:
            handle.write(text)
            handle.flush()
            os.fsync(handle.fileno())
        os.replace(tmp_name, target)
        tmp_name = None
        fsync_folder(folder)
    except OSError as error:
        reason = error.strerror or str(error)
        raise CommandFailed(f"{target} cannot be written ({reason}); nothing was written there") from None
    finally:
        if tmp_name is not None:
            with contextlib.suppress(OSError):
                os.unlink(tmp_name)


def _exporter(fmt: str) -> Callable[[Journal], str]:
    if fmt not in EXPORTERS:
        raise InvalidInput(f"format '{fmt}' is not allowed: use one of {', '.join(FORMATS)}", "format")
    module_name, function = EXPORTERS[fmt]
    if importlib.util.find_spec(module_name) is None:
        available = ", ".join(f for f, (m, _) in EXPORTERS.items() if importlib.util.find_spec(m) is not None)
        raise InvalidInput(f"export as {fmt} is not available yet in this version: use {available}", "format")
    return getattr(importlib.import_module(module_name), function)


def _same_file(target: Path, journal: Path) -> bool:
    # Exporting over the journal (or its -wal / -shm companions) would destroy it.
    if config.is_url(str(journal)):
        return False
    base = journal.expanduser().resolve()
    companions = {base, base.with_name(base.name + "-wal"), base.with_name(base.name + "-shm")}
    return target.resolve() in companions


def _describe(journal: Journal) -> str:
    return (
        f"{len(journal.sessions)} sessions, {len(journal.symptoms)} check-ins, {len(journal.runs)} runs, "
        f"{len(journal.assessments)} assessments, {len(journal.plan)} plan items"
    )
