"""What a recorded run says for the journal: moving minutes, kind, strides and the sprint finish.

Streams are plain sequences of equal length (seconds, metres, metres per second); every limit is a named
constant of hamjournal.domain.recording.thresholds.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from statistics import median

from hamjournal.domain.recording import thresholds as th
from hamjournal.domain.recording.model import Recording

Segment = tuple[float, float]  # start and end, seconds from the start of the run
RACE_WORDS = ("race", "parkrun", "wedstrijd", "competition")


@dataclass(frozen=True)
class RunFacts:
    """What the analysis found in one recording."""

    moving_s: float
    distance_m: float
    kind: str
    strides: int
    finish_s: float | None
    avg_hr: int | None

    @property
    def minutes(self) -> float:
        """Moving minutes, to a tenth."""
        return round(self.moving_s / 60, 1)

    @property
    def km(self) -> float:
        """Distance in km, to 10 m."""
        return round(self.distance_m / 1000, 2)


def analyse(
    recording: Recording,
    usual_minutes: float | None = None,
    finish_m: float = th.FINISH_DEFAULT_M.value,
    measure_finish: bool = False,
) -> RunFacts:
    """Moving time, kind, strides and (for races, or when asked) the finish time of one recording.

    `usual_minutes` is the runner's usual run (see usual_run_minutes); `finish_m` the finish distance (100-400).
    """
    times, speed = recording.times_s, recording.speed_ms
    moving = moving_seconds(times, speed)
    smoothed = smooth(times, speed, th.SMOOTHING_WINDOW.value)
    kind = guess_kind(recording, moving / 60, usual_minutes, smoothed)
    strides = 0 if kind == "race" else count_strides(times, smoothed)
    finish = finish_time(times, recording.distance_m, finish_m) if kind == "race" or measure_finish else None
    hr = recording.heart_rate
    return RunFacts(
        moving_s=moving,
        distance_m=recording.distance_total_m,
        kind=kind,
        strides=strides,
        finish_s=None if finish is None else round(finish, 1),
        avg_hr=round(sum(hr) / len(hr)) if hr else None,
    )


def moving_seconds(times: Sequence[float], speed: Sequence[float]) -> float:
    """Seconds spent moving: sample gaps at or above walking-to-a-stop speed, a long gap counting as a pause."""
    floor, gap_max = th.MOVING_SPEED.value, th.MAX_SAMPLE_GAP.value
    total = 0.0
    for i in range(1, len(times)):
        gap = times[i] - times[i - 1]
        if 0 < gap <= gap_max and speed[i] >= floor:
            total += gap
    return total


def smooth(times: Sequence[float], speed: Sequence[float], window_s: float) -> list[float]:
    """Each speed averaged with the samples within window_s/2 either side (a centred moving mean, O(n))."""
    half = window_s / 2
    out: list[float] = []
    lo = hi = 0
    total = 0.0
    n = len(times)
    for i in range(n):
        t = times[i]
        while hi < n and times[hi] <= t + half:
            total += speed[hi]
            hi += 1
        while times[lo] < t - half:
            total -= speed[lo]
            lo += 1
        out.append(total / (hi - lo))
    return out


def segments_above(times: Sequence[float], speed: Sequence[float], floor: float, merge_s: float) -> list[Segment]:
    """Stretches at or above `floor`; stretches separated by less than `merge_s` count as one."""
    found: list[Segment] = []
    start: float | None = None
    for i, value in enumerate(speed):
        if value >= floor:
            if start is None:
                start = times[i]
            end = times[i]
        elif start is not None:
            found.append((start, end))
            start = None
    if start is not None:
        found.append((start, times[-1]))
    merged: list[Segment] = []
    for segment in found:
        if merged and segment[0] - merged[-1][1] < merge_s:
            merged[-1] = (merged[-1][0], segment[1])
        else:
            merged.append(segment)
    return merged


def count_strides(times: Sequence[float], smoothed: Sequence[float]) -> int:
    """Strides: short bursts near the run's top speed (clearly above its median) with recoveries between."""
    moving = sorted(v for v in smoothed if v >= th.MOVING_SPEED.value)
    if len(moving) < 2:
        return 0
    top = moving[min(len(moving) - 1, int(len(moving) * th.STRIDE_TOP_PERCENTILE.value))]
    floor = max(top * th.STRIDE_TOP_FRACTION.value, median(moving) * th.STRIDE_OVER_MEDIAN.value)
    bursts = segments_above(times, smoothed, floor, th.STRIDE_MIN_RECOVERY_S.value)
    strides = sum(1 for a, b in bursts if th.STRIDE_MIN_S.value <= b - a <= th.STRIDE_MAX_S.value)
    return strides if strides >= th.STRIDE_MIN_COUNT.value else 0


def interval_reps(times: Sequence[float], smoothed: Sequence[float]) -> int:
    """Fast reps of at least INTERVAL_MIN_REP_S, clearly above the run's median speed."""
    moving = [v for v in smoothed if v >= th.MOVING_SPEED.value]
    if not moving:
        return 0
    floor = median(moving) * th.INTERVAL_OVER_MEDIAN.value
    # A recovery shorter than a stride's is GPS wobble inside one rep.
    reps = segments_above(times, smoothed, floor, th.STRIDE_MIN_S.value)
    return sum(1 for a, b in reps if b - a >= th.INTERVAL_MIN_REP_S.value)


def guess_kind(
    recording: Recording, minutes: float, usual_minutes: float | None, smoothed: Sequence[float] | None = None
) -> str:
    """race (a race flag or a race word in the name or laps), intervals (repeats), long (well above usual), easy."""
    names = " ".join([recording.name, *(lap.name for lap in recording.laps)]).lower()
    if recording.is_race or any(word in names for word in RACE_WORDS):
        return "race"
    if smoothed is None:
        smoothed = smooth(recording.times_s, recording.speed_ms, th.SMOOTHING_WINDOW.value)
    if interval_reps(recording.times_s, smoothed) >= th.INTERVAL_MIN_REPS.value:
        return "intervals"
    if usual_minutes is None:
        long_from = th.LONG_WITHOUT_HISTORY_MIN.value
    else:
        long_from = usual_minutes * th.LONG_OVER_USUAL.value
    return "long" if minutes >= long_from else "easy"


def usual_run_minutes(recent_minutes: Sequence[float]) -> float | None:
    """The runner's usual run: the median of recent runs' minutes, or None with too few to tell."""
    if len(recent_minutes) < th.USUAL_MIN_RUNS.value:
        return None
    return float(median(recent_minutes))


def finish_time(times: Sequence[float], distance: Sequence[float], last_m: float) -> float | None:
    """Seconds taken over the last `last_m` metres (interpolated), or None for a run shorter than twice that.

    The end is the first moment the final distance was reached, so standing after the line does not count.
    """
    if not distance or distance[-1] < 2 * last_m:
        return None
    total = distance[-1]
    end_index = next(i for i, d in enumerate(distance) if d >= total)
    target = total - last_m
    i = next(i for i, d in enumerate(distance) if d >= target)
    if i == 0:
        return None
    d0, d1 = distance[i - 1], distance[i]
    t0, t1 = times[i - 1], times[i]
    at = t1 if d1 == d0 else t0 + (t1 - t0) * (target - d0) / (d1 - d0)
    return times[end_index] - at
