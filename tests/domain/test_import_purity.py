"""The domain must not load textual or sqlalchemy (checked in a clean interpreter)."""

from __future__ import annotations

import pathlib
import pkgutil
import subprocess
import sys

import pytest

import hamjournal.domain

ROOT = pathlib.Path(__file__).resolve().parents[2]
# The package and every module in it and in its subpackages, found on disk, so a new domain module is checked
# without a test edit.
DOMAIN_MODULES = [
    "hamjournal.domain",
    *sorted(info.name for info in pkgutil.walk_packages(hamjournal.domain.__path__, "hamjournal.domain.")),
]


@pytest.mark.parametrize("module", DOMAIN_MODULES)
def test_domain_imports_no_ui_or_database(module: str) -> None:
    code = (
        f"import sys, {module}\n"
        "bad = sorted(m for m in sys.modules if m.split('.')[0] in ('textual', 'sqlalchemy'))\n"
        "print(','.join(bad))\n"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=ROOT, check=True)
    assert result.stdout.strip() == ""
