"""Importing runs from watch files into a journal: find the files, read each, analyse it, add it when new.

Each file is all or nothing (one run, one committed transaction); a refused file names itself and why, and
the rest still import. Re-importing adds nothing (hamjournal.domain.recording.matching).
"""

from __future__ import annotations

import bisect
import datetime as dt
import hashlib
from collections import Counter
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field, replace
from pathlib import Path

from hamjournal.domain.models import Run
from hamjournal.domain.recording import thresholds as th
from hamjournal.domain.recording.analysis import analyse, usual_run_minutes
from hamjournal.domain.recording.matching import find_same_run
from hamjournal.domain.recording.model import Recording
from hamjournal.domain.validation import MAX_HEART_RATE, MAX_RUN_KM, MAX_RUN_MINUTES, MIN_HEART_RATE
from hamjournal.store.repo import Store
from hamjournal.watch.errors import FileRefused, NotARun
from hamjournal.watch.files import WatchFile, check_sport, find_files, read_bytes, read_recording

# The usual run is the median of the runs of the six weeks before (about 20-30 runs for most runners).
USUAL_WINDOW_DAYS = 42
Progress = Callable[[int, int], None]


@dataclass
class ImportReport:
    """What one import did: runs added, already there, skipped (other sports) and refused (with why)."""

    added: list[Run] = field(default_factory=list)
    already: int = 0
    skipped: Counter[str] = field(default_factory=Counter)
    refused: list[tuple[Path, str]] = field(default_factory=list)

    @property
    def status(self) -> int:
        """The exit status: 0 when every file was imported, already there or skipped; 2 when some were refused."""
        return 2 if self.refused else 0

    def summary(self) -> str:
        """ "3 runs added, 2 with strides, 1 already there, 1 skipped (cycling), 1 refused"."""
        added = len(self.added)
        parts = [f"{added} run{'' if added == 1 else 's'} added"]
        with_strides = sum(1 for run in self.added if run.strides)
        if with_strides:
            parts.append(f"{with_strides} with strides")
        if self.already:
            parts.append(f"{self.already} already there")
        for sport, count in sorted(self.skipped.items()):
            parts.append(f"{count} skipped ({sport})")
        if self.refused:
            parts.append(f"{len(self.refused)} refused")
        return ", ".join(parts)


@dataclass(frozen=True)
class ImportOptions:
    """How to read the files: the finish distance, whether every run's finish is measured, the time zone."""

    finish_m: float = th.FINISH_DEFAULT_M.value
    measure_finish: bool = False
    # The UTC offset (seconds) of the machine's time zone at a moment, for files that do not say theirs.
    local_offset: Callable[[dt.datetime], int] = lambda moment: _machine_offset(moment)


def import_runs(
    store: Store,
    paths: Iterable[Path],
    today: dt.date,
    options: ImportOptions | None = None,
    progress: Progress | None = None,
) -> ImportReport:
    """Import every watch file under `paths` into the store's athlete; `progress(done, total)` after each file."""
    options = options or ImportOptions()
    files, refused = find_files(paths)
    report = ImportReport(refused=list(refused))
    known = store.runs_between(dt.date.min, dt.date.max)
    known.sort(key=lambda run: run.date)
    digests = store.run_digests()
    race_days = {race.date for race in store.profile().races}
    for number, item in enumerate(files, 1):
        try:
            check_sport(item)
            data = read_bytes(item.path)
            digest = hashlib.sha256(data).hexdigest()
            if digest in digests:
                # The very file a stored run came from: already there, without decoding it again.
                report.already += 1
                continue
            run = replace(_run_from(item, read_recording(item, data), known, race_days, today, options), digest=digest)
        except NotARun as skipped:
            report.skipped[skipped.sport] += 1
        except FileRefused as problem:
            report.refused.append((item.path, problem.reason))
        else:
            if find_same_run(run, _same_day(known, run.date)) is not None:
                report.already += 1
            else:
                saved = store.add_run(run)
                bisect.insort(known, saved, key=lambda r: r.date)
                digests.add(digest)
                report.added.append(saved)
        finally:
            if progress is not None:
                progress(number, len(files))
    return report


def _run_from(
    item: WatchFile, recording: Recording, known: list[Run], race_days: set[dt.date], today: dt.date,
    options: ImportOptions,
) -> Run:
    start = recording.local_start(options.local_offset(recording.start_utc))
    day = start.date()
    if day > today:
        raise FileRefused(f"starts on {day.isoformat()}, after today ({today.isoformat()}): check the watch's clock")
    if day in race_days and not recording.is_race:
        recording = replace(recording, is_race=True)
    window = [r.minutes for r in known if day - dt.timedelta(days=USUAL_WINDOW_DAYS) <= r.date < day]
    facts = analyse(recording, usual_run_minutes(window), options.finish_m, options.measure_finish)
    if facts.moving_s <= 0 or facts.distance_m <= 0:
        raise FileRefused("no moving time or distance in the recording (the watch was started but not run with)")
    if facts.minutes > MAX_RUN_MINUTES or facts.km > MAX_RUN_KM:
        raise FileRefused(f"{facts.minutes:g} min, {facts.km:g} km is beyond what one run can be: a damaged file")
    avg_hr = facts.avg_hr if facts.avg_hr is not None and MIN_HEART_RATE <= facts.avg_hr <= MAX_HEART_RATE else None
    return Run(
        date=day,
        minutes=max(facts.minutes, 0.1),
        kind=facts.kind,
        distance_km=facts.km,
        strides=facts.strides or None,
        finish_s=facts.finish_s,
        start=start.replace(microsecond=0),
        avg_hr=avg_hr,
        source=item.path.name[:200],
    )


def _same_day(known: list[Run], day: dt.date) -> list[Run]:
    # A run starting just before midnight on another clock may sit on the neighbouring day.
    lo = bisect.bisect_left(known, day - dt.timedelta(days=1), key=lambda r: r.date)
    hi = bisect.bisect_right(known, day + dt.timedelta(days=1), key=lambda r: r.date)
    return known[lo:hi]


def _machine_offset(moment: dt.datetime) -> int:
    offset = moment.astimezone().utcoffset()
    return int(offset.total_seconds()) if offset else 0
