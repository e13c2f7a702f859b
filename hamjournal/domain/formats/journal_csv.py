"""CSV export: one row per logged record, for spreadsheets.

A single table with a `record` column (session, symptom, run, assessment) and one column per field any
record has; a cell a record does not use is empty. Rows go by date, and within a day sessions, check-ins,
runs, then assessments, each in the order they were logged. The plan is not a log, so it is left out.
"""

from __future__ import annotations

import csv
import datetime as dt
import io

from hamjournal.domain.library.sets import format_sets
from hamjournal.domain.models import Assessment, Journal, Run, Session, SymptomLog

COLUMNS: tuple[str, ...] = (
    "record", "date", "exercise", "step", "tempo", "sets", "reps", "hold_s", "load_kg", "rpe", "pain",
    "stiffness", "when", "side", "location", "sudden", "sleep_h", "fatigue", "kind", "minutes", "km",
    "strides", "finish_s", "test", "left", "right", "value", "note",
    # Added for runs from a watch file, after the original columns so existing readers keep their positions.
    "start", "avg_hr", "source",
)

Cell = str | int | float | bool | None


def journal_to_csv(journal: Journal) -> str:
    """The journal's logged records as CSV text with a header row; "\\n" line endings."""
    rows: list[tuple[dt.date, int, dict[str, Cell]]] = []
    rows += [(s.date, 0, _session_row(s)) for s in journal.sessions]
    rows += [(s.date, 1, _symptom_row(s)) for s in journal.symptoms]
    rows += [(r.date, 2, _run_row(r)) for r in journal.runs]
    rows += [(a.date, 3, _assessment_row(a)) for a in journal.assessments]
    # Stable sort: records of one kind on one day keep their logged order.
    rows.sort(key=lambda row: (row[0], row[1]))
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(COLUMNS)
    for _, _, row in rows:
        writer.writerow(_cell(row.get(column)) for column in COLUMNS)
    return out.getvalue()


def _cell(value: Cell) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value)


def _session_row(session: Session) -> dict[str, Cell]:
    reps = [s.reps for s in session.sets if s.reps is not None]
    holds = [s.hold_s for s in session.sets if s.hold_s is not None]
    sides = sorted({s.side for s in session.sets})
    heaviest = max(s.load_kg for s in session.sets) if session.sets else 0.0
    return {
        "record": "session",
        "date": session.date.isoformat(),
        "exercise": session.exercise,
        "step": session.step,
        "tempo": session.tempo,
        "sets": format_sets(session.sets),
        "reps": sum(reps) if reps else None,
        "hold_s": sum(holds) if holds else None,
        "load_kg": heaviest or None,
        "rpe": session.rpe,
        "pain": session.pain_during,
        "side": "/".join(sides),
        "note": session.note,
    }


def _symptom_row(symptom: SymptomLog) -> dict[str, Cell]:
    return {
        "record": "symptom",
        "date": symptom.date.isoformat(),
        "pain": symptom.pain,
        "stiffness": symptom.stiffness,
        "when": symptom.when,
        "side": symptom.side,
        "location": symptom.location,
        "sudden": symptom.sudden,
        "sleep_h": symptom.sleep_h,
        "fatigue": symptom.fatigue,
        "note": symptom.note,
    }


def _run_row(run: Run) -> dict[str, Cell]:
    return {
        "record": "run",
        "date": run.date.isoformat(),
        "kind": run.kind,
        "minutes": run.minutes,
        "km": run.distance_km,
        "rpe": run.rpe,
        "strides": run.strides,
        "finish_s": run.finish_s,
        "note": run.note,
        "start": run.start.isoformat(timespec="seconds") if run.start else None,
        "avg_hr": run.avg_hr,
        "source": run.source or None,
    }


def _assessment_row(assessment: Assessment) -> dict[str, Cell]:
    return {
        "record": "assessment",
        "date": assessment.date.isoformat(),
        "test": assessment.test,
        "left": assessment.left,
        "right": assessment.right,
        "value": assessment.value,
    }
