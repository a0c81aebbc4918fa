"""Guide search: how often the right topic comes first, then cold start and warm query speed.

Run: .venv/bin/python benchmarks/bench_guide_search.py [--misses]
"""

from __future__ import annotations

import statistics
import sys
import time
from pathlib import Path

import yaml

QUESTIONS = Path(__file__).parent.parent / "tests" / "guide" / "search_questions.yaml"
ROUNDS = 20


def main() -> None:
    items = yaml.safe_load(QUESTIONS.read_text(encoding="utf-8"))
    questions = [q["question"] for q in items]

    started = time.perf_counter()
    from twitchguide.guide.search import guide_index, search

    index = guide_index()
    cold = time.perf_counter() - started

    # A question whose topic does not exist (yet) counts as a miss.
    misses = []
    for item in items:
        hits = search(item["question"]).hits
        first = hits[0].passage.topic_id if hits else "(nothing)"
        if first != item["topic"]:
            misses.append((item["question"], item["topic"], first))
    right = len(items) - len(misses)
    print(f"right topic first: {right} of {len(items)} ({100 * right / len(items):.1f}%)")
    if "--misses" in sys.argv:
        for question, wanted, got in misses:
            print(f"  miss: {question!r}: wanted {wanted}, got {got}")

    timings = []
    for _ in range(ROUNDS):
        for question in questions:
            began = time.perf_counter()
            search(question)
            timings.append(time.perf_counter() - began)
    timings.sort()
    median = statistics.median(timings) * 1000
    p95 = timings[int(len(timings) * 0.95)] * 1000
    worst = timings[-1] * 1000
    print(f"passages indexed: {len(index.passages)}")
    print(f"cold start (import, load and validate content, build index): {cold * 1000:.0f} ms")
    print(
        f"warm search over {len(questions)} questions x {ROUNDS} rounds: "
        f"median {median:.2f} ms, p95 {p95:.2f} ms, worst {worst:.2f} ms"
    )


if __name__ == "__main__":
    main()
