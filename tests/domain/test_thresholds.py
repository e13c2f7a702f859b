"""The threshold table: values, sources, evidence, and no bare numbers in the rules' conditions."""

from __future__ import annotations

import ast
import pathlib

import pytest

from hamjournal.domain import thresholds
from hamjournal.domain.thresholds import THRESHOLDS, Threshold, pain_limit, threshold

DOMAIN = pathlib.Path(thresholds.__file__).parent


def test_every_constant_is_in_the_table_once() -> None:
    constants = [v for v in vars(thresholds).values() if isinstance(v, Threshold)]
    assert set(constants) == set(THRESHOLDS)
    names = [t.name for t in THRESHOLDS]
    assert len(names) == len(set(names))


@pytest.mark.parametrize("item", THRESHOLDS, ids=lambda t: t.name)
def test_every_threshold_has_a_source_and_evidence(item: Threshold) -> None:
    assert item.source.strip()
    assert item.unit.strip()
    assert item.evidence in ("trial", "convention")
    assert ("(conv.)" in item.label) == (item.evidence == "convention")


@pytest.mark.parametrize(
    ("name", "value", "source"),
    [
        ("pain_limit_prevention", 5, "Silbernagel 2007"),
        ("pain_limit_rehab", 4, "Hickey 2020"),
        ("stop_pain", 7, None),
        ("completed_reps_fraction", 0.8, None),
        ("rpe_hold", 9, None),
        ("progress_rpe_max", 8, None),
        ("progress_pain_max", 3, None),
        ("progress_min_sessions", 2, None),
        ("progress_min_span_days", 7, None),
        ("lapse_days", 14, None),
        ("short_lapse_days", 8, None),
        ("deload_every_weeks", 5, None),
        ("deload_every_min", 4, None),
        ("deload_every_max", 6, None),
        ("deload_set_cut", 0.4, None),
        ("run_spike_caution", 0.10, "BJSM 2025 (Frandsen et al.)"),
        ("run_spike_warning", 0.30, "BJSM 2025 (Frandsen et al.)"),
        ("longest_run_window_days", 30, "BJSM 2025 (Frandsen et al.)"),
        ("volume_jump", 0.30, "Nielsen 2014"),
        ("acwr_min_days", 28, None),
        ("ewma_acute_n", 7, "Williams 2017"),
        ("ewma_chronic_n", 28, "Williams 2017"),
        ("acwr_sweet_low", 0.8, "Gabbett 2016"),
        ("acwr_sweet_high", 1.3, "Gabbett 2016"),
        ("acwr_danger", 1.5, "Gabbett 2016"),
        ("asymmetry", 0.15, None),
        ("regress_repeat_count", 2, None),
        ("regress_repeat_days", 7, None),
        ("advice_window_days", 56, None),
    ],
)
def test_reference_values(name: str, value: float, source: str | None) -> None:
    item = threshold(name)
    assert item.value == pytest.approx(value)
    if source is not None:
        assert item.source == source


@pytest.mark.parametrize(
    ("name", "evidence"),
    [("pain_limit_prevention", "trial"), ("stop_pain", "convention"), ("completed_reps_fraction", "convention"),
     ("deload_set_cut", "convention"), ("volume_jump", "trial"), ("asymmetry", "convention")],
)
def test_convention_is_marked(name: str, evidence: str) -> None:
    assert threshold(name).evidence == evidence


@pytest.mark.parametrize(("mode", "limit"), [("prevention", 5), ("rehab", 4)])
def test_pain_limit_per_mode(mode: str, limit: int) -> None:
    assert pain_limit(mode).value == limit


def test_unknown_threshold_name() -> None:
    with pytest.raises(KeyError):
        threshold("no-such-limit")


ADVICE_MODULES = sorted(f"advice/{p.name}" for p in (DOMAIN / "advice").glob("*.py"))


@pytest.mark.parametrize("module", ["library/doses.py", "load.py", *ADVICE_MODULES])
def test_no_bare_numbers_in_conditions(module: str) -> None:
    """Conditions compare with named constants; only 0 and 1 (empty, first, next) may appear bare."""
    tree = ast.parse((DOMAIN / module).read_text())
    offenders = []
    for node in ast.walk(tree):
        tests = []
        if isinstance(node, ast.If | ast.IfExp | ast.While):
            tests.append(node.test)
        if isinstance(node, ast.comprehension):
            tests.extend(node.ifs)
        for test in tests:
            for inner in ast.walk(test):
                if (isinstance(inner, ast.Constant) and isinstance(inner.value, int | float)
                        and not isinstance(inner.value, bool) and inner.value not in (0, 1)):
                    offenders.append((module, inner.lineno, inner.value))
    assert offenders == []
