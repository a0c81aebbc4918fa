"""Student-t tail probabilities and quantiles in pure Python, so analysis needs numpy alone."""

from __future__ import annotations

import math
from functools import lru_cache


def _beta_continued_fraction(a: float, b: float, x: float) -> float:
    # Lentz's method for the incomplete beta continued fraction (Numerical Recipes, betacf).
    tiny = 1e-300
    qab, qap, qam = a + b, a + 1.0, a - 1.0
    c, d = 1.0, 1.0 - qab * x / qap
    d = 1.0 / (d if abs(d) > tiny else tiny)
    h = d
    for m in range(1, 400):
        m2 = 2 * m
        aa = m * (b - m) * x / ((qam + m2) * (a + m2))
        d = 1.0 + aa * d
        d = 1.0 / (d if abs(d) > tiny else tiny)
        c = 1.0 + aa / c
        c = c if abs(c) > tiny else tiny
        h *= d * c
        aa = -(a + m) * (qab + m) * x / ((a + m2) * (qap + m2))
        d = 1.0 + aa * d
        d = 1.0 / (d if abs(d) > tiny else tiny)
        c = 1.0 + aa / c
        c = c if abs(c) > tiny else tiny
        delta = d * c
        h *= delta
        if abs(delta - 1.0) < 1e-14:
            break
    return h


def regularized_beta(a: float, b: float, x: float) -> float:
    """I_x(a, b), the regularized incomplete beta function."""
    if x <= 0.0:
        return 0.0
    if x >= 1.0:
        return 1.0
    log_front = (
        math.lgamma(a + b) - math.lgamma(a) - math.lgamma(b) + a * math.log(x) + b * math.log1p(-x)
    )
    front = math.exp(log_front)
    if x < (a + 1.0) / (a + b + 2.0):
        return front * _beta_continued_fraction(a, b, x) / a
    return 1.0 - front * _beta_continued_fraction(b, a, 1.0 - x) / b


def two_sided_p(t: float, df: float) -> float:
    """P(|T| >= |t|) for Student's t with `df` degrees of freedom."""
    if not math.isfinite(t):
        return 0.0
    return regularized_beta(df / 2.0, 0.5, df / (df + t * t))


@lru_cache(maxsize=4096)
def quantile(p: float, df: float) -> float:
    """The p-quantile (0.5 < p < 1) of Student's t, by bisection on the tail probability.

    Kept per (p, df): ~85 tail probabilities make one, and insights asks for the same 97.5%
    point again and again (a year of days gives the same degrees of freedom to everyone)."""
    target = 2.0 * (1.0 - p)
    low, high = 0.0, 1.0
    while two_sided_p(high, df) > target:
        high *= 2.0
    for _ in range(80):
        mid = (low + high) / 2.0
        if two_sided_p(mid, df) > target:
            low = mid
        else:
            high = mid
    return (low + high) / 2.0
