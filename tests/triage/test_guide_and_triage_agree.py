"""The guide's red flags and triage must say the same thing.

Each red flag on the guide's "when to see a doctor" page is written here as the facts a person
would give for it; triage must put those facts at the red flag's own urgency. Three gaps were
found this way (a swollen, painful calf, chest pain, numbness around the bottom), each of which
the guide sent to a doctor while triage said self-care. A new red flag without facts here fails.
"""

from __future__ import annotations

from typing import Any

import pytest

from twitchguide.guide import load_guide
from twitchguide.triage.engine import triage
from twitchguide.triage.facts import TriageFacts

RED_FLAG_FACTS: dict[str, dict[str, Any]] = {
    "stroke_signs": {"face_drooping": True, "onset_sudden": True},
    "breathing_trouble": {"trouble_breathing": True},
    "fast_spreading_weakness": {"ascending_weakness": True},
    "tetany_signs": {"hand_foot_spasms": True, "tingling_around_mouth": True},
    "seizure": {"seizure": True},
    "serotonin_signs": {"serotonergic_started_recently": True, "agitation": True},
    "fever_stiff_neck": {"fever": True, "stiff_neck": True},
    "dark_urine_sore_muscles": {"dark_urine": True, "severe_muscle_pain": True},
    "stiff_jaw_after_wound": {"jaw_stiff": True, "recent_wound": True},
    "chest_pain": {"regions": ["chest"], "chest_pain": True},
    "cauda_equina": {"regions": ["back"], "saddle_numbness": True},
    "potassium_heart": {"palpitations": True, "medicine_classes": ["diuretic"], "weakness": True},
    "pregnancy_warning_signs": {"pregnant": True, "pregnancy_weeks": 30, "severe_headache": True},
    "swallowing_trouble": {"regions": ["tongue"], "trouble_swallowing": True},
    "true_weakness": {"weakness": True, "onset_sudden": False},
    "spreading_numbness": {"numbness": True, "onset_sudden": False},
    "swollen_painful_leg": {"regions": ["calf"], "swollen_painful_leg": True},
    "red_eye": {"regions": ["eyelid"], "red_eye_discharge": True},
    "lasting_twitch": {"regions": ["calf"], "duration_days": 21},
    "medicine_suspected": {"regions": ["calf"], "medicine_new_or_changed": True},
    "eyelid_lasting": {"regions": ["eyelid"], "eyelid_twitch_days": 21, "duration_days": 21},
    "frequent_cramps": {"regions": ["calf"], "frequent_cramps_despite_self_care": True},
    "fainting": {"regions": ["calf"], "passed_out": True},
    "isolated_twitch": {"regions": ["eyelid"], "duration_days": 2},
}


def test_every_red_flag_in_the_guide_has_facts_here() -> None:
    assert {flag.id for flag in load_guide().red_flags} == set(RED_FLAG_FACTS)


@pytest.mark.parametrize("flag", load_guide().red_flags, ids=lambda flag: flag.id)
def test_triage_gives_each_red_flag_its_own_urgency(flag: Any) -> None:
    facts = TriageFacts.from_dict(RED_FLAG_FACTS[flag.id])
    assert triage(facts).level == flag.urgency
