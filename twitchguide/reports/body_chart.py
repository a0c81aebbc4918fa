"""The body map: where twitching happens, shaded by episodes, the person's left and right apart."""

from __future__ import annotations

import math
from collections.abc import Mapping

from twitchguide.reports.svg import INK, MUTED, SHADES, Canvas, Chart

# (horizontal offset from the midline, height) of each region on a front view, 200 x 280 units.
# The person's right is on the viewer's left, as on a clinician's body chart.
BODY_SPOTS: dict[str, tuple[float, float]] = {
    "eyelid": (7, 28),
    "face": (13, 36),
    "lip": (4, 44),
    "tongue": (0, 40),
    "jaw": (12, 46),
    "neck": (6, 58),
    "shoulder": (27, 69),
    "upper_arm": (35, 90),
    "elbow": (39, 108),
    "forearm": (42, 124),
    "wrist": (45, 140),
    "hand": (47, 151),
    "thumb": (40, 158),
    "fingers": (49, 164),
    "chest": (11, 86),
    "abdomen": (9, 116),
    "back": (20, 103),
    "buttock": (11, 140),
    "hip": (21, 134),
    "thigh": (14, 166),
    "knee": (14, 194),
    "calf": (20, 213),
    "shin": (10, 221),
    "ankle": (14, 240),
    "foot": (14, 251),
    "toes": (14, 262),
}
# Places where "no side" or "midline" is a real answer: drawn on the midline.
MIDLINE_REGIONS = frozenset({"tongue", "lip", "neck", "chest", "abdomen", "back", "jaw", "face"})


def body_map(counts: Mapping[tuple[str, str | None], int]) -> Chart:
    """Where twitching happens, shaded by episodes, left and right apart.

    `counts` maps (region, side) to episodes; side is left, right, both, midline or None.
    "both" shades each side; an unsided episode in a limb is in the table only, said in alt.
    """
    width, height, mid = 200.0, 290.0, 100.0
    canvas = Canvas(width, height)
    _silhouette(canvas, mid)
    canvas.text(mid - 60, 14, "Right", size=12, anchor="middle", bold=True)
    canvas.text(mid + 60, 14, "Left", size=12, anchor="middle", bold=True)
    spots: dict[tuple[str, str], int] = {}
    unplaced = 0
    whole = sum(n for (region, _), n in counts.items() if region not in BODY_SPOTS)
    for (region, side), n in counts.items():
        if region not in BODY_SPOTS or n <= 0:
            continue
        targets: list[str]
        if side in ("left", "right"):
            targets = [side]
        elif side == "both":
            targets = ["left", "right"]
        elif region in MIDLINE_REGIONS:
            targets = ["mid"]
        else:
            unplaced += n
            continue
        for target in targets:
            spots[(region, target)] = spots.get((region, target), 0) + n
    # Shades are relative to the busiest spot, so a year of data still tells places apart.
    peak = max(spots.values(), default=0)
    for (region, target), n in sorted(spots.items(), key=lambda item: item[1]):
        dx, y = BODY_SPOTS[region]
        x = mid + {"right": -dx, "left": dx, "mid": 0.0}[target]
        level = max(1, math.ceil(5 * n / peak))
        canvas.circle(x, y, 5.2, SHADES[level], stroke=INK, stroke_width=0.6)
    if peak:
        _shade_legend_compact(canvas, 6, height - 6, peak)
    if whole:
        canvas.text(mid, height - 20, f"whole body: {whole}", size=9, anchor="middle", fill=MUTED)
    rows = _body_rows(counts)
    total = sum(counts.values())
    left = sum(n for (_, s), n in counts.items() if s == "left")
    right = sum(n for (_, s), n in counts.items() if s == "right")
    top = rows[:3]
    alt = (
        f"Body map of {total} episodes: right side {right}, left side {left}"
        + (f"; most often {', '.join(f'{r[0]} ({r[-1]})' for r in top)}" if top else "")
        + "."
    )
    if unplaced:
        alt += f" {unplaced} episodes in a limb with no side given are in the table only."
    if whole:
        alt += f" {whole} episodes over the whole body or no one place are in the table only."
    return Chart(
        "Where it twitches",
        canvas.svg(alt),
        alt,
        ("place", "right", "left", "both", "no side", "total"),
        tuple(rows),
        width,
        height,
    )


def _body_rows(counts: Mapping[tuple[str, str | None], int]) -> list[tuple[str, ...]]:
    by_region: dict[str, dict[str, int]] = {}
    for (region, side), n in counts.items():
        key = side if side in ("left", "right", "both") else "none"
        by_region.setdefault(region, {}).setdefault(key, 0)
        by_region[region][key] += n
    ordered = sorted(by_region.items(), key=lambda item: -sum(item[1].values()))
    return [
        (
            region.replace("_", " "),
            str(sides.get("right", 0)),
            str(sides.get("left", 0)),
            str(sides.get("both", 0)),
            str(sides.get("none", 0)),
            str(sum(sides.values())),
        )
        for region, sides in ordered
    ]


def _silhouette(canvas: Canvas, mid: float) -> None:
    body = "#e4e4e4"
    canvas.circle(mid, 34, 18, body)
    canvas.rect(mid - 6, 50, 12, 12, body)
    canvas.rect(mid - 26, 60, 52, 84, body, rx=10)
    for sign in (-1, 1):
        arm = [(mid + sign * 26, 68), (mid + sign * 39, 108), (mid + sign * 46, 152)]
        canvas.polyline(arm, body, stroke_width=12, stroke_linecap="round", stroke_linejoin="round")
        leg = [(mid + sign * 14, 140), (mid + sign * 14, 196), (mid + sign * 14, 252)]
        canvas.polyline(leg, body, stroke_width=17, stroke_linecap="round", stroke_linejoin="round")
        canvas.rect(mid + sign * 14 - 8, 248, 16, 17, body, rx=4)


def _shade_legend_compact(canvas: Canvas, x: float, y: float, peak: int) -> None:
    canvas.text(x, y, "fewer", size=9, fill=MUTED)
    cursor = x + 30
    for colour in SHADES[1:]:
        canvas.circle(cursor + 5, y - 3.5, 5, colour, stroke=INK, stroke_width=0.5)
        cursor += 13
    canvas.text(cursor + 2, y, f"more (up to {peak})", size=9, fill=MUTED)
