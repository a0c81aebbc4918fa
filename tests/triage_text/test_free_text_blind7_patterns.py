"""Blind set 7's missed phrasings, read as the general patterns behind them.

Each sign here is told by its effect or in plain words (a thermometer reading, rings that no
longer fit, a band across the chest, a task that has become a battle). The frames are word
classes in phrases.yaml; each test uses words unlike the sets' own, so it checks the frame.
"""

from __future__ import annotations

import pytest

from tests.triage_text.free_text_scoring import facts, level
from twitchguide.triage.extract.phrases import compile_lexicon


@pytest.mark.parametrize(
    "text",
    [
        "my son feels boiling hot tonight and his neck is too stiff to bend, lip twitching",
        "the thermometer reads 39.4 and she has a stiff neck, her calf jumps",
        "40.1 on the forehead thermometer, stiff neck, cheek twitching",
    ],
)
def test_a_fever_told_by_touch_or_a_thermometer_is_fever(text: str) -> None:
    assert facts(text).fever is True
    assert level(text) == "emergency"


def test_a_body_part_that_feels_hot_is_no_fever() -> None:
    assert facts("my calf feels hot after the sauna and it twitches").fever is not True


@pytest.mark.parametrize(
    "text",
    [
        "I am 33 weeks pregnant and zigzag lights keep shimmering at the corner of my eye, "
        "toe twitches",
        "35 weeks pregnant, my wedding ring will not come off and my boots won't fit, "
        "foot twitches",
    ],
)
def test_late_pregnancy_lights_or_swelling_told_by_their_effect(text: str) -> None:
    assert level(text) == "emergency"


def test_lights_flickering_in_a_room_are_not_a_sight_sign() -> None:
    text = "the kitchen lights keep flickering and my eyelid twitches"
    assert facts(text).visual_disturbance is None


@pytest.mark.parametrize(
    "text",
    [
        "I sleep sitting up with a stack of cushions or I choke, forearm twitches",
        "she can't lie down flat without gasping, her shoulder twitches",
    ],
)
def test_breathless_lying_flat_told_by_how_one_sleeps(text: str) -> None:
    assert facts(text).breathless_lying_flat is True
    assert level(text) == "emergency"


@pytest.mark.parametrize(
    "text",
    [
        "the flat was fumigated for bedbugs on friday and my thigh twitches",
        "the exterminator came for termites yesterday, now my calf twitches",
        "we were dipping the ewes all morning and now my arm twitches",
    ],
)
def test_pest_treatments_are_pesticide_exposure(text: str) -> None:
    assert facts(text).pesticide_exposure is True
    assert level(text) == "see_doctor_soon"


def test_pinprick_pupils_are_pinpoint_pupils() -> None:
    text = "after the crop spraying his pupils are pinpricks and he is dribbling, arm twitching"
    assert facts(text).pinpoint_pupils is True
    assert level(text) == "emergency"


@pytest.mark.parametrize(
    "text",
    [
        "it's like a vice clamped round my chest since breakfast, back twitching",
        "a heavy weight across my chest when i climb the hill, bicep twitches",
        "there is no pain in my arm, only a pressure through my chest now, and my arm twitches",
    ],
)
def test_the_chest_pressed_or_held_is_chest_pain(text: str) -> None:
    assert facts(text).chest_pain is True
    assert level(text) == "emergency"


def test_an_odd_heartbeat_said_adjective_first_is_palpitations() -> None:
    text = "i get an uneven jumpy heartbeat most nights, thumb twitches"
    assert facts(text).palpitations is True
    assert facts(text).weakness is None


def test_a_flip_floppy_beat_is_no_floppy_limb() -> None:
    assert facts("a flip-floppy pulse sometimes, eyelid twitches").weakness is None


@pytest.mark.parametrize(
    "text",
    [
        "my shin has gone bigger and achy since the coach trip, it twitches",
        "left leg is thick and throbbing since I got off the plane, calf twitch",
    ],
)
def test_a_leg_swollen_and_sore_in_plain_words(text: str) -> None:
    assert facts(text).swollen_painful_leg is True


def test_fingers_pulled_into_a_claw_are_hand_spasms() -> None:
    text = "my fingers keep drawing into a tight hook and won't straighten, lip twitching"
    assert facts(text).hand_foot_spasms is True


@pytest.mark.parametrize(
    ("text", "fact"),
    [
        (
            "zips have become a real mission this autumn, slowly, wrist twitches",
            "trouble_with_buttons",
        ),
        ("the steps to the flat are a chore now, bit by bit, calf twitches", "trouble_with_stairs"),
        (
            "he can't get up from the armchair without help, gradually, thigh twitches",
            "trouble_rising_from_chair",
        ),
        ("over the year i've been catching my left foot on kerbs, gradually", "tripping"),
        ("my knees keep going from under me on the staircase, slowly", "trouble_with_stairs"),
    ],
)
def test_an_everyday_task_that_defeats_the_person_is_weakness(text: str, fact: str) -> None:
    read = facts(text)
    assert getattr(read, fact) is True
    assert read.weakness is True
    assert level(text) == "see_doctor_soon"


def test_a_hand_that_would_not_grip_all_at_once_is_sudden_weakness() -> None:
    text = "this morning my hand wouldn't grasp the kettle, in a split second, forearm twitching"
    read = facts(text)
    assert read.weakness is True and read.onset_sudden is True
    assert level(text) == "emergency"


def test_food_that_sticks_in_the_throat_is_trouble_swallowing() -> None:
    text = "rice catches in my gullet and I wash it down with water, slowly, tongue twitches"
    assert facts(text).trouble_swallowing is True
    assert level(text) == "see_doctor_soon"


def test_half_a_mouth_that_does_not_work_is_a_drooping_face() -> None:
    text = "one side of my smile isn't working since october, slowly, no sudden start"
    assert facts(text).face_drooping is True
    assert level(text) == "see_doctor_soon"


@pytest.mark.parametrize(
    "text",
    [
        "I'm 24 weeks with triplets and my eyelid twitches when I'm tired",
        "im 30 weeks with a baby girl, my foot twitches at night",
    ],
)
def test_weeks_with_a_baby_are_weeks_of_pregnancy(text: str) -> None:
    assert facts(text).pregnant is True


@pytest.mark.parametrize(
    "text",
    [
        "painting the bedroom since sunday, forearm twitching, no weakness",
        "a dead arm from a rugby tackle, my bicep twitched after, arm works fine",
    ],
)
def test_everyday_words_near_sign_words_are_not_signs(text: str) -> None:
    read = facts(text)
    assert read.passed_out is not True and read.weakness is not True
    assert level(text) == "self_care"


def test_since_an_event_on_a_date_counts_from_the_date() -> None:
    days = facts("my cheek has twitched since the party on the 1st of november").duration_days
    assert days is not None and 27 <= days <= 28


def test_a_pattern_quoted_only_in_part_fails_when_the_phrases_load() -> None:
    with pytest.raises(ValueError, match="quote the whole pattern"):
        compile_lexicon({"fever": {"present": ['hot ... "@x|y" up']}})


@pytest.mark.parametrize(
    "text",
    [
        "did heavy bench press on my chest day, pec twitching",
        "i wear a band on my chest for the heart rate monitor, calf twitch",
        "she feels hot in her new coat, eyelid twitch",
        "my fingers wont do the crossword fast enough, eyelid twitch",
        "the stairs are a pain to paint, calf twitch",
        "my hand wouldnt work the remote, the batteries died, thumb twitch",
    ],
)
def test_everyday_sentences_near_the_new_frames_raise_no_alarm(text: str) -> None:
    assert level(text) in ("self_care", "routine_appointment")


def test_a_grip_said_to_have_fallen_below_usual_is_weakness() -> None:
    text = "my grip readings on the app have fallen for three checks running, wrist twitches"
    assert facts(text).weakness is True
    assert level(text) == "see_doctor_soon"
    assert facts("lost my grip on the ladder and fell down, calf twitches").weakness is not True
