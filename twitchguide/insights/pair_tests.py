"""Tests of a self-experiment's within-pair contrasts: the exact sign-flip test, and the old t.

Pure Python (no numpy), like `experiment`, which it serves.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass

from twitchguide.insights import student_t

LEVEL = 0.95


@dataclass(frozen=True)
class PairTest:
    """The mean within-pair contrast (log scale), its 95% interval and two-sided p-value."""

    mean: float
    low: float
    high: float
    p_value: float


def subset_means(differences: Sequence[float]) -> list[float]:
    """The means of all 2^k − 1 non-empty subsets of the contrasts, in increasing order."""
    sums, sizes = [0.0], [0]
    for difference in differences:
        sums += [total + difference for total in sums]
        sizes += [size + 1 for size in sizes]
    return sorted(total / size for total, size in zip(sums[1:], sizes[1:], strict=True))


def interval_rank(complete_pairs: int, level: float = LEVEL) -> int:
    """How many subset means lie outside each end of the interval (0: none is possible).

    Flipping the signs of a subset S changes the sum of (d − shift) by 2·Σ_S(d − shift), so the
    one-sided p-value for a shift is (1 + the number of subset means beyond it) / 2^k, and the
    shift is kept while that exceeds (1 − level) / 2 (Hartigan 1969, J. Am. Stat. Assoc.).
    """
    return math.floor(round((1 - level) / 2 * (1 << complete_pairs), 9))


def sign_flip_test(differences: Sequence[float], level: float = LEVEL) -> PairTest | None:
    """The exact randomisation test of no difference, over all 2^k sign orders, and its inverse.

    The interval holds every shift the test at `level` does not reject, so it leaves out 0
    exactly when p < 1 − level. None when k is too small for any interval at that level.
    """
    k = len(differences)
    rank = interval_rank(k, level)
    if rank < 1:
        return None
    means = subset_means(differences)
    at_or_below = sum(m <= 0 for m in means)
    at_or_above = sum(m >= 0 for m in means)
    p = min(1.0, 2 * (1 + min(at_or_below, at_or_above)) / 2**k)
    return PairTest(sum(differences) / k, means[rank - 1], means[-rank], p)


def student_t_test(differences: Sequence[float]) -> PairTest:
    """The analysis planned for experiments started before the sign-flip test (STUDENT_T)."""
    k = len(differences)
    mean = sum(differences) / k
    sd = math.sqrt(sum((d - mean) ** 2 for d in differences) / (k - 1))
    se = max(sd / math.sqrt(k), 1e-9)
    t_crit = student_t.quantile(0.975, k - 1)
    p = student_t.two_sided_p(mean / se, k - 1)
    return PairTest(mean, mean - t_crit * se, mean + t_crit * se, p)
