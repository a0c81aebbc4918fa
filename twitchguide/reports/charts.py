"""The shared charts: plain data in, an SVG string with its text alternative and table out.

The web app puts the SVG on the page and the PDF embeds the same SVG as vectors, so the two can
never disagree. Only what fpdf2's SVG reader draws as vectors is used: rect, line, circle,
polyline and text with plain attributes (no CSS classes, no clip paths, no gradients, no
markers). Text uses the font family "DejaVu Sans", which the PDF registers under that name.
Every chart also has `alt` (one or two sentences a screen reader can say) and a table of its
figures, so no number lives only in a picture.
"""

from __future__ import annotations

import math
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import date, timedelta
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


class _Canvas:
    """Collects SVG elements; coordinates are SVG user units."""

    def __init__(self, width: float, height: float) -> None:
        self.width, self.height = width, height
        self.parts: list[str] = []

    def rect(self, x: float, y: float, w: float, h: float, fill: str, **extra: object) -> None:
        self.parts.append(
            f'<rect x="{x:.2f}" y="{y:.2f}" width="{max(w, 0):.2f}" height="{max(h, 0):.2f}" '
            f'fill="{fill}"{_attrs(extra)}/>'
        )

    def line(
        self, x1: float, y1: float, x2: float, y2: float, stroke: str, **extra: object
    ) -> None:
        self.parts.append(
            f'<line x1="{x1:.2f}" y1="{y1:.2f}" x2="{x2:.2f}" y2="{y2:.2f}" '
            f'stroke="{stroke}"{_attrs(extra)}/>'
        )

    def circle(self, cx: float, cy: float, r: float, fill: str, **extra: object) -> None:
        self.parts.append(
            f'<circle cx="{cx:.2f}" cy="{cy:.2f}" r="{r:.2f}" fill="{fill}"{_attrs(extra)}/>'
        )

    def polyline(self, points: Sequence[tuple[float, float]], stroke: str, **extra: object) -> None:
        joined = " ".join(f"{x:.2f},{y:.2f}" for x, y in points)
        self.parts.append(
            f'<polyline points="{joined}" fill="none" stroke="{stroke}"{_attrs(extra)}/>'
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


def _attrs(extra: Mapping[str, object]) -> str:
    return "".join(f' {name.replace("_", "-")}="{value}"' for name, value in extra.items())


def shade(count: int) -> str:
    """The fill for a day's or a place's count (0 is white: logged, no twitches)."""
    for limit, colour in zip(SHADE_LIMITS, SHADES, strict=False):
        if count <= limit:
            return colour
    return SHADES[-1]


def _shade_legend(canvas: _Canvas, x: float, y: float, *, with_no_data: bool) -> None:
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


# --- calendar heatmap -------------------------------------------------------------------------

CALENDAR_MAX_DAYS = 371  # 53 weeks: a year fits one row of weeks


def calendar_heatmap(
    counts: Mapping[date, int], logged: set[date], start: date, end: date
) -> Chart:
    """Episodes per day, one column per week (Monday on top); unlogged days are grey."""
    shown_start = max(start, end - timedelta(days=CALENDAR_MAX_DAYS - 1))
    first_monday = shown_start - timedelta(days=shown_start.weekday())
    weeks = (end - first_monday).days // 7 + 1
    cell, gap, left, top = 10.0, 2.0, 26.0, 16.0
    width = left + weeks * (cell + gap) + 18  # room for the last month's name
    canvas = _Canvas(max(width, 330), top + 7 * (cell + gap) + 22)
    for row, name in ((0, "Mon"), (2, "Wed"), (4, "Fri"), (6, "Sun")):
        canvas.text(left - 4, top + row * (cell + gap) + 8.5, name, size=7, anchor="end")
    day = shown_start
    last_month, last_label_x = 0, -100.0
    while day <= end:
        column = (day - first_monday).days // 7
        x = left + column * (cell + gap)
        y = top + day.weekday() * (cell + gap)
        if day in logged:
            canvas.rect(x, y, cell, cell, shade(counts.get(day, 0)), stroke=GRID, stroke_width=0.5)
        else:
            canvas.rect(x, y, cell, cell, NO_DATA)
        if day.month != last_month and day.day <= 7 and x - last_label_x >= 22:
            canvas.text(x, top - 4, day.strftime("%b"), size=7, fill=MUTED)
            last_month, last_label_x = day.month, x
        day += timedelta(days=1)
    _shade_legend(canvas, left, canvas.height - 4, with_no_data=True)
    rows = tuple(
        (d.isoformat(), str(counts.get(d, 0)) if d in logged else "not logged")
        for d in _days(start, end)
    )
    logged_days = sum(1 for d in _days(start, end) if d in logged)
    total = sum(n for d, n in counts.items() if start <= d <= end and d in logged)
    busiest = max(
        ((n, d) for d, n in counts.items() if start <= d <= end and d in logged and n),
        default=None,
    )
    alt = (
        f"Calendar of twitch episodes from {start.isoformat()} to {end.isoformat()}: "
        f"{total} episodes on {logged_days} logged days"
        + (f"; the most on {busiest[1].isoformat()} ({busiest[0]})." if busiest else ".")
    )
    if shown_start > start:
        alt += f" The picture shows the last {CALENDAR_MAX_DAYS} days; the table has all."
    return Chart(
        "Episodes per day",
        canvas.svg(alt),
        alt,
        ("day", "episodes"),
        rows,
        canvas.width,
        canvas.height,
    )


def _days(start: date, end: date) -> list[date]:
    return [start + timedelta(days=i) for i in range((end - start).days + 1)]


# --- body map ---------------------------------------------------------------------------------

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
    canvas = _Canvas(width, height)
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


def _silhouette(canvas: _Canvas, mid: float) -> None:
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


def _shade_legend_compact(canvas: _Canvas, x: float, y: float, peak: int) -> None:
    canvas.text(x, y, "fewer", size=9, fill=MUTED)
    cursor = x + 30
    for colour in SHADES[1:]:
        canvas.circle(cursor + 5, y - 3.5, 5, colour, stroke=INK, stroke_width=0.5)
        cursor += 13
    canvas.text(cursor + 2, y, f"more (up to {peak})", size=9, fill=MUTED)


# --- episodes per week ------------------------------------------------------------------------


@dataclass(frozen=True)
class WeekCount:
    """One week of the period: its first day, episodes, and how many of its days were logged."""

    week_start: date
    episodes: int
    days_logged: int


def episodes_per_week(weeks: Sequence[WeekCount], *, width: float = 340) -> Chart:
    """Bars of episodes per week; a week with nothing logged is marked, not drawn as zero."""
    height, left, bottom, top = 120.0, 28.0, 22.0, 8.0
    canvas = _Canvas(width, height)
    plot_w, plot_h = width - left - 6, height - bottom - top
    peak = max((w.episodes for w in weeks), default=0)
    ceiling = nice_ceiling(max(peak, 1))
    for tick in (0, ceiling / 2, ceiling):
        y = top + plot_h * (1 - tick / ceiling)
        canvas.line(left, y, left + plot_w, y, GRID, stroke_width=0.5)
        canvas.text(left - 3, y + 3, f"{tick:g}", size=7, anchor="end", fill=MUTED)
    n = max(len(weeks), 1)
    step = plot_w / n
    bar = max(step * 0.8, 0.8)
    last_label_x = -100.0
    for i, week in enumerate(weeks):
        x = left + i * step + (step - bar) / 2
        if week.days_logged == 0:
            canvas.rect(x, top + plot_h - 2, bar, 2, "#bbbbbb")
        else:
            h = plot_h * week.episodes / ceiling
            canvas.rect(x, top + plot_h - h, bar, h, "#1764ab")
        label_x = left + i * step
        if label_x - last_label_x >= 44 and (i == 0 or week.week_start.day <= 7 or n <= 8):
            canvas.text(label_x, height - 8, _short_date(week.week_start, n), size=7, fill=MUTED)
            last_label_x = label_x
    canvas.line(left, top + plot_h, left + plot_w, top + plot_h, INK, stroke_width=0.6)
    rows = tuple((w.week_start.isoformat(), str(w.episodes), str(w.days_logged)) for w in weeks)
    logged = [w for w in weeks if w.days_logged]
    alt = f"Episodes per week over {len(weeks)} weeks"
    if logged:
        alt += (
            f": first logged week {logged[0].episodes}, latest {logged[-1].episodes}, most {peak}."
        )
    else:
        alt += ": nothing logged."
    return Chart(
        "Episodes per week",
        canvas.svg(alt),
        alt,
        ("week starting", "episodes", "days logged"),
        rows,
        width,
        height,
    )


def _short_date(day: date, n_weeks: int) -> str:
    return day.strftime("%b %Y") if n_weeks > 30 else f"{day.day} {day.strftime('%b')}"


def nice_ceiling(value: float) -> float:
    """The smallest round number (1, 2, 2.5, 3, 4, 5, 6 or 8 times a power of ten) >= `value`."""
    if value <= 0:
        return 1.0
    power = 10 ** math.floor(math.log10(value))
    for step in (1, 2, 2.5, 3, 4, 5, 6, 8, 10):
        if step * power >= value:
            return float(step * power)
    return float(10 * power)


# --- factor effects ---------------------------------------------------------------------------


@dataclass(frozen=True)
class Effect:
    """One factor's rate ratio with its 95% interval and evidence label, for the forest chart."""

    label: str
    rate_ratio: float
    ci_low: float
    ci_high: float
    evidence: str  # shown as written, e.g. "likely", "possible", "no clear link"


def factor_effects(effects: Sequence[Effect], *, width: float = 340) -> Chart:
    """Rate ratios on a log scale with their 95% intervals; 1 means no difference."""
    row_h, top, label_w, evidence_w = 15.0, 16.0, 118.0, 62.0
    height = top + row_h * max(len(effects), 1) + 20
    canvas = _Canvas(width, height)
    x0, x1 = label_w, width - evidence_w
    low = min([0.5, *(e.ci_low for e in effects)])
    high = max([2.0, *(e.ci_high for e in effects)])
    low, high = max(low, 0.2), min(high, 5.0)
    span = math.log(high) - math.log(low)

    def at(ratio: float) -> float:
        clamped = min(max(ratio, low), high)
        return x0 + (x1 - x0) * (math.log(clamped) - math.log(low)) / span

    for tick in (0.25, 0.5, 1.0, 2.0, 4.0):
        if low <= tick <= high:
            canvas.line(at(tick), top - 4, at(tick), height - 18, GRID, stroke_width=0.5)
            canvas.text(at(tick), height - 8, f"{tick:g}×", size=7, anchor="middle", fill=MUTED)
    canvas.line(at(1.0), top - 4, at(1.0), height - 18, INK, stroke_width=0.7)
    canvas.text(x0 + 2, 9, "fewer twitches", size=7, fill=MUTED)
    canvas.text(x1 - 2, 9, "more twitches", size=7, anchor="end", fill=MUTED)
    canvas.text(width - 2, 9, "evidence", size=7, anchor="end", fill=MUTED)
    for i, effect in enumerate(effects):
        y = top + i * row_h + row_h / 2
        colour = ALERT if effect.evidence == "likely" else INK
        canvas.text(label_w - 6, y + 3, _fit(effect.label, 22), size=8, anchor="end")
        canvas.line(at(effect.ci_low), y, at(effect.ci_high), y, colour, stroke_width=1.2)
        canvas.circle(at(effect.rate_ratio), y, 2.8, colour)
        canvas.text(width - 2, y + 3, effect.evidence, size=8, anchor="end", fill=colour)
    if not effects:
        canvas.text(width / 2, top + 10, "No factor to show yet", size=8, anchor="middle")
    rows = tuple(
        (e.label, f"{e.rate_ratio:.2f}", f"{e.ci_low:.2f}–{e.ci_high:.2f}", e.evidence)
        for e in effects
    )
    alt = (
        "Factors and how many twitch episodes went with them, as rate ratios with 95% "
        "intervals (1 means no difference): "
        + ("; ".join(f"{r[0]} {r[1]} ({r[2]}, {r[3]})" for r in rows) or "none yet")
        + ". These are associations, not causes."
    )
    return Chart(
        "What goes with more or fewer twitches",
        canvas.svg(alt),
        alt,
        ("factor", "rate ratio", "95% interval", "evidence"),
        rows,
        width,
        height,
    )


def _fit(words: str, limit: int) -> str:
    return words if len(words) <= limit else words[: limit - 1].rstrip() + "…"


# --- grip trend -------------------------------------------------------------------------------


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
    canvas = _Canvas(width, height)
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


def _grip_legend(canvas: _Canvas, x: float, y: float, series: Sequence[GripSeries]) -> None:
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
