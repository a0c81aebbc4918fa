"""False-discovery control for the trigger model: which factor × lag terms earn `likely`.

Three procedures, compared on simulated diaries in docs/benchmarks.md:
- `benjamini_hochberg`: the step-up procedure at level q over every term;
- `null_share`: Storey's estimate of the share of true nulls (adaptive BH divides q by it);
- `two_stage`: factors first, then lags. Each factor's two lags are one family with a Simes
  p-value; BH at q picks the factors; within a picked factor a lag is flagged at q·R/F
  (R factors picked out of F), the Benjamini–Bogomolov rule for selected families. A factor
  acts at one lag or the other, so testing factors first spends less of the error budget.
"""

from __future__ import annotations

from collections.abc import Sequence

_STOREY_LAMBDA = 0.5


def benjamini_hochberg(p_values: Sequence[float], q: float) -> list[bool]:
    """Which hypotheses the Benjamini–Hochberg step-up procedure rejects at level q."""
    m = len(p_values)
    order = sorted(range(m), key=lambda i: p_values[i])
    cutoff = 0
    for rank, i in enumerate(order, start=1):
        if p_values[i] <= q * rank / m:
            cutoff = rank
    rejected = [False] * m
    for i in order[:cutoff]:
        rejected[i] = True
    return rejected


def null_share(p_values: Sequence[float], lam: float = _STOREY_LAMBDA) -> float:
    """Storey's estimate of the share of true nulls, from the p-values above λ (at most 1)."""
    m = len(p_values)
    if m == 0:
        return 1.0
    above = sum(p > lam for p in p_values)
    return min(1.0, (above + 1) / (m * (1.0 - lam)))


def simes(p_values: Sequence[float]) -> float:
    """Simes' combined p-value for a family: min over ranks of m·p(k)/k."""
    ordered = sorted(p_values)
    m = len(ordered)
    return min(m * p / k for k, p in enumerate(ordered, start=1))


def two_stage(p_values: Sequence[float], families: Sequence[str], q: float) -> list[bool]:
    """Factors first (BH on Simes p-values), then each picked factor's terms at q·R/F."""
    names = list(dict.fromkeys(families))
    members = {name: [i for i, f in enumerate(families) if f == name] for name in names}
    family_p = [simes([p_values[i] for i in members[name]]) for name in names]
    picked = [name for name, hit in zip(names, benjamini_hochberg(family_p, q), strict=True) if hit]
    rejected = [False] * len(p_values)
    if not picked:
        return rejected
    level = q * len(picked) / len(names)
    for name in picked:
        inside = members[name]
        for i, hit in zip(
            inside, benjamini_hochberg([p_values[i] for i in inside], level), strict=True
        ):
            rejected[i] = hit
    return rejected
