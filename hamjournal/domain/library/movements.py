"""Every exercise's demo movement: keyframes of segment angles (see pose.py), its anchor and its equipment.

Angles: 0 straight down, 90 forward (the figure faces right), 180 straight up, -90 backwards. The closed
chains (a bridge: shoulders and heels on the floor; a split squat: both feet down) were solved for the
keyframes so the fixed points stay put; in between, angles are interpolated and the tests allow a few cm.
Lying figures have the head to the left. Read a movement from its exercise record (`Exercise.movement`).
"""

from __future__ import annotations

from hamjournal.domain.library.pose import Movement, Point, Prop, pose


def _box(left: float, right: float, bottom: float, top: float) -> tuple[tuple[Point, Point], ...]:
    corners: tuple[Point, ...] = ((left, bottom), (left, top), (right, top), (right, bottom))
    return tuple((corners[i], corners[(i + 1) % 4]) for i in range(4))


_ARMS_DOWN = (0.0, 0.0)
_ARMS_BY_SIDES_LYING = (90.0, 90.0)  # arms on the floor beside a figure lying with the head to the left
_HEAD_DOWN = -90.0  # the neck of a figure lying with the head to the left: the head stays on the floor

# The running cycle of the near limbs (contact, mid-stance, toe-off, knee drive); the far limbs run half a
# stride behind. Arms swing against the legs.
_STRIDE = (
    pose(170, (28, 8, 100), (-35, 45)),
    pose(170, (0, -12, 90), (0, 80)),
    pose(170, (-32, -50, 35), (40, 120)),
    pose(170, (60, -35, 60), (5, 85)),
)
_HILL_STRIDE = tuple(
    pose(162, (thigh + 8, shank + 6, foot + 8), arm)
    for (thigh, shank, foot), arm in (
        ((28, 8, 100), (-40, 40)),
        ((0, -12, 90), (0, 80)),
        ((-30, -48, 40), (45, 125)),
        ((62, -30, 60), (5, 85)),
    )
)
_STRIDE_WORDS = ("foot lands ahead", "over the standing foot", "toe-off behind", "knee drives forward")

MOVEMENTS: dict[str, Movement] = {
    "nordic": Movement(
        # The body from the knees up tips forward as one plank: the knees are the pivot, the heels held.
        keyframes=(
            pose(180, (0, -90, -90), (20, 150)),
            pose(145, (-35, -90, -90), (55, 130)),
            pose(110, (-70, -90, -90), (75, 110)),
        ),
        anchor="near_knee",
        anchor_at=(0.0, 0.06),
        fixed=("near_knee", "near_ankle", "far_ankle"),
        start_label="kneeling upright",
        end_label="trunk near horizontal",
        keyframe_words=(
            "kneeling upright, hips extended, hands ready at the chest",
            "leaning forward from the knees as one plank, about 35 degrees",
            "about 70 degrees forward, trunk near horizontal, hands out to catch",
        ),
        props=(
            Prop("anchor", _box(-0.5, -0.34, 0.12, 0.22)),
            # A band from a hook behind the runner to the chest (the default step is band-assisted).
            Prop("band", (((-0.62, 1.05), (-0.62, 1.25)),), tether=((-0.6, 1.15), "shoulder")),
        ),
    ),
    "sl-rdl": Movement(
        keyframes=(
            pose(180, (8, -8, 90), _ARMS_DOWN, far_leg=(0, -15, 75)),
            pose(135, (14, -10, 90), _ARMS_DOWN, far_leg=(-45, -45, 45)),
            pose(95, (20, -12, 90), _ARMS_DOWN, far_leg=(-85, -85, 5)),
        ),
        anchor="near_ankle",
        anchor_at=(0.0, 0.0),
        fixed=("near_ankle", "near_toe"),
        grounded=("near_ankle",),
        start_label="standing on one leg",
        end_label="trunk near horizontal",
        keyframe_words=(
            "standing on one leg, knee soft, the free foot just off the floor",
            "hips back, trunk tipping forward as the free leg travels back",
            "trunk near horizontal, free leg in line with it, arms hanging",
        ),
    ),
    "bridge": Movement(
        keyframes=(
            pose(-90, (130.1, 27, 90), _ARMS_BY_SIDES_LYING, neck=_HEAD_DOWN),
            pose(-81.2, (120, 21.5, 90), _ARMS_BY_SIDES_LYING, neck=_HEAD_DOWN),
            pose(-71.4, (108.5, 19.3, 90), _ARMS_BY_SIDES_LYING, neck=_HEAD_DOWN),
        ),
        anchor="near_ankle",
        anchor_at=(0.53, 0.0),
        fixed=("near_ankle", "shoulder"),
        grounded=("near_ankle",),
        top="end",
        start_label="hips down",
        end_label="hips up",
        keyframe_words=(
            "lying on the back, knees bent, heels down, hips on the floor",
            "hips half way up",
            "hips up: knees, hips and shoulders in one line",
        ),
    ),
    "sl-bridge": Movement(
        keyframes=(
            pose(-90, (124, 36.4, 95), _ARMS_BY_SIDES_LYING, far_leg=(180, 180, 90), neck=_HEAD_DOWN),
            pose(-78.9, (112.4, 31.2, 95), _ARMS_BY_SIDES_LYING, far_leg=(170, 170, 80), neck=_HEAD_DOWN),
            pose(-67.4, (98.7, 31.6, 95), _ARMS_BY_SIDES_LYING, far_leg=(160, 160, 70), neck=_HEAD_DOWN),
        ),
        anchor="near_ankle",
        anchor_at=(0.62, 0.0),
        fixed=("near_ankle", "shoulder"),
        grounded=("near_ankle",),
        top="end",
        start_label="hips down",
        end_label="hips up",
        keyframe_words=(
            "lying on the back, one heel down, the other leg straight up, hips on the floor",
            "hips half way up on the one heel",
            "hips up until knee, hip and shoulder line up, free leg still up",
        ),
    ),
    "iso-hold": Movement(
        keyframes=(
            pose(-90, (117.9, 101.4, 180), _ARMS_BY_SIDES_LYING, neck=_HEAD_DOWN),
            pose(-80.2, (118.1, 89.3, 175), _ARMS_BY_SIDES_LYING, neck=_HEAD_DOWN),
            pose(-70, (110, 85, 170), _ARMS_BY_SIDES_LYING, neck=_HEAD_DOWN),
        ),
        anchor="near_ankle",
        anchor_at=(0.81, 0.39),
        fixed=("near_ankle", "shoulder"),
        start_label="hips down",
        end_label="holding hips up",
        keyframe_words=(
            "lying on the back, both heels on a box, knees slightly bent, hips down",
            "hips half way up",
            "holding: hips up in a straight line from shoulders to knees",
        ),
        props=(Prop("box", _box(0.72, 1.02, 0.0, 0.38)),),
    ),
    "split-squat": Movement(
        keyframes=(
            pose(180, (48, 19.4, 90), _ARMS_DOWN, far_leg=(-34.4, -63, 45)),
            pose(180, (71.9, 4.9, 90), _ARMS_DOWN, far_leg=(-29.8, -84.4, 45)),
            pose(180, (90, 0, 90), _ARMS_DOWN, far_leg=(-32.9, -100.8, 45)),
        ),
        anchor="near_ankle",
        anchor_at=(0.44, 0.0),
        fixed=("near_ankle", "far_toe"),
        grounded=("near_ankle", "far_toe"),
        start_label="tall split stance",
        end_label="back knee near the floor",
        keyframe_words=(
            "standing tall in a long split stance, back heel up",
            "lowering straight down",
            "back knee near the floor, front shin vertical, front thigh level",
        ),
    ),
    "hip-hinge": Movement(
        keyframes=(
            pose(180, (6, -6, 90), _ARMS_DOWN),
            pose(140, (14, -8, 90), _ARMS_DOWN),
            pose(105, (22, -10, 90), _ARMS_DOWN),
        ),
        anchor="near_ankle",
        anchor_at=(0.0, 0.0),
        fixed=("near_ankle", "far_ankle"),
        grounded=("near_ankle", "far_ankle"),
        start_label="standing tall",
        end_label="hips back, trunk forward",
        keyframe_words=(
            "standing tall on both feet, knees soft",
            "hips pushing back, flat back tipping forward",
            "trunk about 75 degrees forward, hamstrings on a stretch, arms hanging",
        ),
    ),
    "slider-curl": Movement(
        keyframes=(
            pose(-71.3, (108.7, 18.7, 90), _ARMS_BY_SIDES_LYING, neck=_HEAD_DOWN),
            pose(-79.6, (100.4, 50.4, 130), _ARMS_BY_SIDES_LYING, neck=_HEAD_DOWN),
            pose(-88, (92, 72, 160), _ARMS_BY_SIDES_LYING, neck=_HEAD_DOWN),
        ),
        anchor="shoulder",
        anchor_at=(-0.52, 0.1),
        fixed=("shoulder",),
        grounded=("near_ankle",),
        start_label="bridge, knees bent",
        end_label="legs nearly straight",
        keyframe_words=(
            "hips up in a bridge, heels on sliders, knees bent about 90 degrees",
            "heels sliding away, hips still up",
            "legs nearly straight, hips just off the floor",
        ),
        props=(Prop("slider", (((-0.08, 0.0), (0.12, 0.0)),), follows="near_ankle"),),
    ),
    "askling-extender": Movement(
        keyframes=(
            pose(-90, (180, 90, 180), (132.1, 97.4), far_leg=(90, 90, 180), neck=_HEAD_DOWN),
            pose(-90, (180, 130, 220), (132.1, 97.4), far_leg=(90, 90, 180), neck=_HEAD_DOWN),
            pose(-90, (180, 165, 255), (132.1, 97.4), far_leg=(90, 90, 180), neck=_HEAD_DOWN),
        ),
        anchor="hip",
        anchor_at=(0.0, 0.1),
        fixed=("hip", "shoulder", "near_knee", "far_ankle"),
        start_label="thigh up, knee bent",
        end_label="knee nearly straight",
        keyframe_words=(
            "lying on the back holding the thigh up at 90 degrees, knee bent, other leg flat",
            "knee half straight",
            "knee nearly straight, just before pain",
        ),
    ),
    "askling-diver": Movement(
        keyframes=(
            pose(180, (10, -5, 90), _ARMS_DOWN, far_leg=(0, -20, 70)),
            pose(145, (14, -6, 90), (70, 80), far_leg=(-35, -40, 40)),
            pose(110, (18, -8, 90), (110, 110), far_leg=(-70, -70, 15)),
        ),
        anchor="near_ankle",
        anchor_at=(0.0, 0.0),
        fixed=("near_ankle", "near_toe"),
        grounded=("near_ankle",),
        start_label="standing on one leg",
        end_label="diving forward",
        keyframe_words=(
            "standing on the working leg, knee slightly bent, arms by the sides",
            "tipping forward from the hip, arms coming forward, free leg going back",
            "diving: trunk and arms reaching forward, free leg extended behind in line",
        ),
    ),
    "askling-glider": Movement(
        keyframes=(
            # The near hand rests on the support's rail all the way down (solved for the hand at 0.95 m).
            pose(180, (32.2, 6.1, 90), (22.5, 72), far_leg=(1.9, -33.1, 120)),
            pose(178, (45.4, 17.2, 90), (30.8, 83.8), far_leg=(-12.1, -47.6, 135)),
            pose(175, (57.6, 32.1, 90), (44.1, 99.1), far_leg=(-32.4, -57.9, 150)),
        ),
        anchor="near_ankle",
        anchor_at=(0.3, 0.0),
        fixed=("near_ankle",),
        grounded=("near_ankle", "far_ankle"),
        start_label="upright, slight split",
        end_label="back leg glided back",
        keyframe_words=(
            "upright, a hand on a support, working leg in front, back foot on a slider",
            "back foot gliding back, body lowering",
            "back leg far behind, body low, front knee still slightly bent",
        ),
        props=(
            Prop("support", (((0.15, 0.95), (0.75, 0.95)), ((0.75, 0.95), (0.75, 0.0)))),
            Prop("slider", (((-0.06, 0.0), (0.16, 0.0)),), follows="far_ankle"),
        ),
    ),
    "calf-raise": Movement(
        keyframes=(
            pose(180, (0, 0, 35), (55, 85)),
            pose(180, (0, 0, 75), (55, 85)),
            pose(180, (0, 0, 115), (55, 85)),
        ),
        anchor="near_toe",
        anchor_at=(0.1, 0.15),
        fixed=("near_toe",),
        start_label="up on the toes",
        end_label="heels below the step",
        keyframe_words=(
            "up on the toes at the edge of a step, a hand on the wall",
            "heels level with the step",
            "heels lowered below the step",
        ),
        props=(Prop("step", _box(-0.02, 0.4, 0.0, 0.15)), Prop("wall", (((0.6, 0.0), (0.6, 1.9)),))),
    ),
    "hip-thrust": Movement(
        keyframes=(
            pose(-125.2, (126.3, 24.8, 90), (-70, -40), neck=_HEAD_DOWN),
            pose(-106.8, (109.6, 6.3, 90), (-70, -40), neck=_HEAD_DOWN),
            pose(-90, (90, 0, 90), (-70, -40), neck=_HEAD_DOWN),
        ),
        anchor="near_ankle",
        anchor_at=(0.44, 0.0),
        fixed=("near_ankle", "shoulder"),
        grounded=("near_ankle",),
        top="end",
        start_label="hips down",
        end_label="hips up, trunk level",
        keyframe_words=(
            "upper back on a bench, feet flat, hips low",
            "hips half way up",
            "hips up: thighs and trunk level, shins vertical",
        ),
        props=(Prop("bench", _box(-0.9, -0.5, 0.0, 0.4)),),
    ),
    "strides": Movement(
        keyframes=_STRIDE,
        anchor="hip",
        anchor_at=(0.0, 0.86),
        cycle=True,
        start_label="foot lands",
        end_label="knee drive",
        efforts=(("relaxed", 0.70), ("fast", 0.85), ("near-max", 0.95)),
        keyframe_words=_STRIDE_WORDS,
    ),
    "incline-accelerations": Movement(
        keyframes=_HILL_STRIDE,
        anchor="hip",
        anchor_at=(0.0, 0.86),
        cycle=True,
        # Drawn at 8 degrees, steeper than the 4-6% grade of the guide, so the slope reads as a hill.
        floor_slope_deg=8.0,
        start_label="foot lands",
        end_label="knee drive",
        efforts=(("gentle", 0.85), ("steep", 0.9)),
        keyframe_words=_STRIDE_WORDS,
    ),
}
