"""Load on the web app, on this machine, with SQLite: the numbers in docs/benchmarks.md.

    .venv/bin/python benchmarks/bench_web_load.py            # both parts, ~1.5 minutes
    .venv/bin/python benchmarks/bench_web_load.py --seconds 5

1. Creating episodes through the API (POST /api/v1/episode, CSRF token and session cookie as
   a browser sends them) at 16 concurrent connections, against GET /api/v1/ping (no database)
   on the same server in the same run, alternating, each twice. The server is a real
   `twitchguide serve` process; the load comes from wrk (Debian) on the other core, loopback only.
2. The insights page (GET /insights, HTML with its charts) on a diary of a year (~1,100
   episodes, a factors row most days, weekly grip), one request at a time: median and p95 of 30.

Needs wrk: apt-get install wrk. Every request goes to 127.0.0.1 and each run stops by itself.
"""

from __future__ import annotations

import argparse
import json
import os
import re
import shutil
import signal
import socket
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.request
from datetime import timedelta
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

CLIENTS = 16


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def start_server(database_url: str, port: int, now: str | None = None) -> subprocess.Popen[str]:
    env = {**os.environ, "TWITCHGUIDE_DATABASE_URL": database_url, "PYTHONUNBUFFERED": "1"}
    if now:
        env["TWITCHGUIDE_NOW"] = now
    script = Path(sys.executable).parent / "twitchguide"
    process = subprocess.Popen(
        [str(script), "serve", "--port", str(port)],
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
        env=env,
    )
    assert process.stdout is not None
    for line in process.stdout:
        if "Press Ctrl-C" in line:
            return process
    raise RuntimeError("the server did not start")


def stop_server(process: subprocess.Popen[str]) -> None:
    process.send_signal(signal.SIGINT)
    process.wait(timeout=20)


def session(base: str) -> tuple[str, str]:
    """A browser's session cookie and its CSRF token."""
    with urllib.request.urlopen(base + "/api/v1/session", timeout=10) as answer:
        cookie = answer.headers["set-cookie"].split(";", 1)[0]
        token = json.loads(answer.read())["csrf_token"]
    return cookie, token


def cpu_seconds(pid: int) -> float:
    """CPU time (user + system) a process has used so far, from /proc (Linux)."""
    fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def wrk(url: str, seconds: int, server_pid: int, script: Path | None = None) -> dict[str, float]:
    args = ["wrk", "-t", "1", "-c", str(CLIENTS), "-d", f"{seconds}s", "--latency"]
    if script is not None:
        args += ["-s", str(script)]
    cpu_before = cpu_seconds(server_pid)
    out = subprocess.run([*args, url], capture_output=True, text=True, check=True).stdout
    cpu_used = cpu_seconds(server_pid) - cpu_before
    rate = float(re.search(r"Requests/sec:\s+([\d.]+)", out).group(1))  # type: ignore[union-attr]
    requests = int(re.search(r"(\d+) requests in", out).group(1))  # type: ignore[union-attr]
    errors = re.search(r"Non-2xx or 3xx responses: (\d+)", out)
    return {
        "rps": rate,
        # The server's own CPU per request: far steadier than req/s on a shared machine.
        "cpu_ms": cpu_used * 1000 / max(requests, 1),
        "p50_ms": _ms(re.search(r"50%\s+([\d.]+\w+)", out).group(1)),  # type: ignore[union-attr]
        "p99_ms": _ms(re.search(r"99%\s+([\d.]+\w+)", out).group(1)),  # type: ignore[union-attr]
        "non_2xx": float(errors.group(1)) if errors else 0.0,
    }


def _ms(text: str) -> float:
    value, unit = re.match(r"([\d.]+)(\w+)", text).groups()  # type: ignore[union-attr]
    return float(value) * {"us": 0.001, "ms": 1.0, "s": 1000.0}[unit]


def load(seconds: int) -> None:
    print(f"load average before: {' '.join(f'{x:.2f}' for x in os.getloadavg())}")
    with tempfile.TemporaryDirectory() as folder:
        port = free_port()
        base = f"http://127.0.0.1:{port}"
        server = start_server(f"sqlite:///{folder}/diary.db", port)
        try:
            cookie, token = session(base)
            lua = Path(folder) / "create.lua"
            body = json.dumps({"region": "calf", "side": "left", "intensity": 2})
            lua.write_text(
                'wrk.method = "POST"\n'
                f"wrk.body = {json.dumps(body)}\n"
                'wrk.headers["Content-Type"] = "application/json"\n'
                f'wrk.headers["Cookie"] = "{cookie}"\n'
                f'wrk.headers["X-CSRF-Token"] = "{token}"\n',
                encoding="utf-8",
            )
            pid = server.pid
            wrk(base + "/api/v1/ping", 2, pid)  # warm up both paths
            wrk(base + "/api/v1/episode", 2, pid, lua)
            runs: dict[str, list[dict[str, float]]] = {"ping": [], "create": []}
            for _ in range(2):
                runs["ping"].append(wrk(base + "/api/v1/ping", seconds, pid))
                runs["create"].append(wrk(base + "/api/v1/episode", seconds, pid, lua))
            with urllib.request.urlopen(base + "/api/v1/episode", timeout=30) as answer:
                stored = len(json.loads(answer.read()))
        finally:
            stop_server(server)
    print(f"{CLIENTS} connections, {seconds} s a run, server and wrk on loopback")
    for name, found in runs.items():
        for number, run in enumerate(found, start=1):
            print(
                f"  {name:6} run {number}: {run['rps']:8.0f} req/s  p50 {run['p50_ms']:6.2f} ms"
                f"  p99 {run['p99_ms']:6.2f} ms  server CPU {run['cpu_ms']:5.3f} ms/request"
                f"  non-2xx {run['non_2xx']:.0f}"
            )
    ratio = [c["rps"] / p["rps"] for c, p in zip(runs["create"], runs["ping"], strict=True)]
    print(f"  create / ping rate: {', '.join(f'{r:.0%}' for r in ratio)}")
    cpu = [p["cpu_ms"] / c["cpu_ms"] for c, p in zip(runs["create"], runs["ping"], strict=True)]
    print(f"  ping / create server CPU per request: {', '.join(f'{r:.0%}' for r in cpu)}")
    print(f"  episodes stored: {stored}")
    print(f"load average after: {' '.join(f'{x:.2f}' for x in os.getloadavg())}")


def insights_page(runs: int = 30) -> None:
    from benchmarks.insights_speed import FIRST_DAY, synthetic_diary, write_to_store

    days = 365
    last = FIRST_DAY + timedelta(days=days - 1)
    diary = synthetic_diary(n_days=days, per_day=3.0, seed=5)
    with tempfile.TemporaryDirectory() as folder:
        url = f"sqlite:///{folder}/year.db"
        write_to_store(diary, url)
        port = free_port()
        base = f"http://127.0.0.1:{port}"
        server = start_server(url, port, now=f"{last.isoformat()}T20:00:00+00:00")
        try:
            timings: dict[str, list[float]] = {"/insights": [], "/api/v1/ping": []}
            for path in timings:
                _get(base + path)  # warm: imports, caches
            for _ in range(runs):
                for path, found in timings.items():
                    started = time.perf_counter()
                    size = len(_get(base + path))
                    found.append((time.perf_counter() - started) * 1000)
                    if path == "/insights":
                        page_bytes = size
        finally:
            stop_server(server)
    print(f"a year of diary: {len(diary.episodes)} episodes, {len(diary.days)} factor days")
    for path, found in timings.items():
        ordered = sorted(found)
        p95 = ordered[int(0.95 * (len(ordered) - 1))]
        print(f"  GET {path:13} median {statistics.median(found):6.1f} ms  p95 {p95:6.1f} ms")
    print(f"  insights page size: {page_bytes / 1024:.0f} KiB")


def _get(url: str) -> bytes:
    with urllib.request.urlopen(url, timeout=30) as answer:
        body: bytes = answer.read()
        return body


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n", 1)[0])
    parser.add_argument("--seconds", type=int, default=10, help="length of each wrk run")
    args = parser.parse_args()
    if shutil.which("wrk") is None:
        sys.exit("wrk is missing: apt-get install wrk")
    load(args.seconds)
    insights_page()


if __name__ == "__main__":
    main()
