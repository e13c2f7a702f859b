"""A side-view stick figure from segment angles, and an exercise's movement as keyframes of those angles.

Pure geometry for the library's demos and the tempo player. The figure faces right (+x); y is up; the floor
is y = 0 (an incline tilts it). Lengths are in metres of a 1.8 m runner so keyframes can be checked against
the guides ("trunk near horizontal", "knee bent about 90 degrees").

Every angle is a segment's direction in degrees: 0 points straight down, 90 forward (the way the figure
faces), 180 straight up, -90 backwards. A joint's angle is the difference of its two segments' angles
(`joint_angle`). Keyframes are interpolated angle by angle, so every segment keeps its length; the whole
figure is then moved so the movement's anchor (the knees in a Nordic, the standing heel in an RDL) stays where
the movement pins it.
"""

from __future__ import annotations

import math
from dataclasses import dataclass, fields, replace
from typing import Literal

Point = tuple[float, float]

# Segment lengths (m) of a 1.8 m runner, rounded from standard anthropometric proportions of height.
TRUNK_M = 0.52  # hip to shoulder
NECK_M = 0.14  # shoulder to the centre of the head
HEAD_RADIUS_M = 0.1
UPPER_ARM_M = 0.3
FOREARM_M = 0.3  # elbow to the fingertips
THIGH_M = 0.44
SHANK_M = 0.43  # knee to the heel (the ankle point stands on the floor)
FOOT_M = 0.2  # heel to toe

# (segment, from point, to point, length), each segment starting at a point an earlier one reached.
SEGMENTS: tuple[tuple[str, str, str, float], ...] = (
    ("trunk", "hip", "shoulder", TRUNK_M),
    ("neck", "shoulder", "head", NECK_M),
    ("far_thigh", "hip", "far_knee", THIGH_M),
    ("far_shank", "far_knee", "far_ankle", SHANK_M),
    ("far_foot", "far_ankle", "far_toe", FOOT_M),
    ("far_upper_arm", "shoulder", "far_elbow", UPPER_ARM_M),
    ("far_forearm", "far_elbow", "far_hand", FOREARM_M),
    ("near_thigh", "hip", "near_knee", THIGH_M),
    ("near_shank", "near_knee", "near_ankle", SHANK_M),
    ("near_foot", "near_ankle", "near_toe", FOOT_M),
    ("near_upper_arm", "shoulder", "near_elbow", UPPER_ARM_M),
    ("near_forearm", "near_elbow", "near_hand", FOREARM_M),
)


def direction(angle_deg: float) -> Point:
    """The unit vector of a segment angle: 0 down, 90 forward, 180 up, -90 back."""
    radians = math.radians(angle_deg)
    return (math.sin(radians), -math.cos(radians))


def angle_of(start: Point, end: Point) -> float:
    """The segment angle (degrees, -180 to 180) of the line from `start` to `end`."""
    return math.degrees(math.atan2(end[0] - start[0], -(end[1] - start[1])))


@dataclass(frozen=True)
class Pose:
    """The figure's segment angles in degrees; `neck` None keeps the head in line with the trunk."""

    trunk: float
    near_thigh: float
    near_shank: float
    near_foot: float
    far_thigh: float
    far_shank: float
    far_foot: float
    near_upper_arm: float
    near_forearm: float
    far_upper_arm: float
    far_forearm: float
    neck: float | None = None

    def angle(self, segment: str) -> float:
        """One segment's angle; the neck follows the trunk unless set."""
        if segment == "neck":
            return self.trunk if self.neck is None else self.neck
        return float(getattr(self, segment))


def pose(
    trunk: float,
    leg: tuple[float, float, float],
    arm: tuple[float, float],
    *,
    far_leg: tuple[float, float, float] | None = None,
    far_arm: tuple[float, float] | None = None,
    neck: float | None = None,
) -> Pose:
    """A Pose written compactly: (thigh, shank, foot) and (upper arm, forearm); the far limbs copy the near
    ones unless given (both legs together, as in a bridge)."""
    far_leg = far_leg or leg
    far_arm = far_arm or arm
    return Pose(trunk, *leg, *far_leg, *arm, *far_arm, neck=neck)


def joint_angle(p: Pose, proximal: str, distal: str) -> float:
    """How far `distal` turns from `proximal`'s line (degrees, -180 to 180): a knee's bend is
    `joint_angle(p, "near_thigh", "near_shank")` (negative: the shank folds back)."""
    return (p.angle(distal) - p.angle(proximal) + 180.0) % 360.0 - 180.0


def body_points(p: Pose, hip: Point = (0.0, 0.0)) -> dict[str, Point]:
    """Every named point of the figure with the hip at `hip`."""
    points: dict[str, Point] = {"hip": hip}
    for segment, start, end, length in SEGMENTS:
        dx, dy = direction(p.angle(segment))
        sx, sy = points[start]
        points[end] = (sx + dx * length, sy + dy * length)
    return points


def _lerp_angle(a: float, b: float, t: float) -> float:
    # The short way round, so -170 to 170 passes through 180 and not through 0.
    delta = (b - a + 180.0) % 360.0 - 180.0
    return a + delta * t


def blend(a: Pose, b: Pose, t: float) -> Pose:
    """The pose `t` (0-1) of the way from `a` to `b`, angle by angle."""
    values = {}
    for f in fields(Pose):
        if f.name == "neck":
            continue
        values[f.name] = _lerp_angle(getattr(a, f.name), getattr(b, f.name), t)
    neck = None if a.neck is None and b.neck is None else _lerp_angle(a.angle("neck"), b.angle("neck"), t)
    return Pose(**values, neck=neck)


@dataclass(frozen=True)
class Prop:
    """Equipment drawn with the figure: lines in the floor's frame, or following a body point.

    `follows` names a body point the lines move with (a slider under the heel); `tether` is a line from a
    fixed point to a body point (a band from the wall to the chest).
    """

    kind: str  # "anchor", "bench", "box", "band", "slider", "wall", "step", "support"
    lines: tuple[tuple[Point, Point], ...] = ()
    follows: str | None = None
    tether: tuple[Point, str] | None = None


@dataclass(frozen=True)
class Movement:
    """One exercise's demo: keyframes from the setup pose (0.0) to the other end of the movement (1.0).

    `anchor` is pinned at `anchor_at` in every frame; `fixed` points must stay where the start pose puts them
    and `grounded` ones on the floor (checked by the tests, within a tolerance, since interpolated angles only
    approximate a closed chain). `top` says which end the tempo's lowering starts from: "start" (a Nordic: the
    lowering goes from kneeling upright to the floor) or "end" (a bridge: hips up is the top, the lowering
    comes down to the setup pose). A `cycle` (a running stride) loops: the far limbs run half a cycle behind.
    """

    keyframes: tuple[Pose, ...]
    anchor: str
    anchor_at: Point
    start_label: str
    end_label: str
    top: Literal["start", "end"] = "start"
    fixed: tuple[str, ...] = ()
    grounded: tuple[str, ...] = ()
    props: tuple[Prop, ...] = ()
    floor_slope_deg: float = 0.0
    cycle: bool = False
    efforts: tuple[tuple[str, float], ...] = ()  # run drills: (ladder step, share of top speed)
    keyframe_words: tuple[str, ...] = ()  # each keyframe in a few words, for the page and the docs

    def __post_init__(self) -> None:
        if len(self.keyframes) < 2:
            raise ValueError("a movement needs at least two keyframes")
        if self.keyframe_words and len(self.keyframe_words) != len(self.keyframes):
            raise ValueError("keyframe_words needs one entry per keyframe")


def pose_at(movement: Movement, fraction: float) -> Pose:
    """The interpolated pose `fraction` of the way through the movement (0 = setup pose, 1 = the other end).

    Keyframes are evenly spaced; fractions outside 0-1 are clamped (a cycle wraps instead) so a player that
    overshoots a phase by a tick still draws a pose. NaN is a caller bug and raises ValueError.
    """
    if math.isnan(fraction):
        raise ValueError("movement fraction must be a number, got NaN")
    frames = movement.keyframes
    if movement.cycle:
        return _cycle_pose(frames, fraction)
    t = min(1.0, max(0.0, fraction)) * (len(frames) - 1)
    index = min(int(t), len(frames) - 2)
    return blend(frames[index], frames[index + 1], t - index)


def _cycle_at(frames: tuple[Pose, ...], fraction: float) -> Pose:
    t = (fraction % 1.0) * len(frames)
    index = int(t) % len(frames)
    return blend(frames[index], frames[(index + 1) % len(frames)], t - int(t))


def _cycle_pose(frames: tuple[Pose, ...], fraction: float) -> Pose:
    # The keyframes describe the near limbs over one stride; the far leg and arm are the same motion half a
    # stride later, which keeps the two sides in step for any number of keyframes.
    near = _cycle_at(frames, fraction)
    far = _cycle_at(frames, fraction + 0.5)
    return replace(
        near,
        far_thigh=far.near_thigh,
        far_shank=far.near_shank,
        far_foot=far.near_foot,
        far_upper_arm=far.near_upper_arm,
        far_forearm=far.near_forearm,
    )


def placed_points(movement: Movement, fraction: float) -> dict[str, Point]:
    """Every body point at `fraction`, moved so the movement's anchor sits at `anchor_at`."""
    points = body_points(pose_at(movement, fraction))
    ax, ay = points[movement.anchor]
    dx, dy = movement.anchor_at[0] - ax, movement.anchor_at[1] - ay
    return {name: (x + dx, y + dy) for name, (x, y) in points.items()}


def floor_height(movement: Movement, x: float) -> float:
    """The floor's height at `x` (0 on the flat, rising ahead on an incline)."""
    return x * math.tan(math.radians(movement.floor_slope_deg))


def fraction_for(movement: Movement, position: float, *, resting: bool = False) -> float:
    """Where the movement is for a tempo position (0 = top of the rep, 1 = bottom of the lowering, as in
    `tempo.PhaseState.position`); `resting` (lead-in, rest, done) waits in the setup pose."""
    if resting:
        return 0.0
    return position if movement.top == "start" else 1.0 - position


# Run drills: how fast the running cycle turns. Cadence rises from about 170 steps a minute at 70% of top
# speed to about 195 at 95% (coaching convention for strides, not a measured table).
CADENCE_AT_HALF_SPEED_SPM = 150.0
CADENCE_GAIN_SPM = 100.0  # steps a minute added per unit of effort above half speed
# A stride cycle is about 0.6-0.7 s, too quick to follow in a terminal: the demo runs it three times slower.
SLOW_MOTION = 3.0


def stride_cycle_s(effort: float) -> float:
    """Seconds one drawn stride cycle (two steps) takes at `effort` (share of top speed, 0.5-1.0)."""
    if not 0.5 <= effort <= 1.0:
        raise ValueError(f"effort must be a share of top speed from 0.5 to 1.0, got {effort}")
    cadence = CADENCE_AT_HALF_SPEED_SPM + CADENCE_GAIN_SPM * (effort - 0.5)
    return SLOW_MOTION * 120.0 / cadence


def effort_of(movement: Movement, step: str) -> float | None:
    """The share of top speed a run drill's ladder step asks for; None for a strength movement."""
    return dict(movement.efforts).get(step)
