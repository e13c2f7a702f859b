"""Journal JSON, version 1, writing: what `export` and backups write (journal_json.py reads it back).

Export is deterministic (fixed key order, records sorted by date then insertion order), so
export -> import -> export gives the same text.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from typing import Any, TypeVar

from hamjournal.domain.models import (
    PAIRED_TESTS,
    Assessment,
    Journal,
    PlanItem,
    Profile,
    Run,
    Session,
    SymptomLog,
)

FORMAT = "hamjournal"
VERSION = 1

T = TypeVar("T")


def journal_to_dict(journal: Journal) -> dict[str, Any]:
    """The journal as Journal JSON v1: design key order, ISO dates, null for None."""
    return {
        "format": FORMAT,
        "version": VERSION,
        "profile": _profile_out(journal.profile),
        "sessions": [_session_out(s) for s in _by_date(journal.sessions)],
        "symptoms": [_symptom_out(s) for s in _by_date(journal.symptoms)],
        "runs": [_run_out(r) for r in _by_date(journal.runs)],
        "assessments": [_assessment_out(a) for a in _by_date(journal.assessments)],
        "plan": [_plan_out(p) for p in _by_date(journal.plan)],
    }


def dumps_journal(journal: Journal) -> str:
    """The journal as JSON text, the same bytes every time for the same journal."""
    return json.dumps(journal_to_dict(journal), indent=2, ensure_ascii=False)


def _by_date(records: Sequence[T]) -> list[T]:
    # sorted() is stable: records of one day keep the order they were logged in.
    return sorted(records, key=lambda r: r.date)  # type: ignore[attr-defined]


def _compact(value: float | None) -> int | float | None:
    """Whole numbers without ".0" (40 minutes, 0 kg), as the design's example writes them."""
    if value is None:
        return None
    return int(value) if float(value).is_integer() else float(value)


def _real(value: float | None) -> float | None:
    return None if value is None else float(value)


def _profile_out(profile: Profile) -> dict[str, Any]:
    return {
        "units": profile.units,
        "mode": profile.mode,
        "running_days": list(profile.running_days),
        "long_run_day": profile.long_run_day,
        "hard_days": list(profile.hard_days),
        "strength_days": list(profile.strength_days),
        "injuries": [
            {"date": i.date.isoformat(), "side": i.side, "grade": i.grade, "note": i.note} for i in profile.injuries
        ],
        "races": [
            {"date": r.date.isoformat(), "name": r.name, "distance_km": _compact(r.distance_km), "priority": r.priority}
            for r in _by_date(profile.races)
        ],
        "deload_every": profile.deload_every,
        "nordic_ability": profile.nordic_ability,
    } | ({"watch_folder": profile.watch_folder} if profile.watch_folder else {})


def _session_out(session: Session) -> dict[str, Any]:
    return {
        "date": session.date.isoformat(),
        "exercise": session.exercise,
        "step": session.step,
        "tempo": session.tempo,
        "sets": [
            {"reps": s.reps, "side": s.side, "load_kg": _compact(s.load_kg), "hold_s": s.hold_s} for s in session.sets
        ],
        "rpe": session.rpe,
        "pain_during": session.pain_during,
        "note": session.note,
    }


def _symptom_out(symptom: SymptomLog) -> dict[str, Any]:
    return {
        "date": symptom.date.isoformat(),
        "when": symptom.when,
        "pain": symptom.pain,
        "stiffness": symptom.stiffness,
        "side": symptom.side,
        "location": symptom.location,
        "sudden": symptom.sudden,
        "sleep_h": _real(symptom.sleep_h),
        "fatigue": symptom.fatigue,
        "note": symptom.note,
    }


def _run_out(run: Run) -> dict[str, Any]:
    return {
        "date": run.date.isoformat(),
        "kind": run.kind,
        "minutes": _compact(run.minutes),
        "distance_km": _real(run.distance_km),
        "rpe": run.rpe,
        "strides": run.strides,
        "finish_s": _real(run.finish_s),
        "note": run.note,
    } | _watch_fields(run)


def _watch_fields(run: Run) -> dict[str, Any]:
    # Only runs from a watch file have these; a typed run's JSON stays exactly as version 1 wrote it.
    out: dict[str, Any] = {}
    if run.start is not None:
        out["start"] = run.start.isoformat(timespec="seconds")
    if run.avg_hr is not None:
        out["avg_hr"] = run.avg_hr
    if run.source:
        out["source"] = run.source
    return out


def _assessment_out(assessment: Assessment) -> dict[str, Any]:
    out: dict[str, Any] = {"date": assessment.date.isoformat(), "test": assessment.test}
    if assessment.test in PAIRED_TESTS:
        out["left"] = _compact(assessment.left)
        out["right"] = _compact(assessment.right)
    else:
        out["value"] = _compact(assessment.value)
    return out


def _plan_out(plan: PlanItem) -> dict[str, Any]:
    p = plan.prescription
    return {
        "date": plan.date.isoformat(),
        "exercise": plan.exercise,
        "step": plan.step,
        "kind": plan.kind,
        "prescription": {"sets": p.sets, "reps": list(p.reps), "hold_s": p.hold_s, "tempo": p.tempo},
        "deload": plan.deload,
        "why": plan.why,
        "origin": plan.origin,
        "status": plan.status,
    }
