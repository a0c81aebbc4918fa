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
    engines = dict(bench.ENGINES)
    results = bench.run(3, 1, (40,), ["effects", "no_effects"], engines)
    text = bench.render(results, (40,), list(engines))
    assert "Scenario with true effects" in text and "Scenario with no true effects" in text
    assert "mean power ratio to oracle: old / new" in text


def test_the_old_engine_models_alcohol_yes_no_and_the_new_one_in_units() -> None:
    table = sim.simulate_table(sim.EFFECTS, 120, np.random.default_rng(2))
    old = bench.analyse_triggers(table, **bench.ENGINES["old"])
    new = bench.analyse_triggers(table, **bench.ENGINES["new"])
    contrast = {r.contrast for r in old.results if r.factor == "alcohol_units"}
    assert contrast == {"alcohol yes"}
    assert {r.contrast for r in new.results if r.factor == "alcohol_units"} == {
        "+1 unit of alcohol"
    }
    assert old.method["fdr_q"] == 0.10 and new.method["fdr_q"] == 0.15
