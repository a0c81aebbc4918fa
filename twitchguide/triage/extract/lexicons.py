"""Body-region words (with slang) and medicine names (with brands), compiled as phrase lexicons."""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache
from typing import Any

from twitchguide.data import read_data
from twitchguide.diary.vocabulary import BODY_REGIONS, REGION_ALIASES
from twitchguide.triage.extract.phrases import Lexicon, compile_lexicon

# Slang and extra words beyond the diary's own aliases, region -> words.
EXTRA_REGION_WORDS: dict[str, tuple[str, ...]] = {
    "eyelid": (
        "eye lid",
        "eye lids",
        "upper lid",
        "lower lid",
        "under [my|the|left|right|l|r] eye|eyes",
        "eye ball|balls",
        "eyeball",
        "eyeballs",
    ),
    "face": ("temple", "eyebrow", "eyebrows", "brow", "forehead", "nose", "cheekbone", "cheeks"),
    "lip": ("corner of [my|the] mouth",),
    "hip": ("hips",),
    "tongue": ("tounge",),
    "shoulder": ("trap", "traps", "shoulder blade", "delt", "delts"),
    "upper_arm": ("arms",),
    "fingers": ("pinky", "pinkie", "ring finger", "index finger", "middle finger"),
    "chest": ("pec", "pecs", "ribs", "rib", "ribcage", "pectoral"),
    "abdomen": ("six pack", "side of my stomach", "gut"),
    "back": ("spine", "lower back", "upper back", "lats"),
    "buttock": ("glutes", "arse", "ass", "butt|bum|arse|ass cheek|cheeks"),
    "thigh": ("hamstrings", "hammy", "quadricep", "quadriceps"),
    "calf": ("calve", "calf muscle", "calf muscles"),
    "foot": ("arch", "heel", "instep", "foot arch"),
    "toes": ("big toe", "little toe"),
}
# Words too vague for the diary ("leg" could be thigh, knee, calf or shin): triage reads them as
# the most common twitch site, the diary asks the person to choose.
VAGUE_REGION_WORDS: dict[str, tuple[str, tuple[str, ...]]] = {
    "leg": ("calf", ("thigh", "knee", "calf", "shin")),
    "legs": ("calf", ("thigh", "knee", "calf", "shin")),
}


def _region_data() -> dict[str, Any]:
    words: dict[str, list[str]] = {region: [region.replace("_", " ")] for region in BODY_REGIONS}
    for alias, region in REGION_ALIASES.items():
        words[region].append(alias.replace("-", " "))
    # "back" alone is mostly "came back", "back to normal": only "my back", "lower back" count.
    words["back"] = [w for w in words["back"] if w != "back"]
    words["back"].append("my|the|mid|middle|lower|upper back")
    words["back"].append("back muscle|muscles")
    for region, extra in EXTRA_REGION_WORDS.items():
        words[region].extend(extra)
    data: dict[str, Any] = {region: {"present": found} for region, found in words.items()}
    # "Back twitching for a week" starts with the place; "it came back twitching" does not. Its
    # own idea ("<region>@<why>") so the guard words touch no other "back" pattern.
    data["back@first"] = {
        "present": ["back twitching|twitches|twitch|twitchy|spasms|spasming|jumping"],
        "not_after": [
            "came", "come", "comes", "coming", "went", "go", "goes", "going", "got", "get", "gets",
            "getting", "is", "was", "are", "were", "been", "bounced", "it's", "its", "be",
        ],
    }  # fmt: skip
    for vague in VAGUE_REGION_WORDS:
        # "leg day" is a gym session, not a place.
        data["vague:" + vague] = {"present": [vague], "not_before": ["day", "press", "raises"]}
    return data


@cache
def region_lexicon() -> Lexicon:
    """Body-region words; each idea is a diary region, '<region>@<why>', or 'vague:<word>'."""
    return compile_lexicon(_region_data())


@dataclass(frozen=True)
class MedicineLexicon:
    """Medicine names as phrases, plus each medicine's classes."""

    lexicon: Lexicon
    classes: dict[str, tuple[str, ...]]


@cache
def medicine_lexicon() -> MedicineLexicon:
    """medicines.yaml compiled; a medicine listed under two classes gets both."""
    import yaml

    text = read_data("triage", "extract", "medicines.yaml")
    loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
    raw: dict[str, Any] = yaml.load(text, Loader=loader)
    data: dict[str, Any] = {}
    classes: dict[str, list[str]] = {}
    for klass, entry in raw.items():
        for name, others in entry["medicines"].items():
            spellings = [str(name), *(str(o) for o in others or ())]
            data.setdefault(name, {"present": []})["present"].extend(spellings)
            classes.setdefault(name, []).append(klass)
    # Combination inhalers hold a steroid too.
    for combined in ("seretide", "symbicort"):
        classes.setdefault(combined, []).append("corticosteroid")
    return MedicineLexicon(
        compile_lexicon(data), {name: tuple(dict.fromkeys(k)) for name, k in classes.items()}
    )
