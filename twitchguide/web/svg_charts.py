"""SVG charts drawn on the server: calendar heatmap, body map by frequency, effects, strength.

Each chart is a string of SVG with a <title> and role="img"; the page puts a sentence and a
table beside it, so no figure is read by colour alone.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from datetime import date
from html import escape
from typing import Any

from twitchguide.diary.vocabulary import label

# Sequential blues that stay readable with text over them; the darkest passes AA with white.
SHADES = ("#f1f4f8", "#c6dbef", "#85b4d9", "#3f7fb8", "#1c4f80")
INK = "#1b2430"
MUTED = "#4a5563"


def _shade(count: int, most: int) -> str:
    if count <= 0 or most <= 0:
        return SHADES[0]
    step = 1 + min(3, int(4 * (count - 1) / max(1, most)))
    return SHADES[step]


def _svg(width: int, height: int, title: str, body: Iterable[str]) -> str:
    return (
        f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {width} {height}" '
        f'width="{width}" height="{height}" role="img" class="chart">'
        f"<title>{escape(title)}</title>{''.join(body)}</svg>"
    )


def calendar_heatmap(counts: Sequence[tuple[date, int]]) -> str:
    """Weeks as columns (Monday at the top), one square per day, darker for more twitches."""
    if not counts:
        return _svg(200, 40, "No days to show", ['<text x="0" y="24">No days yet</text>'])
    cell, gap, left, top = 13, 2, 30, 18
    first = counts[0][0]
    offset = first.weekday()
    weeks = (offset + len(counts) + 6) // 7
    most = max(n for _, n in counts)
    width, height = left + weeks * (cell + gap), top + 7 * (cell + gap) + 26
    parts = []
    for row, name in ((0, "Mon"), (2, "Wed"), (4, "Fri"), (6, "Sun")):
        y = top + row * (cell + gap) + cell - 2
        parts.append(f'<text x="0" y="{y}" font-size="10" fill="{MUTED}">{name}</text>')
    last_month = None
    for index, (day, n) in enumerate(counts):
        slot = offset + index
        x, y = left + (slot // 7) * (cell + gap), top + (slot % 7) * (cell + gap)
        if day.month != last_month and day.day <= 7:
            parts.append(f'<text x="{x}" y="11" font-size="10" fill="{MUTED}">{day:%b}</text>')
            last_month = day.month
        words = f"{day:%a %d %b}: {n} twitch episode{'s' if n != 1 else ''}"
        parts.append(
            f'<rect x="{x}" y="{y}" width="{cell}" height="{cell}" rx="2" '
            f'fill="{_shade(n, most)}" stroke="#d0d7e0" stroke-width="0.5">'
            f"<title>{escape(words)}</title></rect>"
        )
    legend_y = top + 7 * (cell + gap) + 8
    parts.append(f'<text x="0" y="{legend_y + 10}" font-size="10" fill="{MUTED}">fewer</text>')
    for step, colour in enumerate(SHADES):
        parts.append(
            f'<rect x="{34 + step * 15}" y="{legend_y}" width="12" height="12" rx="2" '
            f'fill="{colour}" stroke="#d0d7e0" stroke-width="0.5"/>'
        )
    parts.append(f'<text x="112" y="{legend_y + 10}" font-size="10" fill="{MUTED}">more</text>')
    title = f"Calendar of twitch episodes per day, {first:%d %b %Y} to {counts[-1][0]:%d %b %Y}"
    return _svg(max(width, 150), height, title, parts)


def body_frequency(by_place: dict[tuple[str, str | None], int]) -> str:
    """The body map, each region shaded by its episodes, with the number written on it."""
    from twitchguide.web.bodymap import AREAS, HEAD_BACK, HEIGHT, SHORT_NAMES, WIDTH

    totals: dict[tuple[str, str | None], int] = {}
    for (region, side), n in by_place.items():
        key = (region, side if side in ("left", "right") else None)
        totals[key] = totals.get(key, 0) + n
    most = max(totals.values(), default=0)
    parts = []
    for column, view in enumerate(("front", "back")):
        dx = column * (WIDTH + 20)
        parts.append(
            f'<text x="{dx + WIDTH // 2}" y="{HEIGHT + 18}" text-anchor="middle" '
            f'font-size="14" fill="{INK}">{view}</text>'
        )
        if view == "back":
            x, y, w, h = HEAD_BACK
            parts.append(_ellipse(dx + x, y, w, h, SHADES[0]))
        for area in AREAS[view]:
            n = totals.get((area.region, area.side), 0)
            if area.side is None:
                n = sum(v for (r, _s), v in totals.items() if r == area.region)
            fill = _shade(n, most)
            shape = (
                _ellipse(dx + area.x, area.y, area.width, area.height, fill)
                if area.ellipse
                else f'<rect x="{dx + area.x}" y="{area.y}" width="{area.width}" '
                f'height="{area.height}" rx="9" fill="{fill}" stroke="#fff" stroke-width="3"/>'
            )
            parts.append(f"<g><title>{escape(area.name)}: {n}</title>{shape}")
            if n:
                ink = "#fff" if fill in SHADES[3:] else INK
                cx, cy = dx + area.x + area.width // 2, area.y + area.height // 2
                name = SHORT_NAMES.get(area.region, label(area.region))
                parts.append(
                    f'<text x="{cx}" y="{cy - 3}" text-anchor="middle" font-size="10" '
                    f'fill="{ink}">{escape(name)}</text>'
                    f'<text x="{cx}" y="{cy + 12}" text-anchor="middle" font-size="14" '
                    f'font-weight="bold" fill="{ink}">{n}</text>'
                )
            parts.append("</g>")
    return _svg(2 * WIDTH + 20, HEIGHT + 26, "Body map shaded by twitch episodes", parts)


def _ellipse(x: int, y: int, w: int, h: int, fill: str) -> str:
    return (
        f'<ellipse cx="{x + w // 2}" cy="{y + h // 2}" rx="{w // 2}" ry="{h // 2}" '
        f'fill="{fill}" stroke="#fff" stroke-width="3"/>'
    )


def factor_effects(results: Sequence[Any]) -> str:
    """A forest plot: each factor's rate ratio (dot) and 95% interval (bar), on a log scale."""
    import math

    if not results:
        return _svg(
            320, 40, "No factor effects yet",
            [f'<text x="0" y="24" fill="{MUTED}">Not enough logged days yet.</text>'],
        )  # fmt: skip
    row, left, plot = 34, 150, 180
    low = min(min(r.ci_low or r.rate_ratio for r in results), 0.5)
    high = max(max(r.ci_high or r.rate_ratio for r in results), 2.0)
    lo, hi = math.log(low), math.log(high)

    def x_of(value: float) -> float:
        return left + plot * (math.log(value) - lo) / (hi - lo)

    height = 30 + row * len(results)
    parts = [
        f'<line x1="{x_of(1):.1f}" y1="4" x2="{x_of(1):.1f}" y2="{height - 24}" '
        f'stroke="{MUTED}" stroke-dasharray="4 3"/>',
        f'<text x="{x_of(1):.1f}" y="{height - 8}" text-anchor="middle" font-size="10" '
        f'fill="{MUTED}">no difference (1×)</text>',
    ]
    for index, r in enumerate(results):
        y = 20 + index * row
        name = r.label + (" (day before)" if r.lag_days == 1 else "")
        parts.append(
            f'<text x="0" y="{y + 4}" font-size="12" fill="{INK}">{escape(name[:24])}</text>'
        )
        if r.ci_low is not None and r.ci_high is not None:
            parts.append(
                f'<line x1="{x_of(r.ci_low):.1f}" y1="{y}" x2="{x_of(r.ci_high):.1f}" y2="{y}" '
                f'stroke="{INK}" stroke-width="2"/>'
            )
        filled = r.evidence == "likely"
        parts.append(
            f'<circle cx="{x_of(r.rate_ratio):.1f}" cy="{y}" r="5" stroke="{INK}" '
            f'stroke-width="2" fill="{INK if filled else "#fff"}">'
            f"<title>{escape(name)}: {r.rate_ratio:.2f}×, {escape(r.evidence)}</title></circle>"
        )
        parts.append(
            f'<text x="{left + plot + 8}" y="{y + 4}" font-size="11" fill="{MUTED}">'
            f"{escape(r.evidence.replace('_', ' '))}</text>"
        )
    return _svg(left + plot + 100, height, "Rate ratios with 95% intervals", parts)


def strength_trend(*hands: Any) -> str:
    """Grip (kg) per check for each hand, with the band of normal check-to-check noise."""
    points = [(day, kg) for hand in hands for day, kg in hand.days]
    if not points:
        return _svg(
            320, 40, "No strength checks yet",
            [f'<text x="0" y="24" fill="{MUTED}">No grip checks logged yet.</text>'],
        )  # fmt: skip
    width, height, left, top, bottom = 340, 214, 40, 10, 44
    days = sorted({day for day, _ in points})
    first, span = days[0], max(1, (days[-1] - days[0]).days)
    kgs = [kg for _, kg in points] + [
        h.baseline_kg * (1 + s * (h.threshold_fraction or 0))
        for h in hands
        if h.baseline_kg
        for s in (-1, 1)
    ]
    low, high = min(kgs) * 0.95, max(kgs) * 1.05

    def x_of(day: date) -> float:
        return float(left + (width - left - 10) * (day - first).days / span)

    def y_of(kg: float) -> float:
        return float(top + (height - top - bottom) * (1 - (kg - low) / max(0.1, high - low)))

    parts = []
    styles = {"left": ("#1c4f80", ""), "right": ("#8a3b12", "6 4")}
    for hand in hands:
        colour, dash = styles.get(hand.hand, (INK, ""))
        if hand.baseline_kg and hand.threshold_fraction:
            band_low = hand.baseline_kg * (1 - hand.threshold_fraction)
            band_high = hand.baseline_kg * (1 + hand.threshold_fraction)
            parts.append(
                f'<rect x="{left}" y="{y_of(band_high):.1f}" width="{width - left - 10}" '
                f'height="{y_of(band_low) - y_of(band_high):.1f}" fill="{colour}" '
                'fill-opacity="0.12"><title>Normal day-to-day noise for the '
                f"{hand.hand} hand</title></rect>"
            )
        line = " ".join(f"{x_of(d):.1f},{y_of(kg):.1f}" for d, kg in hand.days)
        if line:
            parts.append(
                f'<polyline points="{line}" fill="none" stroke="{colour}" stroke-width="2" '
                f'stroke-dasharray="{dash}"/>'
            )
        for d, kg in hand.days:
            marker = "circle" if hand.hand == "left" else "rect"
            if marker == "circle":
                parts.append(
                    f'<circle cx="{x_of(d):.1f}" cy="{y_of(kg):.1f}" r="4" fill="{colour}"/>'
                )
            else:
                parts.append(
                    f'<rect x="{x_of(d) - 4:.1f}" y="{y_of(kg) - 4:.1f}" width="8" height="8" '
                    f'fill="{colour}"/>'
                )
    for kg in (low, (low + high) / 2, high):
        parts.append(
            f'<text x="0" y="{y_of(kg) + 4:.1f}" font-size="10" fill="{MUTED}">{kg:.0f} kg</text>'
        )
    parts.append(
        f'<text x="{left}" y="{height - 26}" font-size="10" fill="{MUTED}">{first:%d %b}</text>'
        f'<text x="{width - 10}" y="{height - 26}" text-anchor="end" font-size="10" '
        f'fill="{MUTED}">{days[-1]:%d %b}</text>'
        f'<circle cx="{left + 4}" cy="{height - 8}" r="4" fill="#1c4f80"/>'
        f'<text x="{left + 12}" y="{height - 4}" font-size="10" fill="{MUTED}">left hand</text>'
        f'<rect x="{left + 74}" y="{height - 12}" width="8" height="8" fill="#8a3b12"/>'
        f'<text x="{left + 86}" y="{height - 4}" font-size="10" fill="{MUTED}">right hand'
        " (dashed)</text>"
    )
    return _svg(width, height, "Grip strength per hand with its noise band", parts)


__all__ = ["body_frequency", "calendar_heatmap", "factor_effects", "label", "strength_trend"]
