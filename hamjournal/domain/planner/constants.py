"""Every number the planner uses, in one table, each with its source (the rules' own live in thresholds.py).

Read with `.value`, like the rules' thresholds, so a coach can change the planner here. Most planning figures
are convention; the app marks them "conv." through `Threshold.label`.
"""

from __future__ import annotations

from hamjournal.domain.thresholds import Threshold

# -- placement (rules-reference section 2, Placement) -------------------------------------------------------
NORDIC_GAP_DAYS = Threshold(
    "nordic_gap_days", 2, "days", "Petersen 2011; rules-reference placement", "convention",
    "Nordic sessions at least 48 h apart, never on consecutive days, also across weeks and against sessions "
    "already logged: Petersen spread up to 3 sessions over a week",
)
LONG_RUN_NORDIC_FREE_DAYS = Threshold(
    "long_run_nordic_free_days", 1, "days before", "rules-reference placement (seed article)", "convention",
    "never a Nordic on the long-run day or the day before it: keep the long run on fresh hamstrings",
)
RACE_NORDIC_FREE_DAYS = Threshold(
    "race_nordic_free_days", 1, "days before", "rules-reference placement", "convention",
    "never a Nordic on the day of an A or B race or the day before it",
)
A_RACE_NORDIC_FREE_DAYS = Threshold(
    "a_race_nordic_free_days", 3, "days", "clinical practice", "convention",
    "no Nordics in the 3 days before an A race: eccentric soreness peaks 24-72 h after a session",
)
RACE_RECOVERY_DAYS = Threshold(
    "race_recovery_days", 2, "days after", "rules-reference placement", "convention",
    "no Nordics in the 2 days after any race",
)
RACE_RECOVERY_DAYS_LONG = Threshold(
    "race_recovery_days_long", 3, "days after", "rules-reference placement", "convention",
    "no Nordics in the 3 days after a half marathon or longer",
)
RACE_RECOVERY_LONG_KM = Threshold(
    "race_recovery_long_km", 21.1, "km", "rules-reference placement", "convention",
    "a half marathon or longer: races of 21.1 km and more take the longer recovery",
)
A_RACE_STEP_FREEZE_DAYS = Threshold(
    "a_race_step_freeze_days", 14, "days", "rules-reference placement", "convention",
    "no new (harder) Nordic step in the last 2 weeks before an A race; the dose may still follow the programme",
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
# -- rehab gates (rules-reference section 2, Rehab gates; Heiderscheit 2010, Askling 2013) -------------------
REHAB_STAGE_PAIN_OK = Threshold(
    "rehab_stage_pain_ok", 2, "/10", "Heiderscheit 2010", "convention",
    "a running-stage session counts toward the next stage only with pain during of 2/10 or less",
)
REHAB_STAGE_PAIN_MAX = Threshold(
    "rehab_stage_pain_max", 4, "/10", "Hickey 2020", "convention",
    "pain up to 4/10 keeps the stage open; above it the runner steps back one stage",
)
REHAB_RUN_GAP_DAYS = Threshold(
    "rehab_run_gap_days", 14, "days", "Heiderscheit 2010", "convention",
    "more than 14 days without running: one stage back, not to the start",
)
REHAB_SYMMETRY = Threshold(
    "rehab_symmetry", 0.10, "of the other leg", "Heiderscheit 2010", "convention",
    "sprints need full pain-free range (ASLR) and strength within 10% of the other leg",
)
REHAB_H_TEST_MAX = Threshold(
    "rehab_h_test_max", 0, "insecurity", "Askling 2014", "trial",
    "no full-speed sprinting while the H-test still shows insecurity (score above 0)",
)
MAX_TEST_DAY = Threshold(
    "max_test_day", 14, "days after the strain", "Heiderscheit 2010", "convention",
    "maximal tests (H-test, max-rep bridges, Nordic lowering, hop, sprint finish) not before day 14",
)
MAX_TEST_STAGE = Threshold(
    "max_test_stage", 2, "running stage", "rules-reference rehab gates", "convention",
    "and in rehab not before the 50-70% running stage is open",
)
PROGRAMME_WINDOW_DAYS = Threshold(
    "programme_window_days", 140, "days", "Petersen 2011", "convention",
    "20 weeks, twice the 10-week ramp: Nordics without a break across it count as maintenance",
)

PLANNER_CONSTANTS: tuple[Threshold, ...] = (
    NORDIC_GAP_DAYS, LONG_RUN_NORDIC_FREE_DAYS, RACE_NORDIC_FREE_DAYS, A_RACE_NORDIC_FREE_DAYS, RACE_RECOVERY_DAYS,
    RACE_RECOVERY_DAYS_LONG, RACE_RECOVERY_LONG_KM, A_RACE_STEP_FREEZE_DAYS, TAPER_WEEKS_SHORT, TAPER_WEEKS_HALF,
    TAPER_WEEKS_LONG, PEAK_WEEKS, BUILD_WEEKS, REASSESS_MIN_WEEKS, REASSESS_MAX_WEEKS, ACCESSORY_SESSIONS_FULL,
    ACCESSORY_SESSIONS_LIGHT, ASKLING_START_DAYS, REHAB_STAGE_SESSIONS, REHAB_DRILL_SESSIONS, REHAB_STAGE_PAIN_OK,
    REHAB_STAGE_PAIN_MAX, REHAB_RUN_GAP_DAYS, REHAB_SYMMETRY, REHAB_H_TEST_MAX, MAX_TEST_DAY, MAX_TEST_STAGE,
    PROGRAMME_WINDOW_DAYS,
)
