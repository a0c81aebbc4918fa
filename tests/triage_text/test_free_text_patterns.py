"""Issue 15's patterns 1-6: free text nobody wrote for the extractor, read at the right depth.

Each test states the mechanism (what a fit looks like, where a negation stops, whose time a
"for 3 weeks" is, what is choked on, when jerks are hypnic, which body words are no place),
with texts unlike the labelled sets' own.
"""

from __future__ import annotations

from typing import Any

import pytest

from tests.triage_text.free_text_scoring import facts, level
from twitchguide.triage.engine import triage
from twitchguide.triage.facts import TriageFacts

# ---- 1. a fit as a parent or bystander tells it ----


@pytest.mark.parametrize(
    "text",
    [
        "he went rigid and then shook all over, eyes rolled back",
        "her arms went stiff and jerked and she wasn't responding to us",
        "my dad stared blankly, fell down and shook all over for a minute",
        "the baby went all stiff, eyes rolled up, not responding",
        "his whole body was jerking and there was froth at his mouth",
    ],
)
def test_a_fit_described_by_what_it_looks_like_is_a_seizure(text: str) -> None:
    assert facts(text).seizure is True
    assert level(text) == "emergency"


def test_the_places_in_a_fit_are_not_twitching_places() -> None:
    read = facts("she went stiff and her arms and legs jerked, eyes rolled back, lips went blue")
    assert read.seizure is True
    assert read.regions is None or "eyelid" not in read.regions
    assert read.spreading is None


def test_drowsy_and_not_knowing_people_afterwards_is_confusion() -> None:
    read = facts("after the fit he was hard to wake and didn't know who I was")
    assert read.confusion is True


def test_a_child_with_a_fever_who_went_stiff_and_jerked_is_an_emergency() -> None:
    text = "my 3 year old has a temperature of 39 and went stiff then jerked all over, now sleepy"
    assert facts(text).fever is True
    assert level(text) == "emergency"


@pytest.mark.parametrize(
    "text", ["my hands shake when I'm nervous", "my leg jerked once in the night"]
)
def test_one_sign_of_a_fit_alone_is_not_a_seizure(text: str) -> None:
    assert facts(text).seizure is not True


# ---- 2. a negation stays in its own clause ----


@pytest.mark.parametrize(
    ("text", "fact"),
    [
        ("no pain, the muscle looks thinner", "muscle_wasting"),
        (
            "a headache that paracetamol won't touch, and I'm seeing flashing lights",
            "visual_disturbance",
        ),
        ("I don't smoke, and my speech is slurred", "trouble_speaking"),
        ("no fever, my arm feels weak", "weakness"),
    ],
)
def test_a_negation_does_not_reach_into_the_next_clause(text: str, fact: str) -> None:
    assert getattr(facts(text), fact) is True


def test_a_negation_still_covers_its_own_list() -> None:
    read = facts("no weakness, numbness or tingling, and no trouble swallowing")
    assert (read.weakness, read.numbness, read.tingling) == (False, False, False)
    assert read.trouble_swallowing is False


def test_could_not_is_read_like_couldnt() -> None:
    assert facts("my hand could not hold the pen").weakness is True


# ---- 3. a stated time course is an onset ----


@pytest.mark.parametrize(
    "text",
    [
        "slurred speech for 3 weeks and my tongue twitches",
        "my speech has slowly got worse over two months",
        "seeing double for about a month, eyelid twitching",
        "my voice has gone nasal lately, tongue flickers",
        "one side of my face has drooped more and more week by week",
    ],
)
def test_a_slow_course_said_for_the_sign_is_not_sudden(text: str) -> None:
    assert facts(text).onset_sudden is False
    assert level(text) == "see_doctor_soon"


def test_a_time_said_of_the_twitch_says_nothing_of_the_signs_onset() -> None:
    text = "eyelid twitching for three weeks and now since this morning I see double"
    assert facts(text).onset_sudden is None
    assert level(text) == "emergency"


def test_a_sign_with_no_course_still_counts_as_sudden() -> None:
    assert level("my words are coming out slurred") == "emergency"


def test_a_sign_that_lasted_minutes_and_went_away_was_sudden() -> None:
    read = facts("my arm went limp for ten minutes, then it came back fine. arm twitching")
    assert (read.onset_sudden, read.sudden_symptoms_resolved) == (True, True)
    assert triage(read).level == "emergency"


def test_suddenly_starting_to_twitch_is_the_twitchs_onset() -> None:
    assert facts("my calf suddenly started twitching an hour ago").onset_sudden is None


# ---- 4. choking on food or drink is trouble swallowing ----


@pytest.mark.parametrize(
    "text",
    [
        "I choke on bits of toast and cough a lot",
        "every time I drink tea I start coughing and spluttering",
        "he coughs whenever he eats now",
        "water goes down the wrong way",
    ],
)
def test_choking_or_coughing_on_food_or_drink_is_trouble_swallowing(text: str) -> None:
    read = facts(text)
    assert read.trouble_swallowing is True
    assert read.choking_on_saliva is not True
    result = triage(read)
    assert (result.level, result.title) == ("see_doctor_soon", "See a doctor today")


def test_choking_on_saliva_is_an_emergency_unless_said_to_be_slow() -> None:
    assert level("I keep choking on my own spit, tongue twitching") == "emergency"
    slow = "choking on my own saliva, it has crept up slowly over 3 months"
    assert facts(slow).onset_sudden is False
    assert level(slow) == "see_doctor_soon"


# ---- 5. whole-body jerks while falling asleep ----


@pytest.mark.parametrize(
    "text",
    [
        "my whole body jerks just as I'm falling asleep, every night for months",
        "my arms and legs jolt as I drift off to sleep",
        "body jerks me awake right when I fall asleep, nothing in the day",
    ],
)
def test_jerks_while_falling_asleep_are_hypnic_jerks_not_a_seizure(text: str) -> None:
    read = facts(text)
    assert read.hypnic_jerks_only is True
    assert read.seizure is not True
    assert triage(read).level == "self_care"


def test_a_daytime_twitch_as_well_is_not_only_hypnic_jerks() -> None:
    read = facts("my calf twitches all day. also my body jerks as I fall asleep")
    assert read.hypnic_jerks_only is not True


# ---- 6. body words that name no twitching place ----


@pytest.mark.parametrize(
    ("text", "regions"),
    [
        ("on my feet all day at work and my thigh twitches", ("thigh",)),
        ("this eyelid twitch is a pain in the neck", ("eyelid",)),
        ("did legs at the gym and my quads twitch", ("thigh",)),
        ("twitch in my forearm, my arm works fine", ("forearm",)),
        ("shoulder twitching, my face looks normal", ("shoulder",)),
        ("the back of my knee twitches", ("knee",)),
        ("tongue isn't twitching but my jaw is", ("jaw",)),
        ("a heavy pain going into my jaw, and a twitch in my pec", ("chest",)),
    ],
)
def test_body_words_that_are_no_twitching_place(text: str, regions: tuple[str, ...]) -> None:
    assert facts(text).regions == regions


@pytest.mark.parametrize(
    "text",
    [
        "on my feet all day and my thigh twitches, 3 days",
        "twitch in my forearm for 2 days, my arm works fine",
        "thumb and the palm of my hand twitch, 4 days",
        "the ball of my foot and the arch twitch, since thursday",
        "my arms and legs jerk as I fall asleep",
    ],
)
def test_none_of_these_makes_several_areas(text: str) -> None:
    result = triage(facts(text))
    assert "several_body_areas" not in {reason.rule_id for reason in result.reasons}
    assert result.level == "self_care"


def test_two_real_places_still_make_several_areas() -> None:
    result = triage(facts("twitching in my calf and my eyelid for 3 days"))
    assert result.level == "routine_appointment"


@pytest.mark.parametrize(
    ("given", "several"),
    [
        ({"regions": ["thumb", "hand"]}, False),
        ({"regions": ["fingers", "thumb"]}, False),
        ({"regions": ["toes", "foot"]}, False),
        ({"regions": ["thumb", "forearm"]}, True),
        ({"regions": ["calf", "thigh"]}, True),
    ],
)
def test_parts_of_one_area_are_one_area_in_answers_too(
    given: dict[str, Any], several: bool
) -> None:
    fired = {reason.rule_id for reason in triage(TriageFacts.from_dict(given)).reasons}
    assert ("several_body_areas" in fired) is several


# ---- guards: the new readings never drop what matters ----


def test_a_place_said_to_be_fine_is_kept_when_it_is_the_only_place() -> None:
    # The tongue is the one place: dropping it would lose the tongue rule.
    read = facts("my tongue feels fine, just twitching")
    assert read.regions == ("tongue",)
    assert triage(read).level == "see_doctor_soon"


def test_jerks_that_also_come_in_the_day_are_not_only_hypnic() -> None:
    read = facts("I get jerks when falling asleep and during the day, calf and thigh")
    assert read.hypnic_jerks_only is not True
    assert triage(read).level == "routine_appointment"


def test_never_in_the_day_keeps_them_hypnic() -> None:
    assert facts("my body jerks me awake as I fall asleep. never in the day").hypnic_jerks_only


@pytest.mark.parametrize(("text", "fact"), [("leg is numb okay so what now", "numbness"),
                                            ("I trip easily", "tripping")])  # fmt: skip
def test_a_word_after_a_sign_does_not_deny_it(text: str, fact: str) -> None:
    assert getattr(facts(text), fact) is True


def test_a_task_done_fine_is_denied() -> None:
    assert facts("I can open jars fine, hand twitching").trouble_with_buttons is False


@pytest.mark.parametrize(
    ("text", "seizure", "passed_out"),
    [
        ("I passed out at work yesterday, calf twitching", None, True),
        ("blacked out and was jerking all over", True, True),
        ("nearly passed out and my hands were shaking", None, None),
    ],
)
def test_passing_out_is_a_faint_unless_it_comes_with_jerking(
    text: str, seizure: bool | None, passed_out: bool | None
) -> None:
    # NHS fainting: a faint needs a GP; passing out with shaking or jerking is a fit.
    read = facts(text)
    assert (read.seizure, read.passed_out) == (seizure, passed_out)


def test_not_being_able_to_swallow_your_own_spit_is_an_emergency() -> None:
    # The guide: call emergency services if you cannot swallow your own spit.
    read = facts("can't swallow my own spit")
    assert read.choking_on_saliva is True
    assert triage(read).level == "emergency"


def test_a_child_with_a_fever_who_is_unresponsive_is_an_emergency() -> None:
    read = facts("my toddler is burning up and went floppy and unresponsive")
    assert (read.fever, read.confusion) == (True, True)
    assert triage(read).level == "emergency"
