"""The penalised IRLS fit agrees with statsmodels, and the t distribution with scipy."""

from __future__ import annotations

import numpy as np
import pytest

from twitchguide.insights import student_t
from twitchguide.insights.discovery import benjamini_hochberg
from twitchguide.insights.ratefit import fit_rate_model

sm = pytest.importorskip("statsmodels.api")


def _data(seed: int = 3, n: int = 90) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    rng = np.random.default_rng(seed)
    x = np.column_stack([np.ones(n), rng.normal(size=(n, 4))])
    offset = np.log(rng.uniform(6, 16, size=n) / 16)
    mu = np.exp(offset + 1.5 + x[:, 1:] @ np.array([0.3, -0.2, 0.0, 0.1]))
    # Gamma frailty makes the counts overdispersed, as real diaries are.
    y = rng.poisson(mu * rng.gamma(2.0, 0.5, size=n)).astype(float)
    return x, y, offset


def test_unpenalised_fit_matches_statsmodels_quasi_poisson() -> None:
    x, y, offset = _data()
    ours = fit_rate_model(x, y, offset, np.zeros(x.shape[1]), dispersion_floor=0.0)
    ref = sm.GLM(y, x, family=sm.families.Poisson(), offset=offset).fit(scale="X2")
    np.testing.assert_allclose(ours.coef, ref.params, rtol=1e-6, atol=1e-8)
    np.testing.assert_allclose(ours.se, ref.bse, rtol=1e-5)
    assert ours.dispersion == pytest.approx(ref.scale, rel=1e-5)
    assert ours.edf == pytest.approx(x.shape[1])


def test_penalised_poisson_fit_matches_statsmodels_ridge() -> None:
    x, y, offset = _data(seed=11)
    precision = np.array([0.0, 1 / 0.3**2, 1 / 0.3**2, 1 / 0.3**2, 1 / 0.3**2])
    ours = fit_rate_model(x, y, offset, precision, dispersion=1.0)
    model = sm.GLM(y, x, family=sm.families.Poisson(), offset=offset)
    # statsmodels minimises -loglik/n + alpha/2 * |beta|^2 when L1_wt = 0.
    ref = model.fit_regularized(alpha=precision / len(y), L1_wt=0.0, maxiter=500, cnvrg_tol=1e-12)
    np.testing.assert_allclose(ours.coef, ref.params, atol=1e-5)
    # The penalised optimum: the score equals the prior's pull.
    score = x.T @ (y - ours.mu)
    np.testing.assert_allclose(score, precision * ours.coef, atol=1e-6)
    assert ours.edf < x.shape[1]


def test_student_t_matches_scipy() -> None:
    stats = pytest.importorskip("scipy.stats")
    for df in (1.0, 3.5, 12.0, 80.0, 400.0):
        for t in (0.0, 0.5, 1.96, 3.0, 8.0):
            assert student_t.two_sided_p(t, df) == pytest.approx(2 * stats.t.sf(t, df), rel=1e-8)
        assert student_t.quantile(0.975, df) == pytest.approx(stats.t.ppf(0.975, df), rel=1e-8)


def test_benjamini_hochberg_matches_statsmodels() -> None:
    from statsmodels.stats.multitest import multipletests

    rng = np.random.default_rng(5)
    p = list(np.concatenate([rng.uniform(size=14), [0.001, 0.004, 0.011, 0.02]]))
    expected = multipletests(p, alpha=0.10, method="fdr_bh")[0]
    assert benjamini_hochberg(p, 0.10) == list(expected)


def test_negative_binomial_variance_matches_statsmodels() -> None:
    x, y, offset = _data(seed=7)
    ours = fit_rate_model(x, y, offset, np.zeros(x.shape[1]), alpha=0.4, dispersion_floor=0.0)
    family = sm.families.NegativeBinomial(alpha=0.4)
    ref = sm.GLM(y, x, family=family, offset=offset).fit(scale="X2")
    np.testing.assert_allclose(ours.coef, ref.params, rtol=1e-6, atol=1e-8)
    np.testing.assert_allclose(ours.se, ref.bse, rtol=1e-5)


def test_estimated_alpha_makes_pearson_equal_residual_df() -> None:
    x, y, offset = _data(seed=8, n=200)
    fit = fit_rate_model(x, y, offset, np.zeros(x.shape[1]), alpha=None)
    pearson = np.sum((y - fit.mu) ** 2 / (fit.mu * (1 + fit.alpha * fit.mu)))
    assert fit.alpha > 0
    assert pearson == pytest.approx(fit.df_resid, rel=1e-4)
    assert fit.dispersion == pytest.approx(1.0)
