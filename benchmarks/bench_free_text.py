"""Free-text extraction: accuracy on the labelled sets and speed on 500-character texts.

Run: .venv/bin/python benchmarks/bench_free_text.py
     .venv/bin/python benchmarks/bench_free_text.py --ab /path/to/other/checkout
     .venv/bin/python benchmarks/bench_free_text.py --ab-warm /path/to/other/checkout
The second form times what `log` pays to read a symptom's own words (stated_signs in a fresh
process) here and in another checkout, alternating, with `python -c pass` in the same loop.
The third times a warm 500-character extraction here and in another checkout, in alternating
child processes, so a busy machine slows both alike.
     .venv/bin/python benchmarks/bench_free_text.py --set tests/triage_text/free_text_blind9.yaml
scores one set file (a blind set not yet in SETS) and nothing else.
"""

from __future__ import annotations

import importlib.util
import statistics
import subprocess
import sys
import time
from datetime import UTC, datetime
from pathlib import Path
from types import ModuleType
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
NOW = datetime(2026, 11, 28, 12, tzinfo=UTC)

# 500-character descriptions in the styles of the labelled set, for timing.
TEXTS = [
    (
        "Hi, 34M here. My left calf has been twitching on and off for about 3 weeks now, mostly "
        "in the evening after my run. I don't think I'm weak but I keep dropping cups and I "
        "tripped twice on the stairs this week. No numbness, no tingling, speech is fine and no "
        "trouble swallowing. I started sertraline 10 days ago and I'm drinking 4 coffees a day, "
        "sleeping maybe 5 hours a night because work is really stressful. Also my eyelid jumps "
        "sometimes. Should I worry about this or is it just stress? Thanks for reading all this."
    ),
    (
        "eye lid twichng on and off 10 days now, moving house stress + no sleep, had 3 red bulls "
        "yesterday and 2 today. no droopy eyelid or double vision, no headache, not pregnant, no "
        "meds. it started in the left eye and now the right one too, its driving me mad!! my mum "
        "says its nothing but i read online it could be something bad. i feel fine otherwise, no "
        "weakness at all, grip is fine, walking normally. been on my phone a lot and staring at "
        "screens for uni deadlines. is this normal?? anyone else had this for weeks and weeks"
    ),
]


def _scoring() -> ModuleType:
    path = ROOT / "tests" / "triage_text" / "free_text_scoring.py"
    spec = importlib.util.spec_from_file_location("free_text_scoring", path)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules["free_text_scoring"] = module
    spec.loader.exec_module(module)
    return module


def accuracy() -> None:
    scoring = _scoring()
    for name in scoring.SETS:
        report(name, scoring.score(scoring.load_cases(name)), scoring.LEVELS)


def one_set(path: str) -> None:
    """Score one set file, e.g. a blind set not yet in SETS (run it once, before any fix)."""
    import yaml

    scoring = _scoring()
    cases = yaml.safe_load(Path(path).read_text(encoding="utf-8"))
    report(path, scoring.score(cases), scoring.LEVELS)


def report(name: str, result: Any, levels: tuple[str, ...]) -> None:
    """One set's score: facts, levels, under- and over-triage, missed red flags, each miss."""
    print(f"{name}: {result.cases} cases")
    print(f"  fact F1 {result.f1:.3f} (precision {result.precision:.3f}, "
          f"recall {result.recall:.3f})")  # fmt: skip
    print(f"  exact level {result.exact}/{result.cases} = {100 * result.exact_share:.1f}%")
    for level in levels:
        right, total = result.by_level.get(level, [0, 0])
        print(f"    {level}: {right}/{total}")
    print(f"  under-triaged: {len(result.under_triaged)} "
          f"(emergencies: {len(result.under_triaged_emergencies)})")  # fmt: skip
    print(f"  over-triaged: {len(result.over_triaged)}")
    print(f"  stated red flags missed: {len(result.missed_red_flags)}")
    for line in result.missed_red_flags:
        print(f"    red flag: {line}")
    for line in result.wrong_levels:
        print(f"    level: {line}")


COLD = (
    "import time; t = time.perf_counter(); "
    "from twitchguide.triage.extract import extract_facts; extract_facts('calf twitch'); "
    "print(1000 * (time.perf_counter() - t))"
)


def _process_ms(command: list[str], env: dict[str, str]) -> float:
    begin = time.perf_counter()
    subprocess.run(command, capture_output=True, check=True, cwd=ROOT, env=env)
    return 1000 * (time.perf_counter() - begin)


def speed() -> None:
    from benchmarks.process_timing import process_env

    env = process_env()
    bare = sorted(_process_ms([sys.executable, "-c", "pass"], env) for _ in range(5))
    print(f"python -c pass (same run, for the machine's speed): median {bare[2]:.0f} ms")
    colds = sorted(
        float(subprocess.run([sys.executable, "-c", COLD], capture_output=True, text=True,
                             check=True, cwd=ROOT, env=env).stdout)
        for _ in range(5)
    )  # fmt: skip
    print(f"first call in a fresh process (imports + lexicons): median {colds[2]:.0f} ms")
    from twitchguide.triage.extract import extract_facts

    for text in TEXTS:
        text = text[:500]
        for _ in range(20):
            extract_facts(text, NOW)
        runs = []
        for _ in range(300):
            begin = time.perf_counter()
            extract_facts(text, NOW)
            runs.append(1000 * (time.perf_counter() - begin))
        runs.sort()
        print(
            f"{len(text)}-char text, warm: median {statistics.median(runs):.2f} ms, "
            f"p95 {runs[int(0.95 * len(runs))]:.2f} ms, max {runs[-1]:.2f} ms"
        )


SIGNS = (
    "import sys; sys.path.insert(0, sys.argv[1]); "
    "from twitchguide.triage.extract.extractor import stated_signs; "
    "stated_signs('left calf twitching for 3 weeks and my foot feels numb, no weakness')"
)


def words_on_log_ab(other: str, pairs: int = 25) -> None:
    from benchmarks.process_timing import process_env

    env = process_env()
    trees = {"other": other, "here": str(ROOT)}
    times: dict[str, list[float]] = {name: [] for name in trees}
    bare = []
    for run in range(pairs):
        order = list(trees) if run % 2 else list(reversed(trees))
        for name in order:
            times[name].append(_process_ms([sys.executable, "-c", SIGNS, trees[name]], env))
        bare.append(_process_ms([sys.executable, "-c", "pass"], env))
    paired = [b - a for a, b in zip(times["other"], times["here"], strict=True)]
    print(f"python -c pass: median {statistics.median(bare):.1f} ms")
    print(f"stated_signs in a fresh process: other {statistics.median(times['other']):.1f} ms, "
          f"here {statistics.median(times['here']):.1f} ms, "
          f"paired difference {statistics.median(paired):+.1f} ms")  # fmt: skip


WARM = (
    "import sys, statistics, time; sys.path.insert(0, sys.argv[1]); "
    "from datetime import UTC, datetime; "
    "from twitchguide.triage.extract import extract_facts; "
    "now = datetime(2026, 11, 28, 12, tzinfo=UTC); "
    "texts = [t[:500] for t in sys.argv[2:]]; "
    "[extract_facts(t, now) for t in texts for _ in range(20)]; "
    "runs = []\n"
    "for _ in range(100):\n"
    "    for t in texts:\n"
    "        b = time.perf_counter(); extract_facts(t, now); "
    "runs.append(1000 * (time.perf_counter() - b))\n"
    "runs.sort(); print(statistics.median(runs), runs[int(0.95 * len(runs))])"
)


def warm_ab(other: str, rounds: int = 6) -> None:
    """Warm 500-character extraction here and in another checkout, alternating rounds."""
    from benchmarks.process_timing import process_env

    env = process_env()
    trees = {"other": other, "here": str(ROOT)}
    medians: dict[str, list[float]] = {name: [] for name in trees}
    p95s: dict[str, list[float]] = {name: [] for name in trees}
    bare = []
    for run in range(rounds):
        order = list(trees) if run % 2 else list(reversed(trees))
        for name in order:
            out = subprocess.run(
                [sys.executable, "-c", WARM, trees[name], *TEXTS],
                capture_output=True,
                text=True,
                check=True,
                cwd=ROOT,
                env=env,
            )
            median, p95 = (float(x) for x in out.stdout.split())  # fmt: skip
            medians[name].append(median)
            p95s[name].append(p95)
        bare.append(_process_ms([sys.executable, "-c", "pass"], env))
    print(f"python -c pass: median {statistics.median(bare):.1f} ms")
    for name in trees:
        print(f"500-char text, warm, {name}: median of round medians "
              f"{statistics.median(medians[name]):.2f} ms (rounds "
              f"{', '.join(f'{m:.1f}' for m in medians[name])}), median p95 "
              f"{statistics.median(p95s[name]):.2f} ms")  # fmt: skip


if __name__ == "__main__":
    if sys.argv[1:2] == ["--ab"]:
        words_on_log_ab(sys.argv[2])
    elif sys.argv[1:2] == ["--ab-warm"]:
        warm_ab(sys.argv[2])
    elif sys.argv[1:2] == ["--set"]:
        one_set(sys.argv[2])
    else:
        accuracy()
        speed()
