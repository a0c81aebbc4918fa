"""Everything the insights screen shows at once: insights, the relief plan and the days behind
the charts, read for one period."""

from __future__ import annotations

from twitchguide.actions.context import ActionContext
from twitchguide.actions.results import DiaryTimeline, InsightsView, PlanView
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

    first, today = period(since, ctx.clock.today(), allow_all=True)
    shown = f"{CALENDAR_DAYS}d" if first is None or (today - first).days >= CALENDAR_DAYS else since
    return Overview(insights(ctx, since), relief_plan(ctx, since), timeline(ctx, shown))
