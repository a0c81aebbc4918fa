"""Simulated twitch diaries with known true effects, for the trigger-engine benchmark.

What makes it hard, on purpose:
- confounding: a latent stress process drives stress, anxiety, sleep, caffeine and alcohol;
  magnesium and potassium share a "healthy eating" latent;
- lagged effects (alcohol and exercise act the next day);
- overdispersion (gamma frailty, φ ≈ 3 at 6 episodes a day), day-to-day autocorrelation, and
  flare days (runs of 1–4 days at about 2.5 times the rate, unrelated to any factor);
- alcohol acts per unit (a dose), so a yes/no alcohol term loses information;
- missing days (scattered and in runs), days without a factors row, unrecorded factor values,
  and partial days (fewer hours observed).
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field
from datetime import date, timedelta

import numpy as np

from twitchguide.insights.daily_table import DailyTable
from twitchguide.insights.factors import FACTOR_NAMES, FACTORS_BY_NAME

START = date(2026, 1, 5)
BASE_RATE = 6.0  # episodes per 16 observed hours on an average day
AR_SD = 0.25
FLARE_START = 0.02  # chance a flare starts on a given day
FLARE_LOG_RR = math.log(2.5)

Term = tuple[str, int]  # (factor, lag in days)


@dataclass(frozen=True)
class Scenario:
    """A named set of true effects, each a rate ratio for the factor's reported contrast."""

    name: str
    effects: dict[Term, float] = field(default_factory=dict)

    def log_rr(self, term: Term) -> float:
        """The true log rate ratio, per the factor's contrast, of one factor × lag term."""
        return math.log(self.effects.get(term, 1.0))


EFFECTS = Scenario(
    "effects",
    {
        ("sleep_hours", 0): 1.50,  # 2 h less sleep
        ("stress", 0): 1.25,  # +1 point
        ("caffeine_mg", 0): 1.20,  # +100 mg
        ("alcohol_units", 1): 1.12,  # +1 unit, the day before (3 units: 1.40)
        ("exercise_minutes", 1): 1.15,  # +30 min, the day before
    },
)
# The same terms, about twice as strong on the log scale: checks that a tight prior does not
# shrink real, bigger effects out of their intervals.
STRONG_EFFECTS = Scenario(
    "strong_effects",
    {
        ("sleep_hours", 0): 2.0,
        ("stress", 0): 1.5,
        ("caffeine_mg", 0): 1.4,
        ("alcohol_units", 1): 1.25,
        ("exercise_minutes", 1): 1.3,
    },
)
NO_EFFECTS = Scenario("no_effects", {})
SCENARIOS = {s.name: s for s in (EFFECTS, STRONG_EFFECTS, NO_EFFECTS)}


def _ar1(rng: np.random.Generator, n: int, rho: float, sd: float) -> np.ndarray:
    out = np.empty(n)
    out[0] = rng.normal(0, sd)
    innovation = sd * math.sqrt(1 - rho * rho)
    for i in range(1, n):
        out[i] = rho * out[i - 1] + rng.normal(0, innovation)
    return out


def simulate_factors(
    rng: np.random.Generator, n: int, weekend: np.ndarray
) -> dict[str, np.ndarray]:
    """True daily factor values (nothing missing yet)."""
    stress_latent = _ar1(rng, n, 0.5, 1.0)
    eating = rng.normal(size=n)
    stress = np.clip(np.round(3 + stress_latent + rng.normal(0, 0.4, n)), 1, 5)
    anxiety = np.clip(np.round(3 + 0.8 * stress_latent + rng.normal(0, 0.6, n)), 1, 5)
    sleep = np.clip(7.2 + 0.5 * weekend - 0.5 * stress_latent + rng.normal(0, 0.8, n), 3, 11)
    caffeine = np.clip(
        150 + 60 * stress_latent - 40 * (sleep - 7.2) + rng.normal(0, 60, n), 0, None
    ).round(-1)
    exercising = rng.uniform(size=n) < 0.45 - 0.1 * np.tanh(stress_latent)
    exercise = np.where(exercising, rng.uniform(15, 75, n).round(), 0.0)
    drinking = rng.uniform(size=n) < np.where(weekend, 0.45, 0.15) + 0.08 * stress_latent
    alcohol = np.where(drinking, rng.integers(1, 6, n), 0).astype(float)
    water = np.clip(1.8 + 0.2 * eating + 0.004 * exercise + rng.normal(0, 0.5, n), 0.3, None)
    magnesium = rng.poisson(np.exp(0.4 + 0.4 * eating)).astype(float)
    potassium = rng.poisson(np.exp(0.7 + 0.4 * eating)).astype(float)
    return {
        "sleep_hours": sleep.round(1),
        "stress": stress,
        "anxiety": anxiety,
        "caffeine_mg": caffeine,
        "water_litres": water.round(1),
        "exercise_minutes": exercise,
        "alcohol_units": alcohol,
        "magnesium_servings": magnesium,
        "potassium_servings": potassium,
    }


def _contrast_value(name: str, values: np.ndarray) -> np.ndarray:
    # The truth is always on the factor's natural scale (alcohol in units), whatever an engine
    # chooses to model.
    return values / FACTORS_BY_NAME[name].delta


def _flares(rng: np.random.Generator, n: int) -> np.ndarray:
    flare = np.zeros(n)
    i = 0
    while i < n:
        if rng.uniform() < FLARE_START:
            length = int(rng.integers(1, 5))
            flare[i : i + length] = FLARE_LOG_RR
            i += length
        i += 1
    return flare


def simulate_table(
    scenario: Scenario,
    n_days: int,
    rng: np.random.Generator,
    *,
    dispersion_k: float = 3.0,
    day_log_rr: np.ndarray | None = None,
) -> DailyTable:
    """One simulated diary as the daily table the engine reads.

    `day_log_rr` adds a known log rate ratio per day (a self-experiment's "on" days).
    """
    n = n_days
    days = [START + timedelta(days=i) for i in range(n)]
    weekend = np.array([d.weekday() >= 5 for d in days])
    truth = simulate_factors(rng, n, weekend)

    log_mu = math.log(BASE_RATE) + 0.1 * weekend + _ar1(rng, n, 0.3, AR_SD) + _flares(rng, n)
    for (name, lag), rr in scenario.effects.items():
        x = _contrast_value(name, truth[name])
        x = x - x.mean()
        if lag == 1:
            x = np.concatenate([[0.0], x[:-1]])
        log_mu = log_mu + math.log(rr) * x

    if day_log_rr is not None:
        log_mu = log_mu + day_log_rr

    partial = rng.uniform(size=n) < 0.3
    true_hours = np.where(partial, rng.uniform(6, 16, n).round(), 16.0)
    mu = np.exp(log_mu) * true_hours / 16
    frailty = rng.gamma(dispersion_k, 1 / dispersion_k, n)
    episodes = rng.poisson(mu * frailty).astype(float)

    # Not logged at all: scattered days plus a few runs (holidays, busy weeks).
    missing = rng.uniform(size=n) < 0.07
    i = 0
    while i < n:
        if rng.uniform() < 0.01:
            length = int(rng.integers(3, 8))
            missing[i : i + length] = True
            i += length
        i += 1
    no_row = (~missing) & (rng.uniform(size=n) < 0.03)
    has_row = ~missing & ~no_row
    episodes[missing] = 0.0
    factors = {}
    for name in FACTOR_NAMES:
        values = truth[name].copy()
        values[~has_row | (rng.uniform(size=n) < 0.05)] = np.nan
        factors[name] = values
    # People record hours observed on partial days; a full day is left blank (16 h default).
    hours = np.where(has_row, true_hours, 16.0)
    observed = has_row | (episodes > 0)
    return DailyTable(
        days=days,
        episodes=episodes,
        hours=hours,
        observed=observed,
        factors=factors,
        episode_row=np.zeros(0, dtype=np.int64),
        episode_hour=np.zeros(0, dtype=np.int64),
    )
