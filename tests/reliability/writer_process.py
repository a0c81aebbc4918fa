"""One of several writer processes: waits for the start signal, then logs twitches and one
factor of the same day through the real CLI entry point, reporting every exit status."""

from __future__ import annotations

import json
import os
import sys
import time

from twitchguide.cli import main

# Each writer sets its own factor of the same day; all of them must be kept.
FACTORS = (
    ("--sleep", "7"),
    ("--stress", "2"),
    ("--anxiety", "3"),
    ("--caffeine", "200"),
    ("--water", "1.5"),
    ("--exercise", "30"),
    ("--alcohol", "1"),
    ("--magnesium", "2"),
)


def run(args: list[str]) -> int:
    try:
        main(args)
    except SystemExit as done:
        return done.code if isinstance(done.code, int) else 1
    return 0


def writer(index: int, rounds: int, go_file: str) -> dict[str, object]:
    while not os.path.exists(go_file):  # start together, so first runs race on migrations
        time.sleep(0.001)
    statuses = []
    option, value = FACTORS[index % len(FACTORS)]
    for round_ in range(rounds):
        statuses.append(run(["log", "calf", "--at", "1h ago", "--note", f"w{index}r{round_}"]))
        statuses.append(run(["day", "--date", "yesterday", option, value]))
    return {"index": index, "statuses": statuses}


if __name__ == "__main__":
    print(json.dumps(writer(int(sys.argv[1]), int(sys.argv[2]), sys.argv[3])))
