"""Finding watch files (files, folders walked recursively, Strava bulk exports) and reading them, bounded.

A Strava bulk export is a folder holding `activities.csv` and `activities/`: the CSV names each activity's
file with its type (Run, Ride, ...) and name, which say what a GPX file often does not.
"""

from __future__ import annotations

import csv
import gzip
import io
import zlib
from collections.abc import Callable, Iterable
from dataclasses import dataclass, replace
from pathlib import Path

from hamjournal.domain.recording.model import Recording
from hamjournal.watch.errors import FileRefused, NotARun

# A day-long FIT with per-second records is about 3 MB and its GPX about 30 MB: these leave room for any real
# activity while a wrong file (a video, a disk image) is refused before it fills the memory.
MAX_FILE_BYTES = 64 * 1024 * 1024
MAX_UNPACKED_BYTES = 128 * 1024 * 1024
FORMATS = (".fit", ".gpx", ".tcx")
STRAVA_INDEX = "activities.csv"
STRAVA_RUN_TYPES = frozenset({"run", "trail run", "virtual run", "treadmill"})
STRAVA_RACE_WORKOUT = "1"  # Strava's "Workout Type" for a run marked as a race


@dataclass(frozen=True)
class WatchFile:
    """One file to read, with what a Strava index says about it."""

    path: Path
    sport: str | None = None
    name: str = ""
    race: bool = False

    @property
    def format(self) -> str:
        """.fit, .gpx or .tcx (a .gz suffix looked through)."""
        suffixes = [s.lower() for s in self.path.suffixes]
        if suffixes and suffixes[-1] == ".gz":
            suffixes.pop()
        return suffixes[-1] if suffixes else ""


def is_watch_file(path: Path) -> bool:
    """True for names hamjournal reads: .fit, .gpx, .tcx, each optionally .gz."""
    return WatchFile(path).format in FORMATS


def find_files(paths: Iterable[Path]) -> tuple[list[WatchFile], list[tuple[Path, str]]]:
    """The watch files under `paths` (sorted, each once) and the paths refused outright, with the reason."""
    found: dict[Path, WatchFile] = {}
    refused: list[tuple[Path, str]] = []
    for path in paths:
        if path.is_dir():
            for item in _walk(path):
                found.setdefault(item.path.resolve(), item)
        elif path.is_file():
            if is_watch_file(path):
                found.setdefault(path.resolve(), WatchFile(path))
            else:
                refused.append((path, "not a watch file: hamjournal reads .fit, .gpx and .tcx files (optionally .gz)"))
        else:
            refused.append((path, "no such file or folder"))
    return sorted(found.values(), key=lambda f: str(f.path)), refused


def _walk(folder: Path) -> list[WatchFile]:
    index = _strava_index(folder)
    files = []
    for path in sorted(folder.rglob("*")):
        if path.is_file() and is_watch_file(path):
            files.append(index.get(path.resolve(), WatchFile(path)))
    return files


def _strava_index(folder: Path) -> dict[Path, WatchFile]:
    csv_path = folder / STRAVA_INDEX
    if not (csv_path.is_file() and (folder / "activities").is_dir()):
        return {}
    try:
        text = csv_path.read_bytes()[:MAX_FILE_BYTES].decode("utf-8-sig", errors="replace")
    except OSError:
        return {}
    index: dict[Path, WatchFile] = {}
    for row in csv.DictReader(io.StringIO(text)):
        name = (row.get("Filename") or "").strip()
        if not name:
            continue
        path = folder / name
        index[path.resolve()] = WatchFile(
            path,
            sport=(row.get("Activity Type") or "").strip() or None,
            name=(row.get("Activity Name") or "").strip(),
            race=(row.get("Workout Type") or "").strip() in (STRAVA_RACE_WORKOUT, "1.0"),
        )
    return index


def read_bytes(path: Path) -> bytes:
    """The file's bytes (unpacked when .gz), refused beyond the size limits or when empty or unreadable."""
    try:
        with path.open("rb") as handle:
            data = handle.read(MAX_FILE_BYTES + 1)
    except OSError as error:
        raise FileRefused(f"could not be read ({error.strerror})") from None
    if len(data) > MAX_FILE_BYTES:
        raise FileRefused(f"larger than {MAX_FILE_BYTES // 2**20} MB, the most hamjournal reads from one file")
    if path.suffix.lower() == ".gz":
        data = _gunzip(data)
    if not data:
        raise FileRefused("an empty file (0 bytes)")
    return data


def _gunzip(data: bytes) -> bytes:
    try:
        with gzip.GzipFile(fileobj=io.BytesIO(data)) as unpacked:
            out = unpacked.read(MAX_UNPACKED_BYTES + 1)
    except (OSError, EOFError, zlib.error) as error:
        raise FileRefused(f"a broken gzip file ({error})") from None
    if len(out) > MAX_UNPACKED_BYTES:
        raise FileRefused(f"unpacks to more than {MAX_UNPACKED_BYTES // 2**20} MB, the most hamjournal reads")
    return out


def check_sport(item: WatchFile) -> None:
    """NotARun when an export's index says the file holds another sport (then it need not even be read)."""
    if item.sport is not None and item.sport.lower() not in STRAVA_RUN_TYPES:
        raise NotARun(item.sport.lower())


def read_recording(item: WatchFile, data: bytes | None = None) -> Recording:
    """The Recording in one watch file (its bytes, when read already), or FileRefused / NotARun saying why not."""
    check_sport(item)
    reader = _reader(item.format)
    recording = reader(read_bytes(item.path) if data is None else data)
    if item.name or item.race:
        recording = replace(recording, name=item.name or recording.name, is_race=item.race or recording.is_race)
    return recording


def _reader(fmt: str) -> Callable[[bytes], Recording]:
    # Each format's reader (and its library) is imported only when a file of that format turns up.
    if fmt == ".fit":
        from hamjournal.watch.fit import read_fit

        return read_fit
    if fmt == ".gpx":
        from hamjournal.watch.gpx import read_gpx

        return read_gpx
    from hamjournal.watch.tcx import read_tcx

    return read_tcx
