"""Line drawing in terminal cells: a movement's figure as braille dots (2x4 per cell) or, as a text fallback,
one character per cell.

Plain Python (no Textual) so it is cheap to test and to time. The scale is fixed per movement and size (the
box around every pose of the movement), so the figure never changes size or jumps while it moves.
"""

from __future__ import annotations

import itertools
import math
from dataclasses import dataclass
from functools import lru_cache

from hamjournal.domain.library.pose import (
    HEAD_RADIUS_M,
    SEGMENTS,
    Movement,
    Point,
    direction,
    floor_height,
    placed_points,
)

# What each drawn dot is, so the widget can colour the body, the far limbs and the equipment apart.
BODY, FAR, GEAR = 1, 2, 3
_BRAILLE_BASE = 0x2800
# Dot bit of (column, row) in a braille cell.
_BRAILLE_BITS = ((0x01, 0x08), (0x02, 0x10), (0x04, 0x20), (0x40, 0x80))
_SAMPLES = 24  # fractions sampled to find the box a movement needs
_HEAD_STEPS = 16  # points on the head's circle
_MARGIN_M = 0.06
_FLOOR_MARGIN_M = 0.4  # floor shown beyond the figure on each side


@dataclass(frozen=True)
class Frame:
    """Where the drawing goes: `width` x `height` cells, `sub_x` x `sub_y` dots a cell, metres to dots."""

    width: int
    height: int
    sub_x: int
    sub_y: int
    scale: float  # dots per metre
    origin: Point  # the metre point drawn at dot (0, bottom row)


@lru_cache(maxsize=64)
def _bounds(movement: Movement) -> tuple[float, float, float, float]:
    xs: list[float] = []
    ys: list[float] = []
    for i in range(_SAMPLES + 1):
        points = placed_points(movement, i / _SAMPLES)
        for x, y in points.values():
            xs.append(x)
            ys.append(y)
        hx, hy = points["head"]
        xs += [hx - HEAD_RADIUS_M, hx + HEAD_RADIUS_M]
        ys += [hy - HEAD_RADIUS_M, hy + HEAD_RADIUS_M]
    for prop in movement.props:
        for a, b in prop.lines:
            if prop.follows is None:
                xs += [a[0], b[0]]
                ys += [a[1], b[1]]
        if prop.tether is not None:
            xs.append(prop.tether[0][0])
            ys.append(prop.tether[0][1])
    left, right = min(xs) - _MARGIN_M, max(xs) + _MARGIN_M
    bottom = min(min(ys), floor_height(movement, left), floor_height(movement, right), 0.0) - _MARGIN_M / 2
    top = max(ys) + _MARGIN_M
    return left, right, bottom, top


def frame_for(movement: Movement, width: int, height: int, *, braille: bool = True) -> Frame:
    """The scale and origin that fit every pose of `movement` in `width` x `height` cells, bottom-centred."""
    sub_x, sub_y = (2, 4) if braille else (1, 2)  # a cell is about twice as tall as it is wide
    left, right, bottom, top = _bounds(movement)
    dots_w, dots_h = width * sub_x, height * sub_y
    scale = max(0.1, min((dots_w - 1) / (right - left), (dots_h - 1) / (top - bottom)))
    spare = (dots_w - 1) / scale - (right - left)
    return Frame(width, height, sub_x, sub_y, scale, (left - spare / 2, bottom))


def _line(dots: dict[tuple[int, int], int], a: Point, b: Point, kind: int) -> None:
    x0, y0, x1, y1 = round(a[0]), round(a[1]), round(b[0]), round(b[1])
    steps = max(abs(x1 - x0), abs(y1 - y0), 1)
    for i in range(steps + 1):
        point = (round(x0 + (x1 - x0) * i / steps), round(y0 + (y1 - y0) * i / steps))
        # The body wins over the far limbs and the equipment where they cross.
        if dots.get(point, 99) > kind:
            dots[point] = kind


def draw(movement: Movement, fraction: float, frame: Frame) -> dict[tuple[int, int], int]:
    """The dots (x right, y down, in dots) of the figure at `fraction`, each marked BODY, FAR or GEAR."""
    points = placed_points(movement, fraction)
    dots_h = frame.height * frame.sub_y
    ox, oy = frame.origin

    def at(p: Point) -> Point:
        return ((p[0] - ox) * frame.scale, dots_h - 1 - (p[1] - oy) * frame.scale)

    dots: dict[tuple[int, int], int] = {}
    right = ox + frame.width * frame.sub_x / frame.scale
    _line(dots, at((ox, floor_height(movement, ox))), at((right, floor_height(movement, right))), GEAR)
    for prop in movement.props:
        shift = points[prop.follows] if prop.follows else (0.0, 0.0)
        for a, b in prop.lines:
            _line(dots, at((a[0] + shift[0], a[1] + shift[1])), at((b[0] + shift[0], b[1] + shift[1])), GEAR)
        if prop.tether is not None:
            _line(dots, at(prop.tether[0]), at(points[prop.tether[1]]), GEAR)
    for segment, start, end, _length in SEGMENTS:
        kind = FAR if segment.startswith("far") else BODY
        if segment == "neck":
            continue
        _line(dots, at(points[start]), at(points[end]), kind)
    cx, cy = points["head"]
    ring = [direction(360 * i / _HEAD_STEPS) for i in range(_HEAD_STEPS + 1)]
    circle = [at((cx + HEAD_RADIUS_M * dx, cy + HEAD_RADIUS_M * dy)) for dx, dy in ring]
    for a, b in itertools.pairwise(circle):
        _line(dots, a, b, BODY)
    return {p: kind for p, kind in dots.items() if 0 <= p[0] < frame.width * frame.sub_x and 0 <= p[1] < dots_h}


def braille_rows(dots: dict[tuple[int, int], int], frame: Frame) -> list[list[tuple[str, int]]]:
    """Cells of braille characters, row by row, each with the kind that colours it (0 = empty)."""
    bits = [[0] * frame.width for _ in range(frame.height)]
    kinds = [[0] * frame.width for _ in range(frame.height)]
    for (x, y), kind in dots.items():
        col, row = x // 2, y // 4
        bits[row][col] |= _BRAILLE_BITS[y % 4][x % 2]
        if kinds[row][col] == 0 or kind < kinds[row][col]:
            kinds[row][col] = kind
    return [
        [(chr(_BRAILLE_BASE + b) if b else " ", k) for b, k in zip(bits_row, kinds_row, strict=True)]
        for bits_row, kinds_row in zip(bits, kinds, strict=True)
    ]


def _slope_char(dx: float, dy: float) -> str:
    angle = math.degrees(math.atan2(-dy, dx)) % 180
    if angle < 22.5 or angle >= 157.5:
        return "_"
    if angle < 67.5:
        return "/"
    if angle < 112.5:
        return "|"
    return "\\"


def text_rows(movement: Movement, fraction: float, frame: Frame) -> list[str]:
    """The text fallback: one character a cell (`| / \\ _` by each segment's slope, `O` for the head)."""
    points = placed_points(movement, fraction)
    ox, oy = frame.origin
    grid = [[" "] * frame.width for _ in range(frame.height)]

    def put(p: Point, char: str) -> None:
        col = round((p[0] - ox) * frame.scale)
        row = frame.height - 1 - int((p[1] - oy) * frame.scale / 2)
        if 0 <= col < frame.width and 0 <= row < frame.height and (grid[row][col] == " " or char == "O"):
            grid[row][col] = char

    for i in range(frame.width):
        x = ox + i / frame.scale
        put((x, floor_height(movement, x)), "~")
    for _segment, start, end, _length in SEGMENTS:
        (x0, y0), (x1, y1) = points[start], points[end]
        char = _slope_char((x1 - x0) * frame.scale, (y1 - y0) * frame.scale / 2)
        steps = max(2, int(math.dist((x0, y0), (x1, y1)) * frame.scale) + 1)
        for i in range(steps + 1):
            put((x0 + (x1 - x0) * i / steps, y0 + (y1 - y0) * i / steps), char)
    put(points["head"], "O")
    return ["".join(row).rstrip() for row in grid]
