"""How long insights take on five years of daily diary (~1,800 days, ~20,000 episodes).

    .venv/bin/python benchmarks/insights_speed.py            # in-process and end to end
    .venv/bin/python benchmarks/insights_speed.py --no-cli   # in-process only
    .venv/bin/python benchmarks/insights_speed.py --per-day 111 --stages  # ~200,000 episodes

In-process: `build_insights(diary)` on a loaded Diary, median of 20 warm runs.
End to end: `twitchguide insights --json` as a real process on a SQLite file, median of 5.
"""

from __future__ import annotations

import argparse
import statistics
import sys
import tempfile
import time
from datetime import UTC, date, datetime, timedelta
from pathlib import Path

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from twitchguide.diary.records import (
    DailyFactors,
    Episode,
    ReliefRating,
    Stamps,
    StrengthCheck,
)
from twitchguide.diary.snapshot import Diary
from twitchguide.diary.vocabulary import BODY_REGIONS, RELIEF_STRATEGIES

FIRST_DAY = date(2021, 6, 1)


def synthetic_diary(n_days: int = 1800, per_day: float = 11.0, seed: int = 1) -> Diary:
    """A plausible five-year diary: a factors row most days, ~11 episodes a day, weekly grip."""
    rng = np.random.default_rng(seed)
    made = datetime(2021, 6, 1, tzinfo=UTC)
    ids = iter(range(1, 10_000_000))

    def stamps() -> Stamps:
        return Stamps(next(ids), 1, made, made)

    episodes, days, checks = [], [], []
    regions = rng.choice(BODY_REGIONS[:12], size=4, replace=False)
    for i in range(n_days):
        day = FIRST_DAY + timedelta(days=i)
        stress = int(rng.integers(1, 6))
        if rng.uniform() < 0.9:
            days.append(
                DailyFactors(
                    stamps(),
                    day,
                    sleep_hours=round(float(rng.normal(7, 1)), 1),
                    stress=stress,
                    anxiety=int(rng.integers(1, 6)),
                    caffeine_mg=float(rng.integers(0, 40) * 10),
                    water_litres=round(float(rng.uniform(1, 3)), 1),
                    exercise_minutes=float(rng.integers(0, 7) * 10),
                    alcohol_units=float(rng.integers(0, 3)),
                    magnesium_servings=float(rng.integers(0, 4)),
                    potassium_servings=float(rng.integers(0, 5)),
                )
            )
        start = datetime(day.year, day.month, day.day, 7, tzinfo=UTC)
        for _ in range(rng.poisson(per_day * np.exp(0.1 * (stress - 3)))):
            at = start + timedelta(minutes=float(rng.uniform(0, 16 * 60)))
            episodes.append(
                Episode(
                    stamps(),
                    at,
                    str(rng.choice(regions)),
                    side=str(rng.choice(["left", "right"])),
                    duration_seconds=int(rng.integers(1, 120)),
                    intensity=int(rng.integers(1, 6)),
                )
            )
        if i % 7 == 0:
            grip = [float(v) for v in rng.normal(40, 1.5, 6).round(1)]
            checks.append(
                StrengthCheck(
                    stamps(), start + timedelta(hours=12), *grip, heel_walk="pass", toe_walk="pass"
                )
            )
    ratings = [
        ReliefRating(
            stamps(),
            FIRST_DAY + timedelta(days=30 * k),
            RELIEF_STRATEGIES[k % 8],
            ("helpful", "somewhat", "not_helpful")[k % 3],
        )
        for k in range(12)
    ]
    return Diary(
        episodes=episodes,
        days=days,
        strength_checks=checks,
        relief_ratings=ratings,
        timezone="Europe/London",
    )


def in_process(diary: Diary, runs: int = 20) -> dict[str, float]:
    from twitchguide.insights.daily_table import build_daily_table
    from twitchguide.insights.patterns import describe_patterns
    from twitchguide.insights.report import build_insights
    from twitchguide.insights.triggers import analyse_triggers

    end = FIRST_DAY + timedelta(days=1799)
    build_insights(diary, end=end)  # warm: imports and first-call caches
    table = build_daily_table(diary, end=end)
    parts = {
        "daily table": lambda: build_daily_table(diary, end=end),
        "patterns": lambda: describe_patterns(diary, table),
        "triggers": lambda: analyse_triggers(table),
        "whole report (build_insights)": lambda: build_insights(diary, end=end),
    }
    out = {}
    for name, call in parts.items():
        timings = []
        for _ in range(runs):
            started = time.perf_counter()
            call()
            timings.append((time.perf_counter() - started) * 1000)
        out[name] = statistics.median(timings)
    return out


def write_to_store(diary: Diary, url: str) -> None:
    """Store a synthetic diary as the default user's, with its ids and stamps."""
    from twitchguide.diary.records import (
        DAILY_FACTORS,
        EPISODE,
        RELIEF_RATING,
        STRENGTH,
        field_values,
    )
    from twitchguide.store import open_store

    store = open_store(url)
    user = store.user("local", timezone=diary.timezone)
    with store.database.transaction():
        for kind, records in (
            (EPISODE, diary.episodes),
            (DAILY_FACTORS, diary.days),
            (STRENGTH, diary.strength_checks),
            (RELIEF_RATING, diary.relief_ratings),
        ):
            for record in records:
                store.insert_exact(kind, user, field_values(record), record.stamps)
    store.close()


# The `insights --json` steps with the episodes loaded as columns (store.insights_store), as a
# whole process: what the CLI takes once actions/insights.py loads the diary this way.
_COLUMNS_PROCESS = """
import os, sys
from twitchguide.actions.context import open_context
from twitchguide.cli.output import echo_json
from twitchguide.insights.report import build_insights
from twitchguide.store.insights_store import load_for_insights
with open_context(os.environ["TWITCHGUIDE_DATABASE_URL"], "local") as ctx:
    diary, columns = load_for_insights(ctx.store.whole_store, ctx.user)
    echo_json(build_insights(diary, episodes=columns).to_dict())
"""


def end_to_end(url: str, runs: int = 5) -> dict[str, float]:
    from benchmarks.process_timing import median_process_ms, process_env

    script = Path(sys.executable).parent / "twitchguide"
    env = process_env(TWITCHGUIDE_DATABASE_URL=url)
    return {
        "`twitchguide insights --json` (records)": median_process_ms(
            [str(script), "insights", "--json"], env, runs
        ),
        "insights --json steps, episodes as columns": median_process_ms(
            [sys.executable, "-c", _COLUMNS_PROCESS], env, runs
        ),
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--no-cli", action="store_true", help="skip the end-to-end measurement")
    parser.add_argument("--per-day", type=float, default=11.0, help="mean episodes a day")
    parser.add_argument("--stages", action="store_true", help="time load_diary and the rest")
    args = parser.parse_args()
    from benchmarks.process_timing import median_process_ms, process_env

    baseline = median_process_ms([sys.executable, "-c", "pass"], process_env(), 5)
    print(f"`python -c pass`: {baseline:.0f} ms (median of 5; the machine's speed now)")
    diary = synthetic_diary(per_day=args.per_day)
    print(
        f"diary: {len(diary.days)} factor days, {len(diary.episodes)} episodes, "
        f"{len(diary.strength_checks)} strength checks"
    )
    for name, ms in in_process(diary).items():
        print(f"in-process {name}: {ms:.1f} ms (median of 20)")
    if args.no_cli and not args.stages:
        return
    with tempfile.TemporaryDirectory() as folder:
        url = f"sqlite:///{folder}/diary.db"
        write_to_store(diary, url)
        if args.stages:
            for name, ms in stages(url).items():
                print(f"stage {name}: {ms:.0f} ms (median of 5)")
        if not args.no_cli:
            for name, ms in end_to_end(url).items():
                print(f"end to end, {name}: {ms:.0f} ms (median of 5)")


def stages(url: str, runs: int = 5) -> dict[str, float]:
    """Where end-to-end time goes: loading the diary from SQLite, then the report, then JSON."""
    from twitchguide.cli.output import dumps
    from twitchguide.insights.report import build_insights
    from twitchguide.store import open_store
    from twitchguide.store.insights_store import load_for_insights

    store = open_store(url)
    user = store.user("local", create=False)
    timings: dict[str, list[float]] = {
        "load_diary (records)": [],
        "build_insights (records)": [],
        "json": [],
        "load_for_insights (columns)": [],
        "build_insights (columns)": [],
    }
    for _ in range(runs):
        started = time.perf_counter()
        loaded = store.load_diary(user)
        loaded_at = time.perf_counter()
        report = build_insights(loaded)
        built_at = time.perf_counter()
        dumps(report.to_dict())
        done = time.perf_counter()
        light, columns = load_for_insights(store, user)
        light_at = time.perf_counter()
        build_insights(light, episodes=columns)
        light_done = time.perf_counter()
        timings["load_diary (records)"].append((loaded_at - started) * 1000)
        timings["build_insights (records)"].append((built_at - loaded_at) * 1000)
        timings["json"].append((done - built_at) * 1000)
        timings["load_for_insights (columns)"].append((light_at - done) * 1000)
        timings["build_insights (columns)"].append((light_done - light_at) * 1000)
    store.close()
    return {name: statistics.median(values) for name, values in timings.items()}


if __name__ == "__main__":
    main()
