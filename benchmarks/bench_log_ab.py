"""`twitchguide log` now against an earlier commit: paired, alternating runs on one machine.

Run: .venv/bin/python benchmarks/bench_log_ab.py [REV]   (default REV: HEAD~1)
This machine's speed drifts (and other work may share it), so the two versions run in turn,
each on its own fresh diary, and the figure is the median of the paired differences, next to
`python -c pass` timed in the same loop.
"""

from __future__ import annotations

import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PAIRS = 40
LOG = ["log", "calf", "--side", "left", "--duration", "90s", "--intensity", "2"]
RUNNER = "import sys; sys.path.insert(0, sys.argv.pop(1)); from twitchguide.cli import run; run()"


def _ms(command: list[str], env: dict[str, str]) -> float:
    started = time.perf_counter()
    subprocess.run(command, env=env, check=True, capture_output=True)
    return (time.perf_counter() - started) * 1000


def main(revision: str) -> None:
    from benchmarks.process_timing import process_env

    with tempfile.TemporaryDirectory() as folder:
        base = Path(folder, "base")
        subprocess.run(["git", "-C", str(ROOT), "worktree", "add", "-q", "--detach", str(base),
                        revision], check=True)  # fmt: skip
        try:
            timings: dict[str, list[float]] = {"pass": [], "base": [], "now": []}
            envs = {
                name: process_env(TWITCHGUIDE_DATABASE_URL=f"sqlite:///{folder}/{name}.db")
                for name in ("base", "now")
            }
            code = {"base": str(base), "now": str(ROOT)}
            for name in ("base", "now"):  # warm the bytecode caches of both
                _ms([sys.executable, "-c", RUNNER, code[name], *LOG], envs[name])
            for _ in range(PAIRS):
                timings["pass"].append(_ms([sys.executable, "-c", "pass"], envs["now"]))
                for name in ("base", "now"):
                    timings[name].append(
                        _ms([sys.executable, "-c", RUNNER, code[name], *LOG], envs[name])
                    )
        finally:
            subprocess.run(["git", "-C", str(ROOT), "worktree", "remove", "--force", str(base)],
                           check=True)  # fmt: skip
    differences = [now - old for now, old in zip(timings["now"], timings["base"], strict=True)]
    median = statistics.median
    print(f"python -c pass:        {median(timings['pass']):6.1f} ms (median of {PAIRS})")
    print(f"log at {revision}: {median(timings['base']):6.1f} ms")
    print(f"log now:               {median(timings['now']):6.1f} ms")
    print(f"paired difference:     {median(differences):+6.1f} ms (now - {revision})")
    print(f"log now / python -c pass: {median(timings['now']) / median(timings['pass']):.1f}x")


if __name__ == "__main__":
    sys.path.insert(0, str(ROOT))
    main(sys.argv[1] if len(sys.argv) > 1 else "HEAD~1")
