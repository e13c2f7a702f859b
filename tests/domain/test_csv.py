"""CSV export: a header, one row per logged record, spreadsheet-friendly cells."""

from __future__ import annotations

import csv
import datetime as dt
import io

from hamjournal.domain.formats.journal_csv import COLUMNS, journal_to_csv
from hamjournal.domain.models import (
    Assessment,
    Journal,
    PlanItem,
    Prescription,
    Run,
    Session,
    SetEntry,
    SymptomLog,
)

DAY1, DAY2 = dt.date(2026, 11, 2), dt.date(2026, 11, 3)

JOURNAL = Journal(
    sessions=(
        Session(DAY2, "iso-hold", (SetEntry(None, "left", 0.0, 30), SetEntry(None, "right", 0.0, 30)), "single-leg"),
        Session(
            DAY1,
            "nordic",
            (SetEntry(6), SetEntry(6), SetEntry(6)),
            "band-assisted",
            "4-0-1-0",
            7,
            2,
            'felt "tight", then fine',
        ),
        Session(DAY1, "sl-rdl", (SetEntry(8, "left", 12.5), SetEntry(8, "right", 12.5)), "light", "3-0-1-0", 6, 0),
    ),
    symptoms=(SymptomLog(DAY2, 1, "morning", 2, "left", "proximal", False, 7.5, 2),),
    runs=(Run(DAY1, 40.0, "easy", 8.0, 4, 6),),
    assessments=(Assessment(DAY1, "sl-bridge-reps", left=22.0, right=25.0),),
    plan=(PlanItem(DAY2, "nordic", "strength", Prescription(2, (6, 6))),),
)


def rows(text: str) -> list[dict[str, str]]:
    return list(csv.DictReader(io.StringIO(text)))


def test_header_comes_first() -> None:
    header = journal_to_csv(JOURNAL).splitlines()[0]
    assert header.startswith("record,date,exercise,step,tempo,sets,reps,hold_s,load_kg,rpe,pain,stiffness,when,side")
    assert header.split(",") == list(COLUMNS)
    assert journal_to_csv(Journal()) == ",".join(COLUMNS) + "\n"


def test_one_row_per_logged_record_by_date_then_kind() -> None:
    got = [
        (r["record"], r["date"], r["exercise"] or r["kind"] or r["test"] or r["when"])
        for r in rows(journal_to_csv(JOURNAL))
    ]
    assert got == [
        ("session", "2026-11-02", "nordic"),
        ("session", "2026-11-02", "sl-rdl"),
        ("run", "2026-11-02", "easy"),
        ("assessment", "2026-11-02", "sl-bridge-reps"),
        ("session", "2026-11-03", "iso-hold"),
        ("symptom", "2026-11-03", "morning"),
    ]  # the plan is not a log, so it has no row


def test_session_cells() -> None:
    nordic, rdl, *_, holds, _ = rows(journal_to_csv(JOURNAL))
    assert (nordic["sets"], nordic["reps"], nordic["rpe"], nordic["pain"], nordic["tempo"]) == (
        "3x6",
        "18",
        "7",
        "2",
        "4-0-1-0",
    )
    assert nordic["note"] == 'felt "tight", then fine'  # quoted by the csv module, read back intact
    assert (nordic["load_kg"], nordic["hold_s"], nordic["minutes"]) == ("", "", "")
    assert (rdl["sets"], rdl["reps"], rdl["load_kg"], rdl["side"]) == ("2x8", "16", "12.5", "left/right")
    assert (holds["sets"], holds["reps"], holds["hold_s"]) == ("2x30s", "", "60")


def test_symptom_run_and_assessment_cells() -> None:
    by_record = {r["record"]: r for r in rows(journal_to_csv(JOURNAL))}
    symptom, run, test = by_record["symptom"], by_record["run"], by_record["assessment"]
    assert (symptom["pain"], symptom["stiffness"], symptom["side"], symptom["location"]) == (
        "1",
        "2",
        "left",
        "proximal",
    )
    assert (symptom["sudden"], symptom["sleep_h"], symptom["fatigue"]) == ("false", "7.5", "2")
    assert (run["minutes"], run["km"], run["rpe"], run["strides"], run["finish_s"]) == ("40", "8", "4", "6", "")
    assert (test["left"], test["right"], test["value"]) == ("22", "25", "")


def test_days_out_of_order_come_out_sorted_and_unix_lines() -> None:
    reversed_runs = Journal(runs=(Run(DAY2, 30.0), Run(DAY1, 50.0)))
    text = journal_to_csv(reversed_runs)
    assert [r["minutes"] for r in rows(text)] == ["50", "30"]
    assert "\r" not in text and text.endswith("\n")
