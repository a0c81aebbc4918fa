"""A personal relief plan: the guide's relief strategies ranked for this person, each with why.

Ranking (highest score first; documented in docs/insights.md):
- a `likely` link between a factor and more twitching adds 3 to the strategies that address it,
  a `possible` link adds 1 (a `possible` link shows up by chance in about half of diaries with no
  true effect, so it counts less than the person's own "helpful" rating). Direction matters:
  more water going with *fewer* twitches points to hydration, more water going with more does
  not;
- the person's latest rating of a strategy: helpful +2, somewhat +1, not helpful −3;
- a clear gap against the guide's reference intakes (water, magnesium, potassium), or sleep
  clearly short of the 7 hours the guide's sleep step asks for, adds 1.5;
- ties are broken by the strength of the guide's evidence for the strategy.
"""

from __future__ import annotations

import statistics
from dataclasses import dataclass

import numpy as np

from twitchguide.diary.records import ReliefRating
from twitchguide.guide.model import Guide
from twitchguide.insights.daily_table import DailyTable
from twitchguide.insights.triggers import TriggerAnalysis, TriggerResult
from twitchguide.insights.wording import percent_change

# factor -> (strategies that address it, +1 if the strategy fits a rate ratio above 1 for the
# factor's contrast, -1 if it fits one below 1).
FACTOR_STRATEGIES: dict[str, tuple[tuple[str, ...], int]] = {
    "sleep_hours": (("sleep_habits",), +1),
    "stress": (("stress_care",), +1),
    "anxiety": (("stress_care",), +1),
    "caffeine_mg": (("caffeine_reduction",), +1),
    "alcohol_units": (("sleep_habits",), +1),
    "exercise_minutes": (("rest_breaks", "stretching_and_massage"), +1),
    "water_litres": (("hydration",), -1),
    "magnesium_servings": (("mineral_rich_food",), -1),
    "potassium_servings": (("mineral_rich_food",), -1),
}
LINK_POINTS = {"likely": 3.0, "possible": 1.0}
RATING_POINTS = {"helpful": 2.0, "somewhat": 1.0, "not_helpful": -3.0}
GAP_POINTS = 1.5
MIN_INTAKE_DAYS = 7
DRINKS_SHARE = 0.8  # about a fifth of total water comes from food
FOOD_SHARE = 0.5  # logged servings are not the whole diet: flag only a big gap
RICH_IN = {"magnesium": 40.0, "potassium": 300.0}  # mg per serving that counts as "rich"
# The guide's sleep step: at least 7 hours a night for adults (mayo-sleep-tips). Half an hour
# short on average is a clear gap, not a bad night or two.
ADULT_SLEEP_HOURS = 7.0
SLEEP_SHORTFALL_HOURS = 0.5

# How strong the guide's evidence is, as a phrase that fits in a sentence.
_EVIDENCE_PHRASES = {
    "strong": "strong evidence",
    "moderate": "moderate evidence",
    "limited": "limited evidence",
    "expert_advice": "advised by health services, not well tested",
}


@dataclass(frozen=True)
class PlanItem:
    """One relief strategy in the plan, with the reason it is where it is."""

    strategy: str
    title: str
    score: float
    personal: bool
    reason: str
    reasons: list[str]
    sources: list[str]


@dataclass(frozen=True)
class ReliefPlan:
    """The guide's relief strategies, most relevant to this person first."""

    items: list[PlanItem]
    intake_gaps: list[str]


def build_plan(
    guide: Guide,
    triggers: TriggerAnalysis,
    ratings: list[ReliefRating],
    table: DailyTable,
) -> ReliefPlan:
    """Rank every relief strategy in the guide for this person."""
    scores = {sid: 0.0 for sid in guide.relief_strategies}
    reasons: dict[str, list[tuple[float, str]]] = {sid: [] for sid in guide.relief_strategies}

    for result in triggers.results:
        points = LINK_POINTS.get(result.evidence)
        strategies, direction = FACTOR_STRATEGIES.get(result.factor, ((), 0))
        if points is None or result.rate_ratio is None:
            continue
        if (result.rate_ratio > 1) != (direction > 0):
            continue
        for sid in strategies:
            if sid in scores:
                scores[sid] += points
                reasons[sid].append((points, _link_reason(result)))

    latest: dict[str, ReliefRating] = {}
    for rating in sorted(ratings, key=lambda r: (r.rated_on, r.stamps.updated_at)):
        latest[rating.strategy] = rating
    for sid, rating in latest.items():
        if sid not in scores:
            continue
        points = RATING_POINTS[rating.rating]
        scores[sid] += points
        reasons[sid].append((abs(points), _rating_reason(rating)))

    gaps = intake_gaps(guide, table)
    for sid, sentence in gaps:
        if sid in scores:
            scores[sid] += GAP_POINTS
            reasons[sid].append((GAP_POINTS, sentence))

    items = []
    for sid, strategy in guide.relief_strategies.items():
        why = [text for _, text in sorted(reasons[sid], key=lambda pair: -pair[0])]
        general = f"A general step from the guide ({_EVIDENCE_PHRASES[strategy.evidence]})."
        reason = why[0] if why else general
        items.append(
            PlanItem(
                strategy=sid,
                title=strategy.title,
                score=scores[sid],
                personal=bool(why),
                reason=reason,
                reasons=why,
                sources=list(strategy.sources),
            )
        )
    rank = {sid: s.evidence_rank for sid, s in guide.relief_strategies.items()}
    items.sort(key=lambda item: (-item.score, rank[item.strategy], item.strategy))
    return ReliefPlan(items=items, intake_gaps=[sentence for _, sentence in gaps])


def intake_gaps(guide: Guide, table: DailyTable) -> list[tuple[str, str]]:
    """(strategy id, sentence) for each clear gap against the guide's reference intakes."""
    gaps: list[tuple[str, str]] = []
    water = _daily_mean(table, "water_litres")
    reference = guide.reference_intakes.get("water")
    if water is not None and reference is not None:
        low, high = reference.adult_range
        if water < DRINKS_SHARE * low:
            gaps.append(
                (
                    "hydration",
                    f"You logged about {water:.1f} L of drinks a day; most adults need about "
                    f"{low:g} to {high:g} L of fluid a day, most of it from drinks.",
                )
            )
    for nutrient in ("magnesium", "potassium"):
        servings = _daily_mean(table, f"{nutrient}_servings")
        reference = guide.reference_intakes.get(nutrient)
        per_serving = _mg_per_rich_serving(guide, nutrient)
        if servings is None or reference is None or per_serving is None:
            continue
        low, _high = reference.adult_range
        if servings * per_serving < FOOD_SHARE * low:
            logged = (
                f"no {nutrient}-rich food"
                if servings < 0.05
                else f"about {servings:.1f} servings of {nutrient}-rich food a day"
            )
            gaps.append(
                (
                    "mineral_rich_food",
                    f"You logged {logged}; a serving has about {per_serving:.0f} mg, and adults "
                    f"need {low:g} mg or more a day.",
                )
            )
    sleep = _daily_mean(table, "sleep_hours")
    if sleep is not None and sleep < ADULT_SLEEP_HOURS - SLEEP_SHORTFALL_HOURS:
        gaps.append(
            (
                "sleep_habits",
                f"You slept about {sleep:.1f} hours a night; adults need at least "
                f"{ADULT_SLEEP_HOURS:g} hours.",
            )
        )
    return gaps


def _daily_mean(table: DailyTable, factor: str) -> float | None:
    values = table.factors[factor]
    recorded = values[np.isfinite(values)]
    if len(recorded) < MIN_INTAKE_DAYS:
        return None
    return float(recorded.mean())


def _mg_per_rich_serving(guide: Guide, nutrient: str) -> float | None:
    amounts = [
        food.magnesium_mg if nutrient == "magnesium" else food.potassium_mg for food in guide.foods
    ]
    rich = [mg for mg in amounts if mg >= RICH_IN[nutrient]]
    return statistics.median(rich) if rich else None


def _link_reason(result: TriggerResult) -> str:
    assert result.rate_ratio is not None
    when = "the same day" if result.lag_days == 0 else "the next day"
    strength = "likely" if result.evidence == "likely" else "possible"
    return (
        f"In your diary, {result.contrast} goes with {percent_change(result.rate_ratio)} "
        f"twitch episodes {when} (a {strength} link)."
    )


def _rating_reason(rating: ReliefRating) -> str:
    words = {
        "helpful": "helpful",
        "somewhat": "somewhat helpful",
        "not_helpful": "not helpful, so it is lower on the list",
    }
    return f"On {rating.rated_on.isoformat()} you rated this {words[rating.rating]}."
