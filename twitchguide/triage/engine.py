"""The triage engine: facts in, an urgency level with reasons, advice and sources out."""

from __future__ import annotations

from dataclasses import field
from typing import Any

from twitchguide.triage.facts import TriageFacts
from twitchguide.triage.medicines import classes_of
from twitchguide.triage.rulebook import RANK, Rule, Rulebook, evaluate, load_rulebook
from twitchguide.value import value

DEFAULT_EMERGENCY_NUMBER = "999, 112 or 911"


@value(eq=False)
class TriageSettings:
    """Per-person choices triage needs: the local emergency number to show."""

    emergency_number: str = DEFAULT_EMERGENCY_NUMBER


@value
class Reason:
    """Why the level is what it is: one fired rule, in plain words, with its sources."""

    rule_id: str
    level: str
    explanation: str
    sources: tuple[str, ...]


@value
class TriageResult:
    """The answer to "should I see a doctor?" for one set of facts."""

    level: str
    title: str
    advice: str
    by_when: str
    reasons: tuple[Reason, ...]
    safety_net: tuple[str, ...]
    sources: tuple[str, ...]
    disclaimer: str
    emergency_number: str
    extra_advice: tuple[str, ...] = field(default=())
    unknown: tuple[str, ...] = field(default=())  # warning signs not answered, in plain words

    @property
    def rank(self) -> int:
        return RANK[self.level]

    def to_dict(self) -> dict[str, Any]:
        """JSON-ready: level, title, advice, by_when, reasons, safety_net, sources, disclaimer."""
        return {
            "level": self.level,
            "title": self.title,
            "advice": " ".join((self.advice, *self.extra_advice)),
            "by_when": self.by_when,
            "reasons": [
                {
                    "rule": reason.rule_id,
                    "level": reason.level,
                    "explanation": reason.explanation,
                    "sources": list(reason.sources),
                }
                for reason in self.reasons
            ],
            "safety_net": list(self.safety_net),
            "sources": list(self.sources),
            "disclaimer": self.disclaimer,
            "emergency_number": self.emergency_number,
            "unknown": list(self.unknown),
        }

    def one_line(self) -> str:
        """The level and the main reason in one line, for the notice after logging."""
        first = self.reasons[0].explanation.split(". ")[0].rstrip(".")
        return f"{self.title}. {first}."


def with_known_classes(facts: TriageFacts) -> TriageFacts:
    """Facts whose medicine classes also include the classes of the medicine names given."""
    if not facts.medicines:
        return facts
    derived = classes_of(facts.medicines)
    merged = tuple(dict.fromkeys((*(facts.medicine_classes or ()), *derived)))
    if merged == (facts.medicine_classes or ()):
        return facts
    return TriageFacts(**{**_field_values(facts), "medicine_classes": merged})


def _field_values(facts: TriageFacts) -> dict[str, Any]:
    return {name: getattr(facts, name) for name in facts.__dataclass_fields__}


def fired_rules(
    facts: TriageFacts, rulebook: Rulebook | None = None, pending: frozenset[str] = frozenset()
) -> list[tuple[Rule, bool | None]]:
    """Each rule that fires (True) or may still fire (None), highest level first."""
    book = rulebook or load_rulebook()
    found: list[tuple[Rule, bool | None]] = []
    for rule in book.rules:
        outcome = evaluate(rule.when, facts, pending)
        if outcome is not False:
            found.append((rule, outcome))
    found.sort(key=lambda pair: -RANK[pair[0].level])
    return found


UNKNOWN_LISTED = 6  # warning signs named in the reason; the rest are counted


def triage(
    facts: TriageFacts,
    settings: TriageSettings | None = None,
    rulebook: Rulebook | None = None,
    unknown: tuple[str, ...] = (),
) -> TriageResult:
    """How urgently to seek care. The highest level among fired rules wins; unknown = absent.

    `unknown`: warning signs, in plain words, that were not answered and could raise the level.
    A self-care result then says so instead of "none of your answers is a warning sign".
    """
    settings = settings or TriageSettings()
    book = rulebook or load_rulebook()
    facts = with_known_classes(facts)
    fired = [rule for rule, _ in fired_rules(facts, book)]
    level = fired[0].level if fired else "self_care"
    number = settings.emergency_number.strip() or DEFAULT_EMERGENCY_NUMBER

    def fill(text: str) -> str:
        return text.replace("{emergency_number}", number)

    reasons = tuple(
        Reason(rule.id, rule.level, fill(rule.explanation), rule.sources) for rule in fired
    )
    if unknown and level == "self_care":
        reasons = (_unknown_reason(book, unknown), *reasons)
    elif not fired:
        reasons = (Reason("no_red_flags", "self_care", book.default_explanation,
                          book.default_sources),)  # fmt: skip
    extra = tuple(
        dict.fromkeys(fill(rule.advice) for rule in fired if rule.advice and rule.level == level)
    )
    chosen = book.levels[level]
    # When a reason says "today", so does the headline (title, what to do, by when).
    same_day = chosen.same_day
    if same_day is not None and any(r.same_day for r in fired if r.level == level):
        chosen = same_day
    sources = tuple(dict.fromkeys(source for reason in reasons for source in reason.sources))
    return TriageResult(
        level=level,
        title=chosen.title,
        advice=fill(chosen.advice),
        by_when=chosen.by_when,
        reasons=reasons,
        safety_net=tuple(fill(line) for line in chosen.safety_net),
        sources=sources,
        disclaimer=book.disclaimer,
        emergency_number=number,
        extra_advice=extra,
        unknown=unknown,
    )


def _unknown_reason(book: Rulebook, unknown: tuple[str, ...]) -> Reason:
    named = list(unknown[:UNKNOWN_LISTED])
    if len(unknown) > UNKNOWN_LISTED:
        named.append(f"{len(unknown) - UNKNOWN_LISTED} more (listed below)")
    listed = ", ".join(named[:-1]) + (" and " if len(named) > 1 else "") + named[-1]
    text = book.unknown_explanation.replace("{unknown}", listed)
    return Reason("not_known", "self_care", text, book.unknown_sources)


def level_bounds(
    facts: TriageFacts, pending: frozenset[str], rulebook: Rulebook | None = None
) -> tuple[str, str]:
    """(level now, highest level still possible once the pending facts are answered)."""
    facts = with_known_classes(facts)
    now, best = "self_care", "self_care"
    for rule, outcome in fired_rules(facts, rulebook, pending):
        if outcome is True and RANK[rule.level] > RANK[now]:
            now = rule.level
        if RANK[rule.level] > RANK[best]:
            best = rule.level
    return now, best
