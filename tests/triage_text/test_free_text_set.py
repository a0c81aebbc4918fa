"""The free-text set: no emergency under-triaged, no stated red flag missed, levels and F1."""

from __future__ import annotations

from collections import Counter

import pytest

from tests.triage_text.free_text_scoring import RED_FLAGS, Score, all_cases, load_cases, score
from twitchguide.triage.facts import TriageFacts


@pytest.fixture(scope="module")
def result() -> Score:
    """All sets together: the main one and the ones held out while the extractor was built."""
    return score(all_cases())


def test_the_set_is_big_and_varied_enough() -> None:
    cases = load_cases()
    levels = Counter(case["level"] for case in cases)
    denies_a_red_flag = [
        case
        for case in cases
        if any(name in RED_FLAGS and value is False for name, value in case["facts"].items())
    ]
    assert len(cases) >= 100
    assert levels["emergency"] >= 20
    assert levels["see_doctor_soon"] >= 25
    assert len(denies_a_red_flag) >= 25
    everything = all_cases()
    assert len({case["id"] for case in everything}) == len(everything)


def test_every_expected_fact_is_a_valid_fact() -> None:
    for case in all_cases():
        TriageFacts.from_dict(case["facts"])


def test_no_emergency_is_under_triaged(result: Score) -> None:
    assert result.under_triaged_emergencies == []


def test_no_stated_red_flag_is_missed(result: Score) -> None:
    assert result.missed_red_flags == []


def test_at_least_85_percent_get_exactly_the_expected_level(result: Score) -> None:
    assert result.exact_share >= 0.85, result.wrong_levels


def test_fact_extraction_f1_is_at_least_0_9(result: Score) -> None:
    assert result.f1 >= 0.9, result.fact_errors


def test_set_3_keeps_the_issue_15_bar() -> None:
    # Written blind by someone who never saw the extractor; tuned on since (docs/benchmarks.md).
    blind = score(load_cases("blind 3"))
    assert blind.cases >= 150
    assert blind.under_triaged_emergencies == [] and blind.missed_red_flags == []
    assert blind.exact_share >= 0.95, blind.wrong_levels
