"""Blind set 6's missed phrasings, read as the general patterns behind them.

A sign told by its effect ("I see two of the TV") is a frame of word classes in phrases.yaml;
each test here uses words unlike the sets' own, so it checks the frame, not a phrase.
"""

from __future__ import annotations

import pytest

from tests.triage_text.free_text_scoring import NOW, facts, level
from twitchguide.triage.extract import extract_facts
from twitchguide.triage.extract.phrases import compile_lexicon, find_phrases
from twitchguide.triage.extract.text import tokenize


def test_a_word_class_is_spelled_out_in_every_pattern_that_names_it() -> None:
    data = {
        "@classes": {"looks": ["glance", "peek*"]},
        "double_vision": {"present": ["@looks|stare ... twin"]},
    }
    lexicon = compile_lexicon(data)
    for text in ("i glance and see a twin", "peeking gives me a twin", "stare at a twin"):
        assert [m.concept for m in find_phrases(tokenize(text), lexicon)] == ["double_vision"]
    assert find_phrases(tokenize("i look and see a twin"), lexicon) == []


def test_an_unknown_word_class_fails_when_the_phrases_load() -> None:
    with pytest.raises(ValueError, match="unknown word class '@nowhere'"):
        compile_lexicon({"fever": {"present": ["@nowhere hot"]}})


def test_a_pattern_left_among_single_guard_words_fails_when_the_phrases_load() -> None:
    data = {"fever": {"present": ["hot"], "not_after": ["not", "burning|boiling up"]}}
    with pytest.raises(ValueError, match="not_after takes single words"):
        compile_lexicon(data)


@pytest.mark.parametrize(
    "text",
    [
        "my forearm flickers and when i watch the football there are 2 balls",
        "looking at my kids I see two of each of them, my shin twitches",
        "the road signs have gone doubled since tea time, my lip jumps",
        "the subtitles split in two, my eyelid twitches",
    ],
)
def test_seeing_things_doubled_is_double_vision(text: str) -> None:
    assert facts(text).double_vision is True
    assert level(text) == "emergency"


@pytest.mark.parametrize(
    "text",
    [
        "my shin twitches, I saw two of my neighbours at the shop",
        "calf twitching, I watched two films last night",
        "I saw the nurse two days ago about my shin twitching",
        "watched the final twice, my calf twitches",
        "we saw a double rainbow, my eyelid twitches",
    ],
)
def test_seeing_two_people_or_things_is_no_double_vision(text: str) -> None:
    assert facts(text).double_vision is None


@pytest.mark.parametrize(
    "text",
    [
        "my aunt has a fever and couldn't recognise her sister this morning",
        "my uncle is feverish and has no idea which month it is",
        "dad has a temperature and he did not know where he was in his own kitchen",
    ],
)
def test_not_knowing_people_places_or_the_date_is_confusion(text: str) -> None:
    assert facts(text).confusion is True
    assert level(text) == "emergency"


@pytest.mark.parametrize(
    "text",
    [
        "I have a temperature and don't know what it is, my toe twitches",
        "fever and my wrist twitches, I don't know where to go",
        "a temperature, and I didn't know what day my scan was, my hip twitches",
        "fever, I don't remember her at all, my elbow twitches",
    ],
)
def test_not_knowing_what_it_is_or_where_to_go_is_not_confusion(text: str) -> None:
    assert facts(text).confusion is None


@pytest.mark.parametrize(
    "text",
    [
        "after the triathlon my legs are weak and my pee looks the colour of gravy",
        "my arms are so weak after the hike and my wee has gone dark brownish",
    ],
)
def test_urine_said_by_its_colour_is_dark_urine(text: str) -> None:
    assert facts(text).dark_urine is True
    assert level(text) == "emergency"


@pytest.mark.parametrize(
    "text",
    [
        "I had coffee and tea and then had to pee, my calf twitches",
        "my pee goes dark yellow on hot days and my legs are weak, calf twitches",
    ],
)
def test_tea_drunk_or_pee_short_of_water_is_no_dark_urine(text: str) -> None:
    assert facts(text).dark_urine is None


@pytest.mark.parametrize(
    "text",
    [
        "my back twitches and I have to strain hard to empty my bladder",
        "since monday my lower back twitches and nothing much comes out when I pee",
        "back twitching and I can't sense when my bladder is full",
    ],
)
def test_effort_or_no_feeling_when_peeing_is_a_bladder_change(text: str) -> None:
    assert facts(text).bladder_bowel_change is True
    assert level(text) == "emergency"


@pytest.mark.parametrize(
    "text",
    [
        "I strained my calf at the gym and it twitches",
        "I had to strain to lift the box, my forearm twitches",
        "my shin twitches and I can't tell when it will go away",
    ],
)
def test_a_strain_or_not_knowing_when_it_goes_is_no_bladder_change(text: str) -> None:
    assert facts(text).bladder_bowel_change is None


@pytest.mark.parametrize(
    "text",
    [
        "my sentences won't come out and my chin twitches",
        "his voice is coming out all mangled and his cheek twitches",
        "she mixes up her words and her lip twitches",
    ],
)
def test_words_that_will_not_come_out_right_are_trouble_speaking(text: str) -> None:
    assert facts(text).trouble_speaking is True
    assert level(text) == "emergency"


def test_a_task_getting_harder_in_a_clause_with_a_twitch_is_the_weakness_getting_worse() -> None:
    text = "climbing the stairs gets harder every week and my hamstring twitches"
    assert facts(text).weakness_worsening is True
    assert level(text) == "see_doctor_soon"


def test_a_twitch_that_will_not_stop_denies_nothing_after_it() -> None:
    text = "my cheek won't stop jumping and all of a sudden my arm went numb"
    read = facts(text)
    assert read.numbness is True
    assert read.onset_sudden is True


@pytest.mark.parametrize("text", ["a bit numb? idk. toe twitching", "weaker, I'm not sure. foot"])
def test_a_doubt_said_right_after_a_sign_leaves_it_unknown(text: str) -> None:
    extraction = extract_facts(text, NOW)
    assert not {"numbness", "weakness"} & {e.fact for e in extraction.evidence if e.value}
    assert {e.fact for e in extraction.unsure} & {"numbness", "weakness"}


def test_a_doubt_that_goes_on_to_something_else_keeps_the_sign() -> None:
    assert facts("my grip is weak, not sure about my other hand").weakness is True


def test_since_a_day_of_the_month_counts_from_that_day() -> None:
    assert facts("shoulder twitching since the 21st").duration_days == pytest.approx(7.5)


def test_a_childs_age_in_months_is_an_age_not_a_duration() -> None:
    read = facts("my 9 month old's lip twitches when she feeds")
    assert read.age_years == pytest.approx(0.75)
    assert read.duration_days is None


def test_jerking_awake_while_dozing_off_is_a_hypnic_jerk() -> None:
    text = "I keep jerking awake as I nod off, my legs kick out"
    assert facts(text).hypnic_jerks_only is True
    assert level(text) == "self_care"


@pytest.mark.parametrize(
    "text",
    [
        "my heart was in my mouth after the scan letter, my thumb twitches",
        "my jaw dropped at the bill, eyelid twitching",
    ],
)
def test_body_word_idioms_name_no_twitching_place(text: str) -> None:
    assert len(facts(text).regions or ()) == 1


def test_a_sign_said_with_now_after_a_long_twitch_came_on_suddenly() -> None:
    text = "my bicep has twitched for six weeks and now my whole arm has gone numb"
    assert facts(text).onset_sudden is True
    assert level(text) == "emergency"


@pytest.mark.parametrize(
    "text",
    [
        "my shoulder has twitched for two months and now it feels a little numb",
        "twitching in my thigh for 6 weeks, and now my leg is getting weaker",
    ],
)
def test_now_with_a_mild_or_growing_sign_is_not_sudden(text: str) -> None:
    assert facts(text).onset_sudden is not True
    assert level(text) == "see_doctor_soon"


def test_now_with_an_everyday_task_stays_weakness_in_daily_life() -> None:
    assert level("my calf has twitched for a month, now I keep dropping my keys") == (
        "see_doctor_soon"
    )


def test_slow_said_of_how_speech_sounds_is_no_slow_course() -> None:
    assert facts("since lunch my speech sounds slow, my lip twitches").onset_sudden is not False
    assert level("since lunch my speech sounds slow, my lip twitches") == "emergency"


def test_a_slow_choke_on_food_gives_no_course_to_a_choke_on_spit_said_apart() -> None:
    # Found by the hypothesis property on the merged code: the spit kept the food's words.
    text = "I choke on toast for 2 months, gradually. I choke on my own spit too"
    read = facts(text)
    assert read.trouble_swallowing is True
    assert read.choking_on_saliva is True
    assert level(text) == "emergency"


@pytest.mark.parametrize(
    "text",
    [
        "honestly it's hard to say how often, my wrist twitches",
        "the feeling in my calf is difficult to put into words",
        "what I want to say is thank you, my toe twitches",
    ],
)
def test_ways_of_talking_about_saying_are_not_trouble_speaking(text: str) -> None:
    # "hard to say" read as trouble speaking on main too, and sent these to emergency.
    assert facts(text).trouble_speaking is None
    assert level(text) != "emergency"
