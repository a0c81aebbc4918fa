"""How long `twitchguide log …` takes as a real process: the median of 20 warm runs.

Run: .venv/bin/python benchmarks/bench_cli_log.py
Prints the median next to `python -c pass` measured in the same run.
"""

from __future__ import annotations

import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

RUNS = 20
LOG = ["log", "calf", "--side", "left", "--duration", "90s", "--intensity", "2"]


def median_ms(command: list[str], env: dict[str, str]) -> float:
    subprocess.run(command, env=env, check=True, capture_output=True)  # warm the disk cache
    timings = []
    for _ in range(RUNS):
        start = time.perf_counter()
        subprocess.run(command, env=env, check=True, capture_output=True)
        timings.append((time.perf_counter() - start) * 1000)
    return statistics.median(timings)


def main() -> None:
    script = Path(sys.executable).parent / "twitchguide"
    with tempfile.TemporaryDirectory() as folder:
        env = {**os.environ, "TWITCHGUIDE_DATABASE_URL": f"sqlite:///{folder}/diary.db"}
        python = median_ms([sys.executable, "-c", "pass"], env)
        log = median_ms([str(script), *LOG], env)
        # A diary with history: the post-log triage check reads the whole diary.
        for _ in range(200):
            subprocess.run(
                [str(script), *LOG, "--at", "3 days ago"], env=env, check=True, capture_output=True
            )
        log_with_history = median_ms([str(script), *LOG], env)
    print(f"python -c pass:                        {python:6.1f} ms (median of {RUNS})")
    print(f"twitchguide log (new diary):           {log:6.1f} ms (median of {RUNS})")
    print(
        f"twitchguide log (diary of ~450 twitches): {log_with_history:6.1f} ms (median of {RUNS})"
    )


if __name__ == "__main__":
    main()
