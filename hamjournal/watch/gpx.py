"""GPX tracks (gpxpy): positions and times, heart rate from Garmin's track point extension."""

from __future__ import annotations

import datetime as dt

import gpxpy
import gpxpy.gpx

from hamjournal.domain.recording.model import RUNNING_SPORTS, Recording
from hamjournal.watch.errors import FileRefused, NotARun
from hamjournal.watch.streams import distance_from_positions, speed_from_distance
from hamjournal.watch.xml_safety import check_xml

# Strava and Garmin write a track's type as a word or as Strava's activity number (9 = run).
GPX_RUN_TYPES = RUNNING_SPORTS | {"9", "1"}


def read_gpx(data: bytes) -> Recording:
    """A Recording from the bytes of a GPX file; FileRefused says why a file cannot be one."""
    text = check_xml(data, "the GPX file")
    try:
        document = gpxpy.parse(text)
    except Exception as error:  # gpxpy raises its own and XML errors
        raise FileRefused(f"not a readable GPX file ({error})") from None
    points = [p for track in document.tracks for segment in track.segments for p in segment.points]
    if len(points) < 2:
        raise FileRefused("a GPX file without a track (no points to measure a run from)")
    if any(p.time is None for p in points):
        raise FileRefused("a GPX track without times on its points (a planned route, not a recorded run)")
    track = document.tracks[0]
    kind = (track.type or "running").strip().lower()
    if kind not in GPX_RUN_TYPES:
        raise NotARun(kind)
    times_utc = [_utc(p.time) for p in points]  # type: ignore[arg-type]
    start = times_utc[0]
    times = [(t - start).total_seconds() for t in times_utc]
    distance = distance_from_positions([p.latitude for p in points], [p.longitude for p in points])
    offset = points[0].time.utcoffset() if points[0].time else None
    return Recording(
        start_utc=start,
        sport="running",
        times_s=times,
        distance_m=distance,
        speed_ms=speed_from_distance(times, distance),
        heart_rate=[hr for p in points if (hr := _heart_rate(p)) is not None],
        # "Z" says UTC, not where the runner was: only a real offset is the runner's clock.
        utc_offset_s=int(offset.total_seconds()) if offset else None,
        name=track.name or document.name or "",
        has_positions=True,
    )


def _utc(moment: dt.datetime) -> dt.datetime:
    if moment.tzinfo is None:
        return moment.replace(tzinfo=dt.UTC)
    return moment.astimezone(dt.UTC)


def _heart_rate(point: gpxpy.gpx.GPXTrackPoint) -> int | None:
    for extension in point.extensions:
        for element in extension.iter():
            if element.tag.rsplit("}", 1)[-1] == "hr" and element.text and element.text.strip().isdigit():
                return int(element.text.strip())
    return None
