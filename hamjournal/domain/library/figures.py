r"""Side-view stick figures of an exercise's start and end poses, for the library and the tempo player.

The start pose (fraction 0.0) is where the tempo's lowering phase begins: the top of a rep, or the resting
pose of an isometric hold. The end pose (1.0) is where the lowering ends: the bottom of a rep, or the
holding pose. `tempo.PhaseState.position` follows the same convention, so the player shows
`figure_at(exercise.figure, state.position)`. Figures face right and stand on a floor line of `~`.
"""

from __future__ import annotations

import math

# Every frame is padded to this many lines and to the widest line of its exercise, so the player's figure
# never jumps or changes size between frames.
FIGURE_HEIGHT = 9
MAX_WIDTH = 30

# Frames from start to end; the middle ones are in-between poses.
_RAW: dict[str, tuple[str, ...]] = {
    "nordic": (
        r"""
          O
         /|\
          |
          |
          |
          |
 [#]======o
~~~~~~~~~~~~~~~~~~~~~~~~~~
""",
        r"""
                O
               /
              /|
             / |
            /
           /
 [#]======o
~~~~~~~~~~~~~~~~~~~~~~~~~~
""",
        r"""



            ___________O
 [#]======o/        ||
~~~~~~~~~~~~~~~~~~~~~~~~~~
""",
    ),
    "bridge": (
        r"""

                 .
             _.-' \
         _.-'      \
 O___.-''           \_
~~~~~~~~~~~~~~~~~~~~~~~~
""",
        r"""


              _.
        __.-''  \
 O___.-'         \_
~~~~~~~~~~~~~~~~~~~~~~~~
""",
        r"""


             /\
            /  \
 O_________/    \_
~~~~~~~~~~~~~~~~~~~~~~~~
""",
    ),
    "sl-rdl": (
        r"""
        O
       /|\
        |
        |
       /|
      / |
        |
       _|_
~~~~~~~~~~~~~~~~~~~~
""",
        r"""

            O
           /|
          / |
   `--.__/
        |
        |
       _|_
~~~~~~~~~~~~~~~~~~~~
""",
        r"""


 _______.______O
        |     ||
        |
        |
       _|_
~~~~~~~~~~~~~~~~~~~~
""",
    ),
    "iso-hold": (
        r"""

             .--.
            /    '--.__
           /         |##|
 O________/          |##|
~~~~~~~~~~~~~~~~~~~~~~~~~~
""",
        r"""

             __.-.
       __.--'     '-._
  __.-'              |##|
 O                   |##|
~~~~~~~~~~~~~~~~~~~~~~~~~~
""",
    ),
    "split-squat": (
        r"""
        O
       /|\
        |
        |
       / \
      /   \
     /     \
    '       \_
~~~~~~~~~~~~~~~~~~
""",
        r"""

        O
       /|\
        |
        |
       / \
      /   \_
    _/     |_
~~~~~~~~~~~~~~~~~~
""",
        r"""


        O
       /|\
        |
        |___
        |   |
    ____'   |_
~~~~~~~~~~~~~~~~~~
""",
    ),
}


def _normalise(frames: tuple[str, ...]) -> tuple[str, ...]:
    """Strip the source's surrounding newlines, pad on top to FIGURE_HEIGHT and every line to one width."""
    split = [frame.strip("\n").split("\n") for frame in frames]
    width = max(len(line) for lines in split for line in lines)
    padded = []
    for lines in split:
        lines = [""] * (FIGURE_HEIGHT - len(lines)) + lines
        padded.append("\n".join(line.ljust(width) for line in lines))
    return tuple(padded)


# Normalised frames by slug, for the exercise records (`Exercise.figure`); read a figure from its record.
FIGURES: dict[str, tuple[str, ...]] = {slug: _normalise(frames) for slug, frames in _RAW.items()}


def start_figure(frames: tuple[str, ...]) -> str | None:
    """The start pose of an exercise's figure (`Exercise.figure`), or None when it has no figure."""
    return frames[0] if frames else None


def end_figure(frames: tuple[str, ...]) -> str | None:
    """The end pose of an exercise's figure (`Exercise.figure`), or None when it has no figure."""
    return frames[-1] if frames else None


def figure_at(frames: tuple[str, ...], fraction: float) -> str | None:
    """The frame nearest `fraction` of the way from start (0.0) to end (1.0); None without a figure.

    Fractions outside 0-1 are clamped so a player that overshoots a phase by a tick still draws a pose.
    """
    if not frames:
        return None
    if math.isnan(fraction):
        raise ValueError("figure fraction must be a number from 0 to 1, got NaN")
    clamped = min(1.0, max(0.0, fraction))
    return frames[round(clamped * (len(frames) - 1))]
