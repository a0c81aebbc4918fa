"""The one build step: files generated from the sources, written or checked.

    python tools/build.py          write every generated file
    python tools/build.py --check  exit 1, naming each file that is out of date

Generated: the compiled rules and phrases the app loads fast (PyYAML costs `log` too much),
and the reference docs made from the code (triage rules, the CLI's --help).
"""

from __future__ import annotations

import sys
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))


def outputs() -> dict[Path, Callable[[], str]]:
    """Each generated file and the function that makes its exact text."""
    from twitchguide.cli.reference import document as cli_reference
    from twitchguide.data import data_path
    from twitchguide.triage.extract.phrases import compiled_json as phrases_json
    from twitchguide.triage.reference import document as triage_reference
    from twitchguide.triage.rulebook import compiled_json as rules_json

    return {
        Path(data_path("triage", "rules.json")): rules_json,
        Path(data_path("triage", "extract", "phrases.json")): phrases_json,
        ROOT / "docs" / "triage.md": triage_reference,
        ROOT / "docs" / "cli.md": cli_reference,
    }


def stale() -> list[Path]:
    """Generated files whose text differs from what the sources make now."""
    return [
        path
        for path, make in outputs().items()
        if not path.exists() or path.read_text(encoding="utf-8") != make()
    ]


def main(argv: list[str]) -> int:
    if argv == ["--check"]:
        old = stale()
        for path in old:
            print(f"out of date: {path.relative_to(ROOT)} (run: python tools/build.py)")
        return 1 if old else 0
    if argv:
        print("usage: python tools/build.py [--check]", file=sys.stderr)
        return 2
    # Compiled data first: the docs are made from what the app loads.
    for path, make in outputs().items():
        text = make()
        if not path.exists() or path.read_text(encoding="utf-8") != text:
            path.write_text(text, encoding="utf-8")
            print(f"wrote {path.relative_to(ROOT)}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
