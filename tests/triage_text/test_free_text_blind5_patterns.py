"""Blind set 5's missed phrasings, read as the general patterns behind them.

Each test uses texts unlike the blind set's own: the same way of saying a sign, other words.
"""

from __future__ import annotations

import pytest

from tests.triage_text.free_text_scoring import facts, level


@pytest.mark.parametrize(
    "text",
    [
        "numbness began in my toes yesterday, now it's up to my thighs and my legs are weak",
        "my fingers went tingly on monday and by today it has reached my elbows, arms feel weak",
    ],
)
def test_a_feeling_that_starts_low_on_a_limb_and_reaches_higher_climbs(text: str) -> None:
    assert facts(text).ascending_weakness is True
    assert level(text) == "emergency"


def test_a_climbing_twitch_alone_is_asked_about_not_read_as_the_sign() -> None:
    assert facts("twitching began in my feet, now it's up to my knees").ascending_weakness is None


@pytest.mark.parametrize(
    "text",
    [
        "i heard about weakness with twitching and panicked, my calf twitches",
        "been reading about slurred speech all night, my eyelid twitches",
    ],
)
def test_a_sign_read_or_heard_about_is_not_stated(text: str) -> None:
    assert level(text) == "self_care"


def test_nothing_said_in_the_day_leaves_the_jerks_to_sleep() -> None:
    text = "my legs jolt as i drift off to sleep, never anything like it in the day"
    assert facts(text).hypnic_jerks_only is True
    assert level(text) == "self_care"


@pytest.mark.parametrize(
    "text",
    [
        "his speech went confused and jumbled for a few minutes, then it was fine again",
        "mum's talking was muddled for 5 mins then back to normal",
    ],
)
def test_speech_said_to_be_muddled_for_minutes_and_gone_is_a_sudden_sign_gone(text: str) -> None:
    read = facts(text)
    assert read.trouble_speaking is True
    assert read.sudden_symptoms_resolved is True
    assert level(text) == "emergency"


@pytest.mark.parametrize(
    "text",
    [
        "my knees wouldn't hold me up when i got out of the car",
        "my right leg can't take my weight",
    ],
)
def test_a_leg_that_will_not_hold_someone_up_is_weakness(text: str) -> None:
    assert facts(text).weakness is True


def test_a_task_verb_a_few_words_from_its_object_is_that_task() -> None:
    read = facts("it's hard to fasten my coat buttons now, hands twitch")
    assert read.trouble_with_buttons is True
    assert level("it's hard to fasten my coat buttons now, hands twitch") == "see_doctor_soon"


def test_a_lid_forced_shut_is_the_eyelid_closing() -> None:
    assert facts("the twitch squeezes my eye shut for a second").eyelid_closes_shut is True


@pytest.mark.parametrize("text", ["a slight temperature since yesterday", "a bit of a fever"])
def test_a_mild_temperature_is_a_fever(text: str) -> None:
    assert facts(text).fever is True


@pytest.mark.parametrize(
    "text",
    [
        "my dad fall and he shake all the body and not answer, eyes go up",
        "she fell down, shaked a lot and her eyes went back",
    ],
)
def test_a_fit_in_plain_or_non_native_words_is_a_seizure(text: str) -> None:
    assert facts(text).seizure is True
    assert level(text) == "emergency"


@pytest.mark.parametrize(
    "text",
    [
        "probably just a twitching muscle in my chest, but it feels heavy like a weight",
        "my chest keeps twitching and it is tight",
    ],
)
def test_chest_tightness_said_of_it_after_the_chest_is_chest_pain(text: str) -> None:
    assert facts(text).chest_pain is True
    assert level(text) == "emergency"


@pytest.mark.parametrize(
    "text",
    [
        "i can't feel anything around my groin since last night, back pain",
        "my bottom area is numb",
        "can't feel it when i wipe",
    ],
)
def test_no_feeling_around_the_bottom_is_saddle_numbness(text: str) -> None:
    assert facts(text).saddle_numbness is True
    assert level(text) == "emergency"


def test_a_word_that_is_close_to_a_body_word_is_not_that_body_part() -> None:
    assert facts("went to a spin class, calf twitching").regions == ("calf",)


def test_a_stomach_bug_is_not_a_twitching_place() -> None:
    assert facts("had a stomach bug last week, now my calf twitches").regions == ("calf",)


def test_a_serotonergic_medicine_stopped_is_a_change_but_not_a_start() -> None:
    read = facts("i came off my sertraline, stopped it 5 days ago, calves twitching")
    assert read.medicine_new_or_changed is True
    assert read.serotonergic_started_recently is not True
    started = facts("i started sertraline 5 days ago, calves twitching")
    assert started.serotonergic_started_recently is True


def test_without_any_warning_is_a_sudden_onset_not_a_denial() -> None:
    read = facts("without any warning my speech went slurred")
    assert (read.trouble_speaking, read.onset_sudden) == (True, True)


@pytest.mark.parametrize(
    ("text", "regions"),
    [
        ("my calf twitches, and i have a sore throat and a blocked nose", ("calf",)),
        ("eyelid twitching, my back and neck are stiff from the desk", ("eyelid",)),
        ("my left thumb twitches and my elbow hurts", ("thumb",)),
        ("my shin is bruised and twitching", ("shin",)),
    ],
)
def test_a_place_given_another_symptom_is_not_a_twitching_place(
    text: str, regions: tuple[str, ...]
) -> None:
    assert facts(text).regions == regions
    assert level(text) == "self_care"


def test_a_comma_after_a_negated_verb_carries_no_denial() -> None:
    read = facts("one side of my face won't move, can't shut my eye")
    assert read.face_drooping is True
    assert level("one side of my face won't move, can't shut my eye") == "emergency"


def test_idk_is_doubt() -> None:
    assert facts("idk if i'm weak, calf twitch").weakness is None


@pytest.mark.parametrize(
    "text", ["twitching for over 2 weeks", "more than two weeks of twitching", "twitching 2+ weeks"]
)
def test_more_than_two_weeks_is_more_than_the_rules_two_weeks(text: str) -> None:
    read = facts(text)
    assert read.duration_days is not None and read.duration_days > 14
    assert level(text) == "routine_appointment"


def test_a_number_and_a_half_of_a_unit() -> None:
    assert facts("calf twitching for 2 and a half weeks").duration_days == 17.5


@pytest.mark.parametrize(
    "text",
    ["my grip is not what it used to be", "my arms aren't as strong as they used to be"],
)
def test_strength_said_to_have_declined_is_weakness(text: str) -> None:
    assert facts(text).weakness is True


@pytest.mark.parametrize(
    ("text", "fact"),
    [
        ("my mother face is go down on the left side", "face_drooping"),
        ("my husband talk strange since ten minutes", "trouble_speaking"),
        ("the baby has fever and doesn't wake up properly", "confusion"),
        ("she has a fever and her neck is hard", "stiff_neck"),
        ("pregnant, bad headache and i keep seeing stars", "visual_disturbance"),
    ],
)
def test_red_flags_in_non_native_or_plain_words(text: str, fact: str) -> None:
    assert getattr(facts(text), fact) is True


def test_blue_lips_and_shaking_are_a_fit() -> None:
    assert facts("his lips r blue and he was shaking on the ground").seizure is True


def test_a_sign_read_about_in_a_that_clause_is_not_stated() -> None:
    assert level("i read that slurred speech is a warning sign, calf twitching 2 days") == (
        "self_care"
    )


@pytest.mark.parametrize(
    ("text", "age"), [("my son 5 years has a twitchy eye", 5.0), ("my daughter 9 yrs", 9.0)]
)
def test_an_age_said_after_the_person_is_no_duration(text: str, age: float) -> None:
    read = facts(text)
    assert (read.age_years, read.duration_days) == (age, None)


def test_weeks_said_after_pregnant_are_how_far_along() -> None:
    read = facts("pregnant 35 week and my calves twitch")
    assert (read.pregnancy_weeks, read.duration_days, read.onset_sudden) == (35.0, None, None)


@pytest.mark.parametrize(
    ("text", "days"),
    [
        ("calf twitching since the start of october", 58.5),
        ("since early october my calf twitches", 49.5),
        ("eyelid twitching since the end of september", 61.5),
    ],
)
def test_a_part_of_a_month_dates_the_start(text: str, days: float) -> None:
    assert facts(text).duration_days == days


def test_a_muscle_said_sunken_a_few_words_on_is_wasting() -> None:
    assert facts("the fleshy bit of my hand near the thumb is sunken").muscle_wasting is True


def test_walking_on_the_heels_said_to_be_hard_is_weakness() -> None:
    assert facts("standing on my tiptoes is really hard now").weakness is True
