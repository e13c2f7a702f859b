"""Every number the analysis of a recorded run uses, in one table, each with its source or reason.

Same shape as hamjournal.domain.thresholds (the advice rules' table): the analysis reads `.value` of these
constants and never compares against a bare number.
"""

from __future__ import annotations

from hamjournal.domain.thresholds import Threshold

# --- moving time --------------------------------------------------------------------------------------------
MOVING_SPEED = Threshold(
    "moving_speed", 0.8, "m/s", "watch auto-pause", "convention",
    "below about 3 km/h a runner is standing or walking to a stop: not moving time (Garmin/Strava auto-pause)",
)
MAX_SAMPLE_GAP = Threshold(
    "max_sample_gap", 10, "s", "watch smart recording", "convention",
    "a gap longer than this between samples is a pause (smart recording logs at least every few seconds)",
)
SMOOTHING_WINDOW = Threshold(
    "smoothing_window", 5, "s", "GPS speed noise", "convention",
    "speed is averaged over 5 s before bursts are looked for, so one noisy GPS fix is not a stride",
)

# --- strides ------------------------------------------------------------------------------------------------
STRIDE_TOP_FRACTION = Threshold(
    "stride_top_fraction", 0.85, "of top speed", "Daniels 2014", "convention",
    "strides are run near top speed (about 90-95% effort); 85% of the run's top leaves room for GPS lag",
)
STRIDE_OVER_MEDIAN = Threshold(
    "stride_over_median", 1.3, "x median speed", "Daniels 2014", "convention",
    "a stride is clearly faster than the run around it; a steady tempo run has no strides",
)
STRIDE_MIN_S = Threshold(
    "stride_min_s", 8, "s", "Daniels 2014", "convention",
    "strides last about 15-30 s (80-150 m); with 5 s smoothing a 15 s stride shows as at least 10 s",
)
STRIDE_MAX_S = Threshold(
    "stride_max_s", 40, "s", "Daniels 2014", "convention",
    "longer than about 40 s near top speed is an interval rep or a sprint, not a stride",
)
STRIDE_MIN_RECOVERY_S = Threshold(
    "stride_min_recovery_s", 20, "s", "Daniels 2014", "convention",
    "strides have a walk or jog back between them; bursts closer than this are one burst",
)
STRIDE_MIN_COUNT = Threshold(
    "stride_min_count", 2, "bursts", "hamjournal", "convention",
    "strides come in sets (4-8 is usual); one lone burst is a surge to a traffic light, not a set of strides",
)
STRIDE_TOP_PERCENTILE = Threshold(
    "stride_top_percentile", 0.99, "quantile", "GPS speed noise", "convention",
    "the run's top speed is its 99th percentile of smoothed speed, so a single GPS spike does not set it",
)

# --- kind of run --------------------------------------------------------------------------------------------
LONG_OVER_USUAL = Threshold(
    "long_over_usual", 1.4, "x usual minutes", "Pfitzinger 2009", "convention",
    "a long run is well above the usual run: 40% longer than the median of the runner's recent runs",
)
LONG_WITHOUT_HISTORY_MIN = Threshold(
    "long_without_history_min", 90, "min", "Pfitzinger 2009", "convention",
    "with too few runs to know the usual, 90 minutes or more is a long run",
)
USUAL_MIN_RUNS = Threshold(
    "usual_min_runs", 5, "runs", "hamjournal", "convention",
    "the usual run length needs at least this many recent runs",
)
INTERVAL_OVER_MEDIAN = Threshold(
    "interval_over_median", 1.12, "x median speed", "Daniels 2014", "convention",
    "interval reps are run clearly faster than the run as a whole",
)
INTERVAL_MIN_REP_S = Threshold(
    "interval_min_rep_s", 45, "s", "Daniels 2014", "convention",
    "a rep lasts from about 200 m upwards; anything shorter is a stride or a surge",
)
INTERVAL_MIN_REPS = Threshold(
    "interval_min_reps", 3, "reps", "Daniels 2014", "convention",
    "three or more fast reps with recoveries between is an interval session",
)

# --- sprint finish ------------------------------------------------------------------------------------------
FINISH_DEFAULT_M = Threshold(
    "finish_default_m", 200, "m", "seed objective marker", "convention",
    "the sprint finish is the time of the last 200 m of a race (configurable 100-400 m)",
)
FINISH_MIN_M = Threshold("finish_min_m", 100, "m", "seed objective marker", "convention", "shortest finish measured")
FINISH_MAX_M = Threshold("finish_max_m", 400, "m", "seed objective marker", "convention", "longest finish measured")

# --- already in the journal ---------------------------------------------------------------------------------
SAME_START_S = Threshold(
    "same_start_s", 60, "s", "hamjournal", "convention",
    "two recordings starting within a minute are the same run (a watch and a phone, or a re-export)",
)
SAME_DISTANCE_FRACTION = Threshold(
    "same_distance_fraction", 0.02, "of distance", "hamjournal", "convention",
    "the same run measured twice differs by a GPS error of about 1-2%",
)
SAME_MINUTES_FRACTION = Threshold(
    "same_minutes_fraction", 0.05, "of minutes", "hamjournal", "convention",
    "a typed run without a distance matches a recording of the same day within 5% of its minutes",
)

TABLE: tuple[Threshold, ...] = (
    MOVING_SPEED, MAX_SAMPLE_GAP, SMOOTHING_WINDOW,
    STRIDE_TOP_FRACTION, STRIDE_OVER_MEDIAN, STRIDE_MIN_S, STRIDE_MAX_S, STRIDE_MIN_RECOVERY_S, STRIDE_MIN_COUNT,
    STRIDE_TOP_PERCENTILE,
    LONG_OVER_USUAL, LONG_WITHOUT_HISTORY_MIN, USUAL_MIN_RUNS,
    INTERVAL_OVER_MEDIAN, INTERVAL_MIN_REP_S, INTERVAL_MIN_REPS,
    FINISH_DEFAULT_M, FINISH_MIN_M, FINISH_MAX_M,
    SAME_START_S, SAME_DISTANCE_FRACTION, SAME_MINUTES_FRACTION,
)
