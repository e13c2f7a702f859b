"""Import benchmark: N generated FIT files (default 1,000: about three years of running, one record a second),
decoded by garmin-fit-sdk and by fitdecode side by side, and imported whole into a journal.

    .venv/bin/python benchmarks/import_runs.py [--files 1000] [--batches 20] [--no-fitdecode] [--keep DIR]

The files are split into batches; for each batch, garmin-fit-sdk decodes it, fitdecode decodes it, then the
import (JournalService.import_runs: reading, decoding, analysing, duplicate checks, one committed insert a file)
takes it, one after the other, so a busy moment on a shared machine hits all three alike. Prints each decoder's
decode time and what it found (records, sessions, sport), the import's time and its ratio to the chosen decoder's
(target 1.3x), then a second import of everything (all already there). Nothing here is a test: it prints numbers
and PASS/FAIL against the target of issue 17.
"""

from __future__ import annotations

import argparse
import datetime as dt
import io
import os
import random
import shutil
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from fit_writer import fit_activity

sys.path.insert(1, str(Path(__file__).resolve().parents[1]))
TARGET_RATIO = 1.3
# 1,000 runs 26.4 h apart end on 23 Nov 2026, before the pinned today.
FIRST_DAY = dt.datetime(2023, 11, 20, 6, 30, tzinfo=dt.UTC)


def speeds_for(kind: str, rng: random.Random) -> list[float]:
    """One run's per-second speeds (m/s) of a kind, with a little variation."""
    base = rng.uniform(2.8, 3.3)
    wobble = [base * (1 + 0.03 * rng.random()) for _ in range(rng.randint(35, 60) * 60)]
    if kind == "long":
        return [base * 0.95] * (rng.randint(90, 130) * 60)
    if kind == "strides":
        out = wobble[: 25 * 60]
        for _ in range(rng.randint(4, 8)):
            out += [base * 1.9] * rng.randint(15, 30) + [1.6] * 60
        return out + [base] * 120
    if kind == "intervals":
        out = [base] * 600
        for _ in range(rng.randint(4, 6)):
            out += [base * 1.35] * 180 + [base * 0.8] * 120
        return out + [base] * 300
    return wobble


def generate(folder: Path, count: int) -> int:
    """Write `count` FIT files into `folder` (a run every 1.1 days); returns their total records."""
    rng = random.Random(17)
    kinds = ["easy"] * 5 + ["long", "strides", "strides", "intervals"]
    records = 0
    for number in range(count):
        start = FIRST_DAY + dt.timedelta(hours=26.4 * number)
        speeds = speeds_for(rng.choice(kinds), rng)
        records += len(speeds)
        year = folder / str(start.year)
        year.mkdir(exist_ok=True)
        (year / f"{start:%Y-%m-%d-%H%M}.fit").write_bytes(fit_activity(int(start.timestamp()), speeds))
    return records


def decode_garmin(files: list[Path]) -> tuple[float, int, int, set[str]]:
    """Garmin's decoder alone, as hamjournal calls it: seconds, records, sessions, sports."""
    from garmin_fit_sdk import Decoder, Stream

    records = sessions = 0
    sports: set[str] = set()
    began = time.perf_counter()
    for path in files:
        messages, errors = Decoder(Stream.from_byte_array(bytearray(path.read_bytes()))).read(
            convert_datetimes_to_dates=False, merge_heart_rates=False
        )
        assert not errors, errors
        records += len(messages.get("record_mesgs", ()))
        sessions += len(messages.get("session_mesgs", ()))
        sports.update(str(s.get("sport")) for s in messages.get("session_mesgs", ()))
    return time.perf_counter() - began, records, sessions, sports


def decode_fitdecode(files: list[Path]) -> tuple[float, int, int, set[str]]:
    """fitdecode alone, reading every data frame's fields: seconds, records, sessions, sports."""
    import fitdecode

    records = sessions = 0
    sports: set[str] = set()
    began = time.perf_counter()
    for path in files:
        with fitdecode.FitReader(io.BytesIO(path.read_bytes())) as reader:
            for frame in reader:
                if frame.frame_type != fitdecode.FIT_FRAME_DATA:
                    continue
                values = {field.name: field.value for field in frame.fields}
                if frame.name == "record":
                    records += 1
                elif frame.name == "session":
                    sessions += 1
                    sports.add(str(values.get("sport")))
    return time.perf_counter() - began, records, sessions, sports


def import_batch(folder: Path, journal: Path) -> tuple[float, str]:
    """Import one folder into the journal in this process: seconds, summary line."""
    from hamjournal.run_import import ImportOptions
    from hamjournal.services import JournalService
    from hamjournal.store.repo import Store

    service = JournalService(Store.open(str(journal)), today=lambda: dt.date(2026, 12, 2))
    try:
        began = time.perf_counter()
        report = service.import_runs([folder], ImportOptions(local_offset=lambda moment: 0))
        elapsed = time.perf_counter() - began
    finally:
        service.close()
    if report.refused:
        raise SystemExit(f"import refused files: {report.refused[:3]}")
    return elapsed, report.summary()


def main() -> int:
    """Generate, decode with both decoders and import batch by batch, import again; print the figures."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--files", type=int, default=1000)
    parser.add_argument("--batches", type=int, default=20)
    parser.add_argument("--no-fitdecode", action="store_true", help="leave fitdecode out (it is the slow one)")
    parser.add_argument("--keep", metavar="DIR", help="write the files here and keep them")
    args = parser.parse_args()
    root = Path(args.keep) if args.keep else Path(tempfile.mkdtemp(prefix="hj-import-bench-"))
    folder = root / "watch"
    os.environ["HAMJOURNAL_DATA_DIR"] = str(root / "data")
    try:
        shutil.rmtree(folder, ignore_errors=True)
        folder.mkdir(parents=True)
        began = time.perf_counter()
        records = generate(folder, args.files)
        files = sorted(folder.rglob("*.fit"))
        size = sum(p.stat().st_size for p in files)
        print(f"{len(files)} FIT files, {records:,} records, {size / 2**20:.1f} MB "
              f"(generated in {time.perf_counter() - began:.1f} s), {args.batches} interleaved batches")
        batches = [files[i :: args.batches] for i in range(args.batches)]
        totals = {"garmin-fit-sdk": [0.0, 0, 0, set()], "fitdecode": [0.0, 0, 0, set()]}
        imported = 0.0
        journal = root / "journal.db"
        for number, batch in enumerate(batches):
            # The batch's files in a folder of their own (hard links: no copy), which the import walks.
            batch_folder = root / f"batch-{number}"
            batch_folder.mkdir()
            for path in batch:
                os.link(path, batch_folder / path.name)
            decoders = [("garmin-fit-sdk", decode_garmin)]
            if not args.no_fitdecode:
                decoders.append(("fitdecode", decode_fitdecode))
            for name, decode in decoders:
                seconds, recs, sessions, sports = decode(batch)
                total = totals[name]
                total[0] += seconds
                total[1] += recs
                total[2] += sessions
                total[3] |= sports
            seconds, _ = import_batch(batch_folder, journal)
            imported += seconds
        for name, (seconds, recs, sessions, sports) in totals.items():
            if not seconds:
                continue
            ok = "matches" if (recs, sessions) == (records, len(files)) and sports == {"running"} else "WRONG"
            print(f"  {name:15} decode {seconds:7.2f} s  ({seconds / len(files) * 1000:5.1f} ms a file)  "
                  f"{recs:,} records, {sessions} sessions, sport {sorted(sports)}: {ok}")
        print(f"  import          whole  {imported:7.2f} s  ({imported / len(files) * 1000:5.1f} ms a file)")
        ratio = imported / totals["garmin-fit-sdk"][0]
        verdict = "PASS" if ratio <= TARGET_RATIO else "FAIL"
        print(f"  ratio import / garmin-fit-sdk decode = {ratio:.2f}x (target {TARGET_RATIO}x): {verdict}")
        again, summary = import_batch(folder, journal)
        print(f"  second import of all {again:7.2f} s  -> {summary}")
    finally:
        if not args.keep:
            shutil.rmtree(root, ignore_errors=True)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
