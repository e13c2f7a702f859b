"""Every number the advice rules use, in one table, each with its source.

A coach can read and change the rules here. `evidence` says whether a figure comes from a study ("trial")
or is clinical convention ("convention", shown as "conv." in the app). The rules never compare against a bare
number: they read the `.value` of one of these constants.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

Evidence = Literal["trial", "convention"]


@dataclass(frozen=True)
class Threshold:
    """One named limit of the rules."""

    name: str
    value: int | float
    unit: str
    source: str
    evidence: Evidence
    note: str = ""

    @property
    def label(self) -> str:
        """The evidence as the app shows it: the source, marked "conv." when it is convention."""
        return self.source if self.evidence == "trial" else f"{self.source} (conv.)"


# --- pain ---------------------------------------------------------------------------------------------------
PAIN_LIMIT_PREVENTION = Threshold(
    "pain_limit_prevention", 5, "/10", "Silbernagel 2007", "trial",
    "pain during exercise up to 5/10 is acceptable (0-2 safe, 3-5 acceptable, above 5 too much)",
)
PAIN_LIMIT_REHAB = Threshold(
    "pain_limit_rehab", 4, "/10", "Hickey 2020", "trial",
    "after a strain, up to 4/10 during rehab exercise; return no slower than pain-free rehab",
)
HOLD_PAIN_BAND = Threshold(
    "hold_pain_band", 1, "/10 below the limit", "Silbernagel 2007", "convention",
    "pain at the limit or one below it holds the dose (prevention 4-5, rehab 3-4)",
)
STOP_PAIN = Threshold(
    "stop_pain", 7, "/10", "clinical practice", "convention",
    "any pain of 7/10 or more: stop hamstring loading and see a professional",
)
STOP_WINDOW_DAYS = Threshold(
    "stop_window_days", 14, "days", "Heiderscheit 2010", "convention",
    "a red flag keeps the stop advice for two weeks, the time when most recurrences happen",
)
PROGRESS_PAIN_MAX = Threshold(
    "progress_pain_max", 3, "/10", "Silbernagel 2007", "convention",
    "progress only when pain during stayed at 3/10 or less",
)
MORNING_BASELINE_DAYS = Threshold(
    "morning_baseline_days", 14, "days", "Silbernagel 2007", "convention",
    "the usual level is the median morning pain of the 14 days before the morning read",
)
USUAL_MIN_CHECKINS = Threshold(
    "usual_min_checkins", 7, "morning check-ins", "clinical practice", "convention",
    "the usual level needs at least 7 check-ins in those 14 days; with fewer it is 0 and only absolute levels apply",
)
MORNING_REGRESS_PAIN = Threshold(
    "morning_regress_pain", 3, "/10", "Silbernagel 2007", "trial",
    "a next morning of 3/10 or more (and 2 above usual) regresses: 0-2 is the safe zone",
)
MORNING_REGRESS_ABOVE_USUAL = Threshold(
    "morning_regress_above_usual", 2, "points above usual", "Silbernagel 2007", "convention",
    "the next morning must also be at least 2 above the usual level: a one-point wobble is noise",
)
MORNING_SAFE_PAIN = Threshold(
    "morning_safe_pain", 2, "/10", "Silbernagel 2007", "trial",
    "a next morning of 2/10 or less is in the safe zone and allows progress",
)
MORNING_SAFE_ABOVE_USUAL = Threshold(
    "morning_safe_above_usual", 1, "points above usual", "Silbernagel 2007", "convention",
    "a next morning no more than 1 above the usual level is in the safe zone too",
)
STOP_MORNING_MEAN = Threshold(
    "stop_morning_mean", 3, "/10 weekly mean", "Silbernagel 2007", "convention",
    "weekly mean morning pain rising two weeks in a row to 3/10 or more although a deload was done: stop",
)

# --- dose and effort ---------------------------------------------------------------------------------------
COMPLETED_REPS_FRACTION = Threshold(
    "completed_reps_fraction", 0.8, "of prescribed reps", "clinical practice", "convention",
    "fewer than 80% of the prescribed reps (or hold seconds) done: regress",
)
PROGRESS_COMPLETE_FRACTION = Threshold(
    "progress_complete_fraction", 1.0, "of prescribed reps", "clinical practice", "convention",
    "a session counts as complete when every prescribed rep (or second) was done",
)
RPE_HOLD = Threshold(
    "rpe_hold", 9, "RPE 0-10", "clinical practice", "convention", "RPE 9-10 holds the dose",
)
PROGRESS_RPE_MAX = Threshold(
    "progress_rpe_max", 8, "RPE 0-10", "clinical practice", "convention", "progress only at RPE 8 or less",
)
PROGRESS_MIN_SESSIONS = Threshold(
    "progress_min_sessions", 2, "sessions", "Petersen 2011", "convention",
    "at least 2 sessions at the current dose before moving on",
)
PROGRESS_MIN_SPAN_DAYS = Threshold(
    "progress_min_span_days", 7, "days", "Petersen 2011", "convention",
    "those sessions span at least a week (Petersen progressed weekly)",
)
PROGRESS_WINDOW_DAYS = Threshold(
    "progress_window_days", 14, "days", "clinical practice", "convention",
    "only sessions of the last 14 days at the current dose count towards progress",
)
RECENT_DAYS = Threshold(
    "recent_days", 7, "days", "clinical practice", "convention",
    "regress and hold signals of sessions at the current dose count for a week",
)

# --- lapses ------------------------------------------------------------------------------------------------
LAPSE_DAYS = Threshold(
    "lapse_days", 14, "days", "Presland 2018", "convention",
    "fascicle gains were gone after about 2 weeks without the exercise: more than 14 days off restarts lower",
)
SHORT_LAPSE_DAYS = Threshold(
    "short_lapse_days", 8, "days", "clinical practice", "convention",
    "8-14 days off: one step lower is allowed, otherwise hold",
)
LAPSE_STEPS_LONG = Threshold(
    "lapse_steps_long", 2, "steps", "clinical practice", "convention", "restart two steps lower after a long lapse",
)
LAPSE_STEPS_SHORT = Threshold(
    "lapse_steps_short", 1, "steps", "clinical practice", "convention", "one step lower allowed after a short lapse",
)

# --- deloads -----------------------------------------------------------------------------------------------
DELOAD_EVERY_WEEKS = Threshold(
    "deload_every_weeks", 5, "weeks", "practitioner survey (5.6 ± 2.3 weeks)", "convention",
    "a deload week every 5th week by default",
)
DELOAD_EVERY_MIN = Threshold(
    "deload_every_min", 4, "weeks", "practitioner survey", "convention", "shortest allowed deload cycle",
)
DELOAD_EVERY_MAX = Threshold(
    "deload_every_max", 6, "weeks", "practitioner survey", "convention", "longest allowed deload cycle",
)
DELOAD_SET_CUT = Threshold(
    "deload_set_cut", 0.4, "of sets", "practitioner survey (30-50%)", "convention",
    "a deload keeps the sessions and cuts sets by about 40%",
)
REGRESS_REPEAT_COUNT = Threshold(
    "regress_repeat_count", 2, "regress signals", "clinical practice", "convention",
    "regress on 2 different days within 7 days brings the deload forward (one day is one signal)",
)
REGRESS_REPEAT_DAYS = Threshold(
    "regress_repeat_days", 7, "days", "clinical practice", "convention", "window for repeated regress signals",
)
DELOAD_LENGTH_DAYS = Threshold(
    "deload_length_days", 7, "days", "practitioner survey", "convention",
    "a deload lasts one week; deload weeks neither count toward a progression nor reset it",
)
STIFFNESS_TREND_TOTAL = Threshold(
    "stiffness_trend_total", 1, "points over two weeks", "Silbernagel 2007", "convention",
    "morning stiffness rising two weeks in a row by 1 point or more in all brings a deload forward",
)
STIFFNESS_WEEK_RISE = Threshold(
    "stiffness_week_rise", 1, "points above last week", "Silbernagel 2007", "convention",
    "this week's mean morning stiffness at least 1 point above last week's holds the dose",
)
STIFFNESS_HIGH = Threshold(
    "stiffness_high", 4, "/10", "seed article", "convention",
    "morning stiffness of 4/10 or more counts as high",
)
STIFFNESS_HIGH_MORNINGS = Threshold(
    "stiffness_high_mornings", 5, "of the last 7 mornings", "seed article", "convention",
    "stiffness high on 5 of the last 7 mornings: deload ('stiffness has stayed high')",
)
STIFFNESS_HIGH_WINDOW_DAYS = Threshold(
    "stiffness_high_window_days", 7, "mornings", "seed article", "convention", "window for persistent stiffness",
)
SLEEP_SHORT_H = Threshold(
    "sleep_short_h", 6, "hours", "clinical practice", "convention", "a night under 6 h counts as short",
)
SLEEP_SHORT_NIGHTS = Threshold(
    "sleep_short_nights", 3, "of the last 5 nights", "clinical practice", "convention",
    "short sleep on 3 of the last 5 nights holds the dose ('sleep has been short')",
)
SLEEP_WINDOW_DAYS = Threshold(
    "sleep_window_days", 5, "nights", "clinical practice", "convention", "window for short sleep",
)
FATIGUE_HIGH = Threshold(
    "fatigue_high", 7, "/10", "clinical practice", "convention", "hamstring fatigue of 7/10 or more counts as high",
)
FATIGUE_HIGH_MORNINGS = Threshold(
    "fatigue_high_mornings", 2, "of the last 3 mornings", "clinical practice", "convention",
    "high hamstring fatigue on 2 of the last 3 mornings holds the dose",
)
FATIGUE_WINDOW_DAYS = Threshold(
    "fatigue_window_days", 3, "mornings", "clinical practice", "convention", "window for high fatigue",
)
TREND_WEEKS = Threshold(
    "trend_weeks", 2, "weeks in a row", "Silbernagel 2007", "convention",
    "morning pain or stiffness rising two weeks in a row (rolling 7-day averages)",
)

# --- running load ------------------------------------------------------------------------------------------
RUN_SPIKE_CAUTION = Threshold(
    "run_spike_caution", 0.10, "over the longest run of 30 days", "BJSM 2025 (Frandsen et al.)", "trial",
    "one run more than 10% longer than the longest of the last 30 days: hazard ratio 1.64",
)
RUN_SPIKE_WARNING = Threshold(
    "run_spike_warning", 0.30, "over the longest run of 30 days", "BJSM 2025 (Frandsen et al.)", "trial",
    "more than 30% longer is a warning that also holds strength progression",
)
LONGEST_RUN_WINDOW_DAYS = Threshold(
    "longest_run_window_days", 30, "days", "BJSM 2025 (Frandsen et al.)", "trial",
    "a run is compared with the longest run of the 30 days before it",
)
VOLUME_JUMP = Threshold(
    "volume_jump", 0.30, "distance over 2 weeks", "Nielsen 2014", "trial",
    "more than 30% more distance over 2 weeks: hazard ratio 1.59 for distance-related injuries",
)
VOLUME_JUMP_WINDOW_DAYS = Threshold(
    "volume_jump_window_days", 14, "days", "Nielsen 2014", "trial", "the last 14 days against the 14 before",
)
RUN_SPIKE_HISTORY_DAYS = Threshold(
    "run_spike_history_days", 21, "days of logged running", "BJSM 2025 (Frandsen et al.)", "convention",
    "the single-run spike needs 3 weeks of logged running before the run, so that a few long runs are known",
)
VOLUME_JUMP_HISTORY_DAYS = Threshold(
    "volume_jump_history_days", 28, "days of logged running", "Nielsen 2014", "convention",
    "the 2-week distance jump needs 4 weeks of logged running (both 14-day windows covered)",
)
RUN_FLAG_DAYS = Threshold(
    "run_flag_days", 7, "days", "clinical practice", "convention", "a run flag holds strength for the week it is in",
)

# --- acute:chronic ratio (descriptive only) ----------------------------------------------------------------
ACWR_MIN_DAYS = Threshold(
    "acwr_min_days", 28, "days of data", "Williams 2017", "convention",
    "the ratio is shown only after 28 days of run data",
)
EWMA_ACUTE_N = Threshold("ewma_acute_n", 7, "days", "Williams 2017", "trial", "lambda = 2/(N+1) = 0.25")
EWMA_CHRONIC_N = Threshold("ewma_chronic_n", 28, "days", "Williams 2017", "trial", "lambda = 2/(N+1) = 2/29")
ACWR_SWEET_LOW = Threshold(
    "acwr_sweet_low", 0.8, "ratio", "Gabbett 2016", "trial", "lower end of the usual 'sweet spot'",
)
ACWR_SWEET_HIGH = Threshold(
    "acwr_sweet_high", 1.3, "ratio", "Gabbett 2016", "trial", "upper end of the usual 'sweet spot'",
)
ACWR_DANGER = Threshold(
    "acwr_danger", 1.5, "ratio", "Gabbett 2016", "trial",
    "called 'danger' by Gabbett; criticised (Lolli 2019, Impellizzeri 2020): a description, not a risk score",
)

# --- asymmetry ---------------------------------------------------------------------------------------------
ASYMMETRY = Threshold(
    "asymmetry", 0.15, "of the stronger leg", "Bourne 2015", "convention",
    "rep-based tests only: 15% or more prompts one extra unilateral set on the weaker side, not a risk figure",
)
ASYMMETRY_EXTRA_SETS = Threshold(
    "asymmetry_extra_sets", 1, "sets", "clinical practice", "convention", "extra sets on the weaker side",
)

# --- windows -----------------------------------------------------------------------------------------------
ADVICE_WINDOW_DAYS = Threshold(
    "advice_window_days", 56, "days", "clinical practice", "convention",
    "advice covers exercises logged or planned in the last 8 weeks; older history is ignored",
)
ADVICE_RECENT_DAYS = Threshold(
    "advice_recent_days", 14, "days", "Presland 2018", "convention",
    "a call covers exercises logged in the last 14 days or planned from today on: one the plan has rotated out "
    "drops out of the advice instead of being told to restart lower every day",
)
PLAN_LOOKAHEAD_DAYS = Threshold(
    "plan_lookahead_days", 7, "days", "clinical practice", "convention",
    "exercises planned in the next 7 days get advice too",
)

THRESHOLDS: tuple[Threshold, ...] = (
    PAIN_LIMIT_PREVENTION, PAIN_LIMIT_REHAB, HOLD_PAIN_BAND, STOP_PAIN, STOP_WINDOW_DAYS, PROGRESS_PAIN_MAX,
    MORNING_BASELINE_DAYS, USUAL_MIN_CHECKINS, MORNING_REGRESS_PAIN, MORNING_REGRESS_ABOVE_USUAL, MORNING_SAFE_PAIN,
    MORNING_SAFE_ABOVE_USUAL, STOP_MORNING_MEAN,
    COMPLETED_REPS_FRACTION, PROGRESS_COMPLETE_FRACTION, RPE_HOLD, PROGRESS_RPE_MAX, PROGRESS_MIN_SESSIONS,
    PROGRESS_MIN_SPAN_DAYS, PROGRESS_WINDOW_DAYS, RECENT_DAYS,
    LAPSE_DAYS, SHORT_LAPSE_DAYS, LAPSE_STEPS_LONG, LAPSE_STEPS_SHORT,
    DELOAD_EVERY_WEEKS, DELOAD_EVERY_MIN, DELOAD_EVERY_MAX, DELOAD_SET_CUT, REGRESS_REPEAT_COUNT,
    REGRESS_REPEAT_DAYS, DELOAD_LENGTH_DAYS, STIFFNESS_TREND_TOTAL, STIFFNESS_WEEK_RISE, STIFFNESS_HIGH,
    STIFFNESS_HIGH_MORNINGS, STIFFNESS_HIGH_WINDOW_DAYS, SLEEP_SHORT_H, SLEEP_SHORT_NIGHTS, SLEEP_WINDOW_DAYS,
    FATIGUE_HIGH, FATIGUE_HIGH_MORNINGS, FATIGUE_WINDOW_DAYS, TREND_WEEKS,
    RUN_SPIKE_CAUTION, RUN_SPIKE_WARNING, LONGEST_RUN_WINDOW_DAYS, VOLUME_JUMP, VOLUME_JUMP_WINDOW_DAYS,
    RUN_SPIKE_HISTORY_DAYS, VOLUME_JUMP_HISTORY_DAYS, RUN_FLAG_DAYS,
    ACWR_MIN_DAYS, EWMA_ACUTE_N, EWMA_CHRONIC_N, ACWR_SWEET_LOW, ACWR_SWEET_HIGH, ACWR_DANGER,
    ASYMMETRY, ASYMMETRY_EXTRA_SETS,
    ADVICE_WINDOW_DAYS, ADVICE_RECENT_DAYS, PLAN_LOOKAHEAD_DAYS,
)


def pain_limit(mode: str) -> Threshold:
    """P: the pain-during limit for the runner's mode (prevention 5/10, rehab 4/10)."""
    return PAIN_LIMIT_REHAB if mode == "rehab" else PAIN_LIMIT_PREVENTION


def threshold(name: str) -> Threshold:
    """The threshold with this name (for the app's table and for tests)."""
    for item in THRESHOLDS:
        if item.name == name:
            return item
    raise KeyError(name)
