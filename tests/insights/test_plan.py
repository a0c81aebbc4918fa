"""The relief plan's ranking: links first, then the person's ratings and intake gaps."""

from __future__ import annotations

from datetime import date, timedelta
from types import SimpleNamespace
from typing import Any

from twitchguide.diary.snapshot import Diary
from twitchguide.diary.vocabulary import RELIEF_STRATEGIES
from twitchguide.guide.content import load_guide
from twitchguide.insights.daily_table import build_daily_table
from twitchguide.insights.plan import build_plan
from twitchguide.insights.triggers import TriggerAnalysis, TriggerResult

D0 = date(2026, 3, 2)


def link(factor: str, evidence: str, rate_ratio: float, lag: int = 0) -> TriggerResult:
    return TriggerResult(
        factor=factor,
        label=factor,
        lag_days=lag,
        contrast=f"more {factor}",
        evidence=evidence,
        rate_ratio=rate_ratio,
        ci_low=rate_ratio * 0.9,
        ci_high=rate_ratio * 1.1,
    )


def analysis(*results: TriggerResult) -> TriggerAnalysis:
    return TriggerAnalysis(days_logged=60, results=list(results), not_logged=[])


def table_with(build: SimpleNamespace, days: int = 10, **factors: Any) -> Any:
    rows = [build.factors_row(D0 + timedelta(days=d), **factors) for d in range(days)]
    return build_daily_table(Diary(days=rows))


def order(plan: Any) -> list[str]:
    return [item.strategy for item in plan.items]


def test_without_data_every_strategy_is_listed_by_evidence(build: SimpleNamespace) -> None:
    guide = load_guide()
    plan = build_plan(guide, analysis(), [], table_with(build, days=0))
    assert sorted(order(plan)) == sorted(RELIEF_STRATEGIES)
    assert not any(item.personal for item in plan.items)
    ranks = [guide.relief_strategies[s].evidence_rank for s in order(plan)]
    assert ranks == sorted(ranks)
    assert all(
        item.sources == list(guide.relief_strategies[item.strategy].sources) for item in plan.items
    )


def test_likely_link_beats_possible_link_and_says_why(build: SimpleNamespace) -> None:
    plan = build_plan(
        load_guide(),
        analysis(link("stress", "possible", 1.3), link("sleep_hours", "likely", 1.5)),
        [],
        table_with(build),
    )
    assert order(plan)[:2] == ["sleep_habits", "stress_care"]
    top = plan.items[0]
    assert top.personal and "goes with 50% more" in top.reason and "likely" in top.reason


def test_direction_matters(build: SimpleNamespace) -> None:
    # More water going with MORE twitching is no reason to push hydration.
    plan = build_plan(
        load_guide(), analysis(link("water_litres", "likely", 1.4)), [], table_with(build)
    )
    assert not next(i for i in plan.items if i.strategy == "hydration").personal
    plan = build_plan(
        load_guide(), analysis(link("water_litres", "likely", 0.7)), [], table_with(build)
    )
    assert order(plan)[0] == "hydration"


def test_own_ratings_move_strategies_up_and_down(build: SimpleNamespace) -> None:
    ratings = [
        build.rating("heat_and_cold", "helpful"),
        build.rating("sleep_habits", "helpful", D0),
        build.rating("sleep_habits", "not_helpful", D0 + timedelta(days=5)),  # latest counts
    ]
    plan = build_plan(load_guide(), analysis(), ratings, table_with(build))
    assert order(plan)[0] == "heat_and_cold"
    assert order(plan)[-1] == "sleep_habits"
    assert "not helpful" in plan.items[-1].reason


def test_intake_gaps_point_to_water_and_mineral_foods(build: SimpleNamespace) -> None:
    low = table_with(build, water_litres=1.0, magnesium_servings=0.5, potassium_servings=4.0)
    plan = build_plan(load_guide(), analysis(), [], low)
    assert set(order(plan)[:2]) == {"hydration", "mineral_rich_food"}
    assert len(plan.intake_gaps) == 2
    assert "1.0 L" in plan.items[order(plan).index("hydration")].reason
    enough = table_with(build, water_litres=2.5, magnesium_servings=4, potassium_servings=4)
    assert build_plan(load_guide(), analysis(), [], enough).intake_gaps == []
    too_few_days = table_with(build, days=3, water_litres=0.5)
    assert build_plan(load_guide(), analysis(), [], too_few_days).intake_gaps == []


def test_short_sleep_is_a_gap_and_no_food_reads_as_none(build: SimpleNamespace) -> None:
    short = table_with(build, sleep_hours=5.5, magnesium_servings=0.0, potassium_servings=4.0)
    plan = build_plan(load_guide(), analysis(), [], short)
    assert set(order(plan)[:2]) == {"sleep_habits", "mineral_rich_food"}
    sleep = plan.items[order(plan).index("sleep_habits")].reason
    assert sleep == "You slept about 5.5 hours a night; adults need at least 7 hours."
    food = plan.items[order(plan).index("mineral_rich_food")].reason
    assert food.startswith("You logged no magnesium-rich food;")
    # Half an hour short on average is the line: 6.6 hours is not a clear gap.
    nearly = table_with(build, sleep_hours=6.6)
    assert build_plan(load_guide(), analysis(), [], nearly).intake_gaps == []
