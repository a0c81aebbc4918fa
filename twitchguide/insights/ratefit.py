"""Penalised quasi-likelihood log-rate regression, fitted by iteratively reweighted least squares.

Variance: φ·μ·(1 + α·μ). With α = 0 this is quasi-Poisson. With α estimated (the default in the
trigger model) it is a quasi negative-binomial fit: twitch counts vary more on busy days than a
constant φ allows, and on simulated diaries quasi-Poisson errors were ~20% too small (see
docs/benchmarks.md). α is chosen so that the Pearson statistic equals the residual df; φ (≥ the
floor) then absorbs any remaining over-dispersion.

The normal prior N(0, sd²) on a coefficient becomes a ridge penalty. The quasi-log-likelihood is
divided by φ, so the penalty enters the normal equations as φ/sd².
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from twitchguide.insights.daily_table import FloatArray

_MAX_ETA = 30.0
_MAX_ALPHA = 50.0


@dataclass(frozen=True)
class RateFit:
    """A fitted model: coefficients, their quasi-posterior covariance, and the dispersion."""

    coef: FloatArray
    cov: FloatArray
    dispersion: float
    alpha: float
    edf: float
    df_resid: float
    mu: FloatArray
    converged: bool

    @property
    def se(self) -> FloatArray:
        return np.sqrt(np.diag(self.cov)).astype(np.float64)


def fit_rate_model(
    x: FloatArray,
    y: FloatArray,
    offset: FloatArray,
    precision: FloatArray,
    *,
    alpha: float | None = 0.0,
    dispersion: float | None = None,
    dispersion_floor: float = 1.0,
    max_iter: int = 60,
    tol: float = 1e-9,
) -> RateFit:
    """Fit log E[y] = offset + x·β with penalty ½·Σ precision_j·β_j² on the quasi-log-likelihood.

    `precision` is 1/prior_sd² per column (0 = unpenalised). `alpha`: 0 = quasi-Poisson, a number
    = that NB2 variance, None = estimate it. With `dispersion` given, φ is held fixed (φ = 1 with
    alpha 0 is a penalised Poisson fit); otherwise it is estimated, never below the floor.
    """
    n, p = x.shape
    phi = 1.0 if dispersion is None else dispersion
    a = 0.0 if alpha is None else alpha
    mu: FloatArray = y + 0.1
    eta: FloatArray = np.log(mu)
    beta: FloatArray = np.zeros(p)
    converged = False
    for _outer in range(30):
        penalty = np.diag(phi * precision)
        for _inner in range(max_iter):
            weight = mu / (1.0 + a * mu)
            z = eta - offset + (y - mu) / mu
            xw = x * weight[:, None]
            new_beta: FloatArray = np.linalg.solve(xw.T @ x + penalty, xw.T @ z).astype(np.float64)
            change = float(np.max(np.abs(new_beta - beta)))
            beta = new_beta
            # Clipped both ways: with every twitch on one side of a split the fit runs off to
            # infinity, and it must end unconverged rather than in NaN.
            eta = np.clip(offset + x @ beta, -_MAX_ETA, _MAX_ETA)
            mu = np.exp(eta).astype(np.float64)
            if change < tol:
                converged = True
                break
        gram = (x * (mu / (1.0 + a * mu))[:, None]).T @ x
        edf = float(np.trace(np.linalg.solve(gram + penalty, gram)))
        df_resid = max(n - edf, 1.0)
        new_a = _moment_alpha(y, mu, df_resid) if alpha is None else a
        pearson = float(np.sum((y - mu) ** 2 / (mu * (1.0 + new_a * mu))))
        new_phi = phi if dispersion is not None else max(pearson / df_resid, dispersion_floor)
        settled = abs(new_phi - phi) <= 1e-7 * phi and abs(new_a - a) <= 1e-7 * (1 + a)
        phi, a = new_phi, new_a
        if settled:
            break
    gram = (x * (mu / (1.0 + a * mu))[:, None]).T @ x
    inverse = np.linalg.inv(gram + np.diag(phi * precision))
    return RateFit(
        coef=beta,
        cov=(phi * inverse).astype(np.float64),
        dispersion=phi,
        alpha=a,
        edf=edf,
        df_resid=df_resid,
        mu=mu,
        converged=converged,
    )


def _moment_alpha(y: FloatArray, mu: FloatArray, df_resid: float) -> float:
    """The NB2 α at which the Pearson statistic equals the residual df (0 if already below)."""
    squared = (y - mu) ** 2

    def excess(alpha: float) -> float:
        return float(np.sum(squared / (mu * (1.0 + alpha * mu)))) - df_resid

    if excess(0.0) <= 0.0:
        return 0.0
    low, high = 0.0, 1.0
    while excess(high) > 0.0 and high < _MAX_ALPHA:
        low, high = high, high * 2.0
    for _ in range(50):
        mid = (low + high) / 2.0
        if excess(mid) > 0.0:
            low = mid
        else:
            high = mid
    return (low + high) / 2.0
