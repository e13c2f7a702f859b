"""Rows <-> domain records. Kept apart from queries so both stay short."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

from hamjournal.domain.models import (
    Assessment,
    Injury,
    PlanItem,
    Prescription,
    Profile,
    Race,
    Run,
    Session,
    SetEntry,
    SymptomLog,
)

# A row's mapping (SQLAlchemy's RowMapping is keyed by column name or column object) or a plain dict.
Row = Mapping[Any, Any]


def days_to_text(days: Sequence[str]) -> str:
    """Weekday list stored as "mon,thu"."""
    return ",".join(days)


def text_to_days(text: str | None) -> tuple[str, ...]:
    """Back from "mon,thu" to ("mon", "thu")."""
    return tuple(d for d in (text or "").split(",") if d)


def profile_values(profile: Profile) -> dict[str, Any]:
    """Column values for a profile row (injuries and races live in their own tables)."""
    return {
        "units": profile.units,
        "mode": profile.mode,
        "running_days": days_to_text(profile.running_days),
        "long_run_day": profile.long_run_day,
        "hard_days": days_to_text(profile.hard_days),
        "strength_days": days_to_text(profile.strength_days),
        "deload_every": profile.deload_every,
        "nordic_ability": profile.nordic_ability,
        "watch_folder": profile.watch_folder,
    }


def profile_from(row: Row, injuries: Sequence[Row], races: Sequence[Row]) -> Profile:
    """A Profile from its row and its injury and race rows."""
    return Profile(
        units=row["units"],
        mode=row["mode"],
        running_days=text_to_days(row["running_days"]),
        long_run_day=row["long_run_day"],
        hard_days=text_to_days(row["hard_days"]),
        strength_days=text_to_days(row["strength_days"]),
        deload_every=row["deload_every"],
        nordic_ability=row["nordic_ability"],
        watch_folder=row["watch_folder"],
        injuries=tuple(Injury(r["date"], r["side"], r["grade"], r["note"]) for r in injuries),
        races=tuple(Race(r["date"], r["name"], r["distance_km"], r["priority"]) for r in races),
    )


def session_values(session: Session) -> dict[str, Any]:
    """Column values of a session row (its sets are separate rows)."""
    return {
        "date": session.date,
        "exercise": session.exercise,
        "step": session.step,
        "tempo": session.tempo,
        "rpe": session.rpe,
        "pain_during": session.pain_during,
        "note": session.note,
    }


def set_values(session_id: int, sets: Sequence[SetEntry]) -> list[dict[str, Any]]:
    """One row per set, in order."""
    return [
        {
            "session_id": session_id,
            "position": i,
            "reps": s.reps,
            "side": s.side,
            "load_kg": s.load_kg,
            "hold_s": s.hold_s,
        }
        for i, s in enumerate(sets)
    ]


def session_from(row: Row, sets: Sequence[Row]) -> Session:
    """A Session from its row and its set rows."""
    return Session(
        id=row["id"],
        date=row["date"],
        exercise=row["exercise"],
        step=row["step"],
        tempo=row["tempo"],
        rpe=row["rpe"],
        pain_during=row["pain_during"],
        note=row["note"],
        sets=tuple(SetEntry(s["reps"], s["side"], s["load_kg"], s["hold_s"]) for s in sets),
        revision=row["revision"],
    )


def symptom_values(log: SymptomLog) -> dict[str, Any]:
    """Column values of a check-in row."""
    return {
        "date": log.date,
        "time_of_day": log.when,
        "pain": log.pain,
        "stiffness": log.stiffness,
        "side": log.side,
        "location": log.location,
        "sudden": log.sudden,
        "sleep_h": log.sleep_h,
        "fatigue": log.fatigue,
        "note": log.note,
    }


def symptom_from(row: Row) -> SymptomLog:
    """A SymptomLog from its row."""
    return SymptomLog(
        id=row["id"],
        date=row["date"],
        when=row["time_of_day"],
        pain=row["pain"],
        stiffness=row["stiffness"],
        side=row["side"],
        location=row["location"],
        sudden=bool(row["sudden"]),
        sleep_h=row["sleep_h"],
        fatigue=row["fatigue"],
        note=row["note"],
        revision=row["revision"],
    )


def run_values(run: Run) -> dict[str, Any]:
    """Column values of a run row."""
    return {
        "date": run.date,
        "kind": run.kind,
        "minutes": run.minutes,
        "distance_km": run.distance_km,
        "rpe": run.rpe,
        "strides": run.strides,
        "finish_s": run.finish_s,
        "note": run.note,
        "start_time": run.start,
        "avg_hr": run.avg_hr,
        "source": run.source,
        "source_digest": run.digest or None,
    }


def run_from(row: Row) -> Run:
    """A Run from its row."""
    return Run(
        id=row["id"],
        date=row["date"],
        kind=row["kind"],
        minutes=row["minutes"],
        distance_km=row["distance_km"],
        rpe=row["rpe"],
        strides=row["strides"],
        finish_s=row["finish_s"],
        note=row["note"],
        revision=row["revision"],
        start=row["start_time"],
        avg_hr=row["avg_hr"],
        source=row["source"] or "",
        digest=row["source_digest"] or "",
    )


def assessment_values(item: Assessment) -> dict[str, Any]:
    """Column values of an assessment row."""
    return {
        "date": item.date,
        "test": item.test,
        "left_value": item.left,
        "right_value": item.right,
        "value": item.value,
    }


def assessment_from(row: Row) -> Assessment:
    """An Assessment from its row."""
    return Assessment(
        id=row["id"],
        date=row["date"],
        test=row["test"],
        left=row["left_value"],
        right=row["right_value"],
        value=row["value"],
    )


def plan_values(item: PlanItem) -> dict[str, Any]:
    """Column values of a plan item row."""
    rx = item.prescription
    return {
        "date": item.date,
        "exercise": item.exercise,
        "step": item.step,
        "kind": item.kind,
        "sets": rx.sets,
        "reps": ",".join(str(r) for r in rx.reps),
        "hold_s": rx.hold_s,
        "tempo": rx.tempo,
        "deload": item.deload,
        "why": item.why,
        "origin": item.origin,
        "status": item.status,
    }


def plan_from(row: Row) -> PlanItem:
    """A PlanItem from its row."""
    reps = tuple(int(r) for r in row["reps"].split(",") if r)
    return PlanItem(
        id=row["id"],
        date=row["date"],
        exercise=row["exercise"],
        step=row["step"],
        kind=row["kind"],
        prescription=Prescription(sets=row["sets"], reps=reps, hold_s=row["hold_s"], tempo=row["tempo"]),
        deload=bool(row["deload"]),
        why=row["why"],
        origin=row["origin"],
        status=row["status"],
        revision=row["revision"],
    )
