"""Everything insights shows, assembled from a diary into plain data for JSON and the terminal."""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass
from datetime import date
from typing import Any

from twitchguide.diary.snapshot import Diary
from twitchguide.diary.strength import GripDecline, grip_decline
from twitchguide.guide.model import Guide
from twitchguide.insights.daily_table import DailyTable, EpisodeColumns, build_daily_table
from twitchguide.insights.patterns import Patterns, describe_patterns
from twitchguide.insights.plan import ReliefPlan, build_plan
from twitchguide.insights.triggers import TriggerAnalysis, analyse_triggers
from twitchguide.wording import counted


@dataclass(frozen=True)
class StrengthSummary:
    """Grip trend per hand and any failed heel/toe walks, in calm words."""

    grip: GripDecline
    heel_walk_failed_on: list[date]
    toe_walk_failed_on: list[date]
    checks: int
    wording: str


@dataclass(frozen=True)
class Insights:
    """The whole insights report for one period."""

    headline: list[str]
    patterns: Patterns
    triggers: TriggerAnalysis
    strength: StrengthSummary

    def to_dict(self) -> dict[str, Any]:
        """Every figure, as JSON-ready data (dates stay dates; output.echo_json writes them)."""
        data = dataclasses.asdict(self)
        grip = self.strength.grip
        for hand in ("left", "right"):
            data["strength"]["grip"][hand]["change_fraction"] = getattr(grip, hand).change_fraction
        data["strength"]["grip"]["flagged"] = grip.flagged
        return data


def build_insights(
    diary: Diary,
    *,
    start: date | None = None,
    end: date | None = None,
    episodes: EpisodeColumns | None = None,
) -> Insights:
    """Patterns, trigger analysis and strength trend for the diary over [start, end].

    `episodes`: the diary's episodes as columns (`store.insights_store` loads them so), in
    place of `diary.episodes`.
    """
    columns = episodes if episodes is not None else EpisodeColumns.of(diary.episodes)
    table = build_daily_table(diary, start, end, columns)
    patterns = describe_patterns(diary, table, columns)
    triggers = analyse_triggers(table)
    strength = summarise_strength(diary, start, end)
    return Insights(_headline(patterns, triggers, strength), patterns, triggers, strength)


def build_relief_plan(
    diary: Diary,
    guide: Guide,
    *,
    start: date | None = None,
    end: date | None = None,
    episodes: EpisodeColumns | None = None,
) -> ReliefPlan:
    """The person's relief plan: strategies ranked by their links, ratings and intake gaps."""
    table: DailyTable = build_daily_table(diary, start, end, episodes)
    return build_plan(guide, analyse_triggers(table), list(diary.relief_ratings), table)


def summarise_strength(
    diary: Diary, start: date | None = None, end: date | None = None
) -> StrengthSummary:
    """The grip rule from diary.strength plus heel/toe-walk failures, within the period."""
    checks = [
        check
        for check in diary.strength_checks
        if (start is None or diary.day_of(check.checked_at) >= start)
        and (end is None or diary.day_of(check.checked_at) <= end)
    ]
    grip = grip_decline(checks, diary.day_of)
    heel = [diary.day_of(c.checked_at) for c in checks if c.heel_walk == "fail"]
    toe = [diary.day_of(c.checked_at) for c in checks if c.toe_walk == "fail"]
    if not checks:
        wording = "No strength checks logged in this period."
    elif grip.flagged:
        hands = " and ".join(h for h in ("left", "right") if getattr(grip, h).declined)
        wording = (
            f"Your last two {hands} grip checks were lower than your earlier ones by more than "
            "normal measurement noise. This is worth showing a doctor; it is not a diagnosis."
        )
    elif grip.left.baseline_kg is None and grip.right.baseline_kg is None:
        # The rule compares the last 2 check days with the ones before: one or two days
        # cannot show "no change".
        wording = (
            "Too few grip check days to see a trend yet: it takes at least 3. "
            "Once a week is enough."
        )
    else:
        wording = "Grip strength: no change beyond normal measurement noise."
    if heel or toe:
        failed = counted(len(heel) + len(toe), "check")
        wording += (
            f" Heel or toe walking was marked as failed on {failed}; "
            "if walking on your heels or toes has become hard, see a doctor."
        )
    return StrengthSummary(grip, heel, toe, len(checks), wording)


def _headline(
    patterns: Patterns, triggers: TriggerAnalysis, strength: StrengthSummary
) -> list[str]:
    # Lead with what did not change: most diaries show no change, and saying so calmly
    # matters more than any single figure.
    lines = []
    recent = patterns.last_14_days
    if recent is not None and recent.direction == "no_meaningful_change":
        lines.append("No meaningful change in the last 14 days.")
    elif recent is not None:
        lines.append(recent.wording)
    if patterns.episodes == 0 and patterns.days_logged:
        lines.append(f"No twitches logged on {counted(patterns.days_logged, 'logged day')}.")
    elif patterns.episodes_per_logged_day is not None:
        lines.append(
            f"{counted(patterns.episodes, 'twitch episode')} on "
            f"{counted(patterns.days_logged, 'logged day')}: "
            f"about {patterns.episodes_per_logged_day:.1f} a day."
        )
    lines.append(triggers.summary)
    if strength.checks:
        lines.append(strength.wording)
    return lines
