"""`hamjournal import-runs PATH...`: runs from watch files (FIT, GPX, TCX, .gz) and folders (a watch, a Strava
export). One line per refused file on stderr, then one summary line on stdout; exit 0 when every file was
imported, already there or skipped (another sport), 2 when some were refused (the good ones are kept)."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from hamjournal.commands import open_service
from hamjournal.domain.errors import InvalidInput
from hamjournal.domain.recording.thresholds import FINISH_DEFAULT_M, FINISH_MAX_M, FINISH_MIN_M


def import_runs(args: argparse.Namespace) -> int:
    """Import the runs under args.paths; print refusals (stderr) and the summary (stdout)."""
    from hamjournal.domain.validation import check_int_range
    from hamjournal.run_import import ImportOptions

    finish_m = FINISH_DEFAULT_M.value
    if args.finish_m is not None:
        finish_m = check_int_range(args.finish_m, "--finish-m", int(FINISH_MIN_M.value), int(FINISH_MAX_M.value))
    paths = [Path(p) for p in args.paths]
    missing = [p for p in paths if not p.exists()]
    if missing and len(missing) == len(paths):
        raise InvalidInput(f"{missing[0]}: no such file or folder; give watch files (.fit, .gpx, .tcx) or folders")
    service = open_service(args)
    try:
        report = service.import_runs(paths, ImportOptions(finish_m=finish_m, measure_finish=args.sprint_finish))
    finally:
        service.close()
    for path, reason in report.refused:
        print(f"hamjournal: {path}: {' '.join(reason.split())}", file=sys.stderr)
    print(report.summary())
    return report.status
