"""Property tests: the extractor never crashes, and a stated red flag is never lost."""

from __future__ import annotations

from datetime import UTC, datetime

from hypothesis import given, settings
from hypothesis import strategies as st

from twitchguide.triage.extract import extract_facts, extraction_to_dict

NOW = datetime(2026, 11, 28, 12, tzinfo=UTC)

# Each phrase states one red flag plainly, as a person might.
STATED = {
    "my face is drooping": "face_drooping",
    "my speech is slurred": "trouble_speaking",
    "I keep dropping things": "dropping_things",
    "I had a seizure": "seizure",
    "I can't swallow properly": "trouble_swallowing",
    "I am short of breath": "trouble_breathing",
    "I am seeing double": "double_vision",
    "my hands feel numb": "numbness",
    "I keep tripping": "tripping",
    "I choke on my saliva": "choking_on_saliva",
    "my legs are weak": "weakness",
    "I have a fever": "fever",
    "my tounge twitches": "regions",
    "im droping things": "dropping_things",
    "cant breath properly": "trouble_breathing",
    "had a siezure": "seizure",
    "pins n needles in my feet": "tingling",
    "muscle looks thinner": "muscle_wasting",
    "started sertraline 3 days ago and sweating loads": "sweating",
    "my calf is getting weaker": "weakness_worsening",
}
WORDS = st.sampled_from(
    [
        "no",
        "not",
        "never",
        "and",
        "or",
        "but",
        "the",
        "twitch",
        "calf",
        "eye",
        "weakness",
        "numb",
        "fine",
        "normal",
        "it",
        "is",
        "was",
        "for",
        "3",
        "weeks",
        "yesterday",
        "coffee",
        "stress",
        "I",
        "my",
        ",",
        ".",
        "?",
        "!",
        ":",
        "-",
        "denies",
        "without",
        "sure",
        "think",
    ]
)


def found(fact: str, text: str) -> bool:
    """The sign is read as present (a twitching tongue is a place, not a yes/no fact)."""
    value = getattr(extract_facts(text, NOW).facts, fact)
    if fact == "regions":
        return value is not None and "tongue" in value
    return value is True


@settings(max_examples=300, deadline=None)
@given(st.text(max_size=600))
def test_never_crashes_on_arbitrary_text(text: str) -> None:
    extraction = extract_facts(text, NOW)
    data = extraction_to_dict(extraction)
    for evidence in extraction.evidence:
        for span in evidence.spans:
            assert text[span.start : span.end] == span.text
    assert isinstance(data["facts"], dict)


@settings(max_examples=200, deadline=None)
@given(st.lists(WORDS, max_size=40).map(" ".join))
def test_never_crashes_on_wordy_text(text: str) -> None:
    extract_facts(text, NOW)


@settings(max_examples=300, deadline=None)
@given(st.sampled_from(sorted(STATED)), st.text(max_size=300) | st.lists(WORDS).map(" ".join))
def test_a_stated_red_flag_followed_by_unrelated_text_is_still_found(
    phrase: str, tail: str
) -> None:
    assert found(STATED[phrase], f"{phrase}. {tail}")


@settings(max_examples=200, deadline=None)
@given(st.sampled_from(sorted(STATED)), st.lists(WORDS).map(" ".join))
def test_a_stated_red_flag_after_unrelated_text_is_still_found(phrase: str, head: str) -> None:
    assert found(STATED[phrase], f"{head}. {phrase}")


@settings(max_examples=200, deadline=None)
@given(
    st.integers(min_value=0, max_value=10**30) | st.floats(min_value=0, allow_nan=False),
    st.sampled_from(["seconds", "days", "weeks", "years", "coffees", "hours sleep", "years old"]),
)
def test_any_number_with_any_unit_never_crashes(number: float, unit: str) -> None:
    extract_facts(f"twitching for {number} {unit}, I'm {number}, {number} weeks pregnant", NOW)


def _slow_course_level(fact: str) -> int:
    """The level the rules give the sign when it is said to have come on slowly."""
    from twitchguide.triage.engine import triage
    from twitchguide.triage.facts import TriageFacts
    from twitchguide.triage.rulebook import RANK

    return RANK[triage(TriageFacts.from_dict({fact: True, "onset_sudden": False})).level]


def _red_flag_phrasings() -> list[tuple[str, str]]:
    from tests.triage_text.test_free_text_signs import PHRASINGS

    return [(fact, phrase) for fact, phrases in PHRASINGS.items() for phrase in phrases]


@settings(max_examples=300, deadline=None)
@given(
    st.sampled_from(_red_flag_phrasings()),
    st.sampled_from(["for 3 months, slowly", "for 3 months, slowly.", "for 3 months , slowly"]),
    st.lists(WORDS, max_size=12).map(" ".join),
)
def test_a_slow_course_never_lowers_a_stated_red_flag_below_the_slow_course_level(
    flag: tuple[str, str], course: str, tail: str
) -> None:
    # Issue 15: "for 3 months, slowly" turns "sudden unless said otherwise" into a slow course,
    # which may lower an emergency to "see a doctor soon" but never below the slow rule's level.
    from twitchguide.triage.engine import triage
    from twitchguide.triage.rulebook import RANK

    fact, phrase = flag
    text = f"{phrase} {course}. {tail}"
    got = RANK[triage(extract_facts(text, NOW).facts).level]
    assert got >= _slow_course_level(fact), text


SUDDEN = [
    "my face suddenly drooped",
    "all of a sudden my speech is slurred",
    "out of nowhere I am seeing double",
    "my arm went weak suddenly",
]


@settings(max_examples=200, deadline=None)
@given(
    st.sampled_from(SUDDEN),
    st.sampled_from(_red_flag_phrasings()),
    st.sampled_from(["; ", ". ", ", and "]),
)
def test_a_slow_sign_never_takes_away_another_signs_sudden_course(
    sudden: str, flag: tuple[str, str], joint: str
) -> None:
    # Each sign has its own course: a second sign said to be slow leaves the sudden one sudden.
    from twitchguide.triage.engine import triage

    text = f"{sudden}{joint}{flag[1]} for 3 months, slowly"
    assert triage(extract_facts(text, NOW).facts).level == "emergency", text


NO_COURSE = {
    "my face is drooping": "face_drooping",
    "my speech is slurred": "trouble_speaking",
    "I am seeing double": "double_vision",
    "I choke on my own spit": "choking_on_saliva",
}


@settings(max_examples=200, deadline=None)
@given(st.sampled_from(sorted(NO_COURSE)), st.sampled_from(_red_flag_phrasings()))
def test_a_slow_sign_never_makes_a_sign_with_no_course_of_its_own_slow(
    lean: str, flag: tuple[str, str]
) -> None:
    # "slurred for months. Now my face droops": the face has no course of its own, so it still
    # counts as sudden (the rules' lean to safety), whatever course the other sign has.
    from hypothesis import assume

    from twitchguide.triage.engine import triage

    assume(flag[0] != NO_COURSE[lean])
    text = f"{flag[1]} for 3 months, slowly. {lean}"
    assert triage(extract_facts(text, NOW).facts).level == "emergency", text
