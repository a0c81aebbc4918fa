"""The extractor's behaviours one at a time: negation, doubt, typos, time, medicines, places."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from twitchguide.triage.extract import extract_facts, extraction_to_dict
from twitchguide.triage.extract.text import FuzzyVocabulary, edit_distance, tokenize
from twitchguide.triage.facts import TriageFacts

NOW = datetime(2026, 11, 28, 12, tzinfo=UTC)  # a Saturday


def facts(text: str) -> TriageFacts:
    return extract_facts(text, NOW).facts


@pytest.mark.parametrize(
    ("text", "name", "value"),
    [
        ("no weakness", "weakness", False),
        ("not numb", "numbness", False),
        ("denies numbness", "numbness", False),
        ("twitching without any tingling", "tingling", False),
        ("never had a seizure", "seizure", False),
        ("no weakness, numbness or tingling", "tingling", False),
        ("weakness? no.", "weakness", False),
        ("speech is fine", "trouble_speaking", False),
        ("face not drooping", "face_drooping", False),
        ("no weakness but my speech is slurred", "trouble_speaking", True),
        ("no weakness and my speech is slurred", "trouble_speaking", True),
        ("no weakness, numb in my left hand", "numbness", True),
        ("can't swallow properly", "trouble_swallowing", True),
        ("not able to lift my arm", "weakness", True),
    ],
)
def test_negation_scopes(text: str, name: str, value: bool) -> None:
    assert getattr(facts(text), name) is value


def test_a_functional_sign_is_weakness_even_when_weakness_is_denied() -> None:
    extraction = extract_facts("I don't think I'm weak but I keep dropping cups", NOW)
    assert extraction.facts.weakness is True
    assert extraction.facts.dropping_things is True
    evidence = extraction.evidence_for("weakness")
    assert evidence is not None
    assert "dropping" in evidence.spans[0].text


def test_doubt_leaves_a_fact_unknown_and_says_so() -> None:
    extraction = extract_facts("not sure if my arm is weak", NOW)
    assert extraction.facts.weakness is None
    assert [e.fact for e in extraction.unsure] == ["weakness"]


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("eye lid twichng", "regions"),
        ("siezure last night", "seizure"),
        ("numbnes in my foot", "numbness"),
        ("trouble swalowing", "trouble_swallowing"),
        ("can't get my words out", "trouble_speaking"),
        ("legs feel like jelly", "weakness"),
        ("eye keeps jumping", "regions"),
    ],
)
def test_typos_and_slang_are_understood(text: str, name: str) -> None:
    assert getattr(facts(text), name) not in (None, False, ())


def test_everyday_words_are_never_read_as_typos() -> None:
    assert facts("for a week").weakness is None
    assert facts("a single twitch").tingling is None
    assert facts("had lunch").loss_of_balance is None


@pytest.mark.parametrize(
    ("text", "days"),
    [
        ("twitching for 3 weeks", 21),
        ("since monday", 5),
        ("on and off for a month", 30),
        ("started yesterday", 1),
        ("10 days now", 10),
        ("3wks", 21),
        ("a couple of weeks", 14),
        ("1-2 weeks", 14),
        ("for the past week", 7),
    ],
)
def test_time_expressions(text: str, days: float) -> None:
    assert facts(text).duration_days == pytest.approx(days, abs=0.01)


def test_a_single_twitch_length_is_not_how_long_it_has_gone_on() -> None:
    assert facts("calf twitches lasting about 2 minutes").duration_days is None


@pytest.mark.parametrize(
    ("text", "klass"),
    [
        ("on furosemide", "diuretic"),
        ("bendroflumethiazide", "diuretic"),
        ("taking hydrochlorothiazide", "diuretic"),
        ("prednisolone course", "corticosteroid"),
        ("dexamethasone", "corticosteroid"),
        ("my adderall", "stimulant"),
        ("ritalin", "stimulant"),
        ("lisdexamfetamine", "stimulant"),
        ("ventolin", "beta_agonist"),
        ("albuterol", "beta_agonist"),
        ("sertaline", "ssri"),
        ("escitalopram", "ssri"),
        ("venlafaxine", "snri"),
        ("duloxetine", "snri"),
        ("quetiapine", "antipsychotic"),
        ("atorvastatin", "statin"),
        ("on the pill", "oestrogen"),
        ("omeprazole", "ppi"),
        ("lansoprazole", "ppi"),
        ("lithium", "lithium"),
        ("pyridostigmine", "anticholinesterase"),
        ("tramadol", "serotonergic_other"),
        ("amitriptyline", "tricyclic"),
        ("sumatriptan", "triptan"),
    ],
)
def test_medicine_names_map_to_classes(text: str, klass: str) -> None:
    assert klass in (facts(text).medicine_classes or ())


def test_a_new_serotonergic_medicine_is_recent_and_an_old_one_is_not() -> None:
    new = facts("started sertraline 4 days ago")
    assert new.medicine_new_or_changed is True
    assert new.serotonergic_started_recently is True
    old = facts("on sertraline for 2 years, twitching 3 weeks")
    assert old.medicine_new_or_changed is False
    assert old.duration_days == 21


def test_no_medicines_is_known_to_be_none() -> None:
    got = facts("no meds")
    assert got.medicines == ()
    assert got.medicine_classes == ()


@pytest.mark.parametrize(
    ("text", "regions", "side"),
    [
        ("left calf twitching", ("calf",), "left"),
        ("twitching in my R eye", ("eyelid",), "right"),
        ("both calves twitch", ("calf",), "both"),
        ("left calf and right thigh twitching", ("calf", "thigh"), "both"),
        ("numb foot, twitching calf", ("calf",), None),
        ("quads twitching after leg day", ("thigh",), None),
        ("back twitching for a week", ("back",), None),
        ("it's my back that twitches", ("back",), None),
        ("the calf twitch came back twitching worse", ("calf",), None),
        ("I can still walk on my toes, calf twitching", ("calf",), None),
    ],
)
def test_places_and_sides(text: str, regions: tuple[str, ...], side: str | None) -> None:
    got = facts(text)
    assert got.regions == regions
    assert got.side == side


def test_age_pregnancy_caffeine_sleep_and_stress() -> None:
    got = facts("34F, 30 weeks pregnant, 4 coffees a day, sleeping 5 hours, really stressed")
    assert got.age_years == 34
    assert got.pregnant is True
    assert got.pregnancy_weeks == 30
    assert got.caffeine_mg == 400
    assert got.sleep_hours == 5
    assert got.stress == 5


def test_every_fact_has_a_span_of_the_text_it_came_from() -> None:
    text = "left calf twitching for 3 weeks, no weakness, started ventolin last week"
    extraction = extract_facts(text, NOW)
    assert {e.fact for e in extraction.evidence} == set(extraction.facts.to_dict())
    for evidence in extraction.evidence:
        for span in evidence.spans:
            assert text[span.start : span.end] == span.text


def test_unanswered_questions_are_only_those_that_could_raise_the_level() -> None:
    calm = extract_facts("eyelid twitch 3 days", NOW)
    asked = {q.fact for q in calm.unanswered}
    assert "face_drooping" in asked
    assert "weakness" in asked
    assert "stress" not in asked
    emergency = extract_facts("had a seizure and my face is drooping", NOW)
    assert emergency.unanswered == ()


def test_json_shape() -> None:
    data = extraction_to_dict(extract_facts("no weakness, calf twitch", NOW))
    assert data["facts"] == {"regions": ["calf"], "weakness": False}
    assert {"fact", "value", "how", "spans"} <= set(data["evidence"][0])
    assert all("could_raise_to" in q for q in data["unanswered"])


def test_typo_tools() -> None:
    assert edit_distance("siezure", "seizure") == 1
    assert edit_distance("abc", "xyzxyz", limit=2) == 3
    vocab = FuzzyVocabulary(["tingling", "weakness"], protected=["single"])
    assert vocab.lookup("tinglin") == "tingling"
    assert vocab.lookup("single") is None
    assert [t.norm for t in tokenize("dont 3wks w/o")] == ["don't", "3", "weeks", "without"]


def test_a_very_long_text_is_read_whole() -> None:
    text = "my left calf twitches, no weakness, 4 coffees. " * 400 + "I had a seizure."
    got = facts(text)
    assert got.seizure is True
    assert got.weakness is False
    assert got.regions == ("calf",)


def test_compiled_phrases_match_phrases_yaml() -> None:
    from pathlib import Path

    from twitchguide.triage.extract import phrases

    shipped = Path(phrases.__file__).with_name("phrases.json").read_text(encoding="utf-8")
    assert shipped == phrases.compiled_json(), "run: python tools/build.py"


def test_stated_signs_are_the_full_readings_yes_signs() -> None:
    from tests.triage_text.free_text_scoring import all_cases
    from twitchguide.triage.extract.extractor import stated_signs

    # Medicine facts come from the diary's medication courses, never from a symptom's words.
    from_medicines = {"medicine_new_or_changed", "serotonergic_started_recently"}
    for case in all_cases():
        full = extract_facts(case["text"], NOW).facts.to_dict()
        said = {name for name, value in full.items() if value is True} - from_medicines
        assert stated_signs(case["text"]) == said, case["id"]


@pytest.mark.parametrize(
    ("text", "days"),
    [
        ("calf twitches a few times a day", None),
        ("calf twitching twice a week", None),
        ("calf twitching a few times a month", None),
        ("calf twitch 3 times a day for 2 weeks", 14),
        ("eyelid twitch x2 days", 2),
        ("calf twitching for a day", 1),
    ],
)
def test_how_often_is_not_how_long(text: str, days: float | None) -> None:
    assert facts(text).duration_days == days
