"""Scores the free-text extractor against the hand-labelled set: facts F1, levels, red flags."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import yaml

from twitchguide.triage.engine import triage
from twitchguide.triage.extract import extract_facts
from twitchguide.triage.facts import TriageFacts
from twitchguide.triage.rulebook import RANK

HERE = Path(__file__).parent
# The main set, then sets held out while the extractor was built (each scored once blind;
# blind set 3 was written by someone who never saw the extractor).
SETS = {
    "main": HERE / "free_text_cases.yaml",
    "held-out 1": HERE / "free_text_holdout.yaml",
    "held-out 2": HERE / "free_text_holdout2.yaml",
    "blind 3": HERE / "free_text_blind3.yaml",
    "blind 4": HERE / "free_text_blind4.yaml",
    "blind 5": HERE / "free_text_blind5.yaml",
    "blind 6": HERE / "free_text_blind6.yaml",
    "blind 7": HERE / "free_text_blind7.yaml",
    "blind 8": HERE / "free_text_blind8.yaml",
    # The engineer's own adversarial variants, written and fixed together: tuned, never blind.
    "variants 5 (tuned)": HERE / "free_text_variants5.yaml",
    "variants 6 (tuned)": HERE / "free_text_variants6.yaml",
    "variants 7 (tuned)": HERE / "free_text_variants7.yaml",
}
NOW = datetime(2026, 11, 28, 12, tzinfo=UTC)


def facts(text: str) -> TriageFacts:
    """What the extractor reads from a text, at the sets' fixed "now"."""
    return extract_facts(text, NOW).facts


def level(text: str) -> str:
    """The triage level for a text read on its own."""
    return triage(facts(text)).level


LEVELS = ("emergency", "see_doctor_soon", "routine_appointment", "self_care")

# Signs that, when stated, must never be missed (each raises the level on its own or with
# another sign). Context facts (onset, pregnancy, a new medicine) are scored by F1 only.
RED_FLAGS = frozenset(
    [
        "weakness",
        "dropping_things",
        "tripping",
        "trouble_with_buttons",
        "trouble_with_stairs",
        "trouble_rising_from_chair",
        "weakness_worsening",
        "muscle_wasting",
        "numbness",
        "tingling",
        "ascending_weakness",
        "trouble_speaking",
        "trouble_swallowing",
        "choking_on_saliva",
        "trouble_breathing",
        "breathless_lying_flat",
        "face_drooping",
        "double_vision",
        "loss_of_balance",
        "sudden_symptoms_resolved",
        "fever",
        "seizure",
        "hand_foot_spasms",
        "tingling_around_mouth",
        "throat_tightness",
        "palpitations",
        "chest_pain",
        "fainting",
        "severe_headache",
        "visual_disturbance",
        "sudden_swelling",
        "recent_neck_surgery",
        "agitation",
        "sweating",
        "pesticide_exposure",
        "drooling",
        "pinpoint_pupils",
        "wheeze",
        "eyelid_closes_shut",
        "stiff_neck",
        "confusion",
        "non_fading_rash",
        "dark_urine",
        "jaw_stiff",
        "swollen_painful_leg",
        "saddle_numbness",
        "bladder_bowel_change",
        "red_eye_discharge",
        "passed_out",
    ]
)


def load_cases(name: str = "main") -> list[dict[str, Any]]:
    """One labelled set by name (see SETS)."""
    cases: list[dict[str, Any]] = yaml.safe_load(SETS[name].read_text(encoding="utf-8"))
    return cases


def all_cases() -> list[dict[str, Any]]:
    return [case for name in SETS for case in load_cases(name)]


def same(expected: Any, got: Any) -> bool:
    """Numbers within 10% (or 0.01), lists as sets, everything else exactly."""
    if isinstance(expected, bool) or isinstance(got, bool):
        return expected is got
    if isinstance(expected, int | float) and isinstance(got, int | float):
        return abs(expected - got) <= max(0.01, 0.1 * abs(expected))
    if isinstance(expected, list) and isinstance(got, list):
        return set(expected) == set(got)
    return bool(expected == got)


@dataclass
class Score:
    """Totals over the set."""

    cases: int = 0
    true_pos: int = 0
    false_pos: int = 0
    false_neg: int = 0
    exact: int = 0
    under_triaged_emergencies: list[str] = field(default_factory=list)
    under_triaged: list[str] = field(default_factory=list)
    over_triaged: list[str] = field(default_factory=list)
    missed_red_flags: list[str] = field(default_factory=list)
    wrong_levels: list[str] = field(default_factory=list)
    fact_errors: list[str] = field(default_factory=list)
    by_level: dict[str, list[int]] = field(default_factory=dict)

    @property
    def precision(self) -> float:
        return self.true_pos / max(1, self.true_pos + self.false_pos)

    @property
    def recall(self) -> float:
        return self.true_pos / max(1, self.true_pos + self.false_neg)

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0

    @property
    def exact_share(self) -> float:
        return self.exact / max(1, self.cases)


def score(cases: list[dict[str, Any]] | None = None) -> Score:
    """Run every case through extract_facts and triage, and count."""
    result = Score()
    for case in cases if cases is not None else load_cases():
        expected: dict[str, Any] = case["facts"]
        got = extract_facts(case["text"], NOW).facts.to_dict()
        result.cases += 1
        for name, value in expected.items():
            if name in got and same(value, got[name]):
                result.true_pos += 1
            else:
                result.false_neg += 1
                result.fact_errors.append(f"{case['id']}: {name} want {value} got {got.get(name)}")
        for name, value in got.items():
            if name not in expected or not same(expected[name], value):
                result.false_pos += 1
                if name not in expected:
                    result.fact_errors.append(f"{case['id']}: {name} extra {value}")
        for name, value in expected.items():
            if name in RED_FLAGS and value is True and got.get(name) is not True:
                result.missed_red_flags.append(f"{case['id']}: {name}")
        level = triage(extract_facts(case["text"], NOW).facts).level
        want = case["level"]
        counts = result.by_level.setdefault(want, [0, 0])
        counts[1] += 1
        if level == want:
            result.exact += 1
            counts[0] += 1
        else:
            result.wrong_levels.append(f"{case['id']}: want {want} got {level}")
        if RANK[level] < RANK[want]:
            result.under_triaged.append(case["id"])
            if want == "emergency":
                result.under_triaged_emergencies.append(case["id"])
        elif RANK[level] > RANK[want]:
            result.over_triaged.append(case["id"])
    return result
