"""How long `twitchguide log …` takes as a real process: the median of 20 warm runs.

Run: .venv/bin/python benchmarks/bench_cli_log.py
Prints the median next to `python -c pass` and a bare `import click`, measured in the same
run, because this machine's speed drifts by up to 2x over a day.
"""

from __future__ import annotations

import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

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
    from benchmarks.insights_speed import synthetic_diary, write_to_store

    script = Path(sys.executable).parent / "twitchguide"
    with tempfile.TemporaryDirectory() as folder:
        # The default diary, as a person has it, inside a throwaway data folder.
        env = {**os.environ, "XDG_DATA_HOME": folder}
        env.pop("TWITCHGUIDE_DATABASE_URL", None)
        # A person's Python caches compiled modules after the first run; some build machines
        # turn that off, which would time the compiler instead of Twitchguide.
        env.pop("PYTHONDONTWRITEBYTECODE", None)
        python = median_ms([sys.executable, "-c", "pass"], env)
        # The floor for any click command line on this machine, for scale.
        bare_click = median_ms([sys.executable, "-c", "import click"], env)
        log = median_ms([str(script), *LOG], env)
        # A diary with history: the post-log triage check reads the recent diary.
        for _ in range(200):
            subprocess.run(
                [str(script), *LOG, "--at", "3 days ago"], env=env, check=True, capture_output=True
            )
        log_with_history = median_ms([str(script), *LOG], env)
        five_years = os.path.join(folder, "five_years")
        write_to_store(synthetic_diary(), f"sqlite:///{five_years}/twitchguide/diary.db")
        log_five_years = median_ms([str(script), *LOG], {**env, "XDG_DATA_HOME": five_years})
    print(f"python -c pass:                              {python:6.1f} ms (median of {RUNS})")
    print(f"python -c 'import click':                    {bare_click:6.1f} ms")
    print(f"twitchguide log (new diary):                 {log:6.1f} ms (median of {RUNS})")
    print(f"twitchguide log (~450 twitches this week):   {log_with_history:6.1f} ms")
    print(f"twitchguide log (5 years, ~20,000 twitches): {log_five_years:6.1f} ms")


if __name__ == "__main__":
    main()
