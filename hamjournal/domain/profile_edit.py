"""The profile as the onboarding and profile screens build it: checked, with one clear message per mistake.

Each check raises InvalidInput naming the field it is about, so the screen can show the message beside it.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Sequence

from hamjournal.domain.entries import given
from hamjournal.domain.errors import InvalidInput
from hamjournal.domain.models import MODES, NORDIC_ABILITIES, RACE_PRIORITIES, SIDES, WEEKDAYS, Injury, Profile, Race
from hamjournal.domain.validation import MAX_RUN_KM, check_choice, check_int_range, check_range, parse_date

UNIT_CHOICES: tuple[str, ...] = ("metric",)  # the Journal JSON's units; imperial would not survive an export
DELOAD_CHOICES: tuple[int, ...] = (4, 5, 6)
GRADES: tuple[int, ...] = (1, 2, 3)
MAX_RACE_NAME = 80
ABILITY_LABELS: dict[str, str] = {
    "none": "None yet: I can't lower myself under control",
    "partial": "Partial range: I break early",
    "full": "Full reps: I lower all the way",
}


def ordered(days: Iterable[str]) -> tuple[str, ...]:
    """Weekdays in calendar order, each once."""
    chosen = set(days)
    return tuple(d for d in WEEKDAYS if d in chosen)


def make_race(today: dt.date, date_text: str, name: str, distance_text: str, priority: str) -> Race:
    """A race from the form's text fields; its date may not have passed."""
    if not given(date_text):
        raise InvalidInput("race date is empty: write it as YYYY-MM-DD", "race-date")
    day = parse_date(date_text, "race date")
    if day < today:
        raise InvalidInput(f"race date {day.isoformat()} has passed: add races from today on", "race-date")
    title = (name or "").strip()
    if not title:
        raise InvalidInput("race name is empty: give the race a name, e.g. City 10K", "race-name")
    if len(title) > MAX_RACE_NAME:
        raise InvalidInput(f"race name is {len(title)} characters: keep it to {MAX_RACE_NAME}", "race-name")
    try:
        km = check_range(distance_text, "distance", 0.1, MAX_RUN_KM, " km")
    except InvalidInput as error:
        raise InvalidInput(error.message, "race-distance") from None
    rank = (priority or "A").strip().upper()
    if rank not in RACE_PRIORITIES:
        raise InvalidInput(f"priority '{priority}' is not allowed: use A (the goal), B or C", "race-priority")
    return Race(day, title, km, rank)


def make_profile(
    today: dt.date,
    *,
    running_days: Iterable[str],
    long_run_day: str | None,
    hard_days: Iterable[str],
    strength_days: Iterable[str],
    mode: str,
    injury_date: str | None = None,
    injury_side: str = "left",
    injury_grade: object = 1,
    nordic_ability: str = "none",
    races: Sequence[Race] = (),
    units: str = "metric",
    deload_every: object = 5,
    keep_injuries: Sequence[Injury] = (),
    watch_folder: str | None = None,
) -> Profile:
    """A checked Profile; `keep_injuries` are older strains kept when the current one is edited."""
    running = ordered(running_days)
    if not running:
        raise InvalidInput("no running day ticked: tick the days you usually run", "running")
    long_day = long_run_day or None
    if long_day is not None and long_day not in running:
        raise InvalidInput(f"the long run is on {long_day}, which is not a running day: tick it there too", "long")
    hard = ordered(hard_days)
    if long_day in hard:
        raise InvalidInput("the long-run day is also ticked as a hard day: a day is one or the other", "hard")
    not_running = [d for d in hard if d not in running]
    if not_running:
        raise InvalidInput(f"hard day {', '.join(not_running)} is not a running day: tick it there too", "hard")
    chosen_mode = check_choice(mode, "mode", MODES)
    injuries = list(keep_injuries)
    if chosen_mode == "rehab" or given(injury_date):
        if not given(injury_date):
            raise InvalidInput("rehab mode needs the date of the strain: write it as YYYY-MM-DD", "injury-date")
        day = parse_date(str(injury_date), "strain date")
        if day > today:
            raise InvalidInput(f"strain date {day.isoformat()} is in the future: give the day it happened",
                               "injury-date")
        grade = check_int_range(injury_grade, "grade", GRADES[0], GRADES[-1])
        side = check_choice(injury_side, "side", SIDES)
        injuries = [i for i in injuries if i.date != day] + [Injury(day, side, grade)]
    return Profile(
        units=check_choice(units, "units", UNIT_CHOICES),
        mode=chosen_mode,
        running_days=running,
        long_run_day=long_day,
        hard_days=hard,
        strength_days=ordered(strength_days),
        injuries=tuple(sorted(injuries, key=lambda i: i.date)),
        races=tuple(sorted(races, key=lambda r: r.date)),
        deload_every=check_int_range(deload_every, "deload", DELOAD_CHOICES[0], DELOAD_CHOICES[-1]),
        nordic_ability=check_choice(nordic_ability, "nordic ability", NORDIC_ABILITIES),
        watch_folder=(watch_folder or "").strip() or None,
    )


def _stand_ins(today: dt.date) -> dict[str, tuple[str, object]]:
    """For each field make_profile can refuse: (its argument, a value that passes whatever else was chosen)."""
    strain_day = (today - dt.timedelta(days=1)).isoformat()
    return {
        "running": ("running_days", WEEKDAYS),
        "long": ("long_run_day", None),
        "hard": ("hard_days", ()),
        "mode": ("mode", MODES[0]),
        "injury-date": ("injury_date", strain_day),
        "strain date": ("injury_date", strain_day),
        "grade": ("injury_grade", GRADES[0]),
        "side": ("injury_side", SIDES[0]),
        "units": ("units", UNIT_CHOICES[0]),
        "deload": ("deload_every", DELOAD_CHOICES[0]),
        "nordic ability": ("nordic_ability", NORDIC_ABILITIES[0]),
    }


def profile_problems(today: dt.date, **values: object) -> list[tuple[str, str]]:
    """Every field make_profile refuses, as (field, message), in the order it checks them: each refused value
    is replaced by a stand-in that passes and the rest is checked again, so the screen can mark all at once."""
    stand_ins = _stand_ins(today)
    trial = dict(values)
    found: list[tuple[str, str]] = []
    for _ in range(len(stand_ins) + 1):
        try:
            make_profile(today, **trial)  # type: ignore[arg-type]
        except InvalidInput as error:
            field = error.field or ""
            found.append((field, error.message))
            if field not in stand_ins:
                break
            argument, value = stand_ins[field]
            if trial.get(argument, object()) == value:
                break  # the stand-in itself was refused: nothing more to learn
            trial[argument] = value
        else:
            break
    return found
