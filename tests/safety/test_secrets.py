"""PostgreSQL secrets are never shown: masked in every message and in the app's header, whatever the URL's
form, and a malformed URL is one line (exit 2) that does not quote the secret (issue 16, item 7)."""

from __future__ import annotations

from pathlib import Path

import pytest

from hamjournal.cli import main
from hamjournal.config import mask_url, mask_urls

SECRET = "hunter2"


@pytest.mark.parametrize(
    ("url", "shown"),
    [
        ("postgresql+psycopg://coach:hunter2@localhost/club", "postgresql+psycopg://coach:***@localhost/club"),
        ("postgresql://coach:p@hunter2@db:5432/club", "postgresql://coach:***@db:5432/club"),
        ("postgresql://coach@db/club?password=hunter2", "postgresql://coach@db/club?password=***"),
        ("postgresql://db/club?sslmode=require&PASSWORD=hunter2", "postgresql://db/club?sslmode=require&PASSWORD=***"),
        ("postgresql://coach:hun/ter?2@db/club", "postgresql://coach:***@db/club"),
        ("postgresql://db/club?password=hun@ter2", "postgresql://db/club?password=***"),
        (
            "postgresql://u:x@db/c?sslpassword=hunter2&sslmode=verify-full",
            "postgresql://u:***@db/c?sslpassword=***&sslmode=verify-full",
        ),
        ("postgresql://coach@db/club", "postgresql://coach@db/club"),
        ("/home/me/journal.db", "/home/me/journal.db"),
    ],
)
def test_mask_url_hides_every_password_form(url: str, shown: str) -> None:
    assert mask_url(url) == shown
    assert "hun" not in shown and "ter" not in shown.replace("postgresql", "")


def test_mask_urls_masks_urls_inside_a_message() -> None:
    assert mask_urls("failed for postgresql://a:hunter2@b/c, again") == "failed for postgresql://a:***@b/c, again"


@pytest.mark.parametrize(
    ("url", "status", "says"),
    [
        ("postgresql+psycopg://coach:hunter2@127.0.0.1:1/club", 1, "could not connect"),
        ("postgresql+psycopg://coach@127.0.0.1:1/club?password=hunter2", 1, "could not connect"),
        ("postgresql+psycopg://coach:hun@ter2@127.0.0.1:1/club", 2, "unencoded '@'"),
        ("postgresql+psycopg://coach:hunter2@db:port/club", 2, "the port must be a number"),
        ("postgresql+psycopg://coach:hunter2@db:99999/club", 2, "the port must be from 1 to 65535"),
        ("postgresql+psycopg://coach:hunter2@db:-1/club", 2, "port"),
    ],
    ids=["userinfo", "query", "unencoded-at", "port-word", "port-range", "port-negative"],
)
def test_messages_never_show_the_password(
    url: str, status: int, says: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys
) -> None:  # type: ignore[no-untyped-def]
    monkeypatch.setenv("HAMJOURNAL_DATA_DIR", str(tmp_path))
    monkeypatch.setenv("HAMJOURNAL_TODAY", "2026-11-25")
    for argv in (["--db", url, "week"], ["--db", url, "pain", "1"], ["copy", "--to", url]):
        if argv[0] == "copy":
            monkeypatch.setenv("HAMJOURNAL_DB", str(tmp_path / "journal.db"))
            assert main(["pain", "1"]) == 0
            capsys.readouterr()
        assert main(argv) == status, argv
        out, err = capsys.readouterr()
        assert len(err.splitlines()) == 1 and says in err, err
        assert "hunter" not in err + out and "ter2" not in err + out, err


async def test_the_app_header_masks_the_password(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from tests.ui.helpers import make_app, settle

    monkeypatch.setenv("HAMJOURNAL_DATA_DIR", str(tmp_path))
    monkeypatch.setenv("HAMJOURNAL_TODAY", "2026-11-25")
    url = "postgresql+psycopg://coach@127.0.0.1:1/club?password=hunter2"
    app = make_app(url)  # type: ignore[arg-type]
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        screen = app.export_screenshot()
        assert "password=***" in screen
        assert SECRET not in screen
