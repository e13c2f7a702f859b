"""FIT activity files, decoded with Garmin's own FIT SDK (garmin-fit-sdk).

Chosen over fitdecode after measuring both on the same generated files (benchmarks/import_runs.py): the same
records, sessions and sport from each, and Garmin's decoder the faster of the two here.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from garmin_fit_sdk import Decoder, Stream

from hamjournal.domain.recording.model import Lap, Recording
from hamjournal.watch.errors import FileRefused, NotARun
from hamjournal.watch.streams import distance_from_speed, fill_forward, speed_from_distance

# FIT times count seconds from 1989-12-31 00:00 UTC.
FIT_EPOCH = dt.datetime(1989, 12, 31, tzinfo=dt.UTC)
FIT_EPOCH_UNIX = 631065600
RUNNING = frozenset({"running", "trail_running"})


def read_fit(data: bytes) -> Recording:
    """A Recording from the bytes of a FIT activity file; FileRefused says why a file cannot be one."""
    if not Decoder(Stream.from_byte_array(bytearray(data[:16]))).is_fit():  # the header and its CRC
        raise FileRefused("not a FIT file (its header is missing or damaged)")
    decoder = Decoder(Stream.from_byte_array(bytearray(data)))
    try:
        # The decoder checks the file's CRC and length as it reads; datetimes stay FIT seconds (cheaper).
        messages, errors = decoder.read(convert_datetimes_to_dates=False, merge_heart_rates=False)
    except Exception as error:  # the SDK raises plain exceptions on malformed content
        raise FileRefused(f"damaged FIT file ({error})") from None
    if errors:
        raise FileRefused(f"truncated or damaged FIT file ({errors[0]})")
    file_ids = messages.get("file_id_mesgs") or [{}]
    kind = file_ids[0].get("type")
    if kind != "activity":
        raise FileRefused(f"a FIT file of type '{kind or 'unknown'}', not an activity (a recorded run)")
    session = (messages.get("session_mesgs") or [{}])[0]
    sport = str(session.get("sport") or "running")
    if sport not in RUNNING:
        raise NotARun(sport)
    return _recording(dict(messages), dict(session), sport)


def _recording(messages: dict[str, Any], session: dict[str, Any], sport: str) -> Recording:
    records = [r for r in messages.get("record_mesgs", ()) if r.get("timestamp") is not None]
    if len(records) < 2:
        raise FileRefused("a FIT activity without recorded samples (no times to measure the run from)")
    first = records[0]["timestamp"]
    times = [float(r["timestamp"] - first) for r in records]
    speeds = [r.get("enhanced_speed", r.get("speed")) for r in records]
    distances = [r.get("distance") for r in records]
    has_speed = any(s is not None for s in speeds)
    has_distance = any(d is not None for d in distances)
    if not has_speed and not has_distance:
        raise FileRefused("a FIT activity without distance or speed (nothing to measure the run from)")
    distance = fill_forward(distances) if has_distance else distance_from_speed(times, fill_forward(speeds))
    speed = fill_forward(speeds) if has_speed else speed_from_distance(times, distance)
    activity = (messages.get("activity_mesgs") or [{}])[0]
    offset = None
    if activity.get("local_timestamp") is not None and activity.get("timestamp") is not None:
        offset = int(activity["local_timestamp"]) - int(activity["timestamp"])
    workout = (messages.get("workout_mesgs") or [{}])[0]
    laps = tuple(
        Lap(
            start_s=float(lap["start_time"] - first) if lap.get("start_time") is not None else 0.0,
            duration_s=float(lap.get("total_elapsed_time") or 0.0),
            distance_m=lap.get("total_distance"),
            # FIT laps carry no names; their intensity (warmup, active, rest, cooldown) is the nearest thing.
            name=str(lap.get("intensity") or ""),
        )
        for lap in messages.get("lap_mesgs", ())
    )
    return Recording(
        start_utc=FIT_EPOCH + dt.timedelta(seconds=first),
        sport=sport,
        sub_sport=str(session.get("sub_sport") or ""),
        times_s=times,
        distance_m=distance,
        speed_ms=speed,
        heart_rate=[r["heart_rate"] for r in records if r.get("heart_rate")],
        laps=laps,
        utc_offset_s=offset,
        name=str(workout.get("wkt_name") or ""),
        has_positions=any(r.get("position_lat") is not None for r in records[:: max(1, len(records) // 50)]),
        timer_s=session.get("total_timer_time"),
        total_distance_m=session.get("total_distance"),
    )
