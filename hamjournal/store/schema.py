"""The journal's tables (SQLAlchemy Core: lighter to import than the ORM, and portable SQL)."""

from __future__ import annotations

from sqlalchemy import (
    Boolean,
    Column,
    Date,
    DateTime,
    Float,
    ForeignKey,
    Index,
    Integer,
    MetaData,
    String,
    Table,
    Text,
)

SCHEMA_VERSION = 2
APPLICATION = "hamjournal"
# SQLite's application_id marks the file as ours even before any table is read ("HAMJ").
SQLITE_APPLICATION_ID = 0x48414D4A

metadata = MetaData()

meta = Table(
    "hj_meta",
    metadata,
    Column("key", String(64), primary_key=True),
    Column("value", Text, nullable=False),
)

athletes = Table(
    "athletes",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("name", String(100), nullable=False, unique=True),
)

profiles = Table(
    "profiles",
    metadata,
    Column("athlete_id", Integer, ForeignKey("athletes.id", ondelete="CASCADE"), primary_key=True),
    Column("units", String(16), nullable=False),
    Column("mode", String(16), nullable=False),
    Column("running_days", String(64), nullable=False),
    Column("long_run_day", String(3)),
    Column("hard_days", String(64), nullable=False),
    Column("strength_days", String(64), nullable=False),
    Column("deload_every", Integer, nullable=False),
    Column("nordic_ability", String(16), nullable=False),
    Column("onboarded", Boolean, nullable=False, default=False),
    Column("revision", Integer, nullable=False, default=1),
    # Version 2 (runs from the watch).
    Column("watch_folder", Text),
)

injuries = Table(
    "injuries",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("athlete_id", Integer, ForeignKey("athletes.id", ondelete="CASCADE"), nullable=False),
    Column("date", Date, nullable=False),
    Column("side", String(8), nullable=False),
    Column("grade", Integer, nullable=False),
    Column("note", Text, nullable=False, default=""),
)

races = Table(
    "races",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("athlete_id", Integer, ForeignKey("athletes.id", ondelete="CASCADE"), nullable=False),
    Column("date", Date, nullable=False),
    Column("name", String(200), nullable=False),
    Column("distance_km", Float, nullable=False),
    Column("priority", String(1), nullable=False),
)

sessions = Table(
    "sessions",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("athlete_id", Integer, ForeignKey("athletes.id", ondelete="CASCADE"), nullable=False),
    Column("date", Date, nullable=False),
    Column("exercise", String(32), nullable=False),
    Column("step", String(32)),
    Column("tempo", String(16)),
    Column("rpe", Integer),
    Column("pain_during", Integer),
    Column("note", Text, nullable=False, default=""),
    Column("revision", Integer, nullable=False, default=1),
    Index("ix_sessions_athlete_date", "athlete_id", "date"),
)

session_sets = Table(
    "session_sets",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("session_id", Integer, ForeignKey("sessions.id", ondelete="CASCADE"), nullable=False),
    Column("position", Integer, nullable=False),
    Column("reps", Integer),
    Column("side", String(8), nullable=False),
    Column("load_kg", Float, nullable=False, default=0.0),
    Column("hold_s", Integer),
    Index("ix_session_sets_session", "session_id", "position"),
)

symptoms = Table(
    "symptoms",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("athlete_id", Integer, ForeignKey("athletes.id", ondelete="CASCADE"), nullable=False),
    Column("date", Date, nullable=False),
    Column("time_of_day", String(16), nullable=False),
    Column("pain", Integer, nullable=False),
    Column("stiffness", Integer),
    Column("side", String(8), nullable=False),
    Column("location", String(16)),
    Column("sudden", Boolean, nullable=False, default=False),
    Column("sleep_h", Float),
    Column("fatigue", Integer),
    Column("note", Text, nullable=False, default=""),
    Column("revision", Integer, nullable=False, default=1),
    Index("ix_symptoms_athlete_date", "athlete_id", "date"),
)

runs = Table(
    "runs",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("athlete_id", Integer, ForeignKey("athletes.id", ondelete="CASCADE"), nullable=False),
    Column("date", Date, nullable=False),
    Column("kind", String(16), nullable=False),
    Column("minutes", Float, nullable=False),
    Column("distance_km", Float),
    Column("rpe", Integer),
    Column("strides", Integer),
    Column("finish_s", Float),
    Column("note", Text, nullable=False, default=""),
    Column("revision", Integer, nullable=False, default=1),
    # Version 2 (runs from the watch): the start on the runner's clock, average heart rate, the source file.
    Column("start_time", DateTime),
    Column("avg_hr", Integer),
    Column("source", Text, nullable=False, default=""),
    Column("source_digest", String(64)),
    Index("ix_runs_athlete_date", "athlete_id", "date"),
)

assessments = Table(
    "assessments",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("athlete_id", Integer, ForeignKey("athletes.id", ondelete="CASCADE"), nullable=False),
    Column("date", Date, nullable=False),
    Column("test", String(32), nullable=False),
    Column("left_value", Float),
    Column("right_value", Float),
    Column("value", Float),
    Column("revision", Integer, nullable=False, default=1),
    Index("ix_assessments_athlete_date", "athlete_id", "date"),
)

plan_items = Table(
    "plan_items",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("athlete_id", Integer, ForeignKey("athletes.id", ondelete="CASCADE"), nullable=False),
    Column("date", Date, nullable=False),
    Column("exercise", String(32), nullable=False),
    Column("step", String(32)),
    Column("kind", String(16), nullable=False),
    Column("sets", Integer, nullable=False),
    Column("reps", String(200), nullable=False),
    Column("hold_s", Integer),
    Column("tempo", String(16)),
    Column("deload", Boolean, nullable=False, default=False),
    Column("why", Text, nullable=False, default=""),
    Column("origin", String(8), nullable=False, default="auto"),
    Column("status", String(8), nullable=False, default="planned"),
    Column("revision", Integer, nullable=False, default=1),
    Index("ix_plan_items_athlete_date", "athlete_id", "date"),
)
