"""The grip chart: each hand's daily grip and the band that normal measurement noise stays in."""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date

from twitchguide.reports.svg import (
    ALERT,
    GRID,
    INK,
    LEFT_COLOUR,
    MUTED,
    RIGHT_COLOUR,
    Canvas,
    Chart,
)


@dataclass(frozen=True)
class GripSeries:
    """One hand's daily grip (kg) and its noise band around the baseline, if there is one."""

    hand: str  # "left" | "right"
    days: tuple[tuple[date, float], ...]
    baseline_kg: float | None
    band_fraction: float | None
    declined: bool


def grip_trend(series: Sequence[GripSeries], *, width: float = 340, height: float = 130) -> Chart:
    """Grip per hand over time, with the band normal measurement noise would stay inside."""
    left, bottom, top = 30.0, 22.0, 16.0
    canvas = Canvas(width, height)
    plot_w, plot_h = width - left - 8, height - bottom - top
    days = [d for s in series for d, _ in s.days]
    values = [v for s in series for _, v in s.days]
    for s in series:
        if s.baseline_kg is not None and s.band_fraction is not None:
            values += [s.baseline_kg * (1 - s.band_fraction), s.baseline_kg * (1 + s.band_fraction)]
    if not days:
        canvas.text(width / 2, height / 2, "No grip checks logged", size=9, anchor="middle")
        alt = "No grip strength checks in this period."
        return Chart(
            "Grip strength", canvas.svg(alt), alt, ("day", "hand", "kg"), (), width, height
        )
    first, last = min(days), max(days)
    span_days = max((last - first).days, 1)
    lo = max(math.floor(min(values) / 10) * 10 - 10, 0)
    hi = math.ceil(max(values) / 10) * 10 + 10

    def x_at(day: date) -> float:
        return left + plot_w * (day - first).days / span_days

    def y_at(kg: float) -> float:
        return top + plot_h * (1 - (kg - lo) / (hi - lo))

    for tick in range(int(lo), int(hi) + 1, 10):
        canvas.line(left, y_at(tick), left + plot_w, y_at(tick), GRID, stroke_width=0.5)
        canvas.text(left - 3, y_at(tick) + 3, f"{tick:g}", size=7, anchor="end", fill=MUTED)
    canvas.text(2, 9, "kg", size=7, fill=MUTED)
    for s in series:
        colour = LEFT_COLOUR if s.hand == "left" else RIGHT_COLOUR
        if s.baseline_kg is not None and s.band_fraction is not None:
            band_top = y_at(s.baseline_kg * (1 + s.band_fraction))
            band_bottom = y_at(s.baseline_kg * (1 - s.band_fraction))
            canvas.rect(left, band_top, plot_w, band_bottom - band_top, colour, fill_opacity="0.13")
            y = y_at(s.baseline_kg)
            canvas.line(left, y, left + plot_w, y, colour, stroke_width=0.5, stroke_dasharray="3 2")
    for s in series:
        colour = LEFT_COLOUR if s.hand == "left" else RIGHT_COLOUR
        points = [(x_at(d), y_at(v)) for d, v in s.days]
        if len(points) > 1:
            canvas.polyline(points, colour, stroke_width=1.2)
        for px, py in points:
            if s.hand == "left":
                canvas.circle(px, py, 2.4, colour)
            else:
                canvas.rect(px - 2.2, py - 2.2, 4.4, 4.4, colour)
        if s.declined:
            # The two days that raised the flag get a red ring and a word, so it reads in grey too.
            for px, py in points[-2:]:
                canvas.circle(px, py, 4.6, "none", stroke=ALERT, stroke_width=1.1)
            px, py = points[-1]
            canvas.text(
                px - 6,
                py + 12,
                f"{s.hand}: below the noise band",
                size=7,
                anchor="end",
                fill=ALERT,
                bold=True,
            )
    canvas.line(left, top + plot_h, left + plot_w, top + plot_h, INK, stroke_width=0.6)
    canvas.text(left, height - 8, first.isoformat(), size=7, fill=MUTED)
    canvas.text(left + plot_w, height - 8, last.isoformat(), size=7, anchor="end", fill=MUTED)
    _grip_legend(canvas, left + 4, 10, series)
    rows = tuple((d.isoformat(), s.hand, f"{v:.1f}") for s in series for d, v in s.days)
    rows = tuple(sorted(rows))
    alt = (
        "Grip strength, mean of three trials, per hand: "
        + "; ".join(_grip_alt(s) for s in series if s.days)
        + "."
    )
    return Chart(
        "Grip strength", canvas.svg(alt), alt, ("day", "hand", "grip (kg)"), rows, width, height
    )


def _grip_legend(canvas: Canvas, x: float, y: float, series: Sequence[GripSeries]) -> None:
    cursor = x
    for s in series:
        colour = LEFT_COLOUR if s.hand == "left" else RIGHT_COLOUR
        if s.hand == "left":
            canvas.circle(cursor + 3, y - 3, 2.4, colour)
        else:
            canvas.rect(cursor + 0.8, y - 5.2, 4.4, 4.4, colour)
        canvas.text(cursor + 9, y, f"{s.hand} hand", size=7, fill=colour)
        cursor += 52
    canvas.rect(cursor, y - 7, 12, 7, MUTED, fill_opacity="0.2")
    canvas.text(cursor + 15, y, "normal noise (95%)", size=7, fill=MUTED)


def _grip_alt(s: GripSeries) -> str:
    first, last = s.days[0][1], s.days[-1][1]
    words = f"{s.hand} {first:.1f} kg to {last:.1f} kg over {len(s.days)} days"
    if s.declined:
        words += ", the last two below the noise band"
    elif s.baseline_kg is not None:
        words += ", within normal noise"
    return words
