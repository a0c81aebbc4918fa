"""The vignette set: no under-triage, at least 90% exact, no self-care case sent to emergency."""

from __future__ import annotations

from functools import cache
from pathlib import Path
from typing import Any

import pytest
import yaml

from twitchguide.triage.engine import triage, with_known_classes
from twitchguide.triage.facts import TriageFacts
from twitchguide.triage.rulebook import RANK, evaluate, load_rulebook

VIGNETTES = Path(__file__).parent / "vignettes.yaml"


@cache
def vignettes() -> tuple[dict[str, Any], ...]:
    return tuple(yaml.safe_load(VIGNETTES.read_text(encoding="utf-8")))


def test_the_set_is_big_enough_and_covers_the_groups() -> None:
    cases = vignettes()
    assert len(cases) >= 60
    assert len({case["id"] for case in cases}) == len(cases)
    tags = [tag for case in cases for tag in case.get("tags", ())]
    for group in ("child", "older", "pregnancy", "tricky"):
        assert tags.count(group) >= 3, group
    assert all(case["expected"] in RANK and case["source"] for case in cases)


@pytest.mark.parametrize("case", vignettes(), ids=lambda case: case["id"])
def test_no_vignette_is_under_triaged(case: dict[str, Any]) -> None:
    level = triage(TriageFacts.from_dict(case["facts"])).level
    assert RANK[level] >= RANK[case["expected"]], f"{case['id']}: {level}"
    if case["expected"] == "self_care":
        assert level != "emergency"


def test_at_least_90_percent_exact() -> None:
    cases = vignettes()
    exact = sum(triage(TriageFacts.from_dict(c["facts"])).level == c["expected"] for c in cases)
    assert exact / len(cases) >= 0.9


def test_every_rule_fires_in_some_vignette() -> None:
    facts = [with_known_classes(TriageFacts.from_dict(case["facts"])) for case in vignettes()]
    silent = [r.id for r in load_rulebook().rules if not any(evaluate(r.when, f) for f in facts)]
    assert silent == []


def test_every_rule_decides_the_level_of_some_vignette() -> None:
    deciding = set()
    for case in vignettes():
        result = triage(TriageFacts.from_dict(case["facts"]))
        deciding |= {r.rule_id for r in result.reasons if r.level == result.level}
    assert {rule.id for rule in load_rulebook().rules} <= deciding
