"""Each warning sign's own time course (course.py): sudden for one sign, slow for another."""

from __future__ import annotations

import pytest

from tests.triage_text.free_text_scoring import facts, level
from twitchguide.triage.engine import triage
from twitchguide.triage.facts import TriageFacts


def rules(text: str) -> set[str]:
    return {reason.rule_id for reason in triage(facts(text)).reasons}


def test_a_sudden_sign_and_a_slow_sign_keep_their_own_courses() -> None:
    text = "my speech slurred suddenly this morning; my hand has got weaker over months"
    read = facts(text)
    assert (read.onset_sudden, read.slow_onset_signs) == (True, ("weakness",))
    assert level(text) == "emergency"
    # The weakness is the slow rule's, not the sudden one's.
    assert "sudden_face_speech_or_vision" in rules(text)
    assert "sudden_weakness_numbness_or_balance" not in rules(text)
    assert "weakness_in_daily_life" in rules(text)


def test_the_other_way_round_the_weakness_is_sudden_and_the_speech_slow() -> None:
    text = "my hand went weak suddenly this morning; my speech has slowly got slurred over months"
    read = facts(text)
    assert (read.onset_sudden, read.slow_onset_signs) == (True, ("trouble_speaking",))
    assert "sudden_weakness_numbness_or_balance" in rules(text)
    assert "sudden_face_speech_or_vision" not in rules(text)


@pytest.mark.parametrize(
    "text",
    [
        "my speech has got slurred over the last few months, and since this morning my face is "
        "drooping",
        "double vision for weeks now. today my mouth is lopsided",
        "the twitching came on gradually over weeks. this morning my mouth is lopsided",
    ],
)
def test_a_slow_sign_does_not_make_a_sign_with_no_course_of_its_own_slow(text: str) -> None:
    assert facts(text).onset_sudden is not False
    assert level(text) == "emergency"


@pytest.mark.parametrize(
    "text",
    [
        "My speech is slurred. It came on gradually.",
        "my speech is slurred, its been like that for 3 weeks",
        "For 3 weeks, I've had slurred speech",
        "my right eyelid has slowly started to droop over about six weeks, and sometimes I see "
        "double",
    ],
)
def test_a_course_said_apart_from_the_sign_is_the_signs(text: str) -> None:
    assert facts(text).onset_sudden is False
    assert level(text) == "see_doctor_soon"


@pytest.mark.parametrize(
    "text",
    [
        "my calf twitches. it came on gradually. my speech is slurred",
        "my speech is slurred and my eye twitches, for 3 weeks",
        "and now she chokes on her own spit. her slurred speech came on very gradually this year",
    ],
)
def test_a_course_said_of_a_twitch_or_a_new_sign_leaves_the_lean(text: str) -> None:
    assert level(text) == "emergency"


@pytest.mark.parametrize(
    "text",
    [
        "slurred speech for fourteen days",
        "my words slur for a fortnite now",
        "slurry voice for 3 weks",
        "speech slurred for 6wks",
        "speech slurred since the summer",
        "my speech is slurred, started 3 weeks before",
        "My words get slurry graduallly",
        "slurred speech for eighteen months",
    ],
)
def test_time_courses_in_many_spellings_are_slow(text: str) -> None:
    assert facts(text).onset_sudden is False
    assert level(text) == "see_doctor_soon"


def test_choking_on_saliva_reads_its_own_course() -> None:
    assert level("been choking on spit more and more lately, over about 3 weeks") == (
        "see_doctor_soon"
    )
    assert level("suddenly i keep choking on my own saliva tonight") == "emergency"


def test_slow_onset_signs_stops_only_the_sudden_rules_for_those_signs() -> None:
    both = TriageFacts(weakness=True, numbness=True, onset_sudden=True)
    assert triage(both).level == "emergency"
    slow_weakness = TriageFacts(weakness=True, onset_sudden=True, slow_onset_signs=("weakness",))
    assert triage(slow_weakness).level == "see_doctor_soon"
    still_numb = slow_weakness.with_facts(numbness=True)
    assert triage(still_numb).level == "emergency"
    face = TriageFacts(face_drooping=True, slow_onset_signs=("trouble_speaking",))
    assert triage(face).level == "emergency"


def test_slow_onset_signs_takes_only_signs_whose_course_matters() -> None:
    from twitchguide.errors import InvalidInput

    with pytest.raises(InvalidInput, match="slow_onset_signs"):
        TriageFacts.from_dict({"slow_onset_signs": ["cramps"]})
