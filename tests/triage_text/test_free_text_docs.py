"""The free-text section of docs/triage.md stays in step with its source and the facts model."""

from __future__ import annotations

import re
from pathlib import Path

from twitchguide.triage.facts import FACT_NAMES

ROOT = Path(__file__).resolve().parents[2]
SECTION = ROOT / "twitchguide" / "triage" / "extract" / "free_text.md"


def test_docs_triage_holds_the_free_text_section() -> None:
    assert SECTION.read_text(encoding="utf-8") in (ROOT / "docs" / "triage.md").read_text(
        encoding="utf-8"
    )


def test_every_fact_the_section_names_exists() -> None:
    named = set(re.findall(r"`([a-z_]+)`", SECTION.read_text(encoding="utf-8")))
    json_keys = {"understood", "unsure", "notes", "unanswered", "true", "false", "log"}
    assert named - json_keys <= set(FACT_NAMES)
