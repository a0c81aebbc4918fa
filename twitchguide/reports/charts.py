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

from twitchguide.reports.body_chart import BODY_SPOTS, MIDLINE_REGIONS, body_map
from twitchguide.reports.grip_chart import GripSeries, grip_trend
from twitchguide.reports.svg import (
    ALERT,
    FONT,
    GRID,
    INK,
    LEFT_COLOUR,
    MUTED,
    NO_DATA,
    RIGHT_COLOUR,
    SHADE_LIMITS,
    SHADES,
    Canvas,
    Chart,
    shade,
    shade_legend,
)

__all__ = [
    "ALERT", "BODY_SPOTS", "FONT", "GRID", "INK", "LEFT_COLOUR", "MIDLINE_REGIONS", "MUTED",
    "NO_DATA", "RIGHT_COLOUR", "SHADES", "SHADE_LIMITS", "Chart", "Effect", "GripSeries",
    "WeekCount", "body_map", "calendar_heatmap", "episodes_per_week", "factor_effects",
    "grip_trend", "nice_ceiling", "shade",
]  # fmt: skip

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
    canvas = Canvas(max(width, 330), top + 7 * (cell + gap) + 22)
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
    shade_legend(canvas, left, canvas.height - 4, with_no_data=True)
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


# --- episodes per week ------------------------------------------------------------------------


FULL_WEEK = "#1764ab"
PART_WEEK = "#93c3df"


@dataclass(frozen=True)
class WeekCount:
    """One week of the period: its first day, episodes, and how many of its days were logged."""

    week_start: date
    episodes: int
    days_logged: int


def episodes_per_week(weeks: Sequence[WeekCount], *, width: float = 340) -> Chart:
    """Bars of episodes per week; a week with nothing logged is marked, not drawn as zero."""
    height, left, bottom, top = 124.0, 28.0, 22.0, 12.0
    canvas = Canvas(width, height)
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
            # A week with days missing is drawn lighter: its count is not a whole week's.
            colour = FULL_WEEK if week.days_logged >= 7 else PART_WEEK
            canvas.rect(x, top + plot_h - h, bar, h, colour)
        label_x = left + i * step
        if label_x - last_label_x >= 44 and (i == 0 or week.week_start.day <= 7 or n <= 8):
            canvas.text(label_x, height - 8, _short_date(week.week_start, n), size=7, fill=MUTED)
            last_label_x = label_x
    canvas.line(left, top + plot_h, left + plot_w, top + plot_h, INK, stroke_width=0.6)
    if any(0 < w.days_logged < 7 for w in weeks):
        canvas.rect(width - 112, 0, 8, 7, PART_WEEK)
        canvas.text(width - 101, 6.5, "fewer than 7 days logged", size=7, fill=MUTED)
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
    canvas = Canvas(width, height)
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
