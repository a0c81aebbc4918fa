"""Search puts the right topic first for questions typed the way people type them."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
import yaml

from twitchguide.errors import InvalidInput
from twitchguide.guide import load_guide
from twitchguide.guide.query import QueryNormaliser
from twitchguide.guide.search import guide_index, names_the_sign, search

QUESTIONS: list[dict[str, Any]] = yaml.safe_load(
    (Path(__file__).parent / "search_questions.yaml").read_text(encoding="utf-8")
)


def test_there_are_at_least_60_questions_covering_every_topic() -> None:
    assert len(QUESTIONS) >= 60
    topics = load_guide().topics
    for item in QUESTIONS:
        assert item["topic"] in topics, item
    assert {item["topic"] for item in QUESTIONS} == set(topics)


def test_the_expected_topic_comes_first_for_at_least_90_percent() -> None:
    misses = []
    for item in QUESTIONS:
        hits = search(item["question"]).hits
        first = hits[0].passage.topic_id if hits else None
        if first != item["topic"]:
            misses.append((item["question"], item["topic"], first))
    assert len(misses) <= 0.10 * len(QUESTIONS), misses


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
        ("ventolin", "salbutamol"),
        ("adderall", "stimulant"),
        ("lasix", "diuretic"),
        ("prednisone", "steroid"),
        ("magnesium glycinate dose", "supplement"),
        ("tingly", "tingling"),
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


def test_see_also_lines_are_never_an_answer() -> None:
    for question in ("twitching", "stress", "caffeine sleep", "see also stretching", "causes"):
        for hit in search(question, limit=20).hits:
            assert not hit.passage.text.startswith("See also"), hit
            assert not hit.passage.text.startswith("The usual causes here are"), hit


def test_the_magnesium_supplement_limit_is_reached() -> None:
    first = search("magnesium glycinate dose").hits[0].passage
    assert first.topic_id == "food-and-minerals" and "350 mg a day from pills" in first.text


@pytest.mark.parametrize(
    "question",
    [
        "hyperthyroid twitches and racing heart",
        "thyroid and racing heart",
        "scared of als calf twitching for weeks",
        "is twitching a sign of ALS",
        "chest muscle twitching scared its my heart",
        "twitching all over my body",
        "eyelid twitching for a week",
    ],
)
def test_calm_questions_meet_no_urgent_red_flag_ahead_of_calm_answers(question: str) -> None:
    urgency = [hit.passage.urgency for hit in search(question, limit=10).hits]
    calm = [u not in ("emergency", "see_doctor_soon") for u in urgency]
    # Every calm answer comes before any urgent one.
    assert calm == sorted(calm, reverse=True), urgency
    assert calm[0]


@pytest.mark.parametrize(
    ("question", "flag_title"),
    [
        ("chest pain and twitching", "Chest pain or tightness"),
        ("my calf is swollen red and painful", "A swollen, painful calf or leg"),
        ("twitching with a stiff neck and fever", "Fever with a stiff neck"),
        ("numb bottom and back pain", "Numbness around the bottom"),
        ("pregnant with blurred vision and headache", "A bad headache, blurred vision"),
    ],
)
def test_a_question_that_names_a_red_flag_gets_it_first(question: str, flag_title: str) -> None:
    first = search(question).hits[0].passage
    assert first.urgency in ("emergency", "see_doctor_soon")
    assert first.text.startswith(flag_title), first.text


def test_names_the_sign_needs_every_word_of_a_phrase() -> None:
    assert names_the_sign(["chest", "pain"], ("chest pain",))
    assert not names_the_sign(["chest", "twitching"], ("chest pain",))
    assert names_the_sign(["tingly"], ("tingling",))
