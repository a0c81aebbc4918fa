"""Timing a real `twitchguide` process: the median of warm runs."""

from __future__ import annotations

import os
import statistics
import subprocess
import time


def process_env(**overrides: str) -> dict[str, str]:
    """This environment, as a person's Python would run: compiled modules cached after first use.

    Some build machines set PYTHONDONTWRITEBYTECODE, which would time the compiler on every run
    instead of Twitchguide.
    """
    env = {**os.environ, **overrides}
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    return env


def median_process_ms(command: list[str], env: dict[str, str], runs: int = 20) -> float:
    """Median wall time of `runs` runs of a command, after one run to warm caches."""
    subprocess.run(command, env=env, check=True, capture_output=True)
    timings = []
    for _ in range(runs):
        started = time.perf_counter()
        subprocess.run(command, env=env, check=True, capture_output=True)
        timings.append((time.perf_counter() - started) * 1000)
    return statistics.median(timings)
