"""Score one labelled free-text set file: levels, emergencies under-triaged, red flags missed.

Run: .venv/bin/python benchmarks/score_free_text_set.py tests/triage_text/free_text_blind9.yaml
For a blind set, run it once before any fix and write the figure down (docs/benchmarks.md).
"""

from __future__ import annotations

import sys
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "tests" / "triage_text"))

from free_text_scoring import score  # noqa: E402


def main(path: str) -> None:
    cases = yaml.safe_load(Path(path).read_text(encoding="utf-8"))
    result = score(cases)
    print(
        f"cases {result.cases}  exact {result.exact} ({100 * result.exact_share:.1f}%)  "
        f"facts F1 {result.f1:.3f} (P {result.precision:.3f} R {result.recall:.3f})"
    )
    print(
        "by level (exact/total):", {k: f"{v[0]}/{v[1]}" for k, v in sorted(result.by_level.items())}
    )
    emergencies = result.under_triaged_emergencies
    print(f"under-triaged emergencies {len(emergencies)}: {emergencies}")
    print(f"under-triaged {len(result.under_triaged)}, over-triaged {len(result.over_triaged)}")
    print(f"missed red flags {len(result.missed_red_flags)}: {result.missed_red_flags}")
    print("wrong levels:")
    for line in result.wrong_levels:
        print("  ", line)


if __name__ == "__main__":
    if len(sys.argv) != 2:
        sys.exit("usage: score_free_text_set.py SET.yaml")
    main(sys.argv[1])
