"""Issue 15's patterns 7-10: "not sure" is not "no", the headline says today when a reason
does, medicines named as causes get a note, and every check lists what is still unanswered."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given as given_facts
from hypothesis import settings

from tests.conftest import CliRun
from tests.triage.test_triage_engine import facts_strategy
from twitchguide.actions.triage import check, decide
from twitchguide.triage.engine import triage
from twitchguide.triage.extract import open_questions
from twitchguide.triage.facts import FACT_SPECS, TriageFacts
from twitchguide.triage.rulebook import RANK

NONE_OF_YOUR_ANSWERS = "None of your answers is a warning sign"


def everything_denied() -> dict[str, Any]:
    """Every yes/no fact answered no, and the rest given: nothing is left unknown."""
    data: dict[str, Any] = {
        name: False for name, spec in FACT_SPECS.items() if spec.metadata["kind"] == "bool"
    }
    data.update(regions=["calf"], duration_days=3, medicines=[], medicine_classes=[])
    return data


# ---- 7. a result built on unknowns says what is unknown ----


@pytest.mark.parametrize("text", ["", "🙂", "?", "hello", "I'm not sure if I'm weak"])
def test_a_check_on_words_that_settle_nothing_says_what_is_unknown(text: str) -> None:
    done = check(None, text=text)
    assert done.result.level == "self_care"
    explanations = " ".join(reason.explanation for reason in done.result.reasons)
    assert NONE_OF_YOUR_ANSWERS not in explanations
    assert done.result.reasons[0].rule_id == "not_known"
    assert "emergency services" in done.result.reasons[0].explanation
    assert done.unanswered and done.result.unknown


def test_what_the_person_was_unsure_of_is_named_first() -> None:
    done = check(None, text="calf twitching, I'm not sure if I'm weak")
    assert done.result.unknown[0] == "real weakness in an arm, leg or hand"
    assert done.result.reasons[0].explanation.startswith(
        "We do not know yet about: real weakness in an arm, leg or hand,"
    )


def test_only_when_everything_is_answered_does_it_say_none_is_a_warning_sign() -> None:
    facts = TriageFacts.from_dict(everything_denied())
    assert open_questions(facts) == []
    done = decide(None, facts)
    assert [reason.rule_id for reason in done.result.reasons] == ["no_red_flags"]
    assert NONE_OF_YOUR_ANSWERS in done.result.reasons[0].explanation


def test_unknowns_never_change_the_level() -> None:
    for given in ({}, {"regions": ["calf", "eyelid"]}, {"weakness": True}):
        facts = TriageFacts.from_dict(given)
        assert decide(None, facts).result.level == triage(facts).level


def test_answering_question_marks_to_every_question_is_not_all_clear(
    run_cli_sqlite: CliRun,
) -> None:
    result = run_cli_sqlite("check", input="\n" + "?\n" * 40)
    assert result.exit_code == 0, result.stderr
    assert "Result: Self-care" in result.stdout
    assert NONE_OF_YOUR_ANSWERS not in result.stdout
    assert "We do not know yet about:" in result.stdout
    assert "Not known yet" in result.stdout and "Could make it an emergency:" in result.stdout


# ---- 8. the headline matches the most urgent instruction ----


def test_swallowing_trouble_that_started_today_has_a_today_headline(
    run_cli_sqlite: CliRun,
) -> None:
    result = run_cli_sqlite("check", "--text", "trouble swallowing since this morning", "--json")
    out = json.loads(result.stdout)
    assert (out["level"], out["title"], out["by_when"]) == (
        "see_doctor_soon",
        "See a doctor today",
        "today",
    )
    assert out["advice"].startswith("Contact a doctor today")


# ---- 9. medicines named as causes get a note, never a higher level ----


@pytest.mark.parametrize("medicine", ["prednisolone", "salbutamol", "methylphenidate"])
def test_a_medicine_named_as_a_cause_gives_a_note_at_the_same_level(medicine: str) -> None:
    plain = TriageFacts(regions=("calf",), duration_days=4)
    taking = plain.with_facts(medicines=(medicine,))
    result = triage(taking)
    assert result.level == triage(plain).level == "self_care"
    note = next(r for r in result.reasons if r.rule_id == "medicine_can_cause_twitching")
    assert "Do not stop it without advice" in note.explanation
    assert "medlineplus-fasciculations" in note.sources


def test_the_note_comes_from_free_text_too() -> None:
    done = check(None, text="one twitch in my calf for 4 days, been on prednisolone for a year")
    assert done.result.level == "self_care"
    assert "medicine_can_cause_twitching" in {r.rule_id for r in done.result.reasons}


@pytest.mark.parametrize(
    "classes", [("corticosteroid",), ("stimulant",), ("beta_agonist",), ("oestrogen",)]
)
@pytest.mark.parametrize(
    "given", [{}, {"regions": ["calf", "thigh"]}, {"weakness": True}, {"seizure": True}]
)
def test_the_note_never_raises_the_level(classes: tuple[str, ...], given: dict[str, Any]) -> None:
    facts = TriageFacts.from_dict(given)
    with_medicine = facts.with_facts(medicine_classes=classes)
    assert RANK[triage(with_medicine).level] == RANK[triage(facts).level]


# ---- 10. `check --answers` lists what was not answered ----


def test_check_answers_lists_the_facts_left_out(run_cli_sqlite: CliRun, tmp_path: Path) -> None:
    path = tmp_path / "answers.json"
    path.write_text(json.dumps({"regions": ["calf"], "duration_days": 3}), encoding="utf-8")
    shown = run_cli_sqlite("check", "--answers", str(path))
    assert "Not known yet (not counted as present" in shown.stdout
    assert "slurred speech or trouble finding words" in shown.stdout
    as_json = json.loads(run_cli_sqlite("check", "--answers", str(path), "--json").stdout)
    left_out = {question["fact"] for question in as_json["unanswered"]}
    assert {"weakness", "trouble_speaking", "seizure"} <= left_out
    assert as_json["unknown"]


def test_check_answers_with_everything_answered_lists_nothing(
    run_cli_sqlite: CliRun, tmp_path: Path
) -> None:
    path = tmp_path / "answers.json"
    path.write_text(json.dumps(everything_denied()), encoding="utf-8")
    shown = run_cli_sqlite("check", "--answers", str(path))
    assert "Not known yet" not in shown.stdout
    assert NONE_OF_YOUR_ANSWERS in shown.stdout


@settings(max_examples=150, deadline=None)
@given_facts(facts_strategy)
def test_open_questions_agree_with_the_whole_rulebook(facts: TriageFacts) -> None:
    # open_questions evaluates only the rules that read each unknown fact; level_bounds over
    # every rule must give the same questions and the same levels they could lead to.
    from twitchguide.triage.engine import level_bounds
    from twitchguide.triage.extract.followup import ASK_WITH, NOT_ASKED

    now = level_bounds(facts, frozenset())[0]
    expected = {}
    for name, spec in FACT_SPECS.items():
        kind = spec.metadata["kind"]
        if name in NOT_ASKED or getattr(facts, name) is not None:
            continue
        if kind not in ("bool", "regions", "names") and name not in ASK_WITH:
            continue
        pending = {name, "medicine_classes"} if name == "medicines" else {name}
        best = level_bounds(facts, frozenset(pending))[1]
        if RANK[best] > RANK[now]:
            expected[name] = best
    assert {q.fact: q.could_raise_to for q in open_questions(facts)} == expected
