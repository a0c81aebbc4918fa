"""A diary of 200,000 twitch episodes (someone who logs every twitch, for years): how long `log`,
`insights`, `export` and `import` take as real processes, and how much memory import needs.

Run: .venv/bin/python benchmarks/bench_scale_200k.py [--episodes 200000] [--days 1095]
Prints each figure next to `python -c pass`, measured in the same run, because this machine's
speed drifts by up to 2x over a day.
"""

from __future__ import annotations

import argparse
import json
import random
import subprocess
import sys
import tempfile
import time
from datetime import UTC, datetime, timedelta
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

LOG = ["log", "calf", "--side", "left", "--duration", "90s", "--intensity", "2"]


def build(url: str, episodes: int, days: int, seed: int = 1) -> None:
    """Spread `episodes` over the last `days` days, with factors for most days."""
    from twitchguide.diary.records import DAILY_FACTORS, EPISODE, Stamps
    from twitchguide.store import open_store

    rng = random.Random(seed)
    store = open_store(url)
    user = store.user("local", timezone="Europe/London")
    now = datetime.now(UTC) - timedelta(hours=1)
    start = now - timedelta(days=days)
    span = (now - start).total_seconds()
    moments = sorted(start + timedelta(seconds=rng.uniform(0, span)) for _ in range(episodes))
    records = []
    for n, moment in enumerate(moments, start=1):
        values = {
            "started_at": moment, "region": rng.choice(("calf", "eyelid", "thigh", "foot")),
            "side": rng.choice(("left", "right")), "duration_seconds": rng.randint(1, 120),
            "ongoing": False, "intensity": rng.randint(1, 5),
        }  # fmt: skip
        records.append((EPISODE, values, Stamps(n, user.user_id, moment, moment)))
    today = user.today()
    for k in range(days):
        day = today - timedelta(days=k + 1)
        if rng.random() < 0.9:
            values = {
                "day": day,
                "sleep_hours": round(rng.uniform(5, 9), 1),
                "stress": rng.randint(1, 5),
                "caffeine_mg": rng.randint(0, 40) * 10,
            }
            records.append(
                (DAILY_FACTORS, values, Stamps(episodes + k + 1, user.user_id, now, now))
            )
    with store.database.transaction():
        store.insert_many(user, records)
        store.reset_id_sequences()
    store.close()


def timed(command: list[str], env: dict[str, str], runs: int) -> float:
    """Median wall time in ms of `runs` runs, after one warm-up run."""
    import statistics

    subprocess.run(command, env=env, check=True, capture_output=True)
    timings = []
    for _ in range(runs):
        started = time.perf_counter()
        subprocess.run(command, env=env, check=True, capture_output=True)
        timings.append((time.perf_counter() - started) * 1000)
    return statistics.median(timings)


def peak_child(command: list[str], env: dict[str, str]) -> tuple[float, float]:
    """(seconds, peak resident MB) of one run of a command in a fresh process."""
    code = (
        "import resource, subprocess, sys, time\n"
        "t = time.perf_counter()\n"
        "subprocess.run(sys.argv[1:], check=True, capture_output=True)\n"
        "print(time.perf_counter() - t, "
        "resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024)\n"
    )
    out = subprocess.run(
        [sys.executable, "-c", code, *command], env=env, check=True, capture_output=True, text=True
    ).stdout.split()
    return float(out[0]), float(out[1])


def print_triage_reads(url: str) -> None:
    """In-process: the post-write triage read of the last 30 days, whole and grouped."""
    import statistics

    from twitchguide.store import open_store
    from twitchguide.triage.diary_facts import lookback_start

    store = open_store(url)
    user = store.user("local", create=False)
    since = lookback_start(user.today())
    for name, read in (
        ("load_diary (whole)", lambda: store.load_diary(user, since=since)),
        ("load_triage_diary", lambda: store.load_triage_diary(user, since)),
    ):
        timings = []
        for _ in range(7):
            started = time.perf_counter()
            diary = read()
            timings.append((time.perf_counter() - started) * 1000)
        print(f"  30-day triage read, {name}: {statistics.median(timings):6.1f} ms "
              f"({len(diary.episodes)} episodes)")  # fmt: skip
    store.close()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--episodes", type=int, default=200_000)
    parser.add_argument("--days", type=int, default=1095, help="spread over this many days")
    parser.add_argument("--runs", type=int, default=10)
    parser.add_argument("--postgres", default=None, help="also import into this PostgreSQL URL")
    args = parser.parse_args()
    from benchmarks.process_timing import process_env

    script = [sys.executable, "-m", "twitchguide"]
    with tempfile.TemporaryDirectory() as folder:
        url = f"sqlite:///{folder}/diary.db"
        started = time.perf_counter()
        build(url, args.episodes, args.days)
        print(f"built {args.episodes} episodes over {args.days} days "
              f"in {time.perf_counter() - started:.1f} s")  # fmt: skip
        env = process_env(TWITCHGUIDE_DATABASE_URL=url, TZ="Europe/London")
        python = timed([sys.executable, "-c", "pass"], env, args.runs)
        empty = {**env, "TWITCHGUIDE_DATABASE_URL": f"sqlite:///{folder}/empty.db"}
        # A small diary whose twitching has gone on for weeks, so `log` prints the same
        # "routine appointment" notice as on the large one: the difference is the size alone.
        build(f"sqlite:///{folder}/small.db", 400, 60, seed=2)
        small = {**env, "TWITCHGUIDE_DATABASE_URL": f"sqlite:///{folder}/small.db"}
        log_empty = timed([*script, *LOG], empty, args.runs)
        log_small = timed([*script, *LOG], small, args.runs)
        log = timed([*script, *LOG], env, args.runs)
        print(f"python -c pass:            {python:7.1f} ms (median of {args.runs})")
        print(f"twitchguide log, new diary:{log_empty:7.1f} ms  ({log_empty / python:.1f}x pass)")
        print(f"twitchguide log, 400 (same notice): {log_small:7.1f} ms")
        print(f"twitchguide log, 200k:     {log:7.1f} ms  ({log / python:.1f}x pass)")
        print_triage_reads(url)
        insights = timed([*script, "insights", "--json"], env, 3)
        print(f"twitchguide insights:      {insights:7.1f} ms (median of 3)")
        backup = Path(folder) / "backup.json"
        seconds, memory = peak_child([*script, "export", "--output", str(backup)], env)
        size = backup.stat().st_size / 1e6
        print(f"export ({size:.0f} MB):         {seconds:7.2f} s, peak {memory:.0f} MB")
        records = sum(len(rows) for rows in json.loads(backup.read_text())["records"].values())
        target = f"sqlite:///{folder}/restored.db"
        seconds, memory = peak_child(
            [*script, "import", str(backup)], {**env, "TWITCHGUIDE_DATABASE_URL": target}
        )
        print(f"import {records} records:  {seconds:7.2f} s, peak {memory:.0f} MB (SQLite)")
        if args.postgres:
            import uuid

            import psycopg

            schema = f"bench_{uuid.uuid4().hex[:10]}"
            with psycopg.connect(args.postgres, autocommit=True) as connection:
                connection.execute(f"CREATE SCHEMA {schema}")
            try:
                pg_url = f"{args.postgres}?options=-csearch_path%3D{schema}"
                seconds, memory = peak_child(
                    [*script, "import", str(backup)], {**env, "TWITCHGUIDE_DATABASE_URL": pg_url}
                )
                print(
                    f"import {records} records:  {seconds:7.2f} s, "
                    f"peak {memory:.0f} MB (PostgreSQL)"
                )
            finally:
                with psycopg.connect(args.postgres, autocommit=True) as connection:
                    connection.execute(f"DROP SCHEMA {schema} CASCADE")


if __name__ == "__main__":
    main()
