"""The body map: front and back figures whose regions are links, each at least 44 px square.

Coordinates are CSS pixels (the SVG is drawn at its own size, never shrunk), so every target
keeps its size on a 360 px phone. Front view: the person faces you, so their right is on your
left. Small places (eyelid, lip, fingers...) are buttons under the figures instead.
"""

from __future__ import annotations

from dataclasses import dataclass

from twitchguide.diary.vocabulary import label

WIDTH, HEIGHT = 300, 580
MIN_TARGET = 44


@dataclass(frozen=True)
class Area:
    """One tappable region of one view."""

    view: str  # "front" | "back"
    region: str
    side: str | None  # None for a midline region
    x: int
    y: int
    width: int
    height: int
    ellipse: bool = False

    @property
    def name(self) -> str:
        words = label(self.region)
        return f"{self.side} {words}" if self.side else words

    @property
    def key(self) -> str:
        return f"{self.region}:{self.side or ''}"


# (region, x of the figure's right-hand-side column on the front view, y, width, height)
_LIMBS: tuple[tuple[str, int, int, int, int], ...] = (
    ("shoulder", 56, 138, 50, 44),
    ("upper_arm", 56, 182, 48, 58),
    ("elbow", 56, 240, 48, 44),
    ("forearm", 56, 284, 48, 56),
    ("wrist", 56, 340, 48, 44),
    ("hand", 52, 384, 54, 56),
    ("thigh", 106, 334, 44, 86),
    ("knee", 106, 420, 44, 44),
)


def _mirror(x: int, width: int) -> int:
    return WIDTH - x - width


def _paired(view: str, region: str, x: int, y: int, w: int, h: int) -> list[Area]:
    # Front: the person's right is on the viewer's left. Back: their right is on the right.
    near, far = ("right", "left") if view == "front" else ("left", "right")
    return [
        Area(view, region, near, x, y, w, h),
        Area(view, region, far, _mirror(x, w), y, w, h),
    ]


def _front() -> list[Area]:
    areas = [
        Area("front", "face", None, 114, 6, 72, 88, ellipse=True),
        Area("front", "neck", None, 126, 94, 48, 44),
        Area("front", "chest", None, 106, 138, 88, 80),
        Area("front", "abdomen", None, 106, 218, 88, 72),
    ]
    for region, x, y, w, h in _LIMBS:
        areas += _paired("front", region, x, y, w, h)
    areas += _paired("front", "hip", 106, 290, 44, 44)
    areas += _paired("front", "shin", 106, 464, 44, 66)
    areas += _paired("front", "foot", 100, 530, 50, 44)
    return areas


def _back() -> list[Area]:
    areas = [
        Area("back", "neck", None, 126, 94, 48, 44),
        Area("back", "back", None, 106, 138, 88, 152),
    ]
    for region, x, y, w, h in _LIMBS:
        areas += _paired("back", region, x, y, w, h)
    areas += _paired("back", "buttock", 106, 290, 44, 44)
    areas += _paired("back", "calf", 106, 464, 44, 66)
    areas += _paired("back", "foot", 100, 530, 50, 44)
    return areas


AREAS: dict[str, list[Area]] = {"front": _front(), "back": _back()}

# The back of the head is drawn but is not a diary region.
HEAD_BACK = (114, 6, 72, 88)

# Buttons under the figures: the two commonest places first (an eyelid is too small to tap on
# a figure, and a calf is on the back view), then places too small for a figure, head to toe.
QUICK_PLACES: tuple[str, ...] = (
    "eyelid",
    "calf",
    "lip",
    "tongue",
    "jaw",
    "thumb",
    "fingers",
    "ankle",
    "toes",
)

# Regions that have a left and a right (the quick log then asks which side).
PAIRED: frozenset[str] = frozenset(
    {area.region for view in AREAS.values() for area in view if area.side}
    | {"eyelid", "thumb", "fingers", "ankle", "toes"}
)

# Words written on the figure's regions (the link's own name is the full one).
SHORT_NAMES: dict[str, str] = {
    "upper_arm": "arm",
    "abdomen": "belly",
    "forearm": "fore-arm",
    "buttock": "bottom",
}
