"""Blind set 8's missed phrasings, read as the general patterns behind them.

Each sign here is told by its effect (out of puff sitting still, feet that will not straighten,
a muscle hollow against the other side) or is not a sign at all (a phone dropped in the bath,
epilepsy said to be controlled, a strained calf). Each test uses words unlike the set's own, so
it checks the frame, not the sentence.
"""

from __future__ import annotations

import pytest

from tests.triage_text.free_text_scoring import facts, level


def test_numb_between_the_legs_with_the_place_first_is_saddle_numbness() -> None:
    text = "sciatica again, and the skin between her thighs went dead this morning, back twitches"
    assert facts(text).saddle_numbness is True
    assert level(text) == "emergency"


def test_winded_while_resting_is_trouble_breathing() -> None:
    assert facts("I'm winded just resting on the settee, calf twitching").trouble_breathing is True


def test_fingers_that_will_not_uncurl_are_hand_spasms() -> None:
    assert facts("cheek twitches and now his fingers won't uncurl").hand_foot_spasms is True


def test_getting_up_from_his_own_chair_is_rising_trouble() -> None:
    text = "Dad can't get up off his recliner these days, his thighs flicker"
    assert facts(text).trouble_rising_from_chair is True


def test_a_muscle_sunken_against_the_other_side_is_wasting() -> None:
    text = "the ball of my thumb is sunken compared to the other one and it flickers"
    assert facts(text).muscle_wasting is True
    assert level(text) == "see_doctor_soon"


def test_a_heartbeat_said_to_feel_odd_is_palpitations() -> None:
    assert facts("some nights my pulse feels jumpy, toes twitch").palpitations is True


def test_swallowing_gone_slow_is_trouble_swallowing() -> None:
    assert facts("my swallowing feels slower these days, tongue twitches").trouble_swallowing


def test_weaker_month_by_month_is_worsening_weakness() -> None:
    assert facts("my leg is weaker month by month, thigh twitching").weakness_worsening is True


def test_balance_that_went_off_is_loss_of_balance() -> None:
    assert facts("her balance went off over the summer, arm twitches").loss_of_balance is True


def test_out_of_breath_lying_down_or_needing_pillows_is_breathless_lying_flat() -> None:
    assert facts("out of breath if I lie down, chest twitching").breathless_lying_flat is True
    assert facts("she needs four pillows to sleep now, calf jumps").breathless_lying_flat
    assert not facts("I use pillows between my knees, calf twitches").breathless_lying_flat


def test_epilepsy_said_to_be_controlled_is_no_seizure_now() -> None:
    text = "my epilepsy is controlled, and my eyelid twitches since the new tablets"
    assert facts(text).seizure is not True
    assert facts("I had a seizure this morning and my arm twitches").seizure is True


def test_a_thing_dropped_into_water_is_a_mishap_not_weakness() -> None:
    mishap = facts("I dropped my keys down the drain, and my calf twitches. I'm not weak")
    assert mishap.dropping_things is not True
    assert mishap.weakness is not True
    assert facts("I keep dropping my keys and my calf twitches").dropping_things is True


def test_an_injured_place_is_not_a_twitching_place() -> None:
    text = "my eyelid twitches, and I tweaked my shoulder at the gym"
    assert facts(text).regions == ("eyelid",)


def test_a_sign_that_came_on_in_seconds_is_sudden() -> None:
    assert facts("the numbness came on in a few seconds, hand twitching").onset_sudden is True


def test_a_leg_listed_as_puffy_tender_and_warm_is_a_swollen_painful_leg() -> None:
    assert facts("his thigh is puffy, tender and warm, and it twitches").swollen_painful_leg


@pytest.mark.parametrize(
    "text",
    [
        "my swallowing is fine, eyelid twitches",
        "my balance is fine, calf twitches",
    ],
)
def test_plain_good_news_stays_good(text: str) -> None:
    assert level(text) == "self_care"
