"""The SVG drawing the charts share: a canvas of plain elements, the colours and the Chart type.

Only what fpdf2's SVG reader draws as vectors is used: rect, line, circle, polyline and text with
plain attributes (no CSS classes, no clip paths, no gradients, no markers).
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from xml.sax.saxutils import escape, quoteattr

FONT = "DejaVu Sans"
INK = "#222222"
MUTED = "#666666"
GRID = "#d9d9d9"
NO_DATA = "#eeeeee"
LEFT_COLOUR = "#1f5fa8"
RIGHT_COLOUR = "#c0561b"
ALERT = "#b3261e"
# Light to dark blue for counts; the first is "logged, no twitches".
SHADES = ("#ffffff", "#cfe1f2", "#93c3df", "#4a98c9", "#1764ab", "#08306b")
SHADE_LIMITS = (0, 2, 5, 10, 20)  # upper bounds of the first five shades; above: the last


@dataclass(frozen=True)
class Chart:
    """One drawn chart: the SVG, what it shows in words, and the figures as a table."""

    title: str
    svg: str
    alt: str
    columns: tuple[str, ...]
    rows: tuple[tuple[str, ...], ...]
    width: float
    height: float


class Canvas:
    """Collects SVG elements; coordinates are SVG user units."""

    def __init__(self, width: float, height: float) -> None:
        self.width, self.height = width, height
        self.parts: list[str] = []

    def rect(self, x: float, y: float, w: float, h: float, fill: str, **extra: object) -> None:
        self.parts.append(
            f'<rect x="{x:.2f}" y="{y:.2f}" width="{max(w, 0):.2f}" height="{max(h, 0):.2f}" '
            f'fill="{fill}"{attrs(extra)}/>'
        )

    def line(
        self, x1: float, y1: float, x2: float, y2: float, stroke: str, **extra: object
    ) -> None:
        self.parts.append(
            f'<line x1="{x1:.2f}" y1="{y1:.2f}" x2="{x2:.2f}" y2="{y2:.2f}" '
            f'stroke="{stroke}"{attrs(extra)}/>'
        )

    def circle(self, cx: float, cy: float, r: float, fill: str, **extra: object) -> None:
        self.parts.append(
            f'<circle cx="{cx:.2f}" cy="{cy:.2f}" r="{r:.2f}" fill="{fill}"{attrs(extra)}/>'
        )

    def polyline(self, points: Sequence[tuple[float, float]], stroke: str, **extra: object) -> None:
        joined = " ".join(f"{x:.2f},{y:.2f}" for x, y in points)
        self.parts.append(
            f'<polyline points="{joined}" fill="none" stroke="{stroke}"{attrs(extra)}/>'
        )

    def text(
        self,
        x: float,
        y: float,
        words: str,
        *,
        size: float = 10,
        anchor: str = "start",
        fill: str = INK,
        bold: bool = False,
    ) -> None:
        weight = ' font-weight="bold"' if bold else ""
        self.parts.append(
            f'<text x="{x:.2f}" y="{y:.2f}" font-family="{FONT}" font-size="{size:g}" '
            f'text-anchor="{anchor}" fill="{fill}"{weight}>{escape(words)}</text>'
        )

    def svg(self, label: str) -> str:
        body = "".join(self.parts)
        return (
            f'<svg xmlns="http://www.w3.org/2000/svg" width="{self.width:g}" '
            f'height="{self.height:g}" viewBox="0 0 {self.width:g} {self.height:g}" '
            f'role="img" aria-label={quoteattr(label)}>{body}</svg>'
        )


def attrs(extra: Mapping[str, object]) -> str:
    return "".join(f' {name.replace("_", "-")}="{value}"' for name, value in extra.items())


def shade(count: int) -> str:
    """The fill for a day's or a place's count (0 is white: logged, no twitches)."""
    for limit, colour in zip(SHADE_LIMITS, SHADES, strict=False):
        if count <= limit:
            return colour
    return SHADES[-1]


def shade_legend(canvas: Canvas, x: float, y: float, *, with_no_data: bool) -> None:
    labels = ["0", "1–2", "3–5", "6–10", "11–20", "21+"]
    cursor = x
    if with_no_data:
        canvas.rect(cursor, y - 8, 9, 9, NO_DATA, stroke=GRID, stroke_width=0.5)
        canvas.text(cursor + 12, y, "not logged", size=8, fill=MUTED)
        cursor += 62
    for label, colour in zip(labels, SHADES, strict=True):
        canvas.rect(cursor, y - 8, 9, 9, colour, stroke=GRID, stroke_width=0.5)
        canvas.text(cursor + 12, y, label, size=8, fill=MUTED)
        cursor += 16 + 5.2 * len(label)
