"""How to do each exercise: setup, movement, cues, faults, dose by training phase, safety and sources.

Kept apart from `exercises.py` so the ladders stay readable. Doses marked (conv.) are clinical or coaching
convention, not trial results; the numbers with a source are in /work/shared/rules-reference.md.
"""

from __future__ import annotations

from dataclasses import dataclass

# Training phases a dose is given for: the periodised blocks of a racing season, plus rehab after a strain.
DOSE_PHASES: tuple[str, ...] = ("base", "build", "peak", "taper", "rehab")


@dataclass(frozen=True)
class Guide:
    """The coaching text of one exercise; every tuple holds short sentences."""

    trains: str = ""
    setup: tuple[str, ...] = ()
    movement: tuple[str, ...] = ()
    cues: tuple[str, ...] = ()
    faults: tuple[str, ...] = ()
    dose: tuple[tuple[str, str], ...] = ()  # (phase, dose), one per DOSE_PHASES entry
    safety: tuple[str, ...] = ()
    sources: tuple[str, ...] = ()


# Said on every hamstring exercise: the app's stop rule, in the runner's words.
STOP_SHARP = "Stop at once and log it with --sudden if you feel a sharp pain or a 'pop' in the back of the thigh."
PAIN_LIMIT = (
    "Pain during the set up to 5/10 is acceptable in prevention work (4/10 in rehab) if it settles by the "
    "next morning; above that, regress a step."
)

PETERSEN = "Petersen et al. 2011, Am J Sports Med 39:2296 (Nordic programme, injury rate ratio 0.29)"
VAN_DYK = "van Dyk et al. 2019, Br J Sports Med 53:1362 (Nordic in programmes: up to 51% fewer injuries)"
PRESLAND = "Presland et al. 2018, Scand J Med Sci Sports (low Nordic volume, detraining after about 2 weeks)"
BOURNE_2017 = "Bourne et al. 2017, Br J Sports Med (Nordic and hip extension: architecture and morphology)"
BOURNE_2018 = "Bourne et al. 2018, Sports Med (evidence-based framework for hamstring strengthening)"
SILBERNAGEL = "Silbernagel et al. 2007, Am J Sports Med 35:897 (pain-monitoring model)"
HICKEY = "Hickey et al. 2020, J Orthop Sports Phys Ther 50:91 (pain-threshold rehab after a strain)"
ASKLING_2013 = "Askling et al. 2013, Br J Sports Med (L-protocol in football: 28 vs 51 days)"
ASKLING_2014 = "Askling et al. 2014, Br J Sports Med (L-protocol in sprinters: 49 vs 86 days)"
HEIDERSCHEIT = "Heiderscheit et al. 2010, J Orthop Sports Phys Ther 40:67 (strain rehab and recurrence)"
FRECKLETON = "Freckleton et al. 2014, Br J Sports Med (single-leg bridge test and hamstring injury)"
ORANCHUK = "Oranchuk et al. 2019, Scand J Med Sci Sports (isometric training: length, intensity, intent)"
CONTRERAS = "Contreras et al. 2015, J Appl Biomech (hip thrust vs squat muscle activity)"
MALONE = "Malone et al. 2017, J Sci Med Sport (maximal-velocity exposure and injury risk)"
EDOUARD = "Edouard et al. 2019, Sport Perform Sci Rep (sprinting as a hamstring 'vaccine')"
MENDIGUCHIA = "Mendiguchia et al. 2020, PLoS One (sprint training vs Nordic: hamstring architecture)"
CONVENTION = "Coaching convention (conv.): doses and cues as commonly prescribed, not trial results"


def _dose(base: str, build: str, peak: str, taper: str, rehab: str) -> tuple[tuple[str, str], ...]:
    return tuple(zip(DOSE_PHASES, (base, build, peak, taper, rehab), strict=True))


GUIDES: dict[str, Guide] = {
    "nordic": Guide(
        trains="Eccentric knee-flexion strength at long muscle length; lengthens biceps femoris fascicles.",
        setup=(
            "Kneel on a pad with the ankles anchored: a partner's hands, a strap, or a bar or sofa edge.",
            "Thighs and trunk upright in one line, hips extended, arms crossed on the chest or hands ready.",
        ),
        movement=(
            "Keep hips extended and lean forward from the knees as one straight plank.",
            "Lower as slowly as you possibly can, resisting with the hamstrings all the way.",
            "When you can no longer hold it (the break point), catch yourself on the hands.",
            "Push off the floor with the hands to return upright, so the lifting phase stays small.",
        ),
        cues=(
            "Straight line from knees to head: hips stay in front.",
            "Fight the fall: lowering should take 4 s or more.",
            "Squeeze the glutes and brace the trunk before each rep.",
        ),
        faults=(
            "Bending at the hips (bottom backwards): the hamstrings stop working at the knee.",
            "Dropping fast after the first few degrees instead of braking all the way.",
            "Pulling up with the hamstrings from the floor instead of pushing with the hands.",
            "Ankles not anchored firmly, so the feet lift and the rep is lost.",
        ),
        dose=_dose(
            "Petersen ramp: week 1 2x5 once; week 2 2x6 twice; week 3 3x6-8 three times a week.",
            "3 sets of 8-10 up to 12/10/8, 2-3 sessions a week; progress the step when 12 easy reps are clean.",
            "Maintenance: 1 session a week, 2-3 sets of 4-6; low volume keeps the gains.",
            "1 short session of 2x3-5 early in race week; none in the last 3-4 days.",
            "Later rehab (conv.), once jogging is pain-free: start at hands-partial, pain 4/10 at most.",
        ),
        safety=(
            STOP_SHARP,
            PAIN_LIMIT,
            "Expect strong soreness for 2-3 days after the first sessions: start with the low Petersen volume.",
            "Keep it away from the 48 h before a hard session or race.",
        ),
        sources=(PETERSEN, VAN_DYK, PRESLAND, BOURNE_2017),
    ),
    "sl-rdl": Guide(
        trains="Hip-dominant eccentric hamstring strength and balance on one leg at long muscle length.",
        setup=(
            "Stand on one leg, knee soft (about 15-20 degrees bent), the other foot just off the floor.",
            "Hold a load, if any, in the hand opposite the standing leg; fingertips on a wall if supported.",
        ),
        movement=(
            "Push the hips back and tip the trunk forward as the free leg travels back in line with it.",
            "Lower for about 3 s until the trunk is near horizontal or you feel a strong stretch.",
            "Keep the hips square to the floor at the bottom.",
            "Drive the standing heel into the floor and squeeze the glute to return upright.",
        ),
        cues=(
            "Hinge, do not squat: the standing knee angle barely changes.",
            "Head to heel is one line, like a see-saw.",
            "Both hip bones face the floor.",
        ),
        faults=(
            "Rounding the back to reach the floor.",
            "Opening the hip (free-leg side rotates up).",
            "Bending the standing knee more and more so it turns into a squat.",
        ),
        dose=_dose(
            "2-3x8-10 each leg, 3 s lowering, 1-2 sessions a week (conv.).",
            "3x6-8 each leg with a load that leaves 2 reps in reserve.",
            "2x5-6 each leg, same load, 1 session a week.",
            "1-2x5 each leg, light, early in race week.",
            "Start hand-supported, bodyweight, 2x8; pain 4/10 at most during.",
        ),
        safety=(STOP_SHARP, PAIN_LIMIT, "Use a support until you can balance 30 s on one leg with eyes open."),
        sources=(BOURNE_2017, BOURNE_2018, CONVENTION),
    ),
    "bridge": Guide(
        trains="Concentric hip extension with the hamstrings and glutes at short-to-mid length.",
        setup=(
            "Lie on your back, knees bent, heels on the floor hip-width apart, arms by your sides.",
            "Short lever: heels close to the hips. Long lever: heels further away, knees nearly straight.",
        ),
        movement=(
            "Lower the hips to the floor over about 2 s.",
            "Pause for 1 s with the hips just touching the floor.",
            "Press the heels down and lift the hips until knees, hips and shoulders are in a line.",
            "Repeat without resting the full weight on the floor.",
        ),
        cues=("Push through the heels, toes may lift.", "Ribs down: lift with the hips, not the lower back."),
        faults=(
            "Arching the lower back at the top instead of extending the hips.",
            "Pushing through the toes, which moves the work to the quads.",
            "Cramp in the hamstrings: shorten the lever and build up.",
        ),
        dose=_dose(
            "2-3x8-12 (conv.), 1-2 sessions a week.",
            "3x6-8 long lever or march.",
            "2x6, 1 session a week.",
            "1-2x6 as activation before running.",
            "Early rehab: short lever 3x10, pain-free or up to 4/10.",
        ),
        safety=(STOP_SHARP, PAIN_LIMIT),
        sources=(BOURNE_2018, FRECKLETON, CONVENTION),
    ),
    "sl-bridge": Guide(
        trains="Single-leg concentric hip extension; the single-leg bridge test measures it in reps.",
        setup=(
            "Lie on your back, one heel on the floor or on a box, that knee bent about 20 degrees.",
            "The other leg held straight up or bent to the chest; arms crossed on the chest.",
        ),
        movement=(
            "Lower the hips towards the floor over about 2 s.",
            "Pause for 1 s just above the floor.",
            "Drive the heel down and lift the hips until knee, hip and shoulder line up.",
            "Test: reps to failure at one rep per 2 s, both sides.",
        ),
        cues=("Keep the pelvis level: a glass of water on the belly.", "Heel down, hips up."),
        faults=("Pelvis dropping or twisting on the free side.", "Using the arms to push off the floor."),
        dose=_dose(
            "2-3x8-10 each side (conv.).",
            "3x6-10 each side, box or long lever.",
            "2x6 each side, 1 session a week.",
            "1x6 each side as activation.",
            "Start on the floor, 2x8, up to 4/10 pain; retest reps every 2-4 weeks against the other side.",
        ),
        safety=(STOP_SHARP, PAIN_LIMIT, "A side more than 15% weaker gets one extra set, not a risk label."),
        sources=(FRECKLETON, BOURNE_2018, CONVENTION),
    ),
    "iso-hold": Guide(
        trains="Isometric hamstring strength near long length with no lengthening; safe early after a strain.",
        setup=(
            "Lie on your back with both heels on a box or bench, knees bent about 20-30 degrees.",
            "Arms on the floor beside you for balance.",
        ),
        movement=(
            "Press the heels down into the box and lift the hips into a straight line.",
            "Hold the position for the set time, breathing steadily.",
            "Lower the hips to the floor and rest before the next hold.",
        ),
        cues=("Pull the heels down and towards you without moving them.", "Breathe: do not hold your breath."),
        faults=("Hips sagging as the hold goes on.", "Cramping: shorten the hold or bend the knees more."),
        dose=_dose(
            "3-5x30-45 s (conv.), 1-2 sessions a week.",
            "3-4x30-45 s single leg or long lever.",
            "2-3x30 s, 1 session a week.",
            "2x20-30 s as activation.",
            "From day 2-5 after a strain: 3-5x30 s at an effort that stays at or below 4/10 pain.",
        ),
        safety=(STOP_SHARP, PAIN_LIMIT, "Build effort over the first seconds of each hold; never jerk into it."),
        sources=(ORANCHUK, HICKEY, CONVENTION),
    ),
    "split-squat": Guide(
        trains="Knee- and hip-extension strength on one leg: quads and glutes that share the load in running.",
        setup=(
            "Stand in a long split stance, feet hip-width apart, back heel up.",
            "Trunk tall; hold dumbbells at the sides when loaded.",
        ),
        movement=(
            "Lower straight down over about 3 s until the back knee nearly touches the floor.",
            "The front shin stays near vertical, the front thigh about level.",
            "Drive through the whole front foot to stand back up.",
            "Do all reps on one side, then switch.",
        ),
        cues=("Elevator, not escalator: straight down and up.", "Weight on the front heel and mid-foot."),
        faults=("Front knee caving inwards.", "Stance too narrow, so balance is lost.", "Pushing off the back foot."),
        dose=_dose(
            "2-3x6-8 each side (conv.).",
            "3x4-8 each side, loaded or rear-foot elevated.",
            "2x4-6 each side, 1 session a week.",
            "1-2x5 each side, light.",
            "Bodyweight 2x8 each side once walking and jogging are pain-free.",
        ),
        safety=(STOP_SHARP, "Knee pain at the front: shorten the range and check the front knee tracks the toes."),
        sources=(BOURNE_2018, CONVENTION),
    ),
    "hip-hinge": Guide(
        trains="Hip-dominant eccentric hamstring strength with both legs: the base of the single-leg RDL.",
        setup=(
            "Stand with feet hip-width apart, knees soft.",
            "Dowel step: a stick along the spine touching head, upper back and tailbone.",
        ),
        movement=(
            "Push the hips back and let the trunk tip forward, keeping the back flat, over about 3 s.",
            "Stop when the hamstrings are on a strong stretch or the back would start to round.",
            "Drive the hips forward to stand tall, squeezing the glutes.",
        ),
        cues=("Hips back, chest forward.", "Bar or bell slides down the thighs.", "Shins stay near vertical."),
        faults=("Rounding the lower back.", "Bending the knees to reach lower.", "Leaning back at the top."),
        dose=_dose(
            "2-3x8-10 (conv.).",
            "3x6-8 with a load that leaves 2 reps in reserve.",
            "2x5-6, 1 session a week.",
            "1-2x5, light.",
            "Dowel or light load 2x10 once the straight-leg raise is nearly pain-free.",
        ),
        safety=(STOP_SHARP, PAIN_LIMIT, "Lower-back pain means the back rounded: reduce load and range."),
        sources=(BOURNE_2018, BOURNE_2017, CONVENTION),
    ),
    "slider-curl": Guide(
        trains="Knee-dominant eccentric hamstring work with the hips extended; a Nordic alternative at home.",
        setup=(
            "Lie on your back, heels on sliders or a towel on a smooth floor, knees bent about 90 degrees.",
            "Lift the hips into a bridge.",
        ),
        movement=(
            "Keeping the hips up, slide the heels away over about 3 s until the legs are nearly straight.",
            "Lowering-only step: drop the hips at the end and walk the heels back in.",
            "Full step: pull the heels back in to the start while keeping the hips up.",
        ),
        cues=("Hips stay high the whole way.", "Slide slowly out, pull firmly in."),
        faults=("Hips dropping as the legs straighten.", "Sliding out fast with no control."),
        dose=_dose(
            "2-3x6-8 (conv.).",
            "3x6-10, both legs or single leg.",
            "2x6, 1 session a week.",
            "1-2x5.",
            "Lowering-only, 2x6, when bridges are pain-free; pain 4/10 at most.",
        ),
        safety=(STOP_SHARP, PAIN_LIMIT),
        sources=(BOURNE_2018, CONVENTION),
    ),
    "askling-extender": Guide(
        trains="Hamstring lengthening at the knee with the hip flexed: the first L-protocol exercise.",
        setup=(
            "Lie on your back and hold the thigh of the working leg with both hands, hip bent about 90 degrees.",
            "Keep the other leg straight on the floor.",
        ),
        movement=(
            "Slowly straighten the knee to a point just before pain is felt.",
            "Bend the knee back to the start.",
            "Full-speed step: extend quickly, still stopping before pain.",
        ),
        cues=("Thigh stays still in your hands.", "Stop short of pain, not at it."),
        faults=("Letting the thigh drift away from the chest.", "Bouncing into the stretch."),
        dose=_dose(
            "1x8-12 each leg as warm-up before running (conv.).",
            "1-2x12 each leg in the warm-up.",
            "1x8 each leg in the warm-up.",
            "1x8 each leg in the warm-up.",
            "Askling: 3x12, twice a day, from the first days after a strain; slow before fast.",
        ),
        safety=(STOP_SHARP, "Work to just before pain; the L-protocol does not push into pain."),
        sources=(ASKLING_2013, ASKLING_2014),
    ),
    "askling-diver": Guide(
        trains="Hamstring lengthening at the hip on one leg: the second L-protocol exercise.",
        setup=("Stand on the working leg, knee slightly bent (10-20 degrees), arms by your sides.",),
        movement=(
            "Lean forward from the hip of the standing leg as the free leg extends behind you.",
            "Reach both arms forward as if diving, keeping the pelvis level.",
            "Stop just before pain, then return upright using the hips.",
            "Full-speed step: dive faster, same end point.",
        ),
        cues=("Standing knee keeps its small bend.", "Arms, trunk and free leg move as one."),
        faults=("Straightening the standing knee.", "Rotating the pelvis open.", "Falling into the bottom."),
        dose=_dose(
            "1x6 each leg in the warm-up (conv.).",
            "1-2x6 each leg in the warm-up.",
            "1x6 each leg in the warm-up.",
            "1x6 each leg in the warm-up.",
            "Askling: 3x6, every other day, once the Extender is manageable; slow before fast.",
        ),
        safety=(STOP_SHARP, "Work to just before pain; hold on to a support if balance fails."),
        sources=(ASKLING_2013, ASKLING_2014),
    ),
    "askling-glider": Guide(
        trains="Hamstring lengthening at the hip with the leg in front under load: the third L-protocol exercise.",
        setup=(
            "Hold a support with one hand, trunk upright, legs slightly split with the working leg in front.",
            "Weight on the heel of the front leg, front knee bent 10-20 degrees; back foot on a slider or sock.",
        ),
        movement=(
            "Glide the back leg backwards, lowering the body, and stop before pain.",
            "Return to the start by pulling with the arms, not with the front leg.",
            "Long step: slide further and return faster.",
        ),
        cues=("Front knee keeps its small bend.", "Arms do the work on the way back."),
        faults=("Pulling back with the front hamstring.", "Sliding too far and dropping into the split."),
        dose=_dose(
            "1x4-6 each leg in the warm-up (conv.).",
            "1-2x6 each leg in the warm-up.",
            "1x4 each leg in the warm-up.",
            "1x4 each leg in the warm-up.",
            "Askling: 3x4, every third day, after the Diver; slow before fast.",
        ),
        safety=(STOP_SHARP, "Work to just before pain; use a low-friction floor and a firm support."),
        sources=(ASKLING_2013, ASKLING_2014),
    ),
    "calf-raise": Guide(
        trains="Calf and Achilles strength (soleus with a bent knee, gastrocnemius straight): running capacity.",
        setup=(
            "Stand with the balls of the feet on a step, heels free, a hand on a wall for balance.",
            "Loaded step: a dumbbell in the hand on the working side.",
        ),
        movement=(
            "Lower the heels below the step over about 2 s.",
            "Pause for 1 s at the bottom.",
            "Rise onto the toes as high as you can.",
            "Repeat straight-knee and bent-knee sets to train both calf muscles.",
        ),
        cues=("Push through the big toe.", "Full range: deep stretch to full height."),
        faults=("Bouncing at the bottom.", "Rolling out onto the little toes.", "Partial height at the top."),
        dose=_dose(
            "3x12-15 (conv.).",
            "3x8-12 single leg or loaded.",
            "2x8-10 single leg, 1 session a week.",
            "1-2x10, light.",
            "3x15 both legs, pain up to 5/10 allowed if it settles by the next morning.",
        ),
        safety=("Achilles pain that is worse the next morning: hold or regress the step.", PAIN_LIMIT),
        sources=(SILBERNAGEL, CONVENTION),
    ),
    "hip-thrust": Guide(
        trains="Concentric hip extension, mostly glutes with some hamstring, at short length.",
        setup=(
            "Sit with the upper back against a bench, feet flat, knees bent about 90 degrees at the top.",
            "Loaded step: a padded bar or plate across the hips.",
        ),
        movement=(
            "Lower the hips towards the floor over about 2 s.",
            "Pause for 1 s at the bottom.",
            "Drive through the heels until the thighs and trunk are level.",
        ),
        cues=("Chin tucked, eyes forward.", "Shins vertical at the top."),
        faults=("Arching the lower back at the top.", "Feet too far forward, so hamstrings cramp."),
        dose=_dose(
            "2-3x8-12 (conv.).",
            "3x4-8 loaded.",
            "2x5, 1 session a week.",
            "1-2x5, light.",
            "Bodyweight 2x10 once bridges are pain-free.",
        ),
        safety=(STOP_SHARP, "Pad the bar; stop if the lower back, not the hips, does the work."),
        sources=(CONTRERAS, BOURNE_2018, CONVENTION),
    ),
    "strides": Guide(
        trains="Fast running with relaxed form: exposure to high speed, the load a hamstring meets in a sprint.",
        setup=(
            "After an easy run or a full warm-up, on flat, even ground or a track, 80-100 m.",
            "Walk or jog back between strides.",
        ),
        movement=(
            "Build speed over the first 20-30 m.",
            "Hold the target speed, relaxed, for 20-40 m.",
            "Ease off gradually over the last 20 m; never stop suddenly.",
        ),
        cues=("Tall hips, quick feet under the body.", "Relaxed face and shoulders.", "Speed, not strain."),
        faults=("Overstriding: the foot lands far in front.", "Sprinting cold.", "Stopping abruptly."),
        dose=_dose(
            "4-6 strides at 70-85%, 1-2 times a week.",
            "6-8 strides up to 95%, 2 times a week.",
            "4-6 fast strides, 2 times a week.",
            "4 relaxed strides 1-2 days before the race.",
            "Staged: 50%, then 50-70%, 70-90%, then full speed, each pain-free; no full speed while insecure.",
        ),
        safety=(
            STOP_SHARP,
            "Most strains happen at high speed: only near-maximal when the previous step felt easy.",
            "After a strain, no full-speed running while you still feel insecure on the H-test.",
        ),
        sources=(MALONE, EDOUARD, HICKEY, HEIDERSCHEIT),
    ),
    "incline-accelerations": Guide(
        trains="Acceleration mechanics and hip-extension power with less hamstring stretch than flat sprinting.",
        setup=("A hill of gentle (about 4-6%) or steeper grade, 30-60 m, after a full warm-up.",),
        movement=(
            "From a jog, accelerate up the hill over 10-15 s.",
            "Lean from the ankles, drive the knees forward, push the ground back.",
            "Walk down to recover fully before the next one.",
        ),
        cues=("Short, powerful steps.", "Arms drive forward and back."),
        faults=("Bending at the waist instead of leaning from the ankles.", "Too little recovery."),
        dose=_dose(
            "4-6 x 10 s, 1 session a week.",
            "6-8 x 10-15 s.",
            "4-6 x 10 s, steeper.",
            "3-4 x 8 s, early in race week.",
            "A bridge between jogging and fast flat running, gentle hill, 70-90% effort.",
        ),
        safety=(STOP_SHARP, "Full recovery between reps: tired accelerations are when form breaks down."),
        sources=(MENDIGUCHIA, HEIDERSCHEIT, CONVENTION),
    ),
}
