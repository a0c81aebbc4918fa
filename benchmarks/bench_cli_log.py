"""How long `twitchguide log …` takes as a real process: the median of 20 warm runs.

Run: .venv/bin/python benchmarks/bench_cli_log.py
Prints the median next to `python -c pass` and a bare `import click`, measured in the same
run, because this machine's speed drifts by up to 2x over a day.
"""

from __future__ import annotations

import os
import subprocess
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

RUNS = 20
LOG = ["log", "calf", "--side", "left", "--duration", "90s", "--intensity", "2"]


def main() -> None:
    from benchmarks.insights_speed import synthetic_diary, write_to_store
    from benchmarks.process_timing import median_process_ms, process_env

    script = Path(sys.executable).parent / "twitchguide"
    with tempfile.TemporaryDirectory() as folder:
        # The default diary, as a person has it, inside a throwaway data folder.
        env = process_env(XDG_DATA_HOME=folder)
        env.pop("TWITCHGUIDE_DATABASE_URL", None)
        python = median_process_ms([sys.executable, "-c", "pass"], env)
        # The floor for any click command line on this machine, for scale.
        bare_click = median_process_ms([sys.executable, "-c", "import click"], env)
        log = median_process_ms([str(script), *LOG], env)
        # A diary with history: the post-log triage check reads the recent diary.
        for _ in range(200):
            subprocess.run(
                [str(script), *LOG, "--at", "3 days ago"], env=env, check=True, capture_output=True
            )
        log_with_history = median_process_ms([str(script), *LOG], env)
        # A symptom described in the person's own words this week: its words are read for red
        # flags on every log, which loads the free-text reader.
        subprocess.run(
            [str(script), "symptom", "add", "--kind", "other", "--description",
             "calf feels tight after running"],
            env=env, check=True, capture_output=True,
        )  # fmt: skip
        log_with_words = median_process_ms([str(script), *LOG], env)
        five_years = os.path.join(folder, "five_years")
        os.makedirs(os.path.join(five_years, "twitchguide"), mode=0o700)
        write_to_store(synthetic_diary(), f"sqlite:///{five_years}/twitchguide/diary.db")
        log_five_years = median_process_ms(
            [str(script), *LOG], {**env, "XDG_DATA_HOME": five_years}
        )
    print(f"python -c pass:                              {python:6.1f} ms (median of {RUNS})")
    print(f"python -c 'import click':                    {bare_click:6.1f} ms")
    print(f"twitchguide log (new diary):                 {log:6.1f} ms (median of {RUNS})")
    print(f"twitchguide log (~450 twitches this week):   {log_with_history:6.1f} ms")
    print(f"twitchguide log (5 years, ~20,000 twitches): {log_five_years:6.1f} ms")
    print(f"twitchguide log (+ a symptom in own words):  {log_with_words:6.1f} ms")


if __name__ == "__main__":
    main()
