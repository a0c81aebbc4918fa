"""What goes with more twitching, and the relief plan, over a period of the person's choosing."""

from __future__ import annotations

from twitchguide.actions.context import ActionContext
from twitchguide.actions.fields import period
from twitchguide.actions.results import InsightsView, PlanView


def insights(ctx: ActionContext, since: str = "all") -> InsightsView:
    """Patterns, what goes with more or fewer twitches (with uncertainty), and strength."""
    from twitchguide.insights.report import build_insights

    start, end = period(since, ctx.clock.today(), allow_all=True)
    return InsightsView(build_insights(ctx.store.load_diary(), start=start, end=end))


def relief_plan(ctx: ActionContext, since: str = "all") -> PlanView:
    """The guide's relief steps, most relevant to this person first, each with why."""
    from twitchguide.guide.content import load_guide
    from twitchguide.insights.report import build_relief_plan

    start, end = period(since, ctx.clock.today(), allow_all=True)
    diary = ctx.store.load_diary()
    return PlanView(build_relief_plan(diary, load_guide(), start=start, end=end))
