"""Where the journal lives and what "today" is, resolved when asked (never at import time)."""

from __future__ import annotations

import datetime as dt
import os
from pathlib import Path

from hamjournal.domain.errors import InvalidInput

ENV_DB = "HAMJOURNAL_DB"
ENV_DATA_DIR = "HAMJOURNAL_DATA_DIR"
ENV_TODAY = "HAMJOURNAL_TODAY"
ENV_ATHLETE = "HAMJOURNAL_ATHLETE"

JOURNAL_FILE = "journal.db"
DEMO_FILE = "demo.db"
BACKUP_DIR = "backups"


def today() -> dt.date:
    """Today's date, or HAMJOURNAL_TODAY when set (tests, demos, screenshots)."""
    raw = os.environ.get(ENV_TODAY, "").strip()
    if not raw:
        return dt.date.today()
    try:
        return dt.date.fromisoformat(raw)
    except ValueError:
        raise InvalidInput(f"{ENV_TODAY}='{raw}' is not a date: set it as YYYY-MM-DD or unset it", ENV_TODAY) from None


def data_dir() -> Path:
    """The folder for the default journal, the demo journal and backups."""
    raw = os.environ.get(ENV_DATA_DIR, "").strip()
    if raw:
        return Path(raw).expanduser()
    # Imported here so `import hamjournal.config` stays cheap for code that never needs the folder.
    import platformdirs

    return platformdirs.user_data_path("hamjournal")


def journal_location(cli_db: str | None = None) -> str:
    """The journal to open: --db, then HAMJOURNAL_DB, then the default file in the data folder."""
    if cli_db:
        return cli_db
    env = os.environ.get(ENV_DB, "").strip()
    if env:
        return env
    return str(data_dir() / JOURNAL_FILE)


def demo_location() -> str:
    """The demo journal: its own file beside the real one, so a demo never touches real data."""
    return str(data_dir() / DEMO_FILE)


def backup_dir() -> Path:
    """Where copies made before migrations and rolling backups go."""
    return data_dir() / BACKUP_DIR


def is_url(location: str) -> bool:
    """True for an SQLAlchemy URL such as postgresql+psycopg://..., False for a file path."""
    return "://" in location
