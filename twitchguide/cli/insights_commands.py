"""`twitchguide insights` and `twitchguide plan`: parse the period, call one function, render."""

from __future__ import annotations

from typing import TYPE_CHECKING

import click

from twitchguide.cli.context import action_context, json_option
from twitchguide.cli.output import echo_json
from twitchguide.wording import counted

if TYPE_CHECKING:
    from twitchguide.insights.plan import ReliefPlan
    from twitchguide.insights.report import Insights
    from twitchguide.insights.triggers import TriggerResult

_since_option = click.option(
    "--since",
    default="all",
    show_default=True,
    help="Period to analyse: all, or e.g. 90d, 12w, 2026-06-01.",
)
_EVIDENCE_TITLES = (
    ("likely", "Likely links"),
    ("possible", "Possible links (keep logging)"),
)


@click.command()
@_since_option
@json_option
@click.pass_context
def insights(ctx: click.Context, since: str, as_json: bool) -> None:
    """What goes with more twitching, how sure we can be, and your patterns and strength trend."""
    from twitchguide.actions.insights import insights as build

    shown = build(action_context(ctx), since)
    if as_json:
        echo_json(shown.to_json())
    else:
        click.echo(render_insights(shown.insights))


@click.command()
@_since_option
@json_option
@click.pass_context
def plan(ctx: click.Context, since: str, as_json: bool) -> None:
    """Your relief plan: the guide's relief steps, most relevant to you first, each with why."""
    from twitchguide.actions.insights import relief_plan

    shown = relief_plan(action_context(ctx), since)
    if as_json:
        echo_json(shown.to_json())
    else:
        click.echo(render_plan(shown.plan))


def render_insights(report: Insights) -> str:
    """The terminal report: calm headline first, then patterns, links and strength."""
    p, t = report.patterns, report.triggers
    lines = ["Your twitch insights", ""]
    lines += [f"  {line}" for line in report.headline]
    if p.start is not None and p.end is not None:
        lines += ["", f"Patterns, {p.start.isoformat()} to {p.end.isoformat()}"]
        if p.by_region:
            top = ", ".join(f"{c.region.replace('_', ' ')} {c.episodes}" for c in p.by_region[:5])
            lines.append(f"  Where: {top}")
        left, right = p.by_side.get("left", 0), p.by_side.get("right", 0)
        if left + right:
            lines.append(f"  Sides: left {left}, right {right}")
        if p.episodes:
            lines.append(
                "  When: " + ", ".join(f"{name} {n}" for name, n in p.by_time_of_day.items())
            )
        if p.regions_per_week:
            last_week = p.regions_per_week[-1].regions
            lines.append(f"  Places with twitching in the last 7 days: {last_week}")
        if p.hot_spot is not None:
            h = p.hot_spot
            where = f"{h.side + ' ' if h.side in ('left', 'right') else ''}{h.region}"
            lines.append(
                f"  Longest-running spot: {where.replace('_', ' ')}, "
                f"{counted(h.days_with_twitching, 'day')} from {h.first_day.isoformat()}"
                + (" (still going)" if h.still_going else "")
            )
        if p.trend_per_30_days is not None:
            lines.append(f"  Trend: {p.trend_per_30_days.wording}")
    lines += ["", "What goes with more or fewer twitches"]
    shown = False
    for evidence, title in _EVIDENCE_TITLES:
        chosen = [r for r in t.results if r.evidence == evidence]
        if chosen:
            shown = True
            lines.append(f"  {title}:")
            lines += [f"   - {r.wording}" for r in chosen]
    quiet = _quiet_factors(t.results)
    if quiet:
        lines.append("  No clear link yet: " + ", ".join(quiet) + ".")
        shown = True
    waiting = sorted({r.label for r in t.results if r.evidence == "not_enough_data"})
    if waiting:
        lines.append("  Not enough data yet: " + ", ".join(waiting) + ".")
        shown = True
    if not shown:
        lines.append(
            "  Log your day's sleep, stress, caffeine and more with `twitchguide day` to see links."
        )
    lines += [
        "",
        "  These links show what tends to happen together in your diary, not what causes what.",
        "  To test a suspicion fairly, `twitchguide experiment start caffeine_off` (or another",
        "  step) plans days with and without it in a random order, then says what it found.",
        "",
        "Strength",
        f"  {report.strength.wording}",
    ]
    return "\n".join(lines)


def _quiet_factors(results: list[TriggerResult]) -> list[str]:
    """Factors with no clear link, naming the day only when the other lag showed something."""
    by_factor: dict[str, dict[int, TriggerResult]] = {}
    for result in results:
        by_factor.setdefault(result.label, {})[result.lag_days] = result
    quiet = []
    for label, lags in by_factor.items():
        calm = [lag for lag, r in lags.items() if r.evidence == "no_clear_link"]
        if len(calm) == len(lags):
            quiet.append(label)
        else:
            quiet += [f"{label} ({'same day' if lag == 0 else 'the day before'})" for lag in calm]
    return sorted(quiet)


def render_plan(relief: ReliefPlan) -> str:
    """The relief plan as a numbered list with the reason and sources of each step."""
    lines = ["Your relief plan", ""]
    personal = [item for item in relief.items if item.personal]
    general = [item for item in relief.items if not item.personal]
    if not personal:
        lines.append("  Nothing in your diary points to one step yet; these are the guide's steps.")
    for number, item in enumerate(personal + general, start=1):
        if number == len(personal) + 1 and personal:
            lines += ["", "Other steps from the guide"]
        lines.append(f"  {number}. {item.title}")
        lines.append(f"     Why: {item.reason}")
        lines.append(f"     Sources: {', '.join(item.sources)}")
    lines += ["", "  The guide gives the steps for each. Ask a doctor before starting supplements."]
    return "\n".join(lines)
