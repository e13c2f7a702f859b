"""TCX (Garmin Training Center) activities, read with the standard library's XML parser."""

from __future__ import annotations

import datetime as dt
import xml.etree.ElementTree as ET

from hamjournal.domain.recording.model import Lap, Recording
from hamjournal.watch.errors import FileRefused, NotARun
from hamjournal.watch.streams import distance_from_speed, fill_forward, speed_from_distance
from hamjournal.watch.xml_safety import check_xml

NS = {"t": "http://www.garmin.com/xmlschemas/TrainingCenterDatabase/v2"}
SPEED_TAG = "Speed"  # in Garmin's ActivityExtension (TPX), whatever prefix the file gives it


def read_tcx(data: bytes) -> Recording:
    """A Recording from the bytes of a TCX file; FileRefused says why a file cannot be one."""
    text = check_xml(data, "the TCX file")
    try:
        root = ET.fromstring(text)
    except ET.ParseError as error:
        raise FileRefused(f"not a readable TCX file ({error})") from None
    activity = root.find("t:Activities/t:Activity", NS)
    if activity is None:
        raise FileRefused("a TCX file without an activity (a course or a workout, not a recorded run)")
    sport = (activity.get("Sport") or "Running").lower()
    if sport != "running":
        raise NotARun(sport)
    stamps: list[dt.datetime] = []
    distances: list[float | None] = []
    speeds: list[float | None] = []
    heart: list[int] = []
    laps: list[tuple[dt.datetime | None, float, float | None]] = []
    positions = False
    for lap in activity.findall("t:Lap", NS):
        laps.append((_time(lap.get("StartTime")), _float(lap.findtext("t:TotalTimeSeconds", None, NS)) or 0.0,
                     _float(lap.findtext("t:DistanceMeters", None, NS))))
        for point in lap.iterfind("t:Track/t:Trackpoint", NS):
            moment = _time(point.findtext("t:Time", None, NS))
            if moment is None:
                raise FileRefused("a TCX track point without a time (hamjournal needs the time of every point)")
            stamps.append(moment)
            distances.append(_float(point.findtext("t:DistanceMeters", None, NS)))
            speeds.append(_speed(point))
            hr = point.findtext("t:HeartRateBpm/t:Value", None, NS)
            if hr and hr.strip().isdigit():
                heart.append(int(hr))
            positions = positions or point.find("t:Position", NS) is not None
    if len(stamps) < 2:
        raise FileRefused("a TCX activity without track points (no times to measure the run from)")
    start = stamps[0]
    times = [(s - start).total_seconds() for s in stamps]
    has_distance = any(d is not None for d in distances)
    if not has_distance and not any(s is not None for s in speeds):
        raise FileRefused("a TCX activity without distance or speed (nothing to measure the run from)")
    distance = fill_forward(distances) if has_distance else distance_from_speed(times, fill_forward(speeds))
    speed = fill_forward(speeds) if any(s is not None for s in speeds) else speed_from_distance(times, distance)
    offset = _offset(point_time=activity.findtext("t:Id", None, NS))
    return Recording(
        start_utc=start,
        sport="running",
        times_s=times,
        distance_m=distance,
        speed_ms=speed,
        heart_rate=heart,
        laps=tuple(Lap((t - start).total_seconds() if t else 0.0, d, m) for t, d, m in laps),
        utc_offset_s=offset,
        name=(activity.findtext("t:Notes", None, NS) or "").strip(),
        has_positions=positions,
    )


def _time(text: str | None) -> dt.datetime | None:
    if not text:
        return None
    try:
        moment = dt.datetime.fromisoformat(text.strip().replace("Z", "+00:00"))
    except ValueError:
        raise FileRefused(f"'{text.strip()[:40]}' in the TCX file is not a time") from None
    return moment.replace(tzinfo=dt.UTC) if moment.tzinfo is None else moment.astimezone(dt.UTC)


def _offset(point_time: str | None) -> int | None:
    # Only an explicit non-zero offset tells the runner's clock; "Z" says UTC.
    if not point_time or point_time.strip().endswith("Z"):
        return None
    try:
        offset = dt.datetime.fromisoformat(point_time.strip()).utcoffset()
    except ValueError:
        return None
    return int(offset.total_seconds()) if offset else None


def _float(text: str | None) -> float | None:
    if text is None:
        return None
    try:
        return float(text)
    except ValueError:
        raise FileRefused(f"'{text[:40]}' in the TCX file is not a number") from None


def _speed(point: ET.Element) -> float | None:
    extensions = point.find("t:Extensions", NS)
    if extensions is None:
        return None
    for element in extensions.iter():
        if element.tag.rsplit("}", 1)[-1] == SPEED_TAG:
            return _float(element.text)
    return None
