"""Where the journal lives and what "today" is, resolved when asked (never at import time)."""

from __future__ import annotations

import datetime as dt
import os
import re
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


# Seconds between the open app's looks at the journal for writes made elsewhere; 0 turns watching off (the
# tests, which call HamJournalApp.check_journal themselves so nothing depends on timing).
ENV_WATCH_S = "HAMJOURNAL_WATCH_S"
WATCH_S = 1.0


def watch_interval() -> float:
    """HAMJOURNAL_WATCH_S, else WATCH_S; a value that is not a number from 0 to 2 gives WATCH_S."""
    raw = os.environ.get(ENV_WATCH_S, "").strip()
    try:
        value = float(raw) if raw else WATCH_S
    except ValueError:
        return WATCH_S
    return value if 0 <= value <= 2 else WATCH_S


def is_url(location: str) -> bool:
    """True for an SQLAlchemy URL such as postgresql+psycopg://..., False for a file path."""
    return "://" in location


# Query parameters that carry a secret (libpq's password, sslpassword; tokens of other drivers), with the "="
# kept and the value (to the next "&") masked.
_SECRET_PARAM = re.compile(r"([?&][^=&?]*(?:pass|secret|token|key)[^=&?]*=)[^&]*", re.IGNORECASE)
_URL_IN_TEXT = re.compile(r"[A-Za-z][A-Za-z0-9+.-]*://[^\s'\"]+")
MASK = "***"


def mask_url(location: str) -> str:
    """`location` with every secret replaced by ***: query values such as ?password= (up to the next "&",
    whatever they hold) and the password of user:password@ (up to the last "@": an unencoded "@", "/" or "?"
    in it stays hidden). Text only: this never fails, whatever the URL's form, so a message about a malformed
    URL can quote it safely. Where the form is ambiguous it masks more, never less."""
    if "://" not in location:
        return location
    scheme, _, rest = _SECRET_PARAM.sub(lambda m: f"{m.group(1)}{MASK}", location).partition("://")
    userinfo, at, host = rest.rpartition("@")
    if at and ":" in userinfo:
        rest = f"{userinfo.partition(':')[0]}:{MASK}@{host}"
    return f"{scheme}://{rest}"


def mask_urls(text: str) -> str:
    """Every URL in a message with its secrets masked (see mask_url)."""
    return _URL_IN_TEXT.sub(lambda match: mask_url(match.group()), text)
