"""Search puts the right topic first for questions typed the way people type them."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
import yaml

from twitchguide.errors import InvalidInput
from twitchguide.guide import load_guide
from twitchguide.guide.query import QueryNormaliser
from twitchguide.guide.search import guide_index, search

QUESTIONS: list[dict[str, Any]] = yaml.safe_load(
    (Path(__file__).parent / "search_questions.yaml").read_text(encoding="utf-8")
)


def test_there_are_at_least_30_questions_with_real_topics() -> None:
    assert len(QUESTIONS) >= 30
    topics = load_guide().topics
    for item in QUESTIONS:
        assert item["topic"] in topics, item


@pytest.mark.parametrize("item", QUESTIONS, ids=[q["question"] for q in QUESTIONS])
def test_the_expected_topic_comes_first(item: dict[str, Any]) -> None:
    result = search(item["question"])
    assert result.hits, result.terms
    assert result.hits[0].passage.topic_id == item["topic"], [
        hit.passage.topic_id for hit in result.hits
    ]


@pytest.mark.parametrize(
    ("typed", "expected"),
    [
        ("twichng", "twitching"),
        ("eyelid twiching", "twitching"),
        ("potasium", "potassium"),
        ("my eye keeps jumping", "eyelid"),
        ("charley horse", "cramp"),
        ("ALS", "als"),
        ("MND", "motor"),
        ("legs feel like jelly", "weak"),
        ("flickering", "twitching"),
    ],
)
def test_normaliser_fixes_typos_and_slang(typed: str, expected: str) -> None:
    assert expected in guide_index().normaliser.terms(typed)


def test_normaliser_leaves_known_words_and_drops_filler() -> None:
    normaliser = QueryNormaliser({"calf", "twitching"})
    assert normaliser.terms("why is my calf twitching") == ["calf", "twitching"]
    assert normaliser.terms("the and of") == []


def test_hits_carry_topic_and_existing_sources_and_spread_topics() -> None:
    result = search("twitching", limit=10)
    assert len(result.hits) == 10
    sources = load_guide().sources
    per_topic: dict[str, int] = {}
    for hit in result.hits:
        assert hit.passage.topic_title and hit.passage.text
        assert set(hit.passage.sources) <= set(sources)
        per_topic[hit.passage.topic_id] = per_topic.get(hit.passage.topic_id, 0) + 1
    assert max(per_topic.values()) <= 2
    scores = [hit.score for hit in result.hits]
    assert scores == sorted(scores, reverse=True)


def test_nothing_to_search_for() -> None:
    assert search("the and of").hits == ()
    assert search("xyzzyplugh").hits == ()
    with pytest.raises(InvalidInput, match="question"):
        search("   ")
    with pytest.raises(InvalidInput, match="limit"):
        search("calf", limit=0)


def test_quotes_and_symbols_in_a_question_are_safe() -> None:
    assert search('eye "twitch" AND OR NOT * ( ) :').hits
