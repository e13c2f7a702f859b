"""Left against right: which leg is weaker in a paired test, and by how much."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from hamjournal.domain.models import ASSESSMENT_NAMES, PAIRED_TESTS, Assessment

# For h-test-insecurity a higher score is worse; for sprint times a lower time is better.
LOWER_IS_BETTER: frozenset[str] = frozenset({"h-test-insecurity", "sprint-finish-s"})

TEST_NAMES: dict[str, str] = ASSESSMENT_NAMES
TEST_UNITS: dict[str, str] = {
    "sl-bridge-reps": " reps",
    "iso-hold-s": " s",
    "aslr-deg": "°",
    "hop-cm": " cm",
    "h-test-insecurity": "/100",
    "nordic-lowering-s": " s",
    "nordic-break-deg": "°",
    "sprint-finish-s": " s",
}


@dataclass(frozen=True)
class Asymmetry:
    """Left against right for one paired test.

    `percent` is (stronger - weaker) / stronger x 100, where "stronger" is the better leg: the higher value,
    or the lower one for tests where lower is better (H-test insecurity). `weaker` is None when both legs
    are equal. `symmetry` is the limb symmetry index (weaker / stronger x 100) for higher-is-better tests.
    """

    test: str
    left: float
    right: float
    weaker: str | None
    percent: float
    symmetry: float | None

    def describe(self) -> str:
        """ "left weaker by 12% (symmetry 88%)", or "left and right equal"."""
        if self.weaker is None:
            return "left and right equal"
        text = f"{self.weaker} weaker by {self.percent:.0f}%"
        if self.symmetry is not None:
            text += f" (symmetry {self.symmetry:.0f}%)"
        return text


def asymmetry(test: str, left: float, right: float) -> Asymmetry:
    """Which leg is weaker and by how much, for a paired test."""
    if left == right:
        return Asymmetry(test, left, right, None, 0.0, 100.0 if test not in LOWER_IS_BETTER else None)
    lower_better = test in LOWER_IS_BETTER
    if lower_better:
        # Insecurity: the leg with the higher score is the weaker one. The gap is measured against the worse
        # score, the only non-zero base (a secure leg scores 0); a symmetry index would be meaningless here.
        weaker = "left" if left > right else "right"
        worse, better = max(left, right), min(left, right)
        return Asymmetry(test, left, right, weaker, (worse - better) / worse * 100, None)
    weaker = "left" if left < right else "right"
    stronger, weak = max(left, right), min(left, right)
    return Asymmetry(test, left, right, weaker, (stronger - weak) / stronger * 100, weak / stronger * 100)


def latest_assessments(assessments: Iterable[Assessment]) -> dict[str, Assessment]:
    """The most recent result of each test (later id wins within a day)."""
    latest: dict[str, Assessment] = {}
    for item in sorted(assessments, key=lambda a: (a.date, a.id or 0)):
        latest[item.test] = item
    return latest


def assessment_asymmetry(item: Assessment) -> Asymmetry | None:
    """The asymmetry of a paired result, or None for single tests and incomplete pairs."""
    if item.test not in PAIRED_TESTS or item.left is None or item.right is None:
        return None
    return asymmetry(item.test, item.left, item.right)
