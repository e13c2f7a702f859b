"""Every number the planner uses, in one table, each with its source (the rules' own live in thresholds.py).

Read with `.value`, like the rules' thresholds, so a coach can change the planner here. Most planning figures
are convention; the app marks them "conv." through `Threshold.label`.
"""

from __future__ import annotations

from hamjournal.domain.thresholds import Threshold

NORDIC_GAP_DAYS = Threshold(
    "nordic_gap_days", 2, "days", "Petersen 2011", "convention",
    "Nordic sessions at least 2 days apart: Petersen spread up to 3 sessions over a week",
)
A_RACE_NORDIC_FREE_DAYS = Threshold(
    "a_race_nordic_free_days", 3, "days", "clinical practice", "convention",
    "no Nordics in the 3 days before an A race: eccentric soreness peaks 24-72 h after a session",
)
TAPER_WEEKS_SHORT = Threshold(
    "taper_weeks_short", 1, "weeks", "Bosquet 2007", "convention",
    "races up to 10 km: the race week is the taper (Bosquet's meta-analysis: about 2 weeks, volume cut 41-60%)",
)
TAPER_WEEKS_HALF = Threshold(
    "taper_weeks_half", 2, "weeks", "Bosquet 2007", "convention", "races up to the half marathon: 2 weeks",
)
TAPER_WEEKS_LONG = Threshold(
    "taper_weeks_long", 3, "weeks", "Bosquet 2007", "convention", "longer races: 3 weeks",
)
SHORT_RACE_KM = 10.0
HALF_RACE_KM = 21.1
PEAK_WEEKS = Threshold(
    "peak_weeks", 2, "weeks", "clinical practice", "convention", "race-specific sharpening before the taper",
)
BUILD_WEEKS = Threshold(
    "build_weeks", 4, "weeks", "clinical practice", "convention", "the build block before the peak",
)
REASSESS_MIN_WEEKS = Threshold(
    "reassess_min_weeks", 4, "weeks", "rules-reference (deload every 4-6 weeks)", "convention",
    "reassess no sooner than 4 weeks after the last test, best in a deload week when the legs are fresh",
)
REASSESS_MAX_WEEKS = Threshold(
    "reassess_max_weeks", 6, "weeks", "rules-reference (deload every 4-6 weeks)", "convention",
    "and no later than 6 weeks after it",
)
ACCESSORY_SESSIONS_FULL = Threshold(
    "accessory_sessions_full", 2, "sessions a week", "rules-reference typical doses", "convention",
    "hip- and knee-dominant work 1-2 sessions a week each: 2 in base and build",
)
ACCESSORY_SESSIONS_LIGHT = Threshold(
    "accessory_sessions_light", 1, "sessions a week", "rules-reference typical doses", "convention",
    "1 in peak and taper weeks; none in a race week",
)
ASKLING_START_DAYS = Threshold(
    "askling_start_days", 5, "days after the strain", "Askling 2013", "trial",
    "the L-protocol started about 5 days after the injury; isometric holds come first",
)
REHAB_STAGE_SESSIONS = Threshold(
    "rehab_stage_sessions", 2, "sessions", "Hickey 2020", "convention",
    "a running stage counts as done after 2 sessions at it (as the rules need 2 sessions to progress)",
)
REHAB_DRILL_SESSIONS = Threshold(
    "rehab_drill_sessions", 2, "sessions a week", "Hickey 2020", "convention", "running-stage sessions a week",
)
PROGRAMME_WINDOW_DAYS = Threshold(
    "programme_window_days", 140, "days", "Petersen 2011", "convention",
    "20 weeks, twice the 10-week ramp: Nordics without a break across it count as maintenance",
)

PLANNER_CONSTANTS: tuple[Threshold, ...] = (
    NORDIC_GAP_DAYS, A_RACE_NORDIC_FREE_DAYS, TAPER_WEEKS_SHORT, TAPER_WEEKS_HALF, TAPER_WEEKS_LONG, PEAK_WEEKS,
    BUILD_WEEKS, REASSESS_MIN_WEEKS, REASSESS_MAX_WEEKS, ACCESSORY_SESSIONS_FULL, ACCESSORY_SESSIONS_LIGHT,
    ASKLING_START_DAYS, REHAB_STAGE_SESSIONS, REHAB_DRILL_SESSIONS, PROGRAMME_WINDOW_DAYS,
)
