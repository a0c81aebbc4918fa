"""Hosted mode under load, on this machine's PostgreSQL: the figures in docs/benchmarks.md.

    .venv/bin/python benchmarks/bench_hosted_load.py --users 1000             # ~3 minutes
    .venv/bin/python benchmarks/bench_hosted_load.py --users 10000 --requests 4000

Makes a fresh schema and app role, fills it with N people holding a year of data each (about
two twitches a day and a factors row most days, written in bulk by SQL), starts a real
`twitchguide serve --hosted` (2 workers) on loopback, then sends a fixed number of requests from
32 concurrent clients, each request as a random person with their own API token: log an episode
(POST /api/v1/episode), list the last 30 days (GET /api/v1/episode?since=30d), insights over the
whole year (GET /api/v1/insights), and the trivial endpoint (GET /api/v1/ping, no database) in the
same mix, so the ratio to it is measured in the same minutes. Drops the schema and role after.
Loopback only; every loop is bounded.
"""

from __future__ import annotations

import argparse
import asyncio
import os
import random
import signal
import socket
import statistics
import subprocess
import sys
import time
import uuid
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

POSTGRES_URL = os.environ.get(
    "TWITCHGUIDE_TEST_POSTGRES_URL", "postgresql://postgres@127.0.0.1:5432/test"
)
SECRET = "benchmark-secret-benchmark-secret-benchmark"
CLIENTS = 32
MIX = (("log", 45), ("list", 40), ("insights", 5), ("ping", 10))


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def fill(url: str, users: int) -> float:
    """N people, each with a year of data, written by SQL in bulk; returns the seconds taken."""
    import psycopg

    from twitchguide.hosted.passwords import hash_password
    from twitchguide.store.database import connect
    from twitchguide.store.migrations import migrate

    started = time.perf_counter()
    database = connect(url)
    migrate(database)
    database.close()
    hashed = hash_password("benchmark password")  # one hash for all: logins are not measured
    with psycopg.connect(url, autocommit=True) as c:
        c.execute(
            "INSERT INTO users (name, timezone, day_start_hour, created_at) "
            "SELECT 'person' || n, 'Europe/London', 4, now() FROM generate_series(1, %s) n",
            (users,),
        )
        c.execute(
            "INSERT INTO accounts (owner_id, password_hash, is_admin, created_at, "
            "password_changed_at) SELECT id, %s, false, now(), now() FROM users",
            (hashed,),
        )
        c.execute(
            "INSERT INTO api_tokens (token_hash, owner_id, label, created_at) "
            "SELECT encode(sha256(convert_to('tgapi_bench_' || id, 'UTF8')), 'hex'), id, "
            "'bench', now() FROM users"
        )
        c.execute(
            "INSERT INTO episodes (owner_id, created_at, updated_at, started_at, region, side, "
            "intensity, duration_seconds) "
            "SELECT u.id, t, t, t, (ARRAY['calf','eyelid','thigh','foot'])[1 + (d % 4)], "
            "(ARRAY['left','right'])[1 + (d % 2)], 1 + (d % 5), 5 + (d % 50) "
            "FROM users u, generate_series(1, 730) d, "
            "LATERAL (SELECT now() - interval '365 days' + d * interval '12 hours' "
            "+ (u.id % 600) * interval '1 minute' AS t) times"
        )
        c.execute(
            "INSERT INTO daily_factors (owner_id, created_at, updated_at, day, sleep_hours, "
            "stress, caffeine_mg) "
            "SELECT u.id, now(), now(), (now() - d * interval '1 day')::date, "
            "5 + (d % 4), d % 4, 95 * (d % 4) FROM users u, generate_series(1, 365) d "
            "WHERE d % 10 != 0"
        )
        c.execute("ANALYZE")
    return time.perf_counter() - started


def start(url: str, role: str, port: int) -> subprocess.Popen[str]:
    env = {
        **os.environ,
        "TWITCHGUIDE_DATABASE_URL": url,
        "TWITCHGUIDE_SECRET_KEY": SECRET,
        "TWITCHGUIDE_APP_ROLE": role,
        "TWITCHGUIDE_WORKERS": "2",
    }
    process = subprocess.Popen(
        [sys.executable, "-m", "twitchguide", "serve", "--hosted", "--port", str(port)],
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        text=True,
    )
    import httpx

    for _ in range(600):  # 60 s at most
        if process.poll() is not None:
            raise SystemExit(f"the server stopped: {process.communicate()[1][-2000:]}")
        try:
            if httpx.get(f"http://127.0.0.1:{port}/api/v1/ping", timeout=1).status_code == 200:
                return process
        except httpx.TransportError:
            pass
        time.sleep(0.1)
    process.kill()
    raise SystemExit("the server did not start within 60 s")


async def load(
    base: str,
    users: int,
    requests: int,
    seed: int = 7,
    clients: int = CLIENTS,
    only: str | None = None,
) -> tuple[dict[str, Any], float]:
    import httpx

    kinds = [kind for kind, weight in MIX for _ in range(weight) if only in (None, kind)]
    rng = random.Random(seed)
    plan = [(rng.choice(kinds), rng.randint(1, users)) for _ in range(requests)]
    times: dict[str, list[float]] = {kind: [] for kind, _ in MIX}
    errors: dict[str, int] = {}
    queue = iter(plan)

    async def client() -> None:
        async with httpx.AsyncClient(base_url=base, timeout=30) as http:
            for kind, user in queue:
                headers = {"Authorization": f"Bearer tgapi_bench_{user}"}
                began = time.perf_counter()
                if kind == "log":
                    body = {"region": "calf", "side": "left", "intensity": 2}
                    response = await http.post("/api/v1/episode", json=body, headers=headers)
                elif kind == "list":
                    response = await http.get("/api/v1/episode?since=30d", headers=headers)
                elif kind == "insights":
                    response = await http.get("/api/v1/insights", headers=headers)
                else:
                    response = await http.get("/api/v1/ping")
                times[kind].append((time.perf_counter() - began) * 1000)
                if response.status_code >= 400:
                    key = f"{kind} {response.status_code}"
                    errors[key] = errors.get(key, 0) + 1

    began = time.perf_counter()
    await asyncio.gather(*(client() for _ in range(clients)))
    elapsed = time.perf_counter() - began
    return {"times": times, "errors": errors}, elapsed


def percentile(values: list[float], p: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(p / 100 * (len(ordered) - 1)))]


def main() -> None:
    import psycopg

    parser = argparse.ArgumentParser()
    parser.add_argument("--users", type=int, default=1000)
    parser.add_argument("--requests", type=int, default=4000)
    parser.add_argument("--clients", type=int, default=CLIENTS)
    parser.add_argument(
        "--only", choices=[kind for kind, _ in MIX], help="one kind of request (the ceiling)"
    )
    args = parser.parse_args()
    suffix = uuid.uuid4().hex[:10]
    schema, role = f"tg_bench_{suffix}", f"tg_app_bench_{suffix}"
    with psycopg.connect(POSTGRES_URL, autocommit=True) as c:
        c.execute(f"CREATE SCHEMA {schema}")
    url = f"{POSTGRES_URL}?options=-csearch_path%3D{schema}"
    process = None
    try:
        seconds = fill(url, args.users)
        with psycopg.connect(url) as c:
            rows = c.execute("SELECT count(*) FROM episodes").fetchone()
        print(f"{args.users} people, {rows[0]:,} episodes written in {seconds:.0f} s")
        port = free_port()
        process = start(url, role, port)
        base = f"http://127.0.0.1:{port}"
        asyncio.run(load(base, args.users, 300, seed=1))  # warm-up: pools, caches
        load_avg = os.getloadavg()[0]
        result, elapsed = asyncio.run(
            load(base, args.users, args.requests, clients=args.clients, only=args.only)
        )
        print(
            f"{args.requests} requests from {args.clients} clients in {elapsed:.1f} s: "
            f"{args.requests / elapsed:.0f} req/s (load average {load_avg:.1f} before)"
        )
        ping = statistics.median(result["times"]["ping"] or [float("nan")])
        print("| request | count | p50 | p99 | p50 / ping p50 |")
        print("| --- | --- | --- | --- | --- |")
        for kind, values in result["times"].items():
            if not values:
                continue
            p50, p99 = percentile(values, 50), percentile(values, 99)
            print(f"| {kind} | {len(values)} | {p50:.1f} ms | {p99:.1f} ms | {p50 / ping:.1f}x |")
        print(f"errors: {result['errors'] or 'none'}")
    finally:
        if process is not None and process.poll() is None:
            process.send_signal(signal.SIGINT)
            try:
                process.wait(timeout=30)
            except subprocess.TimeoutExpired:
                process.kill()
        with psycopg.connect(POSTGRES_URL, autocommit=True) as c:
            c.execute(f"DROP SCHEMA {schema} CASCADE")
            if c.execute("SELECT 1 FROM pg_roles WHERE rolname = %s", (role,)).fetchall():
                c.execute(f"DROP OWNED BY {role}")
                c.execute(f"DROP ROLE {role}")


if __name__ == "__main__":
    main()
