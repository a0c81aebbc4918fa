"""Benchmark trigger engines side by side on simulated diaries with known effects.

Every engine sees the same diaries. An oracle fits only the true terms, on their true scale
(unpenalised, same nuisance terms and variance model as the truth, flags at p < 0.05).

    nice -n 10 .venv/bin/python benchmarks/simulate_diaries.py --diaries 400 --jobs 2

`--engine NAME=key:value,...` adds an engine (keys are `analyse_triggers` keywords), e.g.
`--engine qp=variance:quasi_poisson`; `--only-extra` drops the default old/new pair.
"""

from __future__ import annotations

import argparse
import contextlib
import math
import sys
import time
import zlib
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path
from typing import Any

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
sys.path.insert(0, str(Path(__file__).resolve().parent))

from diary_simulator import SCENARIOS, Scenario, Term, simulate_table

from twitchguide.insights import student_t
from twitchguide.insights.daily_table import DailyTable
from twitchguide.insights.factors import FACTORS_BY_NAME
from twitchguide.insights.ratefit import fit_rate_model
from twitchguide.insights.triggers import analyse_triggers

LENGTHS = (30, 60, 90, 180)
# The engine as it was before issue 17, and the measured choice after it.
ENGINES: dict[str, dict[str, Any]] = {
    "old": {"alcohol_yes_no": True, "variance": "negative_binomial", "discovery": "bh", "q": 0.1},
    "new": {},
}
_BOOT = 400


def oracle_fit(table: DailyTable, scenario: Scenario) -> dict[Term, tuple[float, float, float]]:
    """(log RR, CI low, CI high) per true term from a model holding only the true terms."""
    terms = list(scenario.effects)
    if not terms:
        return {}
    rows = np.flatnonzero(table.observed)
    previous = rows - 1
    prev_ok = previous >= 0
    prev_ok[prev_ok] = table.observed[previous[prev_ok]]
    prev_rate = np.zeros(len(rows))
    prev_rate[prev_ok] = np.log(
        (table.episodes[previous[prev_ok]] + 0.5) / (table.hours[previous[prev_ok]] / 16)
    )
    cols = [np.ones(len(rows)), table.weekend[rows].astype(float), prev_rate, (~prev_ok) * 1.0]
    scales = []
    for name, lag in terms:
        v = table.factors[name]
        x = v[rows] if lag == 0 else np.where(previous >= 0, v[np.maximum(previous, 0)], np.nan)
        mean = np.nanmean(v[rows])
        cols.append(np.where(np.isfinite(x), x - mean, 0.0))
        scales.append(FACTORS_BY_NAME[name].delta)
    design = np.column_stack(cols)
    fit = fit_rate_model(
        design,
        table.episodes[rows],
        np.log(table.hours[rows] / 16),
        np.full(design.shape[1], 1e-6),
        alpha=None,
    )
    t_crit = student_t.quantile(0.975, fit.df_resid)
    out = {}
    for j, term in enumerate(terms):
        b, s = fit.coef[4 + j] * scales[j], fit.se[4 + j] * abs(scales[j])
        out[term] = (float(b), float(b - t_crit * s), float(b + t_crit * s))
    return out


def one_diary(args: tuple[str, int, int, dict[str, dict[str, Any]]]) -> dict[str, Any]:
    scenario_name, n_days, index, engines = args
    scenario = SCENARIOS[scenario_name]
    # Each (scenario, length, index) has its own stream, reproducible run to run.
    rng = np.random.default_rng([zlib.crc32(scenario_name.encode()), n_days, index])
    table = simulate_table(scenario, n_days, rng)
    out: dict[str, Any] = {"oracle": oracle_fit(table, scenario)}
    for name, settings in engines.items():
        terms = {}
        for r in analyse_triggers(table, **settings).results:
            if r.rate_ratio is None:
                continue
            assert r.ci_low is not None and r.ci_high is not None
            # A yes/no contrast has no true value in a dose simulator: no coverage for it.
            comparable = r.contrast == FACTORS_BY_NAME[r.factor].contrast
            terms[(r.factor, r.lag_days)] = (
                r.evidence,
                math.log(r.rate_ratio),
                math.log(r.ci_low) if comparable else None,
                math.log(r.ci_high) if comparable else None,
            )
        out[name] = terms
    return out


def per_diary(scenario: Scenario, run: dict[str, Any], engine: str) -> dict[str, Any]:
    """One diary's outcome for one engine: which true terms it found, false flags, coverage."""
    found = {}
    true_flags = false_flags = 0
    possible_true = possible_false = 0
    covered = checked = covered_true = checked_true = 0
    for term, (evidence, est, lo, hi) in run[engine].items():
        truth = scenario.log_rr(term)
        if evidence == "possible":
            right = term in scenario.effects and np.sign(est) == np.sign(truth)
            possible_true += right
            possible_false += not right
        if evidence == "likely":
            right = term in scenario.effects and np.sign(est) == np.sign(truth)
            true_flags += right
            false_flags += not right
            if right:
                found[term] = True
        if lo is not None:
            checked += 1
            covered += lo <= truth <= hi
            if term in scenario.effects:
                checked_true += 1
                covered_true += lo <= truth <= hi
    return {
        "found": [bool(found.get(t)) for t in scenario.effects],
        "true": true_flags,
        "false": false_flags,
        "covered": covered,
        "checked": checked,
        "possible": (possible_true, possible_false),
        "true_coverage": (covered_true, checked_true),
    }


def oracle_found(scenario: Scenario, run: dict[str, Any]) -> tuple[list[bool], int, int]:
    found, covered = [], 0
    for term in scenario.effects:
        est, lo, hi = run["oracle"][term]
        truth = scenario.log_rr(term)
        found.append((lo > 0 or hi < 0) and np.sign(est) == np.sign(truth))
        covered += lo <= truth <= hi
    return found, covered, len(scenario.effects)


def summarise(scenario: Scenario, runs: list[dict[str, Any]], engines: list[str]) -> dict[str, Any]:
    n = len(runs)
    rng = np.random.default_rng(0)
    boot = rng.integers(0, n, size=(_BOOT, n))
    oracle = [oracle_found(scenario, run) for run in runs]
    oracle_hits = np.array([o[0] for o in oracle], dtype=float).reshape(n, -1)
    out: dict[str, Any] = {"diaries": n, "terms": [f"{t[0]}@{t[1]}" for t in scenario.effects]}
    if scenario.effects:
        out["oracle"] = {
            "power": oracle_hits.mean(axis=0).tolist(),
            "coverage": sum(o[1] for o in oracle) / max(1, sum(o[2] for o in oracle)),
        }
    for engine in engines:
        rows = [per_diary(scenario, run, engine) for run in runs]
        hits = np.array([r["found"] for r in rows], dtype=float).reshape(n, -1)
        fdp = np.array([r["false"] / (r["true"] + r["false"]) if r["false"] else 0.0 for r in rows])
        any_false = np.array([r["false"] > 0 for r in rows], dtype=float)
        flags = sum(r["true"] + r["false"] for r in rows)
        covered = np.array([r["covered"] for r in rows], dtype=float)
        checked = np.array([r["checked"] for r in rows], dtype=float)
        summary = {
            "fdr": float(fdp.mean()),
            "fdr_se": float(fdp.std() / math.sqrt(n)),
            "share_false": sum(r["false"] for r in rows) / flags if flags else 0.0,
            "possible_share_false": _share(
                sum(r["possible"][1] for r in rows), sum(sum(r["possible"]) for r in rows)
            ),
            "flags": flags,
            "p_any_false": float(any_false.mean()),
            "coverage": float(covered.sum() / checked.sum()),
            "true_coverage": _share(
                sum(r["true_coverage"][0] for r in rows), sum(r["true_coverage"][1] for r in rows)
            ),
            "coverage_se": float(np.std(covered[boot].sum(1) / checked[boot].sum(1))),
        }
        if scenario.effects:
            summary["power"] = hits.mean(axis=0).tolist()
            ratio = hits.mean() / max(oracle_hits.mean(), 1e-12)
            boot_ratio = hits[boot].mean(axis=(1, 2)) / np.maximum(
                oracle_hits[boot].mean(axis=(1, 2)), 1e-12
            )
            summary["ratio"] = float(ratio)
            summary["ratio_se"] = float(boot_ratio.std())
        out[engine] = summary
    return out


def _share(part: int, whole: int) -> float:
    return part / whole if whole else 0.0


def run(
    diaries: int,
    jobs: int,
    lengths: tuple[int, ...],
    scenarios: list[str],
    engines: dict[str, dict[str, Any]],
) -> dict[str, Any]:
    results: dict[str, Any] = {}
    with ProcessPoolExecutor(max_workers=jobs) as pool:
        for name in scenarios:
            for n_days in lengths:
                tasks = [(name, n_days, i, engines) for i in range(diaries)]
                runs = list(pool.map(one_diary, tasks, chunksize=max(1, diaries // (4 * jobs))))
                results[f"{name}/{n_days}"] = summarise(SCENARIOS[name], runs, list(engines))
    return results


def _pct(x: float) -> str:
    return f"{100 * x:.0f}%"


def _pct1(x: float) -> str:
    return f"{100 * x:.1f}%"


def render(results: dict[str, Any], lengths: tuple[int, ...], engines: list[str]) -> str:
    lines: list[str] = []

    def table(title: str, cells: list[dict[str, Any]], rows: list[tuple[str, Any]]) -> None:
        lines.extend([f"#### {title}", ""])
        lines.append("| measure | " + " | ".join(f"{n} days" for n in lengths) + " |")
        lines.append("|---" * (len(lengths) + 1) + "|")
        for label, make in rows:
            lines.append(f"| {label} | " + " | ".join(make(c) for c in cells) + " |")
        lines.append("")

    def each(fmt: Any) -> Any:
        return lambda c: " / ".join(fmt(c[e]) for e in engines)

    names = " / ".join(engines)
    for scenario, title in (
        ("effects", "Scenario with true effects"),
        ("strong_effects", "Scenario with stronger true effects"),
    ):
        eff = [results[f"{scenario}/{n}"] for n in lengths if f"{scenario}/{n}" in results]
        if eff:
            _effects_table(eff, engines, names, title, table, each)
    null = [results[f"no_effects/{n}"] for n in lengths if f"no_effects/{n}" in results]
    if null:
        table(
            "Scenario with no true effects",
            null,
            [
                (f"P(≥1 false `likely`): {names}", each(lambda e: _pct(e["p_any_false"]))),
                (f"95% CI coverage: {names}", each(lambda e: _pct1(e["coverage"]))),
            ],
        )
    return "\n".join(lines)


def _effects_table(
    eff: list[dict[str, Any]], engines: list[str], names: str, title: str, table: Any, each: Any
) -> None:
    rows: list[tuple[str, Any]] = []
    for j, term in enumerate(eff[0]["terms"]):
        rows.append(
            (
                f"power `likely` {term}: {names} / oracle",
                lambda c, j=j: " / ".join(
                    [_pct(c[e]["power"][j]) for e in engines] + [_pct(c["oracle"]["power"][j])]
                ),
            )
        )
    rows += [
        (f"mean power ratio to oracle: {names}", each(lambda e: f"{e['ratio']:.2f}")),
        ("  (Monte Carlo SE of the ratio)", each(lambda e: f"±{e['ratio_se']:.2f}")),
        (f"FDR `likely`: {names}", each(lambda e: _pct1(e["fdr"]))),
        ("  (Monte Carlo SE of the FDR)", each(lambda e: f"±{100 * e['fdr_se']:.1f}")),
        (
            f"share of all `likely` flags that are false: {names}",
            each(lambda e: _pct(e["share_false"])),
        ),
        (f"P(≥1 false `likely`): {names}", each(lambda e: _pct(e["p_any_false"]))),
        (
            f"share of all `possible` flags that are false: {names}",
            each(lambda e: _pct(e["possible_share_false"])),
        ),
        (f"95% CI coverage: {names}", each(lambda e: _pct1(e["coverage"]))),
        (
            "  (Monte Carlo SE of the coverage)",
            each(lambda e: f"±{100 * e['coverage_se']:.1f}"),
        ),
        (f"95% CI coverage, true terms: {names}", each(lambda e: _pct1(e["true_coverage"]))),
        ("95% CI coverage, oracle (true terms)", lambda c: _pct1(c["oracle"]["coverage"])),
    ]
    table(title, eff, rows)


def _parse_engine(text: str) -> tuple[str, dict[str, Any]]:
    name, _, spec = text.partition("=")
    settings: dict[str, Any] = {}
    for item in filter(None, spec.split(",")):
        key, _, raw = item.partition(":")
        value: Any = raw
        if raw in ("true", "false"):
            value = raw == "true"
        else:
            with contextlib.suppress(ValueError):
                value = float(raw)
        settings[key] = value
    return name, settings


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--diaries", type=int, default=400, help="diaries per length and scenario")
    parser.add_argument("--jobs", type=int, default=2, help="worker processes")
    parser.add_argument("--lengths", default=",".join(map(str, LENGTHS)))
    parser.add_argument("--scenarios", default="effects,no_effects")
    parser.add_argument("--engine", action="append", default=[], help="NAME=key:value,...")
    parser.add_argument("--only-extra", action="store_true", help="skip the old/new pair")
    args = parser.parse_args()
    lengths = tuple(int(x) for x in args.lengths.split(","))
    engines = {} if args.only_extra else dict(ENGINES)
    engines.update(_parse_engine(text) for text in args.engine)
    started = time.perf_counter()
    results = run(args.diaries, args.jobs, lengths, args.scenarios.split(","), engines)
    print(render(results, lengths, list(engines)))
    for name, settings in engines.items():
        print(f"- {name}: {settings or 'the defaults'}")
    print(
        f"\n{args.diaries} diaries per cell; {args.jobs} jobs, "
        f"{time.perf_counter() - started:.0f} s"
    )


if __name__ == "__main__":
    main()
