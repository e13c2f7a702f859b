"""`log`, `pain` and `run`: one entry each, validated before the journal is even opened.

Validating first means bad input never creates or touches a journal file; the service validates again
(the same rules) and commits before the confirmation line is printed, so a printed line means saved.
"""

from __future__ import annotations

import argparse
import sys

from hamjournal import config
from hamjournal.commands import open_service
from hamjournal.domain import entries
from hamjournal.domain.library.exercises import EXERCISES
from hamjournal.domain.library.sets import format_sets
from hamjournal.domain.models import Run, Session, SymptomLog
from hamjournal.domain.thresholds import STOP_PAIN


def log(args: argparse.Namespace) -> int:
    """Save a strength or drill session and print one confirmation line."""
    fields = {
        "step": args.step,
        "tempo": args.tempo,
        "rpe": args.rpe,
        "pain": args.pain,
        "date": args.date,
        "side": args.side,
        "load_kg": args.load_kg,
        "note": args.note,
    }
    entries.make_session(config.today(), args.exercise, args.sets, **fields)
    service = open_service(args)
    try:
        session = service.log_session(args.exercise, args.sets, **fields)
    finally:
        service.close()
    print(describe_session(session))
    if session.pain_during is not None and session.pain_during >= STOP_PAIN.value:
        _warn(f"pain {session.pain_during}/10 during the session")
    return 0


def pain(args: argparse.Namespace) -> int:
    """Save a pain / stiffness check-in; warn when it is a red flag (sudden, or pain 7/10 or more)."""
    fields = {
        "stiffness": args.stiffness,
        "when": args.when,
        "side": args.side,
        "location": args.location,
        "sudden": args.sudden,
        "sleep_h": args.sleep,
        "fatigue": args.fatigue,
        "date": args.date,
        "note": args.note,
    }
    entries.make_symptom(config.today(), args.pain, **fields)
    service = open_service(args)
    try:
        log_entry = service.check_in(args.pain, **fields)
    finally:
        service.close()
    print(describe_check_in(log_entry))
    if log_entry.sudden:
        _warn("a sudden pain")
    elif log_entry.pain >= STOP_PAIN.value:
        _warn(f"pain {log_entry.pain}/10")
    return 0


def run(args: argparse.Namespace) -> int:
    """Save a run and print one confirmation line."""
    fields = {
        "kind": args.kind,
        "km": args.km,
        "rpe": args.rpe,
        "strides": args.strides,
        "finish_s": args.finish_s,
        "date": args.date,
        "note": args.note,
    }
    entries.make_run(config.today(), args.minutes, **fields)
    service = open_service(args)
    try:
        saved = service.log_run(args.minutes, **fields)
    finally:
        service.close()
    print(describe_run(saved))
    return 0


def describe_session(session: Session) -> str:
    """ "Logged Nordic hamstring curl 3x6 (band-assisted, tempo 4-0-1-0) on 2026-11-24, RPE 7, pain 2/10." """
    ex = EXERCISES.get(session.exercise)
    name = ex.name if ex else session.exercise
    how = [part for part in (session.step, f"tempo {session.tempo}" if session.tempo else None) if part]
    first = session.sets[0]
    if first.side != "both":
        how.append(f"{first.side} leg")
    if first.load_kg:
        how.append(f"{first.load_kg:g} kg")
    text = f"Logged {name} {format_sets(session.sets)}"
    if how:
        text += f" ({', '.join(how)})"
    text += f" on {session.date.isoformat()}"
    if session.rpe is not None:
        text += f", RPE {session.rpe}"
    if session.pain_during is not None:
        text += f", pain {session.pain_during}/10"
    return text + "."


def describe_check_in(log_entry: SymptomLog) -> str:
    """ "Checked in on 2026-11-25 (morning): pain 3/10, stiffness 2/10, left leg, proximal." """
    parts = [f"pain {log_entry.pain}/10"]
    if log_entry.stiffness is not None:
        parts.append(f"stiffness {log_entry.stiffness}/10")
    if log_entry.side != "both":
        parts.append(f"{log_entry.side} leg")
    if log_entry.location:
        parts.append(log_entry.location)
    if log_entry.sudden:
        parts.append("sudden onset")
    if log_entry.sleep_h is not None:
        parts.append(f"slept {log_entry.sleep_h:g} h")
    if log_entry.fatigue is not None:
        parts.append(f"fatigue {log_entry.fatigue}/10")
    return f"Checked in on {log_entry.date.isoformat()} ({log_entry.when}): {', '.join(parts)}."


def describe_run(saved: Run) -> str:
    """ "Logged easy run of 40 min, 8 km on 2026-11-25, RPE 4, 6 strides." """
    text = f"Logged {saved.kind} run of {saved.minutes:g} min"
    if saved.distance_km is not None:
        text += f", {saved.distance_km:g} km"
    text += f" on {saved.date.isoformat()}"
    if saved.rpe is not None:
        text += f", RPE {saved.rpe}"
    if saved.strides:
        text += f", {saved.strides} strides"
    if saved.finish_s is not None:
        text += f", sprint finish {saved.finish_s:g} s"
    return text + "."


def _warn(what: str) -> None:
    # On stderr: the entry is saved (exit 0) and stdout keeps its one confirmation line for scripts.
    print(
        f"hamjournal: WARNING: {what} is a red flag. Stop hamstring loading (Nordics, bridges, deadlifts, "
        "sprints) and have a physiotherapist or doctor look at it before you train it again.",
        file=sys.stderr,
    )
