"""Check the self-experiment design on simulated people: stated power, false positives, coverage.

Each simulated person has 90 days of diary (`--history-days`; the trigger simulator, no
effects), then runs the experiment; on "on" days they keep the condition with probability
`--adherence`, and only kept "on" days get the true effect. The power statement is made from
the days before, as the app makes it; the result is the app's own pre-specified analysis (the
exact sign-flip test and its inverted interval). The same people's pairs are also analysed the
old way (Student-t interval, from 3 complete pairs), so old and new false-positive rates and
coverage come from one run.

    nice -n 10 .venv/bin/python benchmarks/bench_experiment.py --people 5000
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

from twitchguide.insights.experiment import (
    MIN_PAIRS_STUDENT_T,
    DayOutcome,
    analyse,
    make_design,
    pair_differences,
    schedule,
)
from twitchguide.insights.experiment_power import expected_power, history_pairs
from twitchguide.insights.pair_tests import student_t_test

HISTORY_DAYS = 90
RATE_RATIOS = (1.0, 0.8, 0.7, 0.6, 0.5)


def one_person(args: tuple[int, str, int, int, float, float, int]) -> dict[str, Any]:
    index, step, pairs, block_days, rate_ratio, adherence, history_days = args
    rng = np.random.default_rng([index, pairs, block_days, int(rate_ratio * 1000)])
    start = START + timedelta(days=history_days)
    design = make_design(step, start, seed=index, pairs=pairs, block_days=block_days)
    plan = schedule(design)
    kept = rng.uniform(size=len(plan)) < adherence
    n = history_days + len(plan)
    effect = np.zeros(n)
    for i, day in enumerate(plan):
        if day.on and kept[i]:
            effect[history_days + i] = math.log(rate_ratio)
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
    history = history_pairs(outcomes[:history_days], block_days, design.washout_days)
    experiment = {
        day: DayOutcome(o.episodes, o.hours, o.logged, bool(kept[i]))
        for i, (day, o) in enumerate(outcomes[history_days:])
    }
    result = analyse(design, experiment)
    answered = result.ci_low is not None and result.ci_high is not None
    low, high = result.ci_low or 0.0, result.ci_high or 0.0
    differences, _counted, _left_out = pair_differences(design, experiment)
    old_answered = len(differences) >= MIN_PAIRS_STUDENT_T
    old = student_t_test(differences) if old_answered else None
    old_low, old_high = (math.exp(old.low), math.exp(old.high)) if old else (0.0, 0.0)
    return {
        "stated": expected_power(rate_ratio, history, pairs),
        "found": answered and _found(low, high, rate_ratio),
        "covered": answered and low <= rate_ratio <= high,
        "answered": answered,
        "old_found": old_answered and _found(old_low, old_high, rate_ratio),
        "old_covered": old_answered and old_low <= rate_ratio <= old_high,
        "old_answered": old_answered,
        "sd": history.pair_sd,
    }


def _found(low: float, high: float, rate_ratio: float) -> bool:
    """Fewer twitches shown when there are fewer; any clear difference when there is none."""
    return high < 1 if rate_ratio < 1 else (high < 1 or low > 1)


def _share(flags: list[bool]) -> tuple[float, float]:
    """The share of True, and its binomial SE, in percent."""
    if not flags:
        return 0.0, 0.0
    share = sum(flags) / len(flags)
    return 100 * share, 100 * math.sqrt(max(share * (1 - share), 1e-9) / len(flags))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--people", type=int, default=2000)
    parser.add_argument("--jobs", type=int, default=2)
    parser.add_argument("--step", default="caffeine_off")
    parser.add_argument("--designs", default="7x6,6x7,8x7", help="PAIRSxBLOCK_DAYS,...")
    parser.add_argument("--adherence", type=float, default=0.9)
    parser.add_argument("--history-days", type=int, default=HISTORY_DAYS)
    args = parser.parse_args()
    started = time.perf_counter()
    print(
        "| design | true rate ratio | stated power (mean) | simulated power | gap (points) "
        "| interval coverage | answered | old t-test: found | old t-test: coverage "
        "| median SD used |"
    )
    print("|---|---|---|---|---|---|---|---|---|---|")
    with ProcessPoolExecutor(max_workers=args.jobs) as pool:
        for design in args.designs.split(","):
            pairs, block_days = (int(x) for x in design.split("x"))
            for rr in RATE_RATIOS:
                tasks = [
                    (i, args.step, pairs, block_days, rr, args.adherence, args.history_days)
                    for i in range(args.people)
                ]
                rows = list(pool.map(one_person, tasks, chunksize=50))
                stated = 100 * float(np.mean([r["stated"] for r in rows]))
                found, found_se = _share([r["found"] for r in rows])
                covered, covered_se = _share([r["covered"] for r in rows if r["answered"]])
                old_found, old_found_se = _share([r["old_found"] for r in rows])
                old_cov, old_cov_se = _share([r["old_covered"] for r in rows if r["old_answered"]])
                label = "false positives" if rr == 1 else "power"
                print(
                    f"| {pairs} pairs × {block_days} days | {rr:.1f} | {stated:.1f}% | "
                    f"{found:.1f}% ± {found_se:.1f} ({label}) | {stated - found:+.1f} | "
                    f"{covered:.1f}% ± {covered_se:.1f} | "
                    f"{100 * np.mean([r['answered'] for r in rows]):.0f}% | "
                    f"{old_found:.1f}% ± {old_found_se:.1f} | {old_cov:.1f}% ± {old_cov_se:.1f} | "
                    f"{np.median([r['sd'] for r in rows]):.2f} |",
                    flush=True,
                )
    print(
        f"\n{args.people} simulated people per row; step {args.step}; adherence "
        f"{args.adherence}; {args.history_days} days of history; "
        f"{time.perf_counter() - started:.0f} s"
    )


if __name__ == "__main__":
    main()
