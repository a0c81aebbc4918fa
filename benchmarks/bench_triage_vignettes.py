"""Triage on the vignette set (accuracy and safety), and the cost of the post-log notice.

Run: .venv/bin/python benchmarks/bench_triage_vignettes.py
Prints exact-match %, under-triage count, emergency detection %, "safe" % (Gilbert 2020:
the expected level, more cautious, or at most one level less urgent), over-triage of
self-care cases, and the extra time the notice adds to a `twitchguide log` process.
"""

from __future__ import annotations

import statistics
import subprocess
import sys
import time
from pathlib import Path

import yaml

from twitchguide.triage.engine import triage
from twitchguide.triage.facts import TriageFacts
from twitchguide.triage.rulebook import RANK

ROOT = Path(__file__).parents[1]
VIGNETTES = ROOT / "tests" / "triage" / "vignettes.yaml"
RUNS = 20

# A child process that has imported what `twitchguide log` imports and holds a 200-episode
# diary (what `log` has in memory after its write) ...
BASE = """
import twitchguide.cli.diary_commands
from datetime import UTC, date, datetime, timedelta
from twitchguide.diary.records import Episode, Stamps, SymptomReport
from twitchguide.diary.snapshot import Diary
t = datetime(2026, 11, 1, 12, tzinfo=UTC)
s = Stamps(1, 1, t, t)
regions = ["calf", "eyelid", "thigh"]
eps = [Episode(s, t - timedelta(hours=7 * i), regions[i % 3]) for i in range(200)]
diary = Diary(episodes=eps, symptoms=[SymptomReport(s, t, "tingling")])
"""
# ... and the same process plus the notice's work (imports, rules, facts from the diary,
# triage): what actions.triage.triage_status does after it has loaded the diary.
NOTICE = (
    BASE
    + """
from twitchguide.triage.diary_facts import facts_from_diary
from twitchguide.triage.engine import triage
triage(facts_from_diary(diary, date(2026, 11, 1))).one_line()
"""
)


def accuracy() -> dict[str, float]:
    cases = yaml.safe_load(VIGNETTES.read_text(encoding="utf-8"))
    got = [
        (RANK[triage(TriageFacts.from_dict(c["facts"])).level], RANK[c["expected"]]) for c in cases
    ]
    emergencies = [g for g, e in got if e == RANK["emergency"]]
    caught = sum(g == RANK["emergency"] for g in emergencies)
    self_care = [g for g, e in got if e == RANK["self_care"]]
    return {
        "cases": len(cases),
        "exact %": 100 * sum(g == e for g, e in got) / len(got),
        "under-triaged (count)": sum(g < e for g, e in got),
        "emergencies caught %": 100 * caught / len(emergencies),
        "safe % (Gilbert)": 100 * sum(g >= e - 1 for g, e in got) / len(got),
        "self-care over-triaged %": 100 * sum(g > 0 for g in self_care) / len(self_care),
        "self-care sent to emergency (count)": sum(g == RANK["emergency"] for g in self_care),
    }  # fmt: skip


def paired_ms(first: str, second: str) -> tuple[float, float, float]:
    """Medians of `first` and `second` as child processes, and of their paired difference.

    Runs alternate, so a machine that speeds up or slows down mid-run moves both alike.
    """
    from benchmarks.process_timing import process_env

    env = process_env()
    commands = [[sys.executable, "-c", code] for code in (first, second)]
    for command in commands:
        subprocess.run(command, check=True, cwd=ROOT, env=env)
    timings: list[list[float]] = [[], []]
    for run in range(RUNS * 2):
        order = (0, 1) if run % 2 else (1, 0)
        for which in order:
            start = time.perf_counter()
            subprocess.run(commands[which], check=True, cwd=ROOT, env=env)
            timings[which].append((time.perf_counter() - start) * 1000)
    differences = [b - a for a, b in zip(timings[0], timings[1], strict=True)]
    return (
        statistics.median(timings[0]),
        statistics.median(timings[1]),
        statistics.median(differences),
    )


def main() -> None:
    for name, value in accuracy().items():
        print(f"{name:38} {value:.1f}" if isinstance(value, float) else f"{name:38} {value}")
    base, notice, added = paired_ms(BASE, NOTICE)
    print(f"{'process with diary in memory, median':38} {base:.1f} ms")
    print(f"{'same plus the triage notice, median':38} {notice:.1f} ms")
    print(f"{'notice adds (median of paired runs)':38} {added:.1f} ms")


if __name__ == "__main__":
    main()
