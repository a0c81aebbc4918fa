"""TriageFacts: validation, round trip and the documented field names."""

from __future__ import annotations

import pytest

from twitchguide.errors import InvalidInput
from twitchguide.triage.facts import FACT_NAMES, TriageFacts


def test_empty_facts_are_all_unknown() -> None:
    assert TriageFacts().to_dict() == {}


def test_round_trip_keeps_known_facts_and_normalises_regions() -> None:
    facts = TriageFacts.from_dict(
        {
            "regions": ["calves", "eyelid", "calf"],
            "weakness": False,
            "stress": 4,
            "medicine_classes": ["ssri"],
            "duration_days": 3,
        }
    )
    assert facts.regions == ("calf", "eyelid")
    assert facts.weakness is False
    assert TriageFacts.from_dict(facts.to_dict()) == facts


@pytest.mark.parametrize(
    ("data", "field"),
    [
        ({"wekness": True}, "wekness"),
        ({"weakness": "yes"}, "weakness"),
        ({"stress": 9}, "stress"),
        ({"stress": 2.5}, "stress"),
        ({"duration_days": True}, "duration_days"),
        ({"regions": ["elbowz"]}, "regions"),
        ({"regions": "calf"}, "regions"),
        ({"side": "top"}, "side"),
        ({"medicine_classes": ["sweets"]}, "medicine_classes"),
    ],
)
def test_bad_values_name_the_field(data: dict[str, object], field: str) -> None:
    with pytest.raises(InvalidInput) as caught:
        TriageFacts.from_dict(data)
    assert caught.value.field == field


def test_every_fact_is_documented() -> None:
    from pathlib import Path

    doc = (Path(__file__).parents[2] / "docs" / "triage.md").read_text(encoding="utf-8")
    for name in FACT_NAMES:
        assert f"`{name}`" in doc, name
