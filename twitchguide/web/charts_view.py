"""The insights page's four charts, each with its text alternative and its table view.

The SVG drawing lives in `twitchguide.reports.charts` (shared with the PDF report) when that
module is present; this module only gathers each chart's rows and picks the drawing.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from datetime import timedelta
from typing import Any

from markupsafe import Markup

from twitchguide.diary.vocabulary import label


@dataclass
class ChartView:
    """One chart: its heading, its SVG, the sentence that says what it shows, and its table."""

    id: str
    heading: str
    svg: Markup
    summary: str
    columns: tuple[str, ...]
    rows: list[tuple[Any, ...]]


def insight_views(report: Any, timeline: Any) -> list[ChartView]:
    """The four charts of one period: calendar, body map, factor effects, strength trend."""
    from twitchguide.web import svg_charts

    first, today = timeline.since, timeline.until
    per_day = {day.day: len(day.episodes) for day in timeline.days}
    days = [first + timedelta(days=n) for n in range((today - first).days + 1)]
    counts = [(day, per_day.get(day, 0)) for day in days]
    busiest = max(counts, key=lambda pair: pair[1], default=(today, 0))
    total = sum(n for _, n in counts)
    heat = ChartView(
        "calendar",
        "Twitches by day",
        Markup(svg_charts.calendar_heatmap(counts)),
        (
            f"{total} twitch episodes from {first:%d %B %Y} to {today:%d %B %Y}; "
            f"the busiest day was {busiest[0]:%d %B} with {busiest[1]}."
            if total
            else f"No twitches logged from {first:%d %B %Y} to {today:%d %B %Y}."
        ),
        ("Day", "Twitch episodes"),
        [(f"{day:%a %d %b %Y}", n) for day, n in reversed(counts) if n],
    )

    by_place = Counter((e.region, e.side) for day in timeline.days for e in day.episodes)
    regions = report.patterns.by_region
    body = ChartView(
        "bodymap",
        "Where it twitches",
        Markup(svg_charts.body_frequency(by_place)),
        (
            "Most often: "
            + ", ".join(f"{label(r.region)} ({r.episodes})" for r in regions[:3])
            + "."
            if regions
            else "No twitches logged in this period."
        ),
        ("Place", "Side", "Twitch episodes"),
        [
            (label(region), side or "–", n)
            for (region, side), n in sorted(by_place.items(), key=lambda item: -item[1])
        ],
    )

    shown = [r for r in report.triggers.results if r.rate_ratio is not None]
    factors = ChartView(
        "factors",
        "What goes with more or fewer twitches",
        Markup(svg_charts.factor_effects(shown)),
        report.triggers.summary
        or "Each line is a factor: the dot is the best estimate, the bar how sure we can be.",
        ("Factor", "Compared", "Rate ratio", "95% interval", "Evidence", "What it means"),
        [
            (
                r.label + (" (the day before)" if r.lag_days == 1 else ""),
                r.contrast,
                f"{r.rate_ratio:.2f}" if r.rate_ratio is not None else "–",
                f"{r.ci_low:.2f} to {r.ci_high:.2f}" if r.ci_low is not None else "–",
                r.evidence.replace("_", " "),
                r.wording,
            )
            for r in report.triggers.results
        ],
    )

    grip = report.strength.grip
    strength_rows = [
        (f"{day:%d %b %Y}", hand.hand, f"{kg:.1f}")
        for hand in (grip.left, grip.right)
        for day, kg in hand.days
    ]
    strength = ChartView(
        "strength",
        "Grip strength over time",
        Markup(svg_charts.strength_trend(grip.left, grip.right)),
        report.strength.wording,
        ("Day", "Hand", "Grip (kg, mean of 3)"),
        strength_rows,
    )
    return [heat, body, factors, strength]
