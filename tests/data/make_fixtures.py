"""Build the checked-in journals of every schema version from fixed data: run once per new schema version.

    /work/venv/bin/python tests/data/make_fixtures.py

`journal-v1.json` holds the data (written once from the demo generator plus hand-picked edge cases, then
kept as is); `journal-vN.db` is that data in a journal of the current schema version N. Existing files are
never overwritten: an old version's journal must stay exactly as that version wrote it, so the upgrade
path from it stays tested.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import json
import sqlite3
import sys
import tempfile
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parents[1]))

TODAY = dt.date(2026, 11, 25)
DATA = HERE / "journal-v1.json"

# Edge cases the demo does not produce: holds, one leg with load, unicode and quotes in notes, a red flag.
EXTRA = {
    "sessions": [
        {
            "date": "2026-11-20",
            "exercise": "iso-hold",
            "step": None,
            "tempo": None,
            "sets": [
                {"reps": None, "side": "left", "load_kg": 0, "hold_s": 30},
                {"reps": None, "side": "left", "load_kg": 0, "hold_s": 25},
            ],
            "rpe": 6,
            "pain_during": 1,
            "note": 'hold — felt "tight" at 20 s 🦵',
        },
        {
            "date": "2026-11-21",
            "exercise": "sl-rdl",
            "step": None,
            "tempo": "3-1-1-0",
            "sets": [{"reps": 8, "side": "right", "load_kg": 12.5, "hold_s": None}],
            "rpe": 7,
            "pain_during": None,
            "note": "",
        },
    ],
    "symptoms": [
        {
            "date": "2026-11-22",
            "when": "during-run",
            "pain": 6,
            "stiffness": 4,
            "side": "left",
            "location": "proximal",
            "sudden": True,
            "sleep_h": None,
            "fatigue": None,
            "note": "pop at 8 km",
        },
    ],
}


def write_data() -> None:
    """journal-v1.json from the demo generator (2 weeks to TODAY) plus EXTRA; only when it is missing."""
    from hamjournal.domain.demo import demo_journal
    from hamjournal.domain.formats.journal_json import journal_to_dict

    data = journal_to_dict(demo_journal(TODAY, 2))
    for key, records in EXTRA.items():
        data[key] = [*data[key], *records]
    DATA.write_text(json.dumps(data, indent=1, ensure_ascii=False) + "\n", encoding="utf-8")


def build(target: Path) -> None:
    """The data in a journal of the current schema version, as one self-contained file (no -wal)."""
    from hamjournal.domain.formats.journal_json import loads_journal
    from hamjournal.store.repo import Store

    journal = loads_journal(DATA.read_text(encoding="utf-8"), TODAY)
    with tempfile.TemporaryDirectory() as folder:
        work = Path(folder) / "journal.db"
        store = Store.open(str(work))
        try:
            store.import_journal(journal)
        finally:
            store.close()
        with contextlib.closing(sqlite3.connect(work)) as conn:
            conn.execute("VACUUM INTO ?", (str(target),))


def main() -> int:
    from hamjournal.store.schema import SCHEMA_VERSION

    if not DATA.exists():
        write_data()
        print(f"wrote {DATA}")
    target = HERE / f"journal-v{SCHEMA_VERSION}.db"
    if target.exists():
        print(f"{target} exists; left as it is")
        return 0
    build(target)
    print(f"wrote {target}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
