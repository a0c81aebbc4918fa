"""Benchmark the trigger engine on simulated diaries with known effects.

Compares (a) naive per-factor Pearson correlation (p < 0.05, every factor × lag),
(b) our engine (`twitchguide.insights.triggers.analyse_triggers`), and (c) an oracle that fits
only the true terms (unpenalised quasi-Poisson, same nuisance terms, flags when p < 0.05).

    .venv/bin/python benchmarks/simulate_diaries.py --diaries 200 --jobs 2
"""

from __future__ import annotations

import argparse
import math
import sys
import time
import zlib
from collections import defaultdict
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path
from typing import Any

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
sys.path.insert(0, str(Path(__file__).resolve().parent))

from diary_simulator import SCENARIOS, Scenario, Term, simulate_table

from twitchguide.insights import student_t
from twitchguide.insights.daily_table import DailyTable
from twitchguide.insights.factors import FACTOR_NAMES, FACTORS_BY_NAME
from twitchguide.insights.ratefit import fit_rate_model
from twitchguide.insights.triggers import FDR_Q, PRIOR_SD, analyse_triggers

LENGTHS = (30, 60, 90, 180)
ALL_TERMS: list[Term] = [(name, lag) for name in FACTOR_NAMES for lag in (0, 1)]


def naive_flags(table: DailyTable) -> dict[Term, int]:
    """Pearson r of daily rate with each factor × lag; +1/-1 when p < 0.05, else 0."""
    rate = table.episodes / table.hours * 16
    flags: dict[Term, int] = {}
    for name, lag in ALL_TERMS:
        raw = table.factors[name]
        x = raw if lag == 0 else np.concatenate([[np.nan], raw[:-1]])
        ok = table.observed & np.isfinite(x)
        if lag == 1:
            ok &= np.concatenate([[False], table.observed[:-1]])
        n = int(ok.sum())
        if n < 4 or np.std(x[ok]) == 0 or np.std(rate[ok]) == 0:
            flags[(name, lag)] = 0
            continue
        r = float(np.corrcoef(x[ok], rate[ok])[0, 1])
        t = r * math.sqrt((n - 2) / max(1e-12, 1 - r * r))
        significant = student_t.two_sided_p(t, n - 2) < 0.05
        # The sign in the factor's contrast direction (e.g. less sleep).
        sign = int(np.sign(r * FACTORS_BY_NAME[name].delta))
        flags[(name, lag)] = sign if significant else 0
    return flags


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
        factor = FACTORS_BY_NAME[name]
        raw = table.factors[name]
        v = np.where(np.isfinite(raw), (raw > 0) * 1.0, np.nan) if factor.binary else raw
        x = v[rows] if lag == 0 else np.where(previous >= 0, v[np.maximum(previous, 0)], np.nan)
        mean = np.nanmean(v[rows])
        cols.append(np.where(np.isfinite(x), x - mean, 0.0))
        scales.append(factor.delta)
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


def one_diary(args: tuple[str, int, int, dict[str, float]]) -> dict[str, Any]:
    scenario_name, n_days, index, settings = args
    scenario = SCENARIOS[scenario_name]
    # Each (scenario, length, index) has its own stream, reproducible run to run.
    rng = np.random.default_rng([zlib.crc32(scenario_name.encode()), n_days, index])
    table = simulate_table(scenario, n_days, rng)
    ours = analyse_triggers(table, **settings)
    engine = {}
    for r in ours.results:
        if r.rate_ratio is None:
            continue
        assert r.ci_low is not None and r.ci_high is not None
        engine[(r.factor, r.lag_days)] = (
            r.evidence,
            math.log(r.rate_ratio),
            math.log(r.ci_low),
            math.log(r.ci_high),
        )
    return {"naive": naive_flags(table), "engine": engine, "oracle": oracle_fit(table, scenario)}


def summarise(scenario: Scenario, runs: list[dict[str, Any]]) -> dict[str, Any]:
    true_terms = list(scenario.effects)
    n = len(runs)
    out: dict[str, Any] = {"diaries": n}
    counts: dict[str, float] = defaultdict(float)
    power: dict[str, dict[Term, float]] = defaultdict(lambda: defaultdict(float))
    sq_err: dict[str, list[float]] = defaultdict(list)
    covered: dict[str, list[bool]] = defaultdict(list)
    fdp: dict[str, list[float]] = defaultdict(list)
    for run in runs:
        per_method: dict[str, tuple[int, int]] = {}
        # Naive: a flag is true only for a true term in the true direction.
        true_flags = false_flags = 0
        for term, sign in run["naive"].items():
            if sign == 0:
                continue
            right = term in scenario.effects and sign == np.sign(scenario.log_rr(term))
            true_flags += right
            false_flags += not right
            if right:
                power["naive"][term] += 1
        per_method["naive"] = (true_flags, false_flags)
        for label, levels in (
            ("engine_likely", {"likely"}),
            ("engine_any", {"likely", "possible"}),
        ):
            true_flags = false_flags = 0
            for term, (evidence, est, _lo, _hi) in run["engine"].items():
                if evidence not in levels:
                    continue
                right = term in scenario.effects and np.sign(est) == np.sign(scenario.log_rr(term))
                true_flags += right
                false_flags += not right
                if right:
                    power[label][term] += 1
            per_method[label] = (true_flags, false_flags)
        for term, (_evidence, est, lo, hi) in run["engine"].items():
            truth = scenario.log_rr(term)
            kind = "true" if term in scenario.effects else "null"
            sq_err[f"engine_{kind}"].append((est - truth) ** 2)
            covered[f"engine_{kind}"].append(lo <= truth <= hi)
        true_flags = 0
        for term, (est, lo, hi) in run["oracle"].items():
            truth = scenario.log_rr(term)
            sq_err["oracle_true"].append((est - truth) ** 2)
            covered["oracle_true"].append(lo <= truth <= hi)
            if (lo > 0 or hi < 0) and np.sign(est) == np.sign(truth):
                power["oracle"][term] += 1
        for method, (t, f) in per_method.items():
            counts[f"{method}_true"] += t
            counts[f"{method}_false"] += f
            counts[f"{method}_any_false"] += f > 0
            fdp[method].append(f / (t + f) if t + f else 0.0)
    for method in ("naive", "engine_likely", "engine_any"):
        flags = counts[f"{method}_true"] + counts[f"{method}_false"]
        out[method] = {
            "share_false": counts[f"{method}_false"] / flags if flags else 0.0,
            "fdr": float(np.mean(fdp[method])),
            "p_any_false": counts[f"{method}_any_false"] / n,
            "power": {f"{t[0]}@{t[1]}": power[method][t] / n for t in true_terms},
        }
    out["oracle"] = {"power": {f"{t[0]}@{t[1]}": power["oracle"][t] / n for t in true_terms}}
    out["rmse"] = {k: math.sqrt(float(np.mean(v))) for k, v in sq_err.items()}
    out["coverage"] = {k: float(np.mean(v)) for k, v in covered.items()}
    out["coverage"]["engine_all"] = float(np.mean(covered["engine_true"] + covered["engine_null"]))
    return out


def run(
    diaries: int,
    jobs: int,
    lengths: tuple[int, ...],
    scenarios: list[str],
    settings: dict[str, float] | None = None,
) -> dict[str, Any]:
    results: dict[str, Any] = {}
    with ProcessPoolExecutor(max_workers=jobs) as pool:
        for name in scenarios:
            for n_days in lengths:
                tasks = [(name, n_days, i, settings or {}) for i in range(diaries)]
                runs = list(pool.map(one_diary, tasks, chunksize=max(1, diaries // (4 * jobs))))
                results[f"{name}/{n_days}"] = summarise(SCENARIOS[name], runs)
    return results


def _pct(x: float) -> str:
    return f"{100 * x:.0f}%"


def _pct1(x: float) -> str:
    return f"{100 * x:.1f}%"


def render(results: dict[str, Any], lengths: tuple[int, ...]) -> str:
    lines = []
    eff = [results[f"effects/{n}"] for n in lengths if f"effects/{n}" in results]
    if eff:
        lines += ["### Scenario with true effects", ""]
        lines.append("| measure | " + " | ".join(f"{n} days" for n in lengths) + " |")
        lines.append("|---" * (len(lengths) + 1) + "|")

        def row(label: str, values: list[str]) -> None:
            lines.append(f"| {label} | " + " | ".join(values) + " |")

        for method, title in (
            ("naive", "naive Pearson"),
            ("engine_likely", "engine `likely`"),
            ("engine_any", "engine `likely`+`possible`"),
        ):
            row(f"{title}: FDR (mean share of false flags)", [_pct(r[method]["fdr"]) for r in eff])
            row(
                f"{title}: share of all flags that are false",
                [_pct(r[method]["share_false"]) for r in eff],
            )
            row(f"{title}: P(≥1 false flag)", [_pct(r[method]["p_any_false"]) for r in eff])
        for term in eff[0]["oracle"]["power"]:
            row(
                f"power {term}: naive / engine likely / engine any / oracle",
                [
                    " / ".join(
                        _pct(r[m]["power"][term])
                        for m in ("naive", "engine_likely", "engine_any", "oracle")
                    )
                    for r in eff
                ],
            )
        row("mean power ratio, engine `likely` / oracle", [_ratio(r, "engine_likely") for r in eff])
        row("mean power ratio, engine any / oracle", [_ratio(r, "engine_any") for r in eff])
        row(
            "RMSE log RR, true terms: engine / oracle",
            [f"{r['rmse']['engine_true']:.3f} / {r['rmse']['oracle_true']:.3f}" for r in eff],
        )
        row("RMSE log RR, null terms: engine", [f"{r['rmse']['engine_null']:.3f}" for r in eff])
        row("95% CI coverage, all terms: engine", [_pct1(r["coverage"]["engine_all"]) for r in eff])
        row(
            "95% CI coverage, true / null terms: engine",
            [
                f"{_pct1(r['coverage']['engine_true'])} / {_pct1(r['coverage']['engine_null'])}"
                for r in eff
            ],
        )
        row(
            "95% CI coverage, true terms: oracle",
            [_pct1(r["coverage"]["oracle_true"]) for r in eff],
        )
        lines.append("")
    null = [results[f"no_effects/{n}"] for n in lengths if f"no_effects/{n}" in results]
    if null:
        lines += ["### Scenario with no true effects", ""]
        lines.append("| measure | " + " | ".join(f"{n} days" for n in lengths) + " |")
        lines.append("|---" * (len(lengths) + 1) + "|")
        lines.append(
            "| naive Pearson: P(≥1 false flag) | "
            + " | ".join(_pct(r["naive"]["p_any_false"]) for r in null)
            + " |"
        )
        lines.append(
            "| engine: P(≥1 false `likely`) | "
            + " | ".join(_pct(r["engine_likely"]["p_any_false"]) for r in null)
            + " |"
        )
        lines.append(
            "| engine: P(≥1 false `likely` or `possible`) | "
            + " | ".join(_pct(r["engine_any"]["p_any_false"]) for r in null)
            + " |"
        )
        lines.append(
            "| engine: 95% CI coverage | "
            + " | ".join(_pct1(r["coverage"]["engine_null"]) for r in null)
            + " |"
        )
        lines.append(
            "| engine: RMSE log RR | "
            + " | ".join(f"{r['rmse']['engine_null']:.3f}" for r in null)
            + " |"
        )
    return "\n".join(lines)


def _ratio(result: dict[str, Any], method: str) -> str:
    ours = np.mean(list(result[method]["power"].values()))
    oracle = np.mean(list(result["oracle"]["power"].values()))
    return f"{ours / oracle:.2f}" if oracle else "n/a"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--diaries", type=int, default=200, help="diaries per length and scenario")
    parser.add_argument("--jobs", type=int, default=2, help="worker processes")
    parser.add_argument("--lengths", default=",".join(map(str, LENGTHS)))
    parser.add_argument("--scenarios", default="effects,no_effects")
    parser.add_argument("--prior-sd", type=float, default=PRIOR_SD, help="engine prior SD")
    parser.add_argument("--q", type=float, default=FDR_Q, help="engine BH level")
    parser.add_argument("--dispersion-floor", type=float, default=1.0, help="engine φ floor")
    args = parser.parse_args()
    lengths = tuple(int(x) for x in args.lengths.split(","))
    started = time.perf_counter()
    results = run(
        args.diaries,
        args.jobs,
        lengths,
        args.scenarios.split(","),
        {"prior_sd": args.prior_sd, "q": args.q, "dispersion_floor": args.dispersion_floor},
    )
    print(render(results, lengths))
    print(
        f"\n{args.diaries} diaries per cell; prior SD {args.prior_sd}, q {args.q}, "
        f"dispersion floor {args.dispersion_floor}; {args.jobs} jobs, "
        f"{time.perf_counter() - started:.0f} s"
    )


if __name__ == "__main__":
    main()
