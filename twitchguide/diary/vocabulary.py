"""Fixed words the diary accepts: body regions, sides, patterns, symptom kinds."""

from __future__ import annotations

# Ordered head to toe so lists read naturally.
BODY_REGIONS: tuple[str, ...] = (
    "eyelid",
    "face",
    "lip",
    "tongue",
    "jaw",
    "neck",
    "shoulder",
    "upper_arm",
    "elbow",
    "forearm",
    "wrist",
    "hand",
    "thumb",
    "fingers",
    "chest",
    "abdomen",
    "back",
    "buttock",
    "hip",
    "thigh",
    "knee",
    "calf",
    "shin",
    "ankle",
    "foot",
    "toes",
)

# A twitch everywhere at once is logged as one place of its own, not as every region.
WHOLE_BODY = "whole_body"
EPISODE_REGIONS: tuple[str, ...] = (*BODY_REGIONS, WHOLE_BODY)
WHOLE_BODY_WORDS: frozenset[str] = frozenset(
    {"whole body", "whole_body", "all over", "everywhere", "full body", "entire body", "body"}
)

SIDES: tuple[str, ...] = ("left", "right", "both", "midline")

PATTERNS: tuple[str, ...] = ("single", "burst", "continuous")

CONTEXTS: tuple[str, ...] = ("rest", "after_exercise", "falling_asleep", "other")

EXERCISE_INTENSITIES: tuple[str, ...] = ("light", "moderate", "vigorous")

COURSE_KINDS: tuple[str, ...] = ("medicine", "supplement")

SYMPTOM_KINDS: tuple[str, ...] = (
    "weakness",
    "muscle_wasting",
    "numbness",
    "tingling",
    "cramps",
    "trouble_speaking",
    "trouble_swallowing",
    "trouble_breathing",
    "face_drooping",
    "other",
)

PASS_FAIL: tuple[str, ...] = ("pass", "fail")

# The guide's relief strategies, by id; the guide has one entry for each.
RELIEF_STRATEGIES: tuple[str, ...] = (
    "hydration",
    "stress_care",
    "sleep_habits",
    "caffeine_reduction",
    "mineral_rich_food",
    "heat_and_cold",
    "stretching_and_massage",
    "rest_breaks",
)

RELIEF_RATINGS: tuple[str, ...] = ("helpful", "somewhat", "not_helpful")

# Words people type for the same thing; the canonical word is the value.
REGION_ALIASES: dict[str, str] = {
    "eye": "eyelid",
    "eyes": "eyelid",
    "eyelids": "eyelid",
    "lid": "eyelid",
    "cheek": "face",
    "lips": "lip",
    "mouth": "lip",
    "chin": "jaw",
    "shoulders": "shoulder",
    "arm": "upper_arm",
    "upper-arm": "upper_arm",
    "upper arm": "upper_arm",
    "bicep": "upper_arm",
    "biceps": "upper_arm",
    "tricep": "upper_arm",
    "triceps": "upper_arm",
    "forearms": "forearm",
    "palm": "hand",
    "palms": "hand",
    "hands": "hand",
    "finger": "fingers",
    "thumbs": "thumb",
    "belly": "abdomen",
    "stomach": "abdomen",
    "tummy": "abdomen",
    "abs": "abdomen",
    "lower back": "back",
    "upper back": "back",
    "bum": "buttock",
    "butt": "buttock",
    "buttocks": "buttock",
    "glute": "buttock",
    "thighs": "thigh",
    "quad": "thigh",
    "quads": "thigh",
    "hamstring": "thigh",
    "knees": "knee",
    "calves": "calf",
    "calfs": "calf",
    "shins": "shin",
    "feet": "foot",
    "sole": "foot",
    "toe": "toes",
}


def canonical_region(word: str) -> str | None:
    """The vocabulary word for what a person typed, or None if unknown."""
    cleaned = word.strip().lower().replace("-", " ")
    underscored = cleaned.replace(" ", "_")
    if underscored in BODY_REGIONS:
        return underscored
    return REGION_ALIASES.get(cleaned)


def canonical_episode_region(word: str) -> str | None:
    """Like canonical_region, and "whole body" / "all over" is a place an episode can have."""
    if word.strip().lower().replace("-", " ") in WHOLE_BODY_WORDS:
        return WHOLE_BODY
    return canonical_region(word)


def label(word: str) -> str:
    """A vocabulary word as a person reads it."""
    return word.replace("_", " ")
