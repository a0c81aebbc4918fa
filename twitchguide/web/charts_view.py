"""The insights page's four charts, drawn by `twitchguide.reports.charts` (the PDF draws the same
ones), each with its sentence and its table.

This module only hands each chart its figures from the insights overview.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from typing import Any

from markupsafe import Markup

from twitchguide.diary.vocabulary import label


@dataclass
class ChartView:
    """One chart: its id and heading, the SVG, the sentence that says what it shows, its table."""

    id: str
    heading: str
    svg: Markup
    summary: str
    columns: tuple[str, ...]
    rows: list[tuple[Any, ...]]


def insight_views(report: Any, timeline: Any) -> list[ChartView]:
    """Calendar, body map, factor effects and grip trend for one period."""
    from twitchguide.reports import charts

    counts = {day.day: len(day.episodes) for day in timeline.days}
    logged = {day.day for day in timeline.days}
    calendar = charts.calendar_heatmap(counts, logged, timeline.since, timeline.until)
    calendar_rows = [row for row in reversed(calendar.rows) if row[1] != "not logged"]

    places = Counter((e.region, e.side) for day in timeline.days for e in day.episodes)
    body = charts.body_map(places)

    results = [r for r in report.triggers.results if r.rate_ratio is not None]
    results.sort(key=lambda r: (r.evidence != "likely", r.evidence != "possible"))
    effects = charts.factor_effects(
        [
            charts.Effect(
                r.label + (" (day before)" if r.lag_days == 1 else ""),
                r.rate_ratio,
                r.ci_low if r.ci_low is not None else r.rate_ratio,
                r.ci_high if r.ci_high is not None else r.rate_ratio,
                label(r.evidence),
            )
            for r in results
        ]
    )
    effect_rows = [
        (
            r.label + (" (the day before)" if r.lag_days == 1 else ""),
            r.contrast,
            f"{r.rate_ratio:.2f}" if r.rate_ratio is not None else "–",
            f"{r.ci_low:.2f} to {r.ci_high:.2f}" if r.ci_low is not None else "–",
            label(r.evidence),
            r.wording,
        )
        for r in report.triggers.results
    ]

    grip = report.strength.grip
    series = [
        charts.GripSeries(h.hand, h.days, h.baseline_kg, h.threshold_fraction, h.declined)
        for h in (grip.right, grip.left)
        if h.days
    ]
    strength = charts.grip_trend(series)
    return [
        ChartView(
            "calendar", "Twitches by day", Markup(calendar.svg), calendar.alt,
            ("Day", "Twitch episodes"), calendar_rows,
        ),
        ChartView(
            "bodymap", "Where it twitches", Markup(body.svg), body.alt,
            tuple(c.capitalize() for c in body.columns), list(body.rows),
        ),
        ChartView(
            "factors", "What goes with more or fewer twitches", Markup(effects.svg),
            report.triggers.summary or effects.alt,
            ("Factor", "Compared", "Rate ratio", "95% interval", "Evidence", "What it means"),
            effect_rows,
        ),
        ChartView(
            "strength", "Grip strength over time", Markup(strength.svg),
            report.strength.wording + " " + strength.alt,
            tuple(c.capitalize() for c in strength.columns), list(strength.rows),
        ),
    ]  # fmt: skip
