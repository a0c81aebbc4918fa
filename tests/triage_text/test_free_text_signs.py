"""Every red flag is found in several everyday phrasings (a guard against gaps in the lexicon)."""

from __future__ import annotations

import pytest

from twitchguide.triage.extract import extract_facts

PHRASINGS: dict[str, list[str]] = {
    "weakness": [
        "my arm is weaker than before",
        "lost strength in my hand",
        "my leg feels weak",
        "i feel weakness in my left arm",
        "legs buckling",
        "arm went dead and floppy",
        "cant lift my arm above my head",
        "weak as a kitten",
    ],
    "dropping_things": [
        "keep dropping my phone",
        "things slip out of my hand",
        "i dropped a glass twice today",
        "so clumsy lately",
    ],
    "tripping": [
        "I keep tripping over nothing",
        "my toe catches on the carpet",
        "stumbling a lot",
        "foot drop on the right",
    ],
    "trouble_with_buttons": [
        "can't do my buttons up",
        "struggling with zips",
        "hard to open bottles",
    ],
    "trouble_with_stairs": ["struggle to climb stairs now", "stairs are a nightmare"],
    "trouble_rising_from_chair": [
        "hard to get up off the floor",
        "need my arms to push up from a chair",
        "cant stand up from squatting",
    ],
    "muscle_wasting": [
        "muscle loss in my hand",
        "my calf is shrinking",
        "dent in my hand muscle",
        "atrophy in my thumb",
    ],
    "numbness": [
        "my foot is numb",
        "cant feel my toes",
        "numbness in my face",
        "lost feeling in my hand",
    ],
    "tingling": [
        "tingling in my hands",
        "pins and needles",
        "prickly feeling in my feet",
        "my feet are tingly",
    ],
    "trouble_speaking": [
        "my speech is slurred",
        "slurring my words",
        "talking funny",
        "words coming out wrong",
        "can't speak properly",
        "struggling to talk",
    ],
    "trouble_swallowing": [
        "hard to swallow",
        "difficulty swallowing",
        "food gets stuck in my throat",
        "trouble swallowing pills",
        # Choking or coughing on food or drink is trouble swallowing (NHS dysphagia), not
        # choking on saliva (issue 15, pattern 4).
        "drinks go down the wrong way",
        "I cough when I drink",
        "choking on my food",
    ],
    "choking_on_saliva": ["choking on my spit", "keep choking", "choke on my own saliva"],
    "trouble_breathing": [
        "short of breath",
        "shortness of breath",
        "can't breathe",
        "struggling to breathe",
        "breathless sitting down",
        "out of breath at rest",
    ],
    "breathless_lying_flat": [
        "can't breathe lying flat",
        "breathless when i lie down",
        "have to sleep propped up on pillows to breathe",
    ],
    "face_drooping": [
        "face drooping",
        "my face is droopy on one side",
        "my mouth is drooping",
        "smile looks crooked",
        "one side of my face has dropped",
    ],
    "double_vision": ["seeing double", "double vision", "i see two of everything"],
    "loss_of_balance": [
        "lost my balance",
        "my balance is off",
        "feel unsteady on my feet",
        "dizzy",
        "cant walk straight",
    ],
    "fever": ["i have a fever", "high temperature", "temp of 39", "feverish and shivery"],
    "stiff_neck": [
        "stiff neck",
        "my neck is really stiff",
        "cant touch my chin to my chest",
        "stiffness in my neck",
    ],
    "confusion": ["im confused", "feel disorientated", "so drowsy its hard to wake me"],
    "non_fading_rash": [
        "a rash that doesnt fade",
        "spots that dont go when i press a glass on them",
        "purple rash on my legs",
    ],
    "dark_urine": ["my pee is dark brown", "cola coloured urine", "urine looks black"],
    "severe_muscle_pain": [
        "my thighs are super sore",
        "severe muscle pain",
        "calves are killing me",
    ],
    "jaw_stiff": ["my jaw is locked", "lockjaw", "hard to open my mouth"],
    "recent_wound": ["stepped on a rusty nail", "a deep cut on my foot", "got a dog bite"],
    "seizure": ["had a seizure", "had a fit", "convulsions", "blacked out and was jerking"],
    "hand_foot_spasms": [
        "hands cramping into claws",
        "fingers locked in spasm",
        "carpopedal spasm",
    ],
    "tingling_around_mouth": ["tingling around my mouth", "lips are tingling", "numb lips"],
    "throat_tightness": ["throat feels tight", "tight throat", "throat closing up"],
    "palpitations": [
        "palpitations",
        "heart racing",
        "heart skipping beats",
        "irregular heartbeat",
        "my heart is pounding",
    ],
    "chest_pain": ["chest pain", "pain in my chest", "tight chest"],
    "fainting": ["nearly fainted", "felt faint", "lightheaded", "almost passed out"],
    "severe_headache": [
        "worst headache ever",
        "really bad headache",
        "severe headache",
        "splitting headache",
    ],
    "visual_disturbance": ["blurry vision", "flashing lights in my eyes", "my vision is blurred"],
    "sudden_swelling": ["my face swelled up", "swollen hands", "sudden swelling in my feet"],
    "recent_neck_surgery": [
        "had thyroid surgery last week",
        "just had a thyroidectomy",
        "neck operation 2 weeks ago",
    ],
    # Confusion is its own fact now ("confusion"), not a kind of agitation.
    "agitation": ["feel agitated", "so restless", "can't sit still"],
    "sweating": ["sweating a lot", "drenched in sweat", "clammy"],
    "pesticide_exposure": [
        "used pesticide",
        "was spraying crops",
        "exposed to insecticide",
        "sheep dip",
    ],
    "drooling": ["drooling", "dribbling saliva", "too much saliva"],
    "pinpoint_pupils": ["pinpoint pupils", "my pupils are tiny"],
    "wheeze": ["wheezing", "wheezy chest"],
    "ascending_weakness": [
        "weakness creeping up my legs",
        "tingling spreading up from my feet",
        "numbness moving up my legs",
    ],
}

CASES = [(fact, phrase) for fact, phrases in PHRASINGS.items() for phrase in phrases]


@pytest.mark.parametrize(("fact", "phrase"), CASES)
def test_each_phrasing_of_a_red_flag_is_found(fact: str, phrase: str) -> None:
    assert getattr(extract_facts(phrase).facts, fact) is True


@pytest.mark.parametrize(("fact", "phrase"), CASES)
def test_each_phrasing_denied_is_not_read_as_present(fact: str, phrase: str) -> None:
    # "I don't have: <phrase>" must never be read as the sign being there (it may be unknown).
    if phrase in STAYS_PRESENT:
        return
    assert getattr(extract_facts(f"denies {phrase}").facts, fact) is not True


# "so" can start a new thought ("..., so I rested"), and "no just" reads like "not just": a
# denial does not reach past them, so these stay present, which errs on the safe side.
STAYS_PRESENT = {
    "so clumsy lately",
    "so restless",
    "just had a thyroidectomy",
    "so drowsy its hard to wake me",
}
