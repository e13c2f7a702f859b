"""The demo figures: every exercise's keyframes are valid poses, segments keep their length through the
movement, anchored points stay put, and the start and end poses are what the guide describes."""

from __future__ import annotations

import math
from collections.abc import Callable

import pytest

from hamjournal.domain.library.exercises import EXERCISES
from hamjournal.domain.library.pose import (
    SEGMENTS,
    Movement,
    Point,
    Pose,
    blend,
    body_points,
    effort_of,
    floor_height,
    fraction_for,
    joint_angle,
    placed_points,
    pose,
    pose_at,
    stride_cycle_s,
)

SLUGS = tuple(EXERCISES)
FRACTIONS = tuple(i / 40 for i in range(41))
# Interpolated angles only approximate a closed chain (shoulders and heels both down in a bridge) between
# keyframes: 4 cm is less than one braille dot at the sizes the app draws.
FIXED_TOLERANCE_M = 0.04


def movement(slug: str) -> Movement:
    found = EXERCISES[slug].movement
    assert found is not None, f"{slug} has no movement"
    return found


def start_end(slug: str) -> tuple[dict[str, Point], dict[str, Point]]:
    m = movement(slug)
    return placed_points(m, 0.0), placed_points(m, 1.0)


def test_every_exercise_has_a_movement() -> None:
    assert len(SLUGS) == 15
    assert all(EXERCISES[slug].movement is not None for slug in SLUGS)


@pytest.mark.parametrize("slug", SLUGS)
def test_keyframes_are_valid(slug: str) -> None:
    m = movement(slug)
    names = set(body_points(m.keyframes[0]))
    assert m.anchor in names
    assert set(m.fixed) <= names and set(m.grounded) <= names
    assert len(m.keyframe_words) == len(m.keyframes) >= 2
    assert m.start_label and m.end_label
    for frame in m.keyframes:
        for segment, *_ in SEGMENTS:
            angle = frame.angle(segment)
            assert math.isfinite(angle) and -360 <= angle <= 360, (slug, segment, angle)
    for prop in m.props:
        assert prop.follows is None or prop.follows in names
        assert prop.tether is None or prop.tether[1] in names


@pytest.mark.parametrize("slug", SLUGS)
def test_segment_lengths_stay_the_same_through_the_movement(slug: str) -> None:
    m = movement(slug)
    for fraction in FRACTIONS:
        points = placed_points(m, fraction)
        for segment, start, end, length in SEGMENTS:
            assert math.dist(points[start], points[end]) == pytest.approx(length, abs=1e-9), (slug, segment)


@pytest.mark.parametrize("slug", SLUGS)
def test_the_anchor_is_pinned_and_fixed_points_stay_put(slug: str) -> None:
    m = movement(slug)
    first = placed_points(m, 0.0)
    for fraction in FRACTIONS:
        points = placed_points(m, fraction)
        assert points[m.anchor] == pytest.approx(m.anchor_at, abs=1e-9)
        for name in m.fixed:
            moved = math.dist(points[name], first[name])
            assert moved <= FIXED_TOLERANCE_M, f"{slug}: {name} moved {moved:.3f} m at {fraction}"
        for name in m.grounded:
            x, y = points[name]
            assert abs(y - floor_height(m, x)) <= FIXED_TOLERANCE_M, f"{slug}: {name} off the floor at {fraction}"


def _upright(p: dict[str, Point]) -> bool:
    return abs(math.degrees(math.atan2(p["shoulder"][0] - p["hip"][0], p["shoulder"][1] - p["hip"][1]))) < 12


def _trunk_from_horizontal(p: dict[str, Point]) -> float:
    dx, dy = p["shoulder"][0] - p["hip"][0], p["shoulder"][1] - p["hip"][1]
    return abs(math.degrees(math.atan2(dy, abs(dx))))


def _line_bend(a: Point, b: Point, c: Point) -> float:
    """How far the path a-b-c bends at b, in degrees (0 = a straight line)."""
    first = math.atan2(b[1] - a[1], b[0] - a[0])
    second = math.atan2(c[1] - b[1], c[0] - b[0])
    return abs((math.degrees(second - first) + 180) % 360 - 180)


def _knee_bend(p: Pose, side: str = "near") -> float:
    return abs(joint_angle(p, f"{side}_thigh", f"{side}_shank"))


def _hips_rise(slug: str, at_least_m: float) -> bool:
    start, end = start_end(slug)
    return end["hip"][1] - start["hip"][1] >= at_least_m and start["hip"][1] < 0.15


# What each guide says about where the movement starts and ends, as checks on the placed points and angles.
GUIDE_CHECKS: dict[str, tuple[str, Callable[[str], bool]]] = {
    "nordic": ("kneeling upright -> trunk near horizontal", lambda s: _upright(start_end(s)[0])
               and _trunk_from_horizontal(start_end(s)[1]) <= 25
               and _line_bend(*(start_end(s)[1][k] for k in ("near_knee", "hip", "shoulder"))) < 5),
    "sl-rdl": ("standing on one leg -> trunk near horizontal, free leg in line", lambda s: _upright(start_end(s)[0])
               and _trunk_from_horizontal(start_end(s)[1]) <= 15
               and _line_bend(*(start_end(s)[1][k] for k in ("far_knee", "hip", "shoulder"))) < 15
               and 10 <= _knee_bend(movement(s).keyframes[0]) <= 25),
    "bridge": ("hips down -> hips up, knees, hips and shoulders in a line", lambda s: _hips_rise(s, 0.12)
               and _line_bend(*(start_end(s)[1][k] for k in ("shoulder", "hip", "near_knee"))) < 5),
    "sl-bridge": ("hips down -> hips up on one heel, other leg up", lambda s: _hips_rise(s, 0.15)
                  and start_end(s)[1]["far_ankle"][1] > 0.8),
    "iso-hold": ("hips down, heels on the box -> hips up in a line, knees bent 20-30", lambda s: _hips_rise(s, 0.15)
                 and start_end(s)[0]["near_ankle"][1] > 0.3
                 and _line_bend(*(start_end(s)[1][k] for k in ("shoulder", "hip", "near_knee"))) < 5
                 and 20 <= _knee_bend(movement(s).keyframes[-1]) <= 30),
    "split-squat": ("tall split stance -> back knee near the floor, front shin vertical, front thigh level",
                    lambda s: _upright(start_end(s)[1]) and start_end(s)[1]["far_knee"][1] < 0.1
                    and abs(movement(s).keyframes[-1].near_shank) < 10
                    and abs(movement(s).keyframes[-1].near_thigh - 90) < 10),
    "hip-hinge": ("standing tall -> hips back, trunk well forward", lambda s: _upright(start_end(s)[0])
                  and _trunk_from_horizontal(start_end(s)[1]) <= 30
                  and start_end(s)[1]["hip"][0] < start_end(s)[0]["hip"][0] - 0.05),
    "slider-curl": ("bridge with knees at 90 -> legs nearly straight", lambda s:
                    80 <= _knee_bend(movement(s).keyframes[0]) <= 100
                    and _knee_bend(movement(s).keyframes[-1]) <= 25
                    and start_end(s)[0]["hip"][1] > 0.2),
    "askling-extender": ("thigh held up, knee bent -> knee nearly straight", lambda s:
                         abs(movement(s).keyframes[0].near_thigh - 180) < 10
                         and _knee_bend(movement(s).keyframes[0]) >= 80
                         and _knee_bend(movement(s).keyframes[-1]) <= 20),
    "askling-diver": ("standing on one leg -> diving forward, arms reaching, free leg behind", lambda s:
                      _upright(start_end(s)[0]) and _trunk_from_horizontal(start_end(s)[1]) <= 30
                      and start_end(s)[1]["near_hand"][0] > start_end(s)[1]["shoulder"][0]
                      and start_end(s)[1]["far_ankle"][0] < start_end(s)[1]["hip"][0] - 0.5),
    "askling-glider": ("upright -> back leg glided back, body lower", lambda s: _upright(start_end(s)[0])
                       and start_end(s)[1]["far_ankle"][0] < start_end(s)[0]["far_ankle"][0] - 0.5
                       and start_end(s)[1]["hip"][1] < start_end(s)[0]["hip"][1] - 0.1
                       and 10 <= _knee_bend(movement(s).keyframes[0]) <= 30),
    "calf-raise": ("up on the toes -> heels below the step", lambda s:
                   start_end(s)[0]["near_ankle"][1] > 0.15 + 0.1 and start_end(s)[1]["near_ankle"][1] < 0.15),
    "hip-thrust": ("hips down -> hips up, thighs and trunk level, knees at 90", lambda s: _hips_rise(s, 0.2)
                   and _trunk_from_horizontal(start_end(s)[1]) < 5
                   and abs(_knee_bend(movement(s).keyframes[-1]) - 90) < 5),
    "strides": ("a running cycle: each foot in turn lands ahead and drives forward", lambda s:
                placed_points(movement(s), 0.0)["near_ankle"][0] > 0.1
                and placed_points(movement(s), 0.5)["far_ankle"][0] > 0.1),
    "incline-accelerations": ("a running cycle up a slope, leaning forward", lambda s:
                              movement(s).floor_slope_deg > 0 and movement(s).keyframes[0].trunk < 170),
}


def test_every_exercise_has_a_guide_check() -> None:
    assert set(GUIDE_CHECKS) == set(SLUGS)


@pytest.mark.parametrize("slug", SLUGS)
def test_start_and_end_poses_match_the_guide(slug: str) -> None:
    words, check = GUIDE_CHECKS[slug]
    assert check(slug), f"{slug}: expected {words}"


def test_pose_at_interpolates_between_keyframes_and_clamps() -> None:
    m = movement("nordic")
    assert pose_at(m, 0.0) == m.keyframes[0]
    assert pose_at(m, 1.0) == m.keyframes[-1]
    assert pose_at(m, 0.5) == m.keyframes[1]
    assert pose_at(m, 0.25).trunk == pytest.approx((m.keyframes[0].trunk + m.keyframes[1].trunk) / 2)
    assert pose_at(m, -0.2) == m.keyframes[0] and pose_at(m, 1.3) == m.keyframes[-1]
    with pytest.raises(ValueError, match="NaN"):
        pose_at(m, float("nan"))


def test_blend_takes_the_short_way_round() -> None:
    a = pose(170, (0, 0, 90), (0, 0))
    b = pose(-170, (0, 0, 90), (0, 0))
    assert blend(a, b, 0.5).trunk % 360 == pytest.approx(180)


def test_a_cycle_wraps_and_runs_the_far_side_half_a_stride_behind() -> None:
    m = movement("strides")
    assert pose_at(m, 1.25) == pose_at(m, 0.25)
    half = pose_at(m, 0.5)
    assert half.far_thigh == pytest.approx(pose_at(m, 0.0).near_thigh)


@pytest.mark.parametrize(
    ("slug", "position", "resting", "expected"),
    [
        ("nordic", 0.0, False, 0.0),  # top of the rep: kneeling upright
        ("nordic", 0.75, False, 0.75),  # the lowering runs from the setup pose
        ("bridge", 0.0, False, 1.0),  # top of a bridge rep: hips up
        ("bridge", 1.0, False, 0.0),  # the bottom of the lowering is the setup pose
        ("bridge", 0.0, True, 0.0),  # resting waits in the setup pose
        ("iso-hold", 1.0, False, 1.0),  # the hold is the end pose
    ],
)
def test_fraction_for_maps_the_tempo_position(slug: str, position: float, resting: bool, expected: float) -> None:
    assert fraction_for(movement(slug), position, resting=resting) == expected


def test_the_stride_turns_faster_with_effort() -> None:
    strides = movement("strides")
    relaxed, near_max = effort_of(strides, "relaxed"), effort_of(strides, "near-max")
    assert relaxed is not None and near_max is not None
    assert stride_cycle_s(near_max) < stride_cycle_s(relaxed)
    assert effort_of(movement("nordic"), "bodyweight") is None
    with pytest.raises(ValueError, match="effort"):
        stride_cycle_s(1.5)


@pytest.mark.parametrize("slug", ("strides", "incline-accelerations"))
def test_every_drill_step_has_an_effort(slug: str) -> None:
    m = movement(slug)
    assert {step.slug for step in EXERCISES[slug].ladder} == {step for step, _ in m.efforts}


@pytest.mark.parametrize("slug", SLUGS)
def test_labels_fit_a_third_of_an_80_column_page(slug: str) -> None:
    m = movement(slug)
    assert len(m.start_label) <= 24 and len(m.end_label) <= 24
