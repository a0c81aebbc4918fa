"""The rules file: valid, compiled JSON in step, sources real, docs in step with the rules."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import pytest
import yaml

from twitchguide.triage import reference
from twitchguide.triage.rulebook import (
    LEVELS,
    RULES_JSON,
    RulesError,
    check_condition,
    compiled_json,
    load_rulebook,
    parse_rulebook,
    read_rules_yaml,
)

ROOT = Path(__file__).parents[2]
SOURCES = ROOT / "twitchguide" / "guide" / "content" / "sources.yaml"


def test_compiled_json_matches_rules_yaml() -> None:
    assert Path(RULES_JSON).read_text(encoding="utf-8") == compiled_json(), (
        "run: python tools/build.py"
    )


def test_docs_match_the_rules() -> None:
    # The whole page is generated: rules, facts, sources and the free-text section.
    doc = (ROOT / "docs" / "triage.md").read_text(encoding="utf-8")
    regenerate = "run: python tools/build.py"
    assert doc == reference.document(), regenerate
    sources_part = doc.partition("## Sources")[2]
    book = load_rulebook()
    for source in {s for rule in book.rules for s in rule.sources}:
        assert f"`{source}`" in sources_part


def test_every_rule_source_is_in_the_guide_sources() -> None:
    known = {entry["id"] for entry in yaml.safe_load(SOURCES.read_text(encoding="utf-8"))}
    book = load_rulebook()
    cited = set(book.default_sources) | {s for rule in book.rules for s in rule.sources}
    assert cited - known == set()


def test_every_level_has_rules_and_advice() -> None:
    book = load_rulebook()
    assert {rule.level for rule in book.rules} == set(LEVELS)
    assert all(book.levels[name].safety_net for name in LEVELS)


def test_emergency_advice_says_to_call_emergency_services() -> None:
    advice = load_rulebook().levels["emergency"].advice
    assert "Call emergency services" in advice and "{emergency_number}" in advice


@pytest.mark.parametrize(
    "cond",
    [
        {"fact": "wekness", "is": True},
        {"fact": "weakness", "is": "yes"},
        {"fact": "weakness", "gt": 3},
        {"fact": "duration_days", "gt": "14"},
        {"fact": "regions", "has_any": []},
        {"fact": "weakness", "is": True, "gt": 1},
        {"all": []},
        {"any": [{"fact": "weakness", "is": True}], "all": [{"fact": "fever", "is": True}]},
        {"not": {"fact": "fever", "is": True}, "fact": "fever"},
        "weakness",
    ],
)
def test_malformed_conditions_are_rejected(cond: Any) -> None:
    with pytest.raises(RulesError):
        check_condition(cond, "test")


def test_malformed_rulebooks_are_rejected() -> None:
    data = read_rules_yaml()
    data["rules"][0]["level"] = "urgent"
    with pytest.raises(RulesError, match="level"):
        parse_rulebook(data)
    data = read_rules_yaml()
    data["rules"][1]["id"] = data["rules"][0]["id"]
    with pytest.raises(RulesError, match="unique"):
        parse_rulebook(data)
    data = read_rules_yaml()
    data["rules"][0]["sources"] = []
    with pytest.raises(RulesError, match="source"):
        parse_rulebook(data)


def test_no_result_cites_a_source_titled_with_the_disease_people_fear_most() -> None:
    # Fear of ALS/MND drives many twitching searches; a source with that title under a
    # "see a doctor" result reads as a diagnosis. The guide may cite it; triage does not.
    from twitchguide.guide.content import source

    feared = re.compile(r"motor neuron|amyotrophic|\bals\b")
    for rule in load_rulebook().rules:
        for source_id in rule.sources:
            title = source(source_id).title.lower()
            assert not feared.search(title), (rule.id, title)
