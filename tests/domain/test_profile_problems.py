"""Every profile mistake at once (profile_problems): each refused field, in make_profile's order."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest

from hamjournal.domain.errors import InvalidInput
from hamjournal.domain.profile_edit import make_profile, profile_problems

TODAY = dt.date(2026, 12, 2)
GOOD: dict[str, Any] = {
    "running_days": ["mon", "wed", "sat", "sun"],
    "long_run_day": "sun",
    "hard_days": ["wed"],
    "strength_days": ["tue", "fri"],
    "mode": "prevention",
}


@pytest.mark.parametrize(
    ("changes", "fields"),
    [
        ({}, []),
        ({"running_days": []}, ["running"]),  # the long and hard days then pass on the stand-in
        ({"long_run_day": "fri", "hard_days": ["tue"]}, ["long", "hard"]),
        ({"hard_days": ["sun"]}, ["hard"]),  # the long-run day ticked as hard
        ({"running_days": [], "mode": "rehab", "injury_date": "2026-13-01"}, ["running", "strain date"]),
        ({"mode": "rehab"}, ["injury-date"]),  # rehab with no strain date
        ({"mode": "rehab", "injury_date": "2026-12-09"}, ["injury-date"]),  # in the future
        ({"mode": "rehab", "injury_date": "2026-11-20", "injury_grade": 7, "injury_side": "up"}, ["grade", "side"]),
        ({"mode": "sprinting", "deload_every": 9, "nordic_ability": "all"}, ["mode", "deload", "nordic ability"]),
    ],
)
def test_every_refused_field_is_found(changes: dict[str, Any], fields: list[str]) -> None:
    found = profile_problems(TODAY, **{**GOOD, **changes})
    assert [field for field, _message in found] == fields
    assert all(message for _field, message in found)


def test_what_it_finds_first_is_what_make_profile_refuses() -> None:
    values = {**GOOD, "running_days": [], "mode": "rehab"}
    with pytest.raises(InvalidInput) as refused:
        make_profile(TODAY, **values)
    assert profile_problems(TODAY, **values)[0] == (refused.value.field, refused.value.message)
