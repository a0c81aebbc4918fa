"""The interactive check's logic: short, stops once settled, and never skips a red flag."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from twitchguide.errors import InvalidInput
from twitchguide.triage.engine import triage
from twitchguide.triage.facts import FACT_NAMES, TriageFacts
from twitchguide.triage.questions import (
    QUESTIONS,
    QUESTIONS_BY_ID,
    already_answered,
    apply_answer,
    is_settled,
    next_question,
    regions_in_answer,
)


def run(answers: dict[str, str]) -> tuple[list[str], TriageFacts]:
    facts, asked, order = TriageFacts(), frozenset[str](), []
    while (question := next_question(facts, asked)) is not None:
        facts = apply_answer(facts, question, answers.get(question.id, ""))
        asked |= {question.id}
        order.append(question.id)
    assert is_settled(facts, asked)
    return order, facts


def test_question_facts_are_real_facts_and_labels_match() -> None:
    for question in QUESTIONS:
        assert set(question.facts) <= set(FACT_NAMES)
        if question.kind == "checklist":
            assert len(question.labels) == len(question.facts)


def test_each_fact_is_asked_in_one_question_only() -> None:
    # Two questions setting one fact could contradict each other, and the early stop assumes
    # a fact, once answered, stays answered.
    asked = [fact for question in QUESTIONS for fact in question.facts]
    assert len(asked) == len(set(asked))


def test_nothing_wrong_is_self_care_in_a_handful_of_questions() -> None:
    order, facts = run({"where": "calf", "how_long": "3"})
    assert triage(facts).level == "self_care"
    assert len(order) <= 8
    assert "pregnancy_signs" not in order and "onset" not in order


def test_a_face_droop_stops_at_emergency_unless_it_came_on_slowly() -> None:
    order, facts = run({"where": "face", "quick_checks": "1", "onset": "yes"})
    assert triage(facts).level == "emergency"
    assert order[-1] == "onset"
    _, slow = run({"where": "face", "quick_checks": "1", "onset": "no"})
    assert triage(slow).level == "see_doctor_soon"
    _, unsure = run({"where": "face", "quick_checks": "1", "onset": "?"})
    assert triage(unsure).level == "emergency"


def test_follow_ups_are_asked_only_when_they_matter() -> None:
    order, facts = run({"situations": "1", "pregnancy_weeks": "12"})
    assert "pregnancy_signs" not in order
    order, facts = run({"situations": "1", "pregnancy_weeks": "34", "pregnancy_signs": "2"})
    assert triage(facts).level == "emergency"
    order, facts = run({"situations": "6", "medicines": "Furosemide", "heart_signs": "2"})
    assert triage(facts).level == "emergency"


def test_denies_weakness_but_drops_things() -> None:
    _, facts = run({"where": "hand", "how_long": "5", "daily_life": "2"})
    assert triage(facts).level == "see_doctor_soon"


@pytest.mark.parametrize(
    ("question", "answer"),
    [("quick_checks", "14"), ("quick_checks", "one"), ("onset", "maybe"), ("where", "wing"),
     ("how_long", "a while")],
)  # fmt: skip
def test_bad_answers_say_what_is_allowed(question: str, answer: str) -> None:
    with pytest.raises(InvalidInput) as caught:
        apply_answer(TriageFacts(), QUESTIONS_BY_ID[question], answer)
    assert caught.value.field == question


@settings(max_examples=150, deadline=None)
@given(st.dictionaries(st.sampled_from([q.id for q in QUESTIONS if q.kind == "checklist"]),
                       st.lists(st.integers(1, 2), max_size=2).map(
                           lambda ns: ",".join(map(str, ns)))))  # fmt: skip
def test_stopping_early_never_misses_a_higher_level(answers: dict[str, str]) -> None:
    """The early stop must agree with asking every question."""
    _, facts = run(answers)
    everything = TriageFacts()
    for question in QUESTIONS:
        everything = apply_answer(everything, question, answers.get(question.id, ""))
    assert triage(facts).level == triage(everything).level


def test_skipping_a_list_leaves_it_unknown_and_known_facts_are_not_asked_again() -> None:
    known = TriageFacts(regions=("calf",), duration_days=20.0)
    assert apply_answer(known, QUESTIONS_BY_ID["where"], "").regions == ("calf",)
    asked = already_answered(known)
    assert {"where", "how_long"} <= asked
    question = next_question(known, asked)
    assert question is not None and question.id == "quick_checks"


@pytest.mark.parametrize(
    ("answer", "regions"),
    [
        ("calf", ["calf"]),
        ("calf, eyelid", ["calf", "eyelid"]),
        ("my left calf twitches since 3 weeks", ["calf"]),
        ("left calf and both thighs", ["calf", "thigh"]),
        ("right upper arm and the eye", ["upper_arm", "eyelid"]),
    ],
)
def test_where_accepts_areas_in_everyday_words(answer: str, regions: list[str]) -> None:
    assert regions_in_answer(answer, "where") == regions


def test_where_refuses_a_part_that_names_no_area() -> None:
    with pytest.raises(InvalidInput, match="'elbowz' is not one"):
        regions_in_answer("calf, elbowz", "where")
