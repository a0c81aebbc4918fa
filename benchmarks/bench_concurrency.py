"""Writers at once on a diary nobody has opened (so they also race on the migrations): each
logs twitches and sets its own factor of the same day through the real CLI. Prints writers,
commands, records written and lost, and failed commands, for SQLite and PostgreSQL.

Run: .venv/bin/python benchmarks/bench_concurrency.py [--writers 8] [--rounds 10]
     [--postgres postgresql://postgres@127.0.0.1:5432/test]
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
import time
import uuid
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

WRITER = Path(__file__).resolve().parent.parent / "tests" / "reliability" / "writer_process.py"


def run(url: str, writers: int, rounds: int, folder: Path) -> dict[str, object]:
    from twitchguide.diary.records import DAILY_FACTORS, EPISODE
    from twitchguide.store import open_store

    go = folder / f"go-{uuid.uuid4().hex}"
    env = {**os.environ, "TWITCHGUIDE_DATABASE_URL": url, "TZ": "Europe/London"}
    env["PYTHONPATH"] = str(WRITER.parents[2])
    children = [
        subprocess.Popen(
            [sys.executable, str(WRITER), str(i), str(rounds), str(go)],
            env=env,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
        )
        for i in range(writers)
    ]
    time.sleep(1.0)  # every writer started and waiting
    started = time.perf_counter()
    go.write_text("go")
    statuses: list[int] = []
    for child in children:
        out, _err = child.communicate(timeout=600)
        statuses.extend(json.loads(out.strip().splitlines()[-1])["statuses"])
    seconds = time.perf_counter() - started
    store = open_store(url)
    user = store.user("local", create=False)
    episodes = store.count(EPISODE, user)
    days = store.list(DAILY_FACTORS, user)
    factors = sum(
        getattr(days[0], name) is not None for name in DAILY_FACTORS.field_names if name != "day"
    )
    store.close()
    expected_factors = min(writers, 8)
    return {
        "writers": writers,
        "commands": len(statuses),
        "failed": sum(1 for s in statuses if s != 0),
        "episodes": episodes,
        "factors kept": f"{factors}/{expected_factors}",
        "lost": writers * rounds - episodes + expected_factors - factors,
        "seconds": round(seconds, 1),
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--writers", type=int, default=8)
    parser.add_argument("--rounds", type=int, default=10)
    parser.add_argument("--postgres", default="postgresql://postgres@127.0.0.1:5432/test")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as folder:
        result = run(f"sqlite:///{folder}/diary.db", args.writers, args.rounds, Path(folder))
        print("SQLite (never migrated):    ", result)
        if args.postgres:
            import psycopg

            schema = f"bench_{uuid.uuid4().hex[:10]}"
            with psycopg.connect(args.postgres, autocommit=True) as connection:
                connection.execute(f"CREATE SCHEMA {schema}")
            try:
                url = f"{args.postgres}?options=-csearch_path%3D{schema}"
                result = run(url, args.writers, args.rounds, Path(folder))
                print("PostgreSQL (never migrated):", result)
            finally:
                with psycopg.connect(args.postgres, autocommit=True) as connection:
                    connection.execute(f"DROP SCHEMA {schema} CASCADE")


if __name__ == "__main__":
    main()
