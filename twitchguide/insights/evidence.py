"""One factor × lag result of the trigger model, and how often each evidence label is wrong.

The false rates are measured, not assumed: `benchmarks/simulate_diaries.py` runs the engine on
simulated diaries with known truth (docs/benchmarks.md, "Trigger engine, dose-aware"). They are
quoted to the person so that a label never claims more than it has earned.
"""

from __future__ import annotations

from dataclasses import dataclass

Evidence = str  # "likely" | "possible" | "no_clear_link" | "not_enough_data"

# Days logged -> share of all flags with this label that were false on simulated diaries of
# 30, 60, 90 and 180 days (the scenario with modest true effects, pooled over every flag of
# 2,000 diaries a length; the engine's own settings). Lengths in between use the row below.
FALSE_SHARE: dict[str, tuple[tuple[int, float], ...]] = {
    "likely": ((0, 0.53), (60, 0.37), (90, 0.27), (180, 0.14)),
    "possible": ((0, 0.54), (60, 0.41), (90, 0.35), (180, 0.30)),
}


@dataclass(frozen=True)
class TriggerResult:
    """One factor at one lag: its rate ratio for a meaningful contrast, and how sure we are."""

    factor: str
    label: str
    lag_days: int
    contrast: str
    evidence: Evidence
    rate_ratio: float | None = None
    ci_low: float | None = None
    ci_high: float | None = None
    p_value: float | None = None
    detectable_rate_ratio: float | None = None
    days_needed: int | None = None
    days_logged: int = 0
    false_share: float | None = None
    wording: str = ""


def false_share(evidence: Evidence, days_logged: int) -> float | None:
    """Measured share of flags with this label that are false, for a diary of this length."""
    rows = FALSE_SHARE.get(evidence)
    if rows is None:
        return None
    share = rows[0][1]
    for days, value in rows:
        if days_logged >= days:
            share = value
    return share
