"""One family of errors for everything the runner is told, so the UI never needs to know the storage layer."""

from __future__ import annotations

import ast
import subprocess
import sys
from pathlib import Path

import pytest

from hamjournal import errors
from hamjournal.domain.errors import InvalidInput
from hamjournal.store import errors as store_errors

ROOT = Path(__file__).resolve().parents[1]


def test_the_error_module_loads_neither_textual_nor_sqlalchemy() -> None:
    code = (
        "import sys, hamjournal.errors\n"
        "print(','.join(sorted(m for m in sys.modules if m.split('.')[0] in ('textual', 'sqlalchemy'))))\n"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=ROOT, check=True)
    assert result.stdout.strip() == ""


@pytest.mark.parametrize("name", store_errors.__all__)
def test_every_journal_error_is_a_hamjournal_error(name: str) -> None:
    assert issubclass(getattr(store_errors, name), errors.JournalError)
    assert issubclass(getattr(store_errors, name), errors.HamjournalError)


def test_bad_input_is_a_hamjournal_error_and_still_a_value_error() -> None:
    error = InvalidInput("pain 11 is not allowed: give 0 to 10", "pain")
    assert isinstance(error, errors.HamjournalError)
    assert isinstance(error, ValueError)
    assert (str(error), error.message, error.field) == ("pain 11 is not allowed: give 0 to 10",) * 2 + ("pain",)


def _imports(path: Path) -> set[str]:
    names: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.ImportFrom) and node.module:
            names.add(node.module)
        elif isinstance(node, ast.Import):
            names.update(alias.name for alias in node.names)
    return names


def test_the_ui_never_imports_the_store() -> None:
    offenders = {
        str(path.relative_to(ROOT)): sorted(name for name in _imports(path) if name.startswith("hamjournal.store"))
        for path in (ROOT / "hamjournal" / "ui").rglob("*.py")
    }
    assert {path: names for path, names in offenders.items() if names} == {}
