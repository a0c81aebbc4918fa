"""What goes with more twitching, and the relief plan, over a period of the person's choosing."""

from __future__ import annotations

from typing import TYPE_CHECKING

from twitchguide.actions.context import ActionContext
from twitchguide.actions.fields import period
from twitchguide.actions.results import InsightsView, PlanView

if TYPE_CHECKING:
    from twitchguide.diary.snapshot import Diary
    from twitchguide.insights.daily_table import EpisodeColumns


def _analysis_inputs(ctx: ActionContext) -> tuple[Diary, EpisodeColumns]:
    """The diary as the analysis reads it: episodes as columns, straight from SQL.

    Building a record per episode took most of the time on a big diary (200,000 episodes:
    2.15 s of 2.3 s); the analysis reads only each episode's start, region and side.
    """
    from twitchguide.store.insights_store import load_for_insights

    return load_for_insights(ctx.store.whole_store, ctx.user)


def insights(ctx: ActionContext, since: str = "all") -> InsightsView:
    """Patterns, what goes with more or fewer twitches (with uncertainty), and strength."""
    from twitchguide.insights.report import build_insights

    start, end = period(ctx.clock, since, allow_all=True)
    diary, episodes = _analysis_inputs(ctx)
    return InsightsView(build_insights(diary, start=start, end=end, episodes=episodes))


def relief_plan(ctx: ActionContext, since: str = "all") -> PlanView:
    """The guide's relief steps, most relevant to this person first, each with why."""
    from twitchguide.guide.content import load_guide
    from twitchguide.insights.report import build_relief_plan

    start, end = period(ctx.clock, since, allow_all=True)
    diary, episodes = _analysis_inputs(ctx)
    plan = build_relief_plan(diary, load_guide(), start=start, end=end, episodes=episodes)
    return PlanView(plan)
