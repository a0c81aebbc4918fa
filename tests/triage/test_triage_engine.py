"""The engine: monotone in red flags, safe wording, and the result's promised parts."""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from twitchguide.diary.vocabulary import BODY_REGIONS, SIDES
from twitchguide.triage.engine import TriageResult, TriageSettings, level_bounds, triage
from twitchguide.triage.facts import FACT_NAMES, FACT_SPECS, TriageFacts, fact_kind
from twitchguide.triage.rulebook import RANK, facts_used, load_rulebook

# True for every yes/no fact is a red flag, or at worst neutral, except hypnic_jerks_only,
# whose "yes" is reassuring (jerks only while falling asleep).
REASSURING = {"hypnic_jerks_only"}
RED_FLAG_BOOLS = [n for n in FACT_NAMES if fact_kind(n) == "bool" and n not in REASSURING]

_NUMBERS: dict[str, st.SearchStrategy[Any]] = {
    "duration_days": st.floats(0, 400),
    "age_years": st.floats(0, 100),
    "eyelid_twitch_days": st.floats(0, 400),
    "pregnancy_weeks": st.floats(0, 42),
    "caffeine_mg": st.floats(0, 1500),
    "sleep_hours": st.floats(0, 12),
    "stress": st.integers(1, 5),
    "anxiety": st.integers(1, 5),
}


def _value(name: str) -> st.SearchStrategy[Any]:
    kind = fact_kind(name)
    if kind == "bool":
        return st.booleans()
    if kind == "regions":
        return st.lists(st.sampled_from(BODY_REGIONS), max_size=4, unique=True)
    if kind == "classes":
        choices = FACT_SPECS[name].metadata["choices"]
        return st.lists(st.sampled_from(choices), max_size=3, unique=True)
    if kind == "names":
        return st.lists(st.sampled_from(["furosemide", "sertraline", "aspirin"]), max_size=2)
    if kind == "choice":
        return st.sampled_from(SIDES)
    return _NUMBERS[name]


facts_strategy = st.fixed_dictionaries(
    {}, optional={name: st.one_of(st.none(), _value(name)) for name in FACT_NAMES}
).map(TriageFacts.from_dict)

# A red flag added to some facts: a yes/no red flag set to yes, a worrying body area or
# medicine class added, or a longer duration.
red_flag_strategy = st.one_of(
    st.sampled_from(RED_FLAG_BOOLS).map(lambda name: ("set", name, True)),
    st.sampled_from(["tongue", "calf", "upper_arm"]).map(lambda r: ("add", "regions", r)),
    st.sampled_from(["diuretic", "ppi", "ssri"]).map(lambda c: ("add", "medicine_classes", c)),
    st.floats(15, 400).map(lambda d: ("max", "duration_days", d)),
)


def add_red_flag(facts: TriageFacts, flag: tuple[str, str, Any]) -> TriageFacts:
    how, name, value = flag
    data = facts.to_dict()
    if how == "set":
        data[name] = value
    elif how == "add":
        data[name] = [*data.get(name, []), value]
    else:
        data[name] = max(data.get(name, 0), value)
    return TriageFacts.from_dict(data)


@settings(max_examples=400, deadline=None)
@given(facts_strategy, st.lists(red_flag_strategy, min_size=1, max_size=3))
def test_adding_red_flags_never_lowers_the_level(
    facts: TriageFacts, flags: list[tuple[str, str, Any]]
) -> None:
    before = RANK[triage(facts).level]
    for flag in flags:
        facts = add_red_flag(facts, flag)
        after = RANK[triage(facts).level]
        assert after >= before
        before = after


@settings(max_examples=200, deadline=None)
@given(facts_strategy)
def test_level_bounds_agree_with_triage(facts: TriageFacts) -> None:
    now, best = level_bounds(facts, frozenset())
    assert now == best == triage(facts).level
    low, high = level_bounds(facts, frozenset(FACT_NAMES))
    assert RANK[low] <= RANK[triage(facts).level] <= RANK[high]


# Disease names that must never appear as the reader's diagnosis in the result's prose.
DIAGNOSIS = re.compile(
    r"\byou (have|'ve got|are suffering from) (a |an )?(\w+ ){0,2}"
    r"(disease|syndrome|disorder|condition|illness)|diagnos|\bALS\b|\bMND\b|motor neuron|"
    r"amyotrophic|sclerosis|stroke|guillain|serotonin syndrome|pre-?eclampsia|hypocalc|"
    r"hypokal|benign fasciculation|\bBFS\b|epilep|myasthenia|parkinson|cancer|tumou?r",
    re.IGNORECASE,
)


def prose(result: TriageResult) -> str:
    parts = [result.title, result.advice, *result.extra_advice, *result.safety_net]
    return " ".join(parts + [reason.explanation for reason in result.reasons])


def every_rule_result() -> list[TriageResult]:
    """One result per rule, from facts that make that rule fire (all its yes/no facts true)."""
    results = []
    for rule in load_rulebook().rules:
        data: dict[str, Any] = {}
        for name in facts_used(rule.when):
            kind = fact_kind(name)
            data[name] = {"bool": True, "regions": ["tongue", "calf"],
                          "classes": ["diuretic", "ssri"]}.get(kind)  # fmt: skip
        # Signs said to be slow only stop the sudden rules from firing.
        data.pop("slow_onset_signs", None)
        data = {k: v for k, v in data.items() if v is not None}
        data.update({"duration_days": 30, "eyelid_twitch_days": 30, "caffeine_mg": 500})
        results.append(triage(TriageFacts.from_dict(data)))
    return results


def test_no_result_names_a_diagnosis() -> None:
    for result in [*every_rule_result(), triage(TriageFacts())]:
        assert not DIAGNOSIS.search(prose(result)), prose(result)


def test_every_emergency_says_to_call_emergency_services_with_the_number() -> None:
    local = TriageSettings(emergency_number="000")
    emergencies = [r for r in every_rule_result() if r.level == "emergency"]
    assert emergencies
    for result in emergencies:
        assert "Call emergency services now (999, 112 or 911)" in result.advice
    mine = triage(TriageFacts(seizure=True), local)
    assert "(000)" in mine.advice and mine.to_dict()["emergency_number"] == "000"


def test_every_result_has_disclaimer_reasons_advice_safety_net_and_sources() -> None:
    for result in [*every_rule_result(), triage(TriageFacts())]:
        out = result.to_dict()
        assert "does not replace a doctor" in out["disclaimer"]
        assert out["reasons"] and out["advice"] and out["safety_net"] and out["sources"]
        assert "{emergency_number}" not in str(out)


def test_see_doctor_soon_for_swallowing_says_the_same_day() -> None:
    result = triage(TriageFacts(trouble_swallowing=True, onset_sudden=False))
    assert result.level == "see_doctor_soon"
    # Issue 15, pattern 8: the headline says today when a reason does, not only a caveat.
    assert result.title == "See a doctor today"
    assert result.by_when == "today"
    assert result.to_dict()["advice"].startswith("Contact a doctor today")
    assert "24 to 72 hours" not in result.to_dict()["advice"]


def test_a_tongue_twitch_alone_keeps_the_few_days_headline() -> None:
    result = triage(TriageFacts(regions=("tongue",)))
    assert (result.level, result.title) == ("see_doctor_soon", "See a doctor soon")
    assert result.by_when.startswith("within 24 to 72 hours")


@pytest.mark.parametrize(
    "facts",
    [
        {"swollen_painful_leg": True},
        {"fever": True, "severe_headache": True},
        {"recent_neck_surgery": True},
        {"choking_on_saliva": True, "onset_sudden": False},
    ],
)
def test_every_reason_that_says_today_gives_a_today_headline(facts: dict[str, Any]) -> None:
    result = triage(TriageFacts.from_dict(facts))
    assert result.level == "see_doctor_soon"
    assert (result.title, result.by_when) == ("See a doctor today", "today")
    today = [r for r in result.reasons if r.level == result.level and "today" in r.explanation]
    assert today


def test_medicine_names_count_as_their_class() -> None:
    result = triage(TriageFacts(medicines=("Furosemide 40 mg",), palpitations=True, weakness=True))
    assert result.level == "emergency"


def test_wording_reads_at_grade_8_or_lower(fk_grade: Callable[[str], float]) -> None:
    book = load_rulebook()
    texts = [rule.explanation for rule in book.rules]
    texts += [level.advice + " " + " ".join(level.safety_net) for level in book.levels.values()]
    assert fk_grade(" ".join(texts)) <= 8.0
    assert max(fk_grade(text) for text in texts) <= 9.0


@settings(max_examples=200, deadline=None)
@given(facts_strategy)
def test_facts_round_trip_through_plain_data(facts: TriageFacts) -> None:
    assert TriageFacts.from_dict(facts.to_dict()) == facts
