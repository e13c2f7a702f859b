"""The stored plan's bookkeeping: when it was last made and how far it reaches, and swapping its future in.

The stored plan is the record of what the runner was told: today's items and the past are never rewritten by a
re-plan. To know where a re-plan may start, the journal remembers, per athlete, the day the plan was last made,
the last day it covers and whether it was made under a stop (a row of `hj_meta`, so no schema change is needed).
"""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Iterable
from dataclasses import dataclass
from typing import TYPE_CHECKING

from sqlalchemy import delete, insert, select

from hamjournal.domain.models import PlanItem
from hamjournal.store import convert, schema

if TYPE_CHECKING:
    from hamjournal.store.repo import Store


@dataclass(frozen=True)
class PlanState:
    """The day the stored plan was last made and the last day it covers."""

    made_on: dt.date
    through: dt.date
    stopped: bool = False  # the advice was "stop" when it was made: today's loading items are on hold


def _key(store: Store) -> str:
    return f"plan:{store.athlete_id}"


def read_plan_state(store: Store) -> PlanState | None:
    """The stored plan's state, or None when no plan was ever made (or its note cannot be read)."""
    with store._read() as conn:
        value = conn.execute(select(schema.meta.c.value).where(schema.meta.c.key == _key(store))).scalar()
    if value is None:
        return None
    try:
        raw = json.loads(value)
        return PlanState(
            dt.date.fromisoformat(raw["made_on"]), dt.date.fromisoformat(raw["through"]), bool(raw.get("stopped"))
        )
    except (ValueError, KeyError, TypeError):
        # A damaged note only costs a re-plan from tomorrow; it is rewritten at the next one.
        return None


def replace_plan_from(store: Store, start: dt.date, items: Iterable[PlanItem], state: PlanState) -> int:
    """Swap the generated plan from `start` on for `items` and note the plan's state, in one transaction.

    Manual and skipped items stay, and so does everything dated before `start`: a re-plan is never half applied
    and never rewrites the days the runner has already been shown. An item the new plan holds unchanged keeps
    its row (and id), so a re-plan that changes nothing writes nothing but the note. Returns the items planned.
    """
    table = schema.plan_items
    wanted = [convert.plan_values(i) for i in items if i.date >= start]
    value = json.dumps(
        {"made_on": state.made_on.isoformat(), "through": state.through.isoformat(), "stopped": state.stopped}
    )
    mine = (
        (table.c.athlete_id == store.athlete_id)
        & (table.c.date >= start)
        & (table.c.origin == "auto")
        & (table.c.status == "planned")
    )
    with store._write() as conn:
        existing = [r._mapping for r in conn.execute(select(table).where(mine).order_by(table.c.id))]
        left = list(wanted)
        stale = []
        for row in existing:
            values = {key: row[key] for key in left[0]} if left else None
            if values is not None and values in left:
                left.remove(values)
            else:
                stale.append(row["id"])
        if stale:
            conn.execute(delete(table).where(table.c.id.in_(stale)))
        if left:
            conn.execute(insert(table), [v | {"athlete_id": store.athlete_id} for v in left])
        meta = schema.meta
        updated = conn.execute(meta.update().where(meta.c.key == _key(store)).values(value=value)).rowcount
        if not updated:
            conn.execute(insert(meta).values(key=_key(store), value=value))
        return len(wanted)
