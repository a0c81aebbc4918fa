"""Check the self-experiment design on simulated people: stated power, false positives, coverage.

Each simulated person has 90 days of diary (the trigger simulator, no effects) and then runs
the experiment; on "on" days they keep the condition with probability `--adherence`, and only
kept "on" days get the true effect. The power statement is made from the 90 days before, as the
app makes it; the result is the app's own pre-specified analysis.

    nice -n 10 .venv/bin/python benchmarks/bench_experiment.py --people 2000
"""

from __future__ import annotations

import argparse
import math
import sys
import time
from concurrent.futures import ProcessPoolExecutor
from datetime import timedelta
from pathlib import Path
from typing import Any

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
sys.path.insert(0, str(Path(__file__).resolve().parent))

from diary_simulator import NO_EFFECTS, START, simulate_table

from twitchguide.insights.experiment import DayOutcome, analyse, make_design, schedule
from twitchguide.insights.experiment_power import expected_power, history_pairs

HISTORY_DAYS = 90
RATE_RATIOS = (1.0, 0.8, 0.7, 0.6, 0.5)


def one_person(args: tuple[int, str, int, int, float, float]) -> dict[str, Any]:
    index, step, pairs, block_days, rate_ratio, adherence = args
    rng = np.random.default_rng([index, pairs, block_days, int(rate_ratio * 1000)])
    start = START + timedelta(days=HISTORY_DAYS)
    design = make_design(step, start, seed=index, pairs=pairs, block_days=block_days)
    plan = schedule(design)
    kept = rng.uniform(size=len(plan)) < adherence
    n = HISTORY_DAYS + len(plan)
    effect = np.zeros(n)
    for i, day in enumerate(plan):
        if day.on and kept[i]:
            effect[HISTORY_DAYS + i] = math.log(rate_ratio)
    table = simulate_table(NO_EFFECTS, n, rng, day_log_rr=effect)
    outcomes = [
        (
            table.days[i],
            DayOutcome(
                int(table.episodes[i]), float(table.hours[i]), bool(table.observed[i]), None
            ),
        )
        for i in range(n)
    ]
    history = history_pairs(outcomes[:HISTORY_DAYS], block_days, design.washout_days)
    experiment = {
        day: DayOutcome(o.episodes, o.hours, o.logged, bool(kept[i]))
        for i, (day, o) in enumerate(outcomes[HISTORY_DAYS:])
    }
    result = analyse(design, experiment)
    found = result.ci_high is not None and (
        result.ci_high < 1 if rate_ratio < 1 else (result.ci_high < 1 or (result.ci_low or 0) > 1)
    )
    covered = (
        result.ci_low is not None
        and result.ci_high is not None
        and result.ci_low <= rate_ratio <= result.ci_high
    )
    return {
        "stated": expected_power(rate_ratio, history, pairs),
        "found": found,
        "covered": covered,
        "answered": result.ci_low is not None,
        "sd": history.pair_sd,
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--people", type=int, default=2000)
    parser.add_argument("--jobs", type=int, default=2)
    parser.add_argument("--step", default="caffeine_off")
    parser.add_argument("--designs", default="4x4,6x4,8x4", help="PAIRSxBLOCK_DAYS,...")
    parser.add_argument("--adherence", type=float, default=0.9)
    args = parser.parse_args()
    started = time.perf_counter()
    print(
        "| design | true rate ratio | stated power (mean) | simulated power | gap (points) "
        "| interval coverage | answered | median SD used |"
    )
    print("|---|---|---|---|---|---|---|---|")
    with ProcessPoolExecutor(max_workers=args.jobs) as pool:
        for design in args.designs.split(","):
            pairs, block_days = (int(x) for x in design.split("x"))
            for rr in RATE_RATIOS:
                tasks = [
                    (i, args.step, pairs, block_days, rr, args.adherence)
                    for i in range(args.people)
                ]
                rows = list(pool.map(one_person, tasks, chunksize=50))
                answered = [r for r in rows if r["answered"]]
                stated = float(np.mean([r["stated"] for r in rows]))
                found = float(np.mean([r["found"] for r in rows]))
                se = math.sqrt(max(found * (1 - found), 1e-9) / len(rows))
                covered = float(np.mean([r["covered"] for r in answered])) if answered else 0.0
                cov_se = math.sqrt(covered * (1 - covered) / max(1, len(answered)))
                label = "false positives" if rr == 1 else "power"
                print(
                    f"| {pairs} pairs × {block_days} days | {rr:.1f} | "
                    f"{100 * stated:.1f}% | {100 * found:.1f}% ± {100 * se:.1f} ({label}) | "
                    f"{100 * (stated - found):+.1f} | {100 * covered:.1f}% ± {100 * cov_se:.1f} | "
                    f"{100 * len(answered) / len(rows):.0f}% | "
                    f"{np.median([r['sd'] for r in rows]):.2f} |"
                )
    print(
        f"\n{args.people} simulated people per row; step {args.step}; adherence "
        f"{args.adherence}; {time.perf_counter() - started:.0f} s"
    )


if __name__ == "__main__":
    main()
