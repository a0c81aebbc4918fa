"""The questions a free text left open: only those whose answer could still raise the level."""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache
from typing import Any, Literal

from twitchguide.errors import InvalidInput
from twitchguide.triage.engine import level_bounds, with_known_classes
from twitchguide.triage.facts import FACT_SPECS, TriageFacts, fact_meaning
from twitchguide.triage.questions import QUESTIONS, QUESTIONS_BY_ID, Question, apply_answer
from twitchguide.triage.rulebook import RANK, Rule, evaluate, facts_used, load_rulebook

OpenKind = Literal["yesno", "number", "regions", "names"]

# Facts the diary or other facts supply; a person is not asked about them directly.
NOT_ASKED = frozenset({"grip_decline", "medicine_classes", "eyelid_twitch_days"})
# Questions of the interactive check that set a non-yes/no fact, reused as they are.
ASK_WITH = {
    "regions": "where",
    "duration_days": "how_long",
    "medicines": "medicines",
    "pregnancy_weeks": "pregnancy_weeks",
}
YES = ("y", "yes", "yeah", "yep", "true")
NO = ("n", "no", "nope", "false")


@dataclass(frozen=True)
class OpenQuestion:
    """A fact the text did not settle, the question that settles it, and what it could lead to."""

    fact: str
    text: str
    kind: OpenKind
    could_raise_to: str

    def to_dict(self) -> dict[str, Any]:
        return {
            "fact": self.fact,
            "question": self.text,
            "kind": self.kind,
            "could_raise_to": self.could_raise_to,
        }


def _labels() -> dict[str, str]:
    labels: dict[str, str] = {}
    for question in QUESTIONS:
        for fact, label in zip(question.facts, question.labels, strict=False):
            labels.setdefault(fact, label)
    return labels


LABELS = _labels()


def question_text(fact: str) -> str:
    """Plain words for the question about one fact."""
    if fact in ASK_WITH:
        return QUESTIONS_BY_ID[ASK_WITH[fact]].text
    label = LABELS.get(fact) or fact_meaning(fact)
    return f"Does this apply to you: {label}?"


@cache
def _rules_using() -> dict[str, tuple[Rule, ...]]:
    """Each fact and the rules that read it."""
    index: dict[str, list[Rule]] = {}
    for rule in load_rulebook().rules:
        for name in facts_used(rule.when):
            index.setdefault(name, []).append(rule)
    return {name: tuple(rules) for name, rules in index.items()}


def open_questions(facts: TriageFacts) -> list[OpenQuestion]:
    """Unknown facts whose answer alone could raise the level, the highest stakes first."""
    found: list[OpenQuestion] = []
    # The level as things stand (unknown = absent), not the lowest level still possible.
    now = level_bounds(facts, frozenset())[0]
    known = with_known_classes(facts)
    using = _rules_using()
    for name, spec in FACT_SPECS.items():
        if name in NOT_ASKED or getattr(facts, name) is not None:
            continue
        kind = spec.metadata["kind"]
        if kind not in ("bool", "regions", "names") and name not in ASK_WITH:
            continue
        pending = frozenset({name, "medicine_classes"} if name == "medicines" else {name})
        # Only rules that read a pending fact can change with its answer (level_bounds over the
        # whole rulebook gives the same, at about ten times the cost on every free text).
        rules = {rule.id: rule for fact in pending for rule in using.get(fact, ())}
        could = [r.level for r in rules.values() if evaluate(r.when, known, pending) is not False]
        best = max(could, key=lambda level: RANK[level], default="self_care")
        if RANK[best] <= RANK[now]:
            continue
        ask: OpenKind = "yesno" if kind == "bool" else "regions" if kind == "regions" else "names"
        if kind in ("int", "float"):
            ask = "number"
        found.append(OpenQuestion(name, question_text(name), ask, best))
    found.sort(key=lambda q: -RANK[q.could_raise_to])
    return found


def answer_open_question(facts: TriageFacts, question: OpenQuestion, answer: str) -> TriageFacts:
    """Facts updated with one typed answer; an empty answer or '?' leaves them unchanged."""
    text = answer.strip().lower()
    if text in ("", "?", "not sure", "unsure", "don't know", "dont know"):
        return facts
    if question.kind == "yesno":
        if text in YES:
            return facts.with_facts(**{question.fact: True})
        if text in NO:
            return facts.with_facts(**{question.fact: False})
        raise InvalidInput(question.fact, "yes, no, or ? if you are not sure")
    return apply_answer(facts, QUESTIONS_BY_ID[ASK_WITH[question.fact]], answer)


def next_open_question(
    facts: TriageFacts, asked: frozenset[str]
) -> tuple[Question, tuple[str, ...]] | None:
    """After a free text: the next check question that covers facts the text left open, and
    just those facts (a checklist lists only them). `asked`: ids of questions asked already."""
    done = {fact for question in QUESTIONS if question.id in asked for fact in question.facts}
    still_open = {q.fact for q in open_questions(facts)} - done
    for question in QUESTIONS:
        if question.id not in asked and still_open & set(question.facts):
            return question, tuple(fact for fact in question.facts if fact in still_open)
    return None
