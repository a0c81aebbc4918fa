"""Screens read at once: the insights screen (insights, the relief plan and the days behind the
charts, for one period) and today (the day so far and the triage notice)."""

from __future__ import annotations

from twitchguide.actions.context import ActionContext
from twitchguide.actions.results import (
    DiaryTimeline,
    InsightsView,
    PlanView,
    TimelineDay,
    TriageNotice,
)
from twitchguide.value import value

# The calendar shows at most this many days back when the period is "all".
CALENDAR_DAYS = 182


@value(eq=False)
class Overview:
    """Insights, the relief plan, and the diary days (for the calendar and body map)."""

    insights: InsightsView
    plan: PlanView
    timeline: DiaryTimeline

    def to_json(self) -> dict[str, object]:
        return {
            "insights": self.insights.to_json(),
            "plan": self.plan.to_json(),
            "timeline": self.timeline.to_json(),
        }


def overview(ctx: ActionContext, since: str = "all") -> Overview:
    """Insights and the plan over `since`; the timeline over the same days (at most ~6 months)."""
    from twitchguide.actions.diary import timeline
    from twitchguide.actions.fields import period
    from twitchguide.actions.insights import insights, relief_plan

    first, today = period(ctx.clock, since, allow_all=True)
    shown = f"{CALENDAR_DAYS}d" if first is None or (today - first).days >= CALENDAR_DAYS else since
    return Overview(insights(ctx, since), relief_plan(ctx, since), timeline(ctx, shown))


@value(eq=False)
class TodayView:
    """Today's diary (its factors and twitches, if any) and the diary's triage notice."""

    day: TimelineDay | None
    notice: TriageNotice | None

    def to_json(self) -> dict[str, object]:
        return {
            "day": None if self.day is None else self.day.to_json(),
            "notice": None if self.notice is None else self.notice.to_json(),
        }


def today(ctx: ActionContext) -> TodayView:
    """What the day so far holds, and whether the diary as a whole calls for a doctor."""
    from twitchguide.actions.diary import timeline
    from twitchguide.actions.triage import triage_status

    days = timeline(ctx, "today").days
    return TodayView(days[0] if days else None, triage_status(ctx))
