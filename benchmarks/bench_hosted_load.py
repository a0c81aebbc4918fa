"""Hosted mode under load, on this machine's PostgreSQL: the figures in docs/benchmarks.md.

    .venv/bin/python benchmarks/bench_hosted_load.py --users 1000                  # ~1 minute
    .venv/bin/python benchmarks/bench_hosted_load.py --users 10000                 # ~4 minutes
    .venv/bin/python benchmarks/bench_hosted_load.py --users 1000 --generator both  # old and new

Makes a fresh schema and app role, fills it with N people holding a year of data each (about
two twitches a day and a factors row most days, written in bulk by SQL), starts a real
`twitchguide serve --hosted` (2 workers) on loopback, then sends requests from 32 concurrent
clients, each request as a random person with their own API token: log an episode
(POST /api/v1/episode), list the last 30 days (GET /api/v1/episode?since=30d), insights over the
whole year (GET /api/v1/insights), and the trivial endpoint (GET /api/v1/ping, no database) in the
same mix, so the ratio to it is measured in the same minutes. Drops the schema and role after
(unless --keep; --reuse runs again on a kept schema without filling it).

The load generator is `wrk` (C; `apt-get install wrk`) with hosted_load.lua, 32 connections for
--seconds, timing each kind of request itself; `--generator httpx` is the older one, a fixed
number of requests from 32 httpx clients in this Python process, which spends much of the CPU
the server needs. Loopback only; every loop is bounded.
"""

from __future__ import annotations

import argparse
import asyncio
import os
import random
import signal
import socket
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
MIX = (("log", 45), ("list", 40), ("insights", 5), ("ping", 10))  # hosted_load.lua: the same
WRK_SCRIPT = Path(__file__).resolve().parent / "hosted_load.lua"


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


def start(url: str, role: str, port: int, workers: int) -> subprocess.Popen[str]:
    env = {
        **os.environ,
        "TWITCHGUIDE_DATABASE_URL": url,
        "TWITCHGUIDE_SECRET_KEY": SECRET,
        "TWITCHGUIDE_APP_ROLE": role,
        "TWITCHGUIDE_WORKERS": str(workers),
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


def load_wrk(
    base: str,
    users: int,
    seconds: float,
    seed: int = 7,
    clients: int = CLIENTS,
    only: str | None = None,
) -> tuple[dict[str, Any], float, int]:
    """The same mix from wrk (C, one connection per thread), timed per kind by its Lua script.

    Returns {"times": {kind: [ms, ...]}, "errors": {...}} like load(), the seconds, the count."""
    import tempfile

    times: dict[str, list[float]] = {kind: [] for kind, _ in MIX}
    errors: dict[str, int] = {}
    total, elapsed = 0, float("nan")
    with tempfile.TemporaryDirectory(prefix="tg-wrk-") as folder:
        command = ["wrk", f"-t{clients}", f"-c{clients}", f"-d{seconds:g}s", "--timeout", "30s"]
        command += ["-s", str(WRK_SCRIPT), base, "--", str(users), str(seed), folder, only or ""]
        finished = subprocess.run(command, capture_output=True, text=True, timeout=seconds + 120)
        if finished.returncode != 0:
            raise SystemExit(f"wrk failed ({finished.returncode}): {finished.stderr[-2000:]}")
        for name in sorted(os.listdir(folder)):
            for line in Path(folder, name).read_text().splitlines():
                kind, status, milliseconds = line.split()
                times[kind].append(float(milliseconds))
                if int(status) >= 400:
                    errors[f"{kind} {status}"] = errors.get(f"{kind} {status}", 0) + 1
    for line in finished.stdout.splitlines():
        parts = line.split()
        if parts[:1] == ["total"]:
            total, elapsed = int(parts[1]), float(parts[2])
        elif parts[:1] == ["socket_errors"] and int(parts[1]):
            errors["socket"] = int(parts[1])
    return {"times": times, "errors": errors}, elapsed, total


def percentile(values: list[float], p: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(p / 100 * (len(ordered) - 1)))]


def generator_cpu() -> float:
    """CPU seconds used so far by this process (the httpx clients) and finished children (wrk)."""
    import resource

    own = resource.getrusage(resource.RUSAGE_SELF)
    children = resource.getrusage(resource.RUSAGE_CHILDREN)
    return own.ru_utime + own.ru_stime + children.ru_utime + children.ru_stime


def report(
    generator: str,
    kinds: dict[str, tuple[int, float, float]],
    errors: dict[str, int],
    count: int,
    elapsed: float,
    clients: int,
    load_avg: tuple[float, float, float],
) -> None:
    after = os.getloadavg()
    print(
        f"{generator}: {count} requests from {clients} clients in {elapsed:.1f} s: "
        f"{count / elapsed:.0f} req/s (load average {load_avg[0]:.1f} before, "
        f"{after[0]:.1f} after)"
    )
    ping = kinds.get("ping", (0, float("nan"), 0.0))[1]
    print("| request | count | p50 | p99 | p50 / ping p50 |")
    print("| --- | --- | --- | --- | --- |")
    for kind, (number, p50, p99) in kinds.items():
        if number:
            ratio = f"{p50 / ping:.1f}x" if ping == ping else "-"  # no pings with --only
            print(f"| {kind} | {number} | {p50:.1f} ms | {p99:.1f} ms | {ratio} |")
    print(f"errors: {errors or 'none'}")


def main() -> None:
    import psycopg

    parser = argparse.ArgumentParser()
    parser.add_argument("--users", type=int, default=1000)
    parser.add_argument("--requests", type=int, default=4000)
    parser.add_argument("--clients", type=int, default=CLIENTS)
    parser.add_argument(
        "--only", choices=[kind for kind, _ in MIX], help="one kind of request (the ceiling)"
    )
    parser.add_argument(
        "--generator",
        choices=["wrk", "httpx", "both"],
        default="wrk",
        help="wrk (C, cheap; the default) or the Python httpx clients, or both one after another",
    )
    parser.add_argument("--seconds", type=float, default=20.0, help="how long wrk runs")
    parser.add_argument("--workers", type=int, default=2, help="uvicorn worker processes")
    parser.add_argument(
        "--keep", action="store_true", help="keep the filled schema (for --reuse) at the end"
    )
    parser.add_argument("--reuse", metavar="SCHEMA", help="a schema kept by --keep: no fill")
    args = parser.parse_args()
    suffix = args.reuse.removeprefix("tg_bench_") if args.reuse else uuid.uuid4().hex[:10]
    if not suffix.isalnum():
        raise SystemExit("--reuse: give a schema name that --keep printed, like tg_bench_0a1b2c")
    schema, role = f"tg_bench_{suffix}", f"tg_app_bench_{suffix}"
    url = f"{POSTGRES_URL}?options=-csearch_path%3D{schema}"
    process = None
    try:
        if not args.reuse:
            with psycopg.connect(POSTGRES_URL, autocommit=True) as c:
                c.execute(f"CREATE SCHEMA {schema}")
            seconds = fill(url, args.users)
            print(f"{args.users} people written in {seconds:.0f} s")
        with psycopg.connect(url) as c:
            rows = c.execute("SELECT count(*) FROM episodes").fetchone()
            people = c.execute("SELECT count(*) FROM users").fetchone()
        if people[0] != args.users:
            raise SystemExit(f"--users: schema {schema} holds {people[0]} people")
        print(f"{args.users} people, {rows[0]:,} episodes (schema {schema})")
        port = free_port()
        process = start(url, role, port, args.workers)
        base = f"http://127.0.0.1:{port}"
        asyncio.run(load(base, args.users, 300, seed=1))  # warm-up: pools, caches
        generators = ["httpx", "wrk"] if args.generator == "both" else [args.generator]
        for generator in generators:
            load_avg = os.getloadavg()
            cpu_before = generator_cpu()
            if generator == "wrk":
                result, elapsed, count = load_wrk(
                    base, args.users, args.seconds, clients=args.clients, only=args.only
                )
            else:
                result, elapsed = asyncio.run(
                    load(base, args.users, args.requests, clients=args.clients, only=args.only)
                )
                count = args.requests
            kinds = {
                kind: (len(values), percentile(values, 50), percentile(values, 99))
                for kind, values in result["times"].items()
                if values
            }
            spent = generator_cpu() - cpu_before
            report(generator, kinds, result["errors"], count, elapsed, args.clients, load_avg)
            print(f"the load generator itself used {spent:.1f} s of CPU ({spent / elapsed:.0%})")
    finally:
        if process is not None and process.poll() is None:
            process.send_signal(signal.SIGINT)
            try:
                process.wait(timeout=30)
            except subprocess.TimeoutExpired:
                process.kill()
        if args.keep:
            print(f"kept: --reuse {schema}")
        else:
            with psycopg.connect(POSTGRES_URL, autocommit=True) as c:
                c.execute(f"DROP SCHEMA {schema} CASCADE")
                if c.execute("SELECT 1 FROM pg_roles WHERE rolname = %s", (role,)).fetchall():
                    c.execute(f"DROP OWNED BY {role}")
                    c.execute(f"DROP ROLE {role}")


if __name__ == "__main__":
    main()
