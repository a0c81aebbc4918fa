"""Blind set 4's missed phrasings, read as the general patterns behind them.

Each test uses texts unlike the blind set's own: the same way of saying a sign, other words.
"""

from __future__ import annotations

import pytest

from tests.triage_text.free_text_scoring import NOW, facts, level
from twitchguide.triage.extract import extract_facts


@pytest.mark.parametrize(
    "text",
    [
        "my arms feel weak and it has spread up into my shoulders since friday",
        "feet went weak first and now it's climbing up towards my hips",
    ],
)
def test_weakness_climbing_into_a_limb_is_ascending(text: str) -> None:
    assert facts(text).ascending_weakness is True
    assert level(text) == "emergency"


@pytest.mark.parametrize(
    "text",
    [
        "she's 34 weeks, sudden puffy hands and face and a pounding headache. toes twitching",
        "I'm 28 wks and my ankles swelled up fast, worst headache ever, eyelid twitch",
    ],
)
def test_weeks_said_of_oneself_are_weeks_of_pregnancy(text: str) -> None:
    got = facts(text)
    assert got.pregnant is True
    assert got.pregnancy_weeks is not None and got.pregnancy_weeks >= 28
    assert level(text) == "emergency"


@pytest.mark.parametrize("text", ["I'm 3 weeks into this twitching", "I'm 2 weeks, calf twitch"])
def test_weeks_that_are_a_duration_are_not_pregnancy(text: str) -> None:
    assert facts(text).pregnant is None


@pytest.mark.parametrize(
    "text",
    [
        "I've been sleeping upright in a chair because lying down I can't get air",
        "choking for air when I lie down flat at night, stomach muscles twitch",
    ],
)
def test_breathless_lying_flat(text: str) -> None:
    assert facts(text).breathless_lying_flat is True
    assert level(text) == "emergency"


@pytest.mark.parametrize(
    "text",
    [
        "out of nowhere my heart was banging away and I felt faint, calf twitching",
        "my heartbeat is thudding and skipping some evenings, toe twitches",
        "pulse races when I'm resting and my thumb twitches",
    ],
)
def test_heart_hammering_or_racing_is_palpitations(text: str) -> None:
    assert facts(text).palpitations is True


def test_a_hammering_heart_is_no_thigh() -> None:
    assert facts("my heart keeps hammering, eyelid twitching").regions == ("eyelid",)


def test_palpitations_alone_are_a_routine_appointment() -> None:
    assert level("my heart races every so often, and my leg twitches") == "routine_appointment"


def test_muddled_after_a_fit_is_confusion() -> None:
    text = "my daughter went stiff and shook, not responding for a minute, now dazed and muddled"
    got = facts(text)
    assert got.seizure is True and got.confusion is True


@pytest.mark.parametrize(
    "text",
    [
        "half an hour ago the left side of her face went weird and her lip is hanging lower",
        "suddenly one side of my smile is lower than the other, and my eyelid twitches",
    ],
)
def test_a_face_or_mouth_hanging_down_is_drooping(text: str) -> None:
    assert facts(text).face_drooping is True
    assert level(text) == "emergency"


@pytest.mark.parametrize(
    "text",
    [
        "I splutter every single time I sip tea, my tongue flickers",
        "it keeps going down the wrong way when I have soup, twitchy tongue",
    ],
)
def test_coughing_on_drinks_is_trouble_swallowing(text: str) -> None:
    assert facts(text).trouble_swallowing is True


@pytest.mark.parametrize(
    "text",
    [
        "the muscle between my thumb and finger looks flatter than on the other hand, twitching",
        "my left thumb muscle is wasting and you can see the tendons more, it twitches",
        "this calf is more thin than the other one and it twitches all day",
    ],
)
def test_a_muscle_flatter_or_bones_showing_is_wasting(text: str) -> None:
    assert facts(text).muscle_wasting is True
    assert level(text) == "see_doctor_soon"


@pytest.mark.parametrize(
    "text",
    [
        "standing up from a chair is getting harder, thighs twitch",
        "my toes catch on the step and it's a little worse every month, calf twitching",
    ],
)
def test_a_task_getting_harder_is_weakness_worsening(text: str) -> None:
    assert facts(text).weakness_worsening is True


def test_twitching_worse_each_day_is_not_weakness_worsening() -> None:
    got = facts("my calf twitching is worse every day")
    assert got.weakness_worsening is None
    assert level("my calf twitching is worse every day, started today") == "self_care"


@pytest.mark.parametrize(
    ("text", "region"),
    [
        ("tricep twitching after push ups", "upper_arm"),
        ("calf twitch since yesterday's leg day", "calf"),
        ("thigh keeps twitching after sit ups and calf raises", "thigh"),
        ("eyelid flickering after arm day", "eyelid"),
    ],
)
def test_a_body_word_in_an_exercise_name_is_no_place(text: str, region: str) -> None:
    assert facts(text).regions == (region,)


@pytest.mark.parametrize(
    "text",
    [
        "finger twitch for 5 weeks, I can still do up my buttons",
        "thighs flicker for a month, I'm still able to get up from a chair",
    ],
)
def test_a_task_someone_can_still_do_is_no_sign(text: str) -> None:
    got = facts(text)
    assert got.trouble_with_buttons is not True
    assert got.trouble_rising_from_chair is not True
    assert got.weakness is not True


@pytest.mark.parametrize(
    "text",
    [
        "I can barely open jars now, finger twitches",
        "I'm not able to open the jar any more, my thumb twitches",
        "I can only just do up my buttons, my hand twitches",
    ],
)
def test_a_task_someone_struggles_with_still_counts(text: str) -> None:
    got = facts(text)
    assert got.trouble_with_buttons is True
    assert got.weakness is True


def test_passing_out_with_no_fit_is_a_faint() -> None:
    got = facts("I blacked out briefly after getting out of a hot bath, eyelid twitching")
    assert got.passed_out is True and got.fainting is True


def test_passing_out_with_jerking_is_a_fit_not_a_faint() -> None:
    got = facts("he passed out and his whole body was jerking")
    assert got.seizure is True and got.fainting is None


def test_twitching_that_climbs_is_asked_about_not_read_as_ascending_weakness() -> None:
    extraction = extract_facts("the twitching began in my feet and moved up to my knees", NOW)
    assert extraction.facts.ascending_weakness is None
    assert "ascending_weakness" in {e.fact for e in extraction.unsure}
    assert "ascending_weakness" in {q.fact for q in extraction.unanswered}
