"""The simulation benchmark still runs, and its diaries have the hard parts they claim to have."""

from __future__ import annotations

import numpy as np

from benchmarks import diary_simulator as sim
from benchmarks import simulate_diaries as bench


def test_simulated_diaries_are_confounded_gappy_partial_and_overdispersed() -> None:
    table = sim.simulate_table(sim.NO_EFFECTS, 365, np.random.default_rng(1))
    f = table.factors
    both = np.isfinite(f["stress"]) & np.isfinite(f["anxiety"]) & np.isfinite(f["sleep_hours"])
    assert np.corrcoef(f["stress"][both], f["anxiety"][both])[0, 1] > 0.4
    assert np.corrcoef(f["stress"][both], f["sleep_hours"][both])[0, 1] < -0.2
    assert 0.05 < 1 - table.observed.mean() < 0.3
    assert (table.hours[table.observed] < 16).mean() > 0.15
    counts = table.episodes[table.observed]
    assert counts.var() > 2 * counts.mean()


def test_benchmark_runs_end_to_end_on_a_few_diaries() -> None:
    results = bench.run(diaries=3, jobs=1, lengths=(40,), scenarios=["effects", "no_effects"])
    text = bench.render(results, (40,))
    assert "Scenario with true effects" in text and "Scenario with no true effects" in text
    assert "mean power ratio" in text
