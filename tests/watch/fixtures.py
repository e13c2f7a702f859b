"""Watch files generated for the tests: FIT with fit-tool, GPX with gpxpy, TCX from a template.

Each run is a speed profile, one value per second (metres per second); distance is its running sum, so the
expected minutes, km, strides and finish time are known exactly from the profile.
"""

from __future__ import annotations

import datetime as dt
import functools
import gzip
import math
from collections.abc import Sequence

UTC = dt.UTC
EASY = 3.0  # m/s, 5:33 per km


def steady(seconds: int, speed: float) -> list[float]:
    """A stretch at one speed with a small deterministic wobble (±2%), as a real watch records it."""
    return [speed * (1 + 0.02 * math.sin(i / 7)) for i in range(seconds)]


def easy_run(minutes: int = 30) -> list[float]:
    """An even easy run."""
    return steady(minutes * 60, EASY)


def strides_run(count: int = 6, stride_s: int = 20) -> list[float]:
    """20 minutes easy, then `count` strides of `stride_s` at 6 m/s with 60 s walk/jog back, then 3 minutes."""
    speeds = steady(20 * 60, EASY)
    for _ in range(count):
        speeds += [6.0] * stride_s + [1.6] * 60
    return speeds + steady(180, EASY)


def intervals_run(reps: int = 5) -> list[float]:
    """10 minutes warm-up, `reps` x (3 min at 4.2 m/s, 2 min jog at 2.6), 5 minutes cool-down."""
    speeds = steady(600, EASY)
    for _ in range(reps):
        speeds += steady(180, 4.2) + steady(120, 2.6)
    return speeds + steady(300, EASY)


def race_5k(finish_speed: float = 6.25, finish_m: float = 200.0) -> list[float]:
    """5 km at 3.8 m/s with the last `finish_m` at `finish_speed` (200 m in 32 s by default), exactly 5000 m."""
    speeds: list[float] = []
    total = 0.0
    while total < 5000 - finish_m - 1e-9:
        step = min(3.8, 5000 - finish_m - total)
        speeds.append(step)
        total += step
    left = finish_m
    while left > 1e-9:
        step = min(finish_speed, left)
        speeds.append(step)
        left -= step
    return speeds


def distances(speeds: Sequence[float]) -> list[float]:
    """Cumulative metres at each second (the first sample at 0 m)."""
    out, total = [], 0.0
    for speed in speeds:
        out.append(total)
        total += speed
    out.append(total)
    return out


@functools.lru_cache(maxsize=64)
def fit_bytes(
    speeds: tuple[float, ...],
    start: dt.datetime = dt.datetime(2026, 11, 2, 7, 0, tzinfo=UTC),
    *,
    heart_rate: int | None = 140,
    positions: bool = True,
    sport: str = "RUNNING",
    sub_sport: str = "GENERIC",
    file_type: str = "ACTIVITY",
    local_offset_s: int | None = None,
    workout_name: str | None = None,
) -> bytes:
    """A FIT activity written by fit-tool: file id, records each second, a lap, a session and the activity."""
    from fit_tool.fit_file_builder import FitFileBuilder
    from fit_tool.profile.messages.activity_message import ActivityMessage
    from fit_tool.profile.messages.file_id_message import FileIdMessage
    from fit_tool.profile.messages.lap_message import LapMessage
    from fit_tool.profile.messages.record_message import RecordMessage
    from fit_tool.profile.messages.session_message import SessionMessage
    from fit_tool.profile.messages.workout_message import WorkoutMessage
    from fit_tool.profile.profile_type import FileType, Manufacturer, Sport, SubSport

    ms = round(start.timestamp() * 1000)
    builder = FitFileBuilder(auto_define=True, min_string_size=50)
    file_id = FileIdMessage()
    file_id.type = getattr(FileType, file_type)
    file_id.manufacturer = Manufacturer.DEVELOPMENT.value
    file_id.product = 0
    file_id.time_created = ms
    file_id.serial_number = 1234
    builder.add(file_id)
    if workout_name:
        workout = WorkoutMessage()
        workout.workout_name = workout_name
        workout.sport = getattr(Sport, sport)
        builder.add(workout)
    dist = distances(speeds)
    records = []
    for second, metres in enumerate(dist):
        record = RecordMessage()
        record.timestamp = ms + second * 1000
        record.distance = metres
        record.speed = speeds[min(second, len(speeds) - 1)]
        if heart_rate is not None:
            record.heart_rate = heart_rate
        if positions:
            record.position_lat = 52.0 + metres / 111_000
            record.position_long = 4.0
        records.append(record)
    builder.add_all(records)
    end = ms + len(speeds) * 1000
    lap = LapMessage()
    lap.timestamp = end
    lap.start_time = ms
    lap.total_elapsed_time = len(speeds)
    lap.total_distance = dist[-1]
    builder.add(lap)
    session = SessionMessage()
    session.timestamp = end
    session.start_time = ms
    session.sport = getattr(Sport, sport)
    session.sub_sport = getattr(SubSport, sub_sport)
    session.total_elapsed_time = len(speeds)
    session.total_timer_time = len(speeds)
    session.total_distance = dist[-1]
    builder.add(session)
    activity = ActivityMessage()
    activity.timestamp = end
    activity.num_sessions = 1
    if local_offset_s is not None:
        activity.local_timestamp = round(end / 1000) + local_offset_s - 631065600
    builder.add(activity)
    return bytes(builder.build().to_bytes())


def gpx_bytes(
    speeds: Sequence[float],
    start: dt.datetime = dt.datetime(2026, 11, 2, 7, 0, tzinfo=UTC),
    *,
    times: bool = True,
    track_type: str | None = "running",
    name: str = "Morning run",
) -> bytes:
    """A GPX track written by gpxpy: a point every second northwards along a meridian (111 km per degree)."""
    import gpxpy.gpx

    gpx = gpxpy.gpx.GPX()
    track = gpxpy.gpx.GPXTrack(name=name)
    track.type = track_type
    segment = gpxpy.gpx.GPXTrackSegment()
    for second, metres in enumerate(distances(speeds)):
        moment = start + dt.timedelta(seconds=second) if times else None
        segment.points.append(gpxpy.gpx.GPXTrackPoint(52.0 + metres / 111_194.9, 4.0, time=moment))
    track.segments.append(segment)
    gpx.tracks.append(track)
    return gpx.to_xml().encode()


TCX_TEMPLATE = """<?xml version="1.0" encoding="UTF-8"?>
<TrainingCenterDatabase xmlns="http://www.garmin.com/xmlschemas/TrainingCenterDatabase/v2"
    xmlns:ns3="http://www.garmin.com/xmlschemas/ActivityExtension/v2">
  <Activities>
    <Activity Sport="{sport}">
      <Id>{start}</Id>
      <Lap StartTime="{start}">
        <TotalTimeSeconds>{seconds}</TotalTimeSeconds>
        <DistanceMeters>{metres}</DistanceMeters>
        <Track>
{points}
        </Track>
      </Lap>
    </Activity>
  </Activities>
</TrainingCenterDatabase>
"""
TCX_POINT = """          <Trackpoint><Time>{time}</Time><DistanceMeters>{metres:.2f}</DistanceMeters>\
<HeartRateBpm><Value>{hr}</Value></HeartRateBpm>\
<Extensions><ns3:TPX><ns3:Speed>{speed:.3f}</ns3:Speed></ns3:TPX></Extensions></Trackpoint>"""


def tcx_bytes(
    speeds: Sequence[float], start: dt.datetime = dt.datetime(2026, 11, 2, 7, 0, tzinfo=UTC), sport: str = "Running"
) -> bytes:
    """A TCX activity from the template: treadmill-style (distance and speed, no positions)."""
    dist = distances(speeds)
    points = "\n".join(
        TCX_POINT.format(
            time=(start + dt.timedelta(seconds=i)).isoformat(), metres=m, hr=150, speed=speeds[min(i, len(speeds) - 1)]
        )
        for i, m in enumerate(dist)
    )
    text = TCX_TEMPLATE.format(
        sport=sport, start=start.isoformat(), seconds=len(speeds), metres=f"{dist[-1]:.1f}", points=points
    )
    return text.encode()


def gz(data: bytes) -> bytes:
    """Gzipped, as Strava's bulk export stores its files."""
    return gzip.compress(data, mtime=0)
