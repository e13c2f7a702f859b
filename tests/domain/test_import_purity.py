"""The domain must not load textual or sqlalchemy (checked in a clean interpreter)."""

from __future__ import annotations

import pathlib
import subprocess
import sys

import pytest

ROOT = pathlib.Path(__file__).resolve().parents[2]


@pytest.mark.parametrize(
    "module",
    ["hamjournal.domain.rules", "hamjournal.domain.dose", "hamjournal.domain.load", "hamjournal.domain.thresholds"],
)
def test_domain_imports_no_ui_or_database(module: str) -> None:
    code = (
        f"import sys, {module}\n"
        "bad = sorted(m for m in sys.modules if m.split('.')[0] in ('textual', 'sqlalchemy'))\n"
        "print(','.join(bad))\n"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=ROOT, check=True)
    assert result.stdout.strip() == ""
