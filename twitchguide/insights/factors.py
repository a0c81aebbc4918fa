"""The daily factors the trigger model looks at, and the contrast each one is reported for."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Factor:
    """One daily factor: its diary field, how people name it, and a contrast that means something.

    `delta` is the contrast in the factor's own units (after `binary`), e.g. -2 for
    "2 h less sleep". A binary factor is reduced to yes (1) / no (0) before modelling.
    """

    name: str
    label: str
    delta: float
    contrast: str
    binary: bool = False


FACTORS: tuple[Factor, ...] = (
    Factor("sleep_hours", "sleep", -2.0, "2 h less sleep"),
    Factor("stress", "stress", 1.0, "+1 stress point"),
    Factor("anxiety", "anxiety", 1.0, "+1 anxiety point"),
    Factor("caffeine_mg", "caffeine", 100.0, "+100 mg caffeine"),
    Factor("water_litres", "water", 1.0, "+1 L water"),
    Factor("exercise_minutes", "exercise", 30.0, "+30 min exercise"),
    # In units, not yes/no: the dose carries most of the signal (next-day power 24% -> 34% on
    # an outside simulator, and see docs/benchmarks.md for ours).
    Factor("alcohol_units", "alcohol", 1.0, "+1 unit of alcohol"),
    Factor("magnesium_servings", "magnesium-rich food", 1.0, "+1 serving magnesium-rich food"),
    Factor("potassium_servings", "potassium-rich food", 1.0, "+1 serving potassium-rich food"),
)

# The first engine's alcohol term, kept so the benchmark can run old and new side by side.
ALCOHOL_YES_NO = Factor("alcohol_units", "alcohol", 1.0, "alcohol yes", binary=True)

FACTORS_BY_NAME: dict[str, Factor] = {factor.name: factor for factor in FACTORS}
FACTOR_NAMES: tuple[str, ...] = tuple(factor.name for factor in FACTORS)
