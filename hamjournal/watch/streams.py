"""Filling in the stream a file lacks: distance from speed or positions, speed from distance."""

from __future__ import annotations

import math
from collections.abc import Sequence

EARTH_RADIUS_M = 6_371_008.8  # mean Earth radius (IUGG), what GPS tools use for haversine distances


def distance_from_speed(times: Sequence[float], speed: Sequence[float]) -> list[float]:
    """Cumulative metres by integrating speed over each sample gap."""
    out = [0.0]
    for i in range(1, len(times)):
        out.append(out[-1] + speed[i] * (times[i] - times[i - 1]))
    return out


def distance_from_positions(lat: Sequence[float], lon: Sequence[float]) -> list[float]:
    """Cumulative metres along a track of degrees (haversine)."""
    out = [0.0]
    for i in range(1, len(lat)):
        p1, p2 = math.radians(lat[i - 1]), math.radians(lat[i])
        dp, dl = p2 - p1, math.radians(lon[i] - lon[i - 1])
        a = math.sin(dp / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
        out.append(out[-1] + 2 * EARTH_RADIUS_M * math.asin(min(1.0, math.sqrt(a))))
    return out


def speed_from_distance(times: Sequence[float], distance: Sequence[float]) -> list[float]:
    """Metres per second over the gap before each sample (the first sample takes the second's speed)."""
    out = [0.0] * len(times)
    for i in range(1, len(times)):
        gap = times[i] - times[i - 1]
        out[i] = (distance[i] - distance[i - 1]) / gap if gap > 0 else out[i - 1]
    if len(out) > 1:
        out[0] = out[1]
    return out


def fill_forward(values: Sequence[float | None]) -> list[float]:
    """Missing values (None) take the last known one (0 before the first)."""
    out: list[float] = []
    last = 0.0
    for value in values:
        if value is not None:
            last = float(value)
        out.append(last)
    return out
